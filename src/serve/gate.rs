//! Who may connect: at most so many connections in all, from one address,
//! not yet logged in, and new ones a minute from one address (a token
//! bucket). A pure piece of state with the clock passed in, so each limit is
//! tested on its own; a ticket given out keeps its place until dropped.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use super::limits::Limits;

/// Most addresses remembered for the rate limit; past this the oldest
/// buckets are forgotten (a flood of addresses cannot grow the table).
const MAX_BUCKETS: usize = 65_536;
/// New connections one address may make at once before the rate applies:
/// half a minute's worth, and at least this many.
const MIN_BURST: f64 = 5.0;

/// Why a connection was turned away.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The server holds as many connections as it may.
    Full,
    /// This address holds as many as it may.
    PerAddress,
    /// This address connected too often lately.
    Rate,
    /// Too many connections have not logged in yet.
    Unauthenticated,
}

impl Refusal {
    /// How the log names it.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Full => "full",
            Self::PerAddress => "per-address",
            Self::Rate => "rate",
            Self::Unauthenticated => "unauthenticated",
        }
    }
}

#[derive(Debug)]
struct Bucket {
    tokens: f64,
    at: Instant,
}

#[derive(Debug, Default)]
struct State {
    total: usize,
    unauthenticated: usize,
    per_address: HashMap<IpAddr, usize>,
    buckets: HashMap<IpAddr, Bucket>,
}

/// The admission state, shared by the accept loop and the connections.
#[derive(Debug)]
pub struct Gate {
    limits: Limits,
    state: Mutex<State>,
}

/// A connection's place; dropping it gives the place back.
#[derive(Debug)]
pub struct Ticket {
    gate: Arc<Gate>,
    address: IpAddr,
    authenticated: bool,
}

impl Gate {
    /// A gate keeping `limits`.
    pub fn new(limits: Limits) -> Arc<Self> {
        Arc::new(Self {
            limits,
            state: Mutex::new(State::default()),
        })
    }

    fn state(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Lets a connection from `address` in, or says why not.
    ///
    /// # Errors
    /// The limit it would break.
    pub fn admit(self: &Arc<Self>, address: IpAddr, now: Instant) -> Result<Ticket, Refusal> {
        let address = group(address);
        let limits = self.limits;
        let mut s = self.state();
        if s.total >= limits.max_sessions {
            return Err(Refusal::Full);
        }
        if s.unauthenticated >= limits.max_unauthenticated {
            return Err(Refusal::Unauthenticated);
        }
        if s.per_address.get(&address).copied().unwrap_or(0) >= limits.max_per_ip {
            return Err(Refusal::PerAddress);
        }
        if !take_token(&mut s.buckets, address, limits.rate_per_ip, now) {
            return Err(Refusal::Rate);
        }
        s.total += 1;
        s.unauthenticated += 1;
        *s.per_address.entry(address).or_insert(0) += 1;
        Ok(Ticket {
            gate: Arc::clone(self),
            address,
            authenticated: false,
        })
    }

    /// Connections held now, in all.
    pub fn connections(&self) -> usize {
        self.state().total
    }
}

impl Ticket {
    /// The connection logged in: it no longer counts as unauthenticated.
    pub fn authenticated(&mut self) {
        if !self.authenticated {
            self.authenticated = true;
            let mut s = self.gate.state();
            s.unauthenticated = s.unauthenticated.saturating_sub(1);
        }
    }
}

impl Drop for Ticket {
    fn drop(&mut self) {
        let mut s = self.gate.state();
        s.total = s.total.saturating_sub(1);
        if !self.authenticated {
            s.unauthenticated = s.unauthenticated.saturating_sub(1);
        }
        if let Some(n) = s.per_address.get_mut(&self.address) {
            *n = n.saturating_sub(1);
            if *n == 0 {
                s.per_address.remove(&self.address);
            }
        }
    }
}

/// One token from `address`'s bucket, refilled at `per_minute`.
fn take_token(
    buckets: &mut HashMap<IpAddr, Bucket>,
    address: IpAddr,
    per_minute: u32,
    now: Instant,
) -> bool {
    if buckets.len() >= MAX_BUCKETS && !buckets.contains_key(&address) {
        // Full buckets hold no information: forget those first.
        // Untouched for five minutes, a bucket is full at any rate >= 1.
        let full = Duration::from_secs(300);
        buckets.retain(|_, b| now.saturating_duration_since(b.at) < full);
        if buckets.len() >= MAX_BUCKETS {
            buckets.clear();
        }
    }
    let rate = f64::from(per_minute) / 60.0;
    let burst = (f64::from(per_minute) / 2.0).max(MIN_BURST);
    let bucket = buckets.entry(address).or_insert(Bucket {
        tokens: burst,
        at: now,
    });
    let elapsed = now.saturating_duration_since(bucket.at).as_secs_f64();
    bucket.tokens = (bucket.tokens + elapsed * rate).min(burst);
    bucket.at = now;
    if bucket.tokens >= 1.0 {
        bucket.tokens -= 1.0;
        true
    } else {
        false
    }
}

/// Addresses that belong to one client: an IPv6 /64 is one household.
fn group(address: IpAddr) -> IpAddr {
    match address {
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return IpAddr::V4(v4);
            }
            let [a, b, c, d, ..] = v6.segments();
            IpAddr::V6(std::net::Ipv6Addr::new(a, b, c, d, 0, 0, 0, 0))
        }
        v4 @ IpAddr::V4(_) => v4,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limits() -> Limits {
        Limits {
            max_sessions: 6,
            max_per_ip: 4,
            rate_per_ip: 10,
            max_unauthenticated: 5,
            ..Limits::default()
        }
    }

