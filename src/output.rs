//! Writing the program's own output: text to stdout, one-line messages to
//! stderr. A closed pipe ends quietly (`| head`), any other write error is
//! one line on stderr and exit code 1, and nothing ever panics. Every
//! message passes the sanitiser; on a terminal that is not UTF-8 every byte
//! is ASCII.

use std::io::{self, Write};

use crate::briefing::sanitize::one_line;
use crate::text::ascii::to_ascii;

/// Where output goes and in what alphabet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Output {
    /// Write ASCII only.
    pub ascii: bool,
}

/// What went wrong writing, as an exit code: 0 for a closed pipe.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WriteFailed(pub u8);

/// A writer that passes on only ASCII: UTF-8 transliterated, anything else
/// a `?` (a character split across two writes too; commands write whole
/// texts).
pub struct Ascii<W: Write>(pub W);

impl<W: Write> Write for Ascii<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let text = String::from_utf8_lossy(buf);
        self.0.write_all(to_ascii(&text).as_bytes())?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

impl Output {
    /// Runs a command that prints: `command` gets stdout and stderr as
    /// writers (ASCII only when asked) and returns the exit code. A closed
    /// stdout is reported before it runs.
    pub fn run(self, command: impl FnOnce(&mut dyn Write, &mut dyn Write) -> u8) -> u8 {
        if let Err(e) = stdout_open() {
            self.error(&format!("briefing: cannot write: {e}"));
            return 1;
        }
        // Handles that lock per write, not for the whole command: a thread
        // of the command that wrote to stderr would wait for the lock forever.
        let (out, err) = (io::stdout(), io::stderr());
        if self.ascii {
            command(&mut Ascii(out), &mut Ascii(err))
        } else {
            let (mut out, mut err) = (out, err);
            command(&mut out, &mut err)
        }
    }

    /// Prints `text` (many lines) on stdout.
    ///
    /// # Errors
    /// The exit code to leave with: 0 when the reader went away (closed
    /// pipe), 1 after a one-line message for any other failure.
    pub fn print(self, text: &str) -> Result<(), WriteFailed> {
        let text = if self.ascii {
            to_ascii(text)
        } else {
            text.into()
        };
        let result = stdout_open().and_then(|()| {
            let mut out = io::stdout().lock();
            out.write_all(text.as_bytes()).and_then(|()| out.flush())
        });
        match result {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Err(WriteFailed(0)),
            Err(e) => {
                self.error(&format!("briefing: cannot write: {e}"));
                Err(WriteFailed(1))
            }
        }
    }

    /// Prints `line` on stdout after making it one safe line.
    ///
    /// # Errors
    /// As [`Output::print`].
    pub fn line(self, line: &str) -> Result<(), WriteFailed> {
        self.print(&format!("{}\n", one_line(line)))
    }

    /// Prints a message on stderr: each of its lines made safe. Failures to
    /// write it are ignored: there is nowhere left to report them.
    pub fn error(self, message: &str) {
        let mut text = String::new();
        for line in message.lines() {
            text.push_str(&one_line(line));
            text.push('\n');
        }
        let text = if self.ascii {
            to_ascii(&text)
        } else {
            text.into()
        };
        let _ = io::stderr().lock().write_all(text.as_bytes());
    }
}

/// Stdout closed by the caller (`>&-`) is not silently /dev/null: the Rust
/// runtime reopens a closed standard stream on /dev/null for reading and
/// writing, while a shell's `>/dev/null` opens it for writing only.
fn stdout_open() -> io::Result<()> {
    use rustix::fs::{FileType, OFlags, fcntl_getfl, fstat};
    let fd = rustix::stdio::stdout();
    let (Ok(stat), Ok(flags)) = (fstat(fd), fcntl_getfl(fd)) else {
        return Ok(());
    };
    let null = FileType::from_raw_mode(stat.st_mode) == FileType::CharacterDevice
        && rustix::fs::major(stat.st_rdev) == 1
        && rustix::fs::minor(stat.st_rdev) == 3;
    if null && flags.contains(OFlags::RDWR) {
        return Err(io::Error::new(
            io::ErrorKind::NotConnected,
            "standard output is closed",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::io::Write;
    use std::sync::mpsc;
    use std::time::Duration;

    use super::Output;

    #[test]
    fn a_thread_of_the_command_may_write_to_stderr() {
        let code = Output { ascii: false }.run(|_, _| {
            let (wrote, written) = mpsc::channel();
            std::thread::spawn(move || {
                let _ = writeln!(std::io::stderr(), "a worker's line");
                let _ = wrote.send(());
            });
            // Had `run` kept stderr locked, the worker would still wait.
            u8::from(written.recv_timeout(Duration::from_secs(5)).is_err())
        });
        assert_eq!(code, 0);
    }
}
