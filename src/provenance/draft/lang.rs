//! The language of an article, guessed by counting a few very common words
//! of each language. A short list per language is enough to tell German
//! from English (or French, Italian, Spanish, Dutch) in any real article;
//! the draft says how many it counted, and the author can correct it.

use crate::provenance::words::words;

/// Common words of each language (articles, conjunctions, prepositions).
const COMMON: [(&str, &str, &[&str]); 6] = [
    (
        "de",
        "German",
        &[
            "der", "die", "das", "und", "ist", "nicht", "mit", "von", "den", "dem", "des", "sich",
            "auf", "für", "im", "auch", "eine", "einer", "wird", "zu",
        ],
    ),
    (
        "en",
        "English",
        &[
            "the", "and", "of", "to", "is", "in", "that", "for", "with", "on", "as", "was", "are",
            "by", "this", "from", "it", "be", "have", "which",
        ],
    ),
    (
        "fr",
        "French",
        &[
            "le", "la", "les", "et", "des", "est", "une", "dans", "que", "pour", "qui", "pas",
            "sur", "au", "du", "avec", "ce", "il", "sont", "aux",
        ],
    ),
    (
        "it",
        "Italian",
        &[
            "il", "che", "di", "per", "non", "una", "sono", "con", "del", "della", "gli", "nel",
            "alla", "anche", "come", "più", "ha", "le", "lo", "dei",
        ],
    ),
    (
        "es",
        "Spanish",
        &[
            "el", "los", "las", "que", "y", "en", "por", "una", "para", "con", "es", "del", "se",
            "al", "como", "más", "pero", "sus", "fue", "este",
        ],
    ),
    (
        "nl",
        "Dutch",
        &[
            "het", "een", "en", "van", "is", "dat", "niet", "op", "te", "zijn", "voor", "met",
            "ook", "maar", "aan", "bij", "wordt", "naar", "uit", "worden",
        ],
    ),
];

/// Words looked at, at most: the start of an article tells its language.
const SAMPLE: usize = 20_000;

/// The guessed language tag and a note on how it was guessed.
pub fn guess(text: &str) -> (&'static str, String) {
    let mut counts = [0_usize; COMMON.len()];
    for range in words(text).take(SAMPLE) {
        let Some(word) = text.get(range) else {
            continue;
        };
        let word = word.to_lowercase();
        for (count, (_, _, list)) in counts.iter_mut().zip(COMMON.iter()) {
            if list.contains(&word.as_str()) {
                *count += 1;
            }
        }
    }
    let mut ranked: Vec<(usize, usize)> = counts.iter().copied().enumerate().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let (Some(&(best, n)), second) = (ranked.first(), ranked.get(1)) else {
        return ("en", String::new());
    };
    let Some((tag, language, _)) = COMMON.get(best).filter(|_| n > 0) else {
        return ("en", "no common words found: set the language".to_string());
    };
    let runner_up = second
        .and_then(|&(i, c)| COMMON.get(i).map(|(_, l, _)| format!(", {l} {c}")))
        .unwrap_or_default();
    (
        tag,
        format!("guessed from common words: {language} {n}{runner_up}"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn german_english_and_none() {
        let de = include_str!("../../../content/sources/article.de.txt");
        assert_eq!(guess(de).0, "de");
        assert!(guess(de).1.starts_with("guessed from common words: German"));
        let en = "The minister said that the talks with the neighbours were going well, and that it is too early to judge.";
        assert_eq!(guess(en).0, "en");
        let fr = "Le ministre a dit que les négociations avec les voisins sont sur la bonne voie.";
        assert_eq!(guess(fr).0, "fr");
        assert_eq!(guess("12345 !!!").0, "en");
        assert!(guess("12345 !!!").1.contains("set the language"));
    }
}
