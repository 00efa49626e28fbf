//! Ctrl-C and termination signals: what an interrupted command must not leave behind.
//!
//! Outside a write, an interrupted command simply ends: nothing is half done. During a
//! write, the signal is noted and the write stops at its next step, removes what it staged,
//! and returns [`Interrupted`], so the previous output stays whole and no debris is left.

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

/// Whether a write is under way. The mutex makes "no write is under way, so end now" and
/// "a write starts" exclusive.
static WRITING: Mutex<bool> = Mutex::new(false);
static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// The error a write returns when it was interrupted; the command exits with 130.
#[derive(Debug)]
pub struct Interrupted;

impl std::fmt::Display for Interrupted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("interrupted; the previous output is unchanged")
    }
}

impl std::error::Error for Interrupted {}

/// Called from the signal handler: whether the process may end at once. When a write is
/// under way, the write is asked to stop instead.
pub fn on_signal() -> bool {
    let writing = WRITING
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    INTERRUPTED.store(true, Ordering::SeqCst);
    !*writing
}

/// Marks a write as under way until it is dropped.
pub(crate) struct Writing(());

impl Writing {
    /// Starts a write, unless a signal came first.
    pub(crate) fn start() -> Result<Writing, Interrupted> {
        let mut writing = WRITING
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if INTERRUPTED.load(Ordering::SeqCst) {
            return Err(Interrupted);
        }
        *writing = true;
        Ok(Writing(()))
    }

    /// Fails once a signal has come; a write calls this between its steps.
    pub(crate) fn check(&self) -> Result<(), Interrupted> {
        if INTERRUPTED.load(Ordering::SeqCst) {
            Err(Interrupted)
        } else {
            Ok(())
        }
    }
}

impl Drop for Writing {
    fn drop(&mut self) {
        *WRITING
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = false;
    }
}
