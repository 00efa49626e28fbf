//! What the page says an incident is, while it runs and once it is resolved: an incident told
//! by its updates, or a postmortem; and the notice that the postmortem will follow.

use super::*;

/// Resolved, told only by status updates: no analysis written yet.
const RESOLVED: &str = "title: Zahlungen ausgefallen\nlang: zh\nstatus: published\nseverity: critical\ntimezone: Europe/London\nstarted: 2017-10-27 14:10\nresolved: 2017-10-27 15:31\ntimeline:\n  - at: '14:12'\n    status: investigating\n    text: 回滚。\n";

#[test]
fn a_resolved_incident_without_its_analysis_says_the_postmortem_will_follow() {
    let resolved = record(RESOLVED);
    for (lang, text) in [
        (
            Lang::En,
            "This incident is resolved. Its postmortem is being written and will be published here.",
        ),
        (
            Lang::De,
            "Diese Störung ist behoben. Das Postmortem wird gerade geschrieben und hier veröffentlicht.",
        ),
        (
            Lang::Ja,
            "このインシデントは解消しました。ポストモーテムは現在作成中で、完成しだいこのページで公開します。",
        ),
        (
            Lang::Zh,
            "该故障已解决。故障复盘正在撰写中，完成后将在此页面发布。",
        ),
    ] {
        let view = view(&resolved, None, lang);
        assert_eq!(kinds(&view)[0], "pending", "{lang:?}");
        assert_eq!(notice_texts(&view)[0], text);
    }
    let begun = record(&format!("{RESOLVED}root_cause: 配置错误。\n"));
    assert!(!kinds(&view(&begun, None, Lang::Zh)).contains(&"pending"));
    assert_eq!(view(&resolved, None, Lang::De).kind, "Störung");
    assert_eq!(view(&begun, None, Lang::De).kind, "Postmortem");
}

#[test]
fn an_ongoing_incident_is_an_incident_whose_page_will_be_updated() {
    // Ongoing, with a root cause already written: still an incident, not a postmortem.
    let ongoing = record(
        "title: Zahlungen ausgefallen\nlang: zh\nstatus: published\nseverity: critical\ntimezone: Europe/London\nstarted: 2017-10-27 14:10\nroot_cause: 配置错误。\ntimeline:\n  - at: '14:12'\n    status: investigating\n    text: 回滚。\n",
    );
    for (lang, kind, text) in [
        (
            Lang::En,
            "Incident",
            "This incident is ongoing. This page will be updated as we learn more.",
        ),
        (
            Lang::De,
            "Störung",
            "Diese Störung dauert noch an. Diese Seite wird laufend aktualisiert.",
        ),
        (
            Lang::Ja,
            "インシデント",
            "このインシデントは継続中です。このページは随時更新します。",
        ),
        (Lang::Zh, "故障", "该故障仍在处理中，本页面将持续更新。"),
    ] {
        let view = view(&ongoing, None, lang);
        assert_eq!(view.kind, kind, "{lang:?}");
        assert_eq!(kinds(&view)[0], "ongoing", "{lang:?}");
        assert_eq!(notice_texts(&view)[0], text);
    }
    let resolved = record(&format!("{RESOLVED}root_cause: 配置错误。\n"));
    assert_eq!(view(&resolved, None, Lang::En).kind, "Postmortem");
}
