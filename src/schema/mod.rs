//! JSON Schemas (2020-12) of records, overlays and the site configuration, for editors and
//! validators: exactly as permissive and as strict as the loader.
//!
//! They are written out here rather than derived from the model with schemars: the model is
//! what the loader produces, not what it accepts (an empty `lessons:` is no list, `title: 404`
//! is text, `severity` is required unless `status: draft`, a `notify` channel's fields depend
//! on its kind). Each building block in `parts` mirrors one reader of src/load/fields.rs, and
//! `agreement` (a test) checks the schemas against lint on every fixture and its mutations.
//! What no schema can say (the order of times, a component that exists, February 30th) is
//! listed in `agreement::SEMANTIC` and in the README's "Editor support".

mod conditions;
mod config;
mod notify;
mod overlay;
mod parts;
mod record;

#[cfg(test)]
mod agreement;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod variants;

use std::path::Path;

use serde_json::Value;

/// Which file a schema describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SchemaKind {
    /// An incident record: incidents/<id>.yaml.
    Record,
    /// A translation overlay: incidents/<id>.<lang>.yaml.
    Overlay,
    /// The site configuration: site/config.yaml.
    Config,
}

impl SchemaKind {
    pub const ALL: [SchemaKind; 3] = [SchemaKind::Record, SchemaKind::Overlay, SchemaKind::Config];

    /// The schema's name: `record`, `overlay` or `config`.
    pub fn name(self) -> &'static str {
        match self {
            SchemaKind::Record => "record",
            SchemaKind::Overlay => "overlay",
            SchemaKind::Config => "config",
        }
    }

    /// Where the site publishes it: `schema/<name>.json`.
    pub fn site_path(self) -> String {
        format!("schema/{}.json", self.name())
    }

    /// Where `init` and `schema --write` put it for the modelines:
    /// `.hindsight/<name>.schema.json`.
    pub(crate) fn project_path(self) -> String {
        format!(".hindsight/{}.schema.json", self.name())
    }

    /// Where a file of this kind `depth` folders below the project finds
    /// [`Self::project_path`]: `../.hindsight/record.schema.json`.
    pub(crate) fn relative_path(self, depth: usize) -> String {
        format!("{}{}", "../".repeat(depth), self.project_path())
    }

    /// The first line of a file of this kind `depth` folders below the project: the
    /// yaml-language-server modeline pointing at [`Self::project_path`].
    pub(crate) fn modeline(self, depth: usize) -> String {
        format!(
            "# yaml-language-server: $schema={}\n",
            self.relative_path(depth)
        )
    }

    /// Whether the project at `root` has its copy of the schema: a modeline pointing at a
    /// missing file makes editors report "Unable to load schema" on the first line.
    pub(crate) fn in_project(self, root: &Path) -> bool {
        root.join(self.project_path()).is_file()
    }

    /// What to do when the project has no copy of the schema, so that a file of this kind
    /// was written without its modeline; `None` when it has one.
    pub fn missing_hint(self, root: &Path) -> Option<String> {
        (!self.in_project(root)).then(|| {
            let then = match self {
                SchemaKind::Overlay => "then a `translate` refresh adds the modeline".to_string(),
                _ => format!("then put `{}` first in the file", self.modeline(1).trim_end()),
            };
            format!(
                "no editor modeline written: {} is missing; `hindsight schema --write` writes it, {then}",
                self.project_path()
            )
        })
    }
}

/// `text` without a yaml-language-server modeline on its first line.
pub(crate) fn without_modeline(text: &str) -> &str {
    match text.split_once('\n') {
        Some((first, rest)) if first.starts_with("# yaml-language-server:") => rest,
        _ => text,
    }
}

/// The project's copies of the schemas, for the modelines: (path under the project, text).
/// Without `$id`, which a copy does not need. Written by `init` and `schema --write`.
pub(crate) fn local_copies() -> Vec<(String, String)> {
    SchemaKind::ALL
        .iter()
        .map(|kind| (kind.project_path(), to_text(&schema(*kind, None))))
        .collect()
}

/// Writes the project's copies of the schemas over the old ones (a new version of hindsight
/// may accept more or less). Returns the paths written, under the project.
pub fn write_local_copies(root: &Path) -> anyhow::Result<Vec<String>> {
    if !crate::discover::config_path(root).is_file() {
        anyhow::bail!(
            "{} has no site/config.yaml, so it is no hindsight project: start one with `hindsight init`, or name one with --root",
            root.display()
        );
    }
    let copies = local_copies();
    // A `.hindsight` linked elsewhere (to incidents/, to `..`) would have the copies written
    // into an input folder or out of the project.
    let protected = crate::publish::Protected::new(root)?;
    for (path, _) in &copies {
        protected.check_project_file(Path::new(path))?;
    }
    let targets: Vec<(std::path::PathBuf, &[u8])> = copies
        .iter()
        .map(|(path, text)| (root.join(path), text.as_bytes()))
        .collect();
    let files: Vec<(&Path, &[u8])> = targets
        .iter()
        .map(|(path, bytes)| (path.as_path(), *bytes))
        .collect();
    crate::publish::write_files(&files)?;
    Ok(copies.into_iter().map(|(path, _)| path).collect())
}

/// The schema of `kind`. With the site's `base_url`, its `$id` is where the site publishes
/// it (`<base_url>schema/<name>.json`), so the id resolves; without one it has none, rather
/// than an address that leads nowhere.
pub fn schema(kind: SchemaKind, base_url: Option<&str>) -> Value {
    let mut body = match kind {
        SchemaKind::Record => record::schema(),
        SchemaKind::Overlay => overlay::schema(),
        SchemaKind::Config => config::schema(),
    };
    let mut schema = serde_json::Map::new();
    schema.insert(
        "$schema".into(),
        "https://json-schema.org/draft/2020-12/schema".into(),
    );
    if let Some(base) = base_url {
        let slash = if base.ends_with('/') { "" } else { "/" };
        schema.insert(
            "$id".into(),
            format!("{base}{slash}{}", kind.site_path()).into(),
        );
    }
    if let Value::Object(fields) = &mut body {
        schema.append(fields);
    }
    Value::Object(schema)
}

/// The schema as the text of a `.json` file.
pub fn to_text(schema: &Value) -> String {
    serde_json::to_string_pretty(schema).unwrap_or_default() + "\n"
}
