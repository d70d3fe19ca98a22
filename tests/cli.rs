//! The real binary on the command line: `--check`, `--plain`, exit codes and
//! one-line errors with positions.

// A panic in a test is a failing test, not a crash.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use briefing::briefing::sanitize::is_harmful;
use unicode_width::UnicodeWidthStr;

fn briefing(args: &[&str]) -> Output {
    briefing_with(args, &[])
}

/// The binary with `env` set, the tester's own config file kept out.
fn briefing_with(args: &[&str], env: &[(&str, &str)]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_briefing"))
        .args(args)
        .env("LANG", "C.UTF-8")
        .env_remove("NO_COLOR")
        .env_remove("BRIEFING_CONFIG")
        .env("XDG_CONFIG_HOME", "/nonexistent/briefing-tests")
        .envs(env.iter().copied())
        .output()
        .expect("the binary runs")
}

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
        .display()
        .to_string()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn check_accepts_the_bundled_briefing() {
    let out = briefing(&["--check"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("ok"));
}

#[test]
fn check_reports_every_problem_with_line_and_column() {
    let path = fixture("all-four.toml");
    let out = briefing(&["--check", &path]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    let expected = [
        format!("{path}:6:1: unknown field `colour`"),
        format!("{path}:10:8: invalid type: integer `42`, expected a string"),
        format!("{path}:15:11: `speaker` refers to unknown actor `niemand`"),
        format!("{path}:18:25: "),
    ];
    assert_eq!(lines.len(), expected.len(), "{err}");
    for (line, want) in lines.iter().zip(&expected) {
        assert!(
            line.starts_with(want.as_str()),
            "{line:?} does not start with {want:?}"
        );
    }
}

#[test]
fn duplicate_ids_and_self_relations_are_refused() {
    let path = fixture("duplicate-id.toml");
    let out = briefing(&["--check", &path]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains(&format!(
            "{path}:11:6: duplicate actor id `putin` (first defined on line 6)"
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "{path}:17:6: a relation needs two different actors"
        )),
        "{err}"
    );
}

#[test]
fn missing_and_empty_fields_and_bad_numbers_are_named() {
    let path = fixture("missing.toml");
    let out = briefing(&["--check", &path]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    for want in [
        format!("{path}:1:1: missing `schema`"),
        format!("{path}:1:1: missing `title`"),
        format!("{path}:4:1: missing `id`"),
        format!("{path}:4:1: missing `kind`"),
        format!("{path}:8:9: `value` must not be empty"),
        format!("{path}:11:10: `number` must be a finite number"),
    ] {
        assert!(err.contains(want.as_str()), "missing {want:?} in:\n{err}");
    }
}

#[test]
fn unreadable_files_get_one_line_and_the_right_code() {
    let out = briefing(&["--check", "/no/such/briefing.toml"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out).trim(),
        "/no/such/briefing.toml: cannot read: no such file"
    );

    let path = fixture("not-utf8.toml");
    let out = briefing(&["--check", &path]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out).trim(),
        format!("{path}:3:17: not valid UTF-8 (briefings are UTF-8 text)")
    );

    // A folder is a library: every briefing in it is checked.
    let library = fixture("library");
    let out = briefing(&["--check", &library]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 2, "{err}");
    assert!(
        err.contains(&format!("{library}/broken/syntax.toml:3:16: ")),
        "{err}"
    );
    let out = briefing(&["--check", &fixture("library/de")]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains(": ok, 1 briefing\n"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn oversized_files_are_refused_before_parsing() {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("huge.toml");
    let size = usize::try_from(briefing::briefing::MAX_FILE_BYTES).unwrap() + 1;
    std::fs::write(&path, "#".repeat(size)).unwrap();
    let out = briefing(&["--check", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("file is too large"),
        "{}",
        stderr(&out)
    );
    let _ = std::fs::remove_file(path);
}

#[test]
fn usage_errors_exit_2_and_help_exits_0() {
    assert_eq!(briefing(&["--no-such-flag"]).status.code(), Some(2));
    assert_eq!(
        briefing(&["--section", "9", "--plain"]).status.code(),
        Some(2)
    );
    let help = briefing(&["--help"]);
    assert_eq!(help.status.code(), Some(0));
    assert!(stdout(&help).contains("--plain"));
    assert_eq!(briefing(&["--version"]).status.code(), Some(0));
}

/// Text without white space and hyphens, so that wrapped and hyphenated
/// output can be searched for the original sentences.
fn squash(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect()
}

#[test]
fn plain_output_fits_every_width_and_holds_everything() {
    let b = briefing::briefing::load_bundled().unwrap();
    let mut wanted: Vec<String> = vec![b.title.clone(), b.lede.clone()];
    wanted.extend(b.summary.iter().cloned());
    wanted.extend(b.topics.iter().cloned());
    wanted.extend(
        b.figures
            .iter()
            .flat_map(|f| [f.value.clone(), f.label.clone(), f.excerpt.clone()]),
    );
    wanted.extend(
        b.quotes
            .iter()
            .flat_map(|q| [q.text.clone(), q.context.clone()]),
    );
    wanted.extend(
        b.actors
            .iter()
            .flat_map(|a| [a.name.clone(), a.role.clone()]),
    );
    wanted.extend(b.relations.iter().map(|r| r.what.clone()));
    wanted.extend(
        b.sections
            .iter()
            .flat_map(|s| s.heading.iter().chain(&s.paragraphs).cloned()),
    );
    wanted.extend(
        b.sources
            .iter()
            .flat_map(|s| [s.name.clone(), s.cited_for.clone()]),
    );
    for width in [20, 40, 60, 80, 120] {
        let out = briefing(&["--plain", "--width", &width.to_string()]);
        assert_eq!(out.status.code(), Some(0));
        let text = stdout(&out);
        for line in text.lines() {
            assert!(line.width() <= width, "line wider than {width}: {line:?}");
        }
        let squashed = squash(&text);
        for w in &wanted {
            assert!(
                squashed.contains(&squash(w)),
                "width {width}: missing {w:?}"
            );
        }
        for heading in [
            "Überblick",
            "Kennzahlen",
            "Zitate",
            "Akteure",
            "Volltext",
            "Quellen",
        ] {
            assert!(
                text.lines().any(|l| l == heading),
                "width {width}: no heading {heading}"
            );
        }
    }
}

#[test]
fn plain_is_the_default_when_stdout_is_not_a_terminal() {
    let out = briefing(&[]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("Das Wichtigste in Kürze"));
    assert!(!stdout(&out).contains('\u{1b}'));
}

#[test]
fn plain_output_uses_ascii_only_decoration_with_ascii() {
    let out = briefing(&["--plain", "--ascii"]);
    let text = stdout(&out);
    for symbol in ["•", "·", "─", "→", "—", "«"] {
        let decoration = text.lines().filter(|l| l.contains(symbol)).count();
        // « stays where the article itself uses it; decoration must not.
        if symbol != "«" {
            assert_eq!(decoration, 0, "{symbol} in --ascii output");
        }
    }
}

#[test]
fn escape_sequences_and_bidi_controls_never_reach_the_output() {
    let path = fixture("escapes.toml");
    let check = briefing(&["--check", &path]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    for width in ["20", "80"] {
        let out = briefing(&["--plain", "--width", width, &path]);
        assert_eq!(out.status.code(), Some(0));
        let text = stdout(&out);
        for c in text.chars() {
            assert!(!is_harmful(c), "{c:?} in output:\n{text}");
        }
        assert!(text.contains("Clipboard ␛ write"), "{text}");
        assert!(text.contains("Tab here CRLF"));
    }
}

/// Runs the binary through `sh -c` with `redirect` applied to it, and
/// returns its exit code and stderr.
fn redirected(args: &str, redirect: &str) -> (Option<i32>, String) {
    let script = format!("\"$0\" {args} {redirect}");
    let out = Command::new("sh")
        .arg("-c")
        .arg(script)
        .arg(env!("CARGO_BIN_EXE_briefing"))
        .env("LANG", "C.UTF-8")
        .output()
        .unwrap();
    (out.status.code(), stderr(&out))
}

#[test]
fn failed_writes_never_panic() {
    for args in ["--help", "--version", "--check", "--plain", "--plain -w 20"] {
        // The reader of a pipe went away: quietly done.
        let (code, err) = redirected(args, "| true");
        assert_eq!(code, Some(0), "{args} into a closed pipe: {err}");
        assert!(!err.contains("panicked"), "{args}: {err}");
        // A full disk: one line, exit 1.
        let (code, err) = redirected(args, "> /dev/full");
        assert_eq!(code, Some(1), "{args} on /dev/full: {err}");
        assert_eq!(err.lines().count(), 1, "{args}: {err}");
        assert!(err.contains("cannot write"), "{args}: {err}");
        // No stdout at all.
        let (code, err) = redirected(args, ">&-");
        assert_eq!(code, Some(1), "{args} with stdout closed: {err}");
        assert!(err.contains("closed"), "{args}: {err}");
    }
    // Stderr gone too: nothing to say, but no panic and the right code.
    let (code, _) = redirected("--nonsense", "2> /dev/full");
    assert_eq!(code, Some(2));
    let (code, _) = redirected("--plain", "> /dev/full 2>&-");
    assert_eq!(code, Some(1));
}

#[test]
fn names_and_values_print_on_one_line_and_inert() {
    let evil = "b\u{1b}]0;PWNED\u{7}\u{1b}[2J\nfake.toml: ok\r\u{202e}.toml";
    let cases: [&[&str]; 7] = [
        &[evil],
        &["--check", evil],
        &["--section", evil],
        &["--width", evil],
        &["--color", evil],
        &["--lang", evil],
        &[evil, evil],
    ];
    for args in cases {
        let out = briefing(args);
        let err = stderr(&out);
        assert!(matches!(out.status.code(), Some(1 | 2)), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{args:?} printed {err:?}");
        assert!(!err.chars().any(is_harmful), "{args:?} printed {err:?}");
        assert!(stdout(&out).is_empty(), "{args:?}");
    }
    let unknown = briefing(&[&format!("--{evil}")]);
    assert_eq!(unknown.status.code(), Some(2));
    assert_eq!(stderr(&unknown).lines().count(), 1, "{}", stderr(&unknown));
    // A real file whose name holds a newline: "ok" on one line.
    let dir = std::env::temp_dir().join(format!("briefing-names-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("evil\nfake.toml");
    std::fs::write(&path, briefing::briefing::BUNDLED).unwrap();
    let out = briefing(&["--check", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out).lines().count(), 1, "{:?}", stdout(&out));
    assert!(stdout(&out).contains("evil␊fake.toml: ok"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_locale_that_is_not_utf8_prints_only_ascii() {
    for (args, env) in [
        (&["--plain"][..], "C"),
        (&["--plain", "--lang", "en"][..], "POSIX"),
        (&["--ascii", "--plain"][..], "C.UTF-8"),
        (&["--check", "/nonexistent/Pjöngjang.toml"][..], "C"),
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_briefing"))
            .args(args)
            .env("LANG", env)
            .env_remove("LC_ALL")
            .env_remove("LC_CTYPE")
            .output()
            .unwrap();
        for (what, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
            assert!(bytes.is_ascii(), "{args:?} {env}: non-ASCII on {what}");
        }
    }
    let out = briefing(&["--ascii", "--plain", "-w", "80"]);
    let text = stdout(&out);
    assert!(
        text.contains("Pjoengjang") && text.contains("\"Wir erwarten"),
        "{text}"
    );
}

#[test]
fn the_config_file_sets_defaults_that_the_command_line_overrides() {
    let dir = std::env::temp_dir().join(format!("briefing-config-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("briefing")).unwrap();
    std::fs::write(
        dir.join("briefing/config.toml"),
        "width = 30\nlang = \"en\"\n",
    )
    .unwrap();
    let home = dir.to_str().unwrap();
    let widest = |out: &Output| {
        stdout(out)
            .lines()
            .map(|l| l.chars().count())
            .max()
            .unwrap_or(0)
    };
    let from_config = briefing_with(&["--plain"], &[("XDG_CONFIG_HOME", home)]);
    assert!(from_config.status.success(), "{}", stderr(&from_config));
    assert!(widest(&from_config) <= 30, "{}", widest(&from_config));
    assert!(
        stdout(&from_config).contains("Key points"),
        "lang = en applies"
    );
    let given = briefing_with(&["--plain", "-w", "60"], &[("XDG_CONFIG_HOME", home)]);
    assert!(widest(&given) > 30 && widest(&given) <= 60);
    let none = briefing_with(&["--plain", "-w", "60"], &[]);
    assert!(stdout(&none).contains("Das Wichtigste in Kürze"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_bad_config_file_is_one_line_per_problem_with_its_place_and_exit_2() {
    let dir = std::env::temp_dir().join(format!("briefing-badconfig-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("config.toml");
    std::fs::write(&path, "[keys]\nquit = [\"q\", \"j\"]\nup = [\"Hyper-k\"]\n").unwrap();
    let shown = path.display().to_string();
    for out in [
        briefing_with(&["--plain", "--config", &shown], &[]),
        briefing_with(&["--plain"], &[("BRIEFING_CONFIG", &shown)]),
    ] {
        assert_eq!(out.status.code(), Some(2));
        let err = stderr(&out);
        let lines: Vec<&str> = err.lines().collect();
        assert_eq!(lines.len(), 2, "{err}");
        assert!(
            lines[0].starts_with(&format!("{shown}:2:14: `j` is bound to both down and quit")),
            "{err}"
        );
        assert!(
            lines[1].starts_with(&format!("{shown}:3:7: `Hyper-k` is not a key")),
            "{err}"
        );
        assert!(stdout(&out).is_empty());
    }
    let missing = dir.join("missing.toml");
    let out = briefing_with(&["--config", missing.to_str().unwrap()], &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("cannot read the config file"),
        "{}",
        stderr(&out)
    );
    // --check looks at the briefing only.
    let out = briefing_with(&["--check", "--config", missing.to_str().unwrap()], &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let _ = std::fs::remove_dir_all(&dir);
}

/// glibc's loader names every library it loads when `LD_DEBUG=libs`: the
/// binary loads the C library but not the C maths library, whose loading
/// took 0.1-0.2 ms of every start. When this fails, a dependency calls a C
/// maths function that `src/serve/c_maths.rs` does not define yet.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[test]
fn the_binary_does_not_load_the_c_maths_library() {
    let out = briefing_with(&["--version"], &[("LD_DEBUG", "libs")]);
    assert!(out.status.success());
    let loaded = String::from_utf8_lossy(&out.stderr);
    assert!(loaded.contains("libc.so"), "the loader said: {loaded}");
    assert!(!loaded.contains("libm.so"), "the loader said: {loaded}");
}
