//! What `/proc` says of the server under load: resident and proportional
//! memory, CPU time, threads; for one process, or summed over a process and
//! its descendants (OpenSSH: the listener, a monitor and a session process
//! per reader, and the reader itself).

use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// The processes measured.
#[derive(Debug, Clone, Copy)]
pub enum Watched {
    /// One process.
    Process(u32),
    /// A process and every process below it.
    Tree(u32),
}

fn field_kib(pid: u32, file: &str, name: &str) -> Option<u64> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/{file}")).ok()?;
    let line = text.lines().find(|l| l.starts_with(name))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// The fields of `/proc/PID/stat` after the command name (which may hold
/// spaces and parentheses): state is the first.
fn stat_fields(pid: u32) -> Option<Vec<String>> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let after = text.rsplit_once(')')?.1;
    Some(after.split_whitespace().map(str::to_string).collect())
}

/// User plus system CPU time, in clock ticks.
fn ticks(pid: u32) -> Option<u64> {
    let f = stat_fields(pid)?;
    // utime and stime are fields 14 and 15 of stat; 12 and 13 here.
    Some(f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?)
}

fn name(pid: u32) -> String {
    std::fs::read_to_string(format!("/proc/{pid}/comm"))
        .map(|s| s.trim().to_string())
        .unwrap_or_default()
}

/// Clock ticks a second (`getconf CLK_TCK`, 100 on Linux).
pub fn ticks_per_second() -> f64 {
    std::process::Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|o| String::from_utf8_lossy(&o.stdout).trim().parse().ok())
        .unwrap_or(100.0)
}

/// This process's own CPU time, in clock ticks.
pub fn own_ticks() -> u64 {
    ticks(std::process::id()).unwrap_or(0)
}

/// The 1-minute load average.
pub fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|s| s.split_whitespace().next().map(str::to_string))
        .unwrap_or_else(|| "?".into())
}

impl Watched {
    /// Every process measured, the root first.
    pub fn pids(self) -> Vec<u32> {
        match self {
            Self::Process(pid) => vec![pid],
            Self::Tree(root) => {
                let mut children: HashMap<u32, Vec<u32>> = HashMap::new();
                for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
                    let Some(pid) = entry.file_name().to_str().and_then(|s| s.parse().ok()) else {
                        continue;
                    };
                    let Some(ppid) =
                        stat_fields(pid).and_then(|f| f.get(1).and_then(|p| p.parse::<u32>().ok()))
                    else {
                        continue;
                    };
                    children.entry(ppid).or_default().push(pid);
                }
                let mut all = vec![root];
                let mut i = 0;
                while let Some(&pid) = all.get(i) {
                    all.extend(children.get(&pid).into_iter().flatten());
                    i += 1;
                }
                all
            }
        }
    }

    /// Resident memory (`VmRSS`), summed, in KiB.
    pub fn rss_kib(self) -> u64 {
        self.pids()
            .into_iter()
            .filter_map(|p| field_kib(p, "status", "VmRSS:"))
            .sum()
    }

    /// Proportional memory (Pss of `smaps_rollup`), summed, in KiB: shared
    /// pages counted once across the processes.
    pub fn pss_kib(self) -> u64 {
        self.pids()
            .into_iter()
            .filter_map(|p| field_kib(p, "smaps_rollup", "Pss:"))
            .sum()
    }

    /// Proportional memory by process name: (processes, KiB).
    pub fn pss_by_name(self) -> BTreeMap<String, (usize, u64)> {
        let mut by = BTreeMap::new();
        for pid in self.pids() {
            if let Some(kib) = field_kib(pid, "smaps_rollup", "Pss:") {
                let e: &mut (usize, u64) = by.entry(name(pid)).or_default();
                e.0 += 1;
                e.1 += kib;
            }
        }
        by
    }

    /// Peak resident memory of the root process (`VmHWM`), in KiB.
    pub fn root_peak_kib(self) -> Option<u64> {
        let (Self::Process(pid) | Self::Tree(pid)) = self;
        field_kib(pid, "status", "VmHWM:")
    }

    /// CPU time per process alive now, so a window's cost counts only the
    /// processes alive at both ends.
    pub fn cpu_by_pid(self) -> HashMap<u32, u64> {
        self.pids()
            .into_iter()
            .filter_map(|p| Some((p, ticks(p)?)))
            .collect()
    }

    /// Threads in all.
    pub fn threads(self) -> u64 {
        self.pids()
            .into_iter()
            .filter_map(|p| field_kib(p, "status", "Threads:"))
            .sum()
    }
}

/// CPU ticks spent between two readings of [`Watched::cpu_by_pid`], by
/// the processes present in both.
pub fn ticks_between(before: &HashMap<u32, u64>, after: &HashMap<u32, u64>) -> u64 {
    after
        .iter()
        .filter_map(|(pid, t)| Some(t.saturating_sub(*before.get(pid)?)))
        .sum()
}

/// Resident memory sampled in the background.
pub struct Sampler {
    stop: Arc<AtomicBool>,
    samples: Arc<Mutex<Vec<(Instant, u64)>>>,
    thread: Option<JoinHandle<()>>,
}

impl Sampler {
    /// Samples the RSS of `watched` every `every`.
    pub fn start(watched: Watched, every: Duration) -> Self {
        let stop = Arc::new(AtomicBool::new(false));
        let samples = Arc::new(Mutex::new(Vec::new()));
        let (s, o) = (Arc::clone(&samples), Arc::clone(&stop));
        let thread = std::thread::spawn(move || {
            while !o.load(Ordering::Relaxed) {
                let kib = watched.rss_kib();
                s.lock().unwrap().push((Instant::now(), kib));
                std::thread::sleep(every);
            }
        });
        Self {
            stop,
            samples,
            thread: Some(thread),
        }
    }

    /// The highest sample taken in `from..=to`.
    pub fn peak(&self, from: Instant, to: Instant) -> Option<u64> {
        self.samples
            .lock()
            .unwrap()
            .iter()
            .filter(|(t, _)| *t >= from && *t <= to)
            .map(|(_, k)| *k)
            .max()
    }

    /// The first sample taken at or after `at`.
    pub fn at(&self, at: Instant) -> Option<u64> {
        self.samples
            .lock()
            .unwrap()
            .iter()
            .find(|(t, _)| *t >= at)
            .map(|(_, k)| *k)
    }
}

impl Drop for Sampler {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// KiB as MiB with two decimals.
pub fn mib(kib: u64) -> String {
    format!("{:.2} MiB", kib as f64 / 1024.0)
}
