//! Byte offsets -> line and column (1-based, columns in characters) for the YAML front end:
//! a cursor that follows the parser's events through the text, and a one-off count for the
//! rare finding made elsewhere.
//!
//! The parser's events mostly move forward, so the cursor counts only the bytes between one
//! position and the next: no index of line starts per file, and no recount of a long line
//! from its start for every value on it.

use crate::diagnostic::Pos;

/// The position of byte `offset` of `text`, counted from the start. An offset past the end
/// or inside a character gets column 1 (on the line the offset falls on).
pub(crate) fn pos_of_offset(text: &str, offset: usize) -> Pos {
    let bytes = &text.as_bytes()[..offset.min(text.len())];
    let line_start = memchr::memrchr(b'\n', bytes).map_or(0, |at| at + 1);
    let column = text
        .get(line_start..offset)
        .map_or(1, |prefix| chars(prefix) + 1);
    Pos {
        line: newlines(bytes) + 1,
        column,
        offset,
    }
}

/// Positions in one text, asked for in (mostly) increasing order.
pub(super) struct Cursor<'a> {
    text: &'a str,
    /// Always a character boundary of `text`.
    offset: usize,
    line: usize,
    line_start: usize,
    column: usize,
}

impl<'a> Cursor<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        Cursor {
            text,
            offset: 0,
            line: 1,
            line_start: 0,
            column: 1,
        }
    }

    /// Takes `pos`, known to be right, as the last position: the next is counted from there.
    pub(super) fn seat(&mut self, pos: Pos) {
        self.offset = pos.offset;
        self.line = pos.line;
        self.column = pos.column;
    }

    /// What [`pos_of_offset`] gives, from the bytes between the last position and this one.
    pub(super) fn pos(&mut self, offset: usize) -> Pos {
        if !self.text.is_char_boundary(offset) {
            return pos_of_offset(self.text, offset);
        }
        let bytes = self.text.as_bytes();
        if offset >= self.offset {
            let between = &bytes[self.offset..offset];
            match memchr::memrchr(b'\n', between) {
                None => self.column += chars(&self.text[self.offset..offset]),
                Some(last) => {
                    self.line += newlines(between);
                    self.line_start = self.offset + last + 1;
                    self.column = chars(&self.text[self.line_start..offset]) + 1;
                }
            }
        } else {
            let between = &bytes[offset..self.offset];
            match newlines(between) {
                0 => self.column -= chars(&self.text[offset..self.offset]),
                back => {
                    self.line -= back;
                    self.line_start =
                        memchr::memrchr(b'\n', &bytes[..offset]).map_or(0, |at| at + 1);
                    self.column = chars(&self.text[self.line_start..offset]) + 1;
                }
            }
        }
        self.offset = offset;
        Pos {
            line: self.line,
            column: self.column,
            offset,
        }
    }
}

fn newlines(bytes: &[u8]) -> usize {
    memchr::memchr_iter(b'\n', bytes).count()
}

fn chars(text: &str) -> usize {
    text.chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the loader counted before the cursor: a line index and the characters from the
    /// line's start.
    fn reference(text: &str, offset: usize) -> Pos {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        let index = starts.partition_point(|&start| start <= offset) - 1;
        let column = text
            .get(starts[index]..offset)
            .map_or(1, |prefix| prefix.chars().count() + 1);
        Pos {
            line: index + 1,
            column,
            offset,
        }
    }

    const TEXTS: &[&str] = &[
        "",
        "\n",
        "title: 日本語のタイトル\nlang: ja\n",
        "a: 1\r\nb: \"x\ty\"\r\n\r\n  - é\n",
        "\u{feff}k: v\n\n\nlong: ääääääääää ß 中文 x\nend",
        "no newline at all, 𝄞 in it",
    ];

    #[test]
    fn one_off_positions_are_the_line_index_ones() {
        for text in TEXTS {
            for offset in 0..=text.len() + 2 {
                assert_eq!(
                    pos_of_offset(text, offset),
                    reference(text, offset),
                    "{text:?} at {offset}"
                );
            }
        }
    }

    #[test]
    fn the_cursor_agrees_in_every_order_of_two_offsets() {
        for text in TEXTS {
            for first in 0..=text.len() {
                for second in 0..=text.len() {
                    let mut cursor = Cursor::new(text);
                    assert_eq!(
                        cursor.pos(first),
                        reference(text, first),
                        "{text:?} at {first}"
                    );
                    assert_eq!(
                        cursor.pos(second),
                        reference(text, second),
                        "{text:?} at {first} then {second}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_cursor_follows_a_long_walk_back_and_forth() {
        let text = TEXTS[4];
        let mut cursor = Cursor::new(text);
        let mut offset = 0;
        for step in 0..500usize {
            offset = (offset + step * 7 + 3) % (text.len() + 1);
            assert_eq!(cursor.pos(offset), reference(text, offset), "step {step}");
        }
    }
}
