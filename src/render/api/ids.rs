//! Stable ids for what the configuration does not name: the page and component groups.

/// `group-` and the group's name in lowercase ASCII words: `Docker Hub` -> `group-docker-hub`;
/// names without ASCII letters or digits get a stable hash instead.
pub(super) fn group_id(name: &str) -> String {
    let slug = name
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect::<Vec<_>>()
        .join("-");
    if slug.is_empty() {
        format!("group-{}", base36(fnv1a(name.as_bytes()), 8))
    } else {
        format!("group-{slug}")
    }
}

/// A Statuspage-like page id (12 lowercase base36 characters), stable for a base URL.
pub(super) fn page_id(base: &str) -> String {
    base36(fnv1a(base.as_bytes()), 12)
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn base36(mut value: u64, width: usize) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = vec![b'0'; width];
    for slot in out.iter_mut().rev() {
        *slot = DIGITS[(value % 36) as usize];
        value /= 36;
    }
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_stable_and_shaped_like_statuspage_ids() {
        let id = page_id("https://status.example.com/");
        assert_eq!(id.len(), 12);
        assert!(
            id.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        );
        assert_eq!(id, page_id("https://status.example.com/"));
        assert_ne!(id, page_id("https://other.example.com/"));
        assert_eq!(group_id("Docker Hub"), "group-docker-hub");
        assert!(group_id("決済").starts_with("group-") && group_id("決済").len() == 14);
    }
}
