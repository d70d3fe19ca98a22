//! `verify` against mutated copies of the bundled briefing: each copy
//! differs from its article in one way a careless or dishonest edit would
//! (a changed letter in a quote, a dropped paragraph, a hedge removed, ...),
//! and each must be caught, with exactly the problems expected, at the
//! line and column of the change.

// A panic in a test is a failing test, not a crash.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use briefing::briefing::BUNDLED;
use briefing::provenance::verify_text;

const ARTICLE: &str = include_str!("../content/sources/article.de.txt");

/// One mutation: what to replace in the bundled file (once, and it must be
/// there once), and each problem expected: a snippet of the mutated file
/// with `^` where the problem points, and words of its message.
struct Mutation {
    what: &'static str,
    from: &'static str,
    to: &'static str,
    expect: &'static [(&'static str, &'static str)],
}

const MUTATIONS: &[Mutation] = &[
    Mutation {
        what: "a changed letter in a quote",
        from: "text = \"Das Potenzial für die Entwicklung unserer Beziehungen ist sehr gross.\"",
        to: "text = \"Das Potenzial für die Entwicklung unserer Beziehungen ist sehr grosz.\"",
        expect: &[(
            "sehr ^grosz.",
            "quote is not verbatim in the article: `grosz` where the article has `gross`",
        )],
    },
    Mutation {
        what: "a dropped paragraph",
        from: "  \"Der Verteidigungsminister warnte vor einer Zusammenarbeit der Länder im Zuge des Ukraine-Kriegs: «Wir erwarten, dass sich Putin um eine engere sicherheitspolitische Zusammenarbeit mit Nordkorea bemühen wird. Insbesondere um militärische Lieferungen wie Artilleriegranaten, die notwendig sind, um einen Sieg zu erringen.»\",\n",
        to: "",
        expect: &[(
            "heading = \"^Putin besucht",
            "the briefing leaves out article text before this heading",
        )],
    },
    Mutation {
        what: "a hedge removed from a figure's excerpt",
        from: "excerpt = \"Russland hat von Nordkorea bereits etwa 4,8",
        to: "excerpt = \"Russland hat von Nordkorea bereits 4,8",
        expect: &[
            (
                "qualifier = \"^etwa\"",
                "hedge `etwa` is not in its excerpt",
            ),
            (
                "Nordkorea bereits ^4,8",
                "figure excerpt is not verbatim in the article: leaves out `etwa`",
            ),
        ],
    },
    Mutation {
        what: "straight quotes for curly ones",
        from: "Ukraine-Kriegs: «Wir erwarten, dass sich Putin um eine engere sicherheitspolitische Zusammenarbeit mit Nordkorea bemühen wird. Insbesondere um militärische Lieferungen wie Artilleriegranaten, die notwendig sind, um einen Sieg zu erringen.»\",",
        to: "Ukraine-Kriegs: \\\"Wir erwarten, dass sich Putin um eine engere sicherheitspolitische Zusammenarbeit mit Nordkorea bemühen wird. Insbesondere um militärische Lieferungen wie Artilleriegranaten, die notwendig sind, um einen Sieg zu erringen.\\\"\",",
        expect: &[(
            "Ukraine-Kriegs: ^\\\"Wir",
            "paragraph is not verbatim in the article: straight quotation mark `\"` where the article has `«`; more differences follow",
        )],
    },
    Mutation {
        what: "a number changed in a figure",
        from: "value = \"über 10'000\"",
        to: "value = \"über 10'001\"",
        expect: &[(
            "value = \"über ^10'001\"",
            "number `10'001` of the value is not in its excerpt",
        )],
    },
    Mutation {
        what: "a sentence added to a paragraph",
        from: "Darunter fallen auch Drohnen, die im Kampf gegen die Ukraine eingesetzt werden.\",\n]",
        to: "Darunter fallen auch Drohnen, die im Kampf gegen die Ukraine eingesetzt werden. Russland bestreitet das.\",\n]",
        expect: &[(
            "werden. ^Russland bestreitet",
            "paragraph is not verbatim in the article: adds `Russland bestreitet das.`",
        )],
    },
    Mutation {
        what: "a changed heading",
        from: "heading = \"Putin besucht Kim Jong-un in Pjöngjang\"",
        to: "heading = \"Putin besucht Kim Jong-un in Moskau\"",
        expect: &[(
            "Jong-un in ^Moskau\"",
            "heading is not verbatim in the article: `Moskau` where the article has `Pjöngjang`",
        )],
    },
    Mutation {
        what: "a quote moved out of quotation marks",
        from: "text = \"Das Potenzial für die Entwicklung unserer Beziehungen ist sehr gross.\"",
        to: "text = \"Es gehe zudem niemanden etwas an, wenn Russland seine Beziehungen zu einem Nachbarland intensiviere.\"",
        expect: &[(
            "text = \"^Es gehe zudem",
            "quote does not stand between quotation marks in the article",
        )],
    },
    Mutation {
        what: "a changed letter in the title",
        from: "title = \"Nordkorea und Russland intensivieren Beziehungen\"",
        to: "title = \"Nordkorea und Russland intensivieren Beziehung\"",
        expect: &[(
            "intensivieren ^Beziehung\"",
            "title is not verbatim in the article: `Beziehung` where the article has `Beziehungen`",
        )],
    },
    Mutation {
        what: "a hedge changed in the lede",
        from: "lede = \"Wladimir Putin und Kim Jong-un könnten",
        to: "lede = \"Wladimir Putin und Kim Jong-un werden",
        expect: &[(
            "Kim Jong-un ^werden kommende",
            "lede is not verbatim in the article: `werden` where the article has `könnten`",
        )],
    },
    Mutation {
        what: "a dropped summary point",
        from: "  \"Die USA und Südkorea befürchten eine Verstärkung der Beziehungen.\",\n",
        to: "",
        expect: &[(
            "  \"^Russland hat von Nordkorea bereits etwa",
            "the briefing leaves out article text before this summary point",
        )],
    },
    Mutation {
        what: "a hedge removed from a relation's excerpt",
        from: "excerpt = \"Nun scheinen sich",
        to: "excerpt = \"Nun sich",
        expect: &[
            (
                "qualifier = \"^scheinen\"",
                "hedge `scheinen` is not in its excerpt",
            ),
            (
                "excerpt = \"Nun ^sich",
                "relation excerpt is not verbatim in the article: leaves out `scheinen`",
            ),
        ],
    },
    Mutation {
        what: "guillemets turned round",
        from: "  \"Wie «Bloomberg» schreibt,",
        to: "  \"Wie »Bloomberg« schreibt,",
        expect: &[(
            "Wie ^»Bloomberg«",
            "paragraph is not verbatim in the article: quotation mark `»` where the article has `«`",
        )],
    },
    Mutation {
        what: "a number changed in a paragraph",
        from: "  \"Dass Russland und Nordkorea miteinander liebäugeln, bereitet der US-Regierung schon seit längerem Sorgen. Nun scheinen sich die Beziehungen der beiden Länder zu intensivieren. So soll Nordkorea laut dem südkoreanischen Verteidigungsminister bereits über 10'000",
        to: "  \"Dass Russland und Nordkorea miteinander liebäugeln, bereitet der US-Regierung schon seit längerem Sorgen. Nun scheinen sich die Beziehungen der beiden Länder zu intensivieren. So soll Nordkorea laut dem südkoreanischen Verteidigungsminister bereits über 12'000",
        expect: &[(
            "über ^12'000",
            "paragraph is not verbatim in the article: `12'000` where the article has `10'000`",
        )],
    },
    Mutation {
        what: "an invented number in a role",
        from: "role = \"Präsident Russlands; soll",
        to: "role = \"Präsident Russlands seit 2012; soll",
        expect: &[(
            "Russlands seit ^2012;",
            "number `2012` is not in the article",
        )],
    },
    Mutation {
        what: "two paragraphs swapped",
        from: "  \"Kreml-Sprecher Dmitri Peskow verteidigte die etwaige Zusammenarbeit der beiden Länder: «Das Potenzial für die Entwicklung unserer Beziehungen ist sehr gross.» Es gehe zudem niemanden etwas an, wenn Russland seine Beziehungen zu einem Nachbarland intensiviere.\",\n  \"Auch zu China und dem Iran pflegt Putin ein gutes Verhältnis. Der Iran liefert Russland seit längerem Kriegsgeräte. Darunter fallen auch Drohnen, die im Kampf gegen die Ukraine eingesetzt werden.\",\n",
        to: "  \"Auch zu China und dem Iran pflegt Putin ein gutes Verhältnis. Der Iran liefert Russland seit längerem Kriegsgeräte. Darunter fallen auch Drohnen, die im Kampf gegen die Ukraine eingesetzt werden.\",\n  \"Kreml-Sprecher Dmitri Peskow verteidigte die etwaige Zusammenarbeit der beiden Länder: «Das Potenzial für die Entwicklung unserer Beziehungen ist sehr gross.» Es gehe zudem niemanden etwas an, wenn Russland seine Beziehungen zu einem Nachbarland intensiviere.\",\n",
        expect: &[(
            "  \"^Kreml-Sprecher Dmitri Peskow verteidigte",
            "paragraph is out of the article's order",
        )],
    },
    Mutation {
        what: "a sentence of a paragraph repeated as a paragraph of its own",
        from: "paragraphs = [\n  \"Dass Russland",
        to: "paragraphs = [\n  \"Dass Russland und Nordkorea miteinander liebäugeln, bereitet der US-Regierung schon seit längerem Sorgen.\",\n  \"Dass Russland",
        expect: &[(
            "Sorgen.\",\n  \"^Dass Russland",
            "paragraph is out of the article's order",
        )],
    },
    Mutation {
        what: "a paragraph repeated",
        from: "eingesetzt werden.\",\n]",
        to: "eingesetzt werden.\",\n  \"Auch zu China und dem Iran pflegt Putin ein gutes Verhältnis. Der Iran liefert Russland seit längerem Kriegsgeräte. Darunter fallen auch Drohnen, die im Kampf gegen die Ukraine eingesetzt werden.\",\n]",
        expect: &[(
            "werden.\",\n  \"^Auch zu China",
            "paragraph is out of the article's order: the article has it earlier (moved or repeated?)",
        )],
    },
    Mutation {
        what: "a word dropped from a quote",
        from: "text = \"Wir erwarten, dass sich Putin um eine engere sicherheitspolitische",
        to: "text = \"Wir erwarten, dass sich Putin um eine sicherheitspolitische",
        expect: &[(
            "um eine ^sicherheitspolitische",
            "quote is not verbatim in the article: leaves out `engere`",
        )],
    },
    Mutation {
        what: "a quote with its quotation marks",
        from: "text = \"enger Zusammenarbeit\"",
        to: "text = \"«enger Zusammenarbeit»\"",
        expect: &[(
            "text = \"^«enger Zusammenarbeit»\"",
            "quote includes its quotation marks",
        )],
    },
    Mutation {
        what: "an alias the article does not have",
        from: "aliases = [\"Putin\",",
        to: "aliases = [\"Wladimir W. Putin\",",
        expect: &[(
            "aliases = [\"Wladimir ^W. Putin\"",
            "alias is not verbatim in the article: adds `W.`",
        )],
    },
    Mutation {
        what: "a changed word in a figure's excerpt",
        from: "value = \"seit Monaten\"\nlabel = \"Dauer der nordkoreanischen Munitionslieferungen an Russland\"\nexcerpt = \"Nordkorea liefert Russland bereits seit Monaten Munition.\"",
        to: "value = \"seit Monaten\"\nlabel = \"Dauer der nordkoreanischen Munitionslieferungen an Russland\"\nexcerpt = \"Nordkorea liefert Russland bereits seit Jahren Munition.\"",
        expect: &[(
            "bereits seit ^Jahren Munition",
            "figure excerpt is not verbatim in the article: `Jahren` where the article has `Monaten`",
        )],
    },
    Mutation {
        what: "a topic the article does not have",
        from: "\"Pjöngjang\", \"Drohnen\"]",
        to: "\"Pjöngjang\", \"Raketen\"]",
        expect: &[("\"^Raketen\"]", "topic is not in the article")],
    },
    Mutation {
        what: "a hyphen turned into a dash",
        from: "sollen an Kim Jong-un gehen. Für einen Austausch",
        to: "sollen an Kim Jong–un gehen. Für einen Austausch",
        expect: &[(
            "an Kim Jong^–un gehen. Für",
            "paragraph is not verbatim in the article: dash `–` where the article has `-`",
        )],
    },
    Mutation {
        what: "a word's case changed in a heading",
        from: "heading = \"Nordkorea als einer",
        to: "heading = \"Nordkorea Als einer",
        expect: &[(
            "heading = \"Nordkorea ^Als einer",
            "(upper and lower case differ)",
        )],
    },
    Mutation {
        what: "the lede left out",
        from: "lede = \"Wladimir Putin und Kim Jong-un könnten kommende Woche ihr Bündnis verstärken. Nordkorea liefert Russland bereits seit Monaten Munition.\"\n",
        to: "",
        expect: &[(
            "summary = [\n  \"^Russlands Präsident",
            "the briefing leaves out article text before this summary point",
        )],
    },
];

