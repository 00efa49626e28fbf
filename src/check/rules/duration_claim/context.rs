//! What a duration in prose measures: the sentence and clause around it decide whether it is a
//! claim about how long the incident lasted, or the length of something else.

use std::ops::Range;

use super::quantity::{Bound, Quantity};
use super::words::{
    FRONTED, LEAD, NO_IMPACT, OTHER, OTHER_AFTER, OTHER_BEFORE, OUTAGE, RESTORE, SPLIT, TRAIL,
};

/// What a claim measures, and so what it is compared with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// How long the outage or its impact lasted: `resolved - started`.
    Length,
    /// An upper bound on the time to restore service ("restored within 2 hours"), which
    /// authors may count from detection or acknowledgement as well as from the start.
    Restore,
}

/// Longer "sentences" are not prose a reader remembers (a pasted log, a table): left alone,
/// which also keeps the clause analysis linear in the size of the text.
const LONGEST_SENTENCE: usize = 2000;

/// The claims among `all`, the durations of `text` in order, with what each measures.
pub(super) fn claims<'q>(text: &str, all: &'q [Quantity]) -> Vec<(&'q Quantity, Kind)> {
    let mut claims = Vec::new();
    for sentence in sentences(text) {
        let first = all.partition_point(|q| q.outer.start < sentence.start);
        let mut last = all.partition_point(|q| q.outer.start < sentence.end);
        // A figure cut by a sentence end ("40 Min. Danach") is no claim of one sentence.
        if last > first && all[last - 1].outer.end > sentence.end {
            last -= 1;
        }
        let inside = &all[first..last];
        if inside.is_empty() || sentence.len() > LONGEST_SENTENCE {
            continue;
        }
        // A sentence that says the impact was nil holds no claim about its length.
        if View::new(&text[sentence.clone()]).has_any(NO_IMPACT) {
            continue;
        }
        let clauses = clauses(text, sentence, inside);
        for quantity in inside {
            if let Some(kind) = kind(text, &clauses, quantity) {
                claims.push((quantity, kind));
            }
        }
    }
    claims
}

/// Whether `quantity` is a claim, and of what kind, given the clauses of its sentence.
/// `None` whenever the words around it do not make that plain.
fn kind(text: &str, clauses: &[Range<usize>], quantity: &Quantity) -> Option<Kind> {
    let index = clauses
        .iter()
        .position(|c| c.start <= quantity.outer.start && quantity.outer.end <= c.end)?;
    let mut clause = clauses[index].clone();
    let before = View::new(without_filler(&text[clause.start..quantity.outer.start]));
    let mut after = View::new(&text[quantity.outer.end..clause.end]);
    // "For about 40 minutes, all pulls failed": the predicate is in the next clause.
    let fronted = FRONTED.iter().any(|w| after.is(w))
        && (before.is("") || before.is("for") || before.is("für"));
    if fronted
        && !View::new(&text[clause.clone()]).has_any(OUTAGE)
        && let Some(next) = clauses.get(index + 1)
    {
        clause.end = next.end;
        after = View::new(&text[quantity.outer.end..clause.end]);
    }
    let whole = View::new(&text[clause.clone()]);
    let restore = quantity.bound == Bound::AtMost && whole.has_any(RESTORE);
    if !restore && !whole.has_any(OUTAGE) {
        return None;
    }
    // A fronted "During the failover," or "故障切换期间，" colours the clauses after it.
    let lead_in = View::new(&text[clauses[0].start..clause.end]);
    let offset = OTHER_BEFORE.iter().any(|w| {
        before.ends_with(w) && !(quantity.bound == Bound::AtMost && matches!(*w, "in" | "在"))
    });
    if offset
        || mentions_past_year(&lead_in.latin, &lead_in.cjk)
        || lead_in.has_any(OTHER)
        || OTHER_AFTER.iter().any(|w| after.starts_with(w))
    {
        return None;
    }
    if restore {
        return Some(Kind::Restore);
    }
    let written = &text[quantity.range.clone()];
    let cjk_before = before.cjk.trim_end_matches(['了', '有']);
    let construction = LEAD.iter().any(|w| before.ends_with(w))
        || TRAIL.iter().any(|w| after.starts_with(w))
        // "45 Minuten nicht erreichbar", "2小时无法登录", "19分停止"
        || after.head(2).has_any(OUTAGE)
        || OUTAGE
            .iter()
            .any(|w| is_cjk(w) && (cjk_before.ends_with(w) || after.cjk.starts_with(w)))
        // "約19分間サービスが停止しました": a span (`間`) with the outage after it.
        || (written.contains('間') && after.has_any(OUTAGE));
    construction.then_some(Kind::Length)
}

