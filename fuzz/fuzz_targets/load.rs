//! Bytes → size check → UTF-8 → `briefing::briefing::parse`.
//!
//! Properties: never panics; a refusal always has a non-empty message whose
//! lines carry no control or bidi characters (error text is sanitised),
//! every problem points at a real line and column of the input, and no
//! more problems are kept than the cap (memory follows the cap, not the
//! input).

#![no_main]

use briefing::briefing::sanitize::is_harmful;
use briefing::briefing::{LoadError, MAX_FILE_BYTES, MAX_PROBLEMS, parse};
use libfuzzer_sys::fuzz_target;

const NAME: &str = "fuzz.toml";

fuzz_target!(|data: &[u8]| {
    if data.len() as u64 > MAX_FILE_BYTES {
        return;
    }
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Err(error) = parse(text, NAME) else {
        return;
    };
    let shown = error.to_string();
    assert!(!shown.is_empty(), "empty error message for {error:?}");
    for line in shown.split('\n') {
        assert!(!line.is_empty(), "empty line in error message {shown:?}");
        assert!(
            !line.chars().any(is_harmful),
            "control or bidi character in error line {line:?}"
        );
    }
    if let LoadError::Invalid { problems, .. } = &error {
        assert!(!problems.is_empty(), "Invalid without problems");
        assert!(
            problems.len() <= MAX_PROBLEMS,
            "{} problems kept",
            problems.len()
        );
        // parse() strips a BOM before counting lines and columns.
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
        let lines: Vec<&str> = text.split('\n').collect();
        for p in problems {
            assert!(
                p.line >= 1 && p.line <= lines.len(),
                "problem on line {} of {}: {p:?}",
                p.line,
                lines.len()
            );
            let chars = lines.get(p.line - 1).map_or(0, |l| l.chars().count());
            assert!(
                p.column >= 1 && p.column <= chars + 1,
                "problem at column {} of a line of {chars} characters: {p:?}",
                p.column
            );
        }
    }
});
