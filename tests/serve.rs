//! `briefing serve` end to end, on loopback: a real OpenSSH client in a
//! pseudo-terminal read through a terminal emulator, `exec` and no-pty
//! runs, refused forwarding, limits and timers with short values, a client
//! that stops reading, the panic hook, SIGTERM, host keys and logins. A
//! russh client sends what OpenSSH will not (absurd sizes, floods).
//!
//! Needs the OpenSSH client (`ssh`, `ssh-keygen`): without it these tests
//! say so and pass, except under `CI=true`, where `.ci/run` installs it.

// A panic in a test is a failing test, not a crash.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use briefing::action::Action;
use briefing::bundled::bundled;
use briefing::view;
use portable_pty::CommandBuilder;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

mod support;
use support::app::Open;
use support::term::Term;

/// Whether the OpenSSH client is here; fails under CI, where it must be.
fn have_ssh() -> bool {
    let found = ["ssh", "ssh-keygen"].iter().all(|tool| {
        Command::new(tool)
            .arg("-V")
            .stderr(Stdio::null())
            .stdout(Stdio::null())
            .status()
            .is_ok()
    });
    if !found {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "the OpenSSH client is missing: .ci/run installs it"
        );
        eprintln!("skipped: needs the OpenSSH client (apt install openssh-client)");
    }
    found
}

/// A temporary folder, removed when dropped.
struct Temp(PathBuf);

