//! Entering and leaving the full-screen mode, and one idempotent restore for
//! every way out: quit, error, panic, signal, suspend.

use std::fs::File;
use std::io::{self, Write};
use std::os::fd::AsFd;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard, TryLockError};
use std::time::{Duration, Instant};

/// Whether the terminal is in our mode and needs restoring.
static ACTIVE: AtomicBool = AtomicBool::new(false);
/// Whether a stop signal restored the terminal, to be taken back on SIGCONT.
static STOPPED: AtomicBool = AtomicBool::new(false);
/// Whether mouse reporting was turned on.
static MOUSE: AtomicBool = AtomicBool::new(false);
/// A handle of our own on the terminal for the restore sequence, and the
/// lock every write to the terminal takes, so a frame and the restore never
/// interleave.
static OUT: Mutex<Option<File>> = Mutex::new(None);
/// Longest a restore waits for a frame being written (a terminal that does
/// not read can block a write): after that it writes anyway.
const RESTORE_WAIT: Duration = Duration::from_millis(500);

/// Alternate screen, cursor hidden. No query of any kind is sent: over SSH
/// the answer would arrive late and show up as garbage.
const ENTER: &str = "\x1b[?1049h\x1b[?25l";
/// SGR mouse reports: clicks and the wheel.
const MOUSE_ON: &str = "\x1b[?1000h\x1b[?1006h";
const MOUSE_OFF: &str = "\x1b[?1006l\x1b[?1000l";
/// End any half-written synchronized update, reset styles and the scrolling
/// region, show the cursor, leave the alternate screen.
pub const LEAVE: &str = "\x1b[?2026l\x1b[0m\x1b[r\x1b[?25h\x1b[?1049l";

/// A writer for frames that drops what it is given while the terminal is
/// restored (suspended, or after we left), so nothing lands on the user's
/// shell screen; the frame after a resume redraws everything.
pub struct TtyWriter {
    file: File,
}

impl Write for TtyWriter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let _guard = OUT.lock();
        if !ACTIVE.load(Ordering::SeqCst) {
            return Ok(buf.len());
        }
        self.file.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

/// Puts the terminal (on stdout) into raw mode. Returns the writer for
/// frames and the sequence that switches to the full screen, to be sent
/// with the first frame (one write, so the first frame shows sooner).
///
/// # Errors
/// When stdout cannot be duplicated or raw mode cannot be set.
pub fn enter(mouse: bool) -> io::Result<(TtyWriter, String)> {
    let file = File::from(io::stdout().as_fd().try_clone_to_owned()?);
    let spare = file.try_clone()?;
    if let Ok(mut slot) = OUT.lock() {
        *slot = Some(spare);
    }
    crossterm::terminal::enable_raw_mode()?;
    MOUSE.store(mouse, Ordering::SeqCst);
    ACTIVE.store(true, Ordering::SeqCst);
    Ok((TtyWriter { file }, enter_sequence()))
}

fn enter_sequence() -> String {
    let mut seq = String::from(ENTER);
    if MOUSE.load(Ordering::SeqCst) {
        seq.push_str(MOUSE_ON);
    }
    seq
}

/// Leaves full-screen mode: cooked mode, main screen, cursor visible, mouse
/// off. Safe to call any number of times, from any thread.
pub fn restore() {
    let mut out = lock_for_restore();
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    let mut seq = String::new();
    if MOUSE.load(Ordering::SeqCst) {
        seq.push_str(MOUSE_OFF);
    }
    seq.push_str(LEAVE);
    if let Some(file) = out.as_mut().and_then(|o| o.as_mut()) {
        // The terminal may be gone (SIGHUP): nothing more to do then.
        let _ = file.write_all(seq.as_bytes()).and_then(|()| file.flush());
    }
    let _ = crossterm::terminal::disable_raw_mode();
}

/// Restores the terminal for a stop signal; [`continued`] takes it back.
pub fn stop() {
    if ACTIVE.load(Ordering::SeqCst) {
        restore();
        STOPPED.store(true, Ordering::SeqCst);
    }
}

/// After a SIGCONT: back into full-screen mode if a stop left it, or again
/// into raw mode if we were stopped without being told (SIGSTOP) and the
/// shell reset the terminal meanwhile.
///
/// # Errors
/// When raw mode cannot be set or the terminal cannot be written.
pub fn continued() -> io::Result<()> {
    let was_stopped = STOPPED.swap(false, Ordering::SeqCst);
    if !was_stopped && !ACTIVE.load(Ordering::SeqCst) {
        return Ok(());
    }
    let mut out = lock_for_restore();
    crossterm::terminal::enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    match out.as_mut().and_then(|o| o.as_mut()) {
        Some(file) => file
            .write_all(enter_sequence().as_bytes())
            .and_then(|()| file.flush()),
        None => Ok(()),
    }
}

/// The terminal lock, waited for at most [`RESTORE_WAIT`]; `None` when it
/// could not be had (poisoned, or a write stuck on a terminal that does not
/// read), in which case the restore goes ahead without writing.
fn lock_for_restore() -> Option<MutexGuard<'static, Option<File>>> {
    let deadline = Instant::now() + RESTORE_WAIT;
    loop {
        match OUT.try_lock() {
            Ok(guard) => return Some(guard),
            Err(TryLockError::Poisoned(p)) => return Some(p.into_inner()),
            Err(TryLockError::WouldBlock) if Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(5));
            }
            Err(TryLockError::WouldBlock) => return None,
        }
    }
}

/// The terminal's size, if there is one.
pub fn size() -> Option<(u16, u16)> {
    crossterm::terminal::size().ok()
}
