//! Problems as printed: `BRIEFING:LINE:COL: message (ARTICLE:LINE:COL:
//! passage)`, one line each, in file order, at most [`MAX_SHOWN`].

use std::fmt::Write as _;

use crate::briefing::{Briefing, LineIndex};
use crate::emit::one_line;

use super::check::Finding;
use super::haystack::Haystack;
use super::spans::Spans;

/// Most problems printed; the rest are counted.
pub const MAX_SHOWN: usize = 50;

/// Characters of the article shown before and after the place.
const BEFORE: usize = 24;
const AFTER: usize = 48;

/// Names and texts a report refers to.
pub struct Names<'a> {
    /// The briefing as printed.
    pub briefing: &'a str,
    /// The briefing file's text (after any byte-order mark).
    pub briefing_text: &'a str,
    /// The article as printed.
    pub article: &'a str,
}

/// A problem with the place in the article it refers to, resolved to an
/// offset of the cleaned article and the passage there.
pub type Resolved = (Finding, Option<(usize, String)>);

/// Resolves the article places of `findings` (a few bytes each), so that
/// the article's index can be dropped before the briefing is parsed again.
pub fn resolve(findings: Vec<Finding>, hay: &Haystack<'_>) -> Vec<Resolved> {
    findings
        .into_iter()
        .map(|f| {
            let place = f
                .article
                .map(|at| (hay.norm.source(at), passage(hay.text(), at)));
            (f, place)
        })
        .collect()
}

/// The problems as lines, in file order; `clean` is the cleaned article.
pub fn lines(
    found: Vec<Resolved>,
    b: &Briefing,
    spans: &Spans,
    names: &Names<'_>,
    clean: &str,
) -> Vec<String> {
    let text = names.briefing_text;
    let mut placed: Vec<(usize, Resolved)> = found
        .into_iter()
        .map(|r| {
            let f = &r.0;
            (spans.offset(text, f.field, f.field.text(b), f.at), r)
        })
        .collect();
    placed.sort_by(|(a, x), (b, y)| a.cmp(b).then_with(|| x.0.message.cmp(&y.0.message)));
    placed.dedup_by(|(a, x), (b, y)| a == b && x.0.message == y.0.message);
    let total = placed.len();
    let file_lines = LineIndex::new(names.briefing_text);
    let article_lines = LineIndex::new(clean);
    let mut out: Vec<String> = placed
        .into_iter()
        .take(MAX_SHOWN)
        .map(|(offset, (f, place))| {
            let (line, col) = file_lines.line_col(offset);
            let mut text = format!("{}:{line}:{col}: {}", names.briefing, f.message);
            if let Some((at, passage)) = place {
                let (aline, acol) = article_lines.line_col(at);
                let _ = write!(text, " ({}:{aline}:{acol}: {passage})", names.article);
            }
            one_line(&text)
        })
        .collect();
    if total > MAX_SHOWN {
        out.push(one_line(&format!(
            "{}: {} more problems not shown",
            names.briefing,
            total - MAX_SHOWN
        )));
    }
    out
}

/// The article around `at`, cut at word ends, with … where it is cut.
fn passage(text: &str, at: usize) -> String {
    let at = (0..=at.min(text.len()))
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    let before = text.get(..at).unwrap_or_default();
    let after = text.get(at..).unwrap_or_default();
    let mut start = before
        .char_indices()
        .rev()
        .nth(BEFORE - 1)
        .map_or(0, |(i, _)| i);
    if start > 0 {
        start = before
            .get(start..)
            .and_then(|s| s.find(' '))
            .map_or(start, |i| start + i + 1);
    }
    let mut end = after
        .char_indices()
        .nth(AFTER)
        .map_or(after.len(), |(i, _)| i);
    if end < after.len() {
        end = after.get(..end).and_then(|s| s.rfind(' ')).unwrap_or(end);
    }
    let head = before.get(start..).unwrap_or_default();
    let tail = after.get(..end).unwrap_or_default();
    let open = if start > 0 { "…" } else { "" };
    let close = if end < after.len() { "…" } else { "" };
    format!("{open}{head}{tail}{close}")
}

#[cfg(test)]
mod tests {
    use super::passage;

    #[test]
    fn the_passage_is_cut_at_words() {
        let text = "eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn vierzehn fünfzehn";
        let at = text.find("sieben").unwrap();
        let p = passage(text, at);
        assert!(p.starts_with('…') && p.ends_with('…'), "{p}");
        assert!(p.contains("sechs sieben acht"), "{p}");
        assert_eq!(passage("kurz", 0), "kurz");
    }
}
