//! A cheap first look at the TOML text, before the document is built:
//! refuses what cannot be a briefing and would cost the parser the most.
//!
//! Building the document costs about 60 bytes per token (the parser keeps
//! every token and event), a map entry per key, and every syntax problem,
//! all kept: 8 MiB of `=` lines gave 4 million problems and 2.6 GB. So:
//! count the tokens as they are lexed and refuse past [`MAX_TOKENS`]; then parse the grammar and decode every key and value
//! once, keeping nothing but counts and the first [`MAX_PROBLEMS`]
//! problems. More problems than that, an array or `[[list]]` over the list
//! limit, a table with more keys than any briefing has, or `[table]`
//! headers by the hundred: refused before anything is built.
//!
//! Only files over [`FIRST_LOOK_ABOVE`](super::decode::FIRST_LOOK_ABOVE)
//! get it: below that size the parser costs little whatever the file holds.

use std::collections::HashMap;
use std::fmt::Write as _;

use toml_parser::decoder::Encoding;
use toml_parser::parser::{EventReceiver, RecursionGuard, ValidateWhitespace, parse_document};
use toml_parser::{ErrorSink, Expected, ParseError, Raw, Source, Span};

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
    let mut tokens = Vec::new();
    for token in source.lex() {
        if tokens.len() == MAX_TOKENS {
            diags.push(Diag::new(
                token.span().start(),
                format!(
                    "too many keys, values and separators: more than {MAX_TOKENS} TOML tokens (a briefing is mostly text)"
                ),
            ));
            return false;
        }
        tokens.push(token);
    }
    let mut census = Census::new(source, max_items);
    let mut sink = Sink::default();
    {
        let mut whitespace = ValidateWhitespace::new(&mut census, source);
        let mut guard = RecursionGuard::new(&mut whitespace, MAX_DEPTH);
        parse_document(&tokens, &mut guard, &mut sink);
    }
    census.finish();
    if census.refusal.is_none() && sink.count <= MAX_PROBLEMS {
        // Few enough: the document is built, and reports them itself.
        return true;
    }
    if sink.count > sink.kept.len() {
        diags.mark_dropped();
    }
    for diag in sink.kept.into_iter().chain(census.refusal) {
        diags.push(diag);
    }
    false
}

/// Most keys in one table. A briefing's tables have at most 12: up to this
/// many, each unknown key is reported; past it (half a million keys cost
/// the parser seconds), the file is refused outright.
pub const MAX_TABLE_KEYS: usize = 10_000;
/// Most `[table]` headers: a briefing has none (its lists are `[[lists]]`).
const MAX_STD_TABLES: usize = MAX_TABLE_KEYS;
/// Most distinct `[[list]]` names: a briefing has six.
const MAX_LIST_NAMES: usize = MAX_TABLE_KEYS;

/// What is open while the events go by.
enum Frame {
    /// A table (the root, a section under a header, an inline table): its
    /// keys so far.
    Table(usize),
    /// An array: where it opened, its key, and its entries so far.
    Array(usize, String, usize),
}

/// Counts what a briefing bounds: keys per table, entries per array and per
/// `[[list]]`, `[table]` headers; decodes every key and value once (without
/// keeping them) so that their problems are counted too.
struct Census<'t> {
    source: Source<'t>,
    max_items: usize,
    frames: Vec<Frame>,
    /// The dotted key being read, and the last complete one.
    key: String,
    last_key: String,
    /// The `[[list]]` header being read: where its name starts, and the name.
    header: Option<(Option<usize>, String)>,
    /// Per `[[list]]` name: where it first stood, and its entries.
    lists: HashMap<String, (usize, usize)>,
    std_tables: usize,
    refusal: Option<Diag>,
}

impl<'t> Census<'t> {
    fn new(source: Source<'t>, max_items: usize) -> Self {
        Self {
            source,
            max_items,
            frames: vec![Frame::Table(0)],
            key: String::new(),
            last_key: String::new(),
            header: None,
            lists: HashMap::new(),
            std_tables: 0,
            refusal: None,
        }
    }

