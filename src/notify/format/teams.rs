//! The Microsoft Teams message for a Workflows (Power Automate) webhook: an Adaptive Card in
//! a `message` activity, with the status, the title, the text and a button to the page.
//! (Office 365 connectors and their MessageCard format are retired; Workflows take cards.)
//!
//! TextBlocks render a markdown subset, so the record's words are backslash-escaped; `{{`
//! (Adaptive Card date and time functions) is broken with a zero-width space; mentions need
//! an `msteams.entities` list, which the card never has.

use serde_json::{Value, json};

use super::{Tone, Words, escape_markdown, escape_within, link_label, safe_url, tone, words};
use crate::model::Lang;
use crate::notify::message::Event;

/// Teams refuses cards over about 28 KB; the text is cut well before that.
const TITLE_MAX: usize = 500;
const BODY_MAX: usize = 8000;

/// What the TextBlock markdown subset (emphasis, links, lists) gives a meaning anywhere.
const SPECIAL: &[char] = &['\\', '*', '_', '~', '`', '[', ']', '(', ')', '<', '>'];

pub fn payload(event: &Event, lang: Lang) -> Value {
    let Words {
        title,
        status,
        body,
        url,
    } = words(event, lang);
    let body = body.as_str();

    let color = match tone(event.kind) {
        Tone::Bad => "Attention",
        Tone::Warning => "Warning",
        Tone::Good => "Good",
        Tone::Info => "Accent",
    };
    let mut blocks = vec![
        json!({"type": "TextBlock", "text": escape_within(&status, TITLE_MAX, teams), "weight": "Bolder", "color": color, "wrap": true}),
        json!({"type": "TextBlock", "text": escape_within(&title, TITLE_MAX, teams), "size": "Large", "weight": "Bolder", "wrap": true}),
    ];
    if !body.is_empty() {
        blocks.push(json!({"type": "TextBlock", "text": escape_within(body, BODY_MAX, teams), "wrap": true}));
    }
    let mut card = json!({
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "type": "AdaptiveCard",
        "version": "1.4",
        "lang": lang.as_str(),
        "body": blocks,
    });
    if let Some(url) = safe_url(url) {
        card["actions"] =
            json!([{"type": "Action.OpenUrl", "title": link_label(lang), "url": url}]);
    }
    json!({
        "type": "message",
        "attachments": [{
            "contentType": "application/vnd.microsoft.card.adaptive",
            "contentUrl": null,
            "content": card,
        }],
    })
}

fn teams(c: char, line_start: bool, out: &mut String) {
    // `{{` opens a date/time function; a zero-width space after every `{` breaks it.
    if c == '{' {
        out.push_str("{\u{200B}");
    } else {
        escape_markdown(c, line_start, SPECIAL, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notify::format::tests::{HOSTILE, event};
    use crate::notify::message::EventKind;

    #[test]
    fn the_documented_shape_in_the_channel_language() {
        let e = event(
            EventKind::MaintenanceScheduled,
            &[
                (Lang::En, "Database upgrade", "Short pause."),
                (Lang::De, "Datenbank-Upgrade", "Kurze Pause."),
            ],
        );
        assert_eq!(
            payload(&e, Lang::De),
            json!({
                "type": "message",
                "attachments": [{
                    "contentType": "application/vnd.microsoft.card.adaptive",
                    "contentUrl": null,
                    "content": {
                        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
                        "type": "AdaptiveCard",
                        "version": "1.4",
                        "lang": "de",
                        "body": [
                            {"type": "TextBlock", "text": "Identifiziert", "weight": "Bolder", "color": "Accent", "wrap": true},
                            {"type": "TextBlock", "text": "Datenbank-Upgrade", "size": "Large", "weight": "Bolder", "wrap": true},
                            {"type": "TextBlock", "text": "Kurze Pause.", "wrap": true},
                        ],
                        "actions": [{
                            "type": "Action.OpenUrl",
                            "title": "Auf der Statusseite ansehen",
                            "url": "https://status.example.com/de/incidents/2026-01-db.html",
                        }],
                    },
                }],
            })
        );
    }

    #[test]
    fn hostile_text_cannot_format_call_functions_or_control() {
        let e = event(EventKind::IncidentOpened, &[(Lang::En, HOSTILE, HOSTILE)]);
        let p = payload(&e, Lang::En);
        let card = &p["attachments"][0]["content"];
        for block in card["body"].as_array().unwrap() {
            let t = block["text"].as_str().unwrap();
            assert!(!t.contains("{{"), "{t}");
            assert!(!t.chars().any(|c| c.is_control() && c != '\n'), "{t:?}");
            assert!(!t.contains('\u{202E}'));
            for (i, c) in t.char_indices() {
                if SPECIAL.contains(&c) && c != '\\' {
                    assert!(t[..i].ends_with('\\'), "unescaped {c:?} at {i} in {t}");
                }
            }
        }
        let body = card["body"][2]["text"].as_str().unwrap();
        assert!(
            body.contains("\\[click\\]\\(javascript:alert\\(1\\)\\)"),
            "{body}"
        );
        assert!(
            body.contains("\n\\# head\n\\- item\n1\u{200B}. one"),
            "{body}"
        );
        assert!(body.contains("a & b \\> c"));
        assert_eq!(card["body"][0]["color"], "Attention");
    }

    #[test]
    fn a_bad_link_gives_no_button() {
        let mut e = event(EventKind::IncidentResolved, &[(Lang::En, "Fixed", "")]);
        e.texts.get_mut(&Lang::En).unwrap().url = "javascript:alert(1)".into();
        let card = &payload(&e, Lang::En)["attachments"][0]["content"];
        assert!(card.get("actions").is_none());
        assert_eq!(
            card["body"].as_array().unwrap().len(),
            2,
            "no empty text block"
        );
    }
}
