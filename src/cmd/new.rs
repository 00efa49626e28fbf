//! `hindsight new`: a new incident record from a template.

use std::path::Path;

use hindsight::diagnostic::display_path;
use hindsight::model::Lang;
use hindsight::project;
use hindsight::scaffold::{self, NewRecord, Written};

use super::terminal::now;
use super::{Outcome, output, parse_lang};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// What happened, in a few words; the file name is made from it.
    title: String,
    /// The day the impact began, or a maintenance window starts (YYYY-MM-DD; default: today in
    /// the site's time zone).
    #[arg(long, value_name = "DATE")]
    date: Option<String>,
    /// The time the impact began, or a maintenance window starts (HH:MM; default: now in the
    /// site's time zone).
    #[arg(long, value_name = "TIME")]
    time: Option<String>,
    /// none, minor, major or critical (default: major when a component has a major outage, else minor).
    #[arg(long, value_name = "SEVERITY")]
    severity: Option<String>,
    /// The language of the record and its guidance comments (default: the site's first).
    #[arg(long, value_parser = parse_lang, value_name = "LANG")]
    lang: Option<Lang>,
    /// default, brief, security or maintenance, or a project's templates/new/<NAME>.yaml.
    #[arg(long, value_name = "NAME")]
    template: Option<String>,
    /// A component hit and its state, such as website=major_outage (repeatable).
    #[arg(long, value_name = "ID=STATUS", add = super::completions::affected())]
    affected: Vec<String>,
    /// The id after the date (default: made from the title).
    #[arg(long, value_name = "SLUG")]
    slug: Option<String>,
    /// Publish the incident at once, with TEXT as its first status update (investigating);
    /// the postmortem's sections are left as comments to fill in once it is resolved.
    #[arg(long, value_name = "TEXT")]
    announce: Option<String>,
    /// When the --announce update is posted (default: now); a time of day takes --date.
    #[arg(long, value_name = "TIME", requires = "announce")]
    at: Option<String>,
}

pub(crate) fn run(root: Option<&Path>, args: Args) -> anyhow::Result<Outcome> {
    let now = now()?;
    let root = project::find_root(root, None);
    let request = NewRecord {
        title: args.title,
        date: args.date,
        time: args.time,
        severity: args.severity,
        lang: args.lang,
        template: args.template,
        affected: args.affected,
        slug: args.slug,
        announce: args.announce,
        at: args.at,
    };
    match scaffold::new_record(&root, &request, now)? {
        Written::Created(path) => {
            let path = display_path(&path);
            output::status(&format!("created {path}"));
            if let Some(hint) = hindsight::schema::SchemaKind::Record.missing_hint(&root) {
                output::status(&hint);
            }
            output::status(&format!(
                "next: fill it in, then check it with `hindsight lint {path}`"
            ));
            Ok(Outcome::Clean)
        }
        Written::Exists(path) => {
            eprintln!(
                "error: {} exists; it was left as it was (pick another title, or --slug)",
                display_path(&path)
            );
            Ok(Outcome::Findings)
        }
    }
}
