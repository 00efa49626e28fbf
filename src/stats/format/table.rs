//! Plain-text tables whose columns line up by display width, so that Japanese and Chinese
//! names (two columns a character) align with Latin ones.

use unicode_width::UnicodeWidthStr;

/// A table with a header row; columns whose flag in `right` is set are right-aligned.
pub(crate) fn table(header: &[&str], rows: &[Vec<String>], right: &[bool]) -> String {
    let columns = header.len();
    let mut widths: Vec<usize> = header.iter().map(|h| h.width()).collect();
    for row in rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.width());
        }
    }
    let header: Vec<String> = header.iter().map(|h| (*h).to_string()).collect();
    let mut out = String::new();
    for row in std::iter::once(&header).chain(rows) {
        let mut line = String::from(" ");
        for (index, cell) in row.iter().enumerate().take(columns) {
            let pad = " ".repeat(widths[index].saturating_sub(cell.width()));
            line.push(' ');
            if right.get(index).copied().unwrap_or(false) {
                line.push_str(&pad);
                line.push_str(cell);
            } else {
                line.push_str(cell);
                line.push_str(&pad);
            }
            if index + 1 < columns {
                line.push(' ');
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_characters_take_two_columns() {
        let rows = vec![
            vec!["データベース".to_string(), "3".to_string()],
            vec!["API".to_string(), "12".to_string()],
        ];
        let text = table(&["component", "n"], &rows, &[false, true]);
        assert_eq!(
            text,
            "  component      n\n  データベース   3\n  API           12\n"
        );
    }
}