/// Line and column (1-based, in characters) of byte `at` of `text`.
fn line_col(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap().chars().count() + 1;
    (line, col)
}

/// Where `snippet` (with `^` at the place) points in `text`; it must be
/// there once.
fn place(text: &str, snippet: &str) -> (usize, usize) {
    let caret = snippet.find('^').expect("a ^ in the snippet");
    let plain = snippet.replacen('^', "", 1);
    let found: Vec<usize> = text.match_indices(&plain).map(|(i, _)| i).collect();
    assert_eq!(
        found.len(),
        1,
        "{snippet:?} is in the mutated file {} times",
        found.len()
    );
    line_col(text, found[0] + caret)
}

#[test]
fn the_bundled_briefing_verifies() {
    let problems = verify_text(BUNDLED, "b.toml", ARTICLE, "a.txt").unwrap();
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn every_mutation_is_caught_at_its_line_and_column() {
    assert!(MUTATIONS.len() >= 20);
    let mut failures = Vec::new();
    for m in MUTATIONS {
        assert_eq!(
            BUNDLED.matches(m.from).count(),
            1,
            "{}: `from` must be in the file once",
            m.what
        );
        let mutated = BUNDLED.replacen(m.from, m.to, 1);
        let problems = match verify_text(&mutated, "b.toml", ARTICLE, "a.txt") {
            Ok(problems) => problems,
            Err(e) => panic!("{}: the mutated copy does not load: {e}", m.what),
        };
        let mut expected: Vec<String> = m
            .expect
            .iter()
            .map(|(snippet, _)| {
                let (line, col) = place(&mutated, snippet);
                format!("b.toml:{line}:{col}:")
            })
            .collect();
        expected.sort();
        let mut got: Vec<String> = problems
            .iter()
            .map(|p| p.split(' ').next().unwrap_or_default().to_string())
            .collect();
        got.sort();
        let words_ok = m.expect.iter().all(|(snippet, words)| {
            let (line, col) = place(&mutated, snippet);
            let at = format!("b.toml:{line}:{col}: ");
            problems
                .iter()
                .any(|p| p.starts_with(&at) && p.contains(words))
        });
        if got != expected || !words_ok {
            failures.push(format!(
                "{}:\n  expected {:?}\n  got {problems:#?}",
                m.what, m.expect
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
