//! Scenario (c): idle and half-open connections (half send nothing after
//! connecting, half send one byte of a version line every 5 s), and a real
//! reader connecting one second after them: when each is closed, and how
//! soon the reader gets its first frame. Once with the limits raised, once
//! with the defaults (the connections then come 4 each from 127.1.x.y
//! addresses, since the default allows 4 per address).

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpSocket;

use crate::Options;
use crate::client::{Reader, Target};
use crate::procfs::{Watched, mib};
use crate::served::{RAISED, Served};
use crate::stats::{Stats, show};

/// Longest a half-open connection is watched.
const WATCH: Duration = Duration::from_secs(30);
/// What a trickling connection sends, a byte every 5 s.
const TRICKLE: &[u8] = b"SSH-2.0-slow\r\n";

/// One idle connection's fate.
struct Fate {
    /// Connect to close; `None`: not closed within [`WATCH`].
    closed: Option<Duration>,
    /// The server said "busy" (turned away at once).
    busy: bool,
    error: Option<String>,
}

async fn half_open(addr: SocketAddr, source: IpAddr, trickle: bool, up: Arc<AtomicUsize>) -> Fate {
    let socket = TcpSocket::new_v4().unwrap();
    let connected = async {
        socket.bind(SocketAddr::new(source, 0))?;
        socket.connect(addr).await
    };
    let mut stream = match connected.await {
        Ok(s) => s,
        Err(e) => {
            up.fetch_add(1, Ordering::Relaxed);
            return Fate {
                closed: None,
                busy: false,
                error: Some(format!("connect: {e}")),
            };
        }
    };
    let start = Instant::now();
    up.fetch_add(1, Ordering::Relaxed);
    let mut said = Vec::new();
    let mut buf = [0u8; 256];
    let mut sent = 0;
    let mut next = start + Duration::from_secs(5);
    loop {
        let wake = if trickle { next } else { start + WATCH };
        tokio::select! {
            read = stream.read(&mut buf) => match read {
                Ok(0) | Err(_) => break,
                Ok(n) => said.extend_from_slice(&buf[..n]),
            },
            () = tokio::time::sleep_until(wake.into()) => {
                if start.elapsed() >= WATCH {
                    return Fate { closed: None, busy: false, error: None };
                }
                if let Some(b) = TRICKLE.get(sent) {
                    let _ = stream.write_all(&[*b]).await;
                    sent += 1;
                }
                next += Duration::from_secs(5);
            }
        }
    }
    Fate {
        closed: Some(start.elapsed()),
        busy: said.starts_with(b"busy"),
        error: None,
    }
}

fn variant(o: &Options, rt: &tokio::runtime::Runtime, raised: bool) {
    let n = o.idle;
    let args: Vec<&str> = if raised {
        let mut a = RAISED.to_vec();
        a.extend(["--max-unauthenticated", "5000"]);
        a
    } else {
        Vec::new()
    };
    let served = Served::start(&args, None);
    let addr = served.addr;
    println!(
        "### {}: briefing serve {} (pid {})",
        if raised {
            "limits raised"
        } else {
            "default limits"
        },
        args.join(" "),
        served.pid()
    );
    let watched = Watched::Process(served.pid());
    std::thread::sleep(Duration::from_millis(500));
    let base = watched.rss_kib();
    // Raised: all from 127.0.0.1. Default: 4 per address, from 127.1.0.1 on.
    let source = |i: usize| -> IpAddr {
        if raised {
            IpAddr::V4(Ipv4Addr::LOCALHOST)
        } else {
            IpAddr::V4(Ipv4Addr::new(
                127,
                1,
                (i / 4 / 250) as u8,
                (1 + i / 4 % 250) as u8,
            ))
        }
    };
    let up = Arc::new(AtomicUsize::new(0));
    let start = Instant::now();
    let (fates, reader, peak) = rt.block_on(async {
        let tasks: Vec<_> = (0..n)
            .map(|i| tokio::spawn(half_open(addr, source(i), i % 2 == 1, Arc::clone(&up))))
            .collect();
        while up.load(Ordering::Relaxed) < n && start.elapsed() < Duration::from_secs(10) {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        let all_up = start.elapsed();
        tokio::time::sleep(Duration::from_secs(1)).await;
        // A real reader, trying again every 100 ms while it is turned away.
        let target = Target {
            addr,
            user: o.user.clone(),
        };
        let first_try = Instant::now();
        let mut tries = 0;
        let mut refusals = Vec::new();
        let got = loop {
            tries += 1;
            match Reader::open(&target, None, (80, 24), Duration::from_secs(10)).await {
                Ok((r, _)) => break Some(r),
                Err(e) => refusals.push(e),
            }
            if first_try.elapsed() > Duration::from_secs(20) {
                break None;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        };
        let reader_took = first_try.elapsed();
        let peak = watched.rss_kib();
        let status = match got {
            Some(r) => r.quit(Duration::from_secs(5)).await.map(|s| s.to_string()),
            None => Err("never got in".to_string()),
        };
        let mut fates = Vec::new();
        for t in tasks {
            fates.push(t.await.unwrap());
        }
        (fates, (all_up, reader_took, tries, refusals, status), peak)
    });
    let (all_up, reader_took, tries, refusals, status) = reader;
    let busy = fates.iter().filter(|f| f.busy).count();
    let held: Vec<Duration> = fates
        .iter()
        .filter(|f| !f.busy)
        .filter_map(|f| f.closed)
        .collect();
    let open = fates
        .iter()
        .filter(|f| f.closed.is_none() && f.error.is_none())
        .count();
    let errors: Vec<&String> = fates.iter().filter_map(|f| f.error.as_ref()).collect();
    println!(
        "{n} connections ({} silent, {} trickling a byte every 5 s) up in {} ms; connect errors {}",
        n - n / 2,
        n / 2,
        all_up.as_millis(),
        errors.len()
    );
    println!("turned away at once with \"busy, try later\": {busy}");
    println!(
        "held until the server closed them: {}, connect → close {}; {} closed later than 10.1 s (the login deadline is 10 s); {open} still open after {} s",
        held.len(),
        show(Stats::of(held.iter().copied())),
        held.iter()
            .filter(|d| **d > Duration::from_millis(10_100))
            .count(),
        WATCH.as_secs()
    );
    println!(
        "a real reader 1 s later: first frame {} ms after its first try ({tries} tries{}); quit: {status:?}",
        reader_took.as_millis(),
        refusals
            .first()
            .map(|e| format!(", the first refused: {e}"))
            .unwrap_or_default()
    );
    println!(
        "server RSS: baseline {}, with the connections held {}",
        mib(base),
        mib(peak)
    );
    served.wait_ended(held.len() + 1, Duration::from_secs(5));
    println!(
        "server log: ends {:?}; {} refusal lines (rate-limited to a few a second)",
        served.ends(),
        served.lines_with("refused=").len()
    );
}

pub fn run(o: &Options, rt: &tokio::runtime::Runtime) {
    println!(
        "## idle: {} idle or half-open TCP connections, and a real reader 1 s after them",
        o.idle
    );
    variant(o, rt, true);
    variant(o, rt, false);
}
