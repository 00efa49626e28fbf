//! Chat formats for `notify`: one pure function per service (Slack, Microsoft Teams,
//! Discord) turns an event into that service's incoming-webhook message, with the record's
//! words cleaned of control characters and escaped for the service's markup.

pub(crate) mod discord;
pub(crate) mod slack;
pub(crate) mod teams;

use crate::model::Lang;
use crate::notify::message::{Event, EventKind, EventText};

static NO_TEXT: EventText = EventText {
    title: String::new(),
    status: String::new(),
    body: String::new(),
    url: String::new(),
};

/// The event's words in `lang`, else in the first language it has (an event always has the
/// site's default language; an empty one only if the computation had nothing to say).
pub(crate) fn text_for(event: &Event, lang: Lang) -> &EventText {
    event
        .texts
        .get(&lang)
        .or_else(|| event.texts.values().next())
        .unwrap_or(&NO_TEXT)
}

/// How good or bad the news is, for the colour a service shows beside the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tone {
    Bad,
    Warning,
    Good,
    Info,
}

pub(crate) fn tone(kind: EventKind) -> Tone {
    match kind {
        EventKind::IncidentOpened => Tone::Bad,
        EventKind::UpdatePosted | EventKind::ComponentChanged => Tone::Warning,
        EventKind::IncidentResolved | EventKind::MaintenanceCompleted => Tone::Good,
        EventKind::PostmortemPublished
        | EventKind::MaintenanceScheduled
        | EventKind::MaintenanceStarted
        | EventKind::MaintenanceCancelled => Tone::Info,
    }
}

/// The link's label, in the message's language.
pub(crate) fn link_label(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "View on the status page",
        Lang::De => "Auf der Statusseite ansehen",
        Lang::Ja => "ステータスページで見る",
        Lang::Zh => "在状态页面查看",
    }
}

/// `text` with line breaks normalized to `\n` and every other control character removed:
/// C0/C1 controls, bidi marks, overrides and isolates (they can make a message read
/// backwards), the zero-width space and the BOM. Tabs become spaces. Joiners stay, some scripts and emoji need them.
pub(crate) fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\n' | '\u{2028}' | '\u{2029}' => out.push('\n'),
            '\t' => out.push(' '),
            '\u{200B}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}' => {}
            '\u{FEFF}' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// An event's words in one language, cleaned for any channel.
pub(crate) struct Words<'e> {
    /// One line.
    pub(crate) title: String,
    /// One line.
    pub(crate) status: String,
    /// Its line breaks kept, trimmed.
    pub(crate) body: String,
    pub(crate) url: &'e str,
}

/// The words of `event` in `lang` (see [`text_for`]), cleaned.
pub(crate) fn words(event: &Event, lang: Lang) -> Words<'_> {
    let text = text_for(event, lang);
    Words {
        title: clean_line(&text.title),
        status: clean_line(&text.status),
        body: clean(&text.body).trim().to_string(),
        url: &text.url,
    }
}

/// [`clean`], on one line: for titles and other one-line fields.
pub(crate) fn clean_line(text: &str) -> String {
    let cleaned = clean(text);
    cleaned
        .split('\n')
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// `text` escaped character by character, cut with `…` so that the result has at most
/// `max` characters (services reject messages over their field limits). An escape is never
/// cut in half.
pub(crate) fn escape_within(
    text: &str,
    max: usize,
    escape: impl Fn(char, bool, &mut String),
) -> String {
    let mut out = String::new();
    let mut piece = String::new();
    let mut count = 0;
    let mut line_start = true;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        piece.clear();
        escape(c, line_start, &mut piece);
        let n = piece.chars().count();
        // Room for the ellipsis unless this is the last character.
        let reserve = usize::from(chars.peek().is_some());
        if count + n + reserve > max {
            out.push('…');
            return out;
        }
        out.push_str(&piece);
        count += n;
        line_start = c == '\n' || (line_start && c == ' ');
    }
    out
}

