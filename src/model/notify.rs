//! The `notify:` channels of site/config.yaml: where `hindsight notify` tells what changed.
//! Secrets are never in the file, only the names of the environment variables holding them.

use super::{Lang, Spanned};

keywords! {
    /// What a notification channel is.
    ChannelKind { Webhook = "webhook", Slack = "slack", Teams = "teams", Discord = "discord", Email = "email" }
}

/// One configured channel.
#[derive(Debug, Clone, PartialEq)]
pub struct NotifyChannel {
    pub kind: Spanned<ChannelKind>,
    /// Names the channel in the delivery log and the report; default `<kind>:<url_env>`
    /// (or `<kind>` and the channel's position).
    pub name: Option<Spanned<String>>,
    /// The variable holding the URL to post to (webhook, Slack, Teams, Discord).
    pub url_env: Option<Spanned<String>>,
    /// The URL itself, for a webhook whose address is not secret.
    pub url: Option<Spanned<String>>,
    /// The variable holding the signing secret (webhook).
    pub secret_env: Option<Spanned<String>>,
    /// Only events about these components (all when empty).
    pub components: Vec<Spanned<String>>,
    /// The channel's languages (the site's default when empty).
    pub languages: Vec<Lang>,
    /// E-mail: variables for the SMTP server and its login, the sender, the recipients and the
    /// `List-Unsubscribe` address or URL.
    pub smtp_host_env: Option<Spanned<String>>,
    pub smtp_port: Option<Spanned<String>>,
    pub smtp_username_env: Option<Spanned<String>>,
    pub smtp_password_env: Option<Spanned<String>>,
    pub from: Option<Spanned<String>>,
    pub to: Vec<Spanned<String>>,
    pub unsubscribe: Option<Spanned<String>>,
}
