//! Large briefings for benchmarks and scaling figures: the bundled briefing's
//! content repeated, with ids renamed so that every reference still holds.

// Each bench uses its own part of this module.
#![allow(dead_code, clippy::indexing_slicing)]

use std::fmt::Write as _;

use briefing::briefing::{Briefing, load_bundled};

/// The article's own size in bytes (content/sources/article.de.txt).
pub const ARTICLE_BYTES: usize = include_str!("../../content/sources/article.de.txt").len();

/// A TOML basic string literal.
pub fn lit(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
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

fn list(items: &[String]) -> String {
    let parts: Vec<String> = items.iter().map(|s| lit(s)).collect();
    format!("[{}]", parts.join(", "))
}

/// The bundled briefing repeated `copies` times, as TOML text.
pub fn repeated(copies: usize) -> String {
    let b = load_bundled().expect("bundled briefing");
    to_toml(&b, copies.max(1))
}

/// The smallest repetition of the bundled briefing at least `bytes` long.
pub fn at_least(bytes: usize) -> (usize, String) {
    let one = repeated(1).len();
    let mut copies = bytes.div_ceil(one).max(1);
    loop {
        let text = repeated(copies);
        if text.len() >= bytes {
            return (copies, text);
        }
        copies += 1;
    }
}

fn to_toml(b: &Briefing, copies: usize) -> String {
    let mut t = String::new();
    let _ = writeln!(
        t,
        "schema = 1\nlang = {}\ntitle = {}\nlede = {}",
        lit(&b.lang),
        lit(&b.title),
        lit(&b.lede)
    );
    let summary: Vec<String> = (0..copies)
        .flat_map(|_| b.summary.iter().cloned())
        .collect();
    let _ = writeln!(
        t,
        "summary = {}\ntopics = {}",
        list(&summary),
        list(&b.topics)
    );
    let id = |ix: usize, k: usize| format!("{}-{k}", b.actors[ix].id);
    for k in 0..copies {
        for (ix, a) in b.actors.iter().enumerate() {
            let _ = writeln!(
                t,
                "\n[[actors]]\nid = {}\nname = {}\nkind = {}\nrole = {}\naliases = {}",
                lit(&id(ix, k)),
                lit(&a.name),
                lit(a.kind.keyword()),
                lit(&a.role),
                list(&a.aliases)
            );
        }
        for r in &b.relations {
            let _ = write!(
                t,
                "\n[[relations]]\nfrom = {}\nto = {}\nwhat = {}\n",
                lit(&id(r.from, k)),
                lit(&id(r.to, k)),
                lit(&r.what)
            );
            if let Some(a) = r.attribution {
                let _ = writeln!(t, "attribution = {}", lit(&id(a, k)));
            }
            if let Some(q) = &r.qualifier {
                let _ = writeln!(t, "qualifier = {}", lit(q));
            }
            if let Some(e) = &r.excerpt {
                let _ = writeln!(t, "excerpt = {}", lit(e));
            }
        }
        for f in &b.figures {
            let _ = write!(
                t,
                "\n[[figures]]\nvalue = {}\nlabel = {}\nexcerpt = {}\n",
                lit(&f.value),
                lit(&f.label),
                lit(&f.excerpt)
            );
            if let Some(n) = f.number {
                let _ = writeln!(t, "number = {n:?}");
            }
            if let Some(u) = &f.unit {
                let _ = writeln!(t, "unit = {}", lit(u));
            }
            if let Some(q) = &f.qualifier {
                let _ = writeln!(t, "qualifier = {}", lit(q));
            }
            if let Some(a) = f.attribution {
                let _ = writeln!(t, "attribution = {}", lit(&id(a, k)));
            }
        }
        for q in &b.quotes {
            let _ = writeln!(
                t,
                "\n[[quotes]]\ntext = {}\nspeaker = {}\ncontext = {}",
                lit(&q.text),
                lit(&id(q.speaker, k)),
                lit(&q.context)
            );
        }
        for s in &b.sections {
            t.push_str("\n[[sections]]\n");
            if let Some(h) = &s.heading {
                let _ = writeln!(t, "heading = {}", lit(h));
            }
            let _ = writeln!(t, "paragraphs = {}", list(&s.paragraphs));
        }
        for s in &b.sources {
            let _ = write!(
                t,
                "\n[[sources]]\nname = {}\nkind = {}\ncited_for = {}\n",
                lit(&s.name),
                lit(s.kind.keyword()),
                lit(&s.cited_for)
            );
            if let Some(a) = s.actor {
                let _ = writeln!(t, "actor = {}", lit(&id(a, k)));
            }
        }
    }
    t
}
