//! Hyphenation dictionaries compiled into the binary: only the languages the
//! interface supports, not the crate's 80 (`embed_all` would triple the size).

use std::cell::OnceCell;

use hyphenation::{Language, Load, Standard};

/// German (reformed 1996 spelling; also right for Swiss German).
const GERMAN: &[u8] = include_bytes!("../../assets/hyphenation/de-1996.standard.bincode");
/// US English.
const ENGLISH: &[u8] = include_bytes!("../../assets/hyphenation/en-us.standard.bincode");

/// Columns from which text is wrapped without hyphenation: in wide columns
/// it changes little, and loading the dictionary is most of the start-up.
pub const HYPHENATE_BELOW: usize = 60;

/// Hyphenation for one language: loaded on first use, used only for narrow
/// columns.
#[derive(Debug, Default)]
pub struct Hyphenator {
    lang: String,
    dict: OnceCell<Option<Standard>>,
}

impl Hyphenator {
    /// Hyphenation for content in language `lang` (a tag such as "de").
    pub fn new(lang: &str) -> Self {
        Self {
            lang: lang.to_string(),
            dict: OnceCell::new(),
        }
    }

    /// The dictionary to wrap a column of `width` columns with, if any.
    pub fn for_width(&self, width: usize) -> Option<&Standard> {
        if width >= HYPHENATE_BELOW {
            return None;
        }
        self.dict.get_or_init(|| dictionary(&self.lang)).as_ref()
    }
}

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
    use hyphenation::Hyphenator as _;

    use super::*;

    #[test]
    fn german_and_english_load_and_hyphenate() {
        let de = dictionary("de").expect("German dictionary");
        assert!(!de.hyphenate("Artilleriegeschosse").breaks.is_empty());
        let en = dictionary("en-GB").expect("English dictionary");
        assert!(!en.hyphenate("hyphenation").breaks.is_empty());
        assert!(dictionary("fr").is_none());
    }

    #[test]
    fn only_narrow_columns_are_hyphenated() {
        let h = Hyphenator::new("de");
        assert!(h.for_width(HYPHENATE_BELOW).is_none());
        assert!(h.dict.get().is_none(), "not loaded for wide columns");
        assert!(h.for_width(40).is_some());
        assert!(Hyphenator::new("fr").for_width(20).is_none());
    }
}
