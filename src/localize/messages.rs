//! Fluent messages per language: the built-in locales, with a project's `locales/` layered
//! over them message by message.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;
use std::sync::Arc;

use anyhow::bail;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;

use crate::assets::{self, Content, LOCALES, Layer};
use crate::model::Lang;

type Bundle = FluentBundle<FluentResource>;

/// Message id -> the names of the variables it uses.
pub(crate) type Catalog = BTreeMap<String, BTreeSet<String>>;

/// The messages of every language, ready to format from many threads at once.
pub struct Messages {
    bundles: Vec<(Lang, Bundle)>,
    /// Per language: every message id and the variables it uses.
    catalogs: Vec<Catalog>,
    /// Per language: the messages without variables, formatted once (see [`Messages::plain`]).
    plain: Vec<Arc<BTreeMap<String, String>>>,
    /// Per language: the messages without variables by their own ids, formatted once: a
    /// page asks for some of them (headings, keywords) every time it is rendered.
    fixed: Vec<HashMap<String, String>>,
    /// Problems in a project's locales that did not stop loading (shown to the user).
    pub warnings: Vec<String>,
}

impl std::fmt::Debug for Messages {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Messages")
            .field("warnings", &self.warnings)
            .finish_non_exhaustive()
    }
}

impl Messages {
    /// The built-in messages alone.
    pub fn builtin() -> anyhow::Result<Messages> {
        Self::load(None)
    }

    /// The built-in messages with the project's `<root>/locales/<lang>/*.ftl` over them.
    pub fn load(root: Option<&Path>) -> anyhow::Result<Messages> {
        let layers = assets::layered(root, "locales", LOCALES, Content::Text)?;
        let mut warnings = Vec::new();
        let mut bundles = Vec::new();
        let mut catalogs = Vec::new();
        for &lang in Lang::ALL {
            let mut catalog = Catalog::new();
            let mut bundle = Bundle::new_concurrent(vec![lang_id(lang)]);
            // Markdown, JSON and feeds must not carry Unicode isolation marks.
            bundle.set_use_isolating(false);
            let prefix = format!("{lang}/");
            for layer in layers.iter().filter(|l| l.name.starts_with(&prefix)) {
                add_layer(&mut bundle, &mut catalog, layer, &mut warnings)?;
            }
            bundles.push((lang, bundle));
            catalogs.push(catalog);
        }
        for layer in &layers {
            // Anything but a Fluent file (a glossary, a README) is the translators' and no locale.
            let known = !layer.name.ends_with(".ftl")
                || Lang::ALL
                    .iter()
                    .any(|lang| layer.name.starts_with(&format!("{lang}/")));
            if let (false, Some(project)) = (known, &layer.project) {
                warnings.push(format!(
                    "{}: ignored; locale files go in locales/<lang>/ with lang one of en, de, ja, zh",
                    project.path.display()
                ));
            }
        }
        let mut messages = Messages {
            bundles,
            catalogs,
            plain: Vec::new(),
            fixed: Vec::new(),
            warnings,
        };
        messages.fixed = Lang::ALL
            .iter()
            .map(|&lang| {
                (messages.catalog(lang).iter())
                    .filter(|(_, variables)| variables.is_empty())
                    .map(|(id, _)| (id.clone(), messages.format(lang, id, &[])))
                    .collect()
            })
            .collect();
        messages.plain = Lang::ALL
            .iter()
            .map(|&lang| {
                messages
                    .catalog(lang)
                    .iter()
                    .filter(|(_, variables)| variables.is_empty())
                    .map(|(id, _)| (id.replace('-', "_"), messages.text(lang, id)))
                    .collect::<BTreeMap<_, _>>()
                    .into()
            })
            .collect();
        Ok(messages)
    }

    fn bundle(&self, lang: Lang) -> &Bundle {
        &self.bundles[lang.index()].1
    }

    /// Every message id of `lang` and the variables it uses.
    pub(crate) fn catalog(&self, lang: Lang) -> &Catalog {
        &self.catalogs[lang.index()]
    }

    /// A message without variables.
    pub fn text(&self, lang: Lang, id: &str) -> String {
        match self.fixed.get(lang.index()).and_then(|fixed| fixed.get(id)) {
            Some(text) => text.clone(),
            None => self.format(lang, id, &[]),
        }
    }

