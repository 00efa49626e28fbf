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

mod config;
mod notify;
mod overlay;
mod parts;
mod record;

#[cfg(test)]
mod agreement;
#[cfg(test)]
mod tests;

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

    /// Where `init` writes it for the modelines: `.hindsight/<name>.schema.json`.
    pub fn project_path(self) -> String {
        format!(".hindsight/{}.schema.json", self.name())
    }

    /// The first line of a file of this kind `depth` folders below the project: the
    /// yaml-language-server modeline pointing at [`Self::project_path`].
    pub fn modeline(self, depth: usize) -> String {
        format!(
            "# yaml-language-server: $schema={}{}\n",
            "../".repeat(depth),
            self.project_path()
        )
    }
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
