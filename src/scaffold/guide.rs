//! The guidance comments of a new record: the `guide-*` messages of `locales/<lang>/new.ftl`
//! (a project's own file overrides them), as the map templates read as `g.<key>`.

use std::collections::BTreeMap;

use crate::localize::Messages;
use crate::model::Lang;

/// The guidance of `lang` by key without its `guide_` prefix (`g.root_cause`).
pub(crate) fn guide(messages: &Messages, lang: Lang) -> BTreeMap<String, String> {
    messages
        .plain(lang)
        .iter()
        .filter_map(|(id, text)| Some((id.strip_prefix("guide_")?.to_string(), text.clone())))
        .collect()
}
