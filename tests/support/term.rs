//! A terminal for end-to-end tests: a program in a pseudo-terminal, its
//! output read through the `vt100` terminal emulator, keys sent as bytes,
//! sizes claimed, exit codes and terminal modes read back.

// Each test file uses its own part of this module.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

pub const TIMEOUT: Duration = Duration::from_secs(15);

/// A terminal with the binary running in it.
pub struct Term {
    pub child: Box<dyn Child + Send + Sync>,
    master: Option<Box<dyn MasterPty + Send>>,
    writer: Option<Box<dyn Write + Send>>,
    pub parser: Arc<Mutex<vt100::Parser>>,
    pub raw: Arc<Mutex<Vec<u8>>>,
    stop_reading: Arc<std::sync::atomic::AtomicBool>,
    reading: Option<std::thread::JoinHandle<()>>,
}

fn size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

impl Term {
    /// Runs `briefing args` under `sh`, which then prints the exit code and
    /// the terminal modes, so that a test can see they were restored.
    pub fn start(args: &[&str], env: &[(&str, &str)], cols: u16, rows: u16) -> Self {
        let mut cmd = CommandBuilder::new("sh");
        cmd.arg("-c");
        cmd.arg(r#""$0" "$@" & echo "PID=$!"; wait $!; echo "EXIT=$?"; stty -a"#);
        cmd.arg(env!("CARGO_BIN_EXE_briefing"));
        cmd.args(args);
        Self::spawn(cmd, env, cols, rows)
    }

    /// Runs the binary itself as the terminal's only process, as after an
    /// `ssh host briefing`.
    pub fn start_alone(cols: u16, rows: u16) -> Self {
        Self::spawn(
            CommandBuilder::new(env!("CARGO_BIN_EXE_briefing")),
            &[],
            cols,
            rows,
        )
    }

    /// Runs an interactive shell, for job control.
    pub fn start_shell(cols: u16, rows: u16) -> Self {
        let mut cmd = CommandBuilder::new("bash");
        cmd.args(["--norc", "--noprofile", "-i"]);
        Self::spawn(cmd, &[("PS1", "$ ")], cols, rows)
    }

    pub fn spawn(cmd: CommandBuilder, env: &[(&str, &str)], cols: u16, rows: u16) -> Self {
        Self::spawn_claiming(cmd, env, (cols, rows), (cols, rows))
    }

    /// Like `start`, in a terminal that claims to be `claimed` while the
    /// emulator reading it is `shown` (an absurd size needs no absurd
    /// emulator to check the reader survives it).
    pub fn start_claiming(args: &[&str], claimed: (u16, u16), shown: (u16, u16)) -> Self {
        let mut cmd = CommandBuilder::new("sh");
        cmd.arg("-c");
        cmd.arg(r#""$0" "$@" & echo "PID=$!"; wait $!; echo "EXIT=$?"; stty -a"#);
        cmd.arg(env!("CARGO_BIN_EXE_briefing"));
        cmd.args(args);
        Self::spawn_claiming(cmd, &[], claimed, shown)
    }

    pub fn spawn_claiming(
        mut cmd: CommandBuilder,
        env: &[(&str, &str)],
        (cols, rows): (u16, u16),
        (shown_cols, shown_rows): (u16, u16),
    ) -> Self {
        let pty = native_pty_system()
            .openpty(size(cols, rows))
            .expect("a pty");
        cmd.env("TERM", "xterm-256color");
        cmd.env("LANG", "C.UTF-8");
        cmd.env_remove("NO_COLOR");
        cmd.env_remove("COLORTERM");
        cmd.env_remove("LC_ALL");
        cmd.env_remove("LC_CTYPE");
        cmd.env_remove("BRIEFING_TEST_PANIC");
        cmd.env_remove("BRIEFING_TEST_ERROR");
        // The tester's own config file stays out of the tests.
        cmd.env_remove("BRIEFING_CONFIG");
        cmd.env("XDG_CONFIG_HOME", "/nonexistent/briefing-tests");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pty.slave.spawn_command(cmd).expect("spawn");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("reader");
        let writer = pty.master.take_writer().expect("writer");
        let nz = |n: u16| std::num::NonZeroU16::new(n.max(1)).unwrap();
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            nz(shown_rows),
            nz(shown_cols),
            0,
        )));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let stop_reading = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let (p, r, stop) = (
            Arc::clone(&parser),
            Arc::clone(&raw),
            Arc::clone(&stop_reading),
        );
        let reading = std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || stop.load(std::sync::atomic::Ordering::SeqCst) {
                    break;
                }
                p.lock().unwrap().process(&buf[..n]);
                r.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        Self {
            child,
            master: Some(pty.master),
            writer: Some(writer),
            parser,
            raw,
            stop_reading,
            reading: Some(reading),
        }
    }

    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    pub fn raw_text(&self) -> String {
        String::from_utf8_lossy(&self.raw.lock().unwrap()).into_owned()
    }

    /// Waits until `ok` holds for the screen, or fails with the screen.
    pub fn wait_until(
        &self,
        what: &str,
        ok: impl Fn(&vt100::Screen) -> bool,
    ) -> Result<(), String> {
        let start = Instant::now();
        while start.elapsed() < TIMEOUT {
            if ok(self.parser.lock().unwrap().screen()) {
                return Ok(());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        Err(format!(
            "timed out waiting for {what}; screen:\n{}",
            self.screen()
        ))
    }

    pub fn wait_for(&self, text: &str) {
        self.wait_until(text, |s| s.contents().contains(text))
            .unwrap();
    }

    pub fn send(&mut self, bytes: &[u8]) {
        let w = self.writer.as_mut().unwrap();
        w.write_all(bytes).unwrap();
        w.flush().unwrap();
    }

    /// Sends keys one at a time, as a person types them.
    pub fn keys(&mut self, keys: &[&[u8]]) {
        for k in keys {
            self.send(k);
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    /// Closes every handle on the terminal's master side, as a terminal
    /// emulator or sshd does when the window closes or the link drops.
    pub fn hang_up(&mut self) {
        self.stop_reading
            .store(true, std::sync::atomic::Ordering::SeqCst);
        self.send(b"2"); // output wakes the reading thread, which then stops
        if let Some(reading) = self.reading.take() {
            reading.join().unwrap();
        }
        self.writer = None;
        self.master = None;
    }

    /// Tells the terminal's processes it has a new size, without resizing
    /// the emulator reading it.
    pub fn claim_size(&self, cols: u16, rows: u16) {
        self.master
            .as_ref()
            .unwrap()
            .resize(size(cols, rows))
            .unwrap();
    }

    /// The terminal's modes, as `stty -a` prints them.
    pub fn modes(&self) -> String {
        let tty = self.master.as_ref().unwrap().tty_name().unwrap();
        let out = std::process::Command::new("stty")
            .arg("-a")
            .arg("-F")
            .arg(tty)
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.claim_size(cols, rows);
        let nz = |n: u16| std::num::NonZeroU16::new(n.max(1)).unwrap();
        self.parser
            .lock()
            .unwrap()
            .screen_mut()
            .set_size(nz(rows), nz(cols));
    }

    /// The reader's pid, as the wrapper printed it.
    pub fn pid(&self) -> String {
        self.wait_until("PID", |_| self.raw_text().contains("PID="))
            .unwrap();
        let raw = self.raw_text();
        let at = raw.find("PID=").unwrap() + 4;
        raw[at..].chars().take_while(char::is_ascii_digit).collect()
    }

    pub fn signal(&self, signal: &str) {
        let status = std::process::Command::new("kill")
            .args([signal, &self.pid()])
            .status()
            .unwrap();
        assert!(status.success());
    }

    /// The reader's exit code, once the wrapper printed it ("EXIT=" and a
    /// number; an echoed command line has "EXIT=$").
    pub fn exit_code(&self) -> i32 {
        let code = || {
            let text = self.raw_text();
            text.match_indices("EXIT=").find_map(|(at, _)| {
                let digits: String = text[at + 5..]
                    .chars()
                    .take_while(char::is_ascii_digit)
                    .collect();
                digits.parse().ok()
            })
        };
        self.wait_until("EXIT=", |_| code().is_some()).unwrap();
        code().unwrap()
    }

    /// Checks that the terminal is back as it was: main screen, cursor
    /// shown, and (from `stty -a`) line editing and echo on again.
    pub fn assert_restored(&self) {
        self.wait_until("stty output", |s| s.contents().contains("icanon"))
            .unwrap();
        let parser = self.parser.lock().unwrap();
        let screen = parser.screen();
        assert!(!screen.alternate_screen(), "still on the alternate screen");
        assert!(!screen.hide_cursor(), "cursor still hidden");
        let text = screen.contents();
        assert!(
            !text.contains("-icanon") && !text.contains("-echo "),
            "still in raw mode:\n{text}"
        );
    }
}

impl Drop for Term {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}
