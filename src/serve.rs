//! `briefing serve`: the reader over SSH for anyone with an SSH client. Our
//! own accept loop (russh's stops at the first accept error) with a gate of
//! limits in front, one task per connection with its watchdog, and one
//! thread per reader.

pub mod access;
#[cfg(all(target_os = "linux", target_env = "gnu"))]
mod c_maths;
mod channel;
mod conn;
pub mod gate;
pub mod guard;
mod handler;
pub mod hostkey;
pub mod inbox;
pub mod limits;
pub mod log;
pub mod offer;
mod session;
mod ssh_config;

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use tokio::io::AsyncWriteExt;
use tokio::net::{TcpListener, TcpStream};

use self::access::Access;
use self::conn::{Conn, Phase};
use self::gate::{Gate, Ticket};
use self::guard::Guarded;
use self::handler::Client;
use self::limits::Limits;
use self::log::{End, Record, Refusals};
pub use self::offer::{Library, Offer};
use crate::labels::Lang;
use crate::output::Output;
use crate::theme::ThemeName;

/// Longest the server waits for its readers to say goodbye on shutdown.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(4);
/// Pause after an accept error (out of file descriptors, say) before the
/// next accept: the listener stays, the loop does not spin.
const ACCEPT_BACKOFF: Duration = Duration::from_millis(100);
/// How often each connection's watchdog looks at its deadlines.
const WATCH_EVERY: Duration = Duration::from_millis(200);

/// What `briefing serve` was asked.
#[derive(Debug, Clone)]
pub struct ServeArgs {
    /// Where to listen.
    pub listen: SocketAddr,
    /// The host key file (default: in the state directory).
    pub host_key: Option<PathBuf>,
    /// Limit logins to these keys.
    pub authorized_keys: Option<PathBuf>,
    /// The limits.
    pub limits: Limits,
    /// Interface language (default: the briefing's).
    pub lang: Option<Lang>,
    /// The colour theme of every session.
    pub theme: ThemeName,
}

/// What every connection shares.
pub struct Server {
    /// The briefing or library, shared by every reader.
    pub offer: Offer,
    /// The limits.
    pub limits: Limits,
    /// Who may log in.
    pub access: Access,
    /// The runtime the sessions' threads send frames through.
    pub runtime: tokio::runtime::Handle,
    /// Interface language, when told.
    pub lang: Option<Lang>,
    /// The colour theme of every session.
    pub theme: ThemeName,
    /// Test hook (debug builds only): a session panics on its first key.
    pub test_panic: bool,
    live: Mutex<HashMap<u64, Arc<Conn>>>,
    next_id: AtomicU64,
    refusals: Refusals,
}

