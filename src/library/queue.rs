//! Files shared out to worker threads: each worker takes the next one when
//! it is free (a slow file holds up only its own worker), until none is
//! left or the work is cancelled. The loader, the search and the indexer
//! all work this way.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// The items left to do, shared by the workers.
pub struct Queue<'a, T> {
    items: &'a [T],
    next: AtomicUsize,
    cancel: &'a AtomicBool,
}

impl<'a, T> Queue<'a, T> {
    /// A queue of `items` that stops giving any out once `cancel` is set.
    pub fn new(items: &'a [T], cancel: &'a AtomicBool) -> Self {
        Self {
            items,
            next: AtomicUsize::new(0),
            cancel,
        }
    }

    /// The next item with its index, or `None` when all are taken or the
    /// work is cancelled.
    pub fn take(&self) -> Option<(usize, &'a T)> {
        if self.cancel.load(Ordering::Relaxed) {
            return None;
        }
        let i = self.next.fetch_add(1, Ordering::Relaxed);
        self.items.get(i).map(|item| (i, item))
    }

    /// How many workers to start for `threads`: at least one, at most one
    /// per item.
    pub fn workers(&self, threads: usize) -> usize {
        threads.clamp(1, self.items.len().max(1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_item_is_taken_once_across_threads_and_none_after_cancel() {
        let items: Vec<usize> = (0..1000).collect();
        let cancel = AtomicBool::new(false);
        let queue = Queue::new(&items, &cancel);
        let mut taken: Vec<usize> = std::thread::scope(|s| {
            let workers: Vec<_> = (0..queue.workers(4))
                .map(|_| {
                    s.spawn(|| {
                        let mut mine = Vec::new();
                        while let Some((i, &item)) = queue.take() {
                            assert_eq!(i, item);
                            mine.push(item);
                        }
                        mine
                    })
                })
                .collect();
            workers
                .into_iter()
                .flat_map(|w| w.join().unwrap())
                .collect()
        });
        taken.sort_unstable();
        assert_eq!(taken, items);
        assert_eq!(queue.workers(4), 4);
        assert_eq!(Queue::new(&items[..2], &cancel).workers(4), 2);
        assert_eq!(Queue::<u8>::new(&[], &cancel).workers(4), 1);

        let queue = Queue::new(&items, &cancel);
        assert_eq!(queue.take(), Some((0, &0)));
        cancel.store(true, Ordering::Relaxed);
        assert_eq!(queue.take(), None);
    }
}
