//! Start-up of several builds side by side: start to first complete frame
//! in a pseudo-terminal at 80x24 (the method of `benches/terminal.rs`), and
//! the peak RSS of a reader that showed its first frame, for any binaries.
//!
//! Run: `cargo bench --bench startup_compare -- OLD/briefing NEW/briefing`
//! (no paths: the binary of this tree). Runs alternate between the binaries,
//! and the order rotates every round. `STARTUP_RUNS` sets the runs per
//! binary (150), `STARTUP_MARKER` the line waited for (one of the
//! overview's first page), `STARTUP_ARGS` the arguments (space-separated).

// A measuring harness: a panic is a failed measurement, and the counts are
// far too small to lose precision as floats.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::cast_precision_loss
)]

#[path = "support/pty.rs"]
mod pty;

use std::path::{Path, PathBuf};
use std::time::Duration;

use pty::{COLS, ROWS, Run};

/// Runs under `/usr/bin/time` per binary for the peak RSS.
const RSS_RUNS: usize = 10;
/// A line on the first page of the bundled briefing's overview at 80x24.
const OVERVIEW_MARKER: &str = "Die USA und Südkorea befürchten eine Verstärkung der Beziehungen.";

/// Median, min and max.
fn summary(v: &[f64]) -> (f64, f64, f64) {
    let mut v = v.to_vec();
    v.sort_by(f64::total_cmp);
    (v[v.len() / 2], v[0], v[v.len() - 1])
}

fn main() {
    // `cargo bench` passes `--bench`; everything else is a binary (made
    // absolute: the pty spawns relative paths from the home folder).
    let mut binaries: Vec<PathBuf> = std::env::args_os()
        .skip(1)
        .filter(|a| !a.to_string_lossy().starts_with("--"))
        .map(|a| std::fs::canonicalize(&a).expect("a binary to measure"))
        .collect();
    if binaries.is_empty() {
        binaries.push(PathBuf::from(env!("CARGO_BIN_EXE_briefing")));
    }
    let runs: usize = std::env::var("STARTUP_RUNS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(150);
    let marker = std::env::var("STARTUP_MARKER").unwrap_or_else(|_| OVERVIEW_MARKER.into());
    let args: Vec<String> = std::env::var("STARTUP_ARGS")
        .unwrap_or_default()
        .split_whitespace()
        .map(String::from)
        .collect();
    let n = binaries.len();
    let mut starts: Vec<Vec<f64>> = vec![Vec::new(); n];
    let mut hwm: Vec<Vec<f64>> = vec![Vec::new(); n];
    for round in 0..runs {
        for k in 0..n {
            let i = (round + k) % n;
            let run = Run::start(&binaries[i], &args);
            starts[i].push(run.time_until_shown(&marker).as_secs_f64() * 1000.0);
            run.settle();
            hwm[i].push(run.peak_rss_kib().unwrap_or(0) as f64);
            run.quit();
        }
    }
    let rss = time_rss(&binaries, &args, &marker);
    println!(
        "Start to first complete frame at {COLS}x{ROWS} (args {args:?}), {runs} runs each, alternating:\n"
    );
    println!(
        "| binary | median | min | max | VmHWM after the first frame, median (max) | /usr/bin/time max RSS, median (max) of {RSS_RUNS} |"
    );
    println!("|---|---|---|---|---|---|");
    for (i, b) in binaries.iter().enumerate() {
        let (med, min, max) = summary(&starts[i]);
        let (hmed, _, hmax) = summary(&hwm[i]);
        let r = rss[i]
            .as_ref()
            .map_or_else(|| "-".into(), |(m, x)| format!("{m} KB ({x} KB)"));
        println!(
            "| {} | {med:.2} ms | {min:.2} ms | {max:.2} ms | {hmed:.0} KiB ({hmax:.0} KiB) | {r} |",
            b.display()
        );
    }
    let (base, _, _) = summary(&starts[0]);
    for (i, b) in binaries.iter().enumerate().skip(1) {
        let (med, _, _) = summary(&starts[i]);
        println!("ratio {} / first: {:.3}", b.display(), med / base);
    }
}

/// The reader's peak RSS as `/usr/bin/time` reports it (the whole process,
/// from start through the first frame to `q`), alternating as above.
fn time_rss(binaries: &[PathBuf], args: &[String], marker: &str) -> Vec<Option<(u64, u64)>> {
    let time = Path::new("/usr/bin/time");
    if !time.exists() {
        return vec![None; binaries.len()];
    }
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let mut peaks: Vec<Vec<u64>> = vec![Vec::new(); binaries.len()];
    for round in 0..RSS_RUNS {
        for k in 0..binaries.len() {
            let i = (round + k) % binaries.len();
            let out = dir.join(format!("startup-rss-{i}.txt"));
            let mut wrapped = vec![
                "-f".to_string(),
                "%M".into(),
                "-o".into(),
                out.display().to_string(),
                binaries[i].display().to_string(),
            ];
            wrapped.extend(args.iter().cloned());
            let run = Run::start(time, &wrapped);
            run.time_until_shown(marker);
            run.settle();
            run.quit();
            // `time` writes its file after the child has exited.
            std::thread::sleep(Duration::from_millis(20));
            let kb = std::fs::read_to_string(&out)
                .ok()
                .and_then(|s| s.lines().last().and_then(|l| l.trim().parse().ok()));
            if let Some(kb) = kb {
                peaks[i].push(kb);
            }
        }
    }
    peaks
        .into_iter()
        .map(|mut p| {
            p.sort_unstable();
            Some((*p.get(p.len() / 2)?, *p.last()?))
        })
        .collect()
}
