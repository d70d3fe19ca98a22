//! Where background work sends its news: a channel, and a call that wakes
//! whoever reads it (the event loop), so news is taken in at once rather
//! than at the next key; and the [`Job`] that runs such work on a thread
//! and reads its news.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};
use std::thread;
use std::time::Duration;

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
/// Work running on a background thread, sending events; dropping it
/// cancels it (the work looks at the flag between two steps).
#[derive(Debug)]
pub struct Job<E> {
    events: mpsc::Receiver<E>,
    cancel: Arc<AtomicBool>,
}

impl<E: Send + 'static> Job<E> {
    /// Runs `work` on a thread called `name`, with the cancel flag and the
    /// outbox its events go to (`wake` called after each).
    pub fn spawn(
        name: &str,
        wake: Option<Wake>,
        work: impl FnOnce(&AtomicBool, &Outbox<E>) + Send + 'static,
    ) -> Self {
        let (tx, events) = mpsc::channel();
        let tx = Outbox::new(tx, wake);
        let cancel = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&cancel);
        let spawned = thread::Builder::new()
            .name(name.into())
            .spawn(move || work(&flag, &tx));
        let job = Self { events, cancel };
        if spawned.is_err() {
            // No thread: the channel is closed and reads as finished.
            job.cancel();
        }
        job
    }
}

impl<E> Job<E> {
    /// The next event, if one is waiting.
    pub fn try_recv(&self) -> Option<E> {
        self.events.try_recv().ok()
    }

    /// The next event, waiting at most `timeout`.
    pub fn recv_timeout(&self, timeout: Duration) -> Option<E> {
        self.events.recv_timeout(timeout).ok()
    }

    /// The next event, waiting for it; `None` once the work has ended.
    pub fn recv(&self) -> Option<E> {
        self.events.recv().ok()
    }

    /// Stops the work soon; events already sent stay readable.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}

impl<E> Drop for Job<E> {
    fn drop(&mut self) {
        self.cancel();
    }
}
