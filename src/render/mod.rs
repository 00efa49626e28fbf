//! Render stage: localized views -> documents (Markdown, HTML) through Tera templates.
//!
//! Templates are embedded; a project's `templates/<name>` replaces the built-in of that name.

pub mod api;
pub mod build_info;
pub mod markdown;
pub mod site;
mod tables;

use std::borrow::Cow;
use std::path::Path;

use anyhow::anyhow;
use tera::{Context, Kwargs, State, Tera, Value};

use crate::assets::{self, Content, TEMPLATES};
use crate::localize::Postmortem;
use crate::model::chars::strip_non_xml;

/// A postmortem's output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Html,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
        }
    }
}

/// The compiled templates, built-in or the project's.
#[derive(Debug)]
pub struct Templates {
    tera: Tera,
}

impl Templates {
    /// The built-in templates with the project's `<root>/templates/` over them. A template
    /// that does not compile is an error naming its file.
    pub fn load(root: Option<&Path>) -> anyhow::Result<Templates> {
        let mut tera = Tera::new();
        // Markdown output escapes with its own filters; HTML, XML, SVG and Atom autoescape.
        tera.autoescape_on([".html", ".xml", ".svg", ".atom"]);
        tera.set_escape_fn(escape_xml);
        register_filters(&mut tera);
        let mut layers = assets::layered(root, "templates", TEMPLATES, Content::Text)?;
        // templates/new/ holds the record templates of `hindsight new`, templates/init/ the
        // files of `hindsight init` (GitHub workflows, whose `${{ a || b }}` is no Tera):
        // neither are pages.
        layers.retain(|layer| !layer.name.starts_with("new/") && !layer.name.starts_with("init/"));
        // All at once: templates include each other, in any order.
        let added = tera.add_raw_templates(
            layers
                .iter()
                .map(|layer| (layer.name.as_str(), layer.effective())),
        );
        if let Err(error) = added {
            let text = describe(&error);
            let culprit = layers
                .iter()
                .find(|layer| text.contains(&format!("--> {}:", layer.name)));
            return Err(match culprit.and_then(|layer| layer.project.as_ref()) {
                Some(project) => anyhow!(
                    "{}: {text}\nfix the template, or delete it to use the built-in one",
                    project.path.display()
                ),
                None => anyhow!("templates: {text}"),
            });
        }
        Ok(Templates { tera })
    }

    /// The postmortem in `format`.
    pub fn postmortem(&self, view: &Postmortem, format: Format) -> anyhow::Result<String> {
        let name = format!("postmortem.{}", format.extension());
        let mut context = self.context(view)?;
        context.insert("anchors", &false);
        let rendered = self.render(&name, &context)?;
        Ok(match format {
            Format::Markdown => tables::align(&tidy_blank_lines(&rendered)),
            Format::Html => rendered,
        })
    }
}

impl Templates {
    /// A template context holding the fields of `value`.
    pub(crate) fn context(&self, value: &impl serde::Serialize) -> anyhow::Result<Context> {
        Context::from_serialize(value).map_err(|e| anyhow!("{}", describe(&e)))
    }

    /// Renders the template `name`; an error names the template and the place in it.
    pub(crate) fn render(&self, name: &str, context: &Context) -> anyhow::Result<String> {
        // Lint refuses characters XML forbids; a library caller that skips lint, or HTML
        // made from Markdown (which no escape passes through), still gets well-formed output.
        self.tera
            .render(name, context)
            .map(without_non_xml)
            .map_err(|error| anyhow!("template {name}: {}", describe(&error)))
    }
}

/// `text` without the characters XML 1.0 forbids: the same string, not a copy of the page,
/// when it has none (shrunk in place to its length, as a copy would be, since pages are
/// held until they are written).
fn without_non_xml(mut text: String) -> String {
    if let Cow::Owned(stripped) = strip_non_xml(&text) {
        return stripped;
    }
    text.shrink_to_fit();
    text
}

/// Tera's HTML escaping, without the characters XML 1.0 forbids: the escape of every
/// HTML, XML, SVG and Atom template. One pass that writes the runs between the characters
/// it replaces or drops (Tera's writes byte by byte).
pub(crate) fn escape_xml(input: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let bytes = input.as_bytes();
    let (mut start, mut at) = (0, 0);
    while at < bytes.len() {
        let (replacement, len): (&[u8], usize) = match bytes[at] {
            b'&' => (b"&amp;", 1),
            b'<' => (b"&lt;", 1),
            b'>' => (b"&gt;", 1),
            b'"' => (b"&quot;", 1),
            b'\'' => (b"&#39;", 1),
            b'\t' | b'\n' | b'\r' => {
                at += 1;
                continue;
            }
            // Other C0 controls, and U+FFFE and U+FFFF (EF BF BE, EF BF BF), are not XML.
            0..0x20 => (b"", 1),
            0xEF if bytes[at + 1] == 0xBF && matches!(bytes[at + 2], 0xBE | 0xBF) => (b"", 3),
            _ => {
                at += 1;
                continue;
            }
        };
        out.write_all(&bytes[start..at])?;
        out.write_all(replacement)?;
        at += len;
        start = at;
    }
    out.write_all(&bytes[start..])
}

