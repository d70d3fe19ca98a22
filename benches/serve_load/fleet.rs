//! Many readers at once: connected a few handshakes at a time, then typing
//! together at a steady rate (each on its own phase of the interval), then
//! quitting; every timing and every error kept.

use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::sync::Semaphore;

use crate::client::{KeyTime, Reader, Target};

/// Longest wait for a first frame.
const FIRST_FRAME_WITHIN: Duration = Duration::from_secs(30);
/// Longest wait for a key's frame before it counts as an error.
const KEY_WITHIN: Duration = Duration::from_secs(5);

/// What the readers do.
#[derive(Debug, Clone)]
pub struct Plan {
    pub sessions: usize,
    /// Handshakes under way at once.
    pub handshakes: usize,
    pub size: (u32, u32),
    /// Keys typed once before the timed ones (`5` for the full text).
    pub prefix: Vec<u8>,
    /// Keys typed in turn, each changing the screen.
    pub keys: Vec<u8>,
    /// Keys a second per reader.
    pub rate: f64,
}

/// Readers at their first frame.
pub struct Fleet {
    pub readers: Vec<Reader>,
    /// Start of connecting to the end of the first frame.
    pub first_frames: Vec<Duration>,
    pub errors: Vec<String>,
    /// From the first connect to the last first frame.
    pub took: Duration,
}

/// Connects `plan.sessions` readers to `target`.
pub async fn connect(target: &Target, plan: &Plan) -> Fleet {
    let gate = Arc::new(Semaphore::new(plan.handshakes.max(1)));
    let start = Instant::now();
    let tasks: Vec<_> = (0..plan.sessions)
        .map(|_| {
            let (gate, target, plan) = (Arc::clone(&gate), target.clone(), plan.clone());
            tokio::spawn(async move {
                let permit = gate.acquire_owned().await.unwrap();
                let (mut reader, first) =
                    Reader::open(&target, None, plan.size, FIRST_FRAME_WITHIN).await?;
                drop(permit);
                for &k in &plan.prefix {
                    reader.key(&[k], KEY_WITHIN).await?;
                }
                Ok::<_, String>((reader, first))
            })
        })
        .collect();
    let mut fleet = Fleet {
        readers: Vec::new(),
        first_frames: Vec::new(),
        errors: Vec::new(),
        took: Duration::ZERO,
    };
    for task in tasks {
        match task.await {
            Ok(Ok((reader, first))) => {
                fleet.readers.push(reader);
                fleet.first_frames.push(first);
            }
            Ok(Err(e)) => fleet.errors.push(format!("connect: {e}")),
            Err(e) => fleet.errors.push(format!("connect task: {e}")),
        }
    }
    fleet.took = start.elapsed();
    fleet
}

/// What typing gave.
#[derive(Default)]
pub struct Typed {
    pub samples: Vec<KeyTime>,
    pub errors: Vec<String>,
    /// Keys sent later than their tick because the last frame was not done.
    pub late: u64,
    /// Bytes that came without a key.
    pub unasked: u64,
    /// The readers still working.
    pub readers: Vec<Reader>,
}

/// Every reader types `plan.keys` in turn at `plan.rate` from `start` to
/// `until`, reader i offset by i/n of the interval so that the keys are
/// spread evenly. A key is sent at its tick, or as soon as the previous
/// key's frame has ended if that is later (then it counts as late).
pub async fn type_keys(readers: Vec<Reader>, plan: &Plan, start: Instant, until: Instant) -> Typed {
    let n = readers.len().max(1);
    let interval = Duration::from_secs_f64(1.0 / plan.rate);
    let tasks: Vec<_> = readers
        .into_iter()
        .enumerate()
        .map(|(i, mut reader)| {
            let keys = plan.keys.clone();
            tokio::spawn(async move {
                let mut out = Typed::default();
                let mut next = start + interval.mul_f64(i as f64 / n as f64);
                let mut k = 0;
                while next < until {
                    match reader.idle_until(next).await {
                        Ok(b) => out.unasked += b,
                        Err(e) => {
                            out.errors.push(e);
                            return out;
                        }
                    }
                    match reader.key(&[keys[k % keys.len()]], KEY_WITHIN).await {
                        Ok(t) => out.samples.push(t),
                        Err(e) => {
                            out.errors.push(format!("key: {e}"));
                            return out;
                        }
                    }
                    k += 1;
                    next += interval;
                    let now = Instant::now();
                    if now > next {
                        out.late += 1;
                        next = now;
                    }
                }
                out.readers.push(reader);
                out
            })
        })
        .collect();
    let mut all = Typed::default();
    for task in tasks {
        match task.await {
            Ok(t) => {
                all.samples.extend(t.samples);
                all.errors.extend(t.errors);
                all.late += t.late;
                all.unasked += t.unasked;
                all.readers.extend(t.readers);
            }
            Err(e) => all.errors.push(format!("typing task: {e}")),
        }
    }
    all
}

/// Every reader types `q`; returns how many exited with status 0 and the
/// errors of the others.
pub async fn quit(readers: Vec<Reader>) -> (usize, Vec<String>) {
    let tasks: Vec<_> = readers
        .into_iter()
        .map(|r| tokio::spawn(r.quit(Duration::from_secs(10))))
        .collect();
    let (mut ok, mut errors) = (0, Vec::new());
    for task in tasks {
        match task.await {
            Ok(Ok(0)) => ok += 1,
            Ok(Ok(status)) => errors.push(format!("quit: exit status {status}")),
            Ok(Err(e)) => errors.push(format!("quit: {e}")),
            Err(e) => errors.push(format!("quit task: {e}")),
        }
    }
    (ok, errors)
}

/// Errors counted by kind, for the report.
pub fn summarize(errors: &[String]) -> String {
    if errors.is_empty() {
        return "0".into();
    }
    let mut by: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for e in errors {
        *by.entry(e.as_str()).or_default() += 1;
    }
    let kinds: Vec<String> = by.iter().map(|(e, n)| format!("{n} × {e}")).collect();
    format!("{} ({})", errors.len(), kinds.join("; "))
}
