//! The project's public addresses, all derived from `repository` in Cargo.toml, so that the
//! repository's name is written once.

/// The repository's home page, whose front page is the README.
pub(crate) const REPOSITORY: &str = env!("CARGO_PKG_REPOSITORY");

/// The anchor of a rule's row in the README's "Lint rules" table (`<a id="rule-…">`; GitHub
/// serves it as `user-content-rule-…` and scrolls to it from `#rule-…`).
pub(crate) fn rule_anchor(rule: &str) -> String {
    format!("rule-{rule}")
}

/// Where a rule is documented for readers of a SARIF viewer: its row in the README.
pub(crate) fn rule_help(rule: &str) -> String {
    format!("{REPOSITORY}#{}", rule_anchor(rule))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::rules::REGISTRY;

    #[test]
    fn every_rule_has_its_anchor_in_the_readme() {
        let readme = include_str!("../README.md");
        for rule in REGISTRY {
            let anchor = format!(
                "<a id=\"{}\"></a>`{}`",
                rule_anchor(rule.name()),
                rule.name()
            );
            assert!(readme.contains(&anchor), "README lacks {anchor}");
        }
    }

    #[test]
    fn the_readme_names_the_same_repository() {
        let readme = include_str!("../README.md");
        let action = format!(
            "uses: {}@v{}",
            REPOSITORY.trim_start_matches("https://github.com/"),
            env!("CARGO_PKG_VERSION")
        );
        assert!(readme.contains(&action), "README lacks `{action}`");
    }
}
