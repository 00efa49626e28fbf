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
                let reason = match answer_excerpt(response.body_mut()) {
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

/// The start of an error answer's body as one short line of text; none when it is empty or
/// a page of HTML (its words would be markup).
fn answer_excerpt(body: &mut ureq::Body) -> Option<String> {
    use std::io::Read as _;
    let mut bytes = Vec::new();
    body.as_reader().take(2048).read_to_end(&mut bytes).ok()?;
    let text = String::from_utf8_lossy(&bytes);
    let line = text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .filter(|c| !c.is_control())
        .take(200)
        .collect::<String>();
    (!line.is_empty() && !line.starts_with('<')).then_some(line)
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