/// A year ("in 2022", "2022 aus demselben Grund", "2022年"): an event of another time.
fn mentions_past_year(latin: &str, cjk: &str) -> bool {
    let year = |word: &str| {
        word.len() == 4
            && word.bytes().all(|b| b.is_ascii_digit())
            && (word.starts_with("19") || word.starts_with("20"))
    };
    latin.split_whitespace().any(year)
        || cjk.char_indices().any(|(i, c)| {
            c == '年' && i >= 4 && cjk.is_char_boundary(i - 4) && year(&cjk[i - 4..i])
        })
}

/// `before` without a trailing "in total" word, which does not change what a figure measures
/// ("downtime was in total 7 minutes", "ダウンタイムは合計7分", "停机时间共7分钟").
fn without_filler(before: &str) -> &str {
    const FILLER: &[&str] = &["insgesamt", "total", "合計", "合计", "总共", "一共", "共"];
    let trimmed = before.trim_end();
    FILLER
        .iter()
        .find_map(|word| {
            let head = trimmed.strip_suffix(word)?;
            let whole = is_cjk(word)
                || head
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric());
            whole.then_some(head)
        })
        .unwrap_or(trimmed)
}

/// The sentences of a text: en/de end on `.!?` before a capital, ja/zh on `。！？`,
/// and a blank line or a list item ends one in any language.
fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut sentences = Vec::new();
    let mut start = 0;
    for (offset, c) in text.char_indices() {
        let next = offset + c.len_utf8();
        let ends = match c {
            '。' | '！' | '？' => true,
            '.' | '!' | '?' => latin_sentence_end(text, offset, next),
            '\n' => {
                let rest = text[next..].trim_start_matches([' ', '\t']);
                rest.starts_with('\n') || rest.starts_with("- ") || rest.starts_with("* ")
            }
            _ => false,
        };
        if ends {
            sentences.push(start..offset);
            start = next;
        }
    }
    sentences.push(start..text.len());
    sentences
}

fn latin_sentence_end(text: &str, offset: usize, next: usize) -> bool {
    const ABBREVIATIONS: &[&str] = &["ca", "approx", "bzw", "e.g", "i.e", "z.b", "vs", "etc"];
    let rest = &text[next..];
    if !rest.is_empty() && !rest.starts_with(char::is_whitespace) {
        return false;
    }
    let word = text[..offset]
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or_default()
        .to_lowercase();
    let following = rest.trim_start().chars().next();
    !ABBREVIATIONS.contains(&word.as_str())
        && following.is_none_or(|c| !c.is_lowercase() && !c.is_ascii_digit())
}

