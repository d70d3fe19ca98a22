//! `briefing serve [OPTIONS] [PATH]`: load the briefing (or the library's
//! rows) once, then serve it to every SSH client.

use crate::briefing::load_file;
use crate::bundled::bundled;
use crate::cli::{ServeCli, UiLang};
use crate::content::Shared;
use crate::dirs::Dirs;
use crate::labels::Lang;
use crate::output::Output;
use crate::serve::{self, Library, Offer, ServeArgs};
use crate::settings::Env;

/// Runs `serve`; returns the exit code.
pub fn run(cli: &ServeCli, env: &Env) -> u8 {
    let out = Output { ascii: !env.utf8() };
    let offer = match &cli.file {
        Some(dir) if dir.is_dir() => {
            let mut said = Vec::new();
            let loaded = Library::load(
                dir.clone(),
                Dirs::from_process(),
                crate::serve::offer::REFRESH,
                &mut said,
            );
            for line in String::from_utf8_lossy(&said).lines() {
                out.error(line);
            }
            match loaded {
                Ok(library) => Offer::Library(library),
                Err(why) => {
                    out.error(&format!("briefing: {why}"));
                    return 1;
                }
            }
        }
        Some(path) => match load_file(path) {
            Ok(b) => Offer::Briefing(Shared::new(b)),
            Err(e) => {
                out.error(&e.to_string());
                return e.exit_code();
            }
        },
        None => Offer::Briefing(Shared::new(bundled())),
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
        theme: cli.theme,
    };
    serve::run(&args, offer, out)
}
