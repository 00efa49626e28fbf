//! YAML parsing with positions and budgets: what is read, what is refused, and where.

use super::*;

fn tree(text: &str) -> Node {
    parse(text, &Limits::default()).unwrap().unwrap()
}

#[test]
fn positions_are_one_based_and_count_characters() {
    let root = tree("title: 日本語のタイトル\nlang: ja\n");
    let Value::Map(entries) = root.value else {
        panic!()
    };
    let (key, value) = &entries[1];
    assert_eq!(key.as_str(), Some("lang"));
    assert_eq!((value.span.start.line, value.span.start.column), (2, 7));
    let title = &entries[0].1;
    assert_eq!(title.span.end.column, 16);
    assert_eq!(title.span.end.offset, "title: 日本語のタイトル".len());
}

#[test]
fn null_forms_and_quoted_scalars() {
    let root = tree("a:\nb: ~\nc: 'null'\nd: 5\n");
    let Value::Map(entries) = root.value else {
        panic!()
    };
    assert_eq!(entries[0].1.value, Value::Null);
    assert_eq!(entries[1].1.value, Value::Null);
    assert_eq!(
        entries[2].1.value,
        Value::Scalar {
            text: "null".into(),
            plain: false
        }
    );
    assert_eq!(
        entries[3].1.value,
        Value::Scalar {
            text: "5".into(),
            plain: true
        }
    );
}

#[test]
fn empty_and_comment_only_files_have_no_root() {
    assert_eq!(parse("", &Limits::default()).unwrap(), None);
    assert_eq!(parse("# nothing\n", &Limits::default()).unwrap(), None);
}

#[test]
fn aliases_expand_and_count_against_the_budget() {
    let root = tree("a: &x [1, 2]\nb: *x\n");
    let Value::Map(entries) = root.value else {
        panic!()
    };
    assert!(matches!(&entries[1].1.value, Value::Seq(items) if items.len() == 2));

    let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    for level in 1..12 {
        let prev = (b'a' + level - 1) as char;
        let name = (b'a' + level) as char;
        bomb.push_str(&format!("{name}: &{name} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"));
    }
    let error = parse(&bomb, &Limits::default()).unwrap_err();
    assert_eq!(error.rule.as_str(), "input-limit");
}

#[test]
fn deep_nesting_is_refused() {
    let text = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let error = parse(&text, &Limits::default()).unwrap_err();
    assert_eq!(error.rule.as_str(), "input-limit", "{error:?}");
    assert!(error.message.contains("64 levels"));
    let block = (0..200)
        .map(|depth| format!("{}- \n", "  ".repeat(depth)))
        .collect::<String>();
    assert_eq!(
        parse(&block, &Limits::default()).unwrap_err().rule.as_str(),
        "input-limit"
    );
}

#[test]
fn second_document_is_an_error_at_its_start() {
    let error = parse("a: 1\n---\nb: 2\n", &Limits::default()).unwrap_err();
    assert_eq!(error.rule.as_str(), "yaml-syntax");
    assert_eq!(error.span.start.line, 2);
}

#[test]
fn syntax_errors_point_at_the_problem() {
    let error = parse("title: x\n  bad: [\n", &Limits::default()).unwrap_err();
    assert_eq!(error.rule.as_str(), "yaml-syntax");
    let start = error.span.start;
    // The `:` after `bad`: a mapping cannot start inside the plain scalar `x`.
    assert_eq!((start.line, start.column), (2, 6), "{error:?}");
    assert!(error.message.contains("mapping values are not allowed"));
}

#[test]
fn nul_bytes_mean_binary() {
    let error = parse("a: 1\n\0\0", &Limits::default()).unwrap_err();
    assert!(error.message.contains("binary"));
}

/// Where each top-level value ends, as (line, column).
fn value_ends(text: &str) -> Vec<(usize, usize)> {
    let Value::Map(entries) = tree(text).value else {
        panic!()
    };
    entries
        .iter()
        .map(|(_, v)| (v.span.end.line, v.span.end.column))
        .collect()
}

#[test]
fn a_multi_line_value_ends_at_its_last_character_not_at_the_next_key() {
    // Regression: block values ended where the next key starts (line 3, column 1), and the
    // GitHub annotation's end column then reached into `root_cause`.
    let text = "impact:\n  nested: map\n\n  # a comment\nroot_cause: |\n  text\n\nlessons:\n  - one\n  - two\n\n# end\n";
    assert_eq!(value_ends(text), [(2, 14), (6, 7), (10, 8)]);
}

#[test]
fn a_flow_collection_ends_after_its_bracket() {
    let text = "affected: [api,\n  web]\nnext: {a: 1}\nlast: x\n";
    assert_eq!(value_ends(text), [(2, 7), (3, 13), (4, 8)]);
}

/// Every span of every node in the tree.
fn spans(node: &Node, out: &mut Vec<Span>) {
    out.push(node.span);
    match &node.value {
        Value::Seq(items) => items.iter().for_each(|item| spans(item, out)),
        Value::Map(entries) => entries.iter().for_each(|(key, value)| {
            spans(key, out);
            spans(value, out);
        }),
        Value::Null | Value::Scalar { .. } => {}
    }
}

#[test]
fn every_position_is_the_one_counted_from_the_start() {
    // The parser's own lines and columns are taken where they are hindsight's; these texts
    // hold what could make them differ: tabs, wide and combined characters, quoted and
    // block scalars over several lines, flow collections, comments, a carriage return, a
    // byte order mark.
    let texts = [
        "title: 日本語のタイトル\nlang: ja\nsummary: |\n  行一\n\n  \t行二 é\n# c\ntags: [a, \"b\n  c\", {d: e}]\n",
        "a:\t\"x\\ty 中\"\nb: >-\n  folded\n  text\n\nc:\n  - 'it''s'\n  -   plain   words\n  - ? k\n    : v\n",
        "a: 1\r\nb: |\r\n  x\r\n  y\r\nc: [1,\r\n 2]\r\n",
        "\u{feff}a: é\nb: \"𝄞\"\n",
        "a: x\rb: y\r",
        "k: v # comment ünd mehr\nl:\n- 1\n-  \"zwei\"\n",
    ];
    for text in texts {
        let mut all = Vec::new();
        spans(&tree(text), &mut all);
        for span in all {
            for pos in [span.start, span.end] {
                assert_eq!(pos, pos_of_offset(text, pos.offset), "{text:?}");
            }
        }
    }
}
