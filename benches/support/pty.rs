//! A program in a pseudo-terminal of 80x24, its output logged with the
//! time each chunk arrived: how the terminal benches start programs, time
//! their first frame, send keys and read their memory.

// Each bench uses a part of it; a panic here is a failed measurement.
#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// The terminal's width.
pub const COLS: u16 = 80;
/// The terminal's height.
pub const ROWS: u16 = 24;
/// Output quiet for this long means the program finished reacting.
pub const QUIET: Duration = Duration::from_millis(120);

/// Output chunks with the time they arrived.
type Log = Arc<Mutex<Vec<(Instant, Vec<u8>)>>>;

pub struct Run {
    child: Box<dyn Child + Send + Sync>,
    _master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    log: Log,
    started: Instant,
}

impl Run {
    /// Starts `program` with `args` in a pty of `COLS` x `ROWS`.
    pub fn start(program: &Path, args: &[impl AsRef<std::ffi::OsStr>]) -> Self {
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
        cmd.env("LESS", "");
        cmd.env("LESSHISTFILE", "-");
        // The tester's own config file stays out of the figures.
        cmd.env_remove("BRIEFING_CONFIG");
        cmd.env_remove("NO_COLOR");
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

    pub fn bytes(&self) -> usize {
        self.log.lock().unwrap().iter().map(|(_, b)| b.len()).sum()
    }

    pub fn chunks(&self) -> usize {
        self.log.lock().unwrap().len()
    }

    /// Waits until no output came for `QUIET`.
    pub fn settle(&self) {
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

    /// Sends a key; returns the bytes written in reaction and the time from
    /// the key to the last byte of that reaction.
    pub fn key(&mut self, key: &[u8]) -> (usize, Duration) {
        self.settle();
        let (before, chunks) = (self.bytes(), self.chunks());
        let sent = Instant::now();
        self.writer.write_all(key).unwrap();
        self.writer.flush().unwrap();
        self.settle();
        let log = self.log.lock().unwrap();
        let done = log
            .get(chunks..)
            .and_then(|c| c.last())
            .map_or(Duration::ZERO, |(t, _)| *t - sent);
        (
            log.iter().map(|(_, b)| b.len()).sum::<usize>() - before,
            done,
        )
    }

    /// Time from start until the screen first showed `text`.
    pub fn time_until_shown(&self, text: &str) -> Duration {
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
    pub fn peak_rss_kib(&self) -> Option<u64> {
        let pid = self.child.process_id()?;
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
        let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
        line.split_whitespace().nth(1)?.parse().ok()
    }

    pub fn quit(mut self) {
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

pub fn nz(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).unwrap()
}
