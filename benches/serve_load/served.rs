//! The server under load: the release `briefing serve` started on a free
//! loopback port with a temporary state folder (its host key), its log
//! kept to count how connections ended.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Limits raised so that the load itself is not turned away: every reader
/// comes from 127.0.0.1, and there are more of them than the default 256.
pub const RAISED: &[&str] = &[
    "--max-sessions",
    "5000",
    "--max-per-ip",
    "5000",
    "--rate-per-ip",
    "100000",
];

/// A running `briefing serve`.
pub struct Served {
    child: Child,
    pub addr: SocketAddr,
    log: Arc<Mutex<String>>,
    state: PathBuf,
}

impl Served {
    /// Starts `briefing serve --listen 127.0.0.1:0 ARGS [FILE]`.
    pub fn start(args: &[&str], file: Option<&Path>) -> Self {
        static STARTED: AtomicUsize = AtomicUsize::new(0);
        let state = std::env::temp_dir().join(format!(
            "briefing-serve-load-{}-{}",
            std::process::id(),
            STARTED.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = std::fs::remove_dir_all(&state);
        std::fs::create_dir_all(&state).unwrap();
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_briefing"));
        cmd.arg("serve")
            .args(["--listen", "127.0.0.1:0"])
            .args(args)
            .args(file)
            .env("XDG_STATE_HOME", &state)
            .env("LANG", "C.UTF-8")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        let mut child = cmd.spawn().expect("the release binary starts");
        let log = Arc::new(Mutex::new(String::new()));
        let (tx, rx) = std::sync::mpsc::channel();
        let stderr = child.stderr.take().unwrap();
        let sink = Arc::clone(&log);
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines() {
                let Ok(line) = line else { break };
                if let Some(at) = line.find("listening on ") {
                    let addr: String = line[at + 13..].chars().take_while(|c| *c != ';').collect();
                    let _ = tx.send(addr.parse::<SocketAddr>().unwrap());
                }
                let mut log = sink.lock().unwrap();
                log.push_str(&line);
                log.push('\n');
            }
        });
        let addr = rx
            .recv_timeout(Duration::from_secs(20))
            .expect("the server listens");
        Self {
            child,
            addr,
            log,
            state,
        }
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// How many connections ended for each reason, by the log.
    pub fn ends(&self) -> BTreeMap<String, usize> {
        let mut ends = BTreeMap::new();
        for line in self.log.lock().unwrap().lines() {
            if let Some(end) = line.split(" end=").nth(1) {
                let end = end.split_whitespace().next().unwrap_or("").to_string();
                *ends.entry(end).or_default() += 1;
            }
        }
        ends
    }

    /// Lines of the log holding `text`.
    pub fn lines_with(&self, text: &str) -> Vec<String> {
        self.log
            .lock()
            .unwrap()
            .lines()
            .filter(|l| l.contains(text))
            .map(str::to_string)
            .collect()
    }

    /// Waits until the log has `n` lines with `end=`, at most `within`.
    pub fn wait_ended(&self, n: usize, within: Duration) {
        let start = Instant::now();
        while self.ends().values().sum::<usize>() < n && start.elapsed() < within {
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// SIGTERM; returns how long the server took to exit and its status.
    pub fn stop(mut self) -> (Duration, Option<i32>) {
        let start = Instant::now();
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        while start.elapsed() < Duration::from_secs(10) {
            if let Ok(Some(status)) = self.child.try_wait() {
                return (start.elapsed(), status.code());
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        (start.elapsed(), None)
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.state);
    }
}
