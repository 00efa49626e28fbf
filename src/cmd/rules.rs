//! `hindsight rules`, `explain` and `schema`: what the lint checks and the record format.

use hindsight::check::{self, rules::REGISTRY};
use std::path::Path;

use hindsight::diagnostic::display_path;
use hindsight::project;
use hindsight::schema::{self, SchemaKind};

use super::terminal::print;
use super::{ListFormat, Outcome};

#[derive(Debug, clap::Args)]
pub(crate) struct RulesArgs {
    /// human: a table; json: each rule with its default level, summary and documentation.
    #[arg(long, value_enum, default_value_t = ListFormat::Human)]
    format: ListFormat,
}

#[derive(Debug, clap::Args)]
pub(crate) struct ExplainArgs {
    /// The rule's name, e.g. timeline-order.
    #[arg(add = super::completions::rule_names())]
    rule: String,
}

#[derive(Debug, clap::Args)]
pub(crate) struct SchemaArgs {
    /// Which file's schema: an incident record (the default), a translation overlay, or
    /// site/config.yaml.
    #[arg(value_enum)]
    kind: Option<SchemaKind>,
    /// The schema of a translation overlay (the same as `schema overlay`).
    #[arg(long, conflicts_with_all = ["kind", "config"])]
    overlay: bool,
    /// The schema of site/config.yaml (the same as `schema config`).
    #[arg(long, conflicts_with = "kind")]
    config: bool,
    /// Write the three schemas into the project's .hindsight/ (where the modelines point),
    /// over the copies an older hindsight wrote, instead of printing one.
    #[arg(long, conflicts_with_all = ["kind", "overlay", "config"])]
    write: bool,
}

pub(crate) fn rules(args: RulesArgs) -> anyhow::Result<Outcome> {
    let listing = match args.format {
        ListFormat::Json => {
            let rules: Vec<_> = REGISTRY
                .iter()
                .map(|rule| {
                    serde_json::json!({
                        "name": rule.name(),
                        "default_level": rule.default_level.as_str(),
                        "summary": rule.summary(),
                        "docs": rule.docs(),
                    })
                })
                .collect();
            format!("{}\n", serde_json::to_string_pretty(&rules)?)
        }
        ListFormat::Human => {
            let width = REGISTRY.iter().map(|r| r.name().len()).max().unwrap_or(0);
            REGISTRY
                .iter()
                .map(|rule| {
                    format!(
                        "{:width$}  {:7}  {}\n",
                        rule.name(),
                        rule.default_level.as_str(),
                        rule.summary()
                    )
                })
                .collect()
        }
    };
    print(&listing)?;
    Ok(Outcome::Clean)
}

pub(crate) fn explain(args: ExplainArgs) -> anyhow::Result<Outcome> {
    let rule = &args.rule;
    let found = check::find_rule_or_explain(rule).map_err(anyhow::Error::msg)?;
    print(&format!(
        "{} (default: {})\n\n{}\n",
        found.name(),
        found.default_level,
        found.docs()
    ))?;
    Ok(Outcome::Clean)
}

/// Prints a schema whose `$id` is where the project's site publishes it, when the project
/// has a readable `base_url`; else without `$id`.
pub(crate) fn schema(root: Option<&Path>, args: SchemaArgs) -> anyhow::Result<Outcome> {
    let kind = match (args.kind, args.overlay, args.config) {
        (Some(kind), _, _) => kind,
        (None, true, _) => SchemaKind::Overlay,
        (None, _, true) => SchemaKind::Config,
        (None, false, false) => SchemaKind::Record,
    };
    let root = project::find_root(root, None);
    if args.write {
        for path in schema::write_local_copies(&root)? {
            super::output::status(&format!("wrote {}", display_path(&root.join(path))));
        }
        return Ok(Outcome::Clean);
    }
    let base_url = project::base_url(&root);
    print(&schema::to_text(&schema::schema(kind, base_url.as_deref())))?;
    Ok(Outcome::Clean)
}
