//! The `notify:` list of site/config.yaml -> channels, with a finding for every problem: an
//! unknown key, a kind without its address, a secret written where a variable's name belongs,
//! a component or language the site does not have.

mod mail;

use super::fields::{Map, Reader};
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
    misplaced_fields(reader, &map, kind.value);
    let mut env = |field: &str| {
        let value = reader.optional_text(&map, field)?;
        if is_env_name(&value.value) {
            return Some(value);
        }
        // The value is never repeated (nor its line quoted): it may be the secret itself,
        // and lint output ends up in CI logs.
        reader.push(
            Finding::new(
                RuleId::InvalidConfig,
                value.span,
                format!("`{field}` must name an environment variable in upper case (`A`-`Z`, `0`-`9`, `_`), like `STATUS_WEBHOOK_SECRET`"),
            )
            .help("secrets never go in the file: put the value in a CI secret and name its variable here")
            .secret(),
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
        check_url(reader, kind.value, url, map.get("url_env").is_some());
    }
    if kind.value != ChannelKind::Email && map.get("url_env").is_none() && url.is_none() {
        reader.push(
            Finding::new(
                RuleId::InvalidConfig,
                kind.span,
                format!("the {} channel has no address", kind.value),
            )
            .help("add `url_env:` naming the environment variable that holds its URL"),
        );
    }
    let components = components(reader, &map, config);
    let languages = languages(reader, &map, config);
    let to: Vec<Spanned<String>> = reader
        .list(&map, "to")
        .iter()
        .filter_map(|node| reader.text(node, "to"))
        .collect();
    let channel = NotifyChannel {
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
    };
    if channel.kind.value == ChannelKind::Email {
        mail::check(reader, &map, &channel);
    }
    Some(channel)
}

/// A setting the channel's kind does not use would silently do nothing: the user believes
/// the messages are signed, or go to `to`, and they are not.
fn misplaced_fields(reader: &mut Reader, map: &Map<'_>, kind: ChannelKind) {
    for &field in CHANNEL_FIELDS {
        let Some(span) = map.key_span(field) else {
            continue;
        };
        let (message, help) = match (kind, field) {
            (ChannelKind::Email, "url" | "url_env" | "secret_env") => (
                format!("`{field}` is only for webhook, Slack, Teams and Discord channels"),
                "remove it: an e-mail channel sends to `to` through the server `smtp_host_env` names",
            ),
            (ChannelKind::Email, _) => continue,
            (_, "smtp_host_env" | "smtp_port" | "smtp_username_env" | "smtp_password_env" | "from" | "to" | "unsubscribe") => (
                format!("`{field}` is only for e-mail channels"),
                "remove it, or make this an e-mail channel with `kind: email`",
            ),
            (ChannelKind::Webhook, _) => continue,
            (_, "secret_env") => (
                "`secret_env` is only for webhook channels: Slack, Teams and Discord do not check signatures".to_string(),
                "remove it: the channel's secret is its URL, held by the variable `url_env` names",
            ),
            _ => continue,
        };
        let mut finding = Finding::new(RuleId::InvalidConfig, span, message).help(help);
        // The line holds the value, which for these fields may be a secret.
        if field == "url" || field.ends_with("_env") {
            finding = finding.secret();
        }
        reader.push(finding);
    }
}

