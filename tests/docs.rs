//! The README says what the program does: its key table lists every key the
//! reader binds, and its command-line block is `briefing --help` as the
//! command table writes it.

use briefing::cli::help::main_help;
use briefing::keymap::BINDINGS;
use briefing::keys::Key;

const README: &str = include_str!("../README.md");

/// The README's lines from the heading `start` to the next `## ` heading.
fn section(start: &str) -> String {
    README
        .lines()
        .skip_while(|l| !l.starts_with(start))
        .skip(1)
        .take_while(|l| !l.starts_with("## "))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn readme_lists_every_bound_key() {
    let table = section("## Keys");
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

#[test]
fn readme_command_line_is_the_help() {
    let text = section("## Command line");
    let mut block = String::new();
    for line in text
        .lines()
        .skip_while(|l| !l.starts_with("```"))
        .skip(1)
        .take_while(|l| !l.starts_with("```"))
    {
        block.push_str(line);
        block.push('\n');
    }
    assert_eq!(
        block,
        main_help(),
        "README.md's command-line block is not `briefing --help`: paste the help there"
    );
}
