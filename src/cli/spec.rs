//! The one table of commands and options. Parsing, `--help`, the README's
//! command-line block (checked by a test), the man page and the shell
//! completions are all made from it, so none of them can drift.

/// What kind of value an operand or option takes: checked when parsing,
/// offered by the completions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueKind {
    /// One of these words.
    Choice(&'static [&'static str]),
    /// A pane by name or by number 1-6.
    Pane,
    /// A whole number in a range.
    Number {
        /// Smallest accepted.
        min: u64,
        /// Largest accepted.
        max: u64,
    },
    /// A file.
    File,
    /// A file or a folder.
    Path,
    /// A folder.
    Dir,
    /// Any text.
    Text,
    /// A socket address, `ADDR:PORT`.
    Address,
    /// A duration: `90s`, `15m`, `2h`.
    Duration,
}

/// A positional argument.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Operand {
    /// How it is written in usage lines ("PATH").
    pub name: &'static str,
    /// What it is, in one line.
    pub help: &'static str,
    /// What it takes.
    pub kind: ValueKind,
    /// Whether it must be given.
    pub required: bool,
}

/// The value an option takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ValueSpec {
    /// How it is written in help ("WHEN").
    pub name: &'static str,
    /// What it takes.
    pub kind: ValueKind,
}

/// An option.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OptSpec {
    /// `-s`.
    pub short: Option<char>,
    /// `--section` (without the dashes).
    pub long: &'static str,
    /// The value it takes, if any.
    pub value: Option<ValueSpec>,
    /// What it does; further lines of help follow after newlines.
    pub help: &'static str,
}

/// A command: the reader itself (named "") or a subcommand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CommandSpec {
    /// The word that selects it ("" for the reader).
    pub name: &'static str,
    /// What it does, in one line.
    pub summary: &'static str,
    /// Its positional arguments, in order.
    pub operands: &'static [Operand],
    /// Its options (`--help` is implied for every command).
    pub options: &'static [OptSpec],
}

/// Pane names for `--section`, in tab order.
pub const SECTION_NAMES: [&str; 6] = crate::pane::PaneId::NAMES;

/// `--help`, implied for every command.
pub const HELP: OptSpec = OptSpec {
    short: Some('h'),
    long: "help",
    value: None,
    help: "print this help",
};

/// `--version`, for the reader only.
pub const VERSION: OptSpec = OptSpec {
    short: Some('V'),
    long: "version",
    value: None,
    help: "print the version",
};

/// `--theme`, for the reader and `serve`.
pub const THEME: OptSpec = OptSpec {
    short: None,
    long: "theme",
    value: Some(ValueSpec {
        name: "NAME",
        kind: ValueKind::Choice(&crate::theme::ThemeName::NAMES),
    }),
    help: "dark|light: colours for a dark or a light background (default: dark)",
};