/// A Tera error with its causes, which carry the line and column.
fn describe(error: &tera::Error) -> String {
    let mut text = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

/// At most one blank line in a row, and one newline at the end.
fn tidy_blank_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank_run = 0;
    for line in text.trim_start_matches('\n').lines() {
        if line.trim().is_empty() {
            blank_run += 1;
            if blank_run > 1 {
                continue;
            }
        } else {
            blank_run = 0;
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

fn register_filters(tera: &mut Tera) {
    tera.register_filter("markdown", |text: &str, _: Kwargs, _: &State| {
        Value::safe_string(&markdown::to_html(text))
    });
    tera.register_filter("markdown_inline", |text: &str, _: Kwargs, _: &State| {
        Value::safe_string(&markdown::to_inline_html(text))
    });
    // The HTML of Markdown as text, for formats that carry HTML escaped (Atom's type="html").
    tera.register_filter("markdown_as_text", |text: &str, _: Kwargs, _: &State| {
        markdown::to_html(text)
    });
    tera.register_function("path", site::paths::template_function);
    tera.register_filter("plain", |text: &str, _: Kwargs, _: &State| {
        markdown::to_plain(text)
    });
    // Markdown output: every text reaches it through one of these, by where it is placed.
    tera.register_filter("inert", |text: &str, _: Kwargs, _: &State| {
        markdown::to_inert_markdown(text)
    });
    tera.register_filter("inline", |text: &str, _: Kwargs, _: &State| {
        markdown::to_inert_line(text, markdown::Layout::Line)
    });
    tera.register_filter("cell", |text: &str, _: Kwargs, _: &State| {
        markdown::to_inert_line(text, markdown::Layout::Cell)
    });
    tera.register_filter("link_text", |text: &str, _: Kwargs, _: &State| {
        markdown::to_inert_line(text, markdown::Layout::LinkText)
    });
    tera.register_filter("text", |text: &str, _: Kwargs, _: &State| {
        markdown::escape::plain(text)
    });
    tera.register_filter("url", |text: &str, _: Kwargs, _: &State| {
        markdown::escape::link_destination(text).unwrap_or_default()
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escaped(text: &str) -> String {
        let mut out = Vec::new();
        escape_xml(text, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn escaping_drops_what_xml_forbids_and_escapes_markup() {
        assert_eq!(
            escaped("a\u{1}<b>\u{B}&\"\u{FFFE}\u{FFFF}\u{1B}[0m\tz\u{85}"),
            "a&lt;b&gt;&amp;&quot;[0m\tz\u{85}"
        );
    }

    proptest::proptest! {
        #[test]
        fn escaping_is_teras_without_what_xml_forbids(
            text in "[a-z&<>\"' \t\n\r\u{0}-\u{1f}\u{7f}\u{85}\u{a0}\u{fffd}-\u{ffff}\u{ff08}é中]{0,40}"
        ) {
            let mut expected = Vec::new();
            tera::escape_html(&strip_non_xml(&text), &mut expected).unwrap();
            proptest::prop_assert_eq!(escaped(&text), String::from_utf8(expected).unwrap());
        }
    }

    #[test]
    fn badges_and_markdown_html_stay_well_formed_with_forbidden_characters() {
        let templates = Templates::load(None).unwrap();
        let mut context = Context::new();
        context.insert(
            "badge",
            &serde_json::json!({
                "label": "API\u{1}", "value": "down\u{FFFF}\u{B}", "color": "#e05d44", "separator": ": ",
                "width": 100, "label_width": 50, "value_width": 50, "lang": "en", "fonts": "sans-serif",
            }),
        );
        let svg = templates.render("site/badge.svg", &context).unwrap();
        let document = roxmltree::Document::parse(&svg).unwrap();
        let title = document
            .descendants()
            .find(|n| n.has_tag_name("title"))
            .unwrap();
        assert_eq!(title.text(), Some("API: down"));
        // Markdown HTML is marked safe and never passes the escape: the output is cleaned too.
        let markdown = Value::safe_string(&markdown::to_html("x\u{1}y"));
        context.insert("raw", &markdown);
        let mut tera = Tera::new();
        tera.add_raw_template("t.xml", "<a>{{ raw }}</a>").unwrap();
        let templates = Templates { tera };
        let xml = templates.render("t.xml", &context).unwrap();
        let document = roxmltree::Document::parse(&xml).unwrap();
        let text: String = document
            .descendants()
            .filter(|n| n.is_text())
            .filter_map(|n| n.text())
            .collect();
        assert_eq!(text.trim(), "xy");
    }

    /// A project's `templates/init/` and `templates/new/` hold the files of `init` and
    /// `new` (a GitHub workflow's `${{ a || b }}`, YAML records), not Tera pages.
    #[test]
    fn init_and_new_files_in_a_project_are_not_taken_for_pages() {
        let root = tempfile::tempdir().unwrap();
        for name in ["init/notify-workflow.yml", "new/incident.yaml"] {
            let path = root.path().join("templates").join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(
                path,
                "ref: ${{ github.event.workflow_run.head_sha || github.sha }}\n",
            )
            .unwrap();
        }
        assert!(Templates::load(Some(root.path())).is_ok());
    }
}
