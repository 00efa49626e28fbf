//! One JSON POST with a timeout and bounded retries: what every HTTP channel (webhook, chat)
//! sends through. Errors never repeat the URL, which is often the secret itself.

use std::time::Duration;

/// How hard a delivery tries.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Policy {
    /// For each request, connecting and answering included.
    pub(crate) timeout: Duration,
    pub(crate) tries: u32,
    /// Before the second try; doubled before each further one.
    pub(crate) backoff: Duration,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            timeout: Duration::from_secs(10),
            tries: 3,
            backoff: Duration::from_secs(1),
        }
    }
}

impl Policy {
    /// For one e-mail's whole SMTP exchange (greeting, EHLO, AUTH, MAIL, RCPT, DATA: several
    /// round trips where a POST has one), however the server paces its answers.
    pub(crate) fn mail_deadline(&self) -> Duration {
        self.timeout * 3
    }
}

/// Why a POST failed, after its tries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Failure {
    pub(crate) reason: String,
    /// The receiver may be down (connect error, timeout, 5xx, 429): the channel's other
    /// events wait for the next run rather than each waiting out the same failure.
    pub(crate) transient: bool,
}

/// POSTs `body` to `url` with `headers`; the HTTP status on a 2xx answer.
pub(crate) fn post_json(
    url: &str,
    headers: &[(&str, String)],
    body: &[u8],
    policy: Policy,
) -> Result<u16, Failure> {
    let config = ureq::Agent::config_builder()
        .timeout_global(Some(policy.timeout))
        .http_status_as_error(false)
        // A redirected POST is not what the receiver asked for; report it instead.
        .max_redirects(0)
        .user_agent(format!("hindsight/{}", env!("CARGO_PKG_VERSION")))
        .build();
    let agent: ureq::Agent = config.into();
    let mut backoff = policy.backoff;
    let mut last = None;
    for attempt in 1..=policy.tries.max(1) {
        if attempt > 1 {
            std::thread::sleep(backoff);
            backoff *= 2;
        }
        let mut request = agent.post(url).header("Content-Type", "application/json");
        for (name, value) in headers {
            request = request.header(*name, value.as_str());
        }
        let (failure, retry) = match request.send(body) {
            Ok(mut response) => {
                let status = response.status().as_u16();
                if (200..300).contains(&status) {
                    return Ok(status);
                }
                let retry = status == 429 || status >= 500;
                // What the receiver said is often the fix (Slack's `invalid_payload`,
                // Discord's `{"message": "Unknown Webhook"}`).
                let reason = match answer_excerpt(response.body_mut(), url) {
                    Some(said) => format!("the receiver answered HTTP {status}: {said}"),
                    None => format!("the receiver answered HTTP {status}"),
                };
                (
                    Failure {
                        reason,
                        transient: retry,
                    },
                    retry,
                )
            }
            Err(error) => {
                let (reason, retry) = describe(&error, policy.timeout);
                (
                    Failure {
                        reason,
                        transient: true,
                    },
                    retry,
                )
            }
        };
        let tries = attempt;
        last = Some(Failure {
            reason: match tries {
                1 => failure.reason,
                _ => format!("{} (after {tries} tries)", failure.reason),
            },
            transient: failure.transient,
        });
        if !retry {
            break;
        }
    }
    Err(last.expect("at least one try"))
}

/// How much of an error answer is read: its start is all that is quoted.
const ANSWER_READ: u64 = 2048;

/// The start of an error answer's body as one short line of text, without `url` or its
/// secret parts (see [`redact`]); none when it is empty or a page of HTML (its words would
/// be markup).
fn answer_excerpt(body: &mut ureq::Body, url: &str) -> Option<String> {
    use std::io::Read as _;
    let mut bytes = Vec::new();
    body.as_reader()
        .take(ANSWER_READ)
        .read_to_end(&mut bytes)
        .ok()?;
    let mut text = String::from_utf8_lossy(&bytes).into_owned();
    if bytes.len() as u64 == ANSWER_READ {
        // The read may have cut a secret in two, and half of one is not found: the cut
        // word goes. (Without a space, the cut is far past the quoted start anyway.)
        if let Some(end) = text.rfind(char::is_whitespace) {
            text.truncate(end);
        }
    }
    let line = redact(&text, url)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .filter(|c| !c.is_control())
        .take(200)
        .collect::<String>();
    (!line.is_empty() && !line.starts_with('<')).then_some(line)
}