    /// A message with its variables. A message no locale defines comes out as its id, so a
    /// gap shows on the page instead of silently vanishing.
    pub fn format(&self, lang: Lang, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let bundle = self.bundle(lang);
        let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
            return id.to_string();
        };
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        let mut errors = Vec::new();
        bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors)
            .into_owned()
    }

    /// A message without variables as it reads inside a sentence: its `.inline` attribute
    /// when it has one (English and German write a state in lower case there), else its value.
    pub(crate) fn inline(&self, lang: Lang, id: &str) -> String {
        let bundle = self.bundle(lang);
        let Some(pattern) = bundle
            .get_message(id)
            .and_then(|m| m.get_attribute("inline"))
            .map(|attribute| attribute.value())
        else {
            return self.text(lang, id);
        };
        let mut errors = Vec::new();
        bundle
            .format_pattern(pattern, None, &mut errors)
            .into_owned()
    }

    /// Every message of `lang` that needs no variables, keyed with `_` for `-` so that
    /// templates can write `t.heading_summary`.
    pub fn plain(&self, lang: Lang) -> &Arc<BTreeMap<String, String>> {
        &self.plain[lang.index()]
    }
}

fn lang_id(lang: Lang) -> unic_langid::LanguageIdentifier {
    lang.as_str()
        .parse()
        .unwrap_or_else(|_| unic_langid::LanguageIdentifier::default())
}

/// Adds a built-in file and the project's file of the same name (which overrides it message
/// by message). A syntax error in a project file stops with its file, line and column.
fn add_layer(
    bundle: &mut Bundle,
    catalog: &mut Catalog,
    layer: &Layer,
    warnings: &mut Vec<String>,
) -> anyhow::Result<()> {
    let mut builtin_ids = BTreeSet::new();
    if let Some(text) = layer.builtin {
        match FluentResource::try_new(text.to_string()) {
            Ok(resource) => {
                builtin_ids = message_ids(&resource);
                catalog.extend(catalog_of(&resource));
                bundle.add_resource_overriding(resource);
            }
            Err((_, errors)) => bail!(
                "built-in locale {} does not parse: {:?}",
                layer.name,
                errors
            ),
        }
    }
    let Some(project) = &layer.project else {
        return Ok(());
    };
    let resource = match FluentResource::try_new(project.text().to_string()) {
        Ok(resource) => resource,
        Err((_, errors)) => {
            let described: Vec<String> = errors
                .iter()
                .map(|error| {
                    let (line, column) = line_column(project.text(), error.pos.start);
                    format!("{}:{line}:{column}: {error}", project.path.display())
                })
                .collect();
            bail!(
                "{}\nfix the Fluent syntax (https://projectfluent.org/fluent/guide/)",
                described.join("\n")
            );
        }
    };
    let project_ids = message_ids(&resource);
    let missing: Vec<&String> = builtin_ids.difference(&project_ids).collect();
    if layer.builtin.is_some() && !missing.is_empty() {
        let names: Vec<&str> = missing.iter().map(|s| s.as_str()).collect();
        warnings.push(format!(
            "{} does not define {} of the built-in {}; using the built-in text for: {}",
            project.path.display(),
            crate::report::counted(missing.len(), "message"),
            layer.name,
            names.join(", ")
        ));
    }
    catalog.extend(catalog_of(&resource));
    bundle.add_resource_overriding(resource);
    Ok(())
}

fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..text.floor_char_boundary(offset.min(text.len()))];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

fn message_ids(resource: &FluentResource) -> BTreeSet<String> {
    resource
        .entries()
        .filter_map(|entry| match entry {
            ast::Entry::Message(message) => Some(message.id.name.to_string()),
            _ => None,
        })
        .collect()
}

fn catalog_of(resource: &FluentResource) -> Catalog {
    resource
        .entries()
        .filter_map(|entry| match entry {
            ast::Entry::Message(message) => Some((
                message.id.name.to_string(),
                message.value.as_ref().map(variables).unwrap_or_default(),
            )),
            _ => None,
        })
        .collect()
}

/// The variables a message uses, by name.
fn variables(pattern: &ast::Pattern<&str>) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            collect_expression(expression, &mut names);
        }
    }
    names
}

fn collect_expression(expression: &ast::Expression<&str>, names: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            collect_inline(selector, names);
            for variant in variants {
                names.extend(variables(&variant.value));
            }
        }
        ast::Expression::Inline(inline) => collect_inline(inline, names),
    }
}

fn collect_inline(inline: &ast::InlineExpression<&str>, names: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            names.insert(id.name.to_string());
        }
        ast::InlineExpression::Placeable { expression } => collect_expression(expression, names),
        _ => {}
    }
}

#[cfg(test)]
mod glossary;
#[cfg(test)]
mod tests;
