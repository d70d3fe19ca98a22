//! Scenario (b): clients that stop taking output while they type (an
//! SSH-window stall, made with Python's asyncssh: `benches/serve_load/
//! stall.py`) beside normal readers typing at the usual rate. The normal
//! readers' latency alone and during the stall, the server's memory before,
//! during and after, and how soon each stalled client is dropped.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::Options;
use crate::client::{KeyTime, Target};
use crate::fleet;
use crate::procfs::{self, Sampler, Watched, mib};
use crate::served::{RAISED, Served};
use crate::stats::{Stats, show};

/// Normal readers type alone this long before the stalled clients come.
const ALONE: Duration = Duration::from_secs(15);
/// Keys a second each stalled client types.
const STALLED_RATE: &str = "20";
/// The stalled clients' channel window: small, so that it fills within a
/// second at 80x24 (the frames are about 1 KB).
const STALLED_WINDOW: &str = "16384";

/// What the stall script said, with when.
struct Script {
    launched: Instant,
    ready: Option<Instant>,
    done: Option<Instant>,
    report: Vec<String>,
    failed: Option<String>,
    /// The server's CPU ticks at the launch, at ready and at done.
    server_ticks: [u64; 3],
    /// The script's own CPU ticks at done.
    own_ticks: u64,
}

fn ticks(pid: u32) -> u64 {
    Watched::Process(pid).cpu_by_pid().values().sum()
}

fn script_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("benches/serve_load/stall.py")
}

