//! The man page, section 1: the commands and options from the command
//! table, the keys from the key table, and the rest (files, environment,
//! exit status) written here once.

use roff::{Inline, Roff, bold, italic, roman};

use super::man_keys;
use crate::cli::spec::{COMMANDS, CommandSpec, Operand, OptSpec, READ, ValueKind, all_options};
use crate::pane::PaneId;

/// The date in the page's footer: when its text last changed in substance.
/// (Not the build's date: the page must be the same in every build.)
const DATE: &str = "2026-11-28";

/// The whole page, ready for `man -l`.
pub fn page() -> String {
    let mut r = Roff::new();
    r.control(
        "TH",
        [
            "BRIEFING",
            "1",
            DATE,
            &format!("briefing {}", env!("CARGO_PKG_VERSION")),
            "User Commands",
        ],
    );
    name(&mut r);
    synopsis(&mut r);
    description(&mut r);
    options(&mut r);
    commands(&mut r);
    man_keys::keys(&mut r);
    briefing_file(&mut r);
    files(&mut r);
    environment(&mut r);
    exit_status(&mut r);
    examples(&mut r);
    see_also(&mut r);
    finish(&r.render())
}

fn name(r: &mut Roff) {
    r.control("SH", ["NAME"]);
    r.text([roman("briefing - a terminal reader for news briefings")]);
}

/// A usage line: the command in bold, operands in italics.
fn usage(command: &CommandSpec) -> Vec<Inline> {
    let mut line = vec![bold("briefing")];
    if !command.name.is_empty() {
        line.push(roman(" "));
        line.push(bold(command.name));
    }
    if !command.options.is_empty() {
        line.push(roman(" ["));
        line.push(italic("OPTIONS"));
        line.push(roman("]"));
    }
    for operand in command.operands {
        if operand.required {
            line.push(roman(" "));
            line.push(italic(operand.name));
        } else {
            line.push(roman(" ["));
            line.push(italic(operand.name));
            line.push(roman("]"));
        }
    }
    line
}

fn synopsis(r: &mut Roff) {
    r.control("SH", ["SYNOPSIS"]);
    for command in COMMANDS {
        r.text(usage(command));
        r.control("br", []);
    }
    r.text([
        bold("briefing"),
        roman(" "),
        bold("--generate"),
        roman(" "),
        italic("WHAT"),
    ]);
}

fn description(r: &mut Roff) {
    let panes: Vec<String> = PaneId::NAMES
        .iter()
        .enumerate()
        .map(|(i, n)| format!("{} {n}", i + 1))
        .collect();
    let commands = super::subcommands();
    r.control("SH", ["DESCRIPTION"]);
    r.text([
        bold("briefing"),
        roman(
            " shows a news briefing in the terminal: one article turned into structured \
             content (the key points, key figures, quotes, actors and their relations, the \
             full text and the sources) kept in a TOML file. It is shown as six panes you \
             jump between with single keys: ",
        ),
        roman(panes.join(", ")),
        roman("."),
    ]);
    r.control("PP", []);
    r.text([roman(
        "With no PATH it opens the briefing that ships inside the program. A folder opens \
         the library: every briefing in it and below it, with a filter, full-text search \
         across all of them and read marks.",
    )]);
    r.control("PP", []);
    r.text([roman(
        "When standard output is not a terminal, or TERM is dumb, the whole briefing is \
         printed as wrapped plain text (as with --plain). Everything a file holds passes a \
         sanitiser first: nothing in a briefing can reach the terminal as a command.",
    )]);
    r.control("PP", []);
    r.text([roman(format!(
        "A first word that names a command ({}) is that command; ./{} opens a file of \
         that name. Each command has its own help: briefing COMMAND --help.",
        commands.join(", "),
        commands.first().copied().unwrap_or_default(),
    ))]);
}

/// `-s, --section NAME` as a tagged paragraph's tag.
fn option_tag(opt: &OptSpec) -> Vec<Inline> {
    let mut tag = Vec::new();
    if let Some(c) = opt.short {
        tag.push(bold(format!("-{c}")));
        tag.push(roman(", "));
    }
    tag.push(bold(format!("--{}", opt.long)));
    if let Some(v) = opt.value {
        tag.push(roman(" "));
        tag.push(italic(v.name));
    }
    tag
}

/// A sentence on the values `kind` takes, unless `help` spells them out
/// already.
fn values(name: &str, kind: ValueKind, help: &str) -> Option<String> {
    let spelt = match kind {
        ValueKind::Choice(words) => words.join("|"),
        ValueKind::Pane => PaneId::NAMES.join("|"),
        ValueKind::Number { min, max } => format!("{min}-{max}"),
        _ => String::new(),
    };
    if !spelt.is_empty() && help.contains(&spelt) {
        return None;
    }
    Some(match kind {
        ValueKind::Choice(words) => format!("{name} is one of: {}.", words.join(", ")),
        ValueKind::Pane => format!(
            "{name} is one of: {}; or a number from 1 to {}.",
            PaneId::NAMES.join(", "),
            PaneId::NAMES.len()
        ),
        ValueKind::Number { min, max } => {
            format!("{name} is a whole number from {min} to {max}.")
        }
        ValueKind::Duration => format!(
            "{name} is a number and a unit: ms, s, m or h (90s, 15m, 2h); from 1ms to 7 days."
        ),
        ValueKind::Address => {
            format!("{name} is an address and a port: 127.0.0.1:2222, [::]:2222.")
        }
        ValueKind::File | ValueKind::Path | ValueKind::Dir | ValueKind::Text => return None,
    })
}

