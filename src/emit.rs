//! How `verify`, `new` and `export` hand back their output on the writers
//! they are given: the text goes out in one write, a closed pipe ends
//! quietly, any other write error is one line and exit 1.

use std::io::{self, Write};

pub use crate::briefing::sanitize::{one_line, path_line};

/// Writes `text` to `out` and returns `code`; a closed pipe (`| head`) is
/// success, any other write error is reported on `err` and gives 1.
pub fn finish(text: &str, code: u8, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => code,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            // Nowhere left to report a failure to write the report.
            let _ = writeln!(err, "briefing: cannot write: {}", one_line(&e.to_string()));
            1
        }
    }
}

/// Writes problem lines to `err` and returns `code` (a failure to write
/// them changes nothing: the exit code already says it failed).
pub fn fail(lines: &str, code: u8, err: &mut dyn Write) -> u8 {
    let _ = err.write_all(lines.as_bytes()).and_then(|()| err.flush());
    code
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A writer that fails every write with one kind of error.
    struct Broken(io::ErrorKind);

    impl Write for Broken {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::Error::new(self.0, "broken"))
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_closed_pipe_is_success_and_says_nothing() {
        let mut err = Vec::new();
        assert_eq!(
            finish("x", 2, &mut Broken(io::ErrorKind::BrokenPipe), &mut err),
            0
        );
        assert!(err.is_empty());
    }

    #[test]
    fn another_write_error_is_one_line_and_exit_1() {
        let mut err = Vec::new();
        let code = finish("x", 0, &mut Broken(io::ErrorKind::StorageFull), &mut err);
        assert_eq!(code, 1);
        let err = String::from_utf8(err).unwrap_or_default();
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.starts_with("briefing: cannot write: "), "{err}");
    }

    #[test]
    fn paths_print_on_one_line_without_controls() {
        let p = std::path::Path::new("a\nb\u{1b}[31m.toml");
        let line = path_line(p);
        assert!(!line.contains('\n') && !line.contains('\u{1b}'), "{line:?}");
    }
}
