//! `briefing new ARTICLE`: a draft briefing for a plain-text article.
//!
//! Every verbatim field is filled in from the article (title, lede,
//! summary points, sections with headings and paragraphs), so the draft
//! passes `--check` and `verify` as it is; what needs judgement (actors,
//! relations, figures, quotes, sources) is offered as commented-out
//! candidates with the sentence each comes from.

mod candidates;
mod lang;
mod sentences;
mod toml_text;

use std::fmt::Write as _;
use std::io::Write;
use std::path::Path;

use crate::briefing::{MAX_FILE_BYTES, MAX_TEXT_BYTES};
use crate::emit::{fail, finish, one_line, path_line};

use self::candidates::{FigureCandidate, QuoteCandidate, QuoteKind};
use self::toml_text::string;
use super::normal::Normal;
use super::source::{clean, read_text};
use super::units::{UnitKind, units};

/// `briefing new ARTICLE`: prints a draft briefing for the plain-text
/// article at `article` on `out` and returns 0; a file that cannot be read
/// or holds no text is one line on `err` and 1 or 2.
pub fn new_draft(article: &Path, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let name = path_line(article);
    let raw = match read_text(article, &name) {
        Ok(raw) => raw,
        Err(e) => {
            return fail(
                &format!("{}\n", one_line(&e.to_string())),
                e.exit_code(),
                err,
            );
        }
    };
    let key = article.to_string_lossy();
    let Some(draft) = draft_text(&raw, &key, &name) else {
        return fail(
            &format!("{name}: no text to draft a briefing from\n"),
            2,
            err,
        );
    };
    if draft.len() as u64 > MAX_FILE_BYTES {
        // Still printed: cut into several briefings, it is a start.
        let warning = format!(
            "{name}: the draft is larger than a briefing may be ({} bytes; the limit is {MAX_FILE_BYTES})\n",
            draft.len()
        );
        fail(&warning, 0, err);
    }
    finish(&draft, 0, out, err)
}

/// The draft for article text `raw`: `article` becomes its `article` key
/// and `name` names the article in its comments. `None` when the article
/// holds no text.
pub fn draft_text(raw: &str, article: &str, name: &str) -> Option<String> {
    let clean = clean(raw);
    let layout = Layout::of(&clean)?;
    let (lang, how) = lang::guess(&clean);
    let texts: Vec<&str> = layout.all_texts().collect();
    let mut o = String::with_capacity(clean.len() * 2 + 4096);
    head(&mut o, name, lang, &how, article, &layout);
    let quotes = candidates::quotes(&texts);
    for (kind, what) in [
        (
            QuoteKind::Full,
            "full quotes: whole sentences between quotation marks",
        ),
        (
            QuoteKind::Partial,
            "partial quotes: parts of sentences between quotation marks",
        ),
    ] {
        let of_kind: Vec<&QuoteCandidate> = quotes.iter().filter(|q| q.kind == kind).collect();
        quote_candidates(&mut o, what, &of_kind);
    }
    let names: Vec<&QuoteCandidate> = quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Name)
        .collect();
    name_candidates(&mut o, &names);
    figure_candidates(&mut o, &candidates::figures(&texts, lang));
    sections(&mut o, &layout);
    Some(o)
}

/// The article's text sorted into the briefing's verbatim fields.
#[derive(Debug, Default)]
struct Layout {
    title: String,
    lede: Option<String>,
    summary: Vec<String>,
    sections: Vec<(Option<String>, Vec<String>)>,
}

