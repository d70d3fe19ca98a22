//! Worst-case briefings: valid files (within 8 MiB) built to make each part
//! of the reader work as hard as it can (identical, nested and huge patterns,
//! huge paragraphs and lists), and files that are no briefing but cost the
//! loader the most (many syntax errors, huge arrays, many keys and tables).
//! Used by `benches/worst.rs` to measure and by the tests to check that the
//! work stays bounded.

// Each user takes its own part of this module.
#![allow(dead_code, clippy::indexing_slicing, clippy::string_slice)]

use std::fmt::Write as _;

use briefing::briefing::MAX_TOKENS;

/// The loader's size limit, which every case stays within.
pub const LIMIT: usize = 8 * 1024 * 1024;

/// A generated file: a name for it, its text, and what it stresses.
pub struct Case {
    /// A file name (without `.toml`).
    pub name: &'static str,
    /// The TOML text.
    pub text: String,
    /// The letter to search for in it: a frequent one.
    pub search: char,
}

const HEAD: &str = "schema = 1\nlang = \"de\"\ntitle = \"Worst case\"\n";

fn actor(t: &mut String, id: &str, name: &str, aliases: &[&str]) {
    let aliases: Vec<String> = aliases.iter().map(|a| format!("\"{a}\"")).collect();
    let _ = write!(
        t,
        "\n[[actors]]\nid = \"{id}\"\nname = \"{name}\"\nkind = \"person\"\naliases = [{}]\n",
        aliases.join(", ")
    );
}

fn paragraphs(t: &mut String, paragraphs: &[String]) {
    t.push_str("\n[[sections]]\nparagraphs = [\n");
    for p in paragraphs {
        let _ = writeln!(t, "\"{p}\",");
    }
    t.push_str("]\n");
}

fn quote(t: &mut String, text: &str, speaker: &str) {
    let _ = write!(
        t,
        "\n[[quotes]]\ntext = \"{text}\"\nspeaker = \"{speaker}\"\n"
    );
}

/// 1,000 quotes `a` over one paragraph of 50,000 `a ` (issue 9, class 1).
pub fn quotes_a() -> Case {
    let mut t = String::from(HEAD);
    actor(&mut t, "a0", "Sprecher", &[]);
    for _ in 0..1000 {
        quote(&mut t, "a", "a0");
    }
    paragraphs(&mut t, &["a ".repeat(50_000)]);
    Case {
        name: "quotes-a",
        text: t,
        search: 'a',
    }
}

/// `actors` actors with 100 aliases `e` each, over a text full of `e`.
pub fn aliases_e(actors: usize) -> Case {
    let mut t = String::from(HEAD);
    let aliases = ["e"; 100];
    for i in 0..actors {
        actor(&mut t, &format!("a{i}"), &format!("Akteur {i}"), &aliases);
    }
    paragraphs(&mut t, &["e ".repeat(50_000)]);
    Case {
        name: if actors > 1000 {
            "aliases-e-2000"
        } else {
            "aliases-e-1000"
        },
        text: t,
        search: 'e',
    }
}

/// `a`, `a a`, `a a a`, … as quotes, `levels` of them, over 200 KB of `a `.
pub fn nested_quotes(levels: usize) -> Case {
    let mut t = String::from(HEAD);
    actor(&mut t, "a0", "Sprecher", &[]);
    for i in 1..=levels {
        quote(&mut t, &vec!["a"; i].join(" "), "a0");
    }
    paragraphs(&mut t, &["a ".repeat(100_000)]);
    Case {
        name: "nested-quotes-600",
        text: t,
        search: 'a',
    }
}

/// The same nesting as actor names and aliases: 600 actors, each named by
/// one level, and one actor with all 600 levels as aliases.
pub fn nested_names() -> Case {
    let mut t = String::from(HEAD);
    let levels: Vec<String> = (1..=600).map(|i| vec!["a"; i].join(" ")).collect();
    for (i, name) in levels.iter().enumerate() {
        actor(&mut t, &format!("n{i}"), name, &[]);
    }
    let all: Vec<&str> = levels.iter().map(String::as_str).collect();
    actor(&mut t, "all", "Alle", &all);
    paragraphs(&mut t, &["a ".repeat(100_000)]);
    Case {
        name: "nested-names",
        text: t,
        search: 'a',
    }
}