    fn ip(n: u8) -> IpAddr {
        IpAddr::from([10, 0, 0, n])
    }

    #[test]
    fn one_address_gets_four_at_once() {
        let gate = Gate::new(limits());
        let now = Instant::now();
        let held: Vec<Ticket> = (0..4).map(|_| gate.admit(ip(1), now).unwrap()).collect();
        assert_eq!(gate.admit(ip(1), now).unwrap_err(), Refusal::PerAddress);
        assert!(gate.admit(ip(2), now).is_ok(), "others still get in");
        drop(held);
        assert!(gate.admit(ip(1), now).is_ok(), "places come back");
    }

    #[test]
    fn new_connections_are_rate_limited_per_address() {
        let gate = Gate::new(Limits {
            max_per_ip: 100,
            max_unauthenticated: 100,
            max_sessions: 100,
            ..limits()
        });
        let start = Instant::now();
        for _ in 0..5 {
            drop(gate.admit(ip(1), start).unwrap());
        }
        assert_eq!(
            gate.admit(ip(1), start).unwrap_err(),
            Refusal::Rate,
            "the sixth in a burst"
        );
        // Ten a minute: one more every six seconds.
        let later = start + Duration::from_secs(6);
        drop(gate.admit(ip(1), later).unwrap());
        assert_eq!(gate.admit(ip(1), later).unwrap_err(), Refusal::Rate);
        let much_later = start + Duration::from_secs(600);
        for _ in 0..5 {
            drop(gate.admit(ip(1), much_later).unwrap());
        }
        assert!(
            gate.admit(ip(1), much_later).is_err(),
            "the burst does not grow"
        );
    }

    #[test]
    fn unauthenticated_and_total_caps() {
        let gate = Gate::new(limits());
        let now = Instant::now();
        let mut held: Vec<Ticket> = (1..=5).map(|n| gate.admit(ip(n), now).unwrap()).collect();
        assert_eq!(
            gate.admit(ip(9), now).unwrap_err(),
            Refusal::Unauthenticated
        );
        for t in &mut held {
            t.authenticated();
            t.authenticated();
        }
        held.push(gate.admit(ip(9), now).unwrap());
        assert_eq!(gate.admit(ip(10), now).unwrap_err(), Refusal::Full);
        assert_eq!(gate.connections(), 6);
        drop(held);
        assert_eq!(gate.connections(), 0);
        assert!(
            gate.state().per_address.is_empty(),
            "no address is remembered for nothing"
        );
    }

    #[test]
    fn an_ipv6_64_is_one_client_and_mapped_v4_is_v4() {
        let a: IpAddr = "2001:db8:1:2::1".parse().unwrap();
        let b: IpAddr = "2001:db8:1:2:ffff::9".parse().unwrap();
        assert_eq!(group(a), group(b));
        let mapped: IpAddr = "::ffff:10.0.0.1".parse().unwrap();
        assert_eq!(group(mapped), ip(1));
    }

    #[test]
    fn many_addresses_cannot_grow_the_table_without_bound() {
        let mut buckets = HashMap::new();
        let now = Instant::now();
        for n in 0..u32::try_from(MAX_BUCKETS + 10).unwrap() {
            assert!(take_token(
                &mut buckets,
                IpAddr::from(n.to_be_bytes()),
                10,
                now
            ));
        }
        assert!(buckets.len() <= MAX_BUCKETS);
    }
}
