//! `hindsight man`: the manual page, as roff on standard output.

use clap::CommandFactory as _;
use clap_mangen::Man;

use super::terminal::print;
use super::{Cli, Outcome};

pub(crate) fn run() -> anyhow::Result<Outcome> {
    print(&String::from_utf8(page()?)?)?;
    Ok(Outcome::Clean)
}

/// One page: the overview clap_mangen writes, then a section per command (and per nested
/// command, such as `translate status`) with its synopsis and options, so that `man hindsight`
/// answers "which flags does build take" without a page per command to install.
fn page() -> std::io::Result<Vec<u8>> {
    let mut command = Cli::command();
    command.build();
    let mut out = Vec::new();
    Man::new(command.clone()).render(&mut out)?;
    let mut pending: Vec<_> = command.get_subcommands().cloned().collect();
    while !pending.is_empty() {
        let sub = pending.remove(0);
        if sub.get_name() == "help" {
            continue;
        }
        let title = sub.get_bin_name().unwrap_or(sub.get_name()).to_uppercase();
        out.extend_from_slice(format!(".SH \"{}\"\n", title.replace('"', "")).as_bytes());
        let man = Man::new(sub.clone());
        let mut section = Vec::new();
        man.render_description_section(&mut section)?;
        man.render_synopsis_section(&mut section)?;
        man.render_options_section(&mut section)?;
        // The command's own parts are subsections of its section.
        for line in String::from_utf8_lossy(&section).lines() {
            if line.starts_with(".SH DESCRIPTION") {
                continue;
            }
            let line = line
                .strip_prefix(".SH ")
                .map_or(line.to_owned(), |rest| format!(".SS {rest}"));
            out.extend_from_slice(line.as_bytes());
            out.push(b'\n');
        }
        let nested: Vec<_> = sub
            .get_subcommands()
            .filter(|nested| nested.get_name() != "help")
            .cloned()
            .collect();
        pending.splice(0..0, nested);
    }
    Ok(out)
}
