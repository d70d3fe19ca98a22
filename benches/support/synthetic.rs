//! Synthetic libraries for the library benchmarks: valid briefings of about
//! 15 KB each, made of invented words (clearly not news: no real names,
//! places or facts), deterministic for a given count.

// Each bench uses its own part of this module.
#![allow(
    dead_code,
    clippy::indexing_slicing,
    clippy::cast_possible_truncation,
    clippy::needless_range_loop
)]

use std::fmt::Write as _;
use std::fs;
use std::path::Path;
use std::time::{Duration, SystemTime};

/// Invented words; a few carry umlauts so that folding has work to do.
const WORDS: &[&str] = &[
    "velk",
    "tarnu",
    "brümo",
    "silk",
    "oppa",
    "dravin",
    "kesso",
    "lümmerak",
    "fando",
    "quibe",
    "morra",
    "tessel",
    "ülvo",
    "garrin",
    "pesk",
    "höltra",
    "nimbo",
    "zark",
    "lorvi",
    "tamb",
    "wesso",
    "krä",
    "duvil",
    "fenna",
    "sotra",
    "mabbel",
    "rinko",
    "yöst",
    "plana",
    "gorrow",
    "estra",
    "bindel",
    "cavo",
    "träsk",
    "hollin",
    "vemma",
    "jassik",
    "oddel",
    "prumm",
    "seltra",
];

/// A word that stands in one briefing in a hundred (a selective query).
pub const RARE: &str = "quendelmoor";
/// A word in every briefing, many times (a broad query).
pub const COMMON: &str = "velk";

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn word(&mut self) -> &'static str {
        WORDS[self.below(WORDS.len())]
    }

    fn sentence(&mut self, words: usize) -> String {
        let mut s = String::new();
        for i in 0..words {
            if i > 0 {
                s.push(' ');
            }
            let w = self.word();
            if i == 0 {
                let mut c = w.chars();
                if let Some(first) = c.next() {
                    s.extend(first.to_uppercase());
                    s.push_str(c.as_str());
                }
            } else {
                s.push_str(w);
            }
        }
        s.push('.');
        s
    }

    fn name(&mut self) -> String {
        let mut n = self.sentence(2);
        n.pop();
        n
    }
}

/// One synthetic briefing, number `i`.
pub fn briefing(i: usize) -> String {
    let mut r = Rng(0x9E37_79B9_7F4A_7C15 ^ (i as u64 + 1).wrapping_mul(0x2545_F491_4F6C_DD1D));
    let mut t = String::new();
    let title = format!("{} {i}", r.sentence(6).trim_end_matches('.'));
    let _ = writeln!(
        t,
        "# Synthetic briefing for benchmarks: invented words, not news."
    );
    let _ = writeln!(
        t,
        "schema = 1\nlang = \"{}\"",
        if i.is_multiple_of(3) { "en" } else { "de" }
    );
    let _ = writeln!(t, "title = \"{title}\"\nlede = \"{}\"", r.sentence(24));
    let summary: Vec<String> = (0..3).map(|_| format!("\"{}\"", r.sentence(12))).collect();
    let _ = writeln!(t, "summary = [{}]", summary.join(", "));
    let topics: Vec<String> = (0..5).map(|_| format!("\"{}\"", r.name())).collect();
    let _ = writeln!(t, "topics = [{}]", topics.join(", "));
    let actors = 10;
    let names: Vec<String> = (0..actors).map(|_| r.name()).collect();
    for (a, name) in names.iter().enumerate() {
        let kind = ["person", "state", "organisation", "media"][a % 4];
        let _ = writeln!(
            t,
            "\n[[actors]]\nid = \"a{a}\"\nname = \"{name}\"\nkind = \"{kind}\"\nrole = \"{}\"",
            r.sentence(10)
        );
    }
    let mut paragraphs: Vec<String> = (0..26).map(|_| r.sentence(55)).collect();
    if i.is_multiple_of(100) {
        paragraphs[3] = format!("{} {RARE} {}", r.sentence(20), r.sentence(20));
    }
    for a in 0..4 {
        let _ = writeln!(
            t,
            "\n[[relations]]\nfrom = \"a{a}\"\nto = \"a{}\"\nwhat = \"{}\"",
            a + 1,
            r.sentence(6)
        );
    }
    for f in 0..8 {
        let p = &paragraphs[f];
        let excerpt: String = p.split(' ').take(8).collect::<Vec<_>>().join(" ");
        let _ = writeln!(
            t,
            "\n[[figures]]\nvalue = \"{f},{} Mio.\"\nlabel = \"{}\"\nattribution = \"a{}\"\nexcerpt = \"{excerpt}\"",
            r.below(10),
            r.sentence(5),
            f % actors
        );
    }
    for q in 0..6 {
        let _ = writeln!(
            t,
            "\n[[quotes]]\ntext = \"{}\"\nspeaker = \"a{}\"\ncontext = \"{}\"",
            r.sentence(18),
            q % actors,
            r.sentence(6)
        );
    }
    for chunk in paragraphs.chunks(6) {
        let list: Vec<String> = chunk.iter().map(|p| format!("  \"{p}\",")).collect();
        let _ = writeln!(
            t,
            "\n[[sections]]\nheading = \"{}\"\nparagraphs = [\n{}\n]",
            r.name(),
            list.join("\n")
        );
    }
    for s in 0..3 {
        let _ = writeln!(
            t,
            "\n[[sources]]\nname = \"{}\"\nkind = \"media\"\nactor = \"a{}\"\ncited_for = \"{}\"",
            names[3 + s * 4 % 7],
            3 + s * 4 % 7,
            r.sentence(5)
        );
    }
    t
}

/// Writes `count` briefings into `dir` (100 per folder), each with its own
/// modification time; an existing library of that size is kept. Returns the
/// total size in bytes.
pub fn library(dir: &Path, count: usize) -> u64 {
    let marker = dir.join(format!(".complete-{count}"));
    let mut bytes = 0;
    if marker.exists() {
        return fs::read_to_string(&marker)
            .ok()
            .and_then(|s| s.trim().parse().ok())
            .unwrap_or(0);
    }
    let _ = fs::remove_dir_all(dir);
    for i in 0..count {
        let folder = dir.join(format!("batch-{:03}", i / 100));
        fs::create_dir_all(&folder).expect("library folder");
        let path = folder.join(format!("briefing-{i:05}.toml"));
        let text = briefing(i);
        bytes += text.len() as u64;
        fs::write(&path, text).expect("briefing file");
        let t = SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000 + i as u64 * 3600);
        let f = fs::File::options().write(true).open(&path).expect("open");
        f.set_modified(t).expect("mtime");
    }
    fs::write(&marker, bytes.to_string()).expect("marker");
    bytes
}
