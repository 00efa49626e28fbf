//! Markdown tables padded to equal display width, so that the raw text lines up even where
//! Japanese and Chinese characters take two columns.

use unicode_width::UnicodeWidthStr;

/// Pads every GitHub-style table in `markdown` (consecutive lines starting with `|`).
pub(crate) fn align(markdown: &str) -> String {
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
    let rules: Vec<bool> = rows
        .iter()
        .map(|row| {
            row.iter()
                .all(|c| !c.is_empty() && c.chars().all(|ch| ch == '-' || ch == ':'))
        })
        .collect();
    let mut widths = vec![3; columns];
    for (row, _) in rows.iter().zip(&rules).filter(|(_, rule)| !**rule) {
        for (i, cell) in row.iter().enumerate() {
            widths[i] = widths[i].max(cell.width());
        }
    }
    // One wide cell would pad every other row to its width: past a size that no table a
    // person reads reaches, the table is left as written.
    let written: usize = table.iter().map(|line| line.len() + 1).sum();
    let padded = rows.len() * widths.iter().map(|w| w + 3).sum::<usize>();
    if padded > 2 * written + 64 * 1024 {
        for line in table.iter() {
            out.push_str(line);
            out.push('\n');
        }
        table.clear();
        return;
    }
    for (row, rule) in rows.iter().zip(rules) {
        out.push('|');
        for (i, width) in widths.iter().enumerate() {
            let cell = row.get(i).map_or("", String::as_str);
            out.push(' ');
            if rule {
                out.extend(std::iter::repeat_n('-', *width));
            } else {
                out.push_str(cell);
                out.extend(std::iter::repeat_n(' ', width.saturating_sub(cell.width())));
            }
            out.push_str(" |");
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
    fn wide_tables_take_linear_time_and_one_wide_cell_does_not_pad_every_row() {
        let columns = 50_000;
        let wide = format!("{}|\n{}|\n", "|a".repeat(columns), "|-".repeat(columns));
        let start = std::time::Instant::now();
        let aligned = align(&wide);
        assert!(
            start.elapsed() < std::time::Duration::from_secs(20),
            "a hang"
        );
        assert_eq!(
            aligned.lines().next().unwrap().matches('|').count(),
            columns + 1
        );
        let long = format!(
            "|a|b|\n|-|-|\n|{}|y|\n{}",
            "w".repeat(100_000),
            "|x|y|\n".repeat(10_000)
        );
        let aligned = align(&long);
        assert!(
            aligned.len() < 2 * long.len() + 64 * 1024,
            "{}",
            aligned.len()
        );
    }

    #[test]
    fn text_outside_tables_is_untouched() {
        assert_eq!(
            align("# Title\n\ntext | not a table\n"),
            "# Title\n\ntext | not a table\n"
        );
    }
}