/// The reader: `briefing [OPTIONS] [PATH]`.
pub const READ: CommandSpec = CommandSpec {
    name: "",
    summary: "read a briefing in the terminal",
    operands: &[Operand {
        name: "PATH",
        help: "briefing TOML to open, or a folder of them (the library)\n\
               (default: the bundled briefing)",
        kind: ValueKind::Path,
        required: false,
    }],
    options: &[
        OptSpec {
            short: Some('s'),
            long: "section",
            value: Some(ValueSpec {
                name: "NAME",
                kind: ValueKind::Pane,
            }),
            help: "start at a section: overview|figures|quotes|actors|text|sources, or 1-6",
        },
        OptSpec {
            short: Some('p'),
            long: "plain",
            value: None,
            help: "print the whole briefing as wrapped plain text and exit\n\
                   (the default whenever stdout is not a terminal)",
        },
        OptSpec {
            short: Some('w'),
            long: "width",
            value: Some(ValueSpec {
                name: "N",
                kind: ValueKind::Number { min: 8, max: 1000 },
            }),
            help: "wrap width for --plain, 8-1000\n\
                   (default: terminal width, else $COLUMNS, else 80)",
        },
        OptSpec {
            short: None,
            long: "check",
            value: None,
            help: "validate PATH (or the bundled briefing) and exit",
        },
        OptSpec {
            short: None,
            long: "color",
            value: Some(ValueSpec {
                name: "WHEN",
                kind: ValueKind::Choice(&["auto", "always", "never"]),
            }),
            help: "auto|always|never (auto: off when NO_COLOR is set or stdout is no terminal;\n\
                   24-bit, 256 or 16 colours as TERM and COLORTERM say)",
        },
        THEME,
        OptSpec {
            short: None,
            long: "ascii",
            value: None,
            help: "ASCII only, content included (default when the locale is not UTF-8)",
        },
        OptSpec {
            short: None,
            long: "lang",
            value: Some(ValueSpec {
                name: "LANG",
                kind: ValueKind::Choice(&["de", "en"]),
            }),
            help: "language of the interface labels, de|en (default: the briefing's own)",
        },
        OptSpec {
            short: None,
            long: "mouse",
            value: None,
            help: "capture the mouse (wheel scrolls, click opens a tab)",
        },
        OptSpec {
            short: None,
            long: "config",
            value: Some(ValueSpec {
                name: "FILE",
                kind: ValueKind::File,
            }),
            help: "read settings and keys from FILE\n\
                   (default: $BRIEFING_CONFIG, else $XDG_CONFIG_HOME/briefing/config.toml)",
        },
        OptSpec {
            short: None,
            long: "generate",
            value: Some(ValueSpec {
                name: "WHAT",
                kind: ValueKind::Choice(GENERATE_TARGETS),
            }),
            help: "print the man page or a shell's completion script: man|bash|zsh|fish",
        },
    ],
};

/// What `--generate` prints.
pub const GENERATE_TARGETS: &[&str] = &["man", "bash", "zsh", "fish"];

/// A number option of `serve`.
const fn count(long: &'static str, min: u64, max: u64, help: &'static str) -> OptSpec {
    OptSpec {
        short: None,
        long,
        value: Some(ValueSpec {
            name: "N",
            kind: ValueKind::Number { min, max },
        }),
        help,
    }
}

/// A duration option of `serve`.
const fn duration(long: &'static str, help: &'static str) -> OptSpec {
    OptSpec {
        short: None,
        long,
        value: Some(ValueSpec {
            name: "DUR",
            kind: ValueKind::Duration,
        }),
        help,
    }
}

/// `briefing serve [OPTIONS] [PATH]`.
pub const SERVE: CommandSpec = CommandSpec {
    name: "serve",
    summary: "serve the reader over SSH",
    operands: &[Operand {
        name: "PATH",
        help: "briefing TOML to serve, or a folder of them (default: the bundled briefing)",
        kind: ValueKind::Path,
        required: false,
    }],
    options: &[
        OptSpec {
            short: Some('l'),
            long: "listen",
            value: Some(ValueSpec {
                name: "ADDR:PORT",
                kind: ValueKind::Address,
            }),
            help: "where to listen (default: 127.0.0.1:2222; a public server says 0.0.0.0:2222)",
        },
        OptSpec {
            short: None,
            long: "host-key",
            value: Some(ValueSpec {
                name: "PATH",
                kind: ValueKind::File,
            }),
            help: "Ed25519 host key, made there when missing, refused when others can read it\n\
                   (default: $XDG_STATE_HOME/briefing/host_ed25519_key)",
        },
        OptSpec {
            short: None,
            long: "authorized-keys",
            value: Some(ValueSpec {
                name: "FILE",
                kind: ValueKind::File,
            }),
            help: "only these public keys may read (default: anyone, without a password)",
        },
        count(
            "max-sessions",
            1,
            100_000,
            "connections at once (default: 256, 1 GiB at 4 MiB each)",
        ),
        count(
            "max-per-ip",
            1,
            10_000,
            "connections at once from one address (default: 4)",
        ),
        count(
            "rate-per-ip",
            1,
            100_000,
            "new connections a minute from one address (default: 10)",
        ),
        count(
            "max-unauthenticated",
            1,
            100_000,
            "connections not logged in yet (default: 64)",
        ),
        duration(
            "login-timeout",
            "from connecting to logged in (default: 10s)",
        ),
        duration(
            "no-session-timeout",
            "logged in without a reader (default: 10s)",
        ),
        duration(
            "idle-timeout",
            "without a keystroke, then a notice and close (default: 15m)",
        ),
        duration("max-session", "a session's longest length (default: 2h)"),
        OptSpec {
            short: None,
            long: "lang",
            value: Some(ValueSpec {
                name: "LANG",
                kind: ValueKind::Choice(&["de", "en"]),
            }),
            help: "language of the interface labels, de|en (default: the briefing's own)",
        },
        THEME,
    ],
};

