//! Who may connect: at most so many connections in all, from one address,
//! and new ones a minute from one address (a token bucket). Connections not
//! logged in yet are capped too, but a new one pushes out the oldest rather
//! than being refused: otherwise clients that connect and say nothing would
//! shut everyone out until the login deadline. State with the clock passed
//! in, so each limit is tested on its own; a ticket keeps its place until
//! dropped.

use std::collections::{BTreeMap, HashMap};
use std::net::IpAddr;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use super::conn::Conn;
use super::limits::Limits;
use super::log::End;

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
    /// No connection may be waiting to log in (a limit of 0).
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
    /// Connections not logged in yet, oldest first.
    waiting: BTreeMap<u64, Arc<Conn>>,
    next: u64,
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
    /// Its place among those waiting to log in.
    waiting: u64,
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

    /// Lets connection `conn` from `address` in, or says why not. When
    /// too many are waiting to log in, the one waiting longest is ended.
    ///
    /// # Errors
    /// The limit it would break.
    pub fn admit(
        self: &Arc<Self>,
        address: IpAddr,
        conn: &Arc<Conn>,
        now: Instant,
    ) -> Result<Ticket, Refusal> {
        let address = group(address);
        let limits = self.limits;
        let mut s = self.state();
        if s.total >= limits.max_sessions {
            return Err(Refusal::Full);
        }
        if limits.max_unauthenticated == 0 {
            return Err(Refusal::Unauthenticated);
        }
        if s.per_address.get(&address).copied().unwrap_or(0) >= limits.max_per_ip {
            return Err(Refusal::PerAddress);
        }
        if !take_token(&mut s.buckets, address, limits.rate_per_ip, now) {
            return Err(Refusal::Rate);
        }
        let mut pushed_out = Vec::new();
        while s.waiting.len() >= limits.max_unauthenticated {
            match s.waiting.pop_first() {
                Some((_, oldest)) => pushed_out.push(oldest),
                None => break,
            }
        }
        let waiting = s.next;
        s.next += 1;
        s.waiting.insert(waiting, Arc::clone(conn));
        s.total += 1;
        *s.per_address.entry(address).or_insert(0) += 1;
        drop(s);
        // Its ticket, dropped when its task ends, gives back the rest.
        for oldest in pushed_out {
            oldest.kill(End::PushedOut);
        }
        Ok(Ticket {
            gate: Arc::clone(self),
            address,
            waiting,
        })
    }

    /// Connections waiting to log in now.
    pub fn waiting(&self) -> usize {
        self.state().waiting.len()
    }

    /// Connections held now, in all.
    pub fn connections(&self) -> usize {
        self.state().total
    }
}

impl Ticket {
    /// The connection logged in: it no longer waits, nor can be pushed out.
    pub fn authenticated(&mut self) {
        self.gate.state().waiting.remove(&self.waiting);
    }
}

impl Drop for Ticket {
    fn drop(&mut self) {
        let mut s = self.gate.state();
        s.total = s.total.saturating_sub(1);
        s.waiting.remove(&self.waiting);
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

    fn conn() -> Arc<Conn> {
        Conn::new(super::super::log::Record::default())
    }

    fn ip(n: u8) -> IpAddr {
        IpAddr::from([10, 0, 0, n])
    }

    #[test]
    fn one_address_gets_four_at_once() {
        let gate = Gate::new(limits());
        let now = Instant::now();
        let held: Vec<Ticket> = (0..4)
            .map(|_| gate.admit(ip(1), &conn(), now).unwrap())
            .collect();
        assert_eq!(
            gate.admit(ip(1), &conn(), now).unwrap_err(),
            Refusal::PerAddress
        );
        assert!(
            gate.admit(ip(2), &conn(), now).is_ok(),
            "others still get in"
        );
        drop(held);
        assert!(gate.admit(ip(1), &conn(), now).is_ok(), "places come back");
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
            drop(gate.admit(ip(1), &conn(), start).unwrap());
        }
        assert_eq!(
            gate.admit(ip(1), &conn(), start).unwrap_err(),
            Refusal::Rate,
            "the sixth in a burst"
        );
        // Ten a minute: one more every six seconds.
        let later = start + Duration::from_secs(6);
        drop(gate.admit(ip(1), &conn(), later).unwrap());
        assert_eq!(
            gate.admit(ip(1), &conn(), later).unwrap_err(),
            Refusal::Rate
        );
        let much_later = start + Duration::from_secs(600);
        for _ in 0..5 {
            drop(gate.admit(ip(1), &conn(), much_later).unwrap());
        }
        assert!(
            gate.admit(ip(1), &conn(), much_later).is_err(),
            "the burst does not grow"
        );
    }

    #[test]
    fn a_new_connection_pushes_out_the_one_waiting_longest_to_log_in() {
        let gate = Gate::new(Limits {
            max_sessions: 7,
            ..limits()
        });
        let now = Instant::now();
        let conns: Vec<Arc<Conn>> = (0..7).map(|_| conn()).collect();
        let mut held: Vec<Ticket> = (1..=5)
            .zip(&conns)
            .map(|(n, c)| gate.admit(ip(n), c, now).unwrap())
            .collect();
        assert_eq!(gate.waiting(), 5);
        // The first logs in: it can no longer be pushed out.
        held[0].authenticated();
        held[0].authenticated();
        assert_eq!(gate.waiting(), 4);
        held.push(gate.admit(ip(6), &conns[5], now).unwrap());
        assert!(conns.iter().all(|c| !c.switch.killed()), "room was left");
        held.push(gate.admit(ip(7), &conns[6], now).unwrap());
        let killed: Vec<bool> = conns.iter().map(|c| c.switch.killed()).collect();
        assert_eq!(killed, [false, true, false, false, false, false, false]);
        assert_eq!(conns[1].info().end.map(End::as_str), Some("pushed-out"));
        assert_eq!(gate.waiting(), 5);
        // Its ticket still holds a place until its task drops it.
        assert_eq!(gate.connections(), 7);
        assert_eq!(gate.admit(ip(8), &conn(), now).unwrap_err(), Refusal::Full);
        held.remove(1);
        assert_eq!(gate.connections(), 6);
        drop(held);
        assert_eq!((gate.connections(), gate.waiting()), (0, 0));
        assert!(
            gate.state().per_address.is_empty(),
            "no address is remembered for nothing"
        );
    }

    #[test]
    fn no_waiting_place_refuses_everyone() {
        let gate = Gate::new(Limits {
            max_unauthenticated: 0,
            ..limits()
        });
        assert_eq!(
            gate.admit(ip(1), &conn(), Instant::now()).unwrap_err(),
            Refusal::Unauthenticated
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
