//! Render stage: localized views -> documents (Markdown, HTML) through Tera templates.
//!
//! Templates are embedded; a project's `templates/<name>` replaces the built-in of that name.

pub mod api;
pub mod markdown;
pub mod site;
mod tables;

use std::path::Path;

use anyhow::anyhow;
use tera::{Context, Kwargs, State, Tera, Value};

use crate::assets::{self, Content, TEMPLATES};
use crate::localize::Postmortem;

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
        register_filters(&mut tera);
        let layers = assets::layered(root, "templates", TEMPLATES, Content::Text)?;
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
        self.tera
            .render(name, context)
            .map_err(|error| anyhow!("template {name}: {}", describe(&error)))
    }
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
