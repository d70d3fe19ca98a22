//! Places for searches to run in: many served readers may search at once,
//! but only so many searches use the processor at a time; the others wait
//! their turn (and stop waiting when cancelled).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::time::Duration;

/// How often a waiting search looks whether it was cancelled.
const CANCEL_CHECK: Duration = Duration::from_millis(100);

/// A fixed number of places.
#[derive(Debug)]
pub struct Slots {
    free: Mutex<usize>,
    freed: Condvar,
}

/// A place held; dropping it gives it back.
#[derive(Debug)]
pub struct Slot {
    slots: Arc<Slots>,
}

impl Slots {
    /// `n` places (at least one).
    pub fn new(n: usize) -> Arc<Self> {
        Arc::new(Self {
            free: Mutex::new(n.max(1)),
            freed: Condvar::new(),
        })
    }

    /// Waits for a place; `None` once `cancel` is set.
    pub fn take(self: &Arc<Self>, cancel: &AtomicBool) -> Option<Slot> {
        let mut free = self.free.lock().unwrap_or_else(PoisonError::into_inner);
        loop {
            if cancel.load(Ordering::Relaxed) {
                return None;
            }
            if *free > 0 {
                *free -= 1;
                return Some(Slot {
                    slots: Arc::clone(self),
                });
            }
            free = self
                .freed
                .wait_timeout(free, CANCEL_CHECK)
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
    }

    /// Places free now.
    pub fn free(&self) -> usize {
        *self.free.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        *self
            .slots
            .free
            .lock()
            .unwrap_or_else(PoisonError::into_inner) += 1;
        self.slots.freed.notify_one();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_next_waits_for_a_free_place_and_a_cancelled_one_stops_waiting() {
        let slots = Slots::new(1);
        let never = AtomicBool::new(false);
        let held = slots.take(&never).unwrap();
        assert_eq!(slots.free(), 0);
        let waiting = Arc::clone(&slots);
        let next = std::thread::spawn(move || waiting.take(&AtomicBool::new(false)).is_some());
        let cancelled = AtomicBool::new(true);
        assert!(slots.take(&cancelled).is_none());
        drop(held);
        assert!(next.join().unwrap());
        assert_eq!(slots.free(), 1, "both places given back");
    }
}
