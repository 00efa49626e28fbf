//! Loading for the commands about one record (`render`, `translate`, `update`, `resolve`):
//! the configuration and the record's group (the record files of its id and their
//! overlays) are read; every other file is known by its name alone, never read, so that
//! one record costs one record however large the project.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use super::Project;
use crate::discover::{self, SourceKind, Sources, group_id};
use crate::load;

impl Project {
    /// The project at `root` with only the group of the record `file` read, reporting on
    /// `file` (as `render FILE` and `translate FILE` name it).
    pub fn load_record_file(root: &Path, file: &Path) -> anyhow::Result<Project> {
        let paths = [file.to_path_buf()];
        if let Some(sources) = discover::discover_groups(root, &paths, &[])? {
            let id = group_of(&sources, file);
            return Project::load_group(root, sources, &id, None);
        }
        let sources = discover::discover(root, &paths)?;
        let id = group_of(&sources, file);
        let ids = record_ids(&sources);
        Project::load_group(root, sources, &id, Some(ids))
    }

    /// The project at `root` with only the group of the record `asked` names read (an id, or
    /// its file's path as tab completion gives it: see [`record_id_asked`]), reporting on
    /// every file read (as `update` and `resolve` name it).
    pub fn load_record_named(root: &Path, asked: &str) -> anyhow::Result<Project> {
        let id = record_id_asked(asked);
        if let Some(sources) = discover::discover_groups(root, &[], &[id])? {
            return Project::load_group(root, sources, id, None);
        }
        let sources = discover::discover(root, &[])?;
        let ids = record_ids(&sources);
        Project::load_group(root, sources, id, Some(ids))
    }

    /// The project with only the group `id` of `sources` read. Its inputs are the files of
    /// `sources`: a discovery cut to some groups ([`discover::discover_groups`]) leaves out
    /// only files that lie in incidents/ with no link on the way, which the folder itself
    /// protects. The ids of every record, when `ids` does not give them, are listed when
    /// first asked for (to suggest the id meant).
    fn load_group(
        root: &Path,
        mut sources: Sources,
        id: &str,
        ids: Option<Vec<String>>,
    ) -> anyhow::Result<Project> {
        let inputs = inputs(&sources);
        sources.files.retain(|file| group_id(&file.kind) == id);
        Ok(Project {
            root: root.to_path_buf(),
            corpus: load::load(&sources)?,
            ids: ids.map_or_else(OnceLock::new, OnceLock::from),
            inputs,
            assets: OnceLock::new(),
            reread: None,
            report_texts: Vec::new(),
            premade: Default::default(),
        })
    }

    /// The id of every record file of the project, in the order discovered, whether or not
    /// the command read it; listed on the first call when the command read one group.
    pub fn record_ids(&self) -> anyhow::Result<&[String]> {
        if let Some(ids) = self.ids.get() {
            return Ok(ids);
        }
        let ids = record_ids(&discover::discover(&self.root, &[])?);
        Ok(self.ids.get_or_init(|| ids))
    }
}

/// Every input file of the project, read or not: what its outputs must never replace.
pub(super) fn inputs(sources: &Sources) -> Vec<PathBuf> {
    let files = sources.files.iter().map(|file| file.path.clone());
    files.chain(sources.config.clone()).collect()
}

/// The id of every record file, in the order discovered (from the file names).
pub(super) fn record_ids(sources: &Sources) -> Vec<String> {
    sources
        .files
        .iter()
        .filter_map(|file| match &file.kind {
            SourceKind::Record { id } => Some(id.clone()),
            SourceKind::Overlay { .. } => None,
        })
        .collect()
}

/// The id a user means by `asked`: an id as it is, or a record file's path without its
/// folder and `.yaml`.
pub fn record_id_asked(asked: &str) -> &str {
    Path::new(asked)
        .file_name()
        .and_then(|name| name.to_str())
        .and_then(|name| name.strip_suffix(".yaml"))
        .unwrap_or(asked)
}

/// The group of the discovered file that `file` is (a path the user wrote may reach it
/// through a link, or spell it another way); the group its name gives when none is.
fn group_of(sources: &Sources, file: &Path) -> String {
    let named = discover::classify(file);
    let named = group_id(&named.kind);
    let Ok(wanted) = file.canonicalize() else {
        return named.to_string();
    };
    let same = |candidate: &&discover::SourceFile| {
        candidate
            .path
            .canonicalize()
            .is_ok_and(|path| path == wanted)
    };
    // The file's own name nearly always says it; only a link or a stray path needs the
    // whole list.
    let by_name = sources
        .files
        .iter()
        .filter(|candidate| group_id(&candidate.kind) == named)
        .find(same);
    by_name
        .or_else(|| sources.files.iter().find(same))
        .map_or(named, |found| group_id(&found.kind))
        .to_string()
}
