//! The `notify:` list of site/config.yaml -> channels, with a finding for every problem: an
//! unknown key, a kind without its address, a secret written where a variable's name belongs,
//! a component or language the site does not have.

use super::fields::Reader;
use super::yaml::{Node, Value};
use crate::diagnostic::Finding;
use crate::model::{ChannelKind, Lang, NotifyChannel, RuleId, SiteConfig, Spanned};

const CHANNEL_FIELDS: &[&str] = &[
    "kind",
    "name",
    "url_env",
    "url",
    "secret_env",
    "components",
    "languages",
    "smtp_host_env",
    "smtp_port",
    "smtp_username_env",
    "smtp_password_env",
    "from",
    "to",
    "unsubscribe",
];

/// The channels of the `notify:` list `node`; `config` has its languages and components read.
pub(super) fn channels(
    reader: &mut Reader,
    node: &Node,
    config: &SiteConfig,
) -> Vec<NotifyChannel> {
    let Value::Seq(items) = &node.value else {
        reader.push(
            Finding::new(
                RuleId::InvalidConfig,
                node.span,
                format!(
                    "`notify` must be a list of channels, found {}",
                    node.kind_name()
                ),
            )
            .help("write each channel on its own line, starting with `- kind: webhook`"),
        );
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|item| channel(reader, item, config))
        .collect()
}

fn channel(reader: &mut Reader, node: &Node, config: &SiteConfig) -> Option<NotifyChannel> {
    let map = reader.mapping(node, "a notify channel", CHANNEL_FIELDS)?;
    let kind = reader
        .required(
            &map,
            "kind",
            "the notify channel",
            "add `kind:` (webhook, slack, teams, discord or email)",
        )
        .and_then(|node| reader.keyword::<ChannelKind>(node, "kind"))?;
    let mut env = |field: &str| {
        let value = reader.optional_text(&map, field)?;
        if is_env_name(&value.value) {
            return Some(value);
        }
        reader.push(
            Finding::new(
                RuleId::InvalidConfig,
                value.span,
                format!("`{field}` must name an environment variable, like `STATUS_WEBHOOK_SECRET`"),
            )
            .help("secrets never go in the file: put the value in a CI secret and name its variable here"),
        );
        None
    };
    let url_env = env("url_env");
    let secret_env = env("secret_env");
    let smtp_host_env = env("smtp_host_env");
    let smtp_username_env = env("smtp_username_env");
    let smtp_password_env = env("smtp_password_env");
    let url = reader.optional_text(&map, "url");
    if let Some(url) = &url {
        if kind.value != ChannelKind::Webhook {
            reader.push(
                Finding::new(
                    RuleId::InvalidConfig,
                    url.span,
                    format!(
                        "a {} URL is a secret: it may not be written in the file",
                        kind.value
                    ),
                )
                .help("put it in a CI secret and name its variable with `url_env:`"),
            );
        } else if !super::config::is_base_url(&url.value) {
            reader.push(Finding::new(
                RuleId::InvalidConfig,
                url.span,
                "`url` is not an absolute http(s) URL without whitespace",
            ));
        }
    }
    if kind.value != ChannelKind::Email && url_env.is_none() && url.is_none() {
        reader.push(
            Finding::new(
                RuleId::InvalidConfig,
                kind.span,
                format!("the {} channel has no address", kind.value),
            )
            .help("add `url_env:` naming the environment variable that holds its URL"),
        );
    }
    let mut components = Vec::new();
    for node in reader.list(&map, "components") {
        let Some(id) = reader.text(node, "components") else {
            continue;
        };
        if config.component(&id.value).is_none() {
            reader.push(
                Finding::new(
                    RuleId::InvalidValue,
                    id.span,
                    format!("`{}` is not a component of the site", id.value),
                )
                .help("use an `id` from `components:`"),
            );
            continue;
        }
        components.push(id);
    }
    let mut languages = Vec::new();
    for node in reader.list(&map, "languages") {
        let Some(lang) = reader.keyword::<Lang>(node, "languages") else {
            continue;
        };
        if !config.languages.contains(&lang.value) {
            reader.push(
                Finding::new(
                    RuleId::InvalidValue,
                    lang.span,
                    format!("the site has no `{}` pages", lang.value),
                )
                .help("use one of the site's `languages`"),
            );
            continue;
        }
        if !languages.contains(&lang.value) {
            languages.push(lang.value);
        }
    }
    let to: Vec<Spanned<String>> = reader
        .list(&map, "to")
        .iter()
        .filter_map(|node| reader.text(node, "to"))
        .collect();
    Some(NotifyChannel {
        kind,
        name: reader.optional_text(&map, "name"),
        url_env,
        url,
        secret_env,
        components,
        languages,
        smtp_host_env,
        smtp_port: reader.optional_text(&map, "smtp_port"),
        smtp_username_env,
        smtp_password_env,
        from: reader.optional_text(&map, "from"),
        to,
        unsubscribe: reader.optional_text(&map, "unsubscribe"),
    })
}

