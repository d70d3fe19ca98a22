//! Entering and leaving the full-screen mode, and one idempotent restore for
//! every way out: quit, error, panic, signal, suspend.

use std::fs::File;
use std::io::{self, Write};
use std::os::fd::AsFd;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

/// Whether the terminal is in our mode and needs restoring.
static ACTIVE: AtomicBool = AtomicBool::new(false);
/// Whether mouse reporting was turned on.
static MOUSE: AtomicBool = AtomicBool::new(false);
/// A handle of our own on the terminal for the restore sequence, so that
/// restoring never waits for a lock another thread holds.
static RESTORE_OUT: Mutex<Option<File>> = Mutex::new(None);

/// Alternate screen, cursor hidden. No query of any kind is sent: over SSH
/// the answer would arrive late and show up as garbage.
const ENTER: &str = "\x1b[?1049h\x1b[?25l";
/// SGR mouse reports: clicks and the wheel.
const MOUSE_ON: &str = "\x1b[?1000h\x1b[?1006h";
const MOUSE_OFF: &str = "\x1b[?1006l\x1b[?1000l";
/// End any half-written synchronized update, reset styles and the scrolling
/// region, show the cursor, leave the alternate screen.
const LEAVE: &str = "\x1b[?2026l\x1b[0m\x1b[r\x1b[?25h\x1b[?1049l";

/// A writer for frames that stops writing once the terminal was restored,
/// so nothing lands on the user's shell screen after we left.
pub struct TtyWriter {
    file: File,
}

impl Write for TtyWriter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if !ACTIVE.load(Ordering::SeqCst) {
            return Err(io::Error::new(
                io::ErrorKind::BrokenPipe,
                "terminal restored",
            ));
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
    if let Ok(mut slot) = RESTORE_OUT.lock() {
        *slot = Some(spare);
    }
    crossterm::terminal::enable_raw_mode()?;
    MOUSE.store(mouse, Ordering::SeqCst);
    ACTIVE.store(true, Ordering::SeqCst);
    let mut seq = String::from(ENTER);
    if mouse {
        seq.push_str(MOUSE_ON);
    }
    Ok((TtyWriter { file }, seq))
}

/// Back into full-screen mode after a suspend, on the same terminal.
///
/// # Errors
/// When raw mode cannot be set or the terminal cannot be written.
pub fn resume() -> io::Result<()> {
    crossterm::terminal::enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    let mut seq = String::from(ENTER);
    if MOUSE.load(Ordering::SeqCst) {
        seq.push_str(MOUSE_ON);
    }
    let mut slot = RESTORE_OUT
        .lock()
        .map_err(|_| io::Error::other("terminal lock poisoned"))?;
    match slot.as_mut() {
        Some(out) => out.write_all(seq.as_bytes()).and_then(|()| out.flush()),
        None => Ok(()),
    }
}

/// Leaves full-screen mode: cooked mode, main screen, cursor visible, mouse
/// off. Safe to call any number of times, from any thread.
pub fn restore() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    let mut seq = String::new();
    if MOUSE.load(Ordering::SeqCst) {
        seq.push_str(MOUSE_OFF);
    }
    seq.push_str(LEAVE);
    if let Ok(mut slot) = RESTORE_OUT.lock()
        && let Some(out) = slot.as_mut()
    {
        // The terminal may be gone (SIGHUP): nothing more to do then.
        let _ = out.write_all(seq.as_bytes()).and_then(|()| out.flush());
    }
    let _ = crossterm::terminal::disable_raw_mode();
}

/// The terminal's size, if there is one.
pub fn size() -> Option<(u16, u16)> {
    crossterm::terminal::size().ok()
}
