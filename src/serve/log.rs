//! The server's log on stderr: one line per connection when it ends, and
//! refusals at a limited rate. Everything the peer controls is escaped;
//! typed input, environment values and keys are never logged.

use std::fmt::Write as _;
use std::io::Write as _;
use std::net::SocketAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant, SystemTime};

use crate::library::date::Stamp;

/// Most bytes of a client's version string logged.
const MAX_VERSION: usize = 64;
/// Most refusal lines a second; the rest are counted and said later.
const REFUSALS_PER_SECOND: u32 = 1;

/// What is known about a connection when it ends.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Record {
    /// The peer.
    pub peer: Option<SocketAddr>,
    /// The client's version string, as sent (escaped when logged).
    pub client: Vec<u8>,
    /// `TERM` from the pty request (already checked to be printable).
    pub term: Option<String>,
    /// The last size of the terminal.
    pub size: Option<(u16, u16)>,
    /// How the client logged in (`none`, `publickey`).
    pub method: Option<&'static str>,
    /// What ran: `reader`, `plain`.
    pub kind: Option<&'static str>,
}

/// Why a connection ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    /// The reader quit (`q`).
    Quit,
    /// The plain view was sent.
    Done,
    /// The client closed the connection.
    Closed,
    /// Not logged in in time.
    Login,
    /// Not logged in yet when too many were waiting and a new one came.
    PushedOut,
    /// Logged in, no reader in time.
    NoSession,
    /// No keystroke for too long.
    Idle,
    /// The session reached its longest length.
    MaxLength,
    /// The client stopped taking output.
    Stall,
    /// The client sent more than the reader could read.
    Flood,
    /// The server is shutting down.
    Shutdown,
    /// The SSH layer failed (bad packet, algorithm mismatch, I/O).
    Error,
    /// The reader failed (a bug).
    Panic,
}

impl End {
    /// How the log names it.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Quit => "quit",
            Self::Done => "done",
            Self::Closed => "closed",
            Self::Login => "login-timeout",
            Self::PushedOut => "pushed-out",
            Self::NoSession => "no-session",
            Self::Idle => "idle",
            Self::MaxLength => "max-length",
            Self::Stall => "stall",
            Self::Flood => "flood",
            Self::Shutdown => "shutdown",
            Self::Error => "error",
            Self::Panic => "panic",
        }
    }
}

/// The line for a connection that lasted `duration` and moved `bytes`.
pub fn line(record: &Record, end: End, duration: Duration, bytes: (u64, u64)) -> String {
    let mut o = timestamp(SystemTime::now());
    let peer = record
        .peer
        .map_or_else(|| "-".to_string(), |p| p.to_string());
    let _ = write!(
        o,
        " peer={peer} client=\"{}\"",
        escape(&record.client, MAX_VERSION)
    );
    let _ = write!(o, " auth={}", record.method.unwrap_or("-"));
    let _ = write!(o, " kind={}", record.kind.unwrap_or("-"));
    let _ = write!(o, " term={}", record.term.as_deref().unwrap_or("-"));
    match record.size {
        Some((w, h)) => {
            let _ = write!(o, " size={w}x{h}");
        }
        None => o.push_str(" size=-"),
    }
    let _ = write!(
        o,
        " duration={:.1}s in={} out={} end={}",
        duration.as_secs_f64(),
        bytes.0,
        bytes.1,
        end.as_str()
    );
    o
}

/// Writes a line to stderr (failures ignored: a log must never stop the
/// server).
pub fn write(line: &str) {
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{line}");
}

/// Refusals, at most [`REFUSALS_PER_SECOND`] lines a second: a flood of
/// refused connections must not become a flood of log lines.
#[derive(Debug, Default)]
pub struct Refusals {
    state: Mutex<(Option<Instant>, u32, u64)>,
}

