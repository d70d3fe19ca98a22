//! Strings written into the draft as TOML basic strings.

use std::fmt::Write as _;

/// `text` as a TOML basic string, quotes included.
pub fn string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::string;

    #[test]
    fn strings_round_trip_through_toml() {
        for text in [
            "plain",
            "«Zitat» \"x\" \\ y",
            "a\nb",
            "\u{7f}\u{1}",
            "tab\there",
        ] {
            let doc = format!("v = {}", string(text));
            let parsed: toml::Table = toml::from_str(&doc).unwrap();
            assert_eq!(parsed["v"].as_str(), Some(text), "{doc}");
        }
    }
}
