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

/// The systemd unit's value of `key` (its last line for it).
fn unit_value(unit: &str, key: &str) -> Option<String> {
    unit.lines()
        .rev()
        .find_map(|l| l.strip_prefix(key)?.strip_prefix('='))
        .map(str::to_string)
}

#[test]
fn the_systemd_unit_runs_a_serve_the_binary_accepts_sandboxed() {
    use briefing::cli::{Cli, Command};
    let unit = include_str!("../assets/systemd/briefing-serve.service");
    let exec = unit_value(unit, "ExecStart").expect("ExecStart");
    let mut words = exec.split_whitespace();
    assert_eq!(words.next(), Some("/usr/local/bin/briefing"));
    match Cli::parse_from(words) {
        Ok(Command::Serve(serve)) => {
            assert_eq!(serve.listen.port(), 2222);
            assert!(serve.listen.ip().is_unspecified(), "listens to the world");
            let dir = serve.file.expect("a library folder");
            let read_only = unit_value(unit, "ReadOnlyPaths").unwrap_or_default();
            assert!(
                read_only.split(' ').any(|p| dir.starts_with(p)),
                "{read_only}"
            );
        }
        other => panic!("ExecStart is no serve command: {other:?}"),
    }
    // The host key lands in the state folder systemd makes, 0700.
    let env = unit_value(unit, "Environment").unwrap_or_default();
    assert!(env.split(' ').any(|v| v == "XDG_STATE_HOME=%S"), "{env}");
    for line in [
        "StateDirectory=briefing",
        "StateDirectoryMode=0700",
        "DynamicUser=yes",
        "NoNewPrivileges=yes",
        "ProtectSystem=strict",
        "ProtectHome=yes",
        "CapabilityBoundingSet=",
        "UMask=0077",
    ] {
        assert!(unit.lines().any(|l| l == line), "{line} is missing");
    }
    for key in ["LimitNOFILE", "TasksMax", "MemoryMax"] {
        assert!(unit_value(unit, key).is_some(), "{key} is missing");
    }
}