impl Refusals {
    /// Logs a refusal of `peer` for `why`, unless too many were logged in
    /// this second; those are counted and said with the next line.
    pub fn refused(&self, peer: SocketAddr, why: &str, now: Instant) -> Option<String> {
        let mut s = self
            .state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let (since, shown, hidden) = &mut *s;
        if since.is_none_or(|t| now.saturating_duration_since(t) >= Duration::from_secs(1)) {
            *since = Some(now);
            *shown = 0;
        }
        if *shown >= REFUSALS_PER_SECOND {
            *hidden += 1;
            return None;
        }
        *shown += 1;
        let mut line = format!("{} peer={peer} refused={why}", timestamp(SystemTime::now()));
        if *hidden > 0 {
            let _ = write!(line, " (and {hidden} more refused)");
            *hidden = 0;
        }
        Some(line)
    }
}

/// Bytes from the peer as printable ASCII: `\xNN` for anything else, cut
/// at `max` bytes.
pub fn escape(bytes: &[u8], max: usize) -> String {
    let mut o = String::new();
    for &b in bytes.iter().take(max) {
        match b {
            b'"' | b'\\' => {
                o.push('\\');
                o.push(char::from(b));
            }
            b' '..=b'~' => o.push(char::from(b)),
            _ => {
                let _ = write!(o, "\\x{b:02x}");
            }
        }
    }
    if bytes.len() > max {
        o.push_str("...");
    }
    o
}

/// `2026-11-28T04:18:37Z`.
pub fn timestamp(at: SystemTime) -> String {
    Stamp::of(at).civil().rfc3339()
}

#[cfg(test)]
mod tests {
    use std::time::UNIX_EPOCH;

    use super::*;

    #[test]
    fn timestamps_are_utc_dates() {
        assert_eq!(timestamp(UNIX_EPOCH), "1970-01-01T00:00:00Z");
        let t = UNIX_EPOCH + Duration::from_secs(1_795_839_517);
        assert_eq!(timestamp(t), "2026-11-28T04:18:37Z");
        let leap = UNIX_EPOCH + Duration::from_secs(951_782_400);
        assert_eq!(timestamp(leap), "2000-02-29T00:00:00Z");
    }

    #[test]
    fn the_peer_cannot_forge_a_line() {
        let evil = b"SSH-2.0-x\n2026-01-01 peer=1.2.3.4 end=quit\x1b[2J\"";
        let shown = escape(evil, 64);
        assert!(!shown.contains('\n') && !shown.contains('\x1b'), "{shown}");
        assert!(shown.contains("\\x0a") && shown.contains("\\\""), "{shown}");
        assert!(escape(&[b'a'; 100], 64).ends_with("..."));
    }

    #[test]
    fn one_line_per_connection_with_every_field() {
        let record = Record {
            peer: Some("127.0.0.1:5000".parse().unwrap()),
            client: b"SSH-2.0-OpenSSH_9.2p1".to_vec(),
            term: Some("xterm-256color".into()),
            size: Some((80, 24)),
            method: Some("none"),
            kind: Some("reader"),
        };
        let l = line(&record, End::Quit, Duration::from_millis(1500), (120, 4000));
        for part in [
            "peer=127.0.0.1:5000",
            "client=\"SSH-2.0-OpenSSH_9.2p1\"",
            "term=xterm-256color",
            "size=80x24",
            "duration=1.5s",
            "in=120 out=4000",
            "end=quit",
        ] {
            assert!(l.contains(part), "{l} lacks {part}");
        }
        assert!(!l.contains('\n'));
    }

    #[test]
    fn refusals_are_rate_limited_and_counted() {
        let r = Refusals::default();
        let peer: SocketAddr = "10.0.0.1:1".parse().unwrap();
        let now = Instant::now();
        assert!(r.refused(peer, "rate", now).is_some());
        for _ in 0..100 {
            assert!(r.refused(peer, "rate", now).is_none());
        }
        let later = r
            .refused(peer, "rate", now + Duration::from_secs(1))
            .unwrap();
        assert!(later.contains("and 100 more refused"), "{later}");
    }
}
