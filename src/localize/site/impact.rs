//! The impact level as incident cards and feed entries show it: labelled, never a bare word.

use super::Context;
use crate::model::Impact;

/// `Impact: major`, `Schweregrad: hoch`, `影響度：重大`, in the language's own separator;
/// empty for `none`, which a card leaves out rather than saying "Impact: none".
pub(super) fn label(ctx: &Context, impact: Impact) -> String {
    if impact == Impact::None {
        return String::new();
    }
    format!(
        "{}{}{}",
        ctx.text("label-severity"),
        ctx.text("label-separator"),
        ctx.keyword("severity", impact)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::localize::Localizer;
    use crate::model::Lang;

    #[test]
    fn a_card_labels_the_impact_in_every_language_and_leaves_out_none() {
        let localizer = Localizer::load(None).unwrap();
        let label = |lang, impact| label(&Context::new(&localizer, lang, chrono_tz::UTC), impact);
        assert_eq!(label(Lang::En, Impact::Major), "Impact: major");
        assert_eq!(label(Lang::De, Impact::Major), "Schweregrad: hoch");
        assert_eq!(label(Lang::Ja, Impact::Major), "影響度：重大");
        assert_eq!(label(Lang::Zh, Impact::Major), "影响级别：重大");
        assert_eq!(label(Lang::De, Impact::Minor), "Schweregrad: niedrig");
        assert_eq!(label(Lang::Ja, Impact::Critical), "影響度：甚大");
        assert_eq!(label(Lang::Zh, Impact::Critical), "影响级别：特别重大");
        for &lang in Lang::ALL {
            assert_eq!(label(lang, Impact::None), "", "{lang}");
        }
    }
}