/// A URL written in the file: only a webhook's may be, and the event text and the signed
/// payload may only cross a network encrypted.
fn check_url(reader: &mut Reader, kind: ChannelKind, url: &Spanned<String>, has_url_env: bool) {
    match kind {
        // Reported as a misplaced field.
        ChannelKind::Email => {}
        ChannelKind::Webhook => {
            if !super::config::is_base_url(&url.value) {
                reader.push(Finding::new(
                    RuleId::InvalidConfig,
                    url.span,
                    "`url` is not an absolute http(s) URL without whitespace",
                ));
            } else if !is_private_enough(&url.value) {
                reader.push(
                    Finding::new(
                        RuleId::InvalidConfig,
                        url.span,
                        "`url` must be an https:// URL: over http the event text and the signed payload cross the network in clear",
                    )
                    .help("write `https://`; plain `http://` is only for a receiver on this machine (127.0.0.1, [::1], localhost)"),
                );
            }
            if has_url_env {
                reader.push(
                    Finding::new(
                        RuleId::InvalidConfig,
                        url.span,
                        "the channel has both `url` and `url_env`: `url_env` wins and `url` is never used",
                    )
                    .help("keep one: `url_env` when the address is a secret, `url` when it is not"),
                );
            }
        }
        _ => reader.push(
            Finding::new(
                RuleId::InvalidConfig,
                url.span,
                format!("a {kind} URL is a secret: it may not be written in the file"),
            )
            .help("put it in a CI secret and name its variable with `url_env:`")
            .secret(),
        ),
    }
}

