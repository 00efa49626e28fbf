//! The schema of the `notify:` channels of site/config.yaml, as src/load/notify.rs reads
//! them: which fields each kind needs, and which it may not have.

use serde_json::{Value, json};

use super::parts::{doc, given, keyword, list, object, pattern, required_because, text};
use crate::model::{ChannelKind, Lang};

/// `load::notify::is_env_name`: the name of a variable, never its value.
const ENV: &str = "^[A-Z_][A-Z0-9_]{0,127}$";
const ENV_MESSAGE: &str = "the NAME of an environment variable, in upper case (`A`-`Z`, `0`-`9`, `_`), like `STATUS_WEBHOOK_SECRET`: secrets never go in the file";
/// 1 to 65535, as `u16` parses it (a `+` and leading zeros allowed).
const PORT: &str = "^\\+?0*([1-9][0-9]{0,3}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5])$";
/// A webhook's own URL: https, or plain http to the machine itself.
const PRIVATE_URL: &str = "^(https://|http://([^/?#@]*@)?([Ll][Oo][Cc][Aa][Ll][Hh][Oo][Ss][Tt]|127\\.[0-9]+\\.[0-9]+\\.[0-9]+|\\[::1\\])([:/?#]|$))";

const EMAIL_ONLY: &[&str] = &[
    "smtp_host_env",
    "smtp_port",
    "smtp_username_env",
    "smtp_password_env",
    "from",
    "to",
    "unsubscribe",
];

pub(super) fn channels() -> Value {
    let env = |description: &str, example: &str| {
        doc(
            pattern(ENV, ENV_MESSAGE, true),
            description,
            json!([example]),
        )
    };
    let url = pattern(
        super::config::URL,
        "an absolute http(s) address without spaces",
        true,
    );
    let channel = object(
        vec![
            (
                "kind",
                doc(
                    keyword::<ChannelKind>(false),
                    "What the channel is: webhook, slack, teams, discord or email. Required.",
                    json!(["webhook"]),
                ),
            ),
            (
                "name",
                doc(
                    text(true),
                    "Names the channel in the delivery log and the report (default `<kind>:<url_env>`).",
                    json!(["ops-webhook"]),
                ),
            ),
            (
                "url_env",
                env(
                    "Webhook, Slack, Teams, Discord: the environment variable holding the URL to post to.",
                    "STATUS_WEBHOOK_URL",
                ),
            ),
            (
                "url",
                doc(
                    url,
                    "Webhook only: the URL itself, when it is no secret (https://, or http:// to 127.0.0.1, [::1] or localhost).",
                    json!(["https://hooks.example.com/status"]),
                ),
            ),
            (
                "secret_env",
                env(
                    "Webhook only: the environment variable holding the secret the body is signed with (HMAC-SHA256).",
                    "STATUS_WEBHOOK_SECRET",
                ),
            ),
            (
                "components",
                doc(
                    list(text(false)),
                    "Only events about these components (ids from `components:`); all when absent.",
                    json!([["logto-core"]]),
                ),
            ),
            (
                "languages",
                doc(
                    list(keyword::<Lang>(false)),
                    "The channel's languages, from the site's `languages` (the site's default when absent).",
                    json!([["en"]]),
                ),
            ),
            (
                "smtp_host_env",
                env(
                    "E-mail: the environment variable holding the SMTP server's host name. Required for e-mail.",
                    "SMTP_HOST",
                ),
            ),
            (
                "smtp_port",
                doc(
                    json!({
                        "anyOf": [
                            { "type": "integer", "minimum": 1, "maximum": 65535 },
                            { "type": "string", "pattern": PORT, "patternErrorMessage": "a port number from 1 to 65535, like 587" },
                            { "type": "null" },
                        ],
                        "errorMessage": "a port number from 1 to 65535, like 587",
                    }),
                    "E-mail: the SMTP server's port (default 587).",
                    json!([587]),
                ),
            ),
            (
                "smtp_username_env",
                env(
                    "E-mail: the environment variable holding the SMTP login's user name.",
                    "SMTP_USERNAME",
                ),
            ),
            (
                "smtp_password_env",
                env(
                    "E-mail: the environment variable holding the SMTP login's password.",
                    "SMTP_PASSWORD",
                ),
            ),
            (
                "from",
                doc(
                    text(true),
                    "E-mail: the sender, bare or with a name. Required for e-mail.",
                    json!(["Status <status@example.com>"]),
                ),
            ),
            (
                "to",
                doc(
                    list(text(false)),
                    "E-mail: the addresses the messages go to (a list address), at least one. Required for e-mail.",
                    json!([["subscribers@example.com"]]),
                ),
            ),
            (
                "unsubscribe",
                doc(
                    text(true),
                    "E-mail: where a reader unsubscribes (List-Unsubscribe): an https:// page or an address. Required for e-mail.",
                    json!(["https://status.example.com/unsubscribe"]),
                ),
            ),
        ],
        &["kind"],
    );
    let mut channel = channel;
    channel["allOf"] = json!([email(), not_email(), chat(), webhook()]);
    doc(
        list(channel),
        "The channels `hindsight notify` tells what changed on the public page; secrets only through environment variables.",
        json!([[{ "kind": "webhook", "url_env": "STATUS_WEBHOOK_URL", "secret_env": "STATUS_WEBHOOK_SECRET" }]]),
    )
}

