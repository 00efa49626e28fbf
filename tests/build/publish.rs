//! What a build writes: a failed build leaves the previous site, a folder of someone else's
//! files is never replaced, and a project's stylesheet and static files are published.

use crate::common::{Project, read};

#[test]
fn errors_stop_the_build_and_leave_the_previous_site_untouched() {
    let project = Project::fixture("build/uptime");
    let out = project.path("public");
    project
        .cmd()
        .arg("build")
        .assert()
        .success()
        .stderr(predicates::str::contains(
            "public: 42 pages in 4 languages, 3 incidents",
        ));
    let before = read(&out, "en/index.html");
    std::fs::write(
        project.path("incidents/2026-11-22-broken.yaml"),
        "title: Broken\nlang: en\nstatus: published\nseverity: loud\n",
    )
    .unwrap();
    project
        .cmd()
        .arg("build")
        .assert()
        .code(1)
        .stderr(predicates::str::contains("2026-11-22-broken.yaml:4:11"))
        .stderr(predicates::str::contains("the site was not built"));
    assert_eq!(read(&out, "en/index.html"), before);
    let leftovers: Vec<String> = std::fs::read_dir(project.root())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        // The build cache beside the output is not debris: the first build wrote it.
        .filter(|name| name.starts_with('.') && name != ".hindsight-cache")
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_directory_of_someone_elses_files_is_never_replaced() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("thesis.tex"), "years of work").unwrap();
    Project::fixture("build/uptime")
        .cmd()
        .arg("build")
        .arg("--out")
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "holds files that hindsight did not build",
        ));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("thesis.tex")).unwrap(),
        "years of work"
    );
}

#[test]
fn a_project_overrides_the_stylesheet_and_adds_static_files() {
    let (_dir, out) = Project::fixture("build/uptime")
        .file("site/style.css", "body { color: teal }")
        .file("site/logo.png", [0x89, b'P', b'N', b'G', 0xff])
        .build();
    assert_eq!(read(&out, "style.css"), "body { color: teal }");
    assert_eq!(
        std::fs::read(out.join("logo.png")).unwrap(),
        [0x89, b'P', b'N', b'G', 0xff]
    );
    assert!(
        !out.join("config.yaml").exists(),
        "the configuration is not published"
    );
}

#[test]
fn the_build_line_counts_one_language_and_one_incident_in_the_singular() {
    let project = Project::new()
        .config(
            "base_url: https://status.example.com/\nlanguages: [en]\ncomponents:\n  - id: api\n    name: Public API\n",
        )
        .record(
            "2026-11-20-api.yaml",
            "title: API errors\nlang: en\nstatus: published\nseverity: minor\naffected:\n  api: partial_outage\ntimezone: UTC\nstarted: 2026-11-20T10:00:00Z\nresolved: 2026-11-20T10:30:00Z\nsummary: The API returned errors for half an hour.\n",
        );
    let out = project.cmd().arg("build").output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains(" in 1 language, 1 incident, "), "{stderr}");
}

#[test]
fn a_project_template_that_looks_up_an_incident_a_page_does_not_list_is_told_why() {
    // Written when `site.incidents` held every incident: the history page's months in full.
    // Each page now holds only the incidents it lists (the history: the latest 3 months),
    // and Tera's own message names only the `incident` left undefined.
    let history = "{% extends \"site/base.html\" %}\n{% block content -%}\n{% for month in site.months -%}\n{% for index in month.incidents -%}\n{% set incident = site.incidents[index] -%}\n{% include \"site/incident-card.html\" -%}\n{% endfor -%}\n{% endfor -%}\n{%- endblock content %}\n";
    let project = Project::example(&[
        "incidents/2017-07-28-inria-ci-vms-destroyed.yaml",
        "incidents/2017-10-27-monzo-payments-outage.yaml",
        "incidents/2020-07-05-docker-hub-pulls-hang.yaml",
        "incidents/2023-12-17-logto-image-deleted.yaml",
    ])
    .file("templates/site/history.html", history);
    project
        .cmd()
        .arg("build")
        .assert()
        .failure()
        .stderr(predicates::str::contains("site/history.html"))
        .stderr(predicates::str::contains(
            "`site.incidents` holds only the incidents the page lists",
        ))
        .stderr(predicates::str::contains(
            "start again from the built-in template",
        ));
}
