//! Hyphenation dictionaries compiled into the binary: only the languages the
//! interface supports, not the crate's 80 (`embed_all` would triple the size).

use std::sync::OnceLock;

use hyphenation::{Language, Load, Standard};

/// German (reformed 1996 spelling; also right for Swiss German).
const GERMAN: &[u8] = include_bytes!("../../assets/hyphenation/de-1996.standard.bincode");
/// US English.
const ENGLISH: &[u8] = include_bytes!("../../assets/hyphenation/en-us.standard.bincode");

/// Columns from which text is wrapped without hyphenation: in wide columns
/// it changes little, and loading the dictionary is most of the start-up.
pub const HYPHENATE_BELOW: usize = 60;

/// The dictionaries, each loaded once per process on first use and shared
/// by every reader.
static GERMAN_DICT: OnceLock<Option<Standard>> = OnceLock::new();
static ENGLISH_DICT: OnceLock<Option<Standard>> = OnceLock::new();

/// Hyphenation for one language, used only for narrow columns.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Hyphenator {
    language: Option<Language>,
}

impl Hyphenator {
    /// Hyphenation for content in language `lang` (a tag such as "de").
    pub fn new(lang: &str) -> Self {
        Self {
            language: language(lang),
        }
    }

    /// The dictionary to wrap a column of `width` columns with, if any.
    pub fn for_width(self, width: usize) -> Option<&'static Standard> {
        if width >= HYPHENATE_BELOW {
            return None;
        }
        let cell = match self.language? {
            Language::German1996 => &GERMAN_DICT,
            _ => &ENGLISH_DICT,
        };
        cell.get_or_init(|| self.language.and_then(load)).as_ref()
    }
}

/// The built-in dictionary's language for a language tag.
fn language(lang: &str) -> Option<Language> {
    match lang.split('-').next().unwrap_or_default() {
        "de" => Some(Language::German1996),
        "en" => Some(Language::EnglishUS),
        _ => None,
    }
}

fn load(language: Language) -> Option<Standard> {
    let mut bytes = match language {
        Language::German1996 => GERMAN,
        _ => ENGLISH,
    };
    Standard::from_reader(language, &mut bytes).ok()
}

/// The dictionary for a language tag, if one is built in (a fresh copy).
pub fn dictionary(lang: &str) -> Option<Standard> {
    language(lang).and_then(load)
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
        assert!(h.for_width(40).is_some());
        assert!(std::ptr::eq(
            h.for_width(40).unwrap(),
            Hyphenator::new("de-CH").for_width(20).unwrap()
        ));
        assert!(Hyphenator::new("fr").for_width(20).is_none());
    }
}
