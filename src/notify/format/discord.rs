//! The Discord webhook message: a one-line `content` (status and title, what a notification
//! shows) and one embed with the title linking to the page, the text, a colour and the time.
//!
//! `allowed_mentions: {parse: []}` makes Discord ping nobody whatever the text says, and the
//! text is escaped too, so `@everyone`, `<@123>` or `<@&42>` (roles) show as typed instead
//! of as a mention, and markdown (`**`, `||spoiler||`, `[link](…)`, `# heading`) as typed.
//!
//! An http(s) address in the text is left as written, so Discord links it (a backslash in
//! it would end or break the link), and so is the punctuation that closes it (`)`, `.`):
//! Discord's own link ends before it, and a backslash there would be taken into the link.
//! An address with an `@` in it is escaped like any words, mention-free.

use serde_json::{Value, json};

use super::{
    Piece, Tone, URL_END, Words, escape_markdown, escape_within, join_within, pieces, safe_url,
    tone, words,
};
use crate::model::Lang;
use crate::notify::message::Event;

/// Discord's limits: content 2,000 characters, an embed's title 256, its description 4,096.
const CONTENT_MAX: usize = 2000;
const TITLE_MAX: usize = 256;
const DESCRIPTION_MAX: usize = 4096;

/// What Discord markdown gives a meaning to anywhere in a line: `@` and `<` start mentions,
/// `|` spoilers, `:` emoji, the rest emphasis, code and masked links.
const SPECIAL: &[char] = &[
    '\\', '*', '_', '~', '`', '|', '[', ']', '(', ')', '<', '>', '@', ':',
];

pub(crate) fn payload(event: &Event, lang: Lang) -> Value {
    let Words {
        title,
        status,
        body,
        url,
    } = words(event, lang);

    let content = format!(
        "**{}** {}",
        escape_within(&status, 200, discord),
        escape_within(&title, CONTENT_MAX - 210, discord)
    );
    let mut embed = json!({
        "title": escape_within(&title, TITLE_MAX, discord),
        "color": color(tone(event.kind)),
        "timestamp": event.at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
    });
    if !body.is_empty() {
        embed["description"] = description(&body).into();
    }
    if let Some(url) = safe_url(url) {
        embed["url"] = url.into();
    }
    json!({
        "content": content,
        "embeds": [embed],
        "allowed_mentions": {"parse": []},
    })
}

/// The text escaped for Discord, its addresses left as written, cut to Discord's limit.
fn description(body: &str) -> String {
    let mut units = Vec::new();
    let (mut line_start, mut after_url) = (true, false);
    for piece in pieces(body) {
        let words = match piece {
            Piece::Url(url) if !url.contains('@') => {
                units.push(url.to_string());
                (line_start, after_url) = (false, true);
                continue;
            }
            Piece::Url(words) | Piece::Text(words) => words,
        };
        for c in words.chars() {
            let mut unit = String::new();
            after_url = after_url && URL_END.contains(&c);
            if after_url {
                unit.push(c);
            } else {
                discord(c, line_start, &mut unit);
            }
            units.push(unit);
            line_start = c == '\n' || (line_start && c == ' ');
        }
    }
    join_within(units, DESCRIPTION_MAX)
}

fn discord(c: char, line_start: bool, out: &mut String) {
    escape_markdown(c, line_start, SPECIAL, out);
}

