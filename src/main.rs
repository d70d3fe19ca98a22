//! `briefing`: reads the command line and runs the command it names.

use std::process::ExitCode;

use briefing::cli::{Cli, Command};
use briefing::commands::{self, printed};
use briefing::output::Output;
use briefing::settings::Env;

fn main() -> ExitCode {
    let env = Env::from_process();
    let out = Output { ascii: !env.utf8() };
    let code = match Cli::parse_from(std::env::args_os().skip(1)) {
        Ok(Command::Run(cli)) => commands::read::run(&cli, &env),
        Ok(Command::Serve(cli)) => commands::serve::run(&cli, &env),
        Ok(Command::Help(text)) => printed(out.print(&text)),
        Ok(Command::Version) => {
            printed(out.print(&format!("briefing {}\n", env!("CARGO_PKG_VERSION"))))
        }
        Err(e) => {
            out.error(&e.to_string());
            2
        }
    };
    ExitCode::from(code)
}