    fn refuse(&mut self, at: usize, message: String) {
        if self.refusal.is_none() {
            self.refusal = Some(Diag::new(at, message));
        }
    }

    /// Checks the `[[list]]` counts, once all headers have gone by.
    fn finish(&mut self) {
        let max = self.max_items;
        let over = self
            .lists
            .iter()
            .filter(|(_, (_, n))| *n > max)
            .min_by_key(|(_, (at, _))| *at)
            .map(|(name, (at, n))| (*at, short(name), *n));
        if let Some((at, name, n)) = over {
            self.refuse(
                at,
                format!("too many entries in `{name}` ({n}; the limit is {max})"),
            );
        }
    }

    fn raw(&self, span: Span) -> &'t str {
        self.source
            .input()
            .get(span.start()..span.end())
            .unwrap_or_default()
    }

    /// A value starts: one more entry if it is in an array.
    fn count_entry(&mut self) {
        if let Some(Frame::Array(_, _, entries)) = self.frames.last_mut() {
            *entries += 1;
        }
    }

    fn new_section(&mut self) {
        self.frames.clear();
        self.frames.push(Frame::Table(0));
        self.key.clear();
    }
}

impl EventReceiver for Census<'_> {
    fn std_table_open(&mut self, span: Span, _error: &mut dyn ErrorSink) {
        self.new_section();
        self.std_tables += 1;
        if self.std_tables > MAX_STD_TABLES {
            self.refuse(
                span.start(),
                format!(
                    "more than {MAX_STD_TABLES} [tables]: a briefing has none (its lists are [[lists]])"
                ),
            );
        }
    }

    fn array_table_open(&mut self, _span: Span, _error: &mut dyn ErrorSink) {
        self.new_section();
        self.header = Some((None, String::new()));
    }

    fn array_table_close(&mut self, span: Span, _error: &mut dyn ErrorSink) {
        let Some((at, name)) = self.header.take() else {
            return;
        };
        let at = at.unwrap_or(span.start());
        let names = self.lists.len();
        let entry = self.lists.entry(name).or_insert((at, 0));
        entry.1 += 1;
        if self.lists.len() > names && names >= MAX_LIST_NAMES {
            self.refuse(
                at,
                format!("more than {MAX_LIST_NAMES} kinds of [[lists]]: a briefing has six"),
            );
        }
    }

    fn inline_table_open(&mut self, _span: Span, _error: &mut dyn ErrorSink) -> bool {
        self.count_entry();
        self.frames.push(Frame::Table(0));
        true
    }

    fn inline_table_close(&mut self, _span: Span, _error: &mut dyn ErrorSink) {
        self.frames.pop();
    }

    fn array_open(&mut self, span: Span, _error: &mut dyn ErrorSink) -> bool {
        self.count_entry();
        let key = self.last_key.clone();
        self.frames.push(Frame::Array(span.start(), key, 0));
        true
    }

    fn array_close(&mut self, _span: Span, _error: &mut dyn ErrorSink) {
        let Some(Frame::Array(at, key, entries)) = self.frames.pop() else {
            return;
        };
        let max = self.max_items;
        if entries > max {
            self.refuse(
                at,
                format!(
                    "too many entries in `{}` ({entries}; the limit is {max})",
                    short(&key)
                ),
            );
        }
    }

    fn simple_key(&mut self, span: Span, kind: Option<Encoding>, error: &mut dyn ErrorSink) {
        Raw::new_unchecked(self.raw(span), kind, span).decode_key(&mut (), error);
        let raw = self.raw(span).trim_matches(|c| c == '"' || c == '\'');
        if let Some((at, name)) = &mut self.header {
            at.get_or_insert(span.start());
            if !name.is_empty() {
                name.push('.');
            }
            name.push_str(raw);
        } else if self.key.len() < 256 {
            if !self.key.is_empty() {
                self.key.push('.');
            }
            self.key.push_str(raw);
        }
    }

    fn key_val_sep(&mut self, span: Span, _error: &mut dyn ErrorSink) {
        self.last_key = std::mem::take(&mut self.key);
        if let Some(Frame::Table(keys)) = self.frames.last_mut() {
            *keys += 1;
            if *keys > MAX_TABLE_KEYS {
                self.refuse(
                    span.start(),
                    format!(
                        "more than {MAX_TABLE_KEYS} keys in one table: a briefing's tables have at most 12"
                    ),
                );
            }
        }
    }

    fn scalar(&mut self, span: Span, kind: Option<Encoding>, error: &mut dyn ErrorSink) {
        self.count_entry();
        let _ = Raw::new_unchecked(self.raw(span), kind, span).decode_scalar(&mut (), error);
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The problems `screen` reports, with the limit on lists at 3.
    fn refused(text: &str) -> Option<Vec<String>> {
        let mut diags = Diags::default();
        if screen(text, 3, &mut diags) {
            return None;
        }
        let (kept, _) = diags.into_parts();
        Some(kept.into_iter().map(|d| d.message).collect())
    }

    #[test]
    fn a_briefing_like_file_passes() {
        let text = "schema = 1\nsummary = [\"a\", \"b\", \"c\"]\n[[actors]]\nid = \"a\"\naliases = [\"x\"]\n[[actors]]\nid = \"b\"\n";
        assert_eq!(refused(text), None);
        // A few syntax problems are left to the parser, which reports them.
        assert_eq!(refused("a = \nb = 1\n"), None);
    }

    #[test]
    fn arrays_and_lists_over_the_limit_are_refused_with_their_length() {
        let got = refused("summary = [\"a\", \"b\", \"c\", \"d\",]\n").unwrap();
        assert_eq!(got, ["too many entries in `summary` (4; the limit is 3)"]);
        // A trailing comma is no entry.
        assert_eq!(refused("x = [1, 2, 3,]\n"), None);
        let nested = refused("x = [[1], [2], {a = 1}, 4]\n").unwrap();
        assert_eq!(nested, ["too many entries in `x` (4; the limit is 3)"]);
        let list = "[[quotes]]\ntext = \"q\"\n".repeat(4);
        let got = refused(&list).unwrap();
        assert_eq!(got, ["too many entries in `quotes` (4; the limit is 3)"]);
        let mut diags = Diags::default();
        assert!(!screen(&list, 3, &mut diags));
        assert_eq!(
            diags.into_parts().0[0].offset,
            2,
            "at the first header's name"
        );
    }

    #[test]
    fn tables_that_no_briefing_has_are_refused() {
        let mut keys = String::new();
        for i in 0..=MAX_TABLE_KEYS {
            let _ = writeln!(keys, "k{i} = 1");
        }
        assert!(refused(&keys).unwrap()[0].contains("keys in one table"));
        let inline = format!(
            "x = {{{}}}\n",
            (0..=MAX_TABLE_KEYS)
                .map(|i| format!("k{i} = 1"))
                .collect::<Vec<_>>()
                .join(", ")
        );
        assert!(refused(&inline).unwrap()[0].contains("keys in one table"));
        let mut tables = String::new();
        for i in 0..=MAX_STD_TABLES {
            let _ = writeln!(tables, "[t{i}]");
        }
        assert!(refused(&tables).unwrap()[0].contains("[tables]"));
        let mut lists = String::new();
        for i in 0..=MAX_LIST_NAMES {
            let _ = writeln!(lists, "[[l{i}]]");
        }
        assert!(refused(&lists).unwrap()[0].contains("kinds of [[lists]]"));
    }

    #[test]
    fn past_the_problem_cap_only_the_first_problems_are_kept() {
        let text = "=\n".repeat(3 * MAX_PROBLEMS);
        let mut diags = Diags::default();
        assert!(!screen(&text, 3, &mut diags));
        let (kept, dropped) = diags.into_parts();
        assert_eq!(kept.len(), MAX_PROBLEMS);
        assert!(dropped);
        assert!(
            kept[0].message.contains("keys cannot be empty"),
            "{:?}",
            kept[0]
        );
        // Values that do not decode count too.
        let bad = "x = 1__2\n".repeat(MAX_PROBLEMS + 1);
        assert!(refused(&bad).is_some());
    }
}
