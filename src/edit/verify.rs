//! The safety net: a record read back after an edit must be the old one plus the change.
//!
//! Positions move when lines are inserted, so records are compared with their spans erased.

use chrono_tz::Tz;

use super::Refusal;
use crate::diagnostic::Span;
use crate::load::RecordFile;
use crate::load::record::{RecordContext, parse};
use crate::model::time::When;
use crate::model::{
    Action, Affected, ComponentStatus, Milestone, Record, Spanned, TimelineEntry, UpdateStatus,
};

trait Erase {
    fn erase(&mut self);
}

impl<T> Erase for Spanned<T> {
    fn erase(&mut self) {
        self.span = Span::default();
    }
}

impl<T: Erase> Erase for Option<T> {
    fn erase(&mut self) {
        if let Some(value) = self {
            value.erase();
        }
    }
}

impl<T: Erase> Erase for Vec<T> {
    fn erase(&mut self) {
        self.iter_mut().for_each(Erase::erase);
    }
}

impl Erase for TimelineEntry {
    fn erase(&mut self) {
        self.at.erase();
        self.text.erase();
        self.marks.erase();
        self.status.erase();
    }
}

impl Erase for Action {
    fn erase(&mut self) {
        self.text.erase();
        self.status.erase();
        self.kind.erase();
        self.owner.erase();
        self.due.erase();
        self.link.erase();
    }
}

impl Erase for Affected {
    fn erase(&mut self) {
        for (id, status) in &mut self.0 {
            id.erase();
            status.erase();
        }
    }
}

impl Erase for Record {
    fn erase(&mut self) {
        let Record {
            id: _,
            title,
            lang,
            status,
            kind,
            severity,
            affected,
            timezone,
            scheduled_for,
            scheduled_until,
            auto_complete,
            cancelled,
            started,
            detected,
            acknowledged,
            mitigated,
            resolved,
            duration,
            summary,
            impact,
            what_happened,
            root_cause,
            trigger,
            detection,
            resolution,
            timeline,
            lessons,
            actions,
            authors,
            internal,
        } = self;
        title.erase();
        lang.erase();
        status.erase();
        kind.erase();
        severity.erase();
        affected.erase();
        timezone.erase();
        auto_complete.erase();
        cancelled.erase();
        for time in [
            scheduled_for,
            scheduled_until,
            started,
            detected,
            acknowledged,
            mitigated,
            resolved,
        ] {
            time.erase();
        }
        duration.erase();
        for text in [
            summary,
            impact,
            what_happened,
            root_cause,
            trigger,
            detection,
            resolution,
            internal,
        ] {
            text.erase();
        }
        timeline.erase();
        lessons.erase();
        actions.erase();
        authors.erase();
    }
}

/// Whether `a` and `b` say the same, wherever it is written.
pub(crate) fn same(a: &Record, b: &Record) -> bool {
    let (mut a, mut b) = (a.clone(), b.clone());
    a.erase();
    b.erase();
    a == b
}

#[allow(clippy::too_many_arguments)]
/// Reads `new_text` back and refuses it unless it is `old` with exactly this update: the new
/// entry, the raised component states and, when resolving, `resolved:`.
pub(super) fn read_back(
    file: &RecordFile,
    old: &Record,
    new_text: &str,
    site_zone: Tz,
    resolve: bool,
    raised: &[(String, ComponentStatus)],
    at: &When,
    status: Option<UpdateStatus>,
    text: &str,
    marks: bool,
) -> Result<(), Refusal> {
    let context = RecordContext {
        default_zone: site_zone,
        ..RecordContext::default()
    };
    let failed = || {
        Refusal(format!(
            "the edited {} would not read back as the old record plus this update, so nothing was written; please report this with the record",
            file.source.path.display()
        ))
    };
    let (Some(mut new), _) = parse(&file.id, new_text, &context) else {
        return Err(failed());
    };
    let Some(entry) = new.timeline.pop() else {
        return Err(failed());
    };
    let entry_ok = entry.at.value.utc == at.utc
        && entry.text.value == text
        && entry.status.map(|s| s.value) == status
        && entry.marks.map(|m| m.value) == marks.then_some(Milestone::Resolved)
        && !entry.approximate;
    let mut expected = old.clone();
    for (id, state) in raised {
        match expected.affected.0.iter_mut().find(|(k, _)| &k.value == id) {
            Some((_, value)) => value.value = *state,
            None => expected.affected.0.push((
                Spanned::new(id.clone(), Default::default()),
                Spanned::new(*state, Default::default()),
            )),
        }
    }
    if resolve {
        let resolved_ok = new.resolved.as_ref().is_some_and(|r| r.value.utc == at.utc);
        if !resolved_ok {
            return Err(failed());
        }
        new.resolved = old.resolved.clone();
    }
    if entry_ok && same(&expected, &new) {
        Ok(())
    } else {
        Err(failed())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::record::parse;

    fn record(text: &str) -> Record {
        parse("2024-01-01-x", text, &Default::default()).0.unwrap()
    }

    #[test]
    fn moved_text_is_the_same_and_changed_text_is_not() {
        let text =
            "title: t\nlang: en\nstatus: draft\ntimeline:\n  - at: 2024-01-01 10:00\n    text: a\n";
        let moved = format!("# a comment\n\n{text}");
        assert!(same(&record(text), &record(&moved)));
        assert!(!same(
            &record(text),
            &record(&text.replace("text: a", "text: b"))
        ));
    }
}
