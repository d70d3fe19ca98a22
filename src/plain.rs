//! The plain view: the whole briefing as wrapped text, for pipes, files and
//! `--plain`.

use std::fmt::Write as _;

use unicode_width::UnicodeWidthStr;

use crate::content::Content;
use crate::doc::Layout;
use crate::pane::PaneId;
use crate::text::wrap::wrap;

/// Renders every pane, each under its heading, wrapped to `width` columns.
pub fn render(content: &Content, width: u16) -> String {
    let (labels, symbols) = (content.labels(), content.symbols());
    let mut out = String::new();
    for id in PaneId::ALL {
        let doc = content.doc(id);
        let Some(label) = labels.sections.get(id.index()) else {
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
        let layout = Layout::new(doc, width, content.hyphenator());
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
    use std::sync::Arc;

    use unicode_width::UnicodeWidthStr;

    use super::*;
    use crate::bundled::bundled;
    use crate::labels::Lang;

    #[test]
    fn no_line_is_wider_than_the_width_even_below_the_command_line_minimum() {
        let b = Arc::new(bundled());
        for lang in [Lang::De, Lang::En] {
            let content = Content::new(Arc::clone(&b), lang, false);
            for width in 1..=30u16 {
                for line in render(&content, width).lines() {
                    assert!(
                        line.width() <= usize::from(width).max(2),
                        "{line:?} wider than {width}"
                    );
                }
            }
        }
    }

    #[test]
    fn ascii_content_prints_only_ascii() {
        let content = Content::new(Arc::new(bundled()), Lang::De, true);
        let text = render(&content, 60);
        assert!(text.is_ascii());
        assert!(text.contains("Pjoengjang"), "German transliteration");
        assert!(text.contains("Ueberblick"), "labels too");
    }
}
