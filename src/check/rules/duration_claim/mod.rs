//! `duration-claim`: a sentence of the summary or impact says how long the incident lasted,
//! and the record's times say otherwise.

mod context;
mod quantity;
// Word lists read best a few to a line, grouped by language.
#[rustfmt::skip]
mod words;

use super::locate;
use crate::check::{RecordCheck, Scope, declare_rule};
use crate::diagnostic::Finding;
use crate::model::duration::compact;
use crate::model::{Record, TextField};
use context::Kind;
use quantity::Bound;

declare_rule! {
    /// The summary or impact says the incident lasted a time that disagrees with `resolved - started`.
    ///
    /// Readers remember the sentence "the service was down for 18 minutes", not the
    /// milestones. When the prose and the times disagree, one of them misinforms. Prose is
    /// full of other durations, though, so this rule speaks only when a sentence plainly
    /// states how long the outage or its impact lasted, and stays quiet when unsure.
    ///
    /// Each sentence of `summary` and `impact` (ended by `.!?` in English and German, by
    /// `。！？` in Japanese and Chinese) is cut into clauses at punctuation and conjunctions. A
    /// duration (`18 minutes`, `an hour`, `1 hour and 21 minutes`, `1,5 Stunden`, `18分間`,
    /// `11時間半`, `1.5个小时`, `两个小时`; clock times and dates are not durations) is a
    /// claim only when its clause
    ///
    /// - names the outage or its impact: down, outage, unavailable, failed, errors, could
    ///   not, Ausfall, nicht erreichbar, fehlgeschlagen, 停止, 障害, ログインできない, 中断,
    ///   故障, 不可用, 无法 ...;
    /// - ties the duration to it: "down for N", "lasted N", "N-minute outage", "N of
    ///   downtime", "für N", "N lang", "dauerte N", "N nicht erreichbar", "N間停止",
    ///   "N にわたって", "障害は N 続いた", "中断了 N", "持续 N", "长达 N", "N 的中断";
    ///   a fronted "For about 40 minutes, ..." or "約19分間、..." joins the next clause;
    /// - and says nothing that makes it the length of something else: a rate (every, alle,
    ///   ごとに, 每), a timeout, TTL, cache, interval, latency, delay, retry, schedule,
    ///   backoff, an age ("older than 3 days", "älter als", "古い", "删除"), an offset ("after
    ///   3 minutes of errors", "nach", "後", "后", "3 days ago"), the responders' work or
    ///   people (investigated, waited, took, on-call, support), another or earlier event
    ///   (during, first, previous, similar, the next day, in 2022, failover, staging, canary,
    ///   cause), or a part of the system or its users (one of the replicas, some regions,
    ///   一部, 部分). A fronted clause ("During the failover, ...") counts as the same clause,
    ///   and a sentence that says the impact was nil ("users were not affected") has no claim.
    ///
    /// "Service was restored within 2 hours" (`innerhalb von`, `以内に復旧`, `内恢复`) is an
    /// upper bound on the time to restore; authors count that from the start, the detection
    /// or the acknowledgement, so it is wrong only when even the shortest of those is longer.
    ///
    /// Bounds are honoured: "within", "less than", "under", "up to", "at most", "bis zu",
    /// "weniger als", "以内", "未満", "不到" are upper bounds; "more than", "over", "at least",
    /// "mehr als", "über", "以上", "超过" lower bounds; "about", "around", "roughly", "~",
    /// "etwa", "ca.", "rund", "約", "ほど", "大约", "约", "左右" allow 10%. A plain figure must
    /// match at the unit it is written in ("2 hours" agrees with 1h45m, "90 minutes" does not
    /// agree with 81 minutes). The first 10 disagreeing figures of each field are reported.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// started: 2017-10-27 14:10
    /// resolved: 2017-10-27 15:31
    /// summary: |
    ///   Payments failed for 1.5 hours.     # resolved - started is 1h21m
    /// ```
    ///
    /// Not claims, never reported: "Clients retried every 30 seconds", "The cache TTL is 10
    /// minutes", "Jobs older than 3 days were deleted", "Requests took up to 20 seconds",
    /// "The alert fired after 3 minutes of errors", and "We restored service within 2 hours"
    /// when it took 40 minutes.
    ///
    /// ## Fix
    ///
    /// Correct the sentence (or the times). If the figure is meant loosely, say so ("about
    /// an hour and a half"), and it is checked within 10%; if it is a bound, say that
    /// ("more than an hour").
    pub DURATION_CLAIM = DurationClaim, Warning, Scope::Record(check)
}

/// Findings per field at most: the first figures that disagree are enough to act on.
const MAX_PER_FIELD: usize = 10;

