//! The glyphs the interface draws: Unicode by default, ASCII with `--ascii`.

/// Every glyph that is not content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Symbols {
    /// List bullet.
    pub bullet: &'static str,
    /// Between items on one line.
    pub dot: &'static str,
    /// Opening and closing quotation marks around quotes.
    pub quote_open: &'static str,
    /// See `quote_open`.
    pub quote_close: &'static str,
    /// Relation arrow.
    pub arrow: &'static str,
    /// Before a speaker's name.
    pub dash: &'static str,
    /// Horizontal rule.
    pub rule: &'static str,
    /// Vertical rule between list and detail.
    pub vrule: &'static str,
    /// Selection marker on the first line of the selected item.
    pub selected: &'static str,
    /// Selection marker on its other lines.
    pub selected_more: &'static str,
    /// Cut text.
    pub ellipsis: &'static str,
}

impl Symbols {
    /// Unicode glyphs.
    pub const UNICODE: Self = Self {
        bullet: "•",
        dot: "·",
        quote_open: "«",
        quote_close: "»",
        arrow: "→",
        dash: "—",
        rule: "─",
        vrule: "│",
        selected: "▶",
        selected_more: "▏",
        ellipsis: "…",
    };

    /// Plain ASCII, for terminals and fonts without the rest.
    pub const ASCII: Self = Self {
        bullet: "*",
        dot: "|",
        quote_open: "\"",
        quote_close: "\"",
        arrow: "->",
        dash: "--",
        rule: "-",
        vrule: "|",
        selected: ">",
        selected_more: "|",
        ellipsis: "...",
    };
}
