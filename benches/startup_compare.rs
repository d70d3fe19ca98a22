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

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

const COLS: u16 = 80;
const ROWS: u16 = 24;
/// Output quiet for this long means the program finished its first frame.
const QUIET: Duration = Duration::from_millis(120);
/// Runs under `/usr/bin/time` per binary for the peak RSS.
const RSS_RUNS: usize = 10;
/// A line on the first page of the bundled briefing's overview at 80x24.
const OVERVIEW_MARKER: &str = "Die USA und Südkorea befürchten eine Verstärkung der Beziehungen.";

/// Output chunks with the time they arrived.
type Log = Arc<Mutex<Vec<(Instant, Vec<u8>)>>>;

struct Run {
    child: Box<dyn Child + Send + Sync>,
    _master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    log: Log,
    started: Instant,
}

impl Run {
    fn start(program: &Path, args: &[String]) -> Self {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env("LANG", "C.UTF-8");
        cmd.env_remove("NO_COLOR");
        cmd.env_remove("BRIEFING_CONFIG");
        let log: Log = Arc::new(Mutex::new(Vec::new()));
        let mut reader = pty.master.try_clone_reader().unwrap();
        let writer = pty.master.take_writer().unwrap();
        let sink = Arc::clone(&log);
        let started = Instant::now();
        let child = pty.slave.spawn_command(cmd).unwrap();
        drop(pty.slave);
        std::thread::spawn(move || {
            let mut buf = vec![0u8; 65536];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock()
                    .unwrap()
                    .push((Instant::now(), buf[..n].to_vec()));
            }
        });
        Self {
            child,
            _master: pty.master,
            writer,
            log,
            started,
        }
    }

    fn bytes(&self) -> usize {
        self.log.lock().unwrap().iter().map(|(_, b)| b.len()).sum()
    }

    /// Waits until no output came for `QUIET`.
    fn settle(&self) {
        let mut last = (self.bytes(), Instant::now());
        loop {
            std::thread::sleep(Duration::from_millis(10));
            let now = self.bytes();
            if now != last.0 {
                last = (now, Instant::now());
            } else if last.1.elapsed() >= QUIET {
                return;
            }
        }
    }

    /// Time from start until the screen first showed `text`.
    fn time_until_shown(&self, text: &str) -> Duration {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let mut parser = vt100::Parser::new(nz(ROWS), nz(COLS), 0);
            for (t, bytes) in self.log.lock().unwrap().iter() {
                parser.process(bytes);
                if parser.screen().contents().contains(text) {
                    return *t - self.started;
                }
            }
            assert!(Instant::now() < deadline, "never showed {text:?}");
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    /// Peak resident memory so far, in KiB.
    fn peak_rss_kib(&self) -> Option<u64> {
        let pid = self.child.process_id()?;
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
        let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
        line.split_whitespace().nth(1)?.parse().ok()
    }

    fn quit(mut self) {
        let _ = self.writer.write_all(b"q");
        let _ = self.writer.flush();
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn nz(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).unwrap()
}

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