impl Layout {
    /// Title first; a paragraph after it is the lede; list items after
    /// those (perhaps under a heading of their own) are the summary; the
    /// rest is the full text, a new section at each heading. A unit longer
    /// than a field may be is cut at spaces into several paragraphs.
    fn of(clean: &str) -> Option<Self> {
        let found = units(clean);
        let mut units = found.iter().map(|u| {
            let start = if u.kind == UnitKind::Item {
                marker_start(clean, u.range.start)
            } else {
                u.range.start
            };
            let body = Normal::new(clean.get(u.range.clone()).unwrap_or_default());
            let whole = Normal::new(clean.get(start..u.range.end).unwrap_or_default());
            (u.kind, body.text().to_string(), whole.text().to_string())
        });
        let mut layout = Layout::default();
        let mut body: Vec<(UnitKind, String)> = Vec::new();
        let (_, title, _) = units.next()?;
        let mut pieces = split_long(&title).into_iter();
        layout.title = pieces.next()?;
        let title_fits = pieces.len() == 0;
        body.extend(pieces.map(|p| (UnitKind::Paragraph, p)));
        let mut rest = units.peekable();
        if title_fits {
            if let Some((UnitKind::Paragraph, lede, _)) = rest.peek()
                && lede.len() <= MAX_TEXT_BYTES
            {
                layout.lede = Some(lede.clone());
                rest.next();
            }
            let mut ahead = rest.clone();
            let label = matches!(ahead.next(), Some((UnitKind::Heading, _, _)))
                && matches!(ahead.next(), Some((UnitKind::Item, _, _)));
            if label {
                rest.next();
            }
            while let Some((UnitKind::Item, point, _)) = rest.peek() {
                if point.len() > MAX_TEXT_BYTES {
                    break;
                }
                layout.summary.push(point.clone());
                rest.next();
            }
        }
        for (kind, text, whole) in rest {
            let text = if kind == UnitKind::Item { whole } else { text };
            body.push((kind, text));
        }
        let mut current: (Option<String>, Vec<String>) = (None, Vec::new());
        for (kind, text) in body {
            if kind == UnitKind::Heading && text.len() <= MAX_TEXT_BYTES {
                if current.0.is_some() || !current.1.is_empty() {
                    layout.sections.push(std::mem::take(&mut current));
                }
                current.0 = Some(text);
            } else {
                current.1.extend(split_long(&text));
            }
        }
        if current.0.is_some() || !current.1.is_empty() {
            layout.sections.push(current);
        }
        Some(layout)
    }

    /// Every paragraph-like text, for the candidates.
    fn all_texts(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.title.as_str())
            .chain(self.lede.as_deref())
            .chain(self.summary.iter().map(String::as_str))
            .chain(
                self.sections.iter().flat_map(|(h, p)| {
                    h.as_deref().into_iter().chain(p.iter().map(String::as_str))
                }),
            )
    }
}

/// Where the list marker before `at` starts on its line.
fn marker_start(clean: &str, at: usize) -> usize {
    let before = clean.get(..at).unwrap_or_default();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = before.get(line_start..).unwrap_or_default();
    line_start + (line.len() - line.trim_start().len())
}

/// `text` cut at spaces into pieces a field may hold.
fn split_long(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while rest.len() > MAX_TEXT_BYTES {
        let mut cut = MAX_TEXT_BYTES;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        let head = rest.get(..cut).unwrap_or_default();
        let cut = head.rfind(' ').filter(|&i| i > 0).unwrap_or(cut);
        out.push(rest.get(..cut).unwrap_or_default().trim().to_string());
        rest = rest.get(cut..).unwrap_or_default().trim_start();
    }
    if !rest.is_empty() {
        out.push(rest.to_string());
    }
    out
}

/// The directive, comments and top-level keys.
fn head(o: &mut String, name: &str, lang: &str, how: &str, article: &str, layout: &Layout) {
    let _ = writeln!(o, "#:schema ../schema/briefing.schema.json");
    let _ = writeln!(o, "# Draft briefing for {name}, made by `briefing new`.");
    o.push_str(
        "# Title, lede, summary and full text are the article's own words: keep them\n\
         # verbatim. Fill in actors, relations, figures, quotes and sources (candidates\n\
         # are below, commented out), then check with `briefing verify`.\n\
         # `article` is read relative to this file, the schema path (for editors) too:\n\
         # adjust them to where you save it.\n\n",
    );
    let _ = writeln!(o, "schema = 1");
    let _ = writeln!(o, "lang = {} # {}", string(lang), one_line(how));
    let _ = writeln!(o, "article = {}", string(&one_line(article)));
    let _ = writeln!(o, "title = {}", string(&layout.title));
    if let Some(lede) = &layout.lede {
        let _ = writeln!(o, "lede = {}", string(lede));
    }
    if !layout.summary.is_empty() {
        list(o, "summary", &layout.summary);
    }
    o.push_str("# topics = [] # keywords, each a word of the article\n");
}