/// `--json` for the library's script commands.
const JSON: OptSpec = OptSpec {
    short: None,
    long: "json",
    value: None,
    help: "print JSON instead of lines",
};

/// `briefing verify [OPTIONS] BRIEFING`.
pub const VERIFY: CommandSpec = CommandSpec {
    name: "verify",
    summary: "check a briefing against its source article",
    operands: &[Operand {
        name: "BRIEFING",
        help: "briefing TOML to check",
        kind: ValueKind::File,
        required: true,
    }],
    options: &[OptSpec {
        short: None,
        long: "source",
        value: Some(ValueSpec {
            name: "ARTICLE",
            kind: ValueKind::File,
        }),
        help: "the article as plain text (default: the briefing's `article`)",
    }],
};

/// `briefing new ARTICLE`.
pub const NEW: CommandSpec = CommandSpec {
    name: "new",
    summary: "print a draft briefing for a plain-text article",
    operands: &[Operand {
        name: "ARTICLE",
        help: "the article as plain text",
        kind: ValueKind::File,
        required: true,
    }],
    options: &[],
};

/// The formats of `export`.
pub const EXPORT_FORMATS: &[&str] = &["json", "markdown"];

/// `briefing export --format json|markdown [FILE]`.
pub const EXPORT: CommandSpec = CommandSpec {
    name: "export",
    summary: "print a briefing as JSON or Markdown",
    operands: &[Operand {
        name: "FILE",
        help: "briefing TOML (default: the bundled briefing)",
        kind: ValueKind::File,
        required: false,
    }],
    options: &[OptSpec {
        short: Some('f'),
        long: "format",
        value: Some(ValueSpec {
            name: "FORMAT",
            kind: ValueKind::Choice(EXPORT_FORMATS),
        }),
        help: "json (per schema/briefing.schema.json) or markdown (CommonMark); required",
    }],
};

/// `briefing list [--json] DIR`.
pub const LIST: CommandSpec = CommandSpec {
    name: "list",
    summary: "the library's rows, for scripts",
    operands: &[Operand {
        name: "DIR",
        help: "the library folder",
        kind: ValueKind::Dir,
        required: true,
    }],
    options: &[JSON],
};

/// `briefing search [--json] DIR QUERY`.
pub const SEARCH: CommandSpec = CommandSpec {
    name: "search",
    summary: "hits across a library as PATH:PANE:LINE: snippet (exit 0 hits, 1 none, 2 error)",
    operands: &[
        Operand {
            name: "DIR",
            help: "the library folder",
            kind: ValueKind::Dir,
            required: true,
        },
        Operand {
            name: "QUERY",
            help: "what to find, case- and accent-insensitive",
            kind: ValueKind::Text,
            required: true,
        },
    ],
    options: &[JSON],
};

/// Every command, the reader first.
pub const COMMANDS: &[CommandSpec] = &[READ, SERVE, VERIFY, NEW, EXPORT, LIST, SEARCH];

/// The options `command` takes: its own, `--help`, and for the reader
/// `--version`.
pub fn all_options(command: &CommandSpec) -> impl Iterator<Item = &OptSpec> {
    let version = command.name.is_empty().then_some(&VERSION);
    command.options.iter().chain([&HELP]).chain(version)
}

/// The subcommand named `word`, if any.
pub fn subcommand(word: &str) -> Option<&'static CommandSpec> {
    COMMANDS
        .iter()
        .find(|c| !c.name.is_empty() && c.name == word)
}
