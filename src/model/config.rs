//! The status site's configuration (DESIGN.md §4): `site/config.yaml`.

use std::collections::BTreeMap;

use chrono_tz::Tz;

use super::{Lang, RuleId, RuleLevel, Spanned};

#[derive(Debug, Clone, PartialEq)]
pub struct SiteConfig {
    pub title: LocalizedText,
    pub base_url: Option<Spanned<String>>,
    /// The first is the default language. Never empty.
    pub languages: Vec<Lang>,
    pub timezone: Tz,
    pub components: Vec<Component>,
    /// Per-rule severity overrides.
    pub lint: BTreeMap<RuleId, Spanned<RuleLevel>>,
    /// The channels `hindsight notify` tells.
    pub notify: Vec<super::NotifyChannel>,
}

impl Default for SiteConfig {
    fn default() -> Self {
        SiteConfig {
            title: LocalizedText::Same("Status".into()),
            base_url: None,
            languages: vec![Lang::En],
            timezone: Tz::UTC,
            components: Vec::new(),
            lint: BTreeMap::new(),
            notify: Vec::new(),
        }
    }
}

impl SiteConfig {
    /// The site's default language: the first one listed.
    pub(crate) fn default_lang(&self) -> Lang {
        self.languages[0]
    }

    pub(crate) fn component(&self, id: &str) -> Option<&Component> {
        self.components.iter().find(|c| c.id.value == id)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Component {
    pub id: Spanned<String>,
    pub name: LocalizedText,
    pub group: Option<LocalizedText>,
    pub description: Option<LocalizedText>,
}

/// A text given once for every language, or per language.
#[derive(Debug, Clone, PartialEq)]
pub enum LocalizedText {
    Same(String),
    PerLanguage(BTreeMap<Lang, String>),
}

impl LocalizedText {
    /// The text in `lang`, else in `fallback`, else any.
    pub(crate) fn get(&self, lang: Lang, fallback: Lang) -> &str {
        match self {
            LocalizedText::Same(text) => text,
            LocalizedText::PerLanguage(map) => map
                .get(&lang)
                .or_else(|| map.get(&fallback))
                .or_else(|| map.values().next())
                .map_or("", String::as_str),
        }
    }
}
