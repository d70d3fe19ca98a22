//! Reading a text file for `verify` and `new` within the size limit, and
//! cleaning an article: every line through the sanitiser on its own, so
//! line numbers stay those of the file.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use crate::briefing::sanitize::sanitize;
use crate::briefing::{LineIndex, LoadError, MAX_FILE_BYTES};

/// Reads the UTF-8 text file at `path` (at most [`MAX_FILE_BYTES`]);
/// `name` is how messages name it.
///
/// # Errors
/// When it cannot be read, is too large or is not UTF-8.
pub fn read_text(path: &Path, name: &str) -> Result<String, LoadError> {
    let io = |error| LoadError::Io {
        path: name.to_string(),
        error,
    };
    let file = File::open(path).map_err(io)?;
    let mut bytes = Vec::new();
    // One byte past the limit tells a file that is too large, whatever its
    // metadata says (pipes have none).
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        let size = std::fs::metadata(path).map_or(bytes.len() as u64, |m| m.len());
        return Err(LoadError::TooLarge {
            path: name.to_string(),
            size: size.max(bytes.len() as u64),
            limit: MAX_FILE_BYTES,
        });
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let prefix = e.as_bytes().get(..valid).unwrap_or_default();
        let prefix = std::str::from_utf8(prefix).unwrap_or_default();
        let (line, column) = LineIndex::new(prefix).line_col(valid);
        LoadError::NotUtf8 {
            path: name.to_string(),
            line,
            column,
        }
    })
}

/// An article's text as the checks and the draft see it: no byte-order
/// mark, no carriage returns, each line sanitised, the line count kept.
pub fn clean(raw: &str) -> String {
    let raw = raw.strip_prefix('\u{FEFF}').unwrap_or(raw);
    let mut out = String::with_capacity(raw.len());
    for (i, line) in raw.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let line = line.strip_suffix('\r').unwrap_or(line);
        // A line separator or a lone CR would add a line: a space instead.
        out.push_str(&sanitize(line).replace('\n', " "));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleaning_keeps_the_lines() {
        let raw = "\u{FEFF}eins\r\nzw\u{202E}ei\u{2028}x\rdrei\n\u{1b}[31mvier";
        let clean = clean(raw);
        assert_eq!(clean.lines().count(), 3);
        assert!(clean.starts_with("eins\nzwei x drei\n"), "{clean:?}");
        assert!(!clean.contains('\u{1b}'));
    }
}