/// A help text of the table as one paragraph (its lines joined).
fn joined(help: &str) -> String {
    help.lines().map(str::trim).collect::<Vec<_>>().join(" ")
}

fn option(r: &mut Roff, opt: &OptSpec) {
    r.control("TP", []);
    r.text(option_tag(opt));
    let mut text = joined(opt.help);
    if let Some(v) = opt.value.and_then(|v| values(v.name, v.kind, opt.help)) {
        text.push_str(". ");
        text.push_str(&v);
    }
    r.text([roman(text)]);
}

fn operand(r: &mut Roff, operand: &Operand) {
    r.control("TP", []);
    r.text([italic(operand.name)]);
    r.text([roman(joined(operand.help))]);
}

fn options(r: &mut Roff) {
    r.control("SH", ["OPTIONS"]);
    for o in READ.operands {
        operand(r, o);
    }
    for opt in all_options(&READ) {
        option(r, opt);
    }
}

fn commands(r: &mut Roff) {
    r.control("SH", ["COMMANDS"]);
    for command in COMMANDS.iter().filter(|c| !c.name.is_empty()) {
        r.control("SS", [command.name]);
        r.text(usage(command));
        r.control("PP", []);
        r.text([roman(capitalised(command.summary) + ".")]);
        for o in command.operands {
            operand(r, o);
        }
        for opt in all_options(command) {
            option(r, opt);
        }
    }
}

/// `text` with its first letter in upper case.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A block of lines shown as they are.
fn example(r: &mut Roff, lines: &[&str]) {
    r.control("PP", []);
    r.control("EX", []);
    for line in lines {
        r.text([roman(*line)]);
    }
    r.control("EE", []);
}

fn briefing_file(r: &mut Roff) {
    r.control("SH", ["THE BRIEFING FILE"]);
    r.text([roman(
        "TOML, UTF-8, at most 8 MiB, at most 50,000 entries in any list; unknown keys are \
         errors, and every problem is reported as PATH:LINE:COLUMN: message. In short:",
    )]);
    example(
        r,
        &[
            "schema = 1                  # required",
            "lang = \"de\"                 # required",
            "title = \"...\"               # required",
            "lede = \"...\"",
            "summary = [\"...\", \"...\"]    # the key points",
            "topics = [\"...\"]",
            "article = \"source.txt\"      # the source article, for verify",
            "",
            "[[actors]]      # id, name, kind, role, aliases",
            "[[relations]]   # from, to, what, attribution, qualifier, excerpt",
            "[[figures]]     # value, number, unit, label, qualifier, attribution, excerpt",
            "[[quotes]]      # text, speaker, context",
            "[[sections]]    # heading, paragraphs",
            "[[sources]]     # name, kind, actor, cited_for",
        ],
    );
    r.control("PP", []);
    r.text([roman(
        "Quotes, excerpts and paragraphs are verbatim from the article, and hedged claims \
         keep their hedge as a qualifier: briefing verify checks both. briefing export \
         --format json writes the same shape as JSON, described by a JSON Schema; a file \
         whose first line is #:schema PATH gets completion in editors that read it.",
    )]);
}

/// A tagged paragraph: `tag` in bold, then `text`.
fn entry(r: &mut Roff, tag: &str, text: &str) {
    r.control("TP", []);
    r.text([bold(tag)]);
    r.text([roman(text)]);
}

fn files(r: &mut Roff) {
    r.control("SH", ["FILES"]);
    entry(
        r,
        "$XDG_CONFIG_HOME/briefing/config.toml",
        "Settings: color, theme, ascii, lang, width, mouse and a [keys] table of action = \
         [keys]. Default folder: ~/.config/briefing.",
    );
    entry(
        r,
        "$XDG_STATE_HOME/briefing/",
        "What the program keeps: read, the read marks of the library (by content hash, so \
         moved or copied briefings keep theirs), and host_ed25519_key, the host key of \
         briefing serve, made there when missing. Default: ~/.local/state/briefing.",
    );
    entry(
        r,
        "$XDG_CACHE_HOME/briefing/",
        "What can be made again: the library's rows and the search indexes. Default: \
         ~/.cache/briefing.",
    );
}

