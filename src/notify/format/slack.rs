//! The Slack incoming-webhook message: a `text` fallback (notifications, old clients) and
//! Block Kit `blocks` with the status, the title, the text and the link.
//!
//! Slack parses `&`, `<` and `>` in every text object (links, `<!everyone>`, `<@U123>`),
//! so they become `&amp;`, `&lt;`, `&gt;`; the title and status go in `plain_text` objects,
//! which show no formatting, and a bare `@channel` in the mrkdwn fallback gets a word joiner
//! after its `@` so no client turns it into a mention.
//!
//! The text goes in a `rich_text` block, the structure Slack itself keeps a message in: its
//! `text` elements are shown as written (no mrkdwn, no mentions, no entities: a mention or
//! a link is an element of its own type), line breaks included, and every http(s) address
//! in it becomes a `link` element, so it stays a link whatever characters it holds. A word
//! joiner after each `@` and `<` is kept there too, in case a client parses the words.

use serde_json::{Value, json};

use super::{
    Piece, Tone, Words, escape_within, join_within, link_label, pieces, safe_url, tone, words,
};
use crate::model::Lang;
use crate::notify::message::Event;

/// Slack's limits: a header's text 150 characters, a section's 3,000; the fallback is kept
/// as short as a notification shows.
const HEADER_MAX: usize = 150;
const SECTION_MAX: usize = 3000;
const FALLBACK_MAX: usize = 1000;

pub(crate) fn payload(event: &Event, lang: Lang) -> Value {
    let Words {
        title,
        status,
        body,
        url,
    } = words(event, lang);
    let body = body.as_str();

    let emoji = match tone(event.kind) {
        Tone::Bad => ":red_circle:",
        Tone::Warning => ":large_orange_circle:",
        Tone::Good => ":large_green_circle:",
        Tone::Info => ":large_blue_circle:",
    };
    let mut blocks = vec![
        json!({
            "type": "header",
            "text": {"type": "plain_text", "text": escape_within(&title, HEADER_MAX, entities), "emoji": false},
        }),
        json!({
            "type": "context",
            "elements": [
                {"type": "mrkdwn", "text": emoji},
                {"type": "plain_text", "text": escape_within(&status, SECTION_MAX, entities), "emoji": false},
            ],
        }),
    ];
    if !body.is_empty() {
        blocks.push(json!({
            "type": "rich_text",
            "elements": [{"type": "rich_text_section", "elements": rich_text(body, SECTION_MAX)}],
        }));
    }
    let link = safe_url(url).map(|url| {
        format!(
            "<{}|{}>",
            escape_within(url, SECTION_MAX, entities),
            link_label(lang)
        )
    });
    if let Some(link) = &link {
        blocks.push(json!({"type": "section", "text": {"type": "mrkdwn", "text": link}}));
    }

    let mut fallback = escape_within(&format!("{status}: {title}"), FALLBACK_MAX, mrkdwn);
    if let Some(link) = link {
        fallback.push(' ');
        fallback.push_str(&link);
    }
    json!({"text": fallback, "blocks": blocks})
}

/// `text` as rich-text elements of at most `max` characters in all as sent (the word
/// joiners [`literal`] adds count: Slack counts what it receives), cut with `…`: words as
/// `text` elements, each address as a `link` element, whole or not at all.
fn rich_text(text: &str, max: usize) -> Vec<Value> {
    let mut elements = Vec::new();
    let mut left = max;
    let pieces = pieces(text);
    for (i, piece) in pieces.iter().enumerate() {
        let (words, url) = match *piece {
            Piece::Text(words) => (words, None),
            Piece::Url(url) => (url, Some(url)),
        };
        let shown = match url {
            Some(url) => url.to_string(),
            None => literal(words),
        };
        let n = shown.chars().count();
        // The ellipsis needs room unless this is the last piece.
        let fits = n + usize::from(i + 1 < pieces.len()) <= left;
        let element = match url {
            Some(url) if fits => json!({"type": "link", "url": url}),
            Some(_) => json!({"type": "text", "text": "…"}),
            None if fits => json!({"type": "text", "text": shown}),
            None => {
                // Cut between characters, a joiner never apart from its `@` or `<`.
                let units = words.chars().map(|c| literal(c.encode_utf8(&mut [0; 4])));
                json!({"type": "text", "text": join_within(units, left)})
            }
        };
        elements.push(element);
        if !fits {
            break;
        }
        left -= n;
    }
    elements
}

/// Rich text as written, with a word joiner after every `@` and `<`.
fn literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        out.push(c);
        if matches!(c, '@' | '<') {
            out.push('\u{2060}');
        }
    }
    out
}

/// Slack's three control characters as entities.
fn entities(c: char, _line_start: bool, out: &mut String) {
    match c {
        '&' => out.push_str("&amp;"),
        '<' => out.push_str("&lt;"),
        '>' => out.push_str("&gt;"),
        c => out.push(c),
    }
}

