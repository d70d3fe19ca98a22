//! `--help`, written from the command table.

use std::fmt::Write as _;

use super::spec::{COMMANDS, CommandSpec, OptSpec, READ, all_options};

/// Column where descriptions start.
const DESCRIPTION_AT: usize = 24;

/// The help of `command`.
pub fn help(command: &CommandSpec) -> String {
    let mut o = String::new();
    if command.name.is_empty() {
        o.push_str("A terminal reader for news briefings.\n\n");
    } else {
        let _ = writeln!(o, "briefing {}: {}.\n", command.name, command.summary);
    }
    let _ = writeln!(o, "Usage: {}", usage(command));
    if command.name.is_empty() {
        for sub in COMMANDS.iter().filter(|c| !c.name.is_empty()) {
            let _ = writeln!(o, "       {}", usage(sub));
        }
    }
    if !command.operands.is_empty() {
        o.push_str("\nArguments:\n");
        for operand in command.operands {
            let name = if operand.required {
                operand.name.to_string()
            } else {
                format!("[{}]", operand.name)
            };
            row(&mut o, &format!("  {name}"), operand.help);
        }
    }
    o.push_str("\nOptions:\n");
    for opt in all_options(command) {
        row(&mut o, &option_left(opt), opt.help);
    }
    if command.name.is_empty() {
        o.push_str("\nKeys in the reader: ? or F1 shows them all.\n");
        if COMMANDS.len() > 1 {
            o.push_str("Each command has its own help: briefing COMMAND --help.\n");
        }
    }
    o.push_str("Exit codes: 0 success, 2 usage error or invalid briefing, 1 anything else.\n");
    o
}

/// `briefing serve [OPTIONS] [PATH]`.
pub fn usage(command: &CommandSpec) -> String {
    let mut o = String::from("briefing");
    if !command.name.is_empty() {
        o.push(' ');
        o.push_str(command.name);
    }
    if !command.options.is_empty() {
        o.push_str(" [OPTIONS]");
    }
    for operand in command.operands {
        if operand.required {
            let _ = write!(o, " {}", operand.name);
        } else {
            let _ = write!(o, " [{}]", operand.name);
        }
    }
    o
}

/// "  -s, --section NAME".
fn option_left(opt: &OptSpec) -> String {
    let short = opt.short.map_or("    ".to_string(), |c| format!("-{c}, "));
    let value = opt
        .value
        .map(|v| format!(" {}", v.name))
        .unwrap_or_default();
    format!("  {short}--{}{value}", opt.long)
}

/// One row: the left part, then the description at [`DESCRIPTION_AT`]
/// (on the next line when the left part is too wide); further lines of the
/// description line up under it.
fn row(o: &mut String, left: &str, description: &str) {
    o.push_str(left);
    let mut pad = DESCRIPTION_AT.saturating_sub(left.len());
    if left.len() + 2 > DESCRIPTION_AT {
        o.push('\n');
        pad = DESCRIPTION_AT;
    }
    for line in description.lines() {
        let _ = writeln!(o, "{:pad$}{}", "", line.trim_start());
        pad = DESCRIPTION_AT;
    }
}

/// The reader's help: what `briefing --help` prints.
pub fn main_help() -> String {
    help(&READ)
}