impl Temp {
    fn new(name: &str) -> Self {
        // The library's folder name is shown to readers: a plain one.
        static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let dir =
            std::env::temp_dir().join(format!("briefing-serve-{}-{name}-{n}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        Self(dir)
    }
}

impl Drop for Temp {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A running `briefing serve` on a free loopback port.
struct Server {
    child: Child,
    port: u16,
    log: Arc<Mutex<String>>,
    state: Option<Temp>,
}

impl Server {
    fn start(args: &[&str]) -> Self {
        Self::start_with(args, &[])
    }

    fn start_with(args: &[&str], env: &[(&str, &str)]) -> Self {
        let state = Temp::new("state");
        let mut server = Self::start_in(&state.0, args, env);
        server.state = Some(state);
        server
    }

    /// A server keeping its state (the host key) in `state`.
    fn start_in(state: &Path, args: &[&str], env: &[(&str, &str)]) -> Self {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_briefing"));
        cmd.arg("serve")
            .args(["--listen", "127.0.0.1:0"])
            .args(args)
            .env("XDG_STATE_HOME", state)
            .env("LANG", "C.UTF-8")
            .env_remove("BRIEFING_TEST_PANIC")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        for (k, v) in env {
            cmd.env(k, v);
        }
        let mut child = cmd.spawn().unwrap();
        let log = Arc::new(Mutex::new(String::new()));
        let (tx, rx) = std::sync::mpsc::channel();
        let stderr = child.stderr.take().unwrap();
        let sink = Arc::clone(&log);
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines() {
                let Ok(line) = line else { break };
                {
                    let mut log = sink.lock().unwrap();
                    log.push_str(&line);
                    log.push('\n');
                }
                if let Some(at) = line.find("listening on 127.0.0.1:") {
                    let port: String = line[at + 23..]
                        .chars()
                        .take_while(char::is_ascii_digit)
                        .collect();
                    let _ = tx.send(port.parse::<u16>().unwrap());
                }
            }
        });
        let port = rx
            .recv_timeout(Duration::from_secs(20))
            .expect("the server listens");
        Self {
            child,
            port,
            log,
            state: None,
        }
    }

    fn log(&self) -> String {
        self.log.lock().unwrap().clone()
    }

    /// Waits until the log holds `n` lines with `text`.
    fn wait_log(&self, text: &str, n: usize, within: Duration) -> String {
        let start = Instant::now();
        loop {
            let log = self.log();
            if log.matches(text).count() >= n {
                return log;
            }
            assert!(
                start.elapsed() < within,
                "waited for {n} × {text:?} in the log:\n{log}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn ssh_args(&self) -> Vec<String> {
        [
            "-F",
            "/dev/null",
            "-p",
            &self.port.to_string(),
            "-o",
            "StrictHostKeyChecking=no",
            "-o",
            "UserKnownHostsFile=/dev/null",
            "-o",
            "LogLevel=ERROR",
            "-o",
            "BatchMode=yes",
            "-o",
            "ConnectTimeout=10",
        ]
        .iter()
        .map(ToString::to_string)
        .collect()
    }

    /// `ssh -tt` to the server in a terminal of `cols` x `rows`.
    fn reader(&self, extra: &[&str], cols: u16, rows: u16) -> Term {
        self.terminal(extra, None, cols, rows)
    }

    /// `ssh -tt [options] host [command]` in a terminal.
    fn terminal(&self, extra: &[&str], command: Option<&str>, cols: u16, rows: u16) -> Term {
        let mut cmd = CommandBuilder::new("sh");
        cmd.arg("-c");
        cmd.arg(r#""$0" "$@"; echo "EXIT=$?"; stty -a"#);
        cmd.arg("ssh");
        cmd.args(self.ssh_args());
        cmd.args(extra);
        cmd.args(["-tt", "127.0.0.1"]);
        cmd.args(command);
        Term::spawn(cmd, &[], cols, rows)
    }

    /// `ssh args…` with its output captured.
    fn ssh(&self, extra: &[&str]) -> std::process::Output {
        Command::new("ssh")
            .args(self.ssh_args())
            .args(extra)
            .stdin(Stdio::null())
            .output()
            .unwrap()
    }

    fn signal(&self, signal: &str) {
        Command::new("kill")
            .args([signal, &self.child.id().to_string()])
            .status()
            .unwrap();
    }

    fn rss_kib(&self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).unwrap();
        let line = status.lines().find(|l| l.starts_with("VmRSS:")).unwrap();
        line.split_whitespace().nth(1).unwrap().parse().unwrap()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The reader as the local code renders it, as text rows.
fn local_screen(actions: &[Action], cols: u16, rows: u16) -> String {
    let mut app = Open {
        colours: support::app::ANSI,
        ..Open::default()
    }
    .app(bundled(), cols, rows);
    for a in actions {
        app.update(*a);
    }
    let area = Rect::new(0, 0, cols, rows);
    let mut buf = Buffer::empty(area);
    view::render(&app, area, &mut buf);
    let w = usize::from(cols);
    buf.content
        .chunks(w)
        .map(|row| {
            row.iter()
                .map(ratatui::buffer::Cell::symbol)
                .collect::<String>()
                .trim_end()
                .to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn shown(t: &Term) -> String {
    t.screen()
        .lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Waits until the terminal shows exactly `expected`.
fn wait_screen(t: &Term, expected: &str) {
    let start = Instant::now();
    while shown(t).trim_end() != expected.trim_end() {
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "expected:\n{expected}\n\nshown:\n{}",
            shown(t)
        );
        std::thread::sleep(Duration::from_millis(30));
    }
}

#[test]
fn an_openssh_client_reads_exactly_what_the_local_reader_shows() {
    if !have_ssh() {
        return;
    }
    let server = Server::start(&[]);
    let mut t = server.reader(&[], 80, 24);
    wait_screen(&t, &local_screen(&[], 80, 24));
    t.send(b"2");
    wait_screen(&t, &local_screen(&[Action::GoTo(1)], 80, 24));
    t.send(b"j");
    wait_screen(&t, &local_screen(&[Action::GoTo(1), Action::Down], 80, 24));
    t.resize(60, 15);
    wait_screen(
        &t,
        &local_screen(
            &[Action::GoTo(1), Action::Down, Action::Resize(60, 15)],
            60,
            15,
        ),
    );
    t.send(b"/Pj\r");
    t.wait_for("/9]  ");
    t.send(b"q");
    assert_eq!(t.exit_code(), 0);
    t.assert_restored();
    let log = server.wait_log("end=quit", 1, Duration::from_secs(5));
    assert!(
        log.contains("kind=reader") && log.contains("size=60x15"),
        "{log}"
    );
}

#[test]
fn exec_and_no_pty_print_the_plain_view_and_run_nothing() {
    if !have_ssh() {
        return;
    }
    let server = Server::start(&[]);
    let canary = Temp::new("canary");
    let target = canary.0.join("touched");
    let command = format!("touch {}", target.display());
    let plain = Command::new(env!("CARGO_BIN_EXE_briefing"))
        .args(["--plain", "--width", "80"])
        .env("LANG", "C.UTF-8")
        .output()
        .unwrap()
        .stdout;
    for run in [vec!["127.0.0.1", command.as_str()], vec!["-T", "127.0.0.1"]] {
        let out = server.ssh(&run);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{run:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!out.stdout.contains(&0x1b), "{run:?}: an escape byte");
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&plain),
            "{run:?}"
        );
    }
    assert!(!target.exists(), "the command ran");
    let log = server.wait_log("end=done", 2, Duration::from_secs(5));
    assert!(!log.contains("touch"), "the command was logged:\n{log}");
    // With a pty (`ssh -tt host cmd`), lines end in CR LF for the raw terminal.
    let t = server.terminal(&[], Some("whatever"), 100, 30);
    assert_eq!(t.exit_code(), 0);
    let raw = t.raw_text();
    assert!(
        raw.contains("Überblick\r\n") && !raw.contains('\u{1b}'),
        "{raw:?}"
    );
}

#[test]
fn subsystems_forwarding_agent_and_x11_are_refused() {
    if !have_ssh() {
        return;
    }
    let server = Server::start(&["--no-session-timeout", "3s"]);
    let canary = TcpListener::bind("127.0.0.1:0").unwrap();
    canary.set_nonblocking(true).unwrap();
    let target = canary.local_addr().unwrap().port();
    let sftp = server.ssh(&["-s", "127.0.0.1", "sftp"]);
    assert_ne!(sftp.status.code(), Some(0), "sftp got in");
    let remote = server.ssh(&[
        "-o",
        "ExitOnForwardFailure=yes",
        "-R",
        "0:127.0.0.1:9",
        "-N",
        "127.0.0.1",
    ]);
    assert_eq!(
        remote.status.code(),
        Some(255),
        "remote forwarding was allowed"
    );
    // Local forwarding: a connection to the forwarded port reaches nobody.
    let local = free_port();
    let mut fwd = Command::new("ssh")
        .args(server.ssh_args())
        .args(["-N", "-L", &format!("{local}:127.0.0.1:{target}")])
        .arg("127.0.0.1")
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while TcpStream::connect(("127.0.0.1", local)).is_err()
        && start.elapsed() < Duration::from_secs(5)
    {
        std::thread::sleep(Duration::from_millis(50));
    }
    if let Ok(mut s) = TcpStream::connect(("127.0.0.1", local)) {
        let _ = s.write_all(b"GET / HTTP/1.0\r\n\r\n");
        std::thread::sleep(Duration::from_millis(300));
    }
    assert!(
        canary.accept().is_err(),
        "the forwarded connection reached the canary"
    );
    // A connection with no session is closed after the no-session time.
    let status = wait_child(&mut fwd, Duration::from_secs(10));
    assert!(status.is_some(), "ssh -N was not closed");
    let with_agent = server.ssh(&["-A", "-X", "127.0.0.1", "x"]);
    assert_eq!(
        with_agent.status.code(),
        Some(0),
        "agent and X11 requests are refused, the rest goes on"
    );
    server.wait_log("end=no-session", 1, Duration::from_secs(5));
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn wait_child(child: &mut Child, within: Duration) -> Option<std::process::ExitStatus> {
    let start = Instant::now();
    while start.elapsed() < within {
        if let Some(status) = child.try_wait().unwrap() {
            return Some(status);
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = child.kill();
    None
}

#[test]
fn a_library_is_served_listed_searched_and_read_with_no_marks_kept() {
    if !have_ssh() {
        return;
    }
    let books = Temp::new("books");
    support::files::library_at(&books.0);
    let cache = Temp::new("cache");
    let state = Temp::new("state");
    let path = books.0.to_str().unwrap();
    let server = Server::start_in(
        &state.0,
        &[path],
        &[("XDG_CACHE_HOME", cache.0.to_str().unwrap())],
    );
    server.wait_log("serving the library", 1, Duration::from_secs(5));
    // Without a terminal: the list, paths within the library only.
    let out = server.ssh(&["127.0.0.1"]);
    assert_eq!(out.status.code(), Some(0));
    let list = String::from_utf8_lossy(&out.stdout);
    assert!(
        list.contains("en/harbour-lanterns.toml")
            && list.contains("Port Alder lights its harbour with paper lanterns")
            && list.contains("broken/syntax.toml:"),
        "{list}"
    );
    assert!(!list.contains(path), "a server path shown:\n{list}");
    assert!(!out.stdout.contains(&0x1b));
    // In a terminal: the library screen, a full-text search whose results
    // arrive while the session waits for keys, a briefing opened at a hit.
    let mut t = server.reader(&[], 100, 30);
    t.wait_for("Bibliothek");
    t.wait_for("Port Alder lights its harbour");
    assert!(!t.screen().contains(path), "{}", t.screen());
    t.send(b"F");
    t.send(b"lanterns\r");
    // Enter before the first hit has nothing to open: wait for the hits.
    t.wait_for("9 Treffer in 1 Briefing");
    t.send(b"\r");
    t.wait_for("Bibliothek › en/harbour-lanterns.toml");
    t.send(b"0");
    t.wait_for("Treffer");
    t.send(b"\x1b");
    t.wait_for("Gemeinderat Brunnwil");
    t.send(b"q");
    assert_eq!(t.exit_code(), 0);
    server.wait_log("end=quit", 1, Duration::from_secs(5));
    assert!(
        !state.0.join("briefing/read").exists(),
        "a served session kept read marks"
    );
    assert!(
        std::fs::read_dir(cache.0.join("briefing")).is_ok_and(|mut d| d.next().is_some()),
        "the row cache is shared"
    );
}

#[test]
fn anonymous_logins_need_no_key_and_authorized_keys_limit_who_reads() {
    if !have_ssh() {
        return;
    }
    let server = Server::start(&[]);
    let none = server.ssh(&["-o", "PreferredAuthentications=none", "127.0.0.1", "x"]);
    assert_eq!(
        none.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&none.stderr)
    );
    drop(server);
    let keys = Temp::new("keys");
    let key = keys.0.join("id");
    let other = keys.0.join("other");
    for path in [&key, &other] {
        let made = Command::new("ssh-keygen")
            .args(["-q", "-t", "ed25519", "-N", "", "-f"])
            .arg(path)
            .status()
            .unwrap();
        assert!(made.success());
    }
    let authorized = keys.0.join("authorized_keys");
    std::fs::copy(key.with_extension("pub"), &authorized).unwrap();
    let server = Server::start(&["--authorized-keys", authorized.to_str().unwrap()]);
    let key_arg = |k: &Path| {
        vec![
            "-o".to_string(),
            "IdentitiesOnly=yes".into(),
            "-i".into(),
            k.display().to_string(),
        ]
    };
    let mut listed: Vec<String> = key_arg(&key);
    listed.extend(["127.0.0.1".into(), "x".into()]);
    let listed: Vec<&str> = listed.iter().map(String::as_str).collect();
    let ok = server.ssh(&listed);
    assert_eq!(
        ok.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let mut unlisted: Vec<String> = key_arg(&other);
    unlisted.extend(["127.0.0.1".into(), "x".into()]);
    let unlisted: Vec<&str> = unlisted.iter().map(String::as_str).collect();
    let refused = server.ssh(&unlisted);
    assert_eq!(refused.status.code(), Some(255));
    let refused = server.ssh(&[
        "-o",
        "PreferredAuthentications=none,password,keyboard-interactive",
        "127.0.0.1",
        "x",
    ]);
    assert_eq!(refused.status.code(), Some(255));
    let err = String::from_utf8_lossy(&refused.stderr);
    assert!(
        err.contains("publickey") && !err.contains("password"),
        "{err}"
    );
}

#[test]
fn the_host_key_is_made_once_private_and_refused_when_open() {
    use std::os::unix::fs::PermissionsExt;
    let state = Temp::new("hostkey");
    let fingerprint = |log: &str| {
        log.split("host key ")
            .nth(1)
            .unwrap()
            .split(';')
            .next()
            .unwrap()
            .to_string()
    };
    let first = fingerprint(&Server::start_in(&state.0, &[], &[]).log());
    assert!(first.starts_with("SHA256:"), "{first}");
    let key = state.0.join("briefing/host_ed25519_key");
    assert_eq!(
        std::fs::metadata(&key).unwrap().permissions().mode() & 0o777,
        0o600
    );
    let folder = std::fs::metadata(key.parent().unwrap()).unwrap();
    assert_eq!(folder.permissions().mode() & 0o777, 0o700);
    let again = fingerprint(&Server::start_in(&state.0, &[], &[]).log());
    assert_eq!(first, again, "a new key on restart");
    std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o644)).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_briefing"))
        .args(["serve", "--listen", "127.0.0.1:0", "--host-key"])
        .arg(&key)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("chmod 600") && err.lines().count() == 1,
        "{err}"
    );
}

#[test]
fn only_modern_algorithms_are_offered() {
    if !have_ssh() {
        return;
    }
    // Six connections at once: more than the default burst from one address.
    let server = Server::start(&["--rate-per-ip", "1000"]);
    for option in [
        "KexAlgorithms=diffie-hellman-group14-sha256",
        "KexAlgorithms=diffie-hellman-group-exchange-sha256",
        "Ciphers=aes128-cbc",
        // (An AEAD cipher carries its own MAC: ask for one that does not.)
        "Ciphers=aes128-ctr -o MACs=hmac-sha1",
        "HostKeyAlgorithms=rsa-sha2-512",
    ] {
        let mut args: Vec<&str> = Vec::new();
        for part in option.split(" -o ") {
            args.extend(["-o", part]);
        }
        args.extend(["127.0.0.1", "x"]);
        let out = server.ssh(&args);
        assert_eq!(out.status.code(), Some(255), "{option} was accepted");
    }
    let verbose = server.ssh(&["-vv", "-o", "Compression=yes", "127.0.0.1", "x"]);
    assert_eq!(verbose.status.code(), Some(0));
    let debug = String::from_utf8_lossy(&verbose.stderr);
    assert!(
        debug.contains("kex-strict-s-v00@openssh.com"),
        "no strict kex:\n{debug}"
    );
    assert!(
        debug.contains("kex: algorithm: mlkem768x25519-sha256")
            || debug.contains("kex: algorithm: curve25519-sha256")
            || debug.contains("kex: algorithm: sntrup761x25519"),
        "{debug}"
    );
    assert!(
        debug.contains("compression: none"),
        "compression was negotiated:\n{debug}"
    );
}

#[test]
fn per_address_and_rate_limits_turn_clients_away_with_a_line() {
    if !have_ssh() {
        return;
    }
    let server = Server::start(&["--max-per-ip", "2", "--rate-per-ip", "60"]);
    let mut held: Vec<Term> = (0..2).map(|_| server.reader(&[], 80, 24)).collect();
    for t in &held {
        t.wait_for("Das Wichtigste");
    }
    let start = Instant::now();
    let mut third = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    third
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    let mut said = String::new();
    let _ = third.read_to_string(&mut said);
    assert_eq!(said, "busy, try later\r\n");
    assert!(start.elapsed() < Duration::from_secs(1));
    for t in &mut held {
        t.send(b"q");
        assert_eq!(t.exit_code(), 0);
    }
    server.wait_log("refused=per-address", 1, Duration::from_secs(5));
    // Ten a minute comes in bursts of five: the sixth at once waits.
    let fast = Server::start(&["--rate-per-ip", "10"]);
    let outcomes: Vec<bool> = (0..6)
        .map(|_| {
            let mut s = TcpStream::connect(("127.0.0.1", fast.port)).unwrap();
            s.set_read_timeout(Some(Duration::from_secs(3))).unwrap();
            let mut first = [0u8; 4];
            s.read_exact(&mut first).is_ok() && &first == b"SSH-"
        })
        .collect();
    assert_eq!(outcomes, [true, true, true, true, true, false]);
}

#[test]
fn silent_connections_are_pushed_out_by_new_ones_or_closed_at_the_login_deadline() {
    let server = Server::start(&[
        "--login-timeout",
        "3s",
        "--max-unauthenticated",
        "3",
        "--max-per-ip",
        "50",
        "--rate-per-ip",
        "1000",
    ]);
    let start = Instant::now();
    let mut silent: Vec<TcpStream> = (0..3)
        .map(|_| {
            let s = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
            // Accepted in this order.
            std::thread::sleep(Duration::from_millis(100));
            s
        })
        .collect();
    // A fourth is over the cap of connections not logged in: the one
    // waiting longest makes room, long before its deadline.
    silent.push(TcpStream::connect(("127.0.0.1", server.port)).unwrap());
    let first = silent.remove(0);
    let closed = read_until_closed(first, Duration::from_secs(2));
    assert!(closed.starts_with(b"SSH-2.0-briefing"), "{closed:?}");
    assert!(
        start.elapsed() < Duration::from_secs(2),
        "pushed out at once"
    );
    server.wait_log("end=pushed-out", 1, Duration::from_secs(2));
    if have_ssh() {
        // A real reader gets in past the silent ones.
        let mut t = server.reader(&[], 80, 24);
        t.wait_for("Das Wichtigste");
        t.send(b"q");
        assert_eq!(t.exit_code(), 0);
        silent.remove(0);
        server.wait_log("end=pushed-out", 2, Duration::from_secs(2));
    }
    for s in silent {
        let buf = read_until_closed(s, Duration::from_secs(6));
        assert!(buf.starts_with(b"SSH-2.0-briefing"), "{buf:?}");
    }
    let took = start.elapsed();
    assert!(
        took >= Duration::from_secs(3) && took < Duration::from_secs(6),
        "the others at the deadline: {took:?}"
    );
    server.wait_log("end=login-timeout", 2, Duration::from_secs(5));
}

/// What the server sent until it closed the connection.
fn read_until_closed(mut s: TcpStream, within: Duration) -> Vec<u8> {
    s.set_read_timeout(Some(within)).unwrap();
    let mut buf = Vec::new();
    let _ = s.read_to_end(&mut buf);
    buf
}

#[test]
fn idle_and_longest_sessions_end_with_a_notice() {
    if !have_ssh() {
        return;
    }
    let server = Server::start(&["--idle-timeout", "2s"]);
    // Keepalives are not keys.
    let t = server.reader(&["-o", "ServerAliveInterval=1"], 80, 24);
    t.wait_for("Das Wichtigste");
    let start = Instant::now();
    assert_eq!(t.exit_code(), 1, "the session ends with a failure status");
    assert!(
        start.elapsed() < Duration::from_secs(5),
        "{:?}",
        start.elapsed()
    );
    t.wait_for("closed after a while without a key");
    t.assert_restored();
    server.wait_log("end=idle", 1, Duration::from_secs(5));

    let server = Server::start(&["--max-session", "3s"]);
    let mut t = server.reader(&[], 80, 24);
    t.wait_for("Das Wichtigste");
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(6) && !t.raw_text().contains("EXIT=") {
        t.send(b"j");
        std::thread::sleep(Duration::from_millis(200));
    }
    assert_eq!(t.exit_code(), 1);
    t.wait_for("longest length");
    let took = start.elapsed();
    assert!(
        took > Duration::from_secs(2) && took < Duration::from_secs(5),
        "{took:?}"
    );
    server.wait_log("end=max-length", 1, Duration::from_secs(5));
}

#[test]
fn a_panic_ends_one_session_and_the_server_goes_on() {
    if !have_ssh() || !cfg!(debug_assertions) {
        return;
    }
    let server = Server::start_with(&[], &[("BRIEFING_TEST_PANIC", "1")]);
    let other = server.reader(&[], 80, 24);
    other.wait_for("Das Wichtigste");
    let mut t = server.reader(&[], 80, 24);
    t.wait_for("Das Wichtigste");
    t.send(b"j");
    assert_eq!(t.exit_code(), 1);
    t.assert_restored();
    let log = server.wait_log("end=panic", 1, Duration::from_secs(5));
    assert!(log.contains("internal error in a session"), "{log}");
    assert_eq!(
        log.lines().filter(|l| l.contains("internal error")).count(),
        1,
        "{log}"
    );
    // The other reader (which panics too on its first key, being served
    // by the same test server) is still there and redraws.
    assert!(shown(&other).contains("Das Wichtigste"));
    let late = server.reader(&[], 80, 24);
    late.wait_for("Das Wichtigste");
    drop(late);
    drop(other);
}

#[test]
fn sigterm_restores_every_client_and_exits_within_five_seconds() {
    if !have_ssh() {
        return;
    }
    let mut server = Server::start(&[]);
    let mut readers: Vec<Term> = (0..3).map(|_| server.reader(&[], 80, 24)).collect();
    for t in &readers {
        t.wait_for("Das Wichtigste");
    }
    readers[1].send(b"4");
    readers[1].wait_for("Personen");
    let start = Instant::now();
    server.signal("-TERM");
    let status = wait_child(&mut server.child, Duration::from_secs(5));
    assert_eq!(
        status.and_then(|s| s.code()),
        Some(0),
        "the server did not exit in time"
    );
    for t in &mut readers {
        t.exit_code();
        t.assert_restored();
        t.wait_for("shutting down");
    }
    assert!(start.elapsed() < Duration::from_secs(5));
    server.wait_log("end=shutdown", 3, Duration::from_secs(1));
}

#[test]
fn a_client_that_stops_reading_is_dropped_and_costs_little() {
    if !have_ssh() {
        return;
    }
    let server = Server::start(&[]);
    let rss_before = server.rss_kib();
    // ssh in a large terminal, its output going into a pipe nobody reads:
    // it keeps sending keys but stops taking frames.
    let mut cmd = CommandBuilder::new("sh");
    cmd.arg("-c");
    cmd.arg(r#""$0" "$@" | sleep 600"#);
    cmd.arg("ssh");
    cmd.args(server.ssh_args());
    cmd.args(["-tt", "127.0.0.1"]);
    let mut stalled = Term::spawn(cmd, &[], 300, 100);
    std::thread::sleep(Duration::from_millis(500));
    let start = Instant::now();
    // Others are served meanwhile.
    let mut t = server.reader(&[], 80, 24);
    t.wait_for("Das Wichtigste");
    while !server.log().contains("end=stall") && start.elapsed() < Duration::from_secs(40) {
        stalled.send(b"5G");
        std::thread::sleep(Duration::from_millis(10));
        stalled.send(b"1");
        std::thread::sleep(Duration::from_millis(10));
    }
    let log = server.wait_log("end=stall", 1, Duration::from_secs(1));
    t.send(b"2");
    t.wait_for("Kennzahlen");
    t.send(b"q");
    assert_eq!(t.exit_code(), 0);
    let grown = server.rss_kib().saturating_sub(rss_before);
    assert!(grown < 20 * 1024, "the server grew {grown} KiB:\n{log}");
}

#[test]
fn clients_that_die_leave_no_thread_behind() {
    if !have_ssh() {
        return;
    }
    let server = Server::start(&[]);
    let threads = || {
        std::fs::read_dir(format!("/proc/{}/task", server.child.id()))
            .unwrap()
            .count()
    };
    let mut t = server.reader(&[], 80, 24);
    t.wait_for("Das Wichtigste");
    let baseline = threads();
    let readers: Vec<Term> = (0..3).map(|_| server.reader(&[], 80, 24)).collect();
    for r in &readers {
        r.wait_for("Das Wichtigste");
    }
    assert!(threads() >= baseline + 3, "one thread per reader");
    // SIGKILL to each ssh (the child of the `sh` in its terminal): no
    // channel close, no goodbye, only the socket closing.
    for r in &readers {
        let sh = r.child.process_id().unwrap().to_string();
        let killed = Command::new("pkill")
            .args(["-KILL", "-P", &sh])
            .status()
            .unwrap();
        assert!(killed.success());
    }
    server.wait_log("peer=", 3, Duration::from_secs(10));
    let start = Instant::now();
    while threads() > baseline && start.elapsed() < Duration::from_secs(5) {
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(threads(), baseline, "threads left behind");
    t.send(b"q");
    assert_eq!(t.exit_code(), 0);
}

mod hostile {
    //! What OpenSSH will not send, from a russh client.

    use std::sync::Arc;
    use std::time::Duration;

    use russh::client;
    use russh::keys::PublicKeyOrCertificate;

    use super::{Server, SocketAddr};
    use crate::support::sgr::colour_kinds;

    struct Trusting;

    impl client::Handler for Trusting {
        type Error = russh::Error;

        async fn check_server_key(
            &mut self,
            _key: &PublicKeyOrCertificate,
        ) -> Result<bool, Self::Error> {
            Ok(true)
        }
    }

    async fn connect(port: u16, version: &str) -> client::Handle<Trusting> {
        let config = client::Config {
            client_id: russh::SshId::Standard(version.to_string().into()),
            ..client::Config::default()
        };
        let addr: SocketAddr = ([127, 0, 0, 1], port).into();
        let mut handle = client::connect(Arc::new(config), addr, Trusting)
            .await
            .unwrap();
        let auth = handle.authenticate_none("reader").await.unwrap();
        assert!(auth.success());
        handle
    }

    fn runtime() -> tokio::runtime::Runtime {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap()
    }

    #[test]
    fn absurd_sizes_and_environments_are_capped() {
        let server = Server::start(&[]);
        runtime().block_on(async {
            let handle = connect(server.port, "SSH-2.0-hostile").await;
            let mut channel = handle.channel_open_session().await.unwrap();
            for i in 0..50 {
                let value = "x".repeat(if i % 2 == 0 { 100_000 } else { 10 });
                let _ = channel.set_env(true, format!("LC_{i}"), value).await;
            }
            channel
                .request_pty(true, &"x".repeat(10_000), u32::MAX, u32::MAX, 0, 0, &[])
                .await
                .unwrap();
            channel.request_shell(true).await.unwrap();
            for (w, h) in [
                (0, 0),
                (1, 1),
                (65_535, 65_535),
                (u32::MAX, 3),
                (300, u32::MAX),
                (80, 24),
            ] {
                channel.window_change(w, h, 0, 0).await.unwrap();
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
            channel.data(&b"2j"[..]).await.unwrap();
            let mut seen = Vec::new();
            let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
            while let Ok(Some(msg)) = tokio::time::timeout_at(deadline, channel.wait()).await {
                if let russh::ChannelMsg::Data { data } = msg {
                    seen.extend_from_slice(&data);
                    if String::from_utf8_lossy(&seen).contains("Kennzahlen") {
                        break;
                    }
                }
            }
            assert!(
                String::from_utf8_lossy(&seen).contains("Kennzahlen"),
                "the reader still answers"
            );
            channel.data(&b"q"[..]).await.unwrap();
            let mut status = None;
            while let Some(msg) = channel.wait().await {
                if let russh::ChannelMsg::ExitStatus { exit_status } = msg {
                    status = Some(exit_status);
                }
            }
            assert_eq!(status, Some(0));
        });
        let log = server.wait_log("end=quit", 1, Duration::from_secs(10));
        assert!(log.contains("size=80x24"), "{log}");
        assert!(
            !log.contains("xxxxxxxxxx"),
            "an environment value was logged"
        );
    }

    /// What a session sends until its first screen is out, for a client
    /// with terminal `term` that sent `env`.
    async fn first_screen(port: u16, term: &str, env: &[(&str, &str)]) -> String {
        let handle = connect(port, "SSH-2.0-colours").await;
        let mut channel = handle.channel_open_session().await.unwrap();
        for (k, v) in env {
            channel.set_env(true, *k, *v).await.unwrap();
        }
        channel
            .request_pty(true, term, 80, 24, 0, 0, &[])
            .await
            .unwrap();
        channel.request_shell(true).await.unwrap();
        let mut seen = Vec::new();
        let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
        while let Ok(Some(msg)) = tokio::time::timeout_at(deadline, channel.wait()).await {
            if let russh::ChannelMsg::Data { data } = msg {
                seen.extend_from_slice(&data);
                if String::from_utf8_lossy(&seen).contains("1/13") {
                    break;
                }
            }
        }
        channel.data(&b"q"[..]).await.unwrap();
        String::from_utf8_lossy(&seen).into_owned()
    }

    #[test]
    fn each_session_gets_the_colours_of_its_clients_terminal() {
        let server = Server::start(&["--theme", "light"]);
        runtime().block_on(async {
            for (term, env, want) in [
                ("xterm-256color", &[][..], Some("256")),
                ("xterm", &[("COLORTERM", "truecolor")][..], Some("24-bit")),
                ("xterm-direct", &[][..], Some("24-bit")),
                ("xterm", &[][..], Some("16")),
                ("xterm-direct", &[("NO_COLOR", "1")][..], None),
            ] {
                let raw = first_screen(server.port, term, env).await;
                assert!(raw.contains("1/13"), "{term} {env:?}: no screen");
                let kinds = colour_kinds(&raw);
                if let Some(want) = want {
                    assert!(!kinds.is_empty(), "{term} {env:?}: no colour");
                    let other: Vec<_> = kinds.iter().filter(|(k, _)| *k != want).collect();
                    assert!(other.is_empty(), "{term} {env:?} wants {want}: {other:?}");
                    if want == "24-bit" {
                        // The server's theme: light's accent, 0x0550ae.
                        assert!(raw.contains("38;2;5;80;174"), "{term} {env:?}: not light");
                    }
                } else {
                    assert_eq!(kinds, Vec::new(), "{term} {env:?}");
                    assert!(raw.contains(";7m"), "reverse video marks the active tab");
                }
            }
        });
        server.wait_log("kind=reader", 5, Duration::from_secs(10));
    }

    #[test]
    fn a_flood_of_input_closes_the_session() {
        let server = Server::start(&[]);
        let rss_before = server.rss_kib();
        runtime().block_on(async {
            let handle = connect(server.port, "SSH-2.0-flood").await;
            let channel = handle.channel_open_session().await.unwrap();
            channel
                .request_pty(true, "xterm", 80, 24, 0, 0, &[])
                .await
                .unwrap();
            channel.request_shell(true).await.unwrap();
            let chunk = vec![b'j'; 32 * 1024];
            let flood = async {
                for _ in 0..320 {
                    if channel.data(&chunk[..]).await.is_err() {
                        break;
                    }
                }
            };
            // A client cut off may wait for window forever: not our business.
            let _ = tokio::time::timeout(Duration::from_secs(10), flood).await;
        });
        server.wait_log("end=flood", 1, Duration::from_secs(10));
        let grown = server.rss_kib().saturating_sub(rss_before);
        assert!(grown < 8 * 1024, "the server grew {grown} KiB");
    }

    #[test]
    fn the_log_escapes_what_the_client_says_and_keeps_no_secret() {
        let server = Server::start(&[]);
        runtime().block_on(async {
            let handle = connect(server.port, "SSH-2.0-evil\u{1b}[2J\u{7}").await;
            let mut channel = handle.channel_open_session().await.unwrap();
            channel.set_env(true, "SECRET", "canary-two").await.unwrap();
            channel
                .set_env(true, "LANG", "canary-three.UTF-8")
                .await
                .unwrap();
            channel
                .request_pty(true, "xterm", 80, 24, 0, 0, &[])
                .await
                .unwrap();
            channel.request_shell(true).await.unwrap();
            channel.data(&b"/canary-one\r"[..]).await.unwrap();
            tokio::time::sleep(Duration::from_millis(300)).await;
            channel.data(&b"q"[..]).await.unwrap();
            while let Some(msg) = channel.wait().await {
                if let russh::ChannelMsg::Close = msg {
                    break;
                }
            }
        });
        let log = server.wait_log("end=quit", 1, Duration::from_secs(10));
        assert!(!log.contains("canary"), "{log}");
        assert!(
            !log.contains('\u{1b}') && log.contains("evil\\x1b[2J\\x07"),
            "{log}"
        );
        assert_eq!(
            log.lines().filter(|l| l.contains("peer=")).count(),
            1,
            "{log}"
        );
    }
}
