//! Where a reported file is, for SARIF: relative to the repository root as a percent-encoded
//! URI, with the root itself as a `file:` URI. Code scanning matches these against the
//! repository's files, so they must not depend on the folder lint ran in or on `--root`.

use std::path::{Component, Path, PathBuf};

/// The folder that URIs are relative to: the git work tree holding the project root, or the
/// project root itself when it is in none. Kept absolute and with links resolved.
#[derive(Debug, Clone)]
pub struct SourceRoot {
    dir: PathBuf,
}

impl SourceRoot {
    /// The source root of the project at `root` (as given: relative to the current folder).
    pub fn of_project(root: &Path) -> SourceRoot {
        // The root itself is resolved whole: a `--root` that is a link names the folder it
        // points to, whose ancestors hold the work tree (files keep their own names only).
        let root = root.canonicalize().unwrap_or_else(|_| absolute(root));
        let dir = root
            .ancestors()
            .find(|dir| dir.join(".git").exists())
            .unwrap_or(&root)
            .to_path_buf();
        SourceRoot { dir }
    }

    /// `originalUriBaseIds.%SRCROOT%.uri`: the root as a `file:` URI ending in `/`.
    pub fn uri(&self) -> String {
        let mut uri = String::from("file://");
        for segment in segments(&self.dir) {
            uri.push('/');
            uri.push_str(&encode(&segment));
        }
        uri.push('/');
        uri
    }

    /// `file`'s URI relative to the root (`incidents/a%20b.yaml`), or `None` when the file
    /// lies outside it.
    pub fn relative_uri(&self, file: &Path) -> Option<String> {
        let file = absolute(file);
        let below = file.strip_prefix(&self.dir).ok()?;
        let parts: Vec<String> = segments(below).iter().map(|s| encode(s)).collect();
        (!parts.is_empty()).then(|| parts.join("/"))
    }

    /// `file`'s path relative to the root with `/` separators (`status/incidents/a b.yaml`),
    /// as GitHub's annotations take it; the absolute path when the file lies outside it.
    pub fn relative_path(&self, file: &Path) -> String {
        let file = absolute(file);
        match file.strip_prefix(&self.dir) {
            Ok(below) if !below.as_os_str().is_empty() => segments(below).join("/"),
            _ => file.to_string_lossy().into_owned(),
        }
    }

    /// The absolute `file:` URI of `file`, for a file outside the root.
    pub fn absolute_uri(file: &Path) -> String {
        let mut uri = String::from("file://");
        for segment in segments(&absolute(file)) {
            uri.push('/');
            uri.push_str(&encode(&segment));
        }
        uri
    }
}

/// `path` made absolute, with `.` and `..` resolved and links resolved as far as the path
/// exists (a file that is itself a link keeps its own name: it is what the user wrote).
fn absolute(path: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    let mut normal = PathBuf::new();
    for component in joined.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                normal.pop();
            }
            other => normal.push(other),
        }
    }
    // Resolve links in the folders (a temporary folder under a linked /tmp, say) so that the
    // file and the root compare alike; the file's own name stays.
    let (Some(parent), Some(name)) = (normal.parent(), normal.file_name()) else {
        return normal;
    };
    let mut existing = parent.to_path_buf();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (existing.file_name(), existing.parent()) {
            (Some(last), Some(up)) => {
                rest.push(last.to_os_string());
                existing = up.to_path_buf();
            }
            _ => return normal,
        }
    }
    let mut resolved = existing.canonicalize().unwrap_or(existing);
    resolved.extend(rest.iter().rev());
    resolved.push(name);
    resolved
}

/// The path's names in order, without a root or a drive.
fn segments(path: &Path) -> Vec<String> {
    path.components()
        .filter_map(|c| match c {
            Component::Normal(name) => Some(name.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect()
}

/// RFC 3986 percent-encoding of one path segment: everything but the unreserved characters,
/// as UTF-8 bytes.
fn encode(segment: &str) -> String {
    let mut out = String::with_capacity(segment.len());
    for byte in segment.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_are_percent_encoded_as_utf8() {
        assert_eq!(encode("a b"), "a%20b");
        assert_eq!(encode("störung"), "st%C3%B6rung");
        assert_eq!(encode("障害"), "%E9%9A%9C%E5%AE%B3");
        assert_eq!(encode("50%#?"), "50%25%23%3F");
        assert_eq!(encode("2024-01-10_x.~yaml"), "2024-01-10_x.~yaml");
    }

    #[test]
    fn uris_are_relative_to_the_git_work_tree_holding_the_project() {
        let tmp = tempfile::tempdir().unwrap();
        let repo = tmp.path().join("my repo");
        let project = repo.join("status pages/ä");
        std::fs::create_dir_all(project.join("incidents")).unwrap();
        std::fs::create_dir(repo.join(".git")).unwrap();
        let root = SourceRoot::of_project(&project);
        let file = project.join("incidents/../incidents/x.yaml");
        assert_eq!(
            root.relative_uri(&file).unwrap(),
            "status%20pages/%C3%A4/incidents/x.yaml"
        );
        let base = root.uri();
        assert!(
            base.starts_with("file:///") && base.ends_with("/my%20repo/"),
            "{base}"
        );
        assert_eq!(root.relative_uri(tmp.path()), None);
    }

    #[cfg(unix)]
    #[test]
    fn a_root_that_is_a_link_is_resolved_to_the_folder_it_names() {
        let tmp = tempfile::tempdir().unwrap();
        let repo = tmp.path().join("repo");
        std::fs::create_dir_all(repo.join("status/incidents")).unwrap();
        std::fs::create_dir(repo.join(".git")).unwrap();
        let link = tmp.path().join("proj");
        std::os::unix::fs::symlink(repo.join("status"), &link).unwrap();
        let root = SourceRoot::of_project(&link);
        let file = link.join("incidents/x.yaml");
        assert_eq!(
            root.relative_uri(&file).as_deref(),
            Some("status/incidents/x.yaml")
        );
        assert!(root.uri().ends_with("/repo/"), "{}", root.uri());
        assert_eq!(root.relative_path(&file), "status/incidents/x.yaml");
    }

    #[test]
    fn without_git_the_project_root_is_the_source_root() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(tmp.path().join("p/incidents")).unwrap();
        let root = SourceRoot::of_project(&tmp.path().join("p"));
        let uri = root.relative_uri(&tmp.path().join("p/incidents/a.yaml"));
        assert_eq!(uri.as_deref(), Some("incidents/a.yaml"));
        assert!(root.uri().ends_with("/p/"));
    }
}
