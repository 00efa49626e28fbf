//! `hindsight notify`: what changed on the public page since a previous state, told to
//! subscribers (webhooks, chat, e-mail) exactly once. The events are computed from public
//! facts only, the same the site shows; drafts, reviews and `internal` never go out.

pub(crate) mod current;
pub mod deliver;
pub(crate) mod email;
pub(crate) mod events;
pub(crate) mod format;
pub(crate) mod http;
pub mod log;
pub mod message;
pub mod previous;
pub mod start;
pub(crate) mod state;
pub(crate) mod webhook;

/// A real SMTP server on 127.0.0.1 for the e-mail and delivery tests.
#[cfg(test)]
#[path = "../../tests/common/smtp_server.rs"]
#[allow(unreachable_pub, dead_code)]
pub(crate) mod smtp_test_server;

use chrono::{DateTime, Utc};

use crate::project::Project;
pub use deliver::{ChannelReport, Delivery, Run, Status, deliver, pending};
pub use log::{DeliveryLog, LogLock};
pub use message::{Event, EventKind, EventText};
pub use previous::Previous;
pub use start::{Asked, Start, start};

/// The events from `previous` to the project's current public page at `now`; none when
/// there was nothing before (a first run records nothing and sends nothing).
pub fn events_since(
    project: &Project,
    previous: &Previous,
    now: DateTime<Utc>,
) -> anyhow::Result<Vec<Event>> {
    let Previous::State(previous) = previous else {
        return Ok(Vec::new());
    };
    let base = crate::build::base_url(&project.corpus)?;
    let page = current::page(&project.corpus, project.assets()?, &base, now);
    Ok(events::events(previous, &page))
}
