//! Scenario (a): N readers at 80x24 typing K keys a second for S seconds:
//! errors, key to first byte and to the end of the frame, connect to first
//! frame, the server's memory (baseline, all connected, peak, per
//! additional session) and CPU per frame. Against our server, or against
//! any SSH server given by address and PID (OpenSSH + `ForceCommand`).

use std::time::{Duration, Instant};

use crate::Options;
use crate::client::Target;
use crate::fleet;
use crate::procfs::{self, Sampler, Watched, mib};
use crate::served::{RAISED, Served};
use crate::stats::{Stats, show};

/// Proportional memory by process, one line per process name.
fn by_name(w: Watched) -> String {
    w.pss_by_name()
        .iter()
        .map(|(name, (n, kib))| format!("{name} ×{n} {}", mib(*kib)))
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn run(o: &Options, rt: &tokio::runtime::Runtime) {
    let served;
    let (target, watched, what) = if let Some(addr) = o.connect {
        let Some(pid) = o.server_pid else {
            eprintln!("--connect needs --server-pid");
            std::process::exit(2);
        };
        served = None;
        let w = if o.tree {
            Watched::Tree(pid)
        } else {
            Watched::Process(pid)
        };
        let what = format!(
            "the SSH server at {addr} (pid {pid}{})",
            if o.tree {
                " and every process below it"
            } else {
                ""
            }
        );
        (
            Target {
                addr,
                user: o.user.clone(),
            },
            w,
            what,
        )
    } else {
        let s = Served::start(RAISED, None);
        let t = Target {
            addr: s.addr,
            user: o.user.clone(),
        };
        let w = Watched::Process(s.pid());
        let what = format!("briefing serve {} (pid {})", RAISED.join(" "), s.pid());
        served = Some(s);
        (t, w, what)
    };
    let keys = if o.keys == "jk" {
        "j/k in the full text"
    } else {
        "2/1, a section switch"
    };
    println!(
        "## load: {} readers at 80x24 typing {} keys/s for {} s ({keys})",
        o.sessions, o.rate, o.seconds
    );
    println!("server: {what}");
    std::thread::sleep(Duration::from_secs(1));
    let base_rss = watched.rss_kib();
    let base_pss = watched.pss_kib();
    if o.tree {
        println!("baseline PSS by process: {}", by_name(watched));
    }
    // Not for a tree: summing thousands of processes every moment would
    // take CPU from the server measured.
    let sampler = (!o.tree).then(|| Sampler::start(watched, Duration::from_millis(200)));
    let plan = o.plan(o.sessions);
    let load_before = procfs::load_average();
    let fleet = rt.block_on(fleet::connect(&target, &plan));
    let connected = fleet.readers.len();
    println!(
        "connected: {connected} of {} in {:.1} s ({} handshakes at once), load average {load_before} before",
        o.sessions,
        fleet.took.as_secs_f64(),
        o.handshakes
    );
    println!(
        "connect → first frame: {}",
        show(Stats::of(fleet.first_frames.iter().copied()))
    );
    std::thread::sleep(Duration::from_secs(2));
    let all_rss = watched.rss_kib();
    let all_pss = watched.pss_kib();
    if o.tree {
        println!("all connected, PSS by process: {}", by_name(watched));
    }
    let per = |now: u64, base: u64| {
        if connected == 0 {
            "-".to_string()
        } else {
            format!(
                "{:.3} MiB",
                now.saturating_sub(base) as f64 / 1024.0 / connected as f64
            )
        }
    };
    let threads = watched.threads();
    let start = Instant::now() + Duration::from_millis(300);
    let until = start + Duration::from_secs_f64(o.seconds);
    let cpu_before = watched.cpu_by_pid();
    let own_before = procfs::own_ticks();
    let typed = rt.block_on(fleet::type_keys(fleet.readers, &plan, start, until));
    let cpu = procfs::ticks_between(&cpu_before, &watched.cpu_by_pid());
    let own = procfs::own_ticks() - own_before;
    let load_after = procfs::load_average();
    let end_rss = watched.rss_kib();
    let end_pss = watched.pss_kib();
    let peak = sampler
        .as_ref()
        .and_then(|s| s.peak(start, Instant::now()))
        .map_or_else(|| "-".to_string(), mib);
    let (quit_ok, quit_errors) = rt.block_on(fleet::quit(typed.readers));
    drop(sampler);

    let frames = typed.samples.len();
    let tps = procfs::ticks_per_second();
    let window = until.saturating_duration_since(start).as_secs_f64();
    let mut errors = fleet.errors;
    errors.extend(typed.errors);
    errors.extend(quit_errors);
    println!(
        "key → first byte: {}",
        show(Stats::of(typed.samples.iter().map(|s| s.first)))
    );
    println!(
        "key → end of frame: {}",
        show(Stats::of(typed.samples.iter().map(|s| s.end)))
    );
    println!(
        "frames: {frames} in {window:.0} s ({:.0}/s), {:.0} channel bytes each on average; late keys {}; bytes without a key {}",
        frames as f64 / window,
        typed.samples.iter().map(|s| s.bytes).sum::<u64>() as f64 / frames.max(1) as f64,
        typed.late,
        typed.unasked
    );
    println!("errors: {}", fleet::summarize(&errors));
    println!("quit with status 0: {quit_ok} of {connected}");
    println!(
        "server memory: baseline RSS {} (PSS {}); all connected RSS {} (PSS {}); after typing RSS {} (PSS {}); peak RSS sampled while typing {}{}",
        mib(base_rss),
        mib(base_pss),
        mib(all_rss),
        mib(all_pss),
        mib(end_rss),
        mib(end_pss),
        peak,
        watched
            .root_peak_kib()
            .filter(|_| !o.tree)
            .map(|k| format!(", VmHWM {}", mib(k)))
            .unwrap_or_default()
    );
    println!(
        "per additional session: RSS {} at the first frame, {} after typing; PSS {} at the first frame, {} after typing",
        per(all_rss, base_rss),
        per(end_rss, base_rss),
        per(all_pss, base_pss),
        per(end_pss, base_pss)
    );
    println!(
        "server CPU while typing: {:.2} s = {:.3} ms per frame ({:.0}% of one core); threads {threads}",
        cpu as f64 / tps,
        cpu as f64 / tps * 1000.0 / frames.max(1) as f64,
        cpu as f64 / tps / window * 100.0
    );
    println!(
        "load client CPU while typing: {:.2} s ({:.0}% of one core); load average {load_after} after",
        own as f64 / tps,
        own as f64 / tps / window * 100.0
    );
    if let Some(s) = served {
        s.wait_ended(connected, Duration::from_secs(10));
        println!("server log, how connections ended: {:?}", s.ends());
        let (took, code) = s.stop();
        println!("SIGTERM: exited in {} ms with {code:?}", took.as_millis());
    }
}
