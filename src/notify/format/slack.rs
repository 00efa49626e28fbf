//! The Slack incoming-webhook message: a `text` fallback (notifications, old clients) and
//! Block Kit `blocks` with the status, the title, the text and the link.
//!
//! Slack parses `&`, `<` and `>` in every text object (links, `<!everyone>`, `<@U123>`),
//! so they become `&amp;`, `&lt;`, `&gt;`; the record's words go in `plain_text` objects,
//! which show no formatting, and a bare `@channel` in the mrkdwn fallback gets a word joiner
//! after its `@` so no client turns it into a mention.

use serde_json::{Value, json};

use super::{Tone, Words, escape_within, link_label, safe_url, tone, words};
use crate::model::Lang;
use crate::notify::message::Event;

/// Slack's limits: a header's text 150 characters, a section's 3,000; the fallback is kept
/// as short as a notification shows.
const HEADER_MAX: usize = 150;
const SECTION_MAX: usize = 3000;
const FALLBACK_MAX: usize = 1000;

pub fn payload(event: &Event, lang: Lang) -> Value {
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
            "type": "section",
            "text": {"type": "plain_text", "text": escape_within(body, SECTION_MAX, entities), "emoji": false},
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
    use crate::notify::format::tests::{HOSTILE, event};
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
                    {"type": "section", "text": {"type": "plain_text", "text": "Wir schauen.", "emoji": false}},
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
            // The only `<` left is the page link this module wrote.
            assert!(!t.replace(link, "").contains(['<', '>']), "{t}");
            assert!(!t.chars().any(|c| c.is_control() && c != '\n'), "{t:?}");
            assert!(!t.contains('\u{202E}'));
        }
        let body = p["blocks"][2]["text"]["text"].as_str().unwrap();
        assert!(body.starts_with("&lt;!everyone&gt; @channel"), "{body}");
        assert!(body.contains("a &amp; b &gt; c"));
        assert!(
            body.contains("\n# head"),
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
            p["blocks"][2]["text"]["text"]
                .as_str()
                .unwrap()
                .chars()
                .count()
                <= SECTION_MAX
        );
        assert_eq!(p["blocks"].as_array().unwrap().len(), 3, "no link block");
        assert!(!p.to_string().contains("javascript"));
        assert_eq!(
            p["blocks"][1]["elements"][0]["text"],
            ":large_green_circle:"
        );
    }
}
