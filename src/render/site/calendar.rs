//! The maintenance calendar of each language: an iCalendar file (RFC 5545) that calendar
//! apps subscribe to, one event per published maintenance window.

use chrono::{DateTime, TimeDelta, Utc};

use super::{Artifact, Page, Site, message, paths};
use crate::render::markdown::{opens_tag, to_plain};
use crate::status::{Maintenance, UPTIME_DAYS};

/// `SEQUENCE` counts seconds from this instant (2020-01-01T00:00:00Z) to the record's last
/// revision: it grows with every edit and fits RFC 5545's 32-bit INTEGER until 2088.
const SEQUENCE_EPOCH: i64 = 1_577_836_800;

/// RFC 5545 §3.1: a content line is at most 75 octets, CRLF excluded.
const LINE_OCTETS: usize = 75;

/// The `SEQUENCE` of a window last revised at `revised`: the seconds since 2020-01-01 UTC
/// (0 before then, or when no revision time is known), capped at the largest INTEGER.
pub(crate) fn sequence(revised: Option<DateTime<Utc>>) -> i64 {
    revised.map_or(0, |at| {
        (at.timestamp() - SEQUENCE_EPOCH).clamp(0, i64::from(i32::MAX))
    })
}

/// Whether the calendar lists a window at `now`: every window not yet over, and those that
/// ended in the last 90 days (the span of the uptime bars). Older ones drop out, so the file
/// stays small for apps that fetch it every hour; they have long been shown by then.
pub(crate) fn in_calendar(maintenance: &Maintenance, now: DateTime<Utc>) -> bool {
    maintenance.scheduled_until >= now - TimeDelta::days(i64::from(UPTIME_DAYS))
}

impl Site<'_> {
    /// `<lang>/maintenance.ics`.
    pub(super) fn calendar(&self, index: usize) -> Artifact {
        let language = &self.languages[index];
        let view = language.view;
        let host = host_of(&self.base);
        let now = self.status.now;
        let mut ics = Ics::default();
        ics.raw("BEGIN", "VCALENDAR");
        ics.raw("VERSION", "2.0");
        ics.raw("PRODID", "-//hindsight//status site maintenance//EN");
        ics.raw("CALSCALE", "GREGORIAN");
        ics.raw("METHOD", "PUBLISH");
        let name = format!("{} – {}", view.title, message(&view.t, "maintenance"));
        ics.text("X-WR-CALNAME", &name);
        ics.text("NAME", &name);
        // RFC 7986 and its older spelling: how often an app should fetch the file again.
        ics.raw("REFRESH-INTERVAL;VALUE=DURATION", "PT1H");
        ics.raw("X-PUBLISHED-TTL", "PT1H");
        let mut events = 0;
        for (position, maintenance) in self.status.maintenances.iter().enumerate() {
            if !in_calendar(maintenance, now) {
                continue;
            }
            events += 1;
            let shown = &view.maintenances[position];
            let url = Page::Maintenance(position, maintenance.id()).url(&self.base, language.lang);
            ics.raw("BEGIN", "VEVENT");
            ics.raw("UID", &format!("{}@{host}", maintenance.id()));
            ics.raw("DTSTAMP", &stamp(now));
            if let Some(revised) = maintenance.revised {
                ics.raw("LAST-MODIFIED", &stamp(revised));
            }
            ics.raw("SEQUENCE", &sequence(maintenance.revised).to_string());
            ics.raw("DTSTART", &stamp(maintenance.scheduled_for));
            // DTEND must be later than DTSTART; an empty window is an instant.
            if maintenance.scheduled_until > maintenance.scheduled_for {
                ics.raw("DTEND", &stamp(maintenance.scheduled_until));
            }
            let status = if maintenance.cancelled {
                "CANCELLED"
            } else {
                "CONFIRMED"
            };
            ics.raw("STATUS", status);
            // Maintenance elsewhere does not make the subscriber busy.
            ics.raw("TRANSP", "TRANSPARENT");
            ics.text("SUMMARY", &to_plain(&shown.title.markdown));
            let mut description = Vec::new();
            if let Some(summary) = &shown.summary {
                description.push(to_plain(&summary.markdown));
            }
            if let Some(impact) = &shown.impact {
                description.push(format!(
                    "{}: {}",
                    message(&view.t, "heading_expected_impact"),
                    to_plain(&impact.markdown)
                ));
            }
            description.push(shown.window.clone());
            description.push(url.clone());
            ics.text("DESCRIPTION", &description.join("\n\n"));
            ics.raw("URL", &without_controls(&url));
            if !shown.components.is_empty() {
                let names: Vec<String> = shown.components.iter().map(|c| escape(&c.name)).collect();
                ics.line("CATEGORIES", &names.join(","));
            }
            ics.raw("END", "VEVENT");
        }
        if events == 0 {
            // RFC 5545 wants at least one component in a calendar: with no window to show,
            // the zone every time here is in, which shows nothing in any app.
            for (name, value) in [
                ("BEGIN", "VTIMEZONE"),
                ("TZID", "UTC"),
                ("BEGIN", "STANDARD"),
                ("DTSTART", "19700101T000000"),
                ("TZOFFSETFROM", "+0000"),
                ("TZOFFSETTO", "+0000"),
                ("END", "STANDARD"),
                ("END", "VTIMEZONE"),
            ] {
                ics.raw(name, value);
            }
        }
        ics.raw("END", "VCALENDAR");
        Artifact::new(paths::of("calendar", language.lang, None), ics.out)
    }
}

