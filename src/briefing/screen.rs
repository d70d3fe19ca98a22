//! A cheap first look at the TOML text, before the document is built:
//! refuses what cannot be a briefing and would cost the parser the most.
//!
//! Building the document costs about 60 bytes per token (the parser keeps
//! every token and event) plus every syntax problem, all kept: 8 MiB of `=`
//! lines gave 4 million problems and 2.6 GB. So: count the tokens as they
//! are lexed (no memory), refuse past [`MAX_TOKENS`]; parse the grammar
//! once keeping at most [`MAX_PROBLEMS`] problems, and if there are more,
//! report those and stop; count the entries of each `[[list]]` as its
//! headers go by, and refuse past the list limit before any is built.

use std::collections::HashMap;
use std::fmt::Write as _;

use toml_parser::parser::{EventReceiver, RecursionGuard, parse_document};
use toml_parser::{ErrorSink, Expected, ParseError, Source, Span};

use super::decode::{Diag, Diags, MAX_PROBLEMS};

/// Most TOML tokens (keys, values, punctuation, spaces, line breaks) in a
/// briefing. Prose averages tens of bytes per token: a file of 8 MiB over
/// this limit is almost all punctuation, and would cost the parser more
/// than the memory budget.
pub const MAX_TOKENS: usize = 3_000_000;
/// Nesting the parser accepts (as the `toml` crate's own parser).
const MAX_DEPTH: u32 = 80;

/// Refuses `text` early if it cannot be a briefing; the problems found are
/// pushed onto `diags`, and `false` means: do not build the document.
pub fn screen(text: &str, max_items: usize, diags: &mut Diags) -> bool {
    let source = Source::new(text);
    if let Some(token) = source.lex().nth(MAX_TOKENS) {
        diags.push(Diag::new(
            token.span().start(),
            format!(
                "too many keys, values and separators: more than {MAX_TOKENS} TOML tokens (a briefing is mostly text)"
            ),
        ));
        return false;
    }
    let tokens = source.lex().into_vec();
    let mut census = Census {
        text,
        max_items,
        header: None,
        entries: HashMap::new(),
        too_many: None,
    };
    let mut sink = Sink::default();
    {
        let mut guard = RecursionGuard::new(&mut census, MAX_DEPTH);
        parse_document(&tokens, &mut guard, &mut sink);
    }
    if let Some(diag) = census.too_many {
        diags.push(diag);
        return false;
    }
    if sink.count <= MAX_PROBLEMS {
        // Few enough: the document is built, and reports them itself.
        return true;
    }
    for diag in sink.kept {
        diags.push(diag);
    }
    diags.mark_dropped();
    false
}

/// Counts the entries of each `[[list]]`.
struct Census<'t> {
    text: &'t str,
    max_items: usize,
    /// The header being read: where it starts, and its key so far.
    header: Option<(usize, String)>,
    entries: HashMap<String, usize>,
    too_many: Option<Diag>,
}

impl EventReceiver for Census<'_> {
    fn array_table_open(&mut self, span: Span, _error: &mut dyn ErrorSink) {
        self.header = Some((span.start(), String::new()));
    }

    fn simple_key(
        &mut self,
        span: Span,
        _kind: Option<toml_parser::decoder::Encoding>,
        _error: &mut dyn ErrorSink,
    ) {
        if let Some((_, key)) = &mut self.header {
            let raw = self.text.get(span.start()..span.end()).unwrap_or_default();
            if !key.is_empty() {
                key.push('.');
            }
            key.push_str(raw.trim_matches(|c| c == '"' || c == '\''));
        }
    }

    fn array_table_close(&mut self, _span: Span, _error: &mut dyn ErrorSink) {
        let Some((at, key)) = self.header.take() else {
            return;
        };
        if self.too_many.is_some() {
            return;
        }
        let count = self.entries.entry(key.clone()).or_insert(0);
        *count += 1;
        if *count > self.max_items {
            let limit = self.max_items;
            self.too_many = Some(Diag::new(
                at,
                format!(
                    "too many entries in `{}` (more than {limit}; the limit is {limit})",
                    short(&key)
                ),
            ));
        }
    }
}

/// Counts every syntax problem and keeps the first [`MAX_PROBLEMS`], worded
/// as the `toml` crate words them.
#[derive(Default)]
struct Sink {
    count: usize,
    kept: Vec<Diag>,
}

impl ErrorSink for Sink {
    fn report_error(&mut self, error: ParseError) {
        self.count += 1;
        if self.kept.len() < MAX_PROBLEMS {
            let at = error.unexpected().map_or(0, |s| s.start());
            self.kept.push(Diag::new(at, message(&error)));
        }
    }
}

/// The message the `toml` crate makes of a parse error.
fn message(error: &ParseError) -> String {
    let mut message = error.description().to_string();
    if let Some(expected) = error.expected() {
        message.push_str(", expected ");
        if expected.is_empty() {
            message.push_str("nothing");
        }
        for (i, e) in expected.iter().enumerate() {
            if i > 0 {
                message.push_str(", ");
            }
            match e {
                Expected::Literal("\n") => message.push_str("newline"),
                Expected::Literal("`") => message.push_str("'`'"),
                Expected::Literal(s) if s.chars().all(|c| c.is_ascii_control()) => {
                    let _ = write!(message, "`{}`", s.escape_debug());
                }
                Expected::Literal(s) => {
                    let _ = write!(message, "`{s}`");
                }
                Expected::Description(s) => message.push_str(s),
                _ => message.push_str("etc"),
            }
        }
    }
    message
}

/// A key as quoted in a message: at most 40 characters.
fn short(key: &str) -> String {
    match key.char_indices().nth(40) {
        Some((cut, _)) => format!("{}…", key.get(..cut).unwrap_or_default()),
        None => key.to_string(),
    }
}