/// [`entities`], and a word joiner after every `@`: `@channel`, `@here` and `@everyone`
/// typed bare are mentions in some clients and integrations (`link_names`).
fn mrkdwn(c: char, line_start: bool, out: &mut String) {
    entities(c, line_start, out);
    if c == '@' {
        out.push('\u{2060}');
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notify::format::tests::{HOSTILE, SAMPLE, event};
    use crate::notify::message::EventKind;

    fn all_text(value: &Value, out: &mut Vec<String>) {
        match value {
            Value::String(s) => out.push(s.clone()),
            Value::Array(items) => items.iter().for_each(|v| all_text(v, out)),
            Value::Object(map) => map.values().for_each(|v| all_text(v, out)),
            _ => {}
        }
    }

    #[test]
    fn the_documented_shape_in_the_channel_language() {
        let e = event(
            EventKind::IncidentOpened,
            &[
                (Lang::En, "Database down", "We are looking."),
                (Lang::De, "Datenbank aus", "Wir schauen."),
            ],
        );
        let p = payload(&e, Lang::De);
        let url = "https://status.example.com/de/incidents/2026-01-db.html";
        assert_eq!(
            p,
            json!({
                "text": format!("Identifiziert: Datenbank aus <{url}|Auf der Statusseite ansehen>"),
                "blocks": [
                    {"type": "header", "text": {"type": "plain_text", "text": "Datenbank aus", "emoji": false}},
                    {"type": "context", "elements": [
                        {"type": "mrkdwn", "text": ":red_circle:"},
                        {"type": "plain_text", "text": "Identifiziert", "emoji": false},
                    ]},
                    {"type": "rich_text", "elements": [{"type": "rich_text_section", "elements": [
                        {"type": "text", "text": "Wir schauen."},
                    ]}]},
                    {"type": "section", "text": {"type": "mrkdwn", "text": format!("<{url}|Auf der Statusseite ansehen>")}},
                ],
            })
        );
        // A language the event lacks: the first it has.
        assert_eq!(
            payload(&e, Lang::Ja)["blocks"][0]["text"]["text"],
            "Database down"
        );
    }

    #[test]
    fn hostile_text_cannot_mention_link_or_control() {
        let e = event(EventKind::UpdatePosted, &[(Lang::En, HOSTILE, HOSTILE)]);
        let p = payload(&e, Lang::En);
        let mut texts = Vec::new();
        all_text(&p, &mut texts);
        let link =
            "<https://status.example.com/en/incidents/2026-01-db.html|View on the status page>";
        for t in &texts {
            // The only `<` that opens anything is the page link this module wrote; in the
            // rich text, where `<` is shown as written, a word joiner follows every one.
            let t = t.replace(link, "").replace("<\u{2060}", "");
            assert!(!t.contains('<'), "{t}");
            assert!(!t.chars().any(|c| c.is_control() && c != '\n'), "{t:?}");
            assert!(!t.contains('\u{202E}'));
        }
        let body = &p["blocks"][2]["elements"][0]["elements"];
        assert_eq!(body.as_array().unwrap().len(), 1, "no link in it: {body}");
        let body = body[0]["text"].as_str().unwrap();
        assert!(
            body.starts_with("<\u{2060}!everyone> @\u{2060}channel"),
            "{body}"
        );
        assert!(body.contains("a & b > c"), "shown as written: {body}");
        assert!(
            body.contains("\n# head\n- item\n"),
            "line breaks are kept in the text: {body}"
        );
        let fallback = p["text"].as_str().unwrap();
        assert!(fallback.contains("&lt;!everyone&gt;"));
        assert!(
            !fallback.contains("@channel")
                && !fallback.contains("@here")
                && !fallback.contains("@everyone")
        );
        assert!(fallback.contains("@\u{2060}channel"));
    }

    #[test]
    fn the_text_keeps_its_lines_and_its_addresses_are_links() {
        let e = event(EventKind::UpdatePosted, &[(Lang::En, "API errors", SAMPLE)]);
        let p = payload(&e, Lang::En);
        assert_eq!(
            p["blocks"][2],
            json!({"type": "rich_text", "elements": [{"type": "rich_text_section", "elements": [
                {"type": "text", "text": "We rolled back. @\u{2060}everyone\n\n- api\n- web\n\nSee the runbook ("},
                {"type": "link", "url": "https://x.example/rb?a=1&b=2"},
                {"type": "text", "text": ")."},
            ]}]})
        );
    }

    #[test]
    fn long_text_fits_slack_limits_and_bad_links_are_left_out() {
        let long = "&".repeat(5000);
        let mut e = event(EventKind::IncidentResolved, &[(Lang::En, &long, &long)]);
        e.texts.get_mut(&Lang::En).unwrap().url = "javascript:alert(1)".into();
        let p = payload(&e, Lang::En);
        assert!(
            p["blocks"][0]["text"]["text"]
                .as_str()
                .unwrap()
                .chars()
                .count()
                <= HEADER_MAX
        );
        assert!(
            p["blocks"][2]["elements"][0]["elements"][0]["text"]
                .as_str()
                .unwrap()
                .chars()
                .count()
                <= SECTION_MAX
        );
        // Counted as sent: the word joiner after each `@` is a character too.
        let ats = "@".repeat(5000);
        let e = event(EventKind::UpdatePosted, &[(Lang::En, "t", &ats)]);
        let text = &payload(&e, Lang::En)["blocks"][2]["elements"][0]["elements"][0]["text"];
        let text = text.as_str().unwrap();
        assert!(
            text.chars().count() <= SECTION_MAX,
            "{}",
            text.chars().count()
        );
        assert!(text.ends_with("@\u{2060}…"), "no `@` without its joiner");
        let e = event(
            EventKind::UpdatePosted,
            &[(
                Lang::En,
                "t",
                &format!("{} https://x.example/long", "a".repeat(2990)),
            )],
        );
        let body = &payload(&e, Lang::En)["blocks"][2]["elements"][0]["elements"];
        assert_eq!(
            body[1],
            json!({"type": "text", "text": "…"}),
            "an address that does not fit is left out, not cut"
        );
        assert_eq!(p["blocks"].as_array().unwrap().len(), 3, "no link block");
        assert!(!p.to_string().contains("javascript"));
        assert_eq!(
            p["blocks"][1]["elements"][0]["text"],
            ":large_green_circle:"
        );
    }
}
