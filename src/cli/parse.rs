//! Reading the command line against the table: which command, which
//! options with which values, which operands. Values are checked here, by
//! their kind, so every command gets the same messages.

use std::ffi::OsString;

use lexopt::prelude::*;

use super::UsageError;
use super::spec::{
    COMMANDS, CommandSpec, HELP, OptSpec, READ, SECTION_NAMES, VERSION, ValueKind, all_options,
};
use crate::text::fit::fit;

/// Other spellings accepted for long options.
const ALIASES: &[(&str, &str)] = &[("colour", "color")];

/// A value as given, already checked against its kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Given {
    /// Text (choices and names).
    Text(String),
    /// A number within its range.
    Number(u64),
    /// A pane, 0-5.
    Pane(usize),
    /// A file or folder, as given.
    Path(OsString),
    /// A socket address.
    Address(std::net::SocketAddr),
    /// A duration.
    Duration(std::time::Duration),
}

/// What the command line said, before it is turned into typed arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Matches {
    /// The command.
    pub command: &'static CommandSpec,
    /// Options given, in order, with their values.
    pub options: Vec<(&'static OptSpec, Option<Given>)>,
    /// Operands given, in order.
    pub operands: Vec<OsString>,
}

/// What to do, before typed arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Parsed {
    /// Print the help of a command.
    Help(&'static CommandSpec),
    /// Print the version.
    Version,
    /// Run a command.
    Run(Matches),
}

impl Matches {
    /// Whether flag `--long` was given.
    pub fn flag(&self, long: &str) -> bool {
        self.options.iter().any(|(o, _)| o.long == long)
    }

    /// The value of the last `--long`.
    pub fn value(&self, long: &str) -> Option<&Given> {
        self.options
            .iter()
            .rev()
            .find(|(o, _)| o.long == long)
            .and_then(|(_, v)| v.as_ref())
    }

    /// The text value of the last `--long`.
    pub fn text(&self, long: &str) -> Option<&str> {
        match self.value(long)? {
            Given::Text(t) => Some(t),
            _ => None,
        }
    }

    /// The number value of the last `--long`.
    pub fn number(&self, long: &str) -> Option<u64> {
        match self.value(long)? {
            Given::Number(n) => Some(*n),
            _ => None,
        }
    }
}

/// Reads `args` (without the program name).
///
/// # Errors
/// A usage error, described in one line.
pub fn parse(args: impl IntoIterator<Item = impl Into<OsString>>) -> Result<Parsed, UsageError> {
    let mut args = args.into_iter().map(Into::into).peekable();
    let command = match args.peek().and_then(|a| a.to_str()) {
        Some(word) => match COMMANDS
            .iter()
            .find(|c| !c.name.is_empty() && c.name == word)
        {
            Some(spec) => {
                args.next();
                spec
            }
            None => &READ,
        },
        None => &READ,
    };
    let mut parser = lexopt::Parser::from_args(args);
    let mut matches = Matches {
        command,
        options: Vec::new(),
        operands: Vec::new(),
    };
    while let Some(arg) = parser.next()? {
        let spec = match arg {
            Short(c) => find(command, |o| o.short == Some(c)).ok_or_else(|| unknown(&arg))?,
            Long(name) => {
                let name = ALIASES
                    .iter()
                    .find(|(a, _)| *a == name)
                    .map_or(name, |(_, to)| to);
                find(command, |o| o.long == name).ok_or_else(|| unknown(&arg))?
            }
            Value(operand) => {
                if matches.operands.len() >= command.operands.len() {
                    return Err(too_many(command, &operand));
                }
                matches.operands.push(operand);
                continue;
            }
        };
        if spec.long == HELP.long {
            return Ok(Parsed::Help(command));
        }
        if spec.long == VERSION.long {
            return Ok(Parsed::Version);
        }
        let value = match spec.value {
            Some(v) => Some(check(spec, v.kind, parser.value()?)?),
            None => None,
        };
        matches.options.push((spec, value));
    }
    if let Some(missing) = command
        .operands
        .get(matches.operands.len())
        .filter(|o| o.required)
    {
        return Err(UsageError(format!("{} is missing", missing.name)));
    }
    Ok(Parsed::Run(matches))
}

/// The option of `command` that `pred` picks, `--help` and (for the
/// reader) `--version` included.
fn find(
    command: &'static CommandSpec,
    pred: impl Fn(&OptSpec) -> bool,
) -> Option<&'static OptSpec> {
    all_options(command).find(|o| pred(o))
}

fn unknown(arg: &lexopt::Arg<'_>) -> UsageError {
    let shown = match arg {
        Short(c) => format!("-{c}"),
        Long(name) => format!("--{name}"),
        Value(v) => v.to_string_lossy().into_owned(),
    };
    UsageError(format!("unknown option '{}'", fit(&shown, 60, "…")))
}