/// A short alias and a long name that starts like it: a search that looks
/// for the longest name reads far ahead at every short match.
pub fn prefix_trap() -> Case {
    let mut t = String::from(HEAD);
    let long = format!("{}b", "a ".repeat(200_000));
    actor(&mut t, "short", "a", &[]);
    actor(&mut t, "long", &long, &[]);
    // The quotes do the same to the passages.
    actor(&mut t, "q", "Sprecher", &[]);
    quote(&mut t, "a", "q");
    quote(&mut t, &long, "q");
    paragraphs(&mut t, &["a ".repeat(1_000_000)]);
    Case {
        name: "prefix-trap",
        text: t,
        search: 'a',
    }
}

/// Quotes that end in runs of `a` behind many different starts: an
/// automaton that copies the matches of every suffix into each state holds
/// quadratically many.
pub fn suffix_fan() -> Case {
    let mut t = String::from(HEAD);
    actor(&mut t, "a0", "Sprecher", &[]);
    for i in 1..=100 {
        quote(&mut t, &"a".repeat(i), "a0");
    }
    let run = "a".repeat(100);
    for j in 0..45_000 {
        quote(&mut t, &format!("x{j}{run}"), "a0");
    }
    let mut text = String::new();
    for j in 0..2000 {
        let _ = write!(text, "x{j}{run} ");
    }
    paragraphs(&mut t, &[text]);
    Case {
        name: "suffix-fan",
        text: t,
        search: 'a',
    }
}

/// Three paragraphs of 2 MiB of words, quoted and named throughout.
pub fn huge_paragraphs() -> Case {
    let mut t = String::from(HEAD);
    actor(&mut t, "w", "Wort", &["Satz", "Wort Satz"]);
    quote(&mut t, "Wort Satz Wort", "w");
    let _ = write!(
        t,
        "\n[[figures]]\nvalue = \"1\"\nlabel = \"Wort\"\nexcerpt = \"Satz Wort\"\n"
    );
    let p = "Wort Satz ".repeat(200_000);
    paragraphs(&mut t, &[p.clone(), p.clone(), p]);
    Case {
        name: "huge-paragraphs",
        text: t,
        search: 'w',
    }
}

/// Three paragraphs of 2 MiB of long German words: in narrow columns every
/// word goes to the hyphenation dictionary.
pub fn hyphenation_heavy() -> Case {
    let mut t = String::from(HEAD);
    let p = "Artilleriegeschosse Schiffscontainer ".repeat(55_000);
    paragraphs(&mut t, &[p.clone(), p.clone(), p]);
    Case {
        name: "hyphenation-heavy",
        text: t,
        search: 'e',
    }
}

/// The same, with every word different: the dictionary's memo cannot help.
pub fn hyphenation_distinct() -> Case {
    let mut t = String::from(HEAD);
    let letters = |mut n: usize| {
        let mut w = String::from("Geschosse");
        for _ in 0..4 {
            w.push(char::from(b'a' + u8::try_from(n % 26).unwrap_or(0)));
            n /= 26;
        }
        w
    };
    let mut ps = Vec::new();
    for p in 0..3 {
        let mut text = String::new();
        for i in 0..140_000 {
            text.push_str(&letters(p * 140_000 + i));
            text.push(' ');
        }
        ps.push(text);
    }
    paragraphs(&mut t, &ps);
    Case {
        name: "hyphenation-distinct",
        text: t,
        search: 'e',
    }
}

/// A single word of 2 MiB as a paragraph, a quote, an alias and the lede.
pub fn word_2mib() -> Case {
    let word = "x".repeat(2 * 1024 * 1024 - 64);
    let mut t = String::from(HEAD);
    let _ = writeln!(t, "lede = \"{}\"", &word[..1024 * 1024]);
    actor(&mut t, "w", "Wort", &[&word[..1024 * 1024]]);
    quote(&mut t, &word[..1024 * 1024], "w");
    paragraphs(&mut t, &[word]);
    Case {
        name: "word-2mib",
        text: t,
        search: 'x',
    }
}

/// 50,000 summary points (the list limit).
pub fn summary_points() -> Case {
    let mut t = String::from(HEAD);
    t.push_str("summary = [\n");
    for i in 0..50_000 {
        let _ = writeln!(
            t,
            "\"Punkt {i}: Russland hat von Nordkorea etwa 4,8 Millionen Geschosse erhalten, sagt er.\","
        );
    }
    t.push_str("]\n");
    paragraphs(&mut t, &["Punkt".to_string()]);
    Case {
        name: "summary-50000",
        text: t,
        search: 'e',
    }
}

/// 50,000 sections, each with a heading and a paragraph.
pub fn many_sections() -> Case {
    let mut t = String::from(HEAD);
    actor(&mut t, "r", "Russland", &["Moskau"]);
    for i in 0..50_000 {
        let _ = write!(
            t,
            "\n[[sections]]\nheading = \"Teil {i}\"\nparagraphs = [\"Russland und Moskau: Absatz {i}.\"]\n"
        );
    }
    Case {
        name: "many-sections",
        text: t,
        search: 'e',
    }
}

