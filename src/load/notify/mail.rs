//! The settings of an e-mail channel, checked as `notify` will use them: a server, a sender,
//! recipients and an unsubscribe target that mail systems accept, so a bad one is a lint
//! finding at its value rather than a failed run in CI.

use lettre::message::Mailbox;

use super::Map;
use crate::diagnostic::Finding;
use crate::load::fields::Reader;
use crate::load::yaml::Value;
use crate::model::{NotifyChannel, RuleId, Spanned};

/// Reports what keeps the e-mail `channel` (read from `map`) from sending.
pub(super) fn check(reader: &mut Reader, map: &Map<'_>, channel: &NotifyChannel) {
    let required = [
        (
            "smtp_host_env",
            "add `smtp_host_env:` naming the variable that holds the SMTP server's host name",
        ),
        (
            "from",
            "add `from:` with the sender's address, like `Status <status@example.com>`",
        ),
        (
            "to",
            "add `to:` with the list address the messages go to, like `[subscribers@example.com]`",
        ),
        (
            "unsubscribe",
            "add `unsubscribe:` with an address or an https:// page where a reader unsubscribes",
        ),
    ];
    for (field, help) in required {
        // A value that is there but wrong has its own finding.
        if map.get(field).is_none() {
            reader.push(
                Finding::new(
                    RuleId::InvalidConfig,
                    channel.kind.span,
                    format!("the e-mail channel has no `{field}`"),
                )
                .help(help),
            );
        }
    }
    if let Some(to) = map.get("to")
        && matches!(&to.value, Value::Seq(items) if items.is_empty())
    {
        reader.push(
            Finding::new(
                RuleId::InvalidConfig,
                to.span,
                "the e-mail channel's `to` list is empty",
            )
            .help("list the address the messages go to, like `[subscribers@example.com]`"),
        );
    }
    if let Some(from) = &channel.from {
        address(reader, from, "from");
    }
    for to in &channel.to {
        address(reader, to, "to");
    }
    if let Some(unsubscribe) = &channel.unsubscribe {
        check_unsubscribe(reader, unsubscribe);
    }
    if let Some(port) = &channel.smtp_port
        && !port.value.parse::<u16>().is_ok_and(|port| port != 0)
    {
        reader.push(
            Finding::new(
                RuleId::InvalidConfig,
                port.span,
                format!("`smtp_port` `{}` is not a port number", port.value),
            )
            .help("write a whole number from 1 to 65535, like `587` (the default) or `465`"),
        );
    }
}

/// One address, bare or with a display name (`Status <status@example.com>`), as lettre's
/// `Mailbox` reads it: the form the sender uses.
fn address(reader: &mut Reader, value: &Spanned<String>, field: &str) {
    if value.value.parse::<Mailbox>().is_err() {
        reader.push(
            Finding::new(
                RuleId::InvalidConfig,
                value.span,
                format!("`{field}` is not one e-mail address"),
            )
            .help("write one address per entry, like `status@example.com` or `Status <status@example.com>`"),
        );
    }
}

/// The `List-Unsubscribe` target: an `https://` page, or an address (`mailto:` optional).
/// Plain http is refused even for a loopback host: the link is opened by a reader's mail
/// client, for which the CI machine's loopback is no address at all.
fn check_unsubscribe(reader: &mut Reader, value: &Spanned<String>) {
    let text = value.value.as_str();
    let ok = if text.starts_with("https://") || text.starts_with("http://") {
        // `|` is refused by the sender as well.
        text.starts_with("https://")
            && crate::load::config::is_base_url(text)
            && !text.contains('|')
    } else {
        text.strip_prefix("mailto:")
            .unwrap_or(text)
            .parse::<lettre::Address>()
            .is_ok()
    };
    if !ok {
        reader.push(
            Finding::new(
                RuleId::InvalidConfig,
                value.span,
                "`unsubscribe` is neither an https:// URL nor an e-mail address",
            )
            .help("write the page where a reader unsubscribes (`https://status.example.com/unsubscribe`) or an address (`leave@example.com`)"),
        );
    }
}
