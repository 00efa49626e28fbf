//! Reading and editing files in the temporary projects and sites the tests make.

use std::fs;
use std::path::{Path, PathBuf};

/// Copies the folder `from` (a fixture project) to `to`, creating it; links stay links.
pub(crate) fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        let kind = entry.file_type().unwrap();
        if kind.is_dir() {
            copy_dir(&entry.path(), &target);
        } else if kind.is_symlink() {
            // A link keeps pointing where it did (a relative one would dangle in the copy).
            let to = fs::canonicalize(entry.path())
                .unwrap_or_else(|_| fs::read_link(entry.path()).unwrap());
            std::os::unix::fs::symlink(to, &target).unwrap();
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// The text of `dir/path`, naming the file when it cannot be read.
pub(crate) fn read(dir: &Path, path: &str) -> String {
    fs::read_to_string(dir.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Every file below `dir` (following no symlinked folder), sorted.
pub(crate) fn files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(files(&path));
        } else {
            found.push(path);
        }
    }
    found.sort();
    found
}

/// Replaces the first `from` in the file with `to`; the text must be there.
pub(crate) fn edit(path: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(path).unwrap();
    assert!(
        text.contains(from),
        "`{from}` not in {}:\n{text}",
        path.display()
    );
    fs::write(path, text.replacen(from, to, 1)).unwrap();
}
