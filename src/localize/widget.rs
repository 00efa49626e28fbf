//! The status widgets' own words: "as of <build time>" in each language.

use chrono::{DateTime, Utc};

use super::Localizer;
use super::postmortem::Context;
use crate::model::{Lang, SiteConfig};

/// "As of <now>" in `lang`, the time in the site's zone: a widget shows when its status was
/// true, since it changes only with a build.
pub(crate) fn as_of(
    now: DateTime<Utc>,
    lang: Lang,
    config: &SiteConfig,
    localizer: &Localizer,
) -> String {
    let ctx = Context::new(localizer, lang, config.timezone);
    ctx.format("site-widget-as-of", &[("datetime", ctx.instant(now))])
}
