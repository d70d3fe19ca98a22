//! What each command does once the command line is read; `main` only
//! parses and dispatches here.

pub mod read;
pub mod serve;

use crate::output::WriteFailed;

/// The exit code after printing: 0 when all went out (or the reader of a
/// pipe went away), else the failure's code.
pub fn printed(result: Result<(), WriteFailed>) -> u8 {
    match result {
        Ok(()) => 0,
        Err(WriteFailed(code)) => code,
    }
}