/// Two actors and 50,000 relations between them.
pub fn many_relations() -> Case {
    let mut t = String::from(HEAD);
    actor(&mut t, "a", "Russland", &[]);
    actor(&mut t, "b", "Nordkorea", &[]);
    for i in 0..50_000 {
        let _ = write!(
            t,
            "\n[[relations]]\nfrom = \"a\"\nto = \"b\"\nwhat = \"liefert Munition, Teil {i}\"\nattribution = \"b\"\n"
        );
    }
    paragraphs(&mut t, &["Russland und Nordkorea.".to_string()]);
    Case {
        name: "many-relations",
        text: t,
        search: 'e',
    }
}

/// 50,000 actors, each mentioned in the text; 50,000 quotes and figures.
pub fn many_actors() -> Case {
    let mut t = String::from(HEAD);
    for i in 0..25_000 {
        actor(&mut t, &format!("a{i}"), &format!("Akteur {i}"), &[]);
    }
    for i in 0..25_000 {
        quote(&mut t, &format!("Akteur {i} spricht"), &format!("a{i}"));
    }
    let text: Vec<String> = (0..25_000)
        .map(|i| format!("Akteur {i} spricht."))
        .collect();
    paragraphs(&mut t, &text);
    Case {
        name: "many-actors",
        text: t,
        search: 'e',
    }
}

/// Text to search: three paragraphs of 2 MiB where every other byte is `e`.
pub fn search_heavy() -> Case {
    let mut t = String::from(HEAD);
    let p = "e ".repeat(1024 * 1024 - 64);
    paragraphs(&mut t, &[p.clone(), p.clone(), p]);
    Case {
        name: "search-heavy",
        text: t,
        search: 'e',
    }
}

/// As many aliases as the token limit lets through: 20 actors with 49,000
/// aliases `e` each (three tokens each: the string, a comma, a space).
pub fn dense_aliases() -> Case {
    let mut t = String::from(HEAD);
    let aliases = vec!["e"; 49_000];
    for i in 0..20 {
        actor(&mut t, &format!("a{i}"), &format!("Akteur {i}"), &aliases);
    }
    paragraphs(&mut t, &["e ".repeat(10_000)]);
    Case {
        name: "dense-aliases",
        text: t,
        search: 'e',
    }
}

/// 50,000 actors with roles and 50,000 relations, written tightly (few
/// tokens): the most blocks the actors pane can have.
pub fn max_actors_relations() -> Case {
    let mut t = String::from(HEAD);
    for i in 0..50_000 {
        let _ = write!(
            t,
            "[[actors]]\nid=\"a{i}\"\nname=\"Akteur {i}\"\nkind=\"state\"\nrole=\"Rolle {i}\"\n"
        );
    }
    for i in 0..50_000 {
        let _ = write!(
            t,
            "[[relations]]\nfrom=\"a{}\"\nto=\"a{}\"\nwhat=\"liefert {i}\"\n",
            i % 100,
            i % 100 + 1
        );
    }
    t.push_str("[[sections]]\nparagraphs=[\"Akteur 1 und Akteur 2\"]\n");
    Case {
        name: "max-actors-relations",
        text: t,
        search: 'e',
    }
}

/// Makes one case.
pub type Maker = fn() -> Case;

/// Every valid worst case, each within the size limit: its name and how to
/// make it (so that one can be made without the others).
pub fn valid_makers() -> Vec<(&'static str, Maker)> {
    vec![
        ("quotes-a", quotes_a),
        ("aliases-e-1000", || aliases_e(1000)),
        ("aliases-e-2000", || aliases_e(2000)),
        ("nested-quotes-600", || nested_quotes(600)),
        ("nested-names", nested_names),
        ("prefix-trap", prefix_trap),
        ("suffix-fan", suffix_fan),
        ("huge-paragraphs", huge_paragraphs),
        ("word-2mib", word_2mib),
        ("summary-50000", summary_points),
        ("many-sections", many_sections),
        ("many-relations", many_relations),
        ("many-actors", many_actors),
        ("search-heavy", search_heavy),
        ("dense-aliases", dense_aliases),
        ("max-actors-relations", max_actors_relations),
        ("hyphenation-heavy", hyphenation_heavy),
        ("hyphenation-distinct", hyphenation_distinct),
    ]
}

/// Every valid worst case.
pub fn valid() -> Vec<Case> {
    valid_makers().into_iter().map(|(_, make)| make()).collect()
}