/// Runs the server until SIGTERM or SIGINT; returns the exit code.
pub fn run(args: &ServeArgs, offer: Offer, out: Output) -> u8 {
    let access = match &args.authorized_keys {
        Some(path) => match Access::from_file(path) {
            Ok(access) => access,
            Err(e) => {
                out.error(&format!("briefing: {e}"));
                return 2;
            }
        },
        None => Access::Anonymous,
    };
    let Some(key_path) = args.host_key.clone().or_else(hostkey::default_path) else {
        out.error(
            "briefing: no place for the host key: set HOME or XDG_STATE_HOME, or give --host-key",
        );
        return 2;
    };
    let key = match hostkey::load_or_create(&key_path) {
        Ok(key) => key,
        Err(e) => {
            out.error(&format!("briefing: host key {}", e.0));
            return 2;
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .thread_name("ssh")
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            out.error(&format!("briefing: cannot start: {e}"));
            return 1;
        }
    };
    let fingerprint = hostkey::fingerprint(&key);
    install_panic_hook();
    let config = ssh_config::config(key, args.limits.login);
    let server = Arc::new(Server {
        offer,
        limits: args.limits,
        access,
        runtime: runtime.handle().clone(),
        lang: args.lang,
        theme: args.theme,
        test_panic: cfg!(debug_assertions) && std::env::var_os("BRIEFING_TEST_PANIC").is_some(),
        live: Mutex::new(HashMap::new()),
        next_id: AtomicU64::new(0),
        refusals: Refusals::default(),
    });
    let code = runtime.block_on(async {
        let listener = match TcpListener::bind(args.listen).await {
            Ok(l) => l,
            Err(e) => {
                out.error(&format!("briefing: cannot listen on {}: {e}", args.listen));
                return 1;
            }
        };
        let at = listener.local_addr().map_or(args.listen, |a| a);
        let serving = match &server.offer {
            Offer::Briefing(shared) => format!(
                "serving {}",
                crate::briefing::sanitize::one_line(&shared.briefing().title)
            ),
            Offer::Library(library) => format!(
                "serving the library {} ({} files)",
                crate::briefing::sanitize::one_line(&library.dir.display().to_string()),
                library.rows().len()
            ),
        };
        log::write(&format!(
            "{} listening on {at}; {serving}; host key {fingerprint}; {} sessions at most",
            log::timestamp(std::time::SystemTime::now()),
            args.limits.max_sessions
        ));
        let gate = Gate::new(args.limits);
        tokio::select! {
            () = accept_loop(&listener, &server, &gate, &config) => 1,
            () = shutdown_signal() => {
                shutdown(&server).await;
                0
            }
        }
    });
    // Threads still sending are not waited for: the process ends.
    runtime.shutdown_timeout(Duration::from_millis(100));
    code
}

/// A panic is a bug in one session: one log line, and that session ends
/// (its thread unwinds); the server and the other sessions go on.
fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(ToString::to_string)
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown".to_string());
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let message = crate::briefing::sanitize::one_line(&message);
        log::write(&format!(
            "{} internal error in a session: {message}{place}",
            log::timestamp(std::time::SystemTime::now())
        ));
    }));
}

/// Accepts until the end of time: an error pauses it, never ends it.
async fn accept_loop(
    listener: &TcpListener,
    server: &Arc<Server>,
    gate: &Arc<Gate>,
    config: &Arc<russh::server::Config>,
) {
    loop {
        let (stream, peer) = match listener.accept().await {
            Ok(accepted) => accepted,
            Err(e) => {
                if let Some(line) = server.refusals.refused(
                    SocketAddr::from(([0, 0, 0, 0], 0)),
                    &format!("accept-error ({e})"),
                    Instant::now(),
                ) {
                    log::write(&line);
                }
                tokio::time::sleep(ACCEPT_BACKOFF).await;
                continue;
            }
        };
        let conn = Conn::new(Record {
            peer: Some(peer),
            ..Record::default()
        });
        match gate.admit(peer.ip(), &conn, Instant::now()) {
            Ok(ticket) => {
                let server = Arc::clone(server);
                let config = Arc::clone(config);
                tokio::spawn(async move {
                    connection(server, config, stream, conn, ticket).await;
                });
            }
            Err(refusal) => {
                if let Some(line) = server
                    .refusals
                    .refused(peer, refusal.as_str(), Instant::now())
                {
                    log::write(&line);
                }
                tokio::spawn(turn_away(stream));
            }
        }
    }
}

/// One line before any SSH (allowed before the version line), then close.
async fn turn_away(mut stream: TcpStream) {
    let _ = tokio::time::timeout(
        Duration::from_secs(1),
        stream.write_all(b"busy, try later\r\n"),
    )
    .await;
}

