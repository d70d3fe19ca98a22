//! The library at scale: synthetic libraries of 1,000 and 10,000 briefings
//! (about 15 and 150 MB), and the times the issue sets targets for: first
//! and all rows with a cold and a warm row cache, the filter per key, the
//! search across all briefings (first and all hits, cold and warm index),
//! the background indexing that makes the index warm, and peak memory (each scenario in a process of its own, `VmHWM`).
//!
//! Run: `cargo bench --bench library` (sizes: `LIBRARY_BENCH_SIZES=1000,10000`).
//! The libraries are made once under `target/library-bench/`; "cold" means
//! an empty row cache or search index, with the files in the page cache.

#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::cast_precision_loss
)]

#[path = "support/synthetic.rs"]
mod synthetic;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use briefing::library::index::{FileIndex, Presentation};
use briefing::library::{
    Indexer, ListState, LoadEvent, LoadOptions, Loader, ReadMarks, SearchEvent, SearchFile,
    SearchJob, SearchOptions, SortBy,
};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--child") {
        let mode = args[i + 1].as_str();
        let count: usize = args[i + 2].parse().unwrap();
        child(mode, count);
        return;
    }
    let sizes = std::env::var("LIBRARY_BENCH_SIZES").unwrap_or_else(|_| "1000,10000".into());
    for count in sizes
        .split(',')
        .filter_map(|s| s.trim().parse::<usize>().ok())
    {
        bench(count);
    }
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/library-bench")
}