/// `text` with `…` for `url` and each part of it that may be its secret, as a receiver
/// that echoes the request quotes them: the URL, its path and query, and each of its path
/// segments, query values and user-info parts of 6 characters or more (a Slack or Discord
/// token is a path segment), as written and percent-decoded.
fn redact(text: &str, url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let rest = rest.split('#').next().unwrap_or_default();
    let (authority, path_query) = rest
        .find(['/', '?'])
        .map_or((rest, ""), |at| rest.split_at(at));
    let (path, query) = path_query.split_once('?').unwrap_or((path_query, ""));
    let mut secrets = vec![url, path_query, path, query];
    if let Some((user_info, _)) = authority.rsplit_once('@') {
        secrets.push(user_info);
        secrets.extend(user_info.split(':'));
    }
    secrets.extend(path.split('/'));
    secrets.extend(
        query
            .split('&')
            .map(|pair| pair.split_once('=').map_or(pair, |(_, value)| value)),
    );
    let mut secrets: Vec<String> = secrets
        .into_iter()
        .flat_map(|s| [s.to_string(), percent_decoded(s)])
        .filter(|s| s.chars().count() >= 6)
        .collect();
    // The longest first, so that a segment never leaves the rest of a path standing.
    secrets.sort_by_key(|s| std::cmp::Reverse(s.len()));
    secrets.dedup();
    let mut text = text.to_string();
    for secret in &secrets {
        text = text.replace(secret.as_str(), "…");
    }
    text
}

/// `text` with its `%XX` escapes decoded (as it is when the receiver quotes it decoded);
/// as written where that gives no UTF-8.
fn percent_decoded(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        let hex = bytes
            .get(at + 1..at + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[at], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                at += 3;
            }
            (byte, _) => {
                out.push(byte);
                at += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_string())
}

/// A failure in words without the URL, and whether trying again may help. A timeout is not
/// retried: the receiver may have the event already, and the next run tries it again.
fn describe(error: &ureq::Error, timeout: Duration) -> (String, bool) {
    use ureq::Error;
    match error {
        Error::Timeout(_) => (
            format!("no answer within {} s (timed out)", timeout.as_secs_f64()),
            false,
        ),
        Error::HostNotFound => ("the host was not found".to_string(), true),
        Error::ConnectionFailed => ("cannot connect to the receiver".to_string(), true),
        Error::Io(io) => (format!("connection failed: {}", io.kind()), true),
        Error::BadUri(_) | Error::Http(_) => {
            ("the URL is not a valid http(s) URL".to_string(), false)
        }
        Error::Rustls(tls) => (format!("the TLS connection failed: {tls}"), false),
        Error::Tls(_) | Error::Pem(_) => ("the TLS connection failed".to_string(), false),
        other => (format!("the request failed ({})", kind_of(other)), false),
    }
}

/// The error's variant name only: its message may carry the URL.
fn kind_of(error: &ureq::Error) -> String {
    let debug = format!("{error:?}");
    debug
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("unknown")
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_answer_that_echoes_the_url_quotes_none_of_its_secrets() {
        let url = "https://hooks.example.com/services/T0AAAAAAA/B0BBBBBBB/XXXXsecretXXXX?thread=abc%2Fdef&v=1";
        let echo = "no_such_hook: POST /services/T0AAAAAAA/B0BBBBBBB/XXXXsecretXXXX?thread=abc%2Fdef&v=1 \
                    (url https://hooks.example.com/services/T0AAAAAAA/B0BBBBBBB/XXXXsecretXXXX?thread=abc%2Fdef&v=1, \
                    token XXXXsecretXXXX, path /services/T0AAAAAAA/B0BBBBBBB/XXXXsecretXXXX, \
                    thread abc/def, v 1)";
        assert_eq!(
            redact(echo, url),
            "no_such_hook: POST … (url …, token …, path …, thread …, v 1)"
        );
        // Words that are no part of the URL, and short parts (`v=1`), stay.
        assert_eq!(redact("invalid_payload", url), "invalid_payload");
        let with_user = "https://ci:hunter22@hooks.example.com/x";
        assert_eq!(redact("denied for hunter22", with_user), "denied for …");
    }
}
