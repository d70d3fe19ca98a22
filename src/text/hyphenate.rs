//! Hyphenation dictionaries compiled into the binary: only the languages the
//! interface supports, not the crate's 80 (`embed_all` would triple the size).

use hyphenation::{Language, Load, Standard};

/// German (reformed 1996 spelling; also right for Swiss German).
const GERMAN: &[u8] = include_bytes!("../../assets/hyphenation/de-1996.standard.bincode");
/// US English.
const ENGLISH: &[u8] = include_bytes!("../../assets/hyphenation/en-us.standard.bincode");

/// The dictionary for a language tag, if one is built in.
pub fn dictionary(lang: &str) -> Option<Standard> {
    let primary = lang.split('-').next().unwrap_or_default();
    let (language, mut bytes) = match primary {
        "de" => (Language::German1996, GERMAN),
        "en" => (Language::EnglishUS, ENGLISH),
        _ => return None,
    };
    Standard::from_reader(language, &mut bytes).ok()
}

#[cfg(test)]
mod tests {
    use hyphenation::Hyphenator;

    use super::*;

    #[test]
    fn german_and_english_load_and_hyphenate() {
        let de = dictionary("de").expect("German dictionary");
        assert!(!de.hyphenate("Artilleriegeschosse").breaks.is_empty());
        let en = dictionary("en-GB").expect("English dictionary");
        assert!(!en.hyphenate("hyphenation").breaks.is_empty());
        assert!(dictionary("fr").is_none());
    }
}
