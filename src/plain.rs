//! The plain view: the whole briefing as wrapped text, for pipes, files and
//! `--plain`.

use std::fmt::Write as _;

use unicode_width::UnicodeWidthStr;

use crate::doc::{Doc, Layout};
use crate::labels::Labels;
use crate::section::SectionId;
use crate::symbols::Symbols;
use crate::text::hyphenate::Hyphenator;
use crate::text::wrap::wrap;

/// Renders every pane, each under its heading, wrapped to `width` columns.
pub fn render(
    docs: &[Doc; 6],
    labels: &Labels,
    symbols: &Symbols,
    hyphenator: &Hyphenator,
    width: u16,
) -> String {
    let mut out = String::new();
    for id in SectionId::ALL {
        let (Some(doc), Some(label)) = (docs.get(id.index()), labels.sections.get(id.index()))
        else {
            continue;
        };
        if doc.blocks.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        // The heading is wrapped like any text: "Kennzahlen" is wider than
        // the narrowest columns.
        for line in wrap(label, usize::from(width), None) {
            let hyphen = if line.hyphen { "-" } else { "" };
            let _ = writeln!(
                out,
                "{}{hyphen}",
                label.get(line.start..line.end).unwrap_or_default()
            );
        }
        let rule_width = label.width().min(usize::from(width));
        let rule = symbols
            .rule
            .repeat(rule_width / symbols.rule.width().max(1));
        let _ = writeln!(out, "{rule}\n");
        let layout = Layout::new(doc, width, hyphenator);
        let mut blank_run = true;
        for line in &layout.lines {
            let Some(block) = doc.blocks.get(line.block as usize) else {
                continue;
            };
            let text = block.text.get(line.range()).unwrap_or_default();
            if text.is_empty() && blank_run {
                continue; // no blank line right after the heading or twice in a row
            }
            blank_run = text.is_empty();
            let lead = if text.is_empty() {
                String::new()
            } else {
                Layout::lead(block, line)
            };
            let hyphen = if line.hyphen { "-" } else { "" };
            let _ = writeln!(out, "{lead}{text}{hyphen}");
        }
        while out.ends_with("\n\n") {
            out.pop();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use unicode_width::UnicodeWidthStr;

    use super::*;
    use crate::bundled::bundled;
    use crate::doc::build_docs;
    use crate::labels::Lang;

    #[test]
    fn no_line_is_wider_than_the_width_even_below_the_command_line_minimum() {
        let b = bundled();
        for lang in [Lang::De, Lang::En] {
            let docs = build_docs(&b, lang.labels(), &Symbols::UNICODE);
            for width in 1..=30u16 {
                let text = render(
                    &docs,
                    lang.labels(),
                    &Symbols::UNICODE,
                    &Hyphenator::new("de"),
                    width,
                );
                for line in text.lines() {
                    assert!(
                        line.width() <= usize::from(width).max(2),
                        "{line:?} wider than {width}"
                    );
                }
            }
        }
    }
}