fn environment(r: &mut Roff) {
    r.control("SH", ["ENVIRONMENT"]);
    for (name, text) in [
        (
            "NO_COLOR",
            "When set and not empty, no colour: modifiers only (bold, reverse, underline), \
             as with --color never.",
        ),
        ("COLORTERM", "truecolor or 24bit: 24-bit colour."),
        (
            "TERM",
            "*-direct: 24-bit colour; *-256color: 256 colours; else 16. dumb: the plain view.",
        ),
        (
            "LC_ALL, LC_CTYPE, LANG",
            "The first one set decides the character set: when it is not UTF-8, output is \
             ASCII only (as with --ascii).",
        ),
        (
            "COLUMNS",
            "The wrap width of the plain view when standard output is not a terminal.",
        ),
        (
            "BRIEFING_CONFIG",
            "The config file, instead of $XDG_CONFIG_HOME/briefing/config.toml.",
        ),
        (
            "XDG_CONFIG_HOME, XDG_STATE_HOME, XDG_CACHE_HOME",
            "Where config, state and cache live (see FILES); relative values are ignored. \
             Without them, folders under HOME.",
        ),
    ] {
        entry(r, name, text);
    }
}

fn exit_status(r: &mut Roff) {
    r.control("SH", ["EXIT STATUS"]);
    for (code, text) in [
        ("0", "Success."),
        (
            "1",
            "Anything else: a file that cannot be read, a terminal that fails, an I/O error.",
        ),
        (
            "2",
            "A usage error, an invalid briefing or config, or a briefing that verify finds \
             differs from its article.",
        ),
    ] {
        entry(r, code, text);
    }
    r.control("PP", []);
    r.text([roman(
        "briefing search exits as grep(1) does: 0 when something was found, 1 when nothing \
         was, 2 on an error. A closed pipe ends quietly with 0.",
    )]);
}

fn examples(r: &mut Roff) {
    r.control("SH", ["EXAMPLES"]);
    for (i, (what, lines)) in [
        (
            "Read the bundled briefing, at the quotes:",
            &["briefing -s quotes"][..],
        ),
        (
            "Open a folder of briefings as a library, or print it for a script:",
            &["briefing ~/briefings", "briefing list --json ~/briefings"],
        ),
        (
            "Find a name across the library, accents and case aside:",
            &["briefing search ~/briefings pjongjang"],
        ),
        (
            "Print a briefing as text 60 columns wide, or check it:",
            &[
                "briefing -p -w 60 mine.toml | less",
                "briefing --check mine.toml",
            ],
        ),
        (
            "Start a briefing from an article, check it against it, export it:",
            &[
                "briefing new article.txt > mine.toml",
                "briefing verify mine.toml --source article.txt",
                "briefing export --format markdown mine.toml > mine.md",
            ],
        ),
        (
            "Serve the library over SSH to the keys in a file:",
            &["briefing serve -l 0.0.0.0:2222 --authorized-keys keys.pub ~/briefings"],
        ),
        (
            "Install this page and bash's completion:",
            &[
                "briefing --generate man > ~/.local/share/man/man1/briefing.1",
                "briefing --generate bash > \\",
                "  ~/.local/share/bash-completion/completions/briefing",
            ],
        ),
    ]
    .into_iter()
    .enumerate()
    {
        if i > 0 {
            r.control("PP", []);
        }
        r.text([roman(what)]);
        r.control("EX", []);
        for line in lines {
            let prompt = if line.starts_with(' ') { "" } else { "$ " };
            r.text([roman(format!("{prompt}{line}"))]);
        }
        r.control("EE", []);
    }
}

fn see_also(r: &mut Roff) {
    r.control("SH", ["SEE ALSO"]);
    r.control("BR", ["less", "(1),"]);
    r.control("BR", ["ssh", "(1)"]);
}

/// The rendered page made plain ASCII (other characters as `\[uXXXX]`)
/// with text lines of at most 80 bytes, as `mandoc -T lint` wants them.
fn finish(rendered: &str) -> String {
    let mut out = String::new();
    let mut verbatim = false;
    for line in rendered.lines() {
        let line = ascii(line);
        if line.starts_with(".EX") {
            verbatim = true;
        } else if line.starts_with(".EE") {
            verbatim = false;
        }
        if verbatim || line.starts_with('.') || line.len() <= 80 {
            out.push_str(&line);
            out.push('\n');
        } else {
            wrap(&line, &mut out);
        }
    }
    out
}

/// Every character outside ASCII as a roff escape.
fn ascii(line: &str) -> String {
    line.chars()
        .map(|c| {
            if c.is_ascii() {
                c.to_string()
            } else {
                format!("\\[u{:04X}]", u32::from(c))
            }
        })
        .collect()
}

/// A filled text line broken at spaces into lines of at most 80 bytes
/// (a word longer than that stays whole). A line that would start with a
/// control character gets a zero-width `\&` first.
fn wrap(line: &str, out: &mut String) {
    let mut current = String::new();
    for word in line.split(' ') {
        if !current.is_empty() && current.len() + 1 + word.len() > 80 {
            push_text_line(&current, out);
            current.clear();
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(word);
    }
    push_text_line(&current, out);
}

fn push_text_line(line: &str, out: &mut String) {
    if line.starts_with('.') || line.starts_with('\'') {
        out.push_str("\\&");
    }
    out.push_str(line);
    out.push('\n');
}
