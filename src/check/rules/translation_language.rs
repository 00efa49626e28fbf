//! `translation-language`: an overlay whose language is unknown, inconsistent or the record's own.

use crate::check::{OverlayCheck, Scope, declare_rule};
use crate::diagnostic::{Finding, Span};
use crate::model::{Keyword, Lang};

declare_rule! {
    /// An overlay's language is not one hindsight renders, disagrees with its file name, or
    /// is the record's own language.
    ///
    /// An overlay `incidents/<id>.<lang>.yaml` translates a record into `<lang>`, one of
    /// en, de, ja and zh, and says so again in its `lang:` field. When the two disagree, it is
    /// unclear which language the text is in; an overlay in the record's own language would
    /// replace the original text with a copy of itself.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// # incidents/2023-12-17-x.de.yaml, for a record with `lang: en`
    /// lang: en
    /// ```
    ///
    /// ## Fix
    ///
    /// Name the file after the language of its text and write the same language in `lang:`.
    /// Delete an overlay in the record's own language; edit the record instead.
    pub TRANSLATION_LANGUAGE = TranslationLanguage, Error, Scope::Overlay(check)
}

fn check(subject: &OverlayCheck<'_>) -> Vec<Finding> {
    let file = subject.file;
    let Some(tag) = Lang::parse(&file.lang_tag) else {
        return vec![
            Finding::new(
                TRANSLATION_LANGUAGE.id,
                Span::file_start(),
                format!(
                    "the file name says the language is `{}`, which hindsight does not render",
                    file.lang_tag
                ),
            )
            .help(format!(
                "overlays are named `<record id>.<lang>.yaml` with lang one of: {}",
                Lang::NAMES.join(", ")
            )),
        ];
    };
    let Some(overlay) = &file.overlay else {
        return Vec::new();
    };
    let mut findings = Vec::new();
    if overlay.lang.value != tag {
        findings.push(
            Finding::new(
                TRANSLATION_LANGUAGE.id,
                overlay.lang.span,
                format!(
                    "`lang: {}` disagrees with the file name, which says `{tag}`",
                    overlay.lang.value
                ),
            )
            .help("make the file name and `lang:` name the language the text is written in"),
        );
    }
    if let Some(record) = subject.record
        && record.lang.value == overlay.lang.value
    {
        findings.push(
            Finding::new(
                TRANSLATION_LANGUAGE.id,
                overlay.lang.span,
                format!("the record is already in `{}`; an overlay must translate it into another language", record.lang.value),
            )
            .help("delete this overlay and edit the record itself"),
        );
    }
    findings
}