fn paths(count: usize) -> (PathBuf, PathBuf) {
    (
        root().join(format!("lib-{count}")),
        root().join(format!("cache-{count}")),
    )
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

struct Load {
    first: Duration,
    all: Duration,
    list: ListState,
}

fn load(dir: &Path, cache: &Path) -> Load {
    let start = Instant::now();
    let loader = Loader::start(
        dir,
        LoadOptions {
            cache_dir: Some(cache.to_path_buf()),
            ..LoadOptions::default()
        },
    );
    let marks = ReadMarks::in_memory();
    let mut list = ListState::new(SortBy::Date);
    let mut first = None;
    while let Some(event) = loader.recv() {
        match event {
            LoadEvent::Rows { rows, .. } => {
                list.push(rows, &marks);
                first.get_or_insert_with(|| start.elapsed());
            }
            LoadEvent::Done { .. } => break,
            LoadEvent::Failed(m) => panic!("{m}"),
            LoadEvent::Scanned { .. } => {}
        }
    }
    Load {
        first: first.unwrap_or_default(),
        all: start.elapsed(),
        list,
    }
}

fn cold_rows(cache: &Path) {
    for entry in fs::read_dir(cache).into_iter().flatten().flatten() {
        if entry.file_name().to_string_lossy().starts_with("rows-") {
            fs::remove_file(entry.path()).unwrap();
        }
    }
}

fn cold_index(cache: &Path) {
    let _ = fs::remove_dir_all(cache.join("search"));
}

/// Per-key filter times: typing `word`, then deleting it key by key.
fn filter_keys(list: &mut ListState, word: &str) -> Vec<Duration> {
    let mut times = Vec::new();
    let mut typed = String::new();
    for c in word.chars() {
        typed.push(c);
        let t = Instant::now();
        list.set_filter(&typed);
        times.push(t.elapsed());
    }
    while typed.pop().is_some() {
        let t = Instant::now();
        list.set_filter(&typed);
        times.push(t.elapsed());
    }
    times
}

struct Search {
    first: Option<Duration>,
    all: Duration,
    hits: usize,
    briefings: usize,
    capped: bool,
}

fn search(dir: &Path, cache: &Path, list: &ListState, query: &str) -> Search {
    let files = SearchFile::of_rows(dir, list.rows());
    let start = Instant::now();
    let job = SearchJob::start(
        files,
        query,
        SearchOptions {
            cache_dir: Some(cache.to_path_buf()),
            ..SearchOptions::default()
        },
    );
    let mut first = None;
    while let Some(event) = job.recv() {
        match event {
            SearchEvent::Hits { groups, .. } => {
                if !groups.is_empty() {
                    first.get_or_insert_with(|| start.elapsed());
                }
            }
            SearchEvent::Done {
                count,
                briefings,
                capped,
                ..
            } => {
                return Search {
                    first,
                    all: start.elapsed(),
                    hits: count,
                    briefings,
                    capped,
                };
            }
        }
    }
    panic!("search ended without Done");
}

/// The background indexing the library screen starts once the list has
/// loaded, run to its end: how long, and how many indexes it built.
fn index_all(dir: &Path, cache: &Path, list: &ListState, threads: usize) -> (Duration, usize) {
    let files = SearchFile::of_rows(dir, list.rows());
    let start = Instant::now();
    let indexer = Indexer::start(files, cache.to_path_buf(), Presentation::default(), threads);
    while !indexer.is_finished() {
        std::thread::sleep(Duration::from_millis(2));
    }
    (start.elapsed(), indexer.built())
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn bench(count: usize) {
    let (dir, cache) = paths(count);
    let t = Instant::now();
    let bytes = synthetic::library(&dir, count);
    println!(
        "\n## {count} briefings, {:.1} MB (made or found in {})\n",
        bytes as f64 / 1e6,
        ms(t.elapsed())
    );
    let runs = if count > 2000 { 2 } else { 5 };
    per_file();
    let (mut cf, mut ca, mut wf, mut wa) = (vec![], vec![], vec![], vec![]);
    for _ in 0..runs {
        cold_rows(&cache);
        let cold = load(&dir, &cache);
        cf.push(cold.first);
        ca.push(cold.all);
        let warm = load(&dir, &cache);
        wf.push(warm.first);
        wa.push(warm.all);
    }
    println!("| measure ({runs} runs, median) | time |\n|---|---|");
    println!("| first rows, cold row cache | {} |", ms(median(cf)));
    println!("| all rows, cold row cache | {} |", ms(median(ca)));
    println!("| first rows, warm row cache | {} |", ms(median(wf)));
    println!("| all rows, warm row cache | {} |", ms(median(wa)));
    let mut list = load(&dir, &cache).list;
    for word in [synthetic::RARE, "brumo velk"] {
        let times = filter_keys(&mut list, word);
        let max = times.iter().max().copied().unwrap_or_default();
        println!(
            "| filter per key, `{word}` typed and deleted ({} keys) | median {}, max {} |",
            times.len(),
            ms(median(times.clone())),
            ms(max)
        );
    }
    for threads in [1, 2] {
        cold_index(&cache);
        let (took, built) = index_all(&dir, &cache, &list, threads);
        println!(
            "| background indexing after the list ({threads} thread{}, {built} indexes built) | {} |",
            if threads == 1 { "" } else { "s" },
            ms(took)
        );
    }
    for query in [synthetic::RARE, synthetic::COMMON] {
        for (label, cold) in [("cold index", true), ("warm index", false)] {
            let mut first = vec![];
            let mut all = vec![];
            let mut outcome = None;
            for _ in 0..runs {
                if cold {
                    cold_index(&cache);
                }
                let s = search(&dir, &cache, &list, query);
                first.push(s.first.unwrap_or_default());
                all.push(s.all);
                outcome = Some(s);
            }
            let s = outcome.unwrap();
            println!(
                "| search `{query}`, {label}: first hits / all ({} hits in {} briefings{}) | {} / {} |",
                s.hits,
                s.briefings,
                if s.capped { ", capped" } else { "" },
                ms(median(first)),
                ms(median(all))
            );
        }
    }
    for mode in ["cold", "warm"] {
        let exe = std::env::current_exe().unwrap();
        let out = std::process::Command::new(exe)
            .args(["--child", mode, &count.to_string()])
            .output()
            .unwrap();
        println!(
            "| peak RSS, {mode}: load, filter, search `{}` | {} |",
            synthetic::COMMON,
            String::from_utf8_lossy(&out.stdout).trim()
        );
    }
}

/// CPU per file, one thread: loading (what a row costs) and indexing.
fn per_file() {
    let texts: Vec<String> = (0..200).map(synthetic::briefing).collect();
    let time = |f: &dyn Fn(&str)| {
        let t = Instant::now();
        for text in &texts {
            f(text);
        }
        t.elapsed() / 200
    };
    let parse = time(&|t| {
        let _ = briefing::briefing::parse(t, "x");
    });
    let index = time(&|t| {
        let _ = FileIndex::build(t.as_bytes(), "x", Presentation::default());
    });
    let hash = time(&|t| {
        let _ = briefing::library::ContentHash::of(t.as_bytes());
    });
    println!(
        "per file (one thread, 200 files): load and validate {}, SHA-256 {}, search index {}\n",
        us(parse),
        us(hash),
        us(index)
    );
}

fn us(d: Duration) -> String {
    format!("{:.0} µs", d.as_secs_f64() * 1e6)
}

/// One scenario in a fresh process, printing its peak RSS.
fn child(mode: &str, count: usize) {
    let (dir, cache) = paths(count);
    if mode == "cold" {
        cold_rows(&cache);
        cold_index(&cache);
    }
    let mut list = load(&dir, &cache).list;
    if mode == "profile-build" {
        cold_index(&cache);
        let _ = search(&dir, &cache, &list, synthetic::RARE);
        return;
    }
    if mode == "profile" {
        // For perf: the warm-index search of a rare word, again and again.
        for _ in 0..20 {
            let _ = search(&dir, &cache, &list, synthetic::RARE);
        }
        return;
    }
    let _ = filter_keys(&mut list, synthetic::RARE);
    let _ = search(&dir, &cache, &list, synthetic::COMMON);
    let status = fs::read_to_string("/proc/self/status").unwrap_or_default();
    let hwm = status
        .lines()
        .find(|l| l.starts_with("VmHWM"))
        .map_or("?", |l| l.trim_start_matches("VmHWM:").trim());
    println!("{hwm}");
}
