//! `site/config.yaml` text -> `SiteConfig`, with a finding for every problem in it.

use std::collections::BTreeMap;

use chrono_tz::Tz;

use super::fields::Reader;
use super::yaml::{self, Limits, Node, Value};
use crate::diagnostic::{Finding, Span};
use crate::model::{Component, Keyword, Lang, LocalizedText, RuleId, SiteConfig};

const CONFIG_FIELDS: &[&str] = &[
    "title",
    "base_url",
    "languages",
    "timezone",
    "components",
    "lint",
    "notify",
];
const COMPONENT_FIELDS: &[&str] = &["id", "name", "group", "description"];

/// Parses the site configuration. Whatever cannot be read keeps its default, so the
/// records can still be checked against the rest.
pub fn parse(text: &str, limits: &Limits) -> (SiteConfig, Vec<Finding>) {
    let mut reader = Reader::default();
    let mut config = SiteConfig::default();
    let root = match yaml::parse(text, limits) {
        Ok(Some(root)) => {
            reader
                .findings
                .extend(super::characters::check(text, &root));
            root
        }
        Ok(None) => return (config, reader.findings),
        Err(finding) => {
            reader.push(finding);
            return (config, reader.findings);
        }
    };
    let Some(map) = reader.mapping(&root, "the site configuration", CONFIG_FIELDS) else {
        return (config, reader.findings);
    };
    if let Some(title) = map
        .get("title")
        .and_then(|node| localized(&mut reader, node, "title"))
    {
        config.title = title;
    }
    config.base_url = reader.optional_text(&map, "base_url");
    match &config.base_url {
        Some(url) if !is_base_url(&url.value) => reader.push(
            Finding::new(
                RuleId::InvalidConfig,
                url.span,
                format!(
                    "`base_url`: `{}` is not an absolute http(s) URL",
                    url.value.escape_debug()
                ),
            )
            .help("write the public address of the status site, without spaces, e.g. `https://status.example.com/`"),
        ),
        Some(_) => {}
        None => reader.push(
            Finding::new(
                RuleId::InvalidConfig,
                Span::point(root.span.start),
                "`base_url` is missing: the status site needs its public address for canonical links, feeds and the sitemap",
            )
            .help("add `base_url: https://status.example.com/` (the address the site will be served from)"),
        ),
    }
    let mut languages: Vec<Lang> = Vec::new();
    for node in reader.list(&map, "languages") {
        let Some(lang) = reader.keyword::<Lang>(node, "languages") else {
            continue;
        };
        if languages.contains(&lang.value) {
            reader.push(
                Finding::new(
                    RuleId::InvalidConfig,
                    lang.span,
                    format!("`{}` is listed twice in `languages`", lang.value),
                )
                .help("list each language once; the first is the site's default"),
            );
            continue;
        }
        languages.push(lang.value);
    }
    if !languages.is_empty() {
        config.languages = languages;
    }
    if let Some(zone) = reader.optional_text(&map, "timezone") {
        match zone.value.parse::<Tz>() {
            Ok(tz) => config.timezone = tz,
            Err(_) => reader.push(
                Finding::new(
                    RuleId::InvalidTime,
                    zone.span,
                    format!("`{}` is not an IANA time zone", zone.value),
                )
                .help("use a name like `UTC` or `Europe/Berlin`"),
            ),
        }
    }
    for node in reader.list(&map, "components") {
        if let Some(component) = read_component(&mut reader, node) {
            if let Some(first) = config.component(&component.id.value) {
                let line = first.id.span.start.line;
                reader.push(Finding::new(
                    RuleId::InvalidValue,
                    component.id.span,
                    format!(
                        "component `{}` is defined twice (first on line {line})",
                        component.id.value
                    ),
                ));
                continue;
            }
            config.components.push(component);
        }
    }
    if let Some(node) = map.get("lint") {
        if let Value::Map(entries) = &node.value {
            let mut lint = BTreeMap::new();
            // Like the table itself, one finding per name: the last one written.
            let mut unknown = BTreeMap::new();
            for (key, value) in entries {
                if let (Some(rule), Some(level)) =
                    (reader.text(key, "lint"), reader.keyword(value, "lint"))
                {
                    match RuleId::parse(&rule.value) {
                        // The rule name keeps its span through the level: check reports
                        // levels that may not be changed there.
                        Some(id) => {
                            lint.insert(id, crate::model::Spanned::new(level.value, rule.span));
                        }
                        None => {
                            unknown.insert(rule.value, rule.span);
                        }
                    }
                }
            }
            for (name, span) in unknown {
                reader.push(unknown_rule(&name, span));
            }
            config.lint = lint;
        } else {
            reader.push(Finding::new(
                RuleId::InvalidValue,
                node.span,
                "`lint` must map rule names to error, warning, info or off",
            ));
        }
    }
    if let Some(node) = map.get("notify") {
        config.notify = super::notify::channels(&mut reader, node, &config);
    }
    (config, reader.findings)
}

