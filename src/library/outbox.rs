//! Where background work sends its news: a channel, and a call that wakes
//! whoever reads it (the event loop), so news is taken in at once rather
//! than at the next key.

use std::sync::Arc;
use std::sync::mpsc;

/// Called after each message sent.
pub type Wake = Arc<dyn Fn() + Send + Sync>;

/// A sending end that wakes the reader after each message.
pub struct Outbox<E> {
    tx: mpsc::Sender<E>,
    wake: Option<Wake>,
}

impl<E> Outbox<E> {
    /// Sends into `tx`, calling `wake` after each message.
    pub fn new(tx: mpsc::Sender<E>, wake: Option<Wake>) -> Self {
        Self { tx, wake }
    }

    /// Sends `event` and wakes the reader.
    ///
    /// # Errors
    /// When the reader is gone (the work can stop).
    pub fn send(&self, event: E) -> Result<(), mpsc::SendError<E>> {
        self.tx.send(event)?;
        if let Some(wake) = &self.wake {
            wake();
        }
        Ok(())
    }
}
