//! `new --announce`: a record published at once, with its first update, checked before it is written.

use super::*;

#[test]
fn an_announced_record_is_published_with_its_first_update_and_lints_in_every_template() {
    let now = DateTime::from_timestamp(1_795_348_800, 0).unwrap();
    for template in ["default", "brief", "security"] {
        for lang in Lang::ALL {
            let request = NewRecord {
                title: "Checkout fails".into(),
                lang: Some(*lang),
                template: Some(template.into()),
                time: Some("11:30".into()),
                affected: vec!["website=major_outage".into()],
                announce: Some("We are investigating: \"payment declined\" # at checkout".into()),
                ..NewRecord::default()
            };
            let (id, text) = made(&request).unwrap();
            let path = format!("incidents/{id}.yaml");
            let corpus = crate::load::from_texts(Some(CONFIG), &[(&path, &text)]);
            let record = corpus.records[0].record.as_ref().expect(&text);
            assert!(record.is_published(), "{text}");
            assert_eq!(record.timeline.len(), 1, "{text}");
            let entry = &record.timeline[0];
            assert_eq!(
                entry.text.value,
                "We are investigating: \"payment declined\" # at checkout"
            );
            assert_eq!(
                entry.status.as_ref().map(|s| s.value),
                Some(crate::model::UpdateStatus::Investigating)
            );
            // Now, 13:00 in Berlin, after the impact began at 11:30.
            assert!(text.contains("  - at: 2026-11-22 13:00\n"), "{text}");
            assert!(
                record.summary.is_none() && record.actions.is_empty(),
                "{text}"
            );
            // The sections to write later are there, as comments.
            assert!(text.contains("\n# actions:\n#   - text: TODO\n"), "{text}");
            let report = crate::check::check(&corpus, now);
            assert!(
                report.diagnostics.is_empty(),
                "{template}/{lang}: {:?}\n{text}",
                report.diagnostics
            );
        }
    }
}

#[test]
fn the_announcement_time_is_checked() {
    let at = |at: &str| {
        made(&NewRecord {
            title: "t".into(),
            time: Some("09:30".into()),
            announce: Some("Investigating.".into()),
            at: Some(at.into()),
            ..NewRecord::default()
        })
        .map(|(_, text)| text)
    };
    assert!(at("09:40").unwrap().contains("  - at: 2026-11-22 09:40\n"));
    assert!(
        at("2026-11-22T09:45:00Z")
            .unwrap()
            .contains("  - at: 2026-11-22 10:45\n")
    );
    let error = |text: &str| format!("{:#}", at(text).unwrap_err());
    assert!(error("09:00").contains("before the impact began (2026-11-22 09:30)"));
    // Now is 13:00 in Berlin.
    assert!(error("13:01").contains("is in the future: it is 2026-11-22 13:00 now"));
    let future_start = made(&NewRecord {
        title: "t".into(),
        time: Some("13:30".into()),
        announce: Some("Investigating.".into()),
        ..NewRecord::default()
    });
    assert!(format!("{:#}", future_start.unwrap_err()).contains("cannot have begun in the future"));
    assert!(error("2026-11-22").contains("give the time"));
    assert!(error("soon").contains("`soon`"));
    let empty = made(&NewRecord {
        title: "t".into(),
        announce: Some("  ".into()),
        ..NewRecord::default()
    });
    assert!(format!("{:#}", empty.unwrap_err()).contains("--announce text is empty"));
}

#[test]
fn an_announced_record_from_a_template_that_leaves_placeholders_is_not_written() {
    let project = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(project.path().join("site")).unwrap();
    std::fs::write(project.path().join("site/config.yaml"), CONFIG).unwrap();
    std::fs::create_dir_all(project.path().join("templates/new")).unwrap();
    std::fs::write(
        project.path().join("templates/new/default.yaml"),
        "title: {{ title | yaml }}\nlang: {{ lang }}\nstatus: published\nseverity: {{ severity }}\nstarted: {{ started }}\nsummary: TODO\n",
    )
    .unwrap();
    let now = DateTime::from_timestamp(1_795_348_800, 0).unwrap();
    let request = NewRecord {
        title: "Checkout fails".into(),
        announce: Some("Investigating.".into()),
        ..NewRecord::default()
    };
    let error = format!(
        "{:#}",
        new_record(project.path(), &request, now).unwrap_err()
    );
    assert!(error.contains("placeholder-text"), "{error}");
    assert!(error.contains("filter unwritten"), "{error}");
    assert!(!project.path().join("incidents").exists());
}
