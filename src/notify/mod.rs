//! `hindsight notify`: what changed on the public page since a previous state, told to
//! subscribers (webhooks, chat, e-mail) exactly once. The events are computed from public
//! facts only, the same the site shows; drafts, reviews and `internal` never go out.

pub(crate) mod current;
pub(crate) mod events;
pub mod message;
pub(crate) mod state;
