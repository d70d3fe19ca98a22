//! Claims kept with their evidence: every hedge in its excerpt, every
//! number of a figure's value in its excerpt, and no number in the
//! author's own words that the article does not have.

use std::collections::HashSet;

use crate::briefing::Briefing;

use super::check::Finding;
use super::field::{Field, paraphrased};
use super::find::{Budget, OutOfWork};
use super::haystack::Haystack;
use super::normal::Normal;
use super::numbers::numbers;

/// Checks hedges and numbers.
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
    for (i, f) in b.figures.iter().enumerate() {
        *at = Field::FigureValue(i);
        budget.take(f.excerpt.len() + f.value.len())?;
        if let Some(q) = f.qualifier.as_ref().filter(|q| !has_words(&f.excerpt, q)) {
            found.push(hedge_missing(Field::FigureQualifier(i), q));
        }
        let in_excerpt: HashSet<&str> = numbers(&f.excerpt)
            .filter_map(|r| f.excerpt.get(r))
            .collect();
        for r in numbers(&f.value) {
            let n = f.value.get(r.clone()).unwrap_or_default();
            if !in_excerpt.contains(n) {
                found.push(Finding {
                    field: Field::FigureValue(i),
                    at: r.start,
                    message: format!("number `{n}` of the value is not in its excerpt"),
                    article: None,
                });
            }
        }
    }
    for (i, r) in b.relations.iter().enumerate() {
        *at = Field::RelationQualifier(i);
        if let (Some(q), Some(e)) = (&r.qualifier, &r.excerpt) {
            budget.take(e.len())?;
            if !has_words(e, q) {
                found.push(hedge_missing(Field::RelationQualifier(i), q));
            }
        }
    }
    let text = hay.text();
    // Built only when some text of the author's has a number.
    let mut in_article: Option<HashSet<&str>> = None;
    for field in paraphrased(b) {
        *at = field;
        let own = field.text(b);
        budget.take(own.len())?;
        for r in numbers(own) {
            if in_article.is_none() {
                budget.take(text.len())?;
            }
            let in_article = in_article
                .get_or_insert_with(|| numbers(text).filter_map(|r| text.get(r)).collect());
            let n = own.get(r.clone()).unwrap_or_default();
            if !in_article.contains(n) {
                found.push(Finding {
                    field,
                    at: r.start,
                    message: format!("number `{n}` is not in the article"),
                    article: None,
                });
            }
        }
    }
    Ok(())
}

fn hedge_missing(field: Field, hedge: &str) -> Finding {
    let hedge = super::diff::fragment(hedge);
    Finding::at_start(
        field,
        format!("hedge `{hedge}` is not in its excerpt"),
        None,
    )
}

/// Whether `words` occurs in `text` as whole words, in any case, with any
/// white space between them.
fn has_words(text: &str, words: &str) -> bool {
    let text = Normal::new(text).text().to_lowercase();
    let words = Normal::new(words).text().to_lowercase();
    if words.is_empty() {
        return true;
    }
    text.match_indices(&words).any(|(at, _)| {
        let before = text.get(..at).and_then(|s| s.chars().next_back());
        let after = text.get(at + words.len()..).and_then(|s| s.chars().next());
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[cfg(test)]
mod tests {
    use super::has_words;

    #[test]
    fn hedges_are_whole_words_in_any_case() {
        assert!(has_words("So soll Nordkorea", "soll"));
        assert!(has_words("Soll Nordkorea", "soll"));
        assert!(has_words("mutmasslich um\ndie 4,8", "mutmasslich um die"));
        assert!(!has_words("Es sollen viele sein", "soll"));
        assert!(!has_words("Russland hat 4,8 Millionen", "etwa"));
    }
}
