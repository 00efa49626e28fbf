//! Starting things: a new project (`init`) and a new record from a template (`new`), with the
//! ids (slugs) a record's file name is made of. Writes go through [`crate::publish`], and never
//! over an existing file.

mod guide;
pub mod init;
pub mod new;
pub mod slug;

pub use init::{Initialized, init};
pub use new::{NewRecord, Written, new_record};