fn have_asyncssh() -> bool {
    Command::new("python3")
        .args(["-c", "import asyncssh"])
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Runs the stall script against `port`, from `at` on.
fn stall_clients(server: u32, port: u16, clients: usize, at: Instant, limit: f64) -> Script {
    std::thread::sleep(at.saturating_duration_since(Instant::now()));
    let mut script = Script {
        launched: Instant::now(),
        ready: None,
        done: None,
        report: Vec::new(),
        failed: None,
        server_ticks: [ticks(server); 3],
        own_ticks: 0,
    };
    let child = Command::new("python3")
        .arg(script_path())
        .args(["--port", &port.to_string()])
        .args(["--clients", &clients.to_string()])
        .args(["--rate", STALLED_RATE, "--window", STALLED_WINDOW])
        .args(["--limit", &format!("{limit}")])
        .stdout(Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(c) => c,
        Err(e) => {
            script.failed = Some(format!("python3: {e}"));
            return script;
        }
    };
    let out = BufReader::new(child.stdout.take().unwrap());
    for line in out.lines() {
        let Ok(line) = line else { break };
        if line.starts_with("ready ") {
            script.ready = Some(Instant::now());
            script.server_ticks[1] = ticks(server);
            script.report.push(line);
        } else if line == "done" {
            script.done = Some(Instant::now());
            script.server_ticks[2] = ticks(server);
            script.own_ticks = ticks(child.id());
        } else {
            script.report.push(line);
        }
    }
    let status = child.wait();
    if !status.as_ref().is_ok_and(std::process::ExitStatus::success) {
        script.failed = Some(format!("the stall script failed: {status:?}"));
    }
    script
}

fn between(samples: &[KeyTime], from: Instant, to: Instant) -> Vec<KeyTime> {
    samples
        .iter()
        .filter(|s| s.sent >= from && s.sent < to)
        .copied()
        .collect()
}

pub fn run(o: &Options, rt: &tokio::runtime::Runtime) {
    println!(
        "## stall: {} clients stop taking output (asyncssh pause_reading, window {STALLED_WINDOW} bytes, {STALLED_RATE} keys/s each) beside {} readers typing {} keys/s",
        o.stalled, o.normal, o.rate
    );
    if !have_asyncssh() {
        println!("skipped: needs Python's asyncssh (pip install asyncssh)");
        return;
    }
    let served = Served::start(RAISED, None);
    println!(
        "server: briefing serve {} (pid {})",
        RAISED.join(" "),
        served.pid()
    );
    let watched = Watched::Process(served.pid());
    std::thread::sleep(Duration::from_secs(1));
    let base = watched.rss_kib();
    let sampler = Sampler::start(watched, Duration::from_millis(100));
    let target = Target {
        addr: served.addr,
        user: o.user.clone(),
    };
    let plan = o.plan(o.normal);
    let fleet = rt.block_on(fleet::connect(&target, &plan));
    let connected = fleet.readers.len();
    let start = Instant::now() + Duration::from_millis(300);
    // Alone, then the stalled clients connect (a few seconds), stall (the
    // window fills, 10 s of stall limit, the close), and some time after.
    let typing = Duration::from_secs_f64(o.seconds.max(30.0));
    let until = start + ALONE + typing;
    let port = served.addr.port();
    let clients = o.stalled;
    let limit = typing.as_secs_f64();
    let pid = served.pid();
    let script =
        std::thread::spawn(move || stall_clients(pid, port, clients, start + ALONE, limit));
    let ticks_at_start = ticks(pid);
    let typed = rt.block_on(fleet::type_keys(fleet.readers, &plan, start, until));
    let script = script.join().unwrap();
    let end = Instant::now();
    let after_rss = watched.rss_kib();
    let (quit_ok, quit_errors) = rt.block_on(fleet::quit(typed.readers));
    served.wait_ended(connected + clients, Duration::from_secs(10));
    let ends = served.ends();

    if let Some(f) = &script.failed {
        println!("{f}");
    }
    for line in &script.report {
        println!("{line}");
    }
    println!(
        "server log: {} connections ended with end=stall; all ends {ends:?}",
        ends.get("stall").copied().unwrap_or(0)
    );
    let launched = script.launched;
    let ready = script.ready.unwrap_or(launched);
    let done = script.done.unwrap_or(end);
    let stall_window = (ready, done.min(until));
    let alone = between(&typed.samples, start, launched);
    let during = between(&typed.samples, stall_window.0, stall_window.1);
    println!(
        "normal readers ({connected}), key → end of frame: alone {}",
        show(Stats::of(alone.iter().map(|s| s.end)))
    );
    println!(
        "normal readers, key → end of frame while the stalled clients are in ({:.1} s): {}",
        stall_window
            .1
            .saturating_duration_since(stall_window.0)
            .as_secs_f64(),
        show(Stats::of(during.iter().map(|s| s.end)))
    );
    println!(
        "normal readers, key → first byte: alone {}; during {}",
        show(Stats::of(alone.iter().map(|s| s.first))),
        show(Stats::of(during.iter().map(|s| s.first)))
    );
    let tps = procfs::ticks_per_second();
    let share = |t0: u64, t1: u64, from: Instant, to: Instant| {
        let secs = to.saturating_duration_since(from).as_secs_f64().max(0.001);
        format!("{:.0}%", t1.saturating_sub(t0) as f64 / tps / secs * 100.0)
    };
    let [at_launch, at_ready, at_done] = script.server_ticks;
    println!(
        "server CPU (of one core): alone {}; while the stalled clients connect {}; while they stall {}; the stall script's own CPU {:.1} s",
        share(ticks_at_start, at_launch, start, launched),
        share(at_launch, at_ready, launched, ready),
        share(at_ready, at_done, ready, done),
        script.own_ticks as f64 / tps
    );
    let mut errors = fleet.errors;
    errors.extend(typed.errors);
    errors.extend(quit_errors);
    println!(
        "normal readers' errors: {}; quit with status 0: {quit_ok} of {connected}; late keys {}",
        fleet::summarize(&errors),
        typed.late
    );
    let before = sampler
        .peak(
            launched
                .checked_sub(Duration::from_millis(500))
                .unwrap_or(launched),
            launched,
        )
        .unwrap_or(0);
    let at_ready = sampler.at(ready).unwrap_or(0);
    let peak = sampler.peak(ready, done).unwrap_or(0);
    println!(
        "server RSS: baseline {}; normal readers typing {}; all stalled clients in {}; peak while they stall {} (growth {} over all in); after they were dropped {}",
        mib(base),
        mib(before),
        mib(at_ready),
        mib(peak),
        mib(peak.saturating_sub(at_ready)),
        mib(after_rss)
    );
    drop(sampler);
    let (took, code) = served.stop();
    println!("SIGTERM: exited in {} ms with {code:?}", took.as_millis());
}
