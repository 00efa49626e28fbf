//! `unknown-component`: an `affected` component that site/config.yaml does not define.

use crate::check::{RecordCheck, Scope, declare_rule};
use crate::diagnostic::Finding;

declare_rule! {
    /// A component under `affected` is not defined in site/config.yaml.
    ///
    /// The status site derives each component's status and uptime from the records that
    /// name it. A component id that the site does not define counts for nothing: the outage
    /// would be missing from the status page, usually because of a typo. hindsight suggests
    /// the closest defined id. Projects without a site/config.yaml are not checked.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// affected:
    ///   logto-cloud: major_outage
    ///   logto-kore: major_outage     # site/config.yaml defines `logto-core`
    /// ```
    ///
    /// ## Fix
    ///
    /// Use an id from `components:` in site/config.yaml, or add the component there.
    pub UNKNOWN_COMPONENT = UnknownComponent, Error, Scope::Record(check)
}

fn check(subject: &RecordCheck<'_>) -> Vec<Finding> {
    if !subject.site.has_config {
        return Vec::new();
    }
    let config = subject.site.config;
    let known: Vec<&str> = config
        .components
        .iter()
        .map(|c| c.id.value.as_str())
        .collect();
    subject
        .record
        .affected
        .0
        .iter()
        .filter(|(id, _)| config.component(&id.value).is_none())
        .map(|(id, _)| {
            let finding = Finding::new(
                UNKNOWN_COMPONENT.id,
                id.span,
                format!(
                    "component `{}` is not defined in site/config.yaml",
                    id.value
                ),
            );
            match crate::load::suggest_name(&id.value, &known) {
                Some(best) => finding.help(format!("did you mean `{best}`?")),
                None if known.is_empty() => {
                    finding.help("add it under `components:` in site/config.yaml")
                }
                None => finding.help(format!("defined components: {}", known.join(", "))),
            }
        })
        .collect()
}
