//! `briefing --generate`: the man page and the completion scripts are
//! what the tables say, the committed copies in `assets/` are what the
//! binary prints, mandoc and the shells accept them, and Tab completes in a
//! real bash. Tests that need a program that is not installed skip with a
//! line, except under `CI=true`, where they fail.

// A panic in a test is a failing test, not a crash.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)]

mod support;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use briefing::cli::help::help;
use briefing::cli::spec::{COMMANDS, CommandSpec, OptSpec, all_options};
use briefing::generate::{Offer, offer};
use portable_pty::CommandBuilder;
use support::term::Term;

/// What `briefing --generate what` prints.
fn generate(what: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_briefing"))
        .args(["--generate", what])
        .env("LANG", "C")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

/// The committed copies, by what generates them.
const COPIES: [(&str, &str); 4] = [
    ("man", "assets/man/briefing.1"),
    ("bash", "assets/completions/briefing.bash"),
    ("zsh", "assets/completions/_briefing"),
    ("fish", "assets/completions/briefing.fish"),
];

/// Whether `program` is installed. When it is not, the test skips with a
/// line, or fails under `CI=true` (`.ci/run` installs it).
fn have(program: &str, found: bool) -> bool {
    if !found {
        assert_ne!(
            std::env::var("CI").as_deref(),
            Ok("true"),
            "{program} is not installed (.ci/run installs it)"
        );
        eprintln!("skipped: {program} is not installed");
    }
    found
}

fn have_program(program: &str) -> bool {
    let found = Command::new("sh")
        .args(["-c", &format!("command -v {program}")])
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    have(program, found)
}

/// Runs `program args` with `input` on stdin: its exit code and stderr.
fn run(program: &str, args: &[&str], input: &str) -> (Option<i32>, String) {
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let said =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (out.status.code(), said)
}

#[test]
fn the_committed_copies_are_what_the_binary_generates() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (what, path) in COPIES {
        let generated = generate(what);
        if std::env::var_os("BRIEFING_UPDATE_ASSETS").is_some() {
            std::fs::write(root.join(path), &generated).unwrap();
        }
        let committed = std::fs::read_to_string(root.join(path)).unwrap_or_default();
        assert!(
            committed == generated,
            "{path} is not what `briefing --generate {what}` prints: run \
             `cargo run -- --generate {what} > {path}` (or \
             `BRIEFING_UPDATE_ASSETS=1 cargo test --test generate`) and commit it"
        );
    }
}

#[test]
fn everything_generated_is_ascii_and_ends_in_a_newline() {
    for (what, _) in COPIES {
        let text = generate(what);
        assert!(text.is_ascii(), "--generate {what} is not ASCII");
        assert!(text.ends_with('\n'), "--generate {what}");
        assert!(
            text.lines().all(|l| !l.ends_with(' ')),
            "--generate {what}: trailing space"
        );
    }
}

#[test]
fn mandoc_finds_nothing_to_say_about_the_man_page() {
    if !have_program("mandoc") {
        return;
    }
    let (code, said) = run("mandoc", &["-T", "lint", "-W", "all"], &generate("man"));
    assert_eq!((code, said.as_str()), (Some(0), ""), "mandoc -T lint");
}

#[test]
fn the_shells_accept_their_scripts() {
    for (shell, what) in [("bash", "bash"), ("zsh", "zsh"), ("fish", "fish")] {
        if !have_program(shell) {
            continue;
        }
        let (code, said) = run(shell, &["-n"], &generate(what));
        assert_eq!(code, Some(0), "{shell} -n: {said}");
    }
}

#[test]
fn a_broken_script_is_refused_by_its_shell() {
    // The syntax check above can fail: each shell refuses a broken copy.
    for (shell, what, cut) in [
        ("bash", "bash", "esac"),
        ("zsh", "zsh", "esac"),
        ("fish", "fish", "end\n"),
    ] {
        if !have_program(shell) {
            continue;
        }
        let broken = generate(what).replacen(cut, "", 1);
        let (code, _) = run(shell, &["-n"], &broken);
        assert_ne!(code, Some(0), "{shell} -n accepted a broken script");
    }
}

/// The forms of an option: `--long`, and `-s` when it has one.
fn forms(opt: &OptSpec) -> Vec<String> {
    opt.short
        .map(|c| format!("-{c}"))
        .into_iter()
        .chain([format!("--{}", opt.long)])
        .collect()
}

/// The part of a generated text that is about `command`: from the line
/// that starts it to the next command's.
fn part<'a>(text: &'a str, command: &CommandSpec, starts: impl Fn(&str) -> String) -> &'a str {
    let marks: Vec<String> = COMMANDS.iter().map(|c| starts(c.name)).collect();
    let own = starts(command.name);
    let at = text
        .find(&own)
        .unwrap_or_else(|| panic!("no {own:?} in the text"));
    let rest = &text[at + own.len()..];
    let end = marks
        .iter()
        .filter(|m| **m != own)
        .filter_map(|m| rest.find(m.as_str()))
        .min()
        .unwrap_or(rest.len());
    &rest[..end]
}