/// One connection, from accept to its log line.
async fn connection(
    server: Arc<Server>,
    config: Arc<russh::server::Config>,
    stream: TcpStream,
    conn: Arc<Conn>,
    ticket: Ticket,
) {
    let id = server.next_id.fetch_add(1, Ordering::Relaxed);
    server
        .live
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .insert(id, Arc::clone(&conn));
    let _ = stream.set_nodelay(true);
    let guarded = Guarded::new(stream, Arc::clone(&conn.switch));
    let handler = Client::new(Arc::clone(&server), Arc::clone(&conn), ticket);
    let limits = server.limits;
    let result = tokio::select! {
        started = russh::server::run_stream(config, guarded, handler) => match started {
            Ok(session) => {
                tokio::select! {
                    ended = session => ended,
                    () = watchdog(&conn, limits) => Ok(()),
                }
            }
            Err(e) => Err(e),
        },
        // The client's version line is awaited inside `run_stream`: a
        // client that sends nothing meets the login deadline here.
        () = tokio::time::sleep(limits.login) => {
            conn.kill(End::Login);
            Ok(())
        }
    };
    conn.gone();
    // A session that just sent its last words reports in a moment: wait for
    // it (briefly), so the log says how it ended rather than "closed".
    let settle = Instant::now() + Duration::from_millis(500);
    while matches!(conn.info().phase, Phase::Running(_))
        && Instant::now() < settle
        && !conn.switch.killed()
    {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let end = conn.info().end.unwrap_or_else(|| ended_by(&result));
    // If a watchdog fired, the socket is dropped here, whatever it held.
    conn.switch.kill();
    let bytes = (
        conn.switch.bytes_in.load(Ordering::Relaxed),
        conn.switch.bytes_out.load(Ordering::Relaxed),
    );
    let record = conn.info().record.clone();
    log::write(&log::line(&record, end, conn.started.elapsed(), bytes));
    server
        .live
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .remove(&id);
}

/// Why a connection ended that nothing of ours ended.
fn ended_by(result: &Result<(), russh::Error>) -> End {
    use std::io::ErrorKind;
    match result {
        Ok(()) | Err(russh::Error::Disconnect | russh::Error::HUP) => End::Closed,
        Err(russh::Error::IO(e))
            if matches!(
                e.kind(),
                ErrorKind::UnexpectedEof | ErrorKind::ConnectionReset | ErrorKind::BrokenPipe
            ) =>
        {
            End::Closed
        }
        Err(russh::Error::InactivityTimeout | russh::Error::KeepaliveTimeout) => End::Idle,
        Err(_) => End::Error,
    }
}

/// Ends a connection that overstays: not logged in in time, logged in with
/// nothing running for too long, or longer than a session may last (a
/// backstop: the reader ends itself then). Returns once it ended one.
async fn watchdog(conn: &Conn, limits: Limits) {
    loop {
        tokio::time::sleep(WATCH_EVERY).await;
        if conn.switch.killed() {
            return;
        }
        let now = Instant::now();
        let phase = conn.info().phase.clone();
        let late = match phase {
            Phase::Login => (now - conn.started >= limits.login).then_some(End::Login),
            Phase::Idle(since) => (now - since >= limits.no_session).then_some(End::NoSession),
            Phase::Running(_) => (now - conn.started
                >= limits.max_session + limits.stall + limits.login)
                .then_some(End::MaxLength),
        };
        if let Some(end) = late {
            conn.kill(end);
            return;
        }
    }
}

/// Waits for SIGTERM or SIGINT.
async fn shutdown_signal() {
    use tokio::signal::unix::{SignalKind, signal};
    let (Ok(mut term), Ok(mut int)) = (
        signal(SignalKind::terminate()),
        signal(SignalKind::interrupt()),
    ) else {
        std::future::pending::<()>().await;
        return;
    };
    tokio::select! {
        _ = term.recv() => {}
        _ = int.recv() => {}
    }
}

/// Every reader restores its client's terminal and closes; whatever is
/// left after the grace time is dropped.
async fn shutdown(server: &Server) {
    let live: Vec<Arc<Conn>> = server
        .live
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .values()
        .cloned()
        .collect();
    log::write(&format!(
        "{} shutting down: {} connections",
        log::timestamp(std::time::SystemTime::now()),
        live.len()
    ));
    for conn in &live {
        conn.end(End::Shutdown);
    }
    let deadline = Instant::now() + SHUTDOWN_GRACE;
    while Instant::now() < deadline {
        let open = server
            .live
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .len();
        if open == 0 {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    for conn in live {
        conn.kill(End::Shutdown);
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
}