/// A key with a list of strings, one per line.
fn list(o: &mut String, key: &str, items: &[String]) {
    if items.is_empty() {
        let _ = writeln!(o, "{key} = []");
        return;
    }
    let _ = writeln!(o, "{key} = [");
    for item in items {
        let _ = writeln!(o, "  {},", string(item));
    }
    o.push_str("]\n");
}

fn quote_candidates(o: &mut String, what: &str, quotes: &[&QuoteCandidate]) {
    let _ = writeln!(o, "\n# ---- Quote candidates, {what} ({})", quotes.len());
    for q in quotes.iter().take(candidates::MAX_CANDIDATES) {
        let _ = writeln!(o, "\n# in: {}", q.sentence);
        o.push_str("# [[quotes]]\n");
        let _ = writeln!(o, "# text = {}", string(&q.text));
        o.push_str("# speaker = \"\" # the id of the actor who said it\n# context = \"\"\n");
    }
}

fn name_candidates(o: &mut String, names: &[&QuoteCandidate]) {
    let _ = writeln!(
        o,
        "\n# ---- Names in quotation marks: outlets, titles, terms ({})",
        names.len()
    );
    for n in names.iter().take(candidates::MAX_CANDIDATES) {
        let _ = writeln!(o, "\n# in: {}", n.sentence);
        o.push_str("# [[actors]]\n");
        let _ = writeln!(o, "# id = {}", string(&slug(&n.text)));
        let _ = writeln!(o, "# name = {}", string(&n.text));
        o.push_str("# kind = \"media\" # person | state | organisation | media\n");
    }
}

fn figure_candidates(o: &mut String, figures: &[FigureCandidate]) {
    let _ = writeln!(o, "\n# ---- Figure candidates: numbers ({})", figures.len());
    for f in figures {
        let _ = writeln!(o, "\n# [[figures]]");
        let _ = writeln!(o, "# value = {}", string(&f.value));
        if let Some(n) = f.number {
            let _ = writeln!(o, "# number = {n:?}");
        }
        o.push_str("# label = \"\" # what is counted\n");
        let _ = writeln!(o, "# excerpt = {}", string(&f.sentence));
    }
}

fn sections(o: &mut String, layout: &Layout) {
    o.push_str("\n# ---- Full text\n");
    for (heading, paragraphs) in &layout.sections {
        o.push_str("\n[[sections]]\n");
        if let Some(h) = heading {
            let _ = writeln!(o, "heading = {}", string(h));
        }
        list(o, "paragraphs", paragraphs);
    }
}

/// An actor id for a name: lower-case ASCII letters and digits joined by
/// `-` (umlauts spelt out, other accents dropped).
fn slug(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::new();
    for c in name.chars() {
        let spelt = match c {
            'ä' | 'Ä' => "ae",
            'ö' | 'Ö' => "oe",
            'ü' | 'Ü' => "ue",
            'ß' => "ss",
            _ => "",
        };
        if !spelt.is_empty() {
            out.push_str(spelt);
            continue;
        }
        for d in std::iter::once(c).nfd().filter(char::is_ascii_alphanumeric) {
            out.push(d.to_ascii_lowercase());
        }
        if !c.is_alphanumeric() && !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let id: String = out.trim_end_matches('-').chars().take(64).collect();
    if id.is_empty() { "id".to_string() } else { id }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_valid_ids() {
        assert_eq!(slug("Frankfurter Rundschau"), "frankfurter-rundschau");
        assert_eq!(slug("Süddeutsche Zeitung"), "sueddeutsche-zeitung");
        assert_eq!(slug("Le Monde «diplo»"), "le-monde-diplo");
        assert_eq!(slug("«»"), "id");
    }

    #[test]
    fn long_text_is_cut_at_spaces_into_fields() {
        let text = "wort ".repeat(MAX_TEXT_BYTES / 4);
        let text = text.trim();
        let pieces = split_long(text);
        assert!(pieces.len() >= 2);
        assert!(
            pieces
                .iter()
                .all(|p| p.len() <= MAX_TEXT_BYTES && !p.is_empty())
        );
        assert_eq!(pieces.join(" "), text);
    }
}