#[test]
fn every_option_is_in_the_help_the_man_page_and_every_script() {
    let man = generate("man");
    let bash = generate("bash");
    let zsh = generate("zsh");
    let fish = generate("fish");
    for command in COMMANDS {
        let help = help(command);
        // The reader's options come before the commands in the man page.
        let man_part = if command.name.is_empty() {
            &man[man.find(".SH OPTIONS").unwrap()..man.find(".SH COMMANDS").unwrap()]
        } else {
            part(&man, command, |n| format!(".SS {n}\n"))
        };
        let bash_part = part(&bash, command, |n| format!("            \"{n}\") "));
        let zsh_part = if command.name.is_empty() {
            &zsh[zsh.rfind("    _arguments").unwrap()..]
        } else {
            part(&zsh, command, |n| format!("({n})\n"))
        };
        for opt in all_options(command) {
            let fish_line = fish
                .lines()
                .find(|l| {
                    l.contains(&format!("__briefing_is \"{}\"", command.name))
                        && l.contains(&format!(" -l {} ", opt.long))
                })
                .unwrap_or_else(|| panic!("fish: no --{} for {:?}", opt.long, command.name));
            if let Some(c) = opt.short {
                assert!(fish_line.contains(&format!(" -s {c} ")), "{fish_line}");
            }
            for form in forms(opt) {
                let in_words = |text: &str| {
                    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
                        .any(|w| w == form)
                };
                let where_ = format!("{form} of {:?}", command.name);
                assert!(in_words(&help), "--help lacks {where_}");
                let roff = form.replace('-', "\\-");
                assert!(man_part.contains(&roff), "the man page lacks {where_}");
                assert!(in_words(bash_part), "bash lacks {where_}");
                assert!(zsh_part.contains(&form), "zsh lacks {where_}:\n{zsh_part}");
            }
            // Values that are words are offered by every shell.
            if let Some(Offer::Words(words)) = opt.value.map(|v| offer(v.kind)) {
                let list = words.join(" ");
                assert!(fish_line.contains(&list), "fish: {fish_line}");
                assert!(zsh_part.contains(&format!("({list})")), "zsh: {list}");
                let bash_value = bash
                    .lines()
                    .filter(|l| l.contains(&format!("\"{}:--{}\"", command.name, opt.long)))
                    .find(|l| l.contains("_briefing_words"))
                    .unwrap_or_else(|| panic!("bash: no values for --{}", opt.long));
                assert!(bash_value.contains(&list), "bash: {bash_value}");
            }
        }
    }
}

#[test]
fn the_man_page_lists_every_command_and_the_keys() {
    let man = generate("man");
    for command in COMMANDS.iter().filter(|c| !c.name.is_empty()) {
        assert!(
            man.contains(&format!(".SS {}\n", command.name)),
            "{}",
            command.name
        );
    }
    for section in [
        "NAME",
        "SYNOPSIS",
        "DESCRIPTION",
        "OPTIONS",
        "COMMANDS",
        "KEYS",
        "\"THE BRIEFING FILE\"",
        "FILES",
        "ENVIRONMENT",
        "\"EXIT STATUS\"",
        "EXAMPLES",
    ] {
        assert!(man.contains(&format!("\n.SH {section}\n")), "{section}");
    }
    for binding in briefing::keymap::BINDINGS {
        assert!(
            man.contains(
                binding
                    .help
                    .en
                    .replace('-', "\\-")
                    .split('(')
                    .next()
                    .unwrap()
                    .trim()
            ),
            "the man page lacks {:?}",
            binding.help.en
        );
    }
}

/// A bash in a terminal with the generated completion loaded (after
/// bash-completion's own when `with_package`), `briefing` on its PATH.
fn bash_with_completion(with_package: Option<&str>) -> Term {
    let bin = Path::new(env!("CARGO_BIN_EXE_briefing")).parent().unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut cmd = CommandBuilder::new("bash");
    cmd.args(["--norc", "--noprofile", "-i"]);
    let mut t = Term::spawn(cmd, &[("PS1", "$ "), ("PATH", &path)], 100, 30);
    t.wait_for("$ ");
    if let Some(package) = with_package {
        t.send(format!(". {package}; complete -p | wc -l\r").as_bytes());
    }
    t.send(b"source <(briefing --generate bash); echo LOADED\r");
    t.wait_for("\nLOADED");
    t
}

/// Tab after `--col` writes `--color`, two Tabs after it list its values.
fn tab_completes_color(t: &mut Term) {
    t.send(b"briefing --col\t");
    t.wait_for("$ briefing --color ");
    t.send(b"\t\t");
    t.wait_until("the values of --color", |s| {
        let c = s.contents();
        let after = c.rsplit("$ briefing --color").nth(1).unwrap_or("");
        ["auto", "always", "never"]
            .iter()
            .all(|v| after.contains(v))
    })
    .unwrap();
    t.send(b"\x15briefing se\t\t");
    t.wait_until("the commands that start with se", |s| {
        let c = s.contents();
        c.contains("serve") && c.contains("search")
    })
    .unwrap();
}

#[test]
fn tab_completes_options_and_values_in_a_real_bash() {
    if !have_program("bash") {
        return;
    }
    let mut t = bash_with_completion(None);
    tab_completes_color(&mut t);
}

#[test]
fn tab_completes_the_same_with_bash_completion_loaded() {
    let package = "/usr/share/bash-completion/bash_completion";
    if !have_program("bash") || !have("bash-completion", Path::new(package).exists()) {
        return;
    }
    let mut t = bash_with_completion(Some(package));
    tab_completes_color(&mut t);
}
