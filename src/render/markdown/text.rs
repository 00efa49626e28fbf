//! A Markdown field as plain text that keeps its shape: for a chat message or a text/plain
//! e-mail, where a reader needs the paragraphs, list items and link targets that
//! [`super::to_plain`] (one line, for titles and feeds) joins or leaves out.

use pulldown_cmark::{Event, Tag, TagEnd};

use super::{defuse_tags, join_cjk_lines, parse};

/// A Markdown field as plain text: paragraphs, headings and code blocks separated by one
/// blank line, every list item on its own line (`- item`, `1. item`, nested items
/// indented), hard breaks as line breaks, a link as `label (url)` (only http(s) and mailto
/// targets; just the address when it is the label), an image as its alt text, raw HTML
/// left out and every `<` that could open a tag defused.
pub fn to_text(markdown: &str) -> String {
    let mut text = Text::default();
    for event in join_cjk_lines(parse(markdown)) {
        text.event(event);
    }
    text.finish()
}

#[derive(Default)]
struct Text {
    lines: Vec<String>,
    /// What the current line starts with: indentation, and a list marker.
    prefix: String,
    content: String,
    /// Per open list: the next item's number, if it is numbered.
    lists: Vec<Option<u64>>,
    /// An item's marker is on the current line and its first block goes after it.
    item_open: bool,
    /// Per open link: its target, and the label's text so far.
    links: Vec<(String, String)>,
}

impl Text {
    fn event(&mut self, event: Event) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) | Event::Code(text) => self.text(&text),
            Event::SoftBreak => self.text(" "),
            Event::HardBreak => self.new_line(),
            // Raw HTML is markup, not text, and a footnote or task marker has no words.
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag) {
        match tag {
            Tag::Paragraph | Tag::Heading { .. } | Tag::CodeBlock(_) | Tag::Table(_) => {
                self.block();
            }
            Tag::List(first) => {
                if self.lists.is_empty() {
                    self.block();
                }
                self.lists.push(first);
            }
            Tag::Item => {
                self.flush();
                let depth = self.lists.len().saturating_sub(1);
                let marker = match self.lists.last_mut() {
                    Some(Some(number)) => {
                        *number += 1;
                        format!("{}. ", *number - 1)
                    }
                    _ => "- ".to_string(),
                };
                self.prefix = format!("{}{marker}", "  ".repeat(depth));
                self.item_open = true;
            }
            Tag::TableHead | Tag::TableRow => self.flush(),
            Tag::TableCell if !self.content.trim().is_empty() => self.content.push_str(" | "),
            Tag::Link { dest_url, .. } => self.links.push((dest_url.to_string(), String::new())),
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::CodeBlock
            | TagEnd::TableHead
            | TagEnd::TableRow
            | TagEnd::Item => self.flush(),
            TagEnd::List(_) => {
                self.flush();
                self.lists.pop();
            }
            TagEnd::Link => {
                if let Some((url, label)) = self.links.pop()
                    && let Some(shown) = shown_url(&url, &label)
                {
                    self.text(&format!(" ({shown})"));
                }
            }
            _ => {}
        }
    }

    fn text(&mut self, text: &str) {
        for (_, label) in &mut self.links {
            label.push_str(text);
        }
        // Only a code block's text holds line breaks: each of its lines is a line.
        let mut lines = text.split('\n');
        if let Some(first) = lines.next() {
            self.content.push_str(first);
        }
        for line in lines {
            self.new_line();
            self.content.push_str(line);
        }
    }

    /// A block starts: on its own line, after a blank line at the top level, or after the
    /// marker of the item it opens.
    fn block(&mut self) {
        if std::mem::take(&mut self.item_open) {
            return;
        }
        self.flush();
        if self.lists.is_empty() {
            if self.lines.last().is_some_and(|line| !line.is_empty()) {
                self.lines.push(String::new());
            }
        } else {
            self.prefix = "  ".repeat(self.lists.len());
        }
    }

    /// The current line ends; the next one keeps the indentation of the item it is in.
    fn new_line(&mut self) {
        self.flush();
        self.prefix = "  ".repeat(self.lists.len());
    }

    fn flush(&mut self) {
        let content = self
            .content
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let prefix = std::mem::take(&mut self.prefix);
        if !content.is_empty() {
            self.lines.push(format!("{prefix}{content}"));
        } else if self.item_open {
            // An empty item still reads as one.
            self.lines.push(prefix.trim_end().to_string());
        }
        self.content.clear();
        self.item_open = false;
    }

    fn finish(mut self) -> String {
        self.flush();
        while self.lines.last().is_some_and(String::is_empty) {
            self.lines.pop();
        }
        defuse_tags(&self.lines.join("\n"))
    }
}

