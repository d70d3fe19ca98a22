//! `briefing`: reads the command line and runs the command it names.

use std::process::ExitCode;

use briefing::cli::Cli;
use briefing::commands;
use briefing::environ::Env;
use briefing::output::Output;

fn main() -> ExitCode {
    let env = Env::from_process();
    let code = match Cli::parse_from(std::env::args_os().skip(1)) {
        Ok(command) => commands::run(command, &env),
        Err(e) => {
            Output { ascii: !env.utf8() }.error(&e.to_string());
            2
        }
    };
    ExitCode::from(code)
}
