//! What each command does once the command line is read; `main` only
//! parses and hands the command over.

pub mod read;
pub mod serve;

use crate::cli::Command;
use crate::environ::Env;
use crate::output::{Output, WriteFailed};
use crate::{export, generate, library, provenance};

/// Runs `command`; returns the exit code.
pub fn run(command: Command, env: &Env) -> u8 {
    let out = Output { ascii: !env.utf8() };
    match command {
        Command::Run(cli) => read::run(&cli, env),
        Command::Serve(cli) => serve::run(&cli, env),
        Command::Help(text) => printed(out.print(&text)),
        Command::Generate(what) => printed(out.print(&generate::generate(what))),
        Command::Version => {
            printed(out.print(&format!("briefing {}\n", env!("CARGO_PKG_VERSION"))))
        }
        Command::Verify { briefing, source } => {
            out.run(|o, e| provenance::verify(&briefing, source.as_deref(), o, e))
        }
        Command::New { article } => out.run(|o, e| provenance::new_draft(&article, o, e)),
        Command::Export { format, file } => {
            out.run(|o, e| export::export(format, file.as_deref(), o, e))
        }
        Command::List { dir, json } => out.run(|o, e| library::list(&dir, json, o, e)),
        Command::Search { dir, query, json } => {
            out.run(|o, e| library::search(&dir, &query, json, o, e))
        }
    }
}

/// The exit code after printing: 0 when all went out (or the reader of a
/// pipe went away), else the failure's code.
pub fn printed(result: Result<(), WriteFailed>) -> u8 {
    match result {
        Ok(()) => 0,
        Err(WriteFailed(code)) => code,
    }
}