fn kind_is(kinds: &[ChannelKind]) -> Value {
    let names: Vec<&str> = kinds.iter().map(|kind| kind.as_str()).collect();
    json!({ "required": ["kind"], "properties": { "kind": { "enum": names } } })
}

/// Fields a kind does not use: written at all (even empty), the loader reports them.
/// `false` per field rather than a `not`: yaml-language-server ignores a `not`'s
/// errorMessage, and says "Property secret_env is not allowed." on the key itself.
fn none_of(fields: &[&str]) -> Value {
    let banned: serde_json::Map<String, Value> = fields
        .iter()
        .map(|f| (f.to_string(), Value::Bool(false)))
        .collect();
    json!({ "properties": banned })
}

fn email() -> Value {
    let mut then: Vec<Value> = ["smtp_host_env", "from", "to", "unsubscribe"]
        .iter()
        .map(|field| required_because(field, &format!("the e-mail channel has no `{field}`")))
        .collect();
    then.push(json!({ "properties": { "to": { "minItems": 1 } } }));
    then.push(none_of(&["url", "url_env", "secret_env"]));
    json!({ "if": kind_is(&[ChannelKind::Email]), "then": { "allOf": then } })
}

fn not_email() -> Value {
    json!({
        "if": kind_is(&[ChannelKind::Webhook, ChannelKind::Slack, ChannelKind::Teams, ChannelKind::Discord]),
        "then": {
            "allOf": [
                none_of(EMAIL_ONLY),
                { "anyOf": [given("url_env"), given("url")], "errorMessage": "the channel has no address: add `url_env:` naming the variable that holds its URL" },
            ],
        },
    })
}

fn chat() -> Value {
    json!({
        "if": kind_is(&[ChannelKind::Slack, ChannelKind::Teams, ChannelKind::Discord]),
        "then": {
            "allOf": [
                none_of(&["secret_env"]),
                { "properties": { "url": { "type": "null", "errorMessage": "this URL is a secret: put it in a CI secret and name its variable with `url_env:`" } } },
            ],
        },
    })
}

fn webhook() -> Value {
    json!({
        "if": kind_is(&[ChannelKind::Webhook]),
        "then": {
            "allOf": [
                { "properties": { "url": { "pattern": PRIVATE_URL, "patternErrorMessage": "an https:// URL (plain http:// only to 127.0.0.1, [::1] or localhost)" } } },
                // Not a `not`, whose message editors drop: with `url_env` given, `url` must be empty.
                {
                    "if": given("url_env"),
                    "then": { "properties": { "url": { "type": "null", "errorMessage": "the channel has both `url` and `url_env`: keep one" } } },
                },
            ],
        },
    })
}