/// A calendar being written: content lines, folded, each ended by CRLF.
#[derive(Default)]
struct Ics {
    out: String,
}

impl Ics {
    /// A property whose value is hindsight's own (a keyword, a time, a number) or a URL.
    fn raw(&mut self, name: &str, value: &str) {
        self.line(name, value);
    }

    /// A TEXT property: `value` escaped.
    fn text(&mut self, name: &str, value: &str) {
        self.line(name, &escape(value));
    }

    fn line(&mut self, name: &str, value: &str) {
        fold(&format!("{name}:{value}"), &mut self.out);
    }
}

/// `20261025T003000Z`.
fn stamp(at: DateTime<Utc>) -> String {
    at.format("%Y%m%dT%H%M%SZ").to_string()
}

/// RFC 5545 §3.3.11: `\`, `;` and `,` escaped, line breaks as `\n`. Control characters are
/// dropped (a tab becomes a space): the format has no way to carry them. A `<` that would
/// open a tag (before a letter, `/`, `!` or `?`) becomes its full-width form, since some apps
/// show DESCRIPTION as HTML: no text from a record becomes a tag there, and `a -> b` or
/// `< 100 ms` stay as written.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}' => out.push_str("\\n"),
            '\t' => out.push(' '),
            '<' if chars.peek().is_some_and(|&next| opens_tag(next)) => out.push('＜'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

fn without_controls(text: &str) -> String {
    text.chars().filter(|c| !c.is_control()).collect()
}

/// Appends `line` folded (RFC 5545 §3.1): at most 75 octets a line, continuation lines
/// starting with one space, never inside a UTF-8 character; CRLF after each.
fn fold(line: &str, out: &mut String) {
    let mut octets = 0;
    for c in line.chars() {
        if octets + c.len_utf8() > LINE_OCTETS {
            out.push_str("\r\n ");
            octets = 1;
        }
        out.push(c);
        octets += c.len_utf8();
    }
    out.push_str("\r\n");
}

/// The host of the base URL, for UIDs: `https://user@status.example.com:8443/x/` ->
/// `status.example.com`.
fn host_of(base: &str) -> String {
    let after_scheme = base.split_once("://").map_or(base, |(_, rest)| rest);
    let authority = after_scheme.split(['/', '?', '#']).next().unwrap_or("");
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = if let Some(bracketed) = host_port.strip_prefix('[') {
        format!("[{}]", bracketed.split(']').next().unwrap_or(""))
    } else {
        host_port.split(':').next().unwrap_or("").to_string()
    };
    without_controls(&host).to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(line: &str) -> String {
        let mut out = String::new();
        fold(line, &mut out);
        out
    }

    #[test]
    fn text_is_escaped_and_loses_its_controls() {
        assert_eq!(
            escape("a,b;c\\d\r\ne\rf\ng\u{2028}h"),
            "a\\,b\\;c\\\\d\\ne\\nf\\ng\\nh"
        );
        assert_eq!(escape("x\u{1}\u{1b}[31m\u{7f}\ty"), "x[31m y");
        assert_eq!(escape("<script>"), "＜script>");
        assert_eq!(escape("</b><!-- x"), "＜/b>＜!-- x");
        assert_eq!(
            escape("Postgres 15 -> 17, < 100 ms"),
            "Postgres 15 -> 17\\, < 100 ms"
        );
    }

    #[test]
    fn long_lines_fold_at_75_octets_between_characters() {
        let ascii = folded(&format!("SUMMARY:{}", "a".repeat(200)));
        let lines: Vec<&str> = ascii.split("\r\n").collect();
        assert_eq!(lines[0].len(), 75);
        assert!(lines[1].starts_with(' ') && lines[1].len() == 75);
        assert_eq!(lines.last(), Some(&""), "ends with CRLF");
        // Three-octet characters: a line never ends in the middle of one.
        let wide = folded(&format!("SUMMARY:{}", "日本語".repeat(40)));
        for line in wide.split("\r\n") {
            assert!(line.len() <= 75, "{line}");
        }
        let unfolded = wide.replace("\r\n ", "");
        assert_eq!(
            unfolded.trim_end(),
            format!("SUMMARY:{}", "日本語".repeat(40))
        );
        // A four-octet character at the boundary moves to the next line whole.
        let emoji = folded(&format!("X:{}{}", "a".repeat(72), "😀"));
        assert_eq!(emoji, format!("X:{}\r\n 😀\r\n", "a".repeat(72)));
    }

    #[test]
    fn sequence_is_seconds_since_2020_and_fits_an_integer() {
        let at = |s: &str| Some(s.parse::<DateTime<Utc>>().unwrap());
        assert_eq!(sequence(None), 0);
        assert_eq!(sequence(at("2019-06-01T00:00:00Z")), 0);
        assert_eq!(sequence(at("2020-01-01T00:01:40Z")), 100);
        assert!(sequence(at("2026-11-20T10:00:01Z")) > sequence(at("2026-11-20T10:00:00Z")));
        assert_eq!(sequence(at("2100-01-01T00:00:00Z")), i64::from(i32::MAX));
    }

    #[test]
    fn the_uid_host_is_the_base_urls_host() {
        assert_eq!(host_of("https://status.example.com/"), "status.example.com");
        assert_eq!(
            host_of("https://me@Example.COM:8443/status/"),
            "example.com"
        );
        assert_eq!(host_of("http://[::1]:8080/"), "[::1]");
    }
}
