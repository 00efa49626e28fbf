//! Markdown tables padded to equal display width, so that the raw text lines up even where
//! Japanese and Chinese characters take two columns.

use unicode_width::UnicodeWidthStr;

/// Pads every GitHub-style table in `markdown` (consecutive lines starting with `|`).
pub fn align(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len() + markdown.len() / 4);
    let mut table: Vec<&str> = Vec::new();
    for line in markdown.lines() {
        if line.starts_with('|') {
            table.push(line);
            continue;
        }
        flush(&mut table, &mut out);
        out.push_str(line);
        out.push('\n');
    }
    flush(&mut table, &mut out);
    out
}

fn flush(table: &mut Vec<&str>, out: &mut String) {
    if table.is_empty() {
        return;
    }
    let rows: Vec<Vec<String>> = table.iter().map(|line| cells(line)).collect();
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let is_rule = |row: &Vec<String>| {
        row.iter()
            .all(|c| !c.is_empty() && c.chars().all(|ch| ch == '-' || ch == ':'))
    };
    let mut widths = vec![3; columns];
    for row in rows.iter().filter(|row| !is_rule(row)) {
        for (i, cell) in row.iter().enumerate() {
            widths[i] = widths[i].max(cell.width());
        }
    }
    for row in &rows {
        out.push('|');
        for (i, width) in widths.iter().enumerate() {
            let cell = row.get(i).map_or("", String::as_str);
            if is_rule(row) {
                out.push_str(&format!(" {} |", "-".repeat(*width)));
            } else {
                let padding = width.saturating_sub(cell.width());
                out.push_str(&format!(" {cell}{} |", " ".repeat(padding)));
            }
        }
        out.push('\n');
    }
    table.clear();
}

/// The cells of a table line, split on `|` that are not escaped.
fn cells(line: &str) -> Vec<String> {
    let inner = line.trim().trim_start_matches('|');
    let inner = inner
        .strip_suffix('|')
        .filter(|s| !s.ends_with('\\'))
        .unwrap_or(inner);
    let mut cells = Vec::new();
    let mut current = String::new();
    let mut escaped = false;
    for ch in inner.chars() {
        if ch == '|' && !escaped {
            cells.push(current.trim().to_string());
            current.clear();
        } else {
            current.push(ch);
        }
        escaped = ch == '\\' && !escaped;
    }
    cells.push(current.trim().to_string());
    cells
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_characters_line_up() {
        let table = "| 日時 | 出来事 |\n|---|---|\n| 19:00 | Docker Hub へのプルが停止 |\n| 2020年7月6日 04:00 | 復旧 \\| 完了 |\n";
        let aligned = align(table);
        let widths: Vec<usize> = aligned.lines().map(UnicodeWidthStr::width).collect();
        assert!(widths.iter().all(|w| *w == widths[0]), "{aligned}");
        assert!(aligned.contains("復旧 \\| 完了"));
    }

    #[test]
    fn text_outside_tables_is_untouched() {
        assert_eq!(
            align("# Title\n\ntext | not a table\n"),
            "# Title\n\ntext | not a table\n"
        );
    }
}