/// `line` repeated to fill `bytes`.
fn fill(prefix: &str, line: &str, suffix: &str, bytes: usize) -> String {
    let mut t = String::from(prefix);
    let room = bytes.saturating_sub(prefix.len() + suffix.len());
    t.push_str(&line.repeat(room / line.len().max(1)));
    t.push_str(suffix);
    t
}

/// `unit` (of `tokens` TOML tokens) repeated to just under the token limit.
fn at_token_limit(prefix: &str, unit: &str, tokens: usize, suffix: &str) -> String {
    let count = (MAX_TOKENS - 1000) / tokens;
    format!("{prefix}{}{suffix}", unit.repeat(count))
}

/// Numbered lines (`line` with `{i}` replaced), `tokens` each, to just under
/// the token limit.
fn numbered_to_token_limit(prefix: &str, line: &str, tokens: usize) -> String {
    let mut t = String::from(prefix);
    for i in 0..(MAX_TOKENS - 1000) / tokens {
        t.push_str(&line.replace("{i}", &i.to_string()));
    }
    t
}

/// 49 actors of 10,000 unknown keys each: the most keys that get past the
/// first look (each table at its key limit, all within the token limit).
fn table_keys() -> String {
    let mut t = String::from(HEAD);
    for _ in 0..49 {
        t.push_str("[[actors]]\n");
        for i in 0..10_000 {
            let _ = writeln!(t, "k{i} = 1");
        }
    }
    t
}

/// `x = [1` and `commas` commas (issue 9, class 2).
pub fn commas(commas: usize) -> String {
    format!("x = [1{}", ",".repeat(commas))
}

/// Files that are no briefing, each as costly as 8 MiB can make it.
pub fn invalid() -> Vec<(&'static str, String)> {
    let mut keys = String::new();
    let mut i = 0;
    while keys.len() < LIMIT - 32 {
        let _ = writeln!(keys, "k{i} = 1");
        i += 1;
    }
    let mut tables = String::new();
    let mut i = 0;
    while tables.len() < LIMIT - 32 {
        let _ = writeln!(tables, "[t{i}]");
        i += 1;
    }
    let mut actor_keys = String::from(HEAD);
    actor_keys.push_str("[[actors]]\n");
    let mut i = 0;
    while actor_keys.len() < LIMIT - 32 {
        let _ = writeln!(actor_keys, "k{i} = 1");
        i += 1;
    }
    vec![
        ("commas-512k", commas(512 * 1024)),
        ("commas-8m", commas(LIMIT - 8)),
        ("equals-lines", fill("", "=\n", "", LIMIT)),
        ("distinct-keys", keys),
        ("distinct-tables", tables),
        ("int-array", fill("x = [", "1,", "1]\n", LIMIT)),
        ("table-array", fill("x = [", "{},", "{}]\n", LIMIT)),
        (
            "summary-ints",
            format!("{HEAD}{}", fill("summary = [", "1,", "1]\n", LIMIT - 64)),
        ),
        ("duplicate-keys", fill("", "a = 1\n", "", LIMIT)),
        ("actor-keys", actor_keys),
        ("bad-tables", fill(HEAD, "[[quotes]]\nx = 1\n", "", LIMIT)),
        ("string-array", fill("x = [", "\"e\",", "\"e\"]\n", LIMIT)),
        ("newlines", "\n".repeat(LIMIT)),
        ("comment-lines", "#\n".repeat(LIMIT / 2)),
        // The same, cut to just under the token limit: the most that gets
        // past the first look and is built into a document.
        ("limit-equals-lines", at_token_limit("", "=\n", 2, "")),
        (
            "limit-distinct-keys",
            numbered_to_token_limit("", "k{i} = 1\n", 6),
        ),
        (
            "limit-distinct-tables",
            numbered_to_token_limit("", "[t{i}]\n", 4),
        ),
        ("limit-int-array", at_token_limit("x = [", "1,", 2, "1]\n")),
        (
            "limit-table-array",
            at_token_limit("x = [", "{},", 3, "{}]\n"),
        ),
        (
            "limit-string-array",
            at_token_limit("x = [", "\"e\",", 2, "\"e\"]\n"),
        ),
        (
            "limit-summary-strings",
            at_token_limit(&format!("{HEAD}summary = ["), "\"e\",", 2, "\"e\"]\n"),
        ),
        ("limit-duplicate-keys", at_token_limit("", "a = 1\n", 6, "")),
        (
            "limit-bad-tables",
            numbered_to_token_limit(HEAD, "[[q{i}]]\nx = 1\n", 10),
        ),
        ("limit-newlines", "\n".repeat(MAX_TOKENS - 1000)),
        ("limit-table-keys", table_keys()),
    ]
}
