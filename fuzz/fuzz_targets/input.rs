//! Terminal input bytes → `briefing::input::Parser`, fed in fuzzed chunk
//! splits, then flushed; each input is also run through the keymap.
//!
//! Properties: never panics; the bytes kept pending between reads stay
//! bounded (`MAX_PENDING`); nothing is pending after a flush.

#![no_main]

use arbitrary::Unstructured;
use briefing::action::Mode;
use briefing::input::{Input, MAX_PENDING, Parser};
use briefing::keymap;
use libfuzzer_sys::fuzz_target;

fn check(out: &[Input]) {
    static KEYMAP: std::sync::OnceLock<keymap::Keymap> = std::sync::OnceLock::new();
    let keymap = KEYMAP.get_or_init(keymap::Keymap::default);
    for input in out {
        if let Input::Key(key) = *input {
            for mode in [Mode::Normal, Mode::Search, Mode::Help] {
                for screen in keymap::Screen::ALL {
                    let _ = keymap.action(screen, mode, key);
                    let _ = key.label(false).parse::<briefing::keys::Key>();
                }
            }
            let _ = key.label(false);
            let _ = key.label(true);
        }
    }
}

fuzz_target!(|data: &[u8]| {
    // The first quarter of the input (at least one byte) chooses the splits.
    let split = data.len().div_ceil(4).min(data.len());
    let (choices, bytes) = data.split_at(split);
    let mut u = Unstructured::new(choices);
    let mut parser = Parser::default();
    let mut out = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        let left = bytes.len() - at;
        let n = u.int_in_range(1..=left).unwrap_or(left);
        let chunk = &bytes[at..at + n];
        at += n;
        parser.feed(chunk, &mut out);
        let pending = parser.pending();
        assert!(
            pending <= MAX_PENDING,
            "{pending} bytes pending after feeding {chunk:?}"
        );
        assert_eq!(parser.has_pending(), pending > 0);
        check(&out);
        out.clear();
    }
    parser.flush(&mut out);
    check(&out);
    assert!(!parser.has_pending(), "bytes pending after a flush");
});
