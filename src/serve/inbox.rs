//! What a served reader receives: typed bytes, the latest window size and a
//! request to end, put in by the SSH side without ever waiting, taken out by
//! the reader's event loop. Bounded: more unread input than the limit is a
//! flood, and everything typed while a frame is on its way goes into the
//! next one.

use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use super::log::End;
use crate::terminal::event_loop::{Event, Next, Source};

/// Largest terminal a served reader draws (columns, rows).
pub const MAX_SIZE: (u16, u16) = (300, 100);

#[derive(Debug)]
struct State {
    bytes: Vec<u8>,
    resized: bool,
    /// Work elsewhere (a library search) has news.
    woken: bool,
    size: (u16, u16),
    end: Option<End>,
    last_key: Instant,
}

/// A served reader's input.
#[derive(Debug)]
pub struct Inbox {
    state: Mutex<State>,
    ready: Condvar,
    started: Instant,
    idle: Duration,
    max_length: Duration,
    max_pending: usize,
}

/// More input arrived than the reader has read, past the limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Flood;

impl Inbox {
    /// An inbox for a terminal of `size` (capped), ending the session after
    /// `idle` without a key or `max_length` in all.
    pub fn new(size: (u32, u32), idle: Duration, max_length: Duration, max_pending: usize) -> Self {
        let now = Instant::now();
        Self {
            state: Mutex::new(State {
                bytes: Vec::new(),
                resized: false,
                woken: false,
                size: capped_size(size),
                end: None,
                last_key: now,
            }),
            ready: Condvar::new(),
            started: now,
            idle,
            max_length,
            max_pending,
        }
    }

