//! Scenario (d): bytes per key over SSH against the local reader's, for the
//! keys of `cargo bench --bench terminal` (the full text of 10 copies of the
//! article at 80x24): the local reader in a pseudo-terminal, and one reader
//! over SSH counting its channel data (and the TCP bytes both ways).

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use memchr::memmem;
use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

use crate::client::{FRAME_END, KeyBytes, Reader, Target};
use crate::large;
use crate::served::Served;

/// Nothing more for this long: the answer to a key is complete.
const QUIET: Duration = Duration::from_millis(300);

/// The keys of the terminal bench, with how often each is typed.
const KEYS: [(&str, &[u8], usize); 6] = [
    ("one line down (j)", b"j", 20),
    ("one line up (k)", b"k", 20),
    ("page down (Space)", b" ", 4),
    ("page up (b)", b"b", 4),
    ("half page down (d)", b"d", 4),
    ("nothing to do (k at the top)", b"k", 3),
];

/// The local reader in a pseudo-terminal at 80x24.
struct Local {
    child: Box<dyn Child + Send + Sync>,
    _master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    out: Arc<Mutex<Vec<u8>>>,
}

impl Local {
    fn start(file: &Path) -> Self {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_briefing"));
        cmd.args(["--section", "text"]);
        cmd.arg(file);
        cmd.env("TERM", "xterm-256color");
        cmd.env("LANG", "C.UTF-8");
        cmd.env_remove("NO_COLOR");
        cmd.env_remove("COLORTERM");
        let mut reader = pty.master.try_clone_reader().unwrap();
        let writer = pty.master.take_writer().unwrap();
        let child = pty.slave.spawn_command(cmd).unwrap();
        drop(pty.slave);
        let out = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&out);
        std::thread::spawn(move || {
            let mut buf = vec![0u8; 65536];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        let local = Self {
            child,
            _master: pty.master,
            writer,
            out,
        };
        local.first_frame();
        local
    }

    /// Waits for the first frame, however slow the start, and for the
    /// output to settle after it.
    fn first_frame(&self) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while memmem::find(&self.out.lock().unwrap(), FRAME_END).is_none() {
            assert!(Instant::now() < deadline, "the local reader drew nothing");
            std::thread::sleep(Duration::from_millis(5));
        }
        let from = self.len();
        self.answer(from);
    }

    fn len(&self) -> usize {
        self.out.lock().unwrap().len()
    }

    /// Waits until the bytes after `from` hold a frame end, or nothing
    /// came for [`QUIET`]; returns how many came.
    fn answer(&self, from: usize) -> usize {
        let mut last = (self.len(), Instant::now());
        loop {
            std::thread::sleep(Duration::from_millis(2));
            let out = self.out.lock().unwrap();
            if memmem::find(&out[from.saturating_sub(FRAME_END.len() - 1)..], FRAME_END).is_some()
                && out.len() > from
            {
                return out.len() - from;
            }
            if out.len() != last.0 {
                last = (out.len(), Instant::now());
            } else if last.1.elapsed() >= QUIET {
                return out.len() - from;
            }
        }
    }

    fn key(&mut self, key: &[u8]) -> u64 {
        let from = self.len();
        self.writer.write_all(key).unwrap();
        self.writer.flush().unwrap();
        self.answer(from) as u64
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
    }
}

fn mean(v: &[u64]) -> f64 {
    v.iter().sum::<u64>() as f64 / v.len().max(1) as f64
}

fn spread(v: &[u64]) -> String {
    format!(
        "{:.0} ({}-{})",
        mean(v),
        v.iter().min().unwrap_or(&0),
        v.iter().max().unwrap_or(&0)
    )
}

pub fn run(rt: &tokio::runtime::Runtime) {
    println!("## bytes: bytes per key over SSH and locally, the keys of the terminal bench");
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let file = dir.join("serve-load-10.toml");
    std::fs::write(&file, large::repeated(10)).unwrap();

    // Locally: `briefing --section text FILE` in a pty, as the terminal bench.
    let mut local = Local::start(&file);
    let mut here: Vec<Vec<u64>> = Vec::new();
    for (label, key, n) in KEYS {
        if label.starts_with("nothing") {
            local.key(b"g");
        }
        here.push((0..n).map(|_| local.key(key)).collect());
    }
    local.quit();

    // Over SSH: `briefing serve FILE`, `5` for the full text, the same keys.
    let served = Served::start(&[], Some(&file));
    let target = Target {
        addr: served.addr,
        user: "reader".into(),
    };
    let remote: Vec<Vec<KeyBytes>> = rt.block_on(async {
        let (mut r, _) = Reader::open(&target, None, (80, 24), Duration::from_secs(10))
            .await
            .unwrap();
        r.key_bytes(b"5", QUIET).await.unwrap();
        let mut all = Vec::new();
        for (label, key, n) in KEYS {
            if label.starts_with("nothing") {
                r.key_bytes(b"g", QUIET).await.unwrap();
            }
            let mut v = Vec::new();
            for _ in 0..n {
                v.push(r.key_bytes(key, QUIET).await.unwrap());
            }
            all.push(v);
        }
        r.quit(Duration::from_secs(5)).await.unwrap();
        all
    });
    drop(served);

    println!(
        "| key | local reader, bytes (mean, min-max) | over SSH, channel data (mean, min-max) | equal key by key | over SSH, TCP bytes down / up per key (mean) |"
    );
    println!("|---|---|---|---|---|");
    let mut all_equal = true;
    for (i, (label, _, _)) in KEYS.iter().enumerate() {
        let data: Vec<u64> = remote[i].iter().map(|k| k.data).collect();
        let down: Vec<u64> = remote[i].iter().map(|k| k.wire_down).collect();
        let up: Vec<u64> = remote[i].iter().map(|k| k.wire_up).collect();
        let equal = data == here[i];
        all_equal &= equal;
        println!(
            "| {label} | {} | {} | {} | {:.0} / {:.0} |",
            spread(&here[i]),
            spread(&data),
            if equal { "yes" } else { "no" },
            mean(&down),
            mean(&up)
        );
        if !equal {
            println!("|  local {:?} / SSH {data:?} | | | | |", here[i]);
        }
    }
    println!(
        "every key: {}",
        if all_equal {
            "the same bytes over SSH as locally"
        } else {
            "DIFFERENT bytes over SSH"
        }
    );
}