/// Whether `url` may carry an event: https, or plain http to the machine itself (a relay or
/// a test receiver in the CI job, on 127.0.0.1, `[::1]` or `localhost`) where nothing
/// crosses a network. `notify` asks it again of a URL read from the environment.
pub(crate) fn is_private_enough(url: &str) -> bool {
    if url.starts_with("https://") {
        return true;
    }
    let Some(rest) = url.strip_prefix("http://") else {
        return false;
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host_port = authority
        .rsplit_once('@')
        .map_or(authority, |(_, host)| host);
    let host = match host_port.strip_prefix('[') {
        Some(v6) => v6.split_once(']').map_or("", |(host, _)| host),
        None => host_port.split(':').next().unwrap_or_default(),
    };
    host.eq_ignore_ascii_case("localhost")
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

fn components(reader: &mut Reader, map: &Map<'_>, config: &SiteConfig) -> Vec<Spanned<String>> {
    let mut components = Vec::new();
    for node in reader.list(map, "components") {
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
    components
}

fn languages(reader: &mut Reader, map: &Map<'_>, config: &SiteConfig) -> Vec<Lang> {
    let mut languages = Vec::new();
    for node in reader.list(map, "languages") {
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
    languages
}

/// An environment variable name as a hindsight config writes it: upper case, digits and `_`,
/// not starting with a digit (POSIX's convention; GitHub Actions secrets are upper case).
/// A URL, a token (`xoxb…`, `ghp_…`) or anything else is a secret written where its name goes.
fn is_env_name(name: &str) -> bool {
    let mut bytes = name.bytes();
    bytes
        .next()
        .is_some_and(|b| b.is_ascii_uppercase() || b == b'_')
        && bytes.all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
        && name.len() <= 128
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Finding;
    use crate::load::config::parse;
    use crate::load::yaml::Limits;
    use crate::model::{ChannelKind, Lang};

    const SITE: &str =
        "base_url: https://status.example.com/\nlanguages: [en, de]\ncomponents:\n  - id: api\n";

    fn findings(text: &str) -> Vec<(String, usize, usize)> {
        full_findings(text)
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

    fn full_findings(text: &str) -> Vec<Finding> {
        parse(&format!("{SITE}{text}"), &Limits::default()).1
    }

    fn invalid_config(line: usize, column: usize) -> (String, usize, usize) {
        ("invalid-config".to_string(), line, column)
    }

    /// The e-mail channel of the README, with `extra` lines added (or a field replaced).
    fn email(extra: &str) -> String {
        let mut fields = vec![
            ("smtp_host_env", "SMTP_HOST"),
            ("from", "Status <status@example.com>"),
            ("to", "[subscribers@example.com]"),
            ("unsubscribe", "https://status.example.com/unsubscribe"),
        ];
        let mut text = "notify:\n  - kind: email\n".to_string();
        for line in extra.lines() {
            let (key, value) = line.split_once(": ").unwrap();
            match fields.iter_mut().find(|(k, _)| *k == key) {
                Some(field) => field.1 = value,
                None => fields.push((key, value)),
            }
        }
        for (key, value) in fields {
            text.push_str(&format!("    {key}: {value}\n"));
        }
        text
    }

    #[test]
    fn the_designs_channel_loads() {
        let text = format!(
            "{SITE}notify:\n  - kind: webhook\n    url_env: STATUS_WEBHOOK_URL\n    secret_env: STATUS_WEBHOOK_SECRET\n    components: [api]\n    languages: [de]\n  - kind: email\n    smtp_host_env: SMTP_HOST\n    smtp_password_env: SMTP_PASSWORD\n    from: status@example.com\n    to: [ops@example.com]\n    unsubscribe: https://status.example.com/unsubscribe\n"
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

    #[test]
    fn an_email_channel_needs_a_server_a_sender_recipients_and_unsubscribe() {
        assert!(
            findings(&email("")).is_empty(),
            "{:?}",
            findings(&email(""))
        );
        let missing = full_findings("notify:\n  - kind: email\n");
        let at: Vec<_> = missing
            .iter()
            .map(|f| (f.rule.as_str(), f.span.start.line, f.span.start.column))
            .collect();
        assert_eq!(at, [("invalid-config", 6, 11); 4]);
        let messages: Vec<_> = missing.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "the e-mail channel has no `smtp_host_env`",
                "the e-mail channel has no `from`",
                "the e-mail channel has no `to`",
                "the e-mail channel has no `unsubscribe`",
            ]
        );
        assert!(missing.iter().all(|f| f.help.is_some()));
        // Line 7 `smtp_host_env`, 8 `from`, 9 `to`.
        assert_eq!(findings(&email("to: []")), [invalid_config(9, 9)]);
    }

    #[test]
    fn email_addresses_must_be_one_address_each() {
        assert!(findings(&email("from: status@example.com")).is_empty());
        assert!(findings(&email("to: [Ops <ops@example.com>, b@example.com]")).is_empty());
        assert_eq!(
            findings(&email("from: status at example.com")),
            [invalid_config(8, 11)]
        );
        assert_eq!(
            findings(&email(
                "to: [ok@example.com, \"a@example.com, b@example.com\"]"
            )),
            [invalid_config(9, 26)]
        );
        assert_eq!(findings(&email("to: [ops]")), [invalid_config(9, 10)]);
    }

    #[test]
    fn unsubscribe_is_an_https_page_or_an_address() {
        for good in [
            "https://status.example.com/unsubscribe",
            "leave@example.com",
            "mailto:leave@example.com",
        ] {
            assert!(
                findings(&email(&format!("unsubscribe: {good}"))).is_empty(),
                "{good}"
            );
        }
        // Line 10 `unsubscribe`: column 18 is its value.
        for bad in [
            "http://status.example.com/unsubscribe",
            "http://localhost/unsubscribe",
            "javascript:alert(1)",
            "\"mailto:\"",
            "https://",
            "leave",
        ] {
            assert_eq!(
                findings(&email(&format!("unsubscribe: {bad}"))),
                [invalid_config(10, 18)],
                "{bad}"
            );
        }
    }

    #[test]
    fn smtp_port_is_a_whole_number_from_1_to_65535() {
        for good in ["587", "\"587\"", "465", "65535"] {
            assert!(
                findings(&email(&format!("smtp_port: {good}"))).is_empty(),
                "{good}"
            );
        }
        // Line 11 `smtp_port`: column 16 is its value.
        for bad in ["0", "65536", "-1", "58.7", "submission", "\"\""] {
            assert_eq!(
                findings(&email(&format!("smtp_port: {bad}"))),
                [invalid_config(11, 16)],
                "{bad}"
            );
        }
    }

    #[test]
    fn a_field_the_kind_does_not_use_is_a_finding() {
        let webhook = full_findings(
            "notify:\n  - kind: webhook\n    url_env: HOOK\n    to: [ops@example.com]\n    smtp_port: 25\n",
        );
        let at: Vec<_> = webhook
            .iter()
            .map(|f| (f.span.start.line, f.span.start.column, f.message.as_str()))
            .collect();
        assert_eq!(
            at,
            [
                (9, 5, "`smtp_port` is only for e-mail channels"),
                (8, 5, "`to` is only for e-mail channels"),
            ]
        );
        assert_eq!(findings(&email("url_env: HOOK")), [invalid_config(11, 5)]);
        assert_eq!(
            findings("notify:\n  - kind: slack\n    url_env: HOOK\n    secret_env: SECRET\n"),
            [invalid_config(8, 5)]
        );
        assert!(
            findings("notify:\n  - kind: webhook\n    url_env: HOOK\n    secret_env: SECRET\n")
                .is_empty()
        );
    }

    #[test]
    fn url_and_url_env_together_is_a_finding() {
        assert_eq!(
            findings(
                "notify:\n  - kind: webhook\n    url_env: HOOK\n    url: https://example.com/hook\n"
            ),
            [invalid_config(8, 10)]
        );
    }

    #[test]
    fn a_webhook_url_is_https_unless_it_is_this_machine() {
        for good in [
            "https://example.com/hook",
            "http://127.0.0.1:8080/hook",
            "http://[::1]:8080/hook",
            "http://localhost/hook",
            "http://LOCALHOST:9000",
        ] {
            assert!(
                findings(&format!("notify:\n  - kind: webhook\n    url: {good}\n")).is_empty(),
                "{good}"
            );
        }
        for bad in [
            "http://example.com/hook",
            "http://localhost.example.com/hook",
            "http://127.0.0.1@example.com/hook",
            "http://127.0.0.1.example.com/hook",
        ] {
            let found = full_findings(&format!("notify:\n  - kind: webhook\n    url: {bad}\n"));
            assert_eq!(found.len(), 1, "{bad}: {found:?}");
            assert_eq!(
                (found[0].span.start.line, found[0].span.start.column),
                (7, 10)
            );
            assert!(
                found[0].message.contains("in clear"),
                "{}",
                found[0].message
            );
        }
    }

    #[test]
    fn a_token_where_a_variable_name_belongs_is_reported_without_its_value() {
        for token in ["xoxb1234abcdEFGH5678", "ghp_abcDEF123", "hook_url"] {
            let found = full_findings(&format!("notify:\n  - kind: slack\n    url_env: {token}\n"));
            assert_eq!(found.len(), 1, "{token}: {found:?}");
            let finding = &found[0];
            assert_eq!(
                (
                    finding.rule.as_str(),
                    finding.span.start.line,
                    finding.span.start.column
                ),
                ("invalid-config", 7, 14)
            );
            assert!(finding.secret, "the report must not quote the line");
            assert!(!finding.message.contains(token));
            assert!(!finding.help.as_deref().unwrap_or_default().contains(token));
        }
        assert!(findings("notify:\n  - kind: slack\n    url_env: SLACK_URL_2\n").is_empty());
        assert!(findings("notify:\n  - kind: slack\n    url_env: _HOOK\n").is_empty());
        // A chat URL written in the file is the secret itself.
        let url = full_findings(
            "notify:\n  - kind: slack\n    url: https://hooks.slack.com/services/T0/B0/x\n",
        );
        assert!(url[0].secret);
    }

    #[test]
    fn only_https_or_the_machine_itself_may_carry_an_event() {
        use super::is_private_enough;
        for url in [
            "https://hooks.slack.com/services/x",
            "http://127.0.0.1:8080/hook",
            "http://localhost/hook",
            "http://[::1]:9000/",
        ] {
            assert!(is_private_enough(url), "{url}");
        }
        for url in [
            "http://hooks.example.com/x",
            "http://127.0.0.1.example.com/x",
            "http://127.0.0.1@evil.example.com/x",
            "http://localhost.example.com/",
            "ftp://127.0.0.1/",
            "hooks.example.com",
        ] {
            assert!(!is_private_enough(url), "{url}");
        }
    }
}