/// Markdown escaping shared by Discord and Teams (both honour CommonMark's backslash
/// escapes): `always` are escaped anywhere; the block markers (`#`, `-`, `+`, `>`, `1.`)
/// only matter at the start of a line and are escaped there.
pub(crate) fn escape_markdown(c: char, line_start: bool, always: &[char], out: &mut String) {
    if always.contains(&c) || (line_start && matches!(c, '#' | '-' | '+' | '>' | '=')) {
        out.push('\\');
        out.push(c);
    } else if line_start && c.is_ascii_digit() {
        // `1.` or `1)` at a line's start opens a numbered list: a zero-width space after
        // the digit keeps the number and stops the list.
        out.push(c);
        out.push('\u{200B}');
    } else {
        out.push(c);
    }
}

/// `url` if it is an absolute http(s) address a service can link to safely, else `None`
/// (a link is then left out: no `javascript:` from a config, no broken markup).
pub(crate) fn safe_url(url: &str) -> Option<&str> {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let scheme_ok = lower.starts_with("https://") || lower.starts_with("http://");
    let chars_ok = url.chars().all(|c| {
        !c.is_control() && !c.is_whitespace() && !matches!(c, '<' | '>' | '"' | '|' | '\\' | '`')
    });
    (scheme_ok && chars_ok && url.len() > "https://".len()).then_some(url)
}

/// A stretch of a message's text: words, or an http(s) address a reader can follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Piece<'t> {
    Text(&'t str),
    Url(&'t str),
}

/// What ends a sentence or a bracket right after an address: chat services leave it out of
/// the link they make of a bare address, and so does [`pieces`].
pub(crate) const URL_END: &[char] = &['.', ',', ':', ';', '!', '?', '"', '\'', ')', ']'];

/// `text` cut into words and the `http(s)://` addresses in it that pass [`safe_url`] (an
/// address starts a word and runs to the next space, less the [`URL_END`] characters that
/// close it), in order; the pieces joined give `text` back.
pub(crate) fn pieces(text: &str) -> Vec<Piece<'_>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let (mut start, mut at) = (0, 0);
    while at < bytes.len() {
        let scheme = [&b"https://"[..], &b"http://"[..]].iter().any(|s| {
            bytes[at..].len() >= s.len() && bytes[at..at + s.len()].eq_ignore_ascii_case(s)
        });
        // A match starts with an ASCII `h`, so `at` is then on a character boundary.
        if !scheme
            || text[..at]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
        {
            at += 1;
            continue;
        }
        let word_end = text[at..]
            .find(char::is_whitespace)
            .map_or(text.len(), |n| at + n);
        let url = text[at..word_end].trim_end_matches(URL_END);
        if safe_url(url).is_some() {
            if start < at {
                out.push(Piece::Text(&text[start..at]));
            }
            out.push(Piece::Url(url));
            start = at + url.len();
        }
        at = word_end;
    }
    if start < text.len() {
        out.push(Piece::Text(&text[start..]));
    }
    out
}