/// The clauses of a sentence: cut at punctuation and before a conjunction, never inside a duration.
fn clauses(text: &str, sentence: Range<usize>, all: &[Quantity]) -> Vec<Range<usize>> {
    const PUNCTUATION: &[char] = &[
        ',', ';', ':', '(', ')', '–', '—', '、', '，', '；', '：', '（', '）', '「', '」',
    ];
    let mut clauses = Vec::new();
    let mut start = sentence.start;
    // `all` is in text order: the next duration that may contain the current offset.
    let mut next = 0;
    for (relative, c) in text[sentence.clone()].char_indices() {
        let offset = sentence.start + relative;
        while next < all.len() && all[next].outer.end <= offset {
            next += 1;
        }
        let inside = all
            .get(next)
            .is_some_and(|q| q.outer.start < offset && offset < q.outer.end);
        if offset < start || inside {
            continue;
        }
        if PUNCTUATION.contains(&c) {
            clauses.push(start..offset);
            start = offset + c.len_utf8();
            continue;
        }
        let previous = text[..offset].chars().next_back();
        let at_word = previous.is_none_or(|p| !p.is_alphanumeric()) || is_cjk_char(c);
        let splits = at_word
            && offset > start
            && SPLIT.iter().any(|w| {
                let rest = &text[offset..sentence.end];
                rest.get(..w.len())
                    .is_some_and(|head| head.eq_ignore_ascii_case(w))
                    && (is_cjk(w)
                        || rest[w.len()..]
                            .chars()
                            .next()
                            .is_none_or(|n| !n.is_alphanumeric()))
            });
        if splits {
            clauses.push(start..offset);
            start = offset;
        }
    }
    clauses.push(start..sentence.end);
    clauses
}

fn is_cjk(word: &str) -> bool {
    word.chars().next().is_some_and(is_cjk_char)
}

fn is_cjk_char(c: char) -> bool {
    c >= '\u{2E80}'
}

/// A piece of text as words (` word word `, lower case) and as CJK characters without spaces.
struct View {
    latin: String,
    cjk: String,
}

impl View {
    fn new(text: &str) -> Self {
        let lower = text.to_lowercase().replace('’', "'");
        let mut latin = String::from(" ");
        for word in lower
            .split(|c: char| !(c.is_alphanumeric() || c == '\''))
            .filter(|w| !w.is_empty())
        {
            latin.push_str(word);
            latin.push(' ');
        }
        let cjk = lower.chars().filter(|c| !c.is_whitespace()).collect();
        View { latin, cjk }
    }

    /// The first `n` words.
    fn head(&self, n: usize) -> View {
        let words: Vec<&str> = self.latin.split_whitespace().take(n).collect();
        View::new(&words.join(" "))
    }

    fn is(&self, word: &str) -> bool {
        if word.is_empty() {
            self.cjk.is_empty()
        } else if is_cjk(word) {
            self.cjk == word
        } else {
            self.latin.len() == word.len() + 2 && self.starts_with(word)
        }
    }

    fn has(&self, word: &str) -> bool {
        if is_cjk(word) {
            return self.cjk.contains(word);
        }
        let (word, stem) = word.strip_suffix('*').map_or((word, false), |w| (w, true));
        // Most words of a list are nowhere in the clause: `contains` says so without the
        // searcher `match_indices` builds for every word.
        if !self.latin.contains(word) {
            return false;
        }
        // `latin` is ` word word `: a match must start after a space and, unless a stem, end before one.
        self.latin.match_indices(word).any(|(at, _)| {
            self.latin[..at].ends_with(' ')
                && (stem || self.latin[at + word.len()..].starts_with(' '))
        })
    }

    fn has_any(&self, words: &[&str]) -> bool {
        words.iter().any(|w| self.has(w))
    }

    fn ends_with(&self, word: &str) -> bool {
        if is_cjk(word) {
            return self.cjk.ends_with(word);
        }
        let Some(head) = self.latin.strip_suffix(' ') else {
            return false;
        };
        head.strip_suffix(word)
            .is_some_and(|rest| rest.ends_with(' '))
    }

    fn starts_with(&self, word: &str) -> bool {
        if is_cjk(word) {
            return self.cjk.starts_with(word);
        }
        let (word, stem) = word.strip_suffix('*').map_or((word, false), |w| (w, true));
        self.latin
            .strip_prefix(' ')
            .and_then(|rest| rest.strip_prefix(word))
            .is_some_and(|rest| stem || rest.starts_with(' '))
    }
}
