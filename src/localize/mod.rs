//! Localize stage: a record, its overlay and the messages of a language -> a localized view.

pub mod format;
pub mod messages;

pub use messages::Messages;