/// A portable environment variable name: letters, digits and `_`, not starting with a digit.
/// A URL, a token or anything with `:`/`/`/`-` in it is a secret written where its name goes.
fn is_env_name(name: &str) -> bool {
    let mut bytes = name.bytes();
    bytes
        .next()
        .is_some_and(|b| b.is_ascii_alphabetic() || b == b'_')
        && bytes.all(|b| b.is_ascii_alphanumeric() || b == b'_')
        && name.len() <= 128
}

#[cfg(test)]
mod tests {
    use crate::load::config::parse;
    use crate::load::yaml::Limits;
    use crate::model::{ChannelKind, Lang};

    const SITE: &str =
        "base_url: https://status.example.com/\nlanguages: [en, de]\ncomponents:\n  - id: api\n";

    fn findings(text: &str) -> Vec<(String, usize, usize)> {
        let (_, findings) = parse(&format!("{SITE}{text}"), &Limits::default());
        findings
            .iter()
            .map(|f| {
                (
                    f.rule.as_str().to_string(),
                    f.span.start.line,
                    f.span.start.column,
                )
            })
            .collect()
    }

    #[test]
    fn the_designs_channel_loads() {
        let text = format!(
            "{SITE}notify:\n  - kind: webhook\n    url_env: STATUS_WEBHOOK_URL\n    secret_env: STATUS_WEBHOOK_SECRET\n    components: [api]\n    languages: [de]\n  - kind: email\n    smtp_host_env: SMTP_HOST\n    smtp_password_env: SMTP_PASSWORD\n    from: status@example.com\n    to: [ops@example.com]\n"
        );
        let (config, findings) = parse(&text, &Limits::default());
        assert!(findings.is_empty(), "{findings:?}");
        assert_eq!(config.notify.len(), 2);
        let webhook = &config.notify[0];
        assert_eq!(webhook.kind.value, ChannelKind::Webhook);
        assert_eq!(
            webhook.url_env.as_ref().unwrap().value,
            "STATUS_WEBHOOK_URL"
        );
        assert_eq!(webhook.languages, [Lang::De]);
        assert_eq!(webhook.components[0].value, "api");
        assert_eq!(config.notify[1].to[0].value, "ops@example.com");
    }

    #[test]
    fn problems_are_findings_at_their_value() {
        // Line 5 is `notify:`, the first line after SITE.
        assert_eq!(
            findings("notify:\n  - kind: webhook\n    url_env: X\n    secrte_env: S\n"),
            [("unknown-field".to_string(), 8, 5)]
        );
        assert_eq!(
            findings(
                "notify:\n  - kind: slack\n    url: https://hooks.slack.com/services/T0/B0/x\n"
            ),
            [("invalid-config".to_string(), 7, 10)]
        );
        assert_eq!(
            findings(
                "notify:\n  - kind: webhook\n    url_env: X\n    secret_env: hunter2-secret!\n"
            ),
            [("invalid-config".to_string(), 8, 17)]
        );
        assert_eq!(
            findings("notify:\n  - kind: discord\n"),
            [("invalid-config".to_string(), 6, 11)]
        );
        assert_eq!(
            findings(
                "notify:\n  - kind: webhook\n    url_env: X\n    components: [web]\n    languages: [ja]\n"
            ),
            [
                ("invalid-value".to_string(), 8, 18),
                ("invalid-value".to_string(), 9, 17)
            ]
        );
        assert_eq!(
            findings("notify:\n  - kind: pager\n"),
            [("invalid-value".to_string(), 6, 11)]
        );
    }

    #[test]
    fn a_webhook_may_have_its_url_in_the_file() {
        assert!(
            findings("notify:\n  - kind: webhook\n    url: https://example.com/hook?token=abc\n")
                .is_empty()
        );
    }
}
