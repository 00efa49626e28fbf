//! `hindsight rules`, `explain` and `schema`: what the lint checks and the record format.

use hindsight::check::{self, rules::REGISTRY};
use hindsight::schema;

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
    /// The schema of a translation overlay instead.
    #[arg(long)]
    overlay: bool,
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

pub(crate) fn schema(args: SchemaArgs) -> anyhow::Result<Outcome> {
    let schema = if args.overlay {
        schema::overlay_schema()
    } else {
        schema::record_schema()
    };
    print(&format!("{}\n", serde_json::to_string_pretty(&schema)?))?;
    Ok(Outcome::Clean)
}