/// What follows a link's label: its address if a reader may follow it (http, https or
/// mailto, written without spaces), and only if the label does not already say it.
fn shown_url(url: &str, label: &str) -> Option<String> {
    let url = url.trim();
    let lower = url.get(..7).unwrap_or(url).to_ascii_lowercase();
    let followable = lower.starts_with("http://")
        || lower.starts_with("https:/")
        || lower.starts_with("mailto:");
    if !followable || url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return None;
    }
    let label = label.trim();
    let same = label == url
        || url
            .get(7..)
            .is_some_and(|rest| lower == "mailto:" && rest == label);
    (!same).then(|| url.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reviewers_update_keeps_its_paragraphs_list_and_link() {
        assert_eq!(
            to_text("We rolled back.\n\n- api\n- web\n\nSee [the runbook](https://x.example/rb)"),
            "We rolled back.\n\n- api\n- web\n\nSee the runbook (https://x.example/rb)"
        );
    }

    #[test]
    fn lists_are_numbered_and_nested_items_indented() {
        assert_eq!(
            to_text("Steps:\n\n3. one\n4. two\n   - a\n   - b\n5. three\n\nDone."),
            "Steps:\n\n3. one\n4. two\n  - a\n  - b\n5. three\n\nDone."
        );
        // A loose list: its items' paragraphs stay on the items' lines.
        assert_eq!(
            to_text("- first\n\n  more\n\n- second\n"),
            "- first\n  more\n- second"
        );
        assert_eq!(to_text("-\n- b"), "-\n- b", "an empty item stays an item");
    }

    #[test]
    fn headings_code_and_breaks_keep_their_lines() {
        assert_eq!(
            to_text(
                "# Cause\nA *bad*   deploy.  \nRolled **back**\nby hand.\n\n```\nkubectl  rollout undo\nkubectl get pods\n```\n"
            ),
            "Cause\n\nA bad deploy.\nRolled back by hand.\n\nkubectl rollout undo\nkubectl get pods"
        );
        assert_eq!(to_text("a\\\nb"), "a\nb", "a backslash hard break");
        assert_eq!(to_text("| a | b |\n|---|---|\n| 1 | 2 |"), "a | b\n1 | 2");
    }

    #[test]
    fn links_show_followable_addresses_once() {
        assert_eq!(
            to_text("<https://x.example/a> and [https://x.example/b](https://x.example/b)"),
            "https://x.example/a and https://x.example/b"
        );
        assert_eq!(to_text("<ops@x.example>"), "ops@x.example");
        assert_eq!(
            to_text("[write us](mailto:ops@x.example)"),
            "write us (mailto:ops@x.example)"
        );
        for dropped in [
            "[click](javascript:alert(1))",
            "[click](data:text/html,x)",
            "[click](/relative/page)",
            "[click](<https://a b>)",
        ] {
            assert_eq!(to_text(dropped), "click", "{dropped}");
        }
        assert_eq!(
            to_text("![the graph](https://x.example/g.png) shows it"),
            "the graph shows it",
            "an image is its alt text"
        );
    }

    #[test]
    fn markup_from_the_record_stays_out() {
        assert_eq!(
            to_text("a <b>bold</b> claim\n\n<div>\nhidden\n</div>\n\nend"),
            "a bold claim\n\nend"
        );
        assert_eq!(to_text("`<script>` < 100 ms"), "＜script> < 100 ms");
        assert_eq!(to_text("\n\n  \n"), "");
    }

    #[test]
    fn wrapped_chinese_and_japanese_lines_join_without_a_space() {
        assert_eq!(
            to_text("服务停止。\n我们回滚了。\n\n- Docker\nイメージ"),
            "服务停止。我们回滚了。\n\n- Docker イメージ"
        );
    }

    #[test]
    fn deep_nesting_stays_linear() {
        let deep = format!("{}x", "- ".repeat(5000));
        let text = to_text(&deep);
        assert!(text.ends_with('x'));
        assert!(text.len() < 200_000, "{}", text.len());
    }
}
