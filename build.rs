//! Validates the bundled briefing at build time, with the program's own
//! loader, and turns it into Rust code: the binary then starts without
//! parsing it (parsing was most of the start-up). A broken bundled briefing
//! fails the build with the same `PATH:LINE:COLUMN` lines as `--check`.

use std::fmt::Write as _;
use std::path::PathBuf;

#[path = "src/briefing/mod.rs"]
#[allow(dead_code, unused_imports)]
mod briefing;

use briefing::{Briefing, SourceKind};

const SOURCE: &str = "content/nordkorea-russland.toml";

fn main() {
    println!("cargo::rerun-if-changed={SOURCE}");
    println!("cargo::rerun-if-changed=src/briefing");
    let b = match briefing::parse(briefing::BUNDLED, SOURCE) {
        Ok(b) => b,
        Err(e) => {
            for line in e.to_string().lines() {
                println!("cargo::error={line}");
            }
            return;
        }
    };
    let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default()).join("bundled.rs");
    if let Err(e) = std::fs::write(&out, code(&b)) {
        println!("cargo::error=cannot write {}: {e}", out.display());
    }
}

/// A Rust expression that builds `b`.
fn code(b: &Briefing) -> String {
    let mut o = String::from("Briefing {\n");
    let _ = writeln!(
        o,
        "lang: {},\ntitle: {},\nlede: {},",
        s(&b.lang),
        s(&b.title),
        s(&b.lede)
    );
    let _ = writeln!(
        o,
        "summary: {},\ntopics: {},\narticle: {},",
        strings(&b.summary),
        strings(&b.topics),
        opt(b.article.as_deref())
    );
    o.push_str("actors: vec![\n");
    for a in &b.actors {
        let _ = writeln!(
            o,
            "Actor {{ id: {}, name: {}, kind: ActorKind::{:?}, role: {}, aliases: {} }},",
            s(&a.id),
            s(&a.name),
            a.kind,
            s(&a.role),
            strings(&a.aliases)
        );
    }
    o.push_str("],\nrelations: vec![\n");
    for r in &b.relations {
        let _ = writeln!(
            o,
            "Relation {{ from: {}, to: {}, what: {}, attribution: {:?}, qualifier: {}, excerpt: {} }},",
            r.from,
            r.to,
            s(&r.what),
            r.attribution,
            opt(r.qualifier.as_deref()),
            opt(r.excerpt.as_deref())
        );
    }
    o.push_str("],\nfigures: vec![\n");
    for f in &b.figures {
        let number = f
            .number
            .map_or("None".to_string(), |n| format!("Some({n:?}_f64)"));
        let _ = writeln!(
            o,
            "Figure {{ value: {}, number: {number}, unit: {}, label: {}, qualifier: {}, attribution: {:?}, excerpt: {} }},",
            s(&f.value),
            opt(f.unit.as_deref()),
            s(&f.label),
            opt(f.qualifier.as_deref()),
            f.attribution,
            s(&f.excerpt)
        );
    }
    o.push_str("],\nquotes: vec![\n");
    for q in &b.quotes {
        let _ = writeln!(
            o,
            "Quote {{ text: {}, speaker: {}, context: {} }},",
            s(&q.text),
            q.speaker,
            s(&q.context)
        );
    }
    o.push_str("],\nsections: vec![\n");
    for sec in &b.sections {
        let _ = writeln!(
            o,
            "Section {{ heading: {}, paragraphs: {} }},",
            opt(sec.heading.as_deref()),
            strings(&sec.paragraphs)
        );
    }
    o.push_str("],\nsources: vec![\n");
    for src in &b.sources {
        let kind = match src.kind {
            SourceKind::Media => "Media",
            SourceKind::Official => "Official",
            SourceKind::Document => "Document",
            SourceKind::Other => "Other",
        };
        let _ = writeln!(
            o,
            "Source {{ name: {}, kind: SourceKind::{kind}, actor: {:?}, cited_for: {} }},",
            s(&src.name),
            src.actor,
            s(&src.cited_for)
        );
    }
    o.push_str("],\n}\n");
    o
}

/// A `String` from a literal (`Debug` of a `str` is a valid Rust literal).
fn s(text: &str) -> String {
    format!("String::from({text:?})")
}

fn opt(text: Option<&str>) -> String {
    text.map_or("None".to_string(), |t| format!("Some({})", s(t)))
}

fn strings(items: &[String]) -> String {
    let parts: Vec<String> = items.iter().map(|t| s(t)).collect();
    format!("vec![{}]", parts.join(", "))
}
