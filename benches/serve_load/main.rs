//! Load benchmark of `briefing serve` on loopback: hundreds of readers
//! typing over SSH (`load`), clients that stop taking output beside normal
//! readers (`stall`), idle and half-open connections (`idle`), and bytes
//! per key against the local reader (`bytes`). `load` also measures any
//! other SSH server (`--connect`), which is how `benches/openssh/run.sh`
//! measures OpenSSH + `ForceCommand briefing` with the same readers.
//!
//! Run: `cargo bench --bench serve_load` (every scenario at the issue's
//! sizes, about five minutes), or name scenarios and sizes, for example
//! `cargo bench --bench serve_load -- load --sessions 100 --seconds 10`.
//! `stall` needs Python's asyncssh (`pip install asyncssh`). The server is
//! the release binary (`target/release/briefing serve --listen
//! 127.0.0.1:0`) with a temporary `XDG_STATE_HOME`, and with
//! `--max-sessions`, `--max-per-ip` and `--rate-per-ip` raised, since every
//! reader comes from 127.0.0.1 (`idle` also runs with the defaults).

// A measuring harness: a panic is a failed measurement, and the counts are
// far too small to lose precision as floats.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice,
    clippy::cast_precision_loss,
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    clippy::similar_names,
    clippy::too_many_lines,
    clippy::missing_panics_doc
)]

#[path = "../support/large.rs"]
mod large;

mod bytes;
mod client;
mod fleet;
mod idle;
mod load;
mod procfs;
mod served;
mod stall;
mod stats;

use std::net::SocketAddr;

/// What to run, from the command line or the environment.
#[derive(Debug, Clone)]
pub struct Options {
    pub scenarios: Vec<String>,
    pub sessions: usize,
    pub seconds: f64,
    pub rate: f64,
    pub keys: String,
    pub handshakes: usize,
    pub stalled: usize,
    pub normal: usize,
    pub idle: usize,
    pub connect: Option<SocketAddr>,
    pub user: String,
    pub server_pid: Option<u32>,
    pub tree: bool,
}

const USAGE: &str = "\
usage: cargo bench --bench serve_load -- [load] [stall] [idle] [bytes] [OPTIONS]
  (no scenario: all four)
  --sessions N      readers typing in `load` (500)
  --seconds S       typing time in `load` and `stall`, seconds (30)
  --rate K          keys a second per reader (5)
  --keys KEYS       keys typed in turn, each changing the screen: 21 (a
                    section switch, the default) or jk (a line in the full text)
  --handshakes N    handshakes at once while the readers connect (32)
  --stalled N       clients that stop taking output in `stall` (100)
  --normal N        readers typing beside them in `stall` (100)
  --idle N          idle and half-open connections in `idle` (200)
  --connect ADDR    `load` against another SSH server at ADDR (no server started)
  --user NAME       user name to log in as (reader)
  --server-pid PID  that server's process, for its memory and CPU
  --tree            count the processes below it too (OpenSSH: one per reader)
Each option can also come from the environment: SERVE_LOAD_SESSIONS=100 and so on.";

impl Options {
    fn parse() -> Self {
        let env = |name: &str| std::env::var(format!("SERVE_LOAD_{}", name.to_uppercase())).ok();
        let mut o = Self {
            scenarios: Vec::new(),
            sessions: 500,
            seconds: 30.0,
            rate: 5.0,
            keys: "21".into(),
            handshakes: 32,
            stalled: 100,
            normal: 100,
            idle: 200,
            connect: None,
            user: "reader".into(),
            server_pid: None,
            tree: false,
        };
        let mut given: Vec<(String, String)> = [
            "sessions",
            "seconds",
            "rate",
            "keys",
            "handshakes",
            "stalled",
            "normal",
            "idle",
            "connect",
            "user",
            "server_pid",
        ]
        .iter()
        .filter_map(|n| Some((n.replace('_', "-"), env(n)?)))
        .collect();
        if env("tree").is_some() {
            o.tree = true;
        }
        let mut args = std::env::args().skip(1);
        while let Some(arg) = args.next() {
            match arg.as_str() {
                // What `cargo bench` passes to every bench.
                "--bench" => {}
                "--tree" => o.tree = true,
                "-h" | "--help" => {
                    println!("{USAGE}");
                    std::process::exit(0);
                }
                "load" | "stall" | "idle" | "bytes" => o.scenarios.push(arg),
                flag if flag.starts_with("--") => {
                    let Some(value) = args.next() else {
                        eprintln!("{flag} needs a value\n{USAGE}");
                        std::process::exit(2);
                    };
                    given.push((flag.trim_start_matches("--").to_string(), value));
                }
                other => {
                    eprintln!("unknown argument {other:?}\n{USAGE}");
                    std::process::exit(2);
                }
            }
        }
        for (name, value) in given {
            let bad = || -> ! {
                eprintln!("bad value for --{name}: {value:?}\n{USAGE}");
                std::process::exit(2)
            };
            let count = || value.parse::<usize>().unwrap_or_else(|_| bad());
            match name.as_str() {
                "sessions" => o.sessions = count(),
                "seconds" => o.seconds = value.parse().unwrap_or_else(|_| bad()),
                "rate" => o.rate = value.parse().unwrap_or_else(|_| bad()),
                "keys" if value == "21" || value == "jk" => o.keys.clone_from(&value),
                "handshakes" => o.handshakes = count(),
                "stalled" => o.stalled = count(),
                "normal" => o.normal = count(),
                "idle" => o.idle = count(),
                "connect" => o.connect = Some(value.parse().unwrap_or_else(|_| bad())),
                "user" => o.user.clone_from(&value),
                "server-pid" => o.server_pid = Some(value.parse().unwrap_or_else(|_| bad())),
                _ => bad(),
            }
        }
        if o.rate <= 0.0 || o.seconds <= 0.0 {
            eprintln!("--rate and --seconds must be positive\n{USAGE}");
            std::process::exit(2);
        }
        if o.scenarios.is_empty() {
            o.scenarios = if o.connect.is_some() {
                vec!["load".into()]
            } else {
                ["load", "stall", "idle", "bytes"]
                    .map(String::from)
                    .to_vec()
            };
        }
        if o.connect.is_some() && o.scenarios.iter().any(|s| s != "load") {
            eprintln!("--connect measures `load` only\n{USAGE}");
            std::process::exit(2);
        }
        o
    }

    /// The plan of the typing readers.
    pub fn plan(&self, sessions: usize) -> fleet::Plan {
        let (prefix, keys) = if self.keys == "jk" {
            (b"5".to_vec(), b"jk".to_vec())
        } else {
            (Vec::new(), b"21".to_vec())
        };
        fleet::Plan {
            sessions,
            handshakes: self.handshakes,
            size: (80, 24),
            prefix,
            keys,
            rate: self.rate,
        }
    }
}

/// The load client's runtime: two workers, as many as the machine's cores.
pub fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
}

fn main() {
    let o = Options::parse();
    println!(
        "serve_load: {} on {} cores, load average {} at the start",
        o.scenarios.join(", "),
        std::thread::available_parallelism().map_or(0, std::num::NonZero::get),
        procfs::load_average()
    );
    let rt = runtime();
    for s in &o.scenarios {
        println!();
        match s.as_str() {
            "load" => load::run(&o, &rt),
            "stall" => stall::run(&o, &rt),
            "idle" => idle::run(&o, &rt),
            "bytes" => bytes::run(&rt),
            _ => unreachable!(),
        }
    }
}
