//! Command line plus environment → the choices the program runs with. A pure
//! function of its inputs; only `main` reads the real environment.

use crate::cli::{Cli, ColorChoice, UiLang};
pub use crate::environ::Env;
use crate::labels::Lang;

/// How to run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    /// Open the full-screen reader (else print the plain view).
    pub interactive: bool,
    /// Use colour.
    pub colour: bool,
    /// Draw with ASCII only.
    pub ascii: bool,
    /// Interface language, if chosen on the command line.
    pub lang: Option<Lang>,
    /// Width of the plain view.
    pub width: u16,
}

/// Resolves the settings; `stdout_tty` and `term_width` describe the terminal
/// (if any).
pub fn resolve(cli: &Cli, env: &Env, stdout_tty: bool, term_width: Option<u16>) -> Settings {
    let interactive = !cli.plain && !cli.check && stdout_tty && !env.dumb();
    let colour = match cli.color.unwrap_or_default() {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => stdout_tty && !env.no_color && !env.dumb(),
    };
    Settings {
        interactive,
        colour,
        ascii: cli.ascii || !env.utf8(),
        lang: cli.lang.map(|l| match l {
            UiLang::De => Lang::De,
            UiLang::En => Lang::En,
        }),
        width: cli
            .width
            .or(term_width)
            .or(env.columns)
            .unwrap_or(80)
            .clamp(8, 1000),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cli(args: &[&str]) -> Cli {
        match Cli::parse_from(args.iter().copied()) {
            Ok(crate::cli::Command::Run(cli)) => cli,
            other => panic!("{other:?}"),
        }
    }

    fn utf8_env() -> Env {
        Env {
            locale: Some("de_CH.UTF-8".into()),
            term: Some("xterm-256color".into()),
            ..Env::default()
        }
    }

    #[test]
    fn a_terminal_gets_the_reader_in_colour() {
        let s = resolve(&cli(&[]), &utf8_env(), true, Some(100));
        assert!(s.interactive && s.colour && !s.ascii);
        assert_eq!(s.width, 100);
    }

    #[test]
    fn pipes_dumb_terminals_and_plain_get_the_plain_view() {
        assert!(!resolve(&cli(&[]), &utf8_env(), false, None).interactive);
        assert!(!resolve(&cli(&["--plain"]), &utf8_env(), true, None).interactive);
        let dumb = Env {
            term: Some("dumb".into()),
            ..utf8_env()
        };
        assert!(!resolve(&cli(&[]), &dumb, true, None).interactive);
    }

    #[test]
    fn no_color_and_color_never_turn_colour_off() {
        let env = Env {
            no_color: true,
            ..utf8_env()
        };
        assert!(!resolve(&cli(&[]), &env, true, None).colour);
        assert!(!resolve(&cli(&["--color", "never"]), &utf8_env(), true, None).colour);
        assert!(resolve(&cli(&["--color", "always"]), &env, false, None).colour);
    }

    #[test]
    fn non_utf8_locales_get_ascii() {
        let env = Env {
            locale: Some("C".into()),
            ..utf8_env()
        };
        assert!(resolve(&cli(&[]), &env, true, None).ascii);
        assert!(resolve(&cli(&[]), &Env::default(), true, None).ascii);
        assert!(resolve(&cli(&["--ascii"]), &utf8_env(), true, None).ascii);
    }

    #[test]
    fn plain_width_falls_back_to_columns_then_80() {
        let env = Env {
            columns: Some(50),
            ..utf8_env()
        };
        assert_eq!(resolve(&cli(&[]), &env, false, None).width, 50);
        assert_eq!(resolve(&cli(&[]), &utf8_env(), false, None).width, 80);
        assert_eq!(
            resolve(&cli(&["-w", "30"]), &env, false, Some(120)).width,
            30
        );
    }
}
