//! The Microsoft Teams message for a Workflows (Power Automate) webhook: an Adaptive Card in
//! a `message` activity, with the status, the title, the text and a button to the page.
//! (Office 365 connectors and their MessageCard format are retired; Workflows take cards.)
//!
//! Every text from a record is a `TextRun` in a `RichTextBlock` (Adaptive Cards 1.2), never a
//! `TextBlock`: a TextBlock parses a markdown subset, and the backslash escapes that would
//! keep it inert are shown literally by Teams on mobile, while a TextRun's text is not parsed
//! as markdown at all ("RichTextBlock does not support Markdown", Adaptive Cards text
//! features), so it reads the same on desktop and mobile with nothing escaped. A TextRun
//! still evaluates `{{DATE(…)}}` functions: a zero-width space after every `{` breaks them.
//! A word joiner after every `<` keeps a forwarded card free of `<!everyone>`.
//! Mentions need an `msteams.entities` list, which the card never has.
//!
//! A line break in a text is not one on every client (a single `\n` is none in a TextBlock
//! either), so each line of the text is a RichTextBlock of its own: the first line of a
//! paragraph with the default spacing above it, the others with none. Leading spaces (a
//! nested list item's indentation) become no-break spaces, which no client collapses. An
//! http(s) address in a line is a TextRun that opens it (`selectAction`).

use serde_json::{Value, json};

use super::{Piece, Tone, Words, join_within, link_label, pieces, safe_url, tone, words};
use crate::model::Lang;
use crate::notify::message::Event;

/// Teams refuses cards over about 28 KB: bytes of JSON, not characters, and a text of links
/// (each a TextRun of its own) or of CJK characters (3 bytes each) is far more bytes than
/// characters. The text is cut at `BODY_MAX` characters, then shorter (half, and half again)
/// until the whole payload is under `PAYLOAD_MAX` bytes.
const TITLE_MAX: usize = 500;
const BODY_MAX: usize = 8000;
const PAYLOAD_MAX: usize = 24 * 1024;

/// Lines of the text shown (one RichTextBlock each); the rest joins the last.
const LINES_MAX: usize = 100;

pub(crate) fn payload(event: &Event, lang: Lang) -> Value {
    let mut body_max = BODY_MAX;
    loop {
        let payload = payload_within(event, lang, body_max);
        // Status and title (500 characters each) fit many times over: this ends.
        if body_max == 0 || serde_json::to_vec(&payload).map_or(0, |json| json.len()) <= PAYLOAD_MAX
        {
            return payload;
        }
        body_max /= 2;
    }
}

/// The message, its text cut at `body_max` characters.
fn payload_within(event: &Event, lang: Lang, body_max: usize) -> Value {
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
        json!({"type": "RichTextBlock", "inlines": [
            {"type": "TextRun", "text": inert(&status, TITLE_MAX), "weight": "Bolder", "color": color},
        ]}),
        json!({"type": "RichTextBlock", "inlines": [
            {"type": "TextRun", "text": inert(&title, TITLE_MAX), "size": "Large", "weight": "Bolder"},
        ]}),
    ];
    blocks.extend(lines(body, body_max));
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

/// The text's lines as RichTextBlocks, cut with `…` at `max` characters: before the word
/// the cut falls in if it holds an address (half of one would lead elsewhere), else right
/// there (Chinese and Japanese text has few spaces to cut at).
fn lines(body: &str, max: usize) -> Vec<Value> {
    let mut body = body.to_string();
    if let Some((cut, _)) = body
        .char_indices()
        .nth(max.saturating_sub(1))
        .filter(|_| body.chars().count() > max)
    {
        let before_word = body[..cut].trim_end_matches(|c: char| !c.is_whitespace());
        let end = if body[before_word.len()..cut].contains("://") {
            before_word.trim_end().len()
        } else {
            cut
        };
        body.truncate(end);
        body.push('…');
    }
    let mut lines: Vec<(bool, String)> = Vec::new();
    let mut paragraph_start = true;
    for line in body.split('\n') {
        if line.trim().is_empty() {
            paragraph_start = true;
        } else if lines.len() < LINES_MAX {
            lines.push((std::mem::take(&mut paragraph_start), line.to_string()));
        } else if let Some((_, last)) = lines.last_mut() {
            last.push(' ');
            last.push_str(line.trim());
        }
    }
    lines
        .into_iter()
        .map(|(paragraph_start, line)| {
            let indent = line.len() - line.trim_start_matches(' ').len();
            let line = format!("{}{}", "\u{A0}".repeat(indent), &line[indent..]);
            let inlines: Vec<Value> = pieces(&line)
                .into_iter()
                .map(|piece| match piece {
                    Piece::Url(url) => json!({
                        "type": "TextRun",
                        "text": url,
                        "selectAction": {"type": "Action.OpenUrl", "url": url},
                    }),
                    Piece::Text(words) => {
                        json!({"type": "TextRun", "text": inert(words, usize::MAX)})
                    }
                })
                .collect();
            let mut block = json!({"type": "RichTextBlock", "inlines": inlines});
            if !paragraph_start {
                block["spacing"] = "None".into();
            }
            block
        })
        .collect()
}