fn too_many(command: &CommandSpec, extra: &OsString) -> UsageError {
    let names: Vec<&str> = command.operands.iter().map(|o| o.name).collect();
    let what = if names.is_empty() {
        "no operands".to_string()
    } else {
        format!("one {} at most", names.join(" and one "))
    };
    UsageError(format!(
        "{what}; also got '{}'",
        fit(&extra.to_string_lossy(), 60, "…")
    ))
}

/// Checks a value against its kind.
fn check(spec: &OptSpec, kind: ValueKind, raw: OsString) -> Result<Given, UsageError> {
    let text = |raw: OsString| {
        raw.into_string().map_err(|v| {
            UsageError(format!(
                "--{}: '{}' is not valid text",
                spec.long,
                fit(&v.to_string_lossy(), 60, "…")
            ))
        })
    };
    match kind {
        ValueKind::File | ValueKind::Path | ValueKind::Dir => Ok(Given::Path(raw)),
        ValueKind::Text => text(raw).map(Given::Text),
        ValueKind::Address => {
            let s = text(raw)?;
            s.trim().parse().map(Given::Address).map_err(|_| {
                UsageError(format!(
                    "--{} takes an address and port such as 127.0.0.1:2222 or [::]:2222, not '{}'",
                    spec.long,
                    fit(&s, 60, "…")
                ))
            })
        }
        ValueKind::Duration => {
            let s = text(raw)?;
            parse_duration(&s).map(Given::Duration).map_err(|e| {
                UsageError(format!("--{}: {e}, not '{}'", spec.long, fit(&s, 60, "…")))
            })
        }
        ValueKind::Pane => pane(&text(raw)?).map(Given::Pane),
        ValueKind::Number { min, max } => {
            let s = text(raw)?;
            s.trim()
                .parse::<u64>()
                .ok()
                .filter(|n| (min..=max).contains(n))
                .map(Given::Number)
                .ok_or_else(|| {
                    UsageError(format!(
                        "--{} takes a number from {min} to {max}, not '{}'",
                        spec.long,
                        fit(&s, 60, "…")
                    ))
                })
        }
        ValueKind::Choice(choices) => {
            let s = text(raw)?;
            let given = s.trim().to_ascii_lowercase();
            choices
                .iter()
                .find(|c| **c == given)
                .map(|c| Given::Text((*c).to_string()))
                .ok_or_else(|| {
                    UsageError(format!(
                        "--{} takes {}, not '{}'",
                        spec.long,
                        either(choices),
                        fit(&s, 60, "…")
                    ))
                })
        }
    }
}

/// Reads a duration: a number and a unit (`ms`, `s`, `m`, `h`; seconds
/// without one), from 1 ms to 7 days.
///
/// # Errors
/// What is wrong, in words.
fn parse_duration(text: &str) -> Result<std::time::Duration, String> {
    let text = text.trim();
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let n: u64 = number
        .parse()
        .map_err(|_| "a duration is a number and a unit: 90s, 15m, 2h".to_string())?;
    let millis = match unit {
        "ms" => Some(n),
        "" | "s" => n.checked_mul(1000),
        "m" | "min" => n.checked_mul(60_000),
        "h" => n.checked_mul(3_600_000),
        _ => return Err(format!("unknown unit '{unit}': use ms, s, m or h")),
    };
    match millis {
        Some(ms) if (1..=7 * 24 * 3_600_000).contains(&ms) => {
            Ok(std::time::Duration::from_millis(ms))
        }
        _ => Err("a duration is from 1ms to 7 days".to_string()),
    }
}

/// "a, b or c".
fn either(choices: &[&str]) -> String {
    match choices.split_last() {
        Some((last, [])) => (*last).to_string(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// `--section`: a name from [`SECTION_NAMES`] or a number 1-6.
fn pane(s: &str) -> Result<usize, UsageError> {
    let s = s.trim().to_ascii_lowercase();
    if let Ok(n) = s.parse::<usize>() {
        return (1..=SECTION_NAMES.len())
            .contains(&n)
            .then(|| n - 1)
            .ok_or_else(|| UsageError(format!("no section {n}: use 1-{}", SECTION_NAMES.len())));
    }
    SECTION_NAMES
        .iter()
        .position(|name| *name == s)
        .ok_or_else(|| {
            UsageError(format!(
                "unknown section '{}': use one of {} or 1-6",
                fit(&s, 40, "…"),
                SECTION_NAMES.join(", ")
            ))
        })
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    #[test]
    fn durations_take_units() {
        assert_eq!(parse_duration("90"), Ok(Duration::from_secs(90)));
        assert_eq!(parse_duration("90s"), Ok(Duration::from_secs(90)));
        assert_eq!(parse_duration("15m"), Ok(Duration::from_secs(900)));
        assert_eq!(parse_duration("2h"), Ok(Duration::from_secs(7200)));
        assert_eq!(parse_duration("250ms"), Ok(Duration::from_millis(250)));
        for bad in [
            "",
            "s",
            "0",
            "-1s",
            "1d",
            "99999999999999999999",
            "8000h",
            "1.5s",
        ] {
            assert!(parse_duration(bad).is_err(), "{bad}");
        }
    }
}