/// `units` joined, cut with `…` so that the result has at most `max` characters; a unit
/// (an escaped character, a whole address) is never cut.
pub(crate) fn join_within(units: impl IntoIterator<Item = String>, max: usize) -> String {
    let mut out = String::new();
    let mut count = 0;
    let mut units = units.into_iter().peekable();
    while let Some(unit) = units.next() {
        let n = unit.chars().count();
        // Room for the ellipsis unless this is the last unit.
        let reserve = usize::from(units.peek().is_some());
        if count + n + reserve > max {
            out.push('…');
            return out;
        }
        out.push_str(&unit);
        count += n;
    }
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use chrono::TimeZone;
    use std::collections::BTreeMap;

    /// Text an attacker could put in a record: markup, mentions of every service, control
    /// and bidi characters, a fake link.
    pub(crate) const HOSTILE: &str = "<!everyone> @channel @here <@U123> <@&42> @everyone \
        *bold* _it_ ~s~ `code` [click](javascript:alert(1)) <https://evil.example|x> \
        a & b > c\u{0007}\u{0000}\u{202E}gnp.exe\r\n# head\n- item\n1. one\n||spoiler|| {{DATE(2017-02-14T06:08:39Z, SHORT)}}";

    pub(crate) fn event(kind: EventKind, langs: &[(Lang, &str, &str)]) -> Event {
        let mut texts = BTreeMap::new();
        for (lang, title, body) in langs {
            texts.insert(
                *lang,
                EventText {
                    title: (*title).to_string(),
                    status: if *lang == Lang::De {
                        "Identifiziert".into()
                    } else {
                        "Identified".into()
                    },
                    body: (*body).to_string(),
                    url: format!("https://status.example.com/{lang}/incidents/2026-01-db.html"),
                },
            );
        }
        Event {
            id: "incident.opened:2026-01-db".into(),
            kind,
            subject: "2026-01-db".into(),
            components: vec!["db".into()],
            at: chrono::Utc.with_ymd_and_hms(2026, 1, 5, 10, 30, 0).unwrap(),
            texts,
        }
    }

    #[test]
    fn the_channel_language_else_the_first_available() {
        let e = event(
            EventKind::IncidentOpened,
            &[(Lang::En, "Down", ""), (Lang::De, "Ausfall", "")],
        );
        assert_eq!(text_for(&e, Lang::De).title, "Ausfall");
        assert_eq!(text_for(&e, Lang::Ja).title, "Down");
        let none = event(EventKind::IncidentOpened, &[]);
        assert_eq!(text_for(&none, Lang::En).title, "");
    }

    #[test]
    fn control_and_bidi_characters_are_removed_line_breaks_kept() {
        assert_eq!(
            clean("a\u{0}b\u{7}c\u{202E}d\u{2066}e\u{FEFF}\r\nf\rg\th\u{85}"),
            "abcde\nf\ng h"
        );
        assert_eq!(clean_line(" one \n\n two\r\n"), "one two");
        // Joiners are text, not control: an emoji family stays whole.
        assert_eq!(clean("👩\u{200D}👧"), "👩\u{200D}👧");
    }

    #[test]
    fn escaping_is_cut_at_the_limit_without_splitting_an_escape() {
        let amp = |c: char, _: bool, out: &mut String| {
            if c == '&' {
                out.push_str("&amp;")
            } else {
                out.push(c)
            }
        };
        assert_eq!(escape_within("abc", 3, amp), "abc");
        assert_eq!(escape_within("abcd", 3, amp), "ab…");
        assert_eq!(escape_within("a&b", 4, amp), "a…");
        assert!(escape_within(&"&".repeat(1000), 3000, amp).chars().count() <= 3000);
    }

    /// The reviewer's status update, as `to_text` gives it, with a hostile mention.
    pub(crate) const SAMPLE: &str = "We rolled back. @everyone\n\n- api\n- web\n\nSee the runbook (https://x.example/rb?a=1&b=2).";

    #[test]
    fn addresses_are_found_whole_and_without_closing_punctuation() {
        use Piece::{Text, Url};
        assert_eq!(
            pieces(SAMPLE),
            [
                Text("We rolled back. @everyone\n\n- api\n- web\n\nSee the runbook ("),
                Url("https://x.example/rb?a=1&b=2"),
                Text(")."),
            ]
        );
        assert_eq!(
            pieces("HTTPS://a.example, xhttps://b.example https://c.example/<@1> http://"),
            [
                Url("HTTPS://a.example"),
                Text(", xhttps://b.example https://c.example/<@1> http://"),
            ]
        );
        assert_eq!(
            pieces("日本https://a.example。"),
            [Text("日本https://a.example。")]
        );
        assert_eq!(pieces(""), []);
    }

    #[test]
    fn joining_is_cut_between_units() {
        let units = |s: &[&str]| s.iter().map(|u| u.to_string()).collect::<Vec<_>>();
        assert_eq!(join_within(units(&["ab", "cd"]), 4), "abcd");
        assert_eq!(join_within(units(&["ab", "https://x"]), 10), "ab…");
        assert_eq!(join_within(units(&["ab", "c", "d"]), 3), "ab…");
    }

    #[test]
    fn only_http_links_survive() {
        assert!(safe_url("https://status.example.com/en/").is_some());
        assert!(safe_url("HTTP://status.example.com/").is_some());
        for bad in [
            "javascript:alert(1)",
            "data:text/html,x",
            "https://a b",
            "https://a|b",
            "https://",
            "/relative",
            "https://a>b",
        ] {
            assert_eq!(safe_url(bad), None, "{bad}");
        }
    }
}
