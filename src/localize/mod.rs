//! Localize stage: a record, its overlay and the messages of a language -> a localized view.

mod cldr;
pub mod format;
pub mod maintenance;
pub mod messages;
pub mod metrics;
pub mod postmortem;
pub mod site;
mod zone;
pub(crate) use std::path::Path;

pub use messages::Messages;
pub(crate) use postmortem::Postmortem;
pub use postmortem::{Options, postmortem};
pub(crate) use site::SiteView;
pub use site::site;

use crate::model::Lang;
use format::DateFormats;

/// Everything needed to speak every language: messages and date formats, built once.
#[derive(Debug)]
pub struct Localizer {
    pub messages: Messages,
    dates: Vec<DateFormats>,
}

impl Localizer {
    /// The built-in locales with the project's `<root>/locales/` over them.
    pub fn load(root: Option<&Path>) -> anyhow::Result<Localizer> {
        let messages = Messages::load(root)?;
        let dates = Lang::ALL
            .iter()
            .map(|&lang| DateFormats::new(lang))
            .collect::<anyhow::Result<_>>()?;
        Ok(Localizer { messages, dates })
    }

    pub fn dates(&self, lang: Lang) -> &DateFormats {
        &self.dates[lang.index()]
    }
}
