//! `briefing`: parses the command line, loads the briefing, then prints it
//! (plain view, `--check`) or runs the reader in the terminal.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::process::ExitCode;
use std::sync::mpsc;

use briefing::app::{App, Options};
use briefing::briefing::{BUNDLED_NAME, Briefing, LoadError, load_bundled, load_file};
use briefing::cli::{Cli, Command, HELP};
use briefing::doc::build_docs;
use briefing::labels::Lang;
use briefing::plain;
use briefing::section::SectionId;
use briefing::settings::{Env, Settings, resolve};
use briefing::symbols::Symbols;
use briefing::terminal::event_loop::{self, Host, LoopOptions};
use briefing::terminal::screen::Screen;
use briefing::terminal::{session, signals};
use briefing::text::hyphenate::Hyphenator;

/// A failure: what to tell the user, and the exit code.
struct Failure {
    message: String,
    code: u8,
}

impl From<LoadError> for Failure {
    fn from(e: LoadError) -> Self {
        Self {
            code: e.exit_code(),
            message: e.to_string(),
        }
    }
}

fn main() -> ExitCode {
    let cli = match Cli::parse_from(std::env::args_os().skip(1)) {
        Ok(Command::Run(cli)) => cli,
        Ok(Command::Help) => {
            print!("{HELP}");
            return ExitCode::SUCCESS;
        }
        Ok(Command::Version) => {
            println!("briefing {}", env!("CARGO_PKG_VERSION"));
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    match run(&cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            session::restore();
            eprintln!("{}", failure.message);
            ExitCode::from(failure.code)
        }
    }
}

fn run(cli: &Cli) -> Result<(), Failure> {
    let briefing = match &cli.file {
        Some(path) => load_file(path)?,
        // --check really parses the bundled text; reading uses the copy
        // validated at build time, which starts faster.
        None if cli.check => load_bundled()?,
        None => briefing::bundled::bundled(),
    };
    if cli.check {
        let name = cli
            .file
            .as_ref()
            .map_or_else(|| BUNDLED_NAME.to_string(), |p| p.display().to_string());
        println!("{}: ok", briefing::briefing::sanitize::sanitize(&name));
        return Ok(());
    }
    let env = Env::from_process();
    let stdout_tty = io::stdout().is_terminal();
    let any_tty = stdout_tty || io::stdin().is_terminal() || io::stderr().is_terminal();
    let term_size = any_tty.then(session::size).flatten();
    let settings = resolve(cli, &env, stdout_tty, term_size.map(|(w, _)| w));
    let lang = settings
        .lang
        .unwrap_or_else(|| Lang::for_tag(&briefing.lang));
    if settings.interactive {
        interactive(briefing, cli, settings, lang, term_size.unwrap_or((80, 24)))
    } else {
        print_plain(&briefing, settings, lang)
    }
}

fn print_plain(briefing: &Briefing, settings: Settings, lang: Lang) -> Result<(), Failure> {
    let symbols = if settings.ascii {
        Symbols::ASCII
    } else {
        Symbols::UNICODE
    };
    let docs = build_docs(briefing, lang.labels(), &symbols);
    let hyphenator = Hyphenator::new(&briefing.lang);
    let text = plain::render(&docs, lang.labels(), &symbols, &hyphenator, settings.width);
    let mut out = BufWriter::new(io::stdout().lock());
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        // A reader that stops early (`| head`) is not an error.
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(Failure {
            message: format!("briefing: cannot write: {e}"),
            code: 1,
        }),
        _ => Ok(()),
    }
}

/// The terminal the reader runs in.
struct Tty;

impl Host for Tty {
    fn size(&mut self) -> (u16, u16) {
        session::size().unwrap_or((80, 24))
    }

    fn suspend(&mut self) -> io::Result<()> {
        session::restore();
        signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
        session::resume()
    }
}

fn interactive(
    briefing: Briefing,
    cli: &Cli,
    settings: Settings,
    lang: Lang,
    (width, height): (u16, u16),
) -> Result<(), Failure> {
    let fail = |e: io::Error| Failure {
        message: format!("briefing: terminal: {e}"),
        code: 1,
    };
    install_panic_hook();
    let (tx, rx) = mpsc::channel();
    let handlers = signals::install().map_err(fail)?;
    let tty = std::fs::File::open("/dev/tty").map_err(fail)?;
    let options = Options {
        lang,
        ascii: settings.ascii,
        section: cli.section.map_or(SectionId::Overview, SectionId::at),
        colour: settings.colour,
    };
    let mut app = App::new(briefing, options, width, height);
    let (writer, enter) = session::enter(cli.mouse).map_err(fail)?;
    let mut screen = Screen::new(BufWriter::with_capacity(64 * 1024, writer), width, height);
    screen.preface(&enter);
    let loop_options = LoopOptions {
        mouse: cli.mouse,
        panic_on_key: cfg!(debug_assertions) && std::env::var_os("BRIEFING_TEST_PANIC").is_some(),
        fail_on_key: cfg!(debug_assertions) && std::env::var_os("BRIEFING_TEST_ERROR").is_some(),
    };
    // The threads start once the first frame is out: it shows sooner.
    let start_threads = move || {
        signals::watch(handlers, tx.clone())?;
        event_loop::spawn_reader(tty, tx)
    };
    let result = event_loop::run(
        &mut app,
        &mut screen,
        &rx,
        &mut Tty,
        loop_options,
        start_threads,
    );
    session::restore();
    result.map_err(fail)
}

/// Restores the terminal before the panic message, so it is readable, and
/// exits with code 1 rather than a backtrace.
fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        session::restore();
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(ToString::to_string)
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown".to_string());
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!("briefing: internal error: {message}{place}");
        eprintln!("briefing: this is a bug; the terminal has been restored");
        std::process::exit(1);
    }));
}
