//! Every check of a briefing against its article, in one pass each:
//! coverage (the full text in order, nothing left out), verbatim strings
//! (quotes in quotation marks), and claims (hedges and numbers).

use crate::briefing::Briefing;

use super::claims;
use super::coverage;
use super::field::Field;
use super::find::{Budget, OutOfWork};
use std::ops::Range;

use super::haystack::Haystack;
use super::nearest::{Snap, nearest};
use super::normal::Normal;
use super::verbatim;

/// One problem, before it gets a line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The string it is about.
    pub field: Field,
    /// Byte offset in that string (as loaded) of the place.
    pub at: usize,
    /// What is wrong.
    pub message: String,
    /// The place in the article it refers to (normalised offset).
    pub article: Option<usize>,
}

impl Finding {
    /// A problem at the start of `field`.
    pub fn at_start(field: Field, message: String, article: Option<usize>) -> Self {
        Self {
            field,
            at: 0,
            message,
            article,
        }
    }
}

/// The problem with `field` (normalised as `norm`), which is not verbatim
/// in the article: where it differs from the nearest passage and how, when
/// there is one; and that passage.
///
/// # Errors
/// When the budget is spent.
pub fn not_verbatim(
    field: Field,
    norm: &Normal,
    hay: &Haystack<'_>,
    snap: Snap,
    budget: &mut Budget,
) -> Result<(Finding, Option<Range<usize>>), OutOfWork> {
    let name = field.name();
    if !budget.take_comparison() {
        let message =
            format!("{name} is not verbatim in the article (not compared: too many problems)");
        return Ok((Finding::at_start(field, message, None), None));
    }
    let Some(n) = nearest(hay, norm.text(), snap, budget)? else {
        let message = format!("{name} is not in the article (nor is anything like it)");
        return Ok((Finding::at_start(field, message, None), None));
    };
    let finding = Finding {
        field,
        at: norm.source(n.ours_at),
        message: format!("{name} is not verbatim in the article: {}", n.message),
        article: Some(n.theirs_at),
    };
    Ok((finding, Some(n.passage)))
}

/// Runs every check; the problems found, in no particular order.
pub fn check(b: &Briefing, hay: &Haystack<'_>, budget: &mut Budget) -> Vec<Finding> {
    let mut found = Vec::new();
    let mut at = Field::Title;
    let run = (|| -> Result<(), OutOfWork> {
        coverage::check(b, hay, budget, &mut found, &mut at)?;
        verbatim::check(b, hay, budget, &mut found, &mut at)?;
        claims::check(b, hay, budget, &mut found, &mut at)
    })();
    if run.is_err() {
        found.push(Finding::at_start(
            at,
            "checking stopped here: it needs more work than the limit allows \
             (is the article one passage repeated over and over?)"
                .to_string(),
            None,
        ));
    }
    found
}
