//! The whole generated project, file by file, in a fixed order: the same seed gives the same
//! bytes.

use std::io;
use std::path::Path;

use crate::rng::Rng;
use crate::{hugo, record, yaml};

pub(crate) struct Options {
    pub(crate) incidents: usize,
    pub(crate) seed: u64,
    pub(crate) hugo: bool,
}

/// Calls `write(project, relative path, contents)` for every file, where `project` is false
/// for the Hugo site's files.
pub(crate) fn generate(
    options: &Options,
    write: &mut dyn FnMut(bool, &str, &str) -> io::Result<()>,
) -> io::Result<()> {
    let mut rng = Rng::new(options.seed);
    let components = record::components();
    write(true, "site/config.yaml", &yaml::config(&components))?;
    if options.hugo {
        write(false, "hugo.yaml", &hugo::config())?;
        let layouts = "themes/minimal/layouts/_default";
        write(false, &format!("{layouts}/baseof.html"), hugo::BASEOF)?;
        write(false, &format!("{layouts}/single.html"), hugo::SINGLE)?;
        write(false, &format!("{layouts}/list.html"), hugo::LIST)?;
    }
    for index in 0..options.incidents {
        let incident = record::generate(&mut rng, index, &components);
        let id = &incident.id;
        write(
            true,
            &format!("incidents/{id}.yaml"),
            &yaml::record(&incident),
        )?;
        if !incident.draft {
            for (l, lang) in crate::bank::LANGS.iter().enumerate().skip(1) {
                write(
                    true,
                    &format!("incidents/{id}.{lang}.yaml"),
                    &yaml::overlay(&incident, l),
                )?;
            }
        }
        if options.hugo {
            for (l, lang) in crate::bank::LANGS.iter().enumerate() {
                write(
                    false,
                    &format!("content/{lang}/incidents/{id}.md"),
                    &hugo::page(&incident, l),
                )?;
            }
        }
    }
    Ok(())
}

/// Writes the project under `out` and the Hugo site (if any) under `hugo`; returns the
/// number of files and bytes written.
pub(crate) fn write_to(
    options: &Options,
    out: &Path,
    hugo: Option<&Path>,
) -> io::Result<(u64, u64)> {
    let (mut files, mut bytes) = (0, 0);
    let mut made = std::collections::BTreeSet::new();
    generate(options, &mut |project, relative, contents| {
        let root = if project {
            out
        } else {
            hugo.expect("--hugo given")
        };
        let path = root.join(relative);
        let parent = path.parent().expect("a file in a folder").to_path_buf();
        if made.insert(parent.clone()) {
            std::fs::create_dir_all(&parent)?;
        }
        std::fs::write(&path, contents)?;
        files += 1;
        bytes += contents.len() as u64;
        Ok(())
    })?;
    Ok((files, bytes))
}

/// A generated project replaces site/config.yaml and fills incidents/: it is written only
/// into a new or empty folder, never over one that holds anything (a real project, a home).
pub(crate) fn check_empty(dir: &Path) -> Result<(), String> {
    if std::fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_some()) {
        return Err(format!(
            "{} is not empty; name a new or empty folder",
            dir.display()
        ));
    }
    Ok(())
}
