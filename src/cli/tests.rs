//! Command-line parsing: every option, help, version and usage errors.

use super::*;

fn run(args: &[&str]) -> Cli {
    match Cli::parse_from(args.iter().copied()) {
        Ok(Command::Run(cli)) => cli,
        other => panic!("{args:?}: {other:?}"),
    }
}

fn error(args: &[&str]) -> String {
    match Cli::parse_from(args.iter().copied()) {
        Err(e) => e.to_string(),
        other => panic!("{args:?} should fail: {other:?}"),
    }
}

#[test]
fn no_arguments_is_the_bundled_briefing_in_the_reader() {
    assert_eq!(run(&[]), Cli::default());
}

#[test]
fn every_option_in_long_and_short_form() {
    let cli = run(&[
        "-s",
        "text",
        "-p",
        "-w",
        "40",
        "--color=never",
        "--ascii",
        "--lang",
        "en",
        "--mouse",
        "--theme",
        "light",
        "x.toml",
    ]);
    assert_eq!(cli.theme, Some(crate::theme::ThemeName::Light));
    assert_eq!(
        run(&[]).theme,
        None,
        "the default is for the config, then dark"
    );
    assert_eq!(cli.section, Some(4));
    assert!(cli.plain && cli.ascii && cli.mouse);
    assert_eq!(cli.width, Some(40));
    assert_eq!(cli.color, Some(ColorChoice::Never));
    assert_eq!(cli.lang, Some(UiLang::En));
    assert_eq!(cli.file, Some(PathBuf::from("x.toml")));
    assert_eq!(run(&["--section=2", "--check"]).section, Some(1));
    assert_eq!(run(&["-w80", "--plain"]).width, Some(80));
    assert_eq!(run(&["--section", "Sources"]).section, Some(5));
}

#[test]
fn help_and_version() {
    let help = Ok(Command::Help(help::main_help()));
    assert_eq!(Cli::parse_from(["--help"]), help);
    assert_eq!(Cli::parse_from(["-h", "--nonsense"]), help);
    assert_eq!(Cli::parse_from(["-V"]), Ok(Command::Version));
}

#[test]
fn usage_errors_say_what_is_wrong_in_one_line() {
    for (args, words) in [
        (&["--nope"][..], "--nope"),
        (&["--section", "7"][..], "no section 7"),
        (&["--section", "nope"][..], "unknown section 'nope'"),
        (&["--width", "3"][..], "8 to 1000"),
        (&["--width"][..], "--width"),
        (&["--color", "red"][..], "auto, always or never"),
        (&["--lang", "fr"][..], "de or en"),
        (&["--theme", "solarized"][..], "--theme takes dark or light"),
        (&["a.toml", "b.toml"][..], "one PATH at most"),
        (
            &["--colour", "x"][..],
            "--color takes auto, always or never",
        ),
        (&["--check", "--plain"][..], "cannot be used together"),
        (&["--plain=yes"][..], "--plain"),
    ] {
        let e = error(args);
        assert!(e.contains(words), "{args:?}: {e}");
        assert!(!e.contains('\n'), "{e}");
    }
}

#[test]
fn the_help_lists_every_option() {
    for option in [
        "--section",
        "--plain",
        "--width",
        "--check",
        "--color",
        "--ascii",
        "--lang",
        "--mouse",
        "--help",
        "--version",
    ] {
        assert!(help::main_help().contains(option), "{option}");
    }
}

#[test]
fn the_help_is_made_from_the_table() {
    let help = help::main_help();
    for opt in spec::READ.options {
        let line = help
            .lines()
            .find(|l| l.contains(&format!("--{}", opt.long)))
            .unwrap_or_else(|| panic!("--{} not in the help", opt.long));
        let first = opt.help.lines().next().unwrap();
        assert!(line.ends_with(first), "{line:?} does not end in {first:?}");
    }
    assert!(help.contains("Usage: briefing [OPTIONS] [PATH]"), "{help}");
    for line in help.lines() {
        assert!(line.len() <= 100, "{line:?}");
    }
}

#[test]
fn colour_is_another_spelling_of_color() {
    assert_eq!(run(&["--colour", "never"]).color, Some(ColorChoice::Never));
}

#[test]
fn generate_prints_one_thing_and_takes_nothing_else() {
    for (word, what) in [
        ("man", Generate::Man),
        ("bash", Generate::Bash),
        ("zsh", Generate::Zsh),
        ("fish", Generate::Fish),
    ] {
        assert_eq!(
            Cli::parse_from(["--generate", word]),
            Ok(Command::Generate(what))
        );
    }
    assert!(error(&["--generate", "tcsh"]).contains("man, bash, zsh or fish"));
    assert!(error(&["--generate", "man", "--plain"]).contains("no other options"));
    assert!(error(&["--generate", "man", "x.toml"]).contains("no other options"));
    assert!(error(&["serve", "--generate", "man"]).contains("unknown option"));
}
