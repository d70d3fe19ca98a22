//! Quotes, excerpts, aliases and topics: each verbatim somewhere in the
//! article, and each quote between quotation marks there.

use std::collections::HashMap;

use crate::briefing::Briefing;

use super::check::{Finding, not_verbatim};
use super::field::{Field, verbatim};
use super::find::{Budget, OutOfWork, scan};
use super::haystack::Haystack;
use super::marks::{between_marks, wrapped_in_marks};
use super::nearest::Snap;
use super::normal::Normal;
use super::words::whole_words;

/// Checks every string that must stand verbatim in the article.
///
/// # Errors
/// When the budget is spent; `at` then names the string being checked.
pub fn check(
    b: &Briefing,
    hay: &Haystack<'_>,
    budget: &mut Budget,
    found: &mut Vec<Finding>,
    at: &mut Field,
) -> Result<(), OutOfWork> {
    // Relations often share an excerpt: look each text up once.
    let mut seen: HashMap<(String, bool), Option<usize>> = HashMap::new();
    for field in verbatim(b) {
        *at = field;
        let norm = Normal::new(field.text(b));
        let needle = norm.text();
        if needle.is_empty() {
            continue;
        }
        // Aliases and topics may be part of a word ("Ukraine-Krieg" in
        // "Ukraine-Kriegs"); quotes and excerpts are whole words.
        let part_of_word = matches!(field, Field::Alias(..) | Field::Topic(_));
        let text = hay.text();
        let whole = |s: usize| part_of_word || whole_words(text, s, s + needle.len());
        let key = (needle.to_string(), part_of_word);
        let start = if let Some(&start) = seen.get(&key) {
            start
        } else {
            let start = scan(&hay.words, needle, 0, budget, whole)?;
            seen.insert(key, start);
            start
        };
        let Some(start) = start else {
            let snap = if matches!(field, Field::Quote(_)) {
                Snap::Quoted
            } else {
                Snap::Passage
            };
            found.push(not_verbatim(field, &norm, hay, snap, budget)?.0);
            continue;
        };
        if !matches!(field, Field::Quote(_)) {
            continue;
        }
        if wrapped_in_marks(needle) {
            let message = "quote includes its quotation marks: leave them out".to_string();
            found.push(Finding::at_start(field, message, Some(start)));
            continue;
        }
        let quoted = scan(&hay.words, needle, 0, budget, |s| {
            between_marks(text, s..s + needle.len())
        })?;
        if quoted.is_none() {
            let message = "quote does not stand between quotation marks in the article".to_string();
            found.push(Finding::at_start(field, message, Some(start)));
        }
    }
    Ok(())
}