/// The embed's side colour, as Discord takes it: an RGB integer.
fn color(tone: Tone) -> u32 {
    match tone {
        Tone::Bad => 0xD7_3A_49,
        Tone::Warning => 0xE3_9B_1B,
        Tone::Good => 0x2E_A0_43,
        Tone::Info => 0x3B_82_F6,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notify::format::tests::{HOSTILE, SAMPLE, event};
    use crate::notify::message::EventKind;

    #[test]
    fn the_documented_shape_in_the_channel_language() {
        let e = event(
            EventKind::IncidentOpened,
            &[
                (Lang::En, "Database down", "We are looking."),
                (Lang::De, "Datenbank aus", "Wir schauen."),
            ],
        );
        assert_eq!(
            payload(&e, Lang::De),
            json!({
                "content": "**Identifiziert** Datenbank aus",
                "embeds": [{
                    "title": "Datenbank aus",
                    "description": "Wir schauen.",
                    "url": "https://status.example.com/de/incidents/2026-01-db.html",
                    "color": 0xD73A49,
                    "timestamp": "2026-01-05T10:30:00Z",
                }],
                "allowed_mentions": {"parse": []},
            })
        );
    }

    /// Whether `text` has `needle` with an unescaped first character (an odd number of
    /// backslashes before it escapes it).
    fn has_live(text: &str, needle: &str) -> bool {
        text.match_indices(needle).any(|(at, _)| {
            let slashes = text[..at].chars().rev().take_while(|&c| c == '\\').count();
            slashes % 2 == 0
        })
    }

    #[test]
    fn hostile_text_cannot_mention_format_or_control() {
        let e = event(EventKind::UpdatePosted, &[(Lang::En, HOSTILE, HOSTILE)]);
        let p = payload(&e, Lang::En);
        assert_eq!(p["allowed_mentions"], json!({"parse": []}));
        let texts = [
            p["content"].as_str().unwrap(),
            p["embeds"][0]["title"].as_str().unwrap(),
            p["embeds"][0]["description"].as_str().unwrap(),
        ];
        for t in texts {
            for live in [
                "@everyone",
                "@here",
                "<@",
                "*bold",
                "_it",
                "`code",
                "[click]",
                "(javascript",
                "||",
                "~s",
            ] {
                assert!(!has_live(t, live), "{live} is live in {t}");
            }
            assert!(!t.chars().any(|c| c.is_control() && c != '\n'), "{t:?}");
            assert!(!t.contains('\u{202E}'));
        }
        let description = texts[2];
        assert!(
            description.contains("\n\\# head\n\\- item\n1\u{200B}. one"),
            "{description}"
        );
        assert!(
            description.starts_with("\\<!everyone\\> \\@channel"),
            "{description}"
        );
        // The content opens with the status in bold: the only live markdown is ours.
        assert!(texts[0].starts_with("**Identified** \\<"));
    }

    #[test]
    fn addresses_stay_links_and_mentions_stay_defused() {
        let e = event(EventKind::UpdatePosted, &[(Lang::En, "API errors", SAMPLE)]);
        assert_eq!(
            payload(&e, Lang::En)["embeds"][0]["description"],
            "We rolled back. \\@everyone\n\n\\- api\n\\- web\n\nSee the runbook \\(https://x.example/rb?a=1&b=2)."
        );
        let sneaky = "see https://x.example/@everyone and https://x.example/a_b_(c)";
        let e = event(EventKind::UpdatePosted, &[(Lang::En, "t", sneaky)]);
        assert_eq!(
            payload(&e, Lang::En)["embeds"][0]["description"],
            "see https\\://x.example/\\@everyone and https://x.example/a_b_(c)"
        );
    }

    #[test]
    fn long_text_fits_discord_limits_and_bad_links_are_left_out() {
        let long = "*".repeat(10_000);
        let mut e = event(EventKind::MaintenanceCompleted, &[(Lang::En, &long, &long)]);
        e.texts.get_mut(&Lang::En).unwrap().url = "javascript:alert(1)".into();
        let p = payload(&e, Lang::En);
        assert!(p["content"].as_str().unwrap().chars().count() <= CONTENT_MAX);
        assert!(p["embeds"][0]["title"].as_str().unwrap().chars().count() <= TITLE_MAX);
        assert!(
            p["embeds"][0]["description"]
                .as_str()
                .unwrap()
                .chars()
                .count()
                <= DESCRIPTION_MAX
        );
        assert!(p["embeds"][0].get("url").is_none());
        assert_eq!(p["embeds"][0]["color"], 0x2EA043);
    }
}