    fn state(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Bytes the client typed.
    ///
    /// # Errors
    /// [`Flood`] when the reader has not taken enough of the earlier ones:
    /// the session is to end.
    pub fn push(&self, bytes: &[u8]) -> Result<(), Flood> {
        let mut s = self.state();
        if s.bytes.len().saturating_add(bytes.len()) > self.max_pending {
            s.end.get_or_insert(End::Flood);
            drop(s);
            self.ready.notify_all();
            return Err(Flood);
        }
        s.bytes.extend_from_slice(bytes);
        s.last_key = Instant::now();
        drop(s);
        self.ready.notify_all();
        Ok(())
    }

    /// The client's window has a new size (capped; the latest wins).
    pub fn resize(&self, size: (u32, u32)) {
        let mut s = self.state();
        s.size = capped_size(size);
        s.resized = true;
        drop(s);
        self.ready.notify_all();
    }

    /// Work going on for the reader has news (not a key: the idle clock
    /// goes on).
    pub fn wake(&self) {
        self.state().woken = true;
        self.ready.notify_all();
    }

    /// The terminal's size now.
    pub fn size(&self) -> (u16, u16) {
        self.state().size
    }

    /// Ends the session for `why` (the first reason given is kept).
    pub fn end(&self, why: End) {
        self.state().end.get_or_insert(why);
        self.ready.notify_all();
    }

    /// Why the session was ended from outside, if it was.
    pub fn ended(&self) -> Option<End> {
        self.state().end
    }

    /// What is there now, ending the session past its deadlines.
    fn take(&self, s: &mut State, now: Instant) -> Next {
        if s.end.is_none() {
            if now.saturating_duration_since(s.last_key) >= self.idle {
                s.end = Some(End::Idle);
            } else if now.saturating_duration_since(self.started) >= self.max_length {
                s.end = Some(End::MaxLength);
            }
        }
        if s.end.is_some() {
            return Next::Gone;
        }
        if !s.bytes.is_empty() {
            return Next::Event(Event::Bytes(std::mem::take(&mut s.bytes)));
        }
        if std::mem::take(&mut s.resized) {
            return Next::Event(Event::Resize);
        }
        if std::mem::take(&mut s.woken) {
            return Next::Event(Event::Wake);
        }
        Next::Empty
    }

    /// When the session ends if nothing happens.
    fn deadline(&self, s: &State) -> Instant {
        (s.last_key + self.idle).min(self.started + self.max_length)
    }

    /// Waits until there is something or `until` passes.
    fn wait_until(&self, until: Option<Instant>) -> Next {
        let mut s = self.state();
        loop {
            let now = Instant::now();
            match self.take(&mut s, now) {
                Next::Empty => {}
                found => return found,
            }
            let wake = until.map_or(self.deadline(&s), |u| u.min(self.deadline(&s)));
            if until.is_some_and(|u| now >= u) {
                return Next::Empty;
            }
            let wait = wake
                .saturating_duration_since(now)
                .max(Duration::from_millis(1));
            s = self
                .ready
                .wait_timeout(s, wait)
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
    }
}

impl Source for &Inbox {
    fn wait(&mut self) -> Next {
        self.wait_until(None)
    }

    fn ready(&mut self) -> Next {
        let mut s = self.state();
        self.take(&mut s, Instant::now())
    }

    fn wait_for(&mut self, timeout: Duration) -> Next {
        self.wait_until(Some(Instant::now() + timeout))
    }
}

/// A size from the client, within 1x1 and [`MAX_SIZE`].
pub fn capped_size((w, h): (u32, u32)) -> (u16, u16) {
    let fit = |n: u32, max: u16| u16::try_from(n.clamp(1, u32::from(max))).unwrap_or(max);
    (fit(w, MAX_SIZE.0), fit(h, MAX_SIZE.1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inbox() -> Inbox {
        Inbox::new(
            (80, 24),
            Duration::from_secs(60),
            Duration::from_secs(600),
            16,
        )
    }

    #[test]
    fn bytes_typed_meanwhile_come_out_together() {
        let inbox = inbox();
        inbox.push(b"jj").unwrap();
        inbox.push(b"k").unwrap();
        let mut source = &inbox;
        match source.ready() {
            Next::Event(Event::Bytes(b)) => assert_eq!(b, b"jjk"),
            other => panic!("{other:?}"),
        }
        assert!(matches!(source.ready(), Next::Empty));
    }

    #[test]
    fn more_unread_input_than_the_limit_is_a_flood() {
        let inbox = inbox();
        inbox.push(&[b'j'; 10]).unwrap();
        assert_eq!(inbox.push(&[b'j'; 10]), Err(Flood));
        assert_eq!(inbox.ended(), Some(End::Flood));
        let mut source = &inbox;
        assert!(matches!(source.wait(), Next::Gone));
    }

    #[test]
    fn sizes_are_capped_and_the_latest_wins() {
        let inbox = inbox();
        inbox.resize((u32::MAX, u32::MAX));
        assert_eq!(inbox.size(), MAX_SIZE);
        inbox.resize((0, 0));
        assert_eq!(inbox.size(), (1, 1));
        inbox.resize((120, 40));
        let mut source = &inbox;
        assert!(matches!(source.ready(), Next::Event(Event::Resize)));
        assert!(matches!(source.ready(), Next::Empty), "one resize for many");
        assert_eq!(inbox.size(), (120, 40));
    }

    #[test]
    fn no_key_for_the_idle_time_ends_the_session() {
        let inbox = Inbox::new(
            (80, 24),
            Duration::from_millis(50),
            Duration::from_secs(60),
            16,
        );
        let mut source = &inbox;
        let start = Instant::now();
        assert!(matches!(source.wait(), Next::Gone));
        assert!(start.elapsed() >= Duration::from_millis(50));
        assert_eq!(inbox.ended(), Some(End::Idle));
    }

    #[test]
    fn typing_does_not_outlast_the_longest_session() {
        let inbox = Inbox::new(
            (80, 24),
            Duration::from_secs(60),
            Duration::from_millis(60),
            16,
        );
        let mut source = &inbox;
        let start = Instant::now();
        loop {
            inbox.push(b"j").unwrap();
            match source.wait_for(Duration::from_millis(5)) {
                Next::Gone => break,
                _ => assert!(start.elapsed() < Duration::from_secs(5)),
            }
        }
        assert_eq!(inbox.ended(), Some(End::MaxLength));
    }

    #[test]
    fn an_end_from_outside_wakes_a_waiting_reader() {
        let inbox = std::sync::Arc::new(inbox());
        let waiting = std::sync::Arc::clone(&inbox);
        let reader = std::thread::spawn(move || {
            let mut source = &*waiting;
            matches!(source.wait(), Next::Gone)
        });
        std::thread::sleep(Duration::from_millis(20));
        inbox.end(End::Shutdown);
        assert!(reader.join().unwrap());
        assert_eq!(inbox.ended(), Some(End::Shutdown));
    }

    #[test]
    fn news_from_elsewhere_wakes_the_reader_but_is_not_a_key() {
        let inbox = std::sync::Arc::new(Inbox::new(
            (80, 24),
            Duration::from_secs(60),
            Duration::from_secs(600),
            16,
        ));
        let waking = std::sync::Arc::clone(&inbox);
        let waker = std::thread::spawn(move || {
            for _ in 0..3 {
                std::thread::sleep(Duration::from_millis(20));
                waking.wake();
            }
        });
        let mut source = &*inbox;
        assert!(matches!(source.wait(), Next::Event(Event::Wake)));
        waker.join().unwrap();
        assert!(matches!(source.ready(), Next::Event(Event::Wake)));
        assert!(matches!(source.ready(), Next::Empty), "one wake for many");
        assert_eq!(
            inbox.state().last_key,
            inbox.started,
            "idle since the start"
        );
    }
}
