//! What the server knows of one connection while it lasts: its kill switch,
//! what the log line will say, and where it is (logged in, reading).

use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Instant;

use super::guard::Switch;
use super::inbox::Inbox;
use super::log::{End, Record};

/// Where a connection is.
#[derive(Debug, Clone, Default)]
pub enum Phase {
    /// Connecting and logging in.
    #[default]
    Login,
    /// Logged in at this time; nothing running.
    Idle(Instant),
    /// A reader (with its inbox) or the plain view is running.
    Running(Option<Arc<Inbox>>),
}

/// The changing part of a connection.
#[derive(Debug, Default)]
pub struct Info {
    /// What the log line says.
    pub record: Record,
    /// Where it is.
    pub phase: Phase,
    /// Why it ended, once known.
    pub end: Option<End>,
}

/// One connection.
#[derive(Debug)]
pub struct Conn {
    /// Ends it.
    pub switch: Arc<Switch>,
    /// When it was accepted.
    pub started: Instant,
    info: Mutex<Info>,
}

impl Conn {
    /// A connection accepted now.
    pub fn new(record: Record) -> Arc<Self> {
        Arc::new(Self {
            switch: Arc::new(Switch::default()),
            started: Instant::now(),
            info: Mutex::new(Info {
                record,
                ..Info::default()
            }),
        })
    }

    /// Its changing part.
    pub fn info(&self) -> MutexGuard<'_, Info> {
        self.info.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Ends it for `why`: a running reader says goodbye first, anything
    /// else is dropped at once.
    pub fn end(&self, why: End) {
        let inbox = {
            let mut info = self.info();
            info.end.get_or_insert(why);
            match &info.phase {
                Phase::Running(Some(inbox)) => Some(Arc::clone(inbox)),
                _ => None,
            }
        };
        match inbox {
            Some(inbox) => inbox.end(why),
            None => self.switch.kill(),
        }
    }

    /// The connection is gone: a reader still waiting for keys stops (its
    /// own reason, if it has one, is kept).
    pub fn gone(&self) {
        if let Phase::Running(Some(inbox)) = &self.info().phase {
            inbox.end(End::Closed);
        }
    }

    /// Ends it at once for `why`, without a goodbye.
    pub fn kill(&self, why: End) {
        self.info().end.get_or_insert(why);
        self.switch.kill();
    }

    /// The session ended for `why`: logged in and idle again.
    pub fn session_done(&self, why: End) {
        let mut info = self.info();
        info.end.get_or_insert(why);
        info.phase = Phase::Idle(Instant::now());
    }
}