/// A name in `lint:` that is no rule, with the rule it most likely means.
fn unknown_rule(name: &str, span: Span) -> Finding {
    let finding = Finding::new(
        RuleId::UnknownField,
        span,
        format!("there is no lint rule `{name}`"),
    );
    match super::suggest_name(name, <RuleId as Keyword>::NAMES) {
        Some(best) => finding.help(format!(
            "did you mean `{best}`? `hindsight rules` lists them all"
        )),
        None => finding.help("`hindsight rules` lists the rules"),
    }
}

/// Component ids name files of the site (`components/<id>.html`, `badges/<id>.svg`).
pub(crate) const MAX_COMPONENT_ID: usize = 100;

/// An absolute http(s) URL with a host, and nothing in it that would break a line or an
/// attribute of the files it is written into.
pub(crate) fn is_base_url(url: &str) -> bool {
    let Some(rest) = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
    else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    !host.is_empty()
        && !url.chars().any(|c| {
            c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>' | '\\' | '`')
        })
}

fn read_component(reader: &mut Reader, node: &Node) -> Option<Component> {
    let map = reader.mapping(node, "a component", COMPONENT_FIELDS)?;
    let id = reader
        .required(
            &map,
            "id",
            "the component",
            "add `id:`, the name records use under `affected`",
        )
        .and_then(|node| reader.text(node, "id"))?;
    if id.value.len() > MAX_COMPONENT_ID {
        reader.push(
            Finding::new(
                RuleId::InvalidConfig,
                id.span,
                format!(
                    "the component id is {} characters long; the site uses ids in file names, which allow at most {MAX_COMPONENT_ID}",
                    id.value.len()
                ),
            )
            .help("shorten the id; the component's `name` is what readers see"),
        );
    } else if !id
        .value
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        || id.value.is_empty()
    {
        reader.push(
            Finding::new(
                RuleId::InvalidConfig,
                id.span,
                format!("`{}` is not a valid component id", id.value),
            )
            .help("use lowercase ASCII letters, digits and `-`"),
        );
    }
    let name = match map.get("name") {
        Some(node) => localized(reader, node, "name")?,
        None => LocalizedText::Same(id.value.clone()),
    };
    let group = map
        .get("group")
        .and_then(|node| localized(reader, node, "group"));
    let description = map
        .get("description")
        .and_then(|node| localized(reader, node, "description"));
    Some(Component {
        id,
        name,
        group,
        description,
    })
}

fn localized(reader: &mut Reader, node: &Node, field: &str) -> Option<LocalizedText> {
    if let Value::Map(entries) = &node.value {
        let mut texts = BTreeMap::new();
        for (key, value) in entries {
            if let (Some(lang), Some(text)) = (
                reader.keyword::<Lang>(key, field),
                reader.text(value, field),
            ) {
                texts.insert(lang.value, text.value);
            }
        }
        return Some(LocalizedText::PerLanguage(texts));
    }
    reader
        .text(node, field)
        .map(|text| LocalizedText::Same(text.value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_config_loads() {
        let text = "title: {en: Status, de: Status}\nbase_url: https://status.example.com/\nlanguages: [en, de, ja, zh]\ntimezone: Europe/Berlin\ncomponents:\n  - id: api\n    name: {en: API, ja: API}\n    group: Core\nlint:\n  duration-mismatch: error\n";
        let (config, findings) = parse(text, &Limits::default());
        assert!(findings.is_empty(), "{findings:?}");
        assert_eq!(config.languages, [Lang::En, Lang::De, Lang::Ja, Lang::Zh]);
        assert_eq!(config.timezone, chrono_tz::Europe::Berlin);
        assert_eq!(config.components[0].name.get(Lang::De, Lang::En), "API");
        assert_eq!(
            config.lint[&RuleId::DurationMismatch].value,
            crate::model::RuleLevel::Error
        );
    }

    fn findings_of(text: &str) -> Vec<(String, usize, usize, String)> {
        let (_, findings) = parse(text, &Limits::default());
        findings
            .into_iter()
            .map(|f| {
                let start = f.span.start;
                (f.rule.to_string(), start.line, start.column, f.message)
            })
            .collect()
    }

    #[test]
    fn what_the_build_refuses_is_a_finding_with_its_position() {
        let missing = findings_of("title: Status\nlanguages: [en]\n");
        assert_eq!(missing.len(), 1, "{missing:?}");
        assert_eq!(
            (missing[0].0.as_str(), missing[0].1, missing[0].2),
            ("invalid-config", 1, 1)
        );
        assert!(missing[0].3.contains("base_url"));

        let twice = findings_of("base_url: https://s.example/\nlanguages: [en, de, en]\n");
        assert_eq!(twice.len(), 1, "{twice:?}");
        assert_eq!((twice[0].1, twice[0].2), (2, 21));
        assert!(twice[0].3.contains("`en` is listed twice"));

        let long = format!(
            "base_url: https://s.example/\ncomponents:\n  - id: {}\n",
            "a".repeat(MAX_COMPONENT_ID + 1)
        );
        let long = findings_of(&long);
        assert_eq!(long.len(), 1, "{long:?}");
        assert_eq!((long[0].1, long[0].2), (3, 9));
    }

    #[test]
    fn lint_names_become_rule_ids_and_unknown_names_are_reported_once_each() {
        let text = "base_url: https://x.example/\nlint:\n  duration-mismatc: off\n  duration-mismatch: warning\n  zzz: off\n  zzz: info\n";
        let (config, findings) = parse(text, &Limits::default());
        assert_eq!(
            config.lint.keys().collect::<Vec<_>>(),
            [&RuleId::DurationMismatch]
        );
        let found: Vec<_> = findings
            .iter()
            .map(|f| {
                (
                    f.rule,
                    f.span.start.line,
                    f.help.as_deref().unwrap_or_default(),
                )
            })
            .collect();
        assert_eq!(
            found,
            [
                (
                    RuleId::UnknownField,
                    3,
                    "did you mean `duration-mismatch`? `hindsight rules` lists them all"
                ),
                (RuleId::UnknownField, 6, "`hindsight rules` lists the rules"),
            ]
        );
    }

    #[test]
    fn base_url_is_an_absolute_http_url_without_whitespace() {
        for good in [
            "https://status.example.com/",
            "http://localhost:8080/status",
        ] {
            assert!(is_base_url(good), "{good}");
        }
        for bad in [
            "https://status.example.com/\nDisallow: /",
            "https://status example.com/",
            "https://",
            "ftp://status.example.com/",
            "javascript:alert(1)",
            "//status.example.com/",
            "https://x.example/\"><script>",
        ] {
            assert!(!is_base_url(bad), "{bad:?}");
        }
        let newline = findings_of("base_url: \"https://s.example/\\nDisallow: /\"\n");
        assert_eq!(newline.len(), 1, "{newline:?}");
        assert_eq!((newline[0].1, newline[0].2), (1, 11));
    }

    #[test]
    fn duplicate_components_and_bad_zones_are_findings() {
        let text = "base_url: https://s.example/\ntimezone: Mars/Olympus\ncomponents:\n  - id: api\n  - id: api\n";
        let (config, findings) = parse(text, &Limits::default());
        assert_eq!(config.components.len(), 1);
        let rules: Vec<_> = findings.iter().map(|f| f.rule.as_str()).collect();
        assert_eq!(rules, ["invalid-time", "invalid-value"]);
    }
}
