//! One generated postmortem as data, in all four languages at once: the record, its overlays
//! and its Hugo page are all written from this value.

use chrono::{Duration, NaiveDate, NaiveDateTime};

use crate::bank::{self, Tr};
use crate::rng::Rng;
use crate::{phrases, prose};

/// A text in en, de, ja and zh (the order of `bank::LANGS`).
pub(crate) type Text = [String; 4];

pub(crate) struct Component {
    pub(crate) id: String,
    pub(crate) name: Text,
    pub(crate) group: Text,
}

pub(crate) struct Entry {
    pub(crate) at: String,
    pub(crate) approximate: bool,
    pub(crate) marks: Option<&'static str>,
    pub(crate) status: Option<&'static str>,
    pub(crate) text: Text,
}

pub(crate) struct Action {
    pub(crate) text: Text,
    pub(crate) status: &'static str,
    pub(crate) kind: &'static str,
    pub(crate) owner: Option<&'static str>,
    pub(crate) due: Option<String>,
}

pub(crate) struct Incident {
    pub(crate) id: String,
    pub(crate) date: NaiveDate,
    pub(crate) draft: bool,
    pub(crate) maintenance: bool,
    pub(crate) severity: &'static str,
    pub(crate) zone: &'static str,
    pub(crate) affected: Vec<(String, &'static str)>,
    /// Milestone or window fields in order, with their written values.
    pub(crate) times: Vec<(&'static str, String)>,
    pub(crate) duration: Option<String>,
    pub(crate) title: Text,
    /// `summary`, `impact`, `root_cause`, `resolution` as present, in that order.
    pub(crate) prose: Vec<(&'static str, Text)>,
    pub(crate) timeline: Vec<Entry>,
    pub(crate) actions: Vec<Action>,
    pub(crate) lessons: Vec<Text>,
    pub(crate) authors: Vec<&'static str>,
    /// Per overlay language (de, ja, zh): whether its `summary` pair was made from older text.
    pub(crate) stale: [bool; 3],
}

pub(crate) fn components() -> Vec<Component> {
    let mut out = Vec::new();
    for (g, group) in bank::GROUPS.iter().enumerate() {
        for k in 0..5 {
            let (part, name) = &bank::PARTS[(g * 3 + k) % bank::PARTS.len()];
            let id = format!("{}-{part}", group[0].to_ascii_lowercase());
            out.push(Component {
                id,
                name: std::array::from_fn(|l| format!("{} {}", group[l], name[l])),
                group: group.map(str::to_owned),
            });
        }
    }
    out
}

/// Fills `{c}`, `{n}` and `{k}` the same way in every language.
fn fill(template: &Tr, component: &Text, n: u64, k: &str) -> Text {
    std::array::from_fn(|l| {
        template[l]
            .replace("{c}", &component[l])
            .replace("{n}", &n.to_string())
            .replace("{k}", k)
    })
}

fn phrase(rng: &mut Rng, bank: &[Tr], component: &Text) -> Text {
    let template = rng.pick(bank);
    let n = rng.range(2, 60);
    let k = *rng.pick(&bank::CODES);
    fill(template, component, n, k)
}

/// Markdown paragraphs (and now and then a list) until the English text reaches `target` bytes.
fn prose(rng: &mut Rng, target: usize, components: &[&Text]) -> Text {
    let mut out: Text = Default::default();
    while out[0].len() < target {
        if !out[0].is_empty() {
            for text in &mut out {
                text.push('\n');
            }
        }
        let list = rng.chance(20);
        let sentences = rng.range(2, 5);
        for s in 0..sentences {
            let component = rng_pick_component(rng, components);
            let sentence = phrase(rng, &prose::PROSE, component);
            for (l, text) in out.iter_mut().enumerate() {
                if list {
                    text.push_str("- ");
                } else if s > 0 {
                    // Japanese and Chinese run sentences together without a space.
                    text.push_str(if l >= 2 { "" } else { " " });
                }
                text.push_str(&sentence[l]);
                if list || s + 1 == sentences {
                    text.push('\n');
                }
            }
        }
    }
    out
}

fn rng_pick_component<'a>(rng: &mut Rng, components: &[&'a Text]) -> &'a Text {
    components[rng.index(components.len())]
}

fn local(time: NaiveDateTime) -> String {
    time.format("%Y-%m-%d %H:%M").to_string()
}

/// A time written in one of the forms the record format accepts, all naming the same instant.
fn written(rng: &mut Rng, time: NaiveDateTime, zone: &str, same_day_as_previous: bool) -> String {
    match rng.range(0, 9) {
        0..=2 if same_day_as_previous => time.format("%H:%M").to_string(),
        3 => {
            let tz: chrono_tz::Tz = zone.parse().expect("a known zone");
            let instant = time
                .and_local_timezone(tz)
                .single()
                .expect("no DST gap by day");
            instant.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
        }
        _ => local(time),
    }
}

fn duration_text(minutes: i64) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m}m"),
        (h, 0) => format!("{h}h"),
        (h, m) => format!("{h}h{m}m"),
    }
}

