//! `hindsight notify`: what changed on the public page since a previous state, told to
//! subscribers (webhooks, chat, e-mail) exactly once. The events are computed from public
//! facts only, the same the site shows; drafts, reviews and `internal` never go out.

pub(crate) mod current;
pub mod deliver;
pub(crate) mod events;
pub(crate) mod http;
pub mod log;
pub mod message;
pub(crate) mod state;
pub(crate) mod webhook;
