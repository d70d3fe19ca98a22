//! `briefing serve [OPTIONS] [FILE]`: load the briefing once, then serve it
//! to every SSH client.

use crate::briefing::load_file;
use crate::bundled::bundled;
use crate::cli::{ServeCli, UiLang};
use crate::content::Shared;
use crate::labels::Lang;
use crate::output::Output;
use crate::serve::{self, ServeArgs};
use crate::settings::Env;

/// Runs `serve`; returns the exit code.
pub fn run(cli: &ServeCli, env: &Env) -> u8 {
    let out = Output { ascii: !env.utf8() };
    let briefing = match &cli.file {
        Some(path) => load_file(path),
        None => Ok(bundled()),
    };
    let briefing = match briefing {
        Ok(b) => b,
        Err(e) => {
            out.error(&e.to_string());
            return e.exit_code();
        }
    };
    let args = ServeArgs {
        listen: cli.listen,
        host_key: cli.host_key.clone(),
        authorized_keys: cli.authorized_keys.clone(),
        limits: cli.limits,
        lang: cli.lang.map(|l| match l {
            UiLang::De => Lang::De,
            UiLang::En => Lang::En,
        }),
    };
    serve::run(&args, Shared::new(briefing), out)
}
