//! The server's limits, each with a flag and a default.

use std::time::Duration;

/// Every limit the server keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Connections at once, in all: a memory budget divided by the
    /// measured worst cost of a session.
    pub max_sessions: usize,
    /// Connections at once from one address (IPv6: one /64).
    pub max_per_ip: usize,
    /// New connections a minute from one address.
    pub rate_per_ip: u32,
    /// Connections at once that have not logged in yet.
    pub max_unauthenticated: usize,
    /// From connecting to logged in.
    pub login: Duration,
    /// Logged in without a reader running.
    pub no_session: Duration,
    /// Without a keystroke (keepalives do not count).
    pub idle: Duration,
    /// A session's whole length.
    pub max_session: Duration,
    /// Output the client does not take.
    pub stall: Duration,
    /// Input not yet read by the reader: more is a flood.
    pub max_pending_input: usize,
}

/// What a session costs at most, measured (`cargo bench --bench memory`:
/// 2.4 MiB for the app, screen and frame at the largest size, 300x100,
/// plus the SSH connection and thread), rounded up.
pub const SESSION_BUDGET_BYTES: usize = 4 << 20;
/// The memory the default number of sessions may take.
pub const DEFAULT_MEMORY_BUDGET: usize = 1 << 30;

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_sessions: DEFAULT_MEMORY_BUDGET / SESSION_BUDGET_BYTES,
            max_per_ip: 4,
            rate_per_ip: 10,
            max_unauthenticated: 64,
            login: Duration::from_secs(10),
            no_session: Duration::from_secs(10),
            idle: Duration::from_secs(15 * 60),
            max_session: Duration::from_secs(2 * 60 * 60),
            stall: Duration::from_secs(10),
            max_pending_input: 4096,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_session_cap_is_the_memory_budget_over_the_measured_cost() {
        assert_eq!(Limits::default().max_sessions, 256);
    }
}