/// `text` cut to `max` characters, with a zero-width space after every `{` so that no
/// `{{DATE(…)}}` function is evaluated, and a word joiner after every `<`, so that a card
/// passed on to another service (Teams shows `<` as typed) carries no `<!everyone>`.
fn inert(text: &str, max: usize) -> String {
    join_within(text.chars().map(String::from), max)
        .replace('{', "{\u{200B}")
        .replace('<', "<\u{2060}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notify::format::tests::{HOSTILE, SAMPLE, event};
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
                            {"type": "RichTextBlock", "inlines": [
                                {"type": "TextRun", "text": "Identifiziert", "weight": "Bolder", "color": "Accent"},
                            ]},
                            {"type": "RichTextBlock", "inlines": [
                                {"type": "TextRun", "text": "Datenbank-Upgrade", "size": "Large", "weight": "Bolder"},
                            ]},
                            {"type": "RichTextBlock", "inlines": [{"type": "TextRun", "text": "Kurze Pause."}]},
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

    /// Every TextRun of the card's body, with the spacing of its block.
    fn runs(card: &Value) -> Vec<(Value, Value)> {
        let mut runs = Vec::new();
        for block in card["body"].as_array().unwrap() {
            assert_eq!(
                block["type"], "RichTextBlock",
                "no markdown TextBlock: {block}"
            );
            for run in block["inlines"].as_array().unwrap() {
                runs.push((run.clone(), block["spacing"].clone()));
            }
        }
        runs
    }

    #[test]
    fn hostile_text_cannot_format_call_functions_or_control() {
        let e = event(EventKind::IncidentOpened, &[(Lang::En, HOSTILE, HOSTILE)]);
        let p = payload(&e, Lang::En);
        let card = &p["attachments"][0]["content"];
        let runs = runs(card);
        for (run, _) in &runs {
            assert_eq!(run["type"], "TextRun");
            let t = run["text"].as_str().unwrap();
            assert!(!t.contains("{{"), "{t}");
            assert!(!t.chars().any(|c| c.is_control()), "{t:?}");
            assert!(!t.contains('\u{202E}'));
            assert!(!t.contains('\\'), "nothing is backslash-escaped: {t}");
            assert!(run.get("selectAction").is_none(), "no link from {t}");
        }
        let texts: Vec<&str> = runs
            .iter()
            .map(|(r, _)| r["text"].as_str().unwrap())
            .collect();
        assert_eq!(
            texts[2..],
            [
                "<\u{2060}!everyone> @channel @here <\u{2060}@U123> <\u{2060}@&42> @everyone *bold* _it_ ~s~ `code` [click](javascript:alert(1)) <\u{2060}https://evil.example|x> a & b > cgnp.exe",
                "# head",
                "- item",
                "1. one",
                "||spoiler|| {\u{200B}{\u{200B}DATE(2017-02-14T06:08:39Z, SHORT)}}",
            ],
            "shown as written, a line per block"
        );
        assert_eq!(card["body"][0]["inlines"][0]["color"], "Attention");
    }

    #[test]
    fn paragraphs_lines_and_links_keep_their_shape() {
        let body = format!("{SAMPLE}\n\n- nested:\n  - deeper");
        let e = event(EventKind::UpdatePosted, &[(Lang::En, "API errors", &body)]);
        let card = &payload(&e, Lang::En)["attachments"][0]["content"];
        assert_eq!(
            card["body"].as_array().unwrap()[2..],
            [
                json!({"type": "RichTextBlock", "inlines": [{"type": "TextRun", "text": "We rolled back. @everyone"}]}),
                json!({"type": "RichTextBlock", "inlines": [{"type": "TextRun", "text": "- api"}]}),
                json!({"type": "RichTextBlock", "inlines": [{"type": "TextRun", "text": "- web"}], "spacing": "None"}),
                json!({"type": "RichTextBlock", "inlines": [
                    {"type": "TextRun", "text": "See the runbook ("},
                    {"type": "TextRun", "text": "https://x.example/rb?a=1&b=2", "selectAction": {"type": "Action.OpenUrl", "url": "https://x.example/rb?a=1&b=2"}},
                    {"type": "TextRun", "text": ")."},
                ]}),
                json!({"type": "RichTextBlock", "inlines": [{"type": "TextRun", "text": "- nested:"}]}),
                json!({"type": "RichTextBlock", "inlines": [{"type": "TextRun", "text": "\u{A0}\u{A0}- deeper"}], "spacing": "None"}),
            ]
        );
    }

    #[test]
    fn long_text_is_cut_at_a_space_and_in_few_blocks() {
        let body = format!(
            "{}https://x.example/{}",
            "a\n".repeat(3990),
            "b".repeat(100)
        );
        let e = event(EventKind::UpdatePosted, &[(Lang::En, "t", &body)]);
        let card = &payload(&e, Lang::En)["attachments"][0]["content"];
        let runs = runs(card);
        assert_eq!(runs.len(), 2 + LINES_MAX);
        assert!(
            runs.iter().all(|(r, _)| r.get("selectAction").is_none()),
            "no cut address"
        );
        let shown: usize = runs[2..]
            .iter()
            .map(|(r, _)| r["text"].as_str().unwrap().chars().count())
            .sum();
        assert!(shown <= BODY_MAX, "{shown}");
        assert!(
            runs.last().unwrap().0["text"]
                .as_str()
                .unwrap()
                .ends_with("a a…")
        );
    }

    #[test]
    fn a_text_of_links_and_cjk_is_cut_to_a_card_teams_takes() {
        // Under 8,000 characters, but each link a TextRun (its address twice) and each CJK
        // character 3 bytes: over 31 KB of card uncut.
        let line =
            "障害が発生しました: https://status.example.com/incidents/2026-11-22-障害 を参照 ";
        let body = line.repeat(8000 / line.chars().count());
        assert!(body.chars().count() <= BODY_MAX);
        let e = event(EventKind::UpdatePosted, &[(Lang::Ja, "障害", &body)]);
        let p = payload(&e, Lang::Ja);
        let size = serde_json::to_vec(&p).unwrap().len();
        assert!(size <= PAYLOAD_MAX, "{size} bytes");
        let card = &p["attachments"][0]["content"];
        let runs = runs(card);
        let links = runs
            .iter()
            .filter(|(r, _)| r.get("selectAction").is_some())
            .count();
        // Cut, not emptied: still a good part of the text, its end marked.
        assert!(links >= 20, "{links} links left");
        assert!(
            runs.last().unwrap().0["text"]
                .as_str()
                .unwrap()
                .ends_with('…')
        );
        // Text without spaces is cut too, not emptied.
        let e = event(
            EventKind::UpdatePosted,
            &[(Lang::Ja, "障害", &"障害".repeat(4000))],
        );
        let p = payload(&e, Lang::Ja);
        assert!(serde_json::to_vec(&p).unwrap().len() <= PAYLOAD_MAX);
        let card = &p["attachments"][0]["content"];
        let text = card["body"][2]["inlines"][0]["text"].as_str().unwrap();
        assert!(text.chars().count() > 1000, "{text}");
        assert!(
            text.starts_with("障害障害") && text.ends_with('…'),
            "{text}"
        );
        // A text that fits is not cut.
        let short = event(
            EventKind::UpdatePosted,
            &[(Lang::Ja, "障害", &line.repeat(20))],
        );
        let card = &payload(&short, Lang::Ja)["attachments"][0]["content"];
        assert!(!format!("{card}").contains('…'));
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