fn check(subject: &RecordCheck<'_>) -> Vec<Finding> {
    let record = subject.record;
    let Some(actual) = record.computed_duration_seconds() else {
        return Vec::new();
    };
    let mut findings = Vec::new();
    for field in [TextField::Summary, TextField::Impact] {
        let Some(text) = field.of_record(record) else {
            continue;
        };
        let quantities = quantity::scan(&text.value);
        let mut reported = 0;
        for (claim, kind) in context::claims(&text.value, &quantities) {
            // Each finding shows its source line: a 2 MiB summary full of figures would
            // otherwise make the report quadratic in its size.
            if reported == MAX_PER_FIELD {
                break;
            }
            let (measured, against) = match kind {
                Kind::Length => (actual, "resolved - started".to_string()),
                Kind::Restore => shortest_restore(record, actual),
            };
            if claim.agrees_with(measured as f64) {
                continue;
            }
            let written = &text.value[claim.range.clone()];
            let bound = match claim.bound {
                Bound::Approximate => " (approximately)",
                Bound::AtLeast => " (at least)",
                Bound::AtMost => " (at most)",
                Bound::Exact => "",
            };
            reported += 1;
            findings.push(
                Finding::new(
                    DURATION_CLAIM.id,
                    locate(subject.text, text.span, written),
                    format!(
                        "the {field} says \"{written}\"{bound}, but {against} is {}",
                        compact(measured)
                    ),
                )
                .help("correct the sentence or the times; mark a loose figure as approximate (\"about ...\")"),
            );
        }
    }
    findings
}

/// The shortest time to restore any author might mean: from the start, the detection or the
/// acknowledgement (each known to the minute) to `resolved`.
fn shortest_restore(record: &Record, from_start: i64) -> (i64, String) {
    let resolved = record.resolved.as_ref().map(|r| &r.value);
    let mut best = (from_start, "resolved - started".to_string());
    let later = [
        ("detected", record.detected.as_ref()),
        ("acknowledged", record.acknowledged.as_ref()),
    ];
    for (name, when) in later {
        let (Some(when), Some(resolved)) = (when, resolved) else {
            continue;
        };
        if when.value.is_day_only() {
            continue;
        }
        let seconds = (resolved.utc - when.value.utc).num_seconds();
        if (0..best.0).contains(&seconds) {
            best = (seconds, format!("resolved - {name}"));
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::context::{Kind, claims};
    use super::quantity::scan;

    /// The kind of each duration in `text`, in order (`None`: not a claim).
    fn kinds(text: &str) -> Vec<Option<Kind>> {
        let all = scan(text);
        let found = claims(text, &all);
        all.iter()
            .map(|q| {
                found
                    .iter()
                    .find(|(c, _)| c.outer == q.outer)
                    .map(|(_, k)| *k)
            })
            .collect()
    }

    #[test]
    fn outage_lengths_are_claims() {
        for text in [
            "The outage lasted 18 minutes.",
            "Users could not log in for 2 hours.",
            "For about 40 minutes, all pulls failed.",
            "Der Ausfall dauerte 18 Minuten.",
            "Die API war 45 Minuten lang nicht erreichbar.",
            "約19分間サービスが停止しました。",
            "服务中断了约18分钟。",
            "支付中断约\n1.5个小时，直到删除一个服务后才恢复。",
        ] {
            assert_eq!(kinds(text), [Some(Kind::Length)], "{text}");
        }
        assert_eq!(
            kinds("We restored service within 2 hours."),
            [Some(Kind::Restore)]
        );
    }

    #[test]
    fn other_durations_are_not_claims() {
        for text in [
            "Clients retried every 30 seconds.",
            "The cache TTL is 10 minutes.",
            "Jobs older than 3 days were deleted.",
            "Requests took up to 20 seconds.",
            "The alert fired after 3 minutes of errors.",
            "Clients wiederholten die Anfrage alle 30 Sekunden.",
            "キャッシュは10分間保持されます。",
            "每30秒重试一次。",
            "The API was down for 5 minutes before anyone noticed.",
        ] {
            assert_eq!(kinds(text), [None], "{text}");
        }
    }

    #[test]
    fn long_texts_are_read_in_linear_time() {
        let sentence = "The API was down for 18 minutes, and 1 hour 2 hours 3 hours were lost. ";
        let text = sentence.repeat(10_000);
        // One "sentence" of 400 kB: no prose, left alone.
        let one_long = "down for 1 hour, ".repeat(25_000);
        let started = std::time::Instant::now();
        assert_eq!(claims(&text, &scan(&text)).len(), 10_000);
        assert!(claims(&one_long, &scan(&one_long)).is_empty());
        // Only guards against a hang; the figure is printed for whoever wants it.
        let elapsed = started.elapsed();
        println!("{} bytes in {elapsed:?}", text.len() + one_long.len());
        assert!(elapsed < std::time::Duration::from_secs(60), "{elapsed:?}");
    }
}
