//! The README's key table lists every key the reader binds.

use briefing::keymap::{BINDINGS, Key};

#[test]
fn readme_lists_every_bound_key() {
    let readme = include_str!("../README.md");
    let table: String = readme
        .lines()
        .skip_while(|l| !l.starts_with("## Keys"))
        .take_while(|l| !l.starts_with("## The briefing"))
        .collect::<Vec<_>>()
        .join("\n");
    for binding in BINDINGS {
        for key in binding.keys {
            let label = match key {
                Key::Char(c) if c.is_ascii_digit() => "`1`-`6`".to_string(),
                other => format!("`{}`", other.label(false)),
            };
            assert!(table.contains(&label), "README key table lacks {label}");
        }
    }
}
