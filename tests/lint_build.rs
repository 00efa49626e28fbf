//! `lint` passing means `build` succeeds: mutated projects are run through both commands,
//! and whenever lint exits 0, build must exit 0 too.

mod common;

use std::fs;
use std::path::Path;

use common::Project;

const CASES: u64 = 240;

/// A small deterministic generator (xorshift64*): the same cases on every run.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// Values that the build has refused at one time or another, and ordinary ones.
const CONFIG_EDITS: &[(&str, &[&str])] = &[
    (
        "base_url: https://example.test/status",
        &[
            "",
            "base_url: https://example.test/status\n",
            "base_url: \"https://example.test/\\nDisallow: /\"",
            "base_url: ftp://example.test/",
            "base_url: https://",
            "base_url: \"https://exa mple.test/\"",
            "base_url: https://example.test/a?b#c",
            "base_url: [https://example.test/]",
            "base_url: \"https://example.test/\\x01\"",
        ],
    ),
    (
        "languages: [en, de]",
        &[
            "languages: [en, en]",
            "languages: [de, en, de]",
            "languages: []",
            "languages: [fr]",
            "languages: en",
            "",
            "languages: [zh, ja]",
        ],
    ),
    (
        "  - id: db",
        &[
            "  - id: dbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdb",
            "  - id: DB",
            "  - id: api",
            "  - id: ../db",
            "  - id: \"\"",
            "  - id: d.b",
        ],
    ),
    (
        "timezone: UTC",
        &["timezone: Mars/Base", "timezone: Asia/Tokyo", ""],
    ),
    (
        "title: {en: Fixture Status, de: Fixture-Status, ja: フィクスチャ, zh: 测试状态}",
        &[
            "title: \"<script>alert(1)</script>\"",
            "title: {fr: Statut}",
            "title: \"\"",
            "",
        ],
    ),
];

const RECORD_EDITS: &[(&str, &[&str])] = &[
    (
        "status: published",
        &["status: draft", "status: review", "status: gone"],
    ),
    (
        "severity: critical",
        &["severity: none", "severity: huge", ""],
    ),
    (
        "  api: major_outage",
        &[
            "  nope: major_outage",
            "  api: on_fire",
            "  web: under_maintenance",
        ],
    ),
    (
        "resolved: 2026-11-20T13:00:00Z",
        &[
            "",
            "resolved: 2026-11-20T11:00:00Z",
            "resolved: 2027-01-01T00:00:00Z",
            "resolved: 13:00",
            "resolved: 2026-11-20",
        ],
    ),
    (
        "started: 2026-11-20T12:00:00Z",
        &[
            "",
            "started: 2026-11-20",
            "started: 1970-01-01T00:00:00Z",
            "started: 9999-12-31T23:59:00Z",
            "started: yesterday",
        ],
    ),
    ("lang: en", &["lang: fr", "lang: de", ""]),
    (
        "timezone: UTC",
        &["timezone: Europe/Berlin", "timezone: Nowhere/Else"],
    ),
    (
        "summary: The API was down for an hour.",
        &[
            "summary: \"\\x0b\"",
            "summary: \"]]> --> <script>alert(1)</script> {{ x }}\"",
            "summary: TODO",
            "summary: ''",
            "summary: [a, b]",
        ],
    ),
];

fn apply(path: &Path, edits: &[(&str, &[&str])], random: &mut Random) -> String {
    let mut text = fs::read_to_string(path).unwrap();
    let (from, choices) = edits[random.below(edits.len())];
    let to = random.pick(choices);
    if text.contains(from) {
        text = text.replacen(from, to, 1);
    }
    // Now and then, a line dropped or doubled as a careless edit would.
    if random.below(6) == 0 {
        let mut lines: Vec<&str> = text.lines().collect();
        let at = random.below(lines.len().max(1));
        if random.below(2) == 0 {
            lines.remove(at.min(lines.len() - 1));
        } else {
            let line = lines[at.min(lines.len() - 1)];
            lines.insert(at, line);
        }
        text = lines.join("\n") + "\n";
    }
    fs::write(path, &text).unwrap();
    format!("{} -> {}", from, to)
}

fn run(project: &Project, args: &[&str]) -> (i32, String) {
    let output = project.run(args);
    (output.code, output.stderr)
}

#[test]
fn whenever_lint_passes_build_succeeds() {
    let mut random = Random(0x9E37_79B9_7F4A_7C15);
    let (mut passed, mut failed) = (0, 0);
    for case in 0..CASES {
        let project = Project::fixture("build/uptime");
        let root = project.root();
        let config = root.join("site/config.yaml");
        let text = fs::read_to_string(&config).unwrap();
        fs::write(
            &config,
            text.replace("languages: [en, de, ja, zh]", "languages: [en, de]"),
        )
        .unwrap();
        let mut edits = Vec::new();
        for _ in 0..=random.below(2) {
            if random.below(2) == 0 {
                edits.push(apply(&config, CONFIG_EDITS, &mut random));
            } else {
                let record = root.join("incidents/2026-11-20-api-down.yaml");
                edits.push(apply(&record, RECORD_EDITS, &mut random));
            }
        }
        let (lint, lint_report) = run(&project, &["lint"]);
        assert!(
            matches!(lint, 0 | 1),
            "case {case} {edits:?}: lint exit {lint}: {lint_report}"
        );
        if lint != 0 {
            failed += 1;
            let (build, _) = run(&project, &["build"]);
            assert_eq!(
                build, 1,
                "case {case} {edits:?}: lint found errors, so build reports them"
            );
            continue;
        }
        passed += 1;
        let (build, report) = run(&project, &["build"]);
        assert_eq!(
            build, 0,
            "case {case} {edits:?}: lint passed but build failed:\n{report}"
        );
    }
    println!("{CASES} mutated projects: lint passed {passed} (all built), failed {failed}");
    // Both sides of the property are exercised, not just the failing one.
    assert!(
        passed >= CASES / 8 && failed >= CASES / 8,
        "passed {passed}, failed {failed}"
    );
}

#[test]
fn build_quotes_the_lines_of_its_findings_as_lint_does() {
    let project = Project::fixture("build/uptime");
    // A stale translation (a warning): the build goes on, and shows the overlay's line.
    let overlay = project.root().join("incidents/2026-11-20-api-down.de.yaml");
    let text = fs::read_to_string(&overlay).unwrap();
    fs::write(
        &overlay,
        text.replacen(
            "  source: API down\n",
            "  source: API went down QUOTED\n",
            1,
        ),
    )
    .unwrap();
    // lint prints its report on stdout, build on stderr.
    let (lint, lint_report, _) = project.run(&["lint"]).parts();
    assert_eq!(lint, 0, "{lint_report}");
    let (build, build_report) = run(&project, &["build", "--verbose"]);
    assert_eq!(build, 0, "{build_report}");
    for report in [&lint_report, &build_report] {
        assert!(report.contains("source: API went down QUOTED"), "{report}");
    }
}
