//! The generic webhook: a documented, versioned JSON payload, signed with HMAC-SHA256 of the
//! body when the channel has a secret.
//!
//! ```json
//! {"version": 1,
//!  "event": {"id": "incident.opened:2026-11-20-api", "type": "incident.opened",
//!            "subject": "2026-11-20-api", "components": ["api"], "at": "2026-11-20T10:00:00Z"},
//!  "texts": {"en": {"title": "…", "status": "…", "body": "…", "url": "https://…"}}}
//! ```
//! Header `X-Hindsight-Signature: sha256=<hex>` over the exact body bytes. `body` is plain
//! text over several lines (paragraphs, `- item` lines, `label (https://…)` links).

use std::collections::BTreeMap;

use hmac::{Hmac, Mac};
use serde::Serialize;
use sha2::Sha256;

use super::http::{self, Failure, Policy};
use super::message::Event;
use crate::model::Lang;

/// The payload's format version: a field is only ever added within a version.
pub(crate) const PAYLOAD_VERSION: u32 = 1;

#[derive(Serialize)]
struct Payload<'e> {
    version: u32,
    event: EventJson<'e>,
    texts: BTreeMap<&'static str, TextJson<'e>>,
}

#[derive(Serialize)]
struct EventJson<'e> {
    id: &'e str,
    #[serde(rename = "type")]
    kind: &'static str,
    subject: &'e str,
    components: &'e [String],
    at: String,
}

#[derive(Serialize)]
struct TextJson<'e> {
    title: &'e str,
    status: &'e str,
    body: &'e str,
    url: &'e str,
}

/// The body posted for `event` in `languages` (every language of the event when empty).
pub(crate) fn payload(event: &Event, languages: &[Lang]) -> Vec<u8> {
    let texts = event
        .texts
        .iter()
        .filter(|(lang, _)| languages.is_empty() || languages.contains(lang))
        .map(|(lang, text)| {
            (
                lang.as_str(),
                TextJson {
                    title: &text.title,
                    status: &text.status,
                    body: &text.body,
                    url: &text.url,
                },
            )
        })
        .collect();
    let payload = Payload {
        version: PAYLOAD_VERSION,
        event: EventJson {
            id: &event.id,
            kind: event.kind.as_str(),
            subject: &event.subject,
            components: &event.components,
            at: crate::localize::site::rfc3339(event.at),
        },
        texts,
    };
    serde_json::to_vec(&payload).expect("plain data serializes")
}

/// `sha256=<hex>`: HMAC-SHA256 of `body` keyed with `secret`.
pub(crate) fn signature(secret: &str, body: &[u8]) -> String {
    let mut mac =
        Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("HMAC takes keys of any length");
    mac.update(body);
    let digest = mac.finalize().into_bytes();
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    format!("sha256={hex}")
}

/// Posts `event` to `url`, signed with `secret` when there is one.
pub(crate) fn send(
    url: &str,
    secret: Option<&str>,
    event: &Event,
    languages: &[Lang],
    policy: Policy,
) -> Result<u16, Failure> {
    let body = payload(event, languages);
    let mut headers = vec![("X-Hindsight-Event", event.kind.as_str().to_string())];
    if let Some(secret) = secret {
        headers.push(("X-Hindsight-Signature", signature(secret, &body)));
    }
    http::post_json(url, &headers, &body, policy)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_signature_is_the_published_hmac_sha256() {
        // RFC 4231, test case 2.
        assert_eq!(
            signature("Jefe", b"what do ya want for nothing?"),
            "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }
}
