//! `briefing [OPTIONS] [FILE]`: load a briefing, then check it, print it,
//! or read it full-screen.

use std::io::{self, IsTerminal};
use std::sync::Arc;

use super::printed;
use crate::app::{App, Options};
use crate::briefing::{BUNDLED_NAME, Briefing, LoadError, load_bundled, load_file};
use crate::bundled::bundled;
use crate::cli::Cli;
use crate::config::{Config, Location};
use crate::content::Content;
use crate::keymap::Keymap;
use crate::labels::Lang;
use crate::library::Dirs;
use crate::output::Output;
use crate::pane::PaneId;
use crate::plain;
use crate::settings::{Env, resolve};
use crate::shelf::{Shelf, ShelfOptions};
use crate::terminal::{session, tty};

/// Runs the reader command; returns the exit code.
pub fn run(cli: &Cli, env: &Env) -> u8 {
    let out = Output {
        ascii: cli.ascii || !env.utf8(),
    };
    // --check only looks at the briefing: a broken config does not stop it.
    let config = if cli.check {
        Config::default()
    } else {
        match Location::from_process(cli.config.as_deref()).load() {
            Ok(config) => config,
            Err(problems) => {
                for p in problems {
                    out.error(&p);
                }
                return 2;
            }
        }
    };
    let keymap = if config.keymap == Keymap::default() {
        Keymap::shared_default()
    } else {
        Arc::new(config.keymap.clone())
    };
    let cli = &cli.clone().with_config(&config);
    if let Some(dir) = cli.file.as_ref().filter(|p| p.is_dir()) {
        return library(cli, env, dir, out, keymap);
    }
    let briefing = match load(cli) {
        Ok(b) => b,
        Err(e) => {
            out.error(&e.to_string());
            return e.exit_code();
        }
    };
    if cli.check {
        let name = cli
            .file
            .as_ref()
            .map_or_else(|| BUNDLED_NAME.to_string(), |p| p.display().to_string());
        return printed(out.line(&format!("{name}: ok")));
    }
    let stdout_tty = io::stdout().is_terminal();
    let any_tty = stdout_tty || io::stdin().is_terminal() || io::stderr().is_terminal();
    let term_size = any_tty.then(tty::size);
    let settings = resolve(cli, env, stdout_tty, term_size.map(|(w, _)| w));
    let lang = settings
        .lang
        .unwrap_or_else(|| Lang::for_tag(&briefing.lang));
    let content = Arc::new(Content::new(Arc::new(briefing), lang, settings.ascii));
    if !settings.interactive {
        return printed(out.print(&plain::render(&content, settings.width)));
    }
    let (width, height) = term_size.unwrap_or((80, 24));
    let options = Options {
        pane: cli.section.map_or(PaneId::Overview, PaneId::at),
        colours: settings.colours,
        hosted: false,
        keymap,
    };
    let mut app = App::new(content, options, width, height);
    match tty::run(&mut app, (width, height), cli.mouse) {
        Ok(()) => 0,
        Err(e) => {
            session::restore();
            out.error(&format!("briefing: terminal: {e}"));
            1
        }
    }
}

/// `briefing DIR`: the library in the terminal, its rows when printing.
fn library(cli: &Cli, env: &Env, dir: &std::path::Path, out: Output, keymap: Arc<Keymap>) -> u8 {
    let stdout_tty = io::stdout().is_terminal();
    let settings = resolve(cli, env, stdout_tty, None);
    if cli.check {
        return out.run(|o, e| check_library(dir, o, e));
    }
    if !settings.interactive {
        return out.run(|o, e| crate::library::list(dir, false, o, e));
    }
    let (width, height) = tty::size();
    let options = ShelfOptions {
        dir: dir.to_path_buf(),
        lang: settings.lang,
        ascii: settings.ascii,
        colours: settings.colours,
        keymap,
        dirs: Dirs::from_process(),
        keep_marks: true,
        search_slots: None,
    };
    let mut shelf = Shelf::new(options, width, height);
    match tty::run(&mut shelf, (width, height), cli.mouse) {
        Ok(()) => 0,
        Err(e) => {
            session::restore();
            out.error(&format!("briefing: terminal: {e}"));
            1
        }
    }
}

/// `--check DIR`: every briefing of a library loaded; the first problem of
/// each broken one on stderr.
fn check_library(
    dir: &std::path::Path,
    out: &mut dyn std::io::Write,
    err: &mut dyn std::io::Write,
) -> u8 {
    let rows = match crate::library::load_all(dir, &Dirs::from_process(), err) {
        Ok(rows) => rows,
        Err(why) => return crate::emit::fail(&format!("briefing: {why}\n"), 1, err),
    };
    let shown = crate::briefing::sanitize::one_line(&dir.display().to_string());
    let mut problems = String::new();
    for line in rows
        .iter()
        .filter_map(|r| r.problem_line(&format!("{shown}/{}", r.shown)))
    {
        problems.push_str(&line);
        problems.push('\n');
    }
    if problems.is_empty() {
        let n = rows.len();
        let text = format!(
            "{shown}: ok, {n} briefing{}\n",
            if n == 1 { "" } else { "s" }
        );
        return crate::emit::finish(&text, 0, out, err);
    }
    crate::emit::fail(&problems, 2, err)
}

/// The briefing the command line names.
fn load(cli: &Cli) -> Result<Briefing, LoadError> {
    match &cli.file {
        Some(path) => load_file(path),
        // --check really parses the bundled text; reading uses the copy
        // validated at build time, which starts faster.
        None if cli.check => load_bundled(),
        None => Ok(bundled()),
    }
}
