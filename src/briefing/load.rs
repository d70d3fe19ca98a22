//! Reading a briefing: the bundled one or a file, within the size limit.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use super::decode::{Diags, RawDocument, decode};
use super::error::{LoadError, Problem};
use super::model::Briefing;
use super::position::LineIndex;
use super::validate::{MAX_ITEMS, validate};

/// Largest briefing file accepted, checked before parsing.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// The briefing compiled into the binary.
pub const BUNDLED: &str = include_str!("../../content/nordkorea-russland.toml");

/// How the bundled briefing is named in messages.
pub const BUNDLED_NAME: &str = "nordkorea-russland.toml (bundled)";

/// Loads the bundled briefing.
///
/// # Errors
/// Only if the bundled file is broken, which a test rules out.
pub fn load_bundled() -> Result<Briefing, LoadError> {
    parse(BUNDLED, BUNDLED_NAME)
}

/// Reads, parses and validates the briefing at `path`.
///
/// # Errors
/// When the file cannot be read, is too large, is not UTF-8, or is not a
/// valid briefing.
pub fn load_file(path: &Path) -> Result<Briefing, LoadError> {
    let name = path.display().to_string();
    let io = |error| LoadError::Io {
        path: name.clone(),
        error,
    };
    let file = open(path).map_err(io)?;
    let mut bytes = Vec::new();
    // Read one byte past the limit rather than trusting metadata: pipes and
    // device files have no size.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    let size = bytes.len() as u64;
    if size > MAX_FILE_BYTES {
        let size = std::fs::metadata(path).map_or(size, |m| m.len().max(size));
        return Err(LoadError::TooLarge {
            path: name,
            size,
            limit: MAX_FILE_BYTES,
        });
    }
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let prefix = e.as_bytes().get(..valid).unwrap_or_default();
            let prefix = std::str::from_utf8(prefix).unwrap_or_default();
            let (line, column) = LineIndex::new(prefix).line_col(valid);
            return Err(LoadError::NotUtf8 {
                path: name,
                line,
                column,
            });
        }
    };
    parse(&text, &name)
}

/// Opens `path` for reading without ever blocking in `open` (a FIFO with no
/// writer would block it forever), then looks at what was opened, not at the
/// path (nothing can swap the file in between): a regular file is read; a
/// pipe or FIFO is read like `cat` reads it (`briefing <(cat a.toml)` works;
/// with no writer it reads as empty); anything else (a terminal, a device)
/// is refused.
///
/// # Errors
/// What the OS said, or that the file is a folder or a device.
#[cfg(unix)]
pub fn open(path: &Path) -> std::io::Result<File> {
    use std::io::{Error, ErrorKind};
    use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};

    use rustix::fs::{OFlags, fcntl_getfl, fcntl_setfl};

    let nonblocking = i32::try_from(OFlags::NONBLOCK.bits()).unwrap_or_default();
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(nonblocking)
        .open(path)?;
    let kind = file.metadata()?.file_type();
    if kind.is_file() {
        // Non-blocking has no meaning for regular files.
        return Ok(file);
    }
    if kind.is_fifo() {
        // A read now waits for a writer's data, or ends at once if there is
        // no writer.
        let flags = fcntl_getfl(&file)?;
        fcntl_setfl(&file, flags.difference(OFlags::NONBLOCK))?;
        return Ok(file);
    }
    if kind.is_dir() {
        return Err(Error::from(ErrorKind::IsADirectory));
    }
    Err(Error::new(
        ErrorKind::InvalidInput,
        "not a regular file or a pipe",
    ))
}

/// Elsewhere, files are opened as they are.
///
/// # Errors
/// What the OS said.
#[cfg(not(unix))]
pub fn open(path: &Path) -> std::io::Result<File> {
    File::open(path)
}

/// Parses and validates briefing text; `name` is used in messages.
///
/// # Errors
/// Every problem found, each with its line and column.
pub fn parse(text: &str, name: &str) -> Result<Briefing, LoadError> {
    parse_inspecting(text, name, &mut |_| {})
}

/// [`parse`], handing `inspect` the decoded file before validation takes it
/// apart: `verify` reads from it where each string stands in the file.
///
/// # Errors
/// Every problem found, each with its line and column.
pub(crate) fn parse_inspecting(
    text: &str,
    name: &str,
    inspect: &mut dyn FnMut(&RawDocument),
) -> Result<Briefing, LoadError> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let lines = LineIndex::new(text);
    let mut diags = Diags::default();
    let raw = decode(text, MAX_ITEMS, &mut diags);
    inspect(&raw);
    let briefing = validate(raw, &lines, &mut diags);
    if diags.is_empty() {
        return Ok(briefing);
    }
    let (mut diags, more) = diags.into_parts();
    diags.dedup();
    let offsets: Vec<usize> = diags.iter().map(|d| d.offset).collect();
    let problems = diags
        .into_iter()
        .zip(lines.line_cols(&offsets))
        .map(|(d, (line, column))| Problem {
            line,
            column,
            message: d.message,
        })
        .collect();
    Err(LoadError::Invalid {
        path: name.to_string(),
        problems,
        more,
    })
}