pub(crate) fn generate(rng: &mut Rng, index: usize, components: &[Component]) -> Incident {
    let day =
        NaiveDate::from_ymd_opt(2016, 1, 1).unwrap() + Duration::days(rng.range(0, 3650) as i64);
    let maintenance = rng.chance(5);
    let draft = rng.chance(2);
    let zone = *rng.pick(&bank::ZONES);
    let affected_count = rng.range(1, 3) as usize;
    let mut affected: Vec<&Component> = Vec::new();
    while affected.len() < affected_count {
        let c = rng.pick(components);
        if !affected.iter().any(|a| a.id == c.id) {
            affected.push(c);
        }
    }
    let names: Vec<&Text> = affected.iter().map(|c| &c.name).collect();
    let titles: &[Tr] = if maintenance {
        &phrases::MAINTENANCE_TITLES
    } else {
        &phrases::TITLES
    };
    let title = fill(rng.pick(titles), names[0], 0, "");
    let slug = title[0]
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(5)
        .map(str::to_ascii_lowercase)
        .collect::<Vec<_>>()
        .join("-");
    let id = format!("{day}-{slug}-{index:05}");
    // Local daytime only, all on one day: no DST gap, no date rollover for times of day.
    let start = day
        .and_hms_opt(rng.range(8, 12) as u32, rng.range(0, 59) as u32, 0)
        .unwrap();
    let span = rng.range(20, 9 * 60) as i64;
    let entries = rng.range(5, 40) as usize;
    let mut offsets: Vec<i64> = (0..entries)
        .map(|_| rng.range(0, span as u64) as i64)
        .collect();
    offsets.sort_unstable();
    offsets[0] = 0;
    offsets[entries - 1] = span;
    offsets.dedup();
    let at = |minutes: i64| start + Duration::minutes(minutes);

    let mut timeline = Vec::new();
    let mut times = Vec::new();
    let n = offsets.len();
    // Milestones sit on timeline entries: detected, acknowledged, mitigated in order.
    let marks: [(usize, &str, &str); 3] = [
        (1.min(n - 1), "detected", "investigating"),
        (n / 3, "acknowledged", "identified"),
        ((2 * n) / 3, "mitigated", "monitoring"),
    ];
    if rng.chance(30) {
        timeline.push(Entry {
            at: day.to_string(),
            approximate: true,
            marks: None,
            status: None,
            text: phrase(rng, &phrases::TIMELINE, names[0]),
        });
    }
    for (i, &minutes) in offsets.iter().enumerate() {
        let mut entry = Entry {
            at: written(rng, at(minutes), zone, i > 0),
            approximate: rng.chance(5),
            marks: None,
            status: None,
            text: Default::default(),
        };
        let component = rng_pick_component(rng, &names);
        entry.text = phrase(rng, &phrases::TIMELINE, component);
        if !maintenance {
            let milestone = marks.iter().find(|m| m.0 == i && i > 0 && i + 1 < n);
            if let Some(&(_, mark, status)) = milestone
                && !times.iter().any(|(name, _)| *name == mark)
            {
                entry.marks = Some(mark);
                entry.status = Some(status);
                times.push((mark, local(at(minutes))));
            }
            if i + 1 == n {
                entry.marks = Some("resolved");
                entry.status = Some("resolved");
            }
        }
        timeline.push(entry);
    }
    let end = at(span);
    let (times, duration) = if maintenance {
        (
            vec![
                ("scheduled_for", local(start)),
                ("scheduled_until", local(end)),
            ],
            None,
        )
    } else {
        let mut all = vec![("started", written(rng, start, zone, false))];
        all.extend(times);
        all.push(("resolved", local(end)));
        let stated = rng.chance(40).then(|| duration_text(span));
        (all, stated)
    };

    let prose_total = rng.range(1024, 4096) as usize;
    let fields: &[&str] = if maintenance {
        &["summary", "impact"]
    } else {
        &["summary", "impact", "root_cause", "resolution"]
    };
    let prose = fields
        .iter()
        .map(|&field| (field, prose(rng, prose_total / fields.len(), &names)))
        .collect();
    let actions = if maintenance {
        Vec::new()
    } else {
        (0..rng.range(3, 15))
            .map(|_| {
                let status = *rng.pick(&["done", "done", "in_progress", "todo", "wont_do"]);
                let component = rng_pick_component(rng, &names);
                Action {
                    text: phrase(rng, &phrases::ACTIONS, component),
                    status,
                    kind: rng.word(&["mitigate", "prevent", "process", "other"]),
                    owner: rng.chance(70).then(|| *rng.pick(&bank::TEAMS)),
                    // Only finished actions carry a due date: an open one long past due
                    // would be an `overdue-action` warning on every old record.
                    due: (status == "done" && rng.chance(50))
                        .then(|| (day + Duration::days(rng.range(7, 60) as i64)).to_string()),
                }
            })
            .collect()
    };
    let lessons = if maintenance {
        Vec::new()
    } else {
        (0..rng.range(1, 4))
            .map(|_| phrase(rng, &phrases::LESSONS, names[0]))
            .collect()
    };
    Incident {
        id,
        date: day,
        draft,
        maintenance,
        severity: if maintenance {
            "none"
        } else {
            rng.word(&["minor", "major", "major", "critical"])
        },
        zone,
        affected: affected
            .iter()
            .map(|c| {
                let state = if maintenance {
                    "under_maintenance"
                } else {
                    *rng.pick(&["degraded_performance", "partial_outage", "major_outage"])
                };
                (c.id.clone(), state)
            })
            .collect(),
        times,
        duration,
        title,
        prose,
        timeline,
        actions,
        lessons,
        authors: {
            // One to three different people, in the order of the list.
            let first = rng.index(bank::PEOPLE.len());
            let count = rng.range(1, 3) as usize;
            (0..count)
                .map(|i| bank::PEOPLE[(first + i * 3) % bank::PEOPLE.len()])
                .collect()
        },
        stale: std::array::from_fn(|_| rng.chance(3)),
    }
}
