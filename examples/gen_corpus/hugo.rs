//! The same postmortems as a multilingual Hugo site with a minimal theme whose markup is like
//! hindsight's pages: the anchor of the build-speed comparison (issue 17).

use std::fmt::Write;

use crate::bank::LANGS;
use crate::record::Incident;

const LANGUAGE_NAMES: [&str; 4] = ["English", "Deutsch", "日本語", "中文"];
const HEADINGS: [[&str; 4]; 7] = [
    ["Summary", "Zusammenfassung", "概要", "摘要"],
    ["Impact", "Auswirkungen", "影響", "影响"],
    ["Root cause", "Ursache", "根本原因", "根本原因"],
    ["Resolution", "Behebung", "解決", "解决"],
    ["Timeline", "Zeitverlauf", "タイムライン", "时间线"],
    ["Action items", "Maßnahmen", "対応項目", "行动项"],
    ["Lessons learned", "Erkenntnisse", "教訓", "经验教训"],
];

pub(crate) fn config() -> String {
    let mut out = String::from(
        "baseURL: https://status.example.com/\ntitle: Generated Status\ntheme: minimal\n\
         defaultContentLanguage: en\ndefaultContentLanguageInSubdir: true\n\
         disableKinds: [taxonomy, term]\nlanguages:\n",
    );
    for (l, lang) in LANGS.iter().enumerate() {
        let _ = writeln!(
            out,
            "  {lang}:\n    languageName: {}\n    weight: {}\n    contentDir: content/{lang}",
            LANGUAGE_NAMES[l],
            l + 1
        );
    }
    out
}

fn quoted(text: &str) -> String {
    serde_json::to_string(text).expect("a string serializes")
}

/// content/<lang>/incidents/<id>.md; a draft is marked so, and Hugo leaves it out as hindsight does.
pub(crate) fn page(incident: &Incident, l: usize) -> String {
    let mut out = String::from("---\n");
    let _ = writeln!(out, "title: {}", quoted(&incident.title[l]));
    let _ = writeln!(out, "date: {}", incident.date);
    let _ = writeln!(out, "draft: {}", incident.draft);
    let _ = writeln!(out, "severity: {}", incident.severity);
    let _ = writeln!(
        out,
        "record_kind: {}",
        if incident.maintenance {
            "maintenance"
        } else {
            "incident"
        }
    );
    let components: Vec<&str> = incident
        .affected
        .iter()
        .map(|(id, _)| id.as_str())
        .collect();
    let _ = writeln!(out, "components: [{}]", components.join(", "));
    out.push_str("---\n");
    for (i, (_, text)) in incident.prose.iter().enumerate() {
        let _ = write!(out, "\n## {}\n\n{}", HEADINGS[i][l], text[l]);
    }
    let _ = write!(out, "\n## {}\n\n", HEADINGS[4][l]);
    for entry in &incident.timeline {
        let _ = writeln!(out, "- **{}** {}", entry.at, entry.text[l]);
    }
    if !incident.actions.is_empty() {
        let _ = write!(out, "\n## {}\n\n", HEADINGS[5][l]);
        for action in &incident.actions {
            let _ = writeln!(out, "- [{}] {}", action.status, action.text[l]);
        }
    }
    if !incident.lessons.is_empty() {
        let _ = write!(out, "\n## {}\n\n", HEADINGS[6][l]);
        for lesson in &incident.lessons {
            let _ = writeln!(out, "- {}", lesson[l]);
        }
    }
    out
}

pub(crate) const BASEOF: &str = r#"<!DOCTYPE html>
<html lang="{{ .Site.Language.Lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} · {{ .Site.Title }}</title>
</head>
<body>
<header><a href="{{ .Site.Home.RelPermalink }}">{{ .Site.Title }}</a>
<nav>{{ range .Translations }}<a hreflang="{{ .Language.Lang }}" href="{{ .RelPermalink }}">{{ .Language.LanguageName }}</a> {{ end }}</nav>
</header>
<main>{{ block "main" . }}{{ end }}</main>
<footer><p>{{ .Site.Title }}</p></footer>
</body>
</html>
"#;

pub(crate) const SINGLE: &str = r#"{{ define "main" }}
<article class="postmortem">
<h1>{{ .Title }}</h1>
<dl class="facts">
<dt>Date</dt><dd><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2006-01-02" }}</time></dd>
<dt>Severity</dt><dd class="severity-{{ .Params.severity }}">{{ .Params.severity }}</dd>
<dt>Components</dt><dd><ul>{{ range .Params.components }}<li>{{ . }}</li>{{ end }}</ul></dd>
</dl>
{{ .Content }}
</article>
{{ end }}
"#;

pub(crate) const LIST: &str = r#"{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul class="incidents">
{{ $pages := .RegularPagesRecursive }}{{ if .IsHome }}{{ $pages = .Site.RegularPages }}{{ end }}
{{ range $pages.ByDate.Reverse }}<li><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2006-01-02" }}</time> <a href="{{ .RelPermalink }}">{{ .Title }}</a> <span class="severity-{{ .Params.severity }}">{{ .Params.severity }}</span></li>
{{ end }}</ul>
{{ end }}
"#;
