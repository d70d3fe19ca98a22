//! End-to-end figures in a pseudo-terminal at 80x24, side by side with
//! `less` showing the same text: start to first complete frame, bytes
//! written per key, latency from key to finished frame, peak memory.
//!
//! Run: `cargo bench --bench terminal` (needs `less`; Debian: `apt install less`).

// A measuring harness: a panic is a failed measurement, and the counts are
// far too small to lose precision as floats.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice,
    clippy::cast_precision_loss
)]

#[path = "support/large.rs"]
mod large;

#[path = "support/pty.rs"]
mod pty;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

use pty::{COLS, ROWS, Run};

use briefing::briefing::parse;
use briefing::doc::{Layout, build_docs};
use briefing::labels::Lang;
use briefing::symbols::Symbols;
use briefing::text::hyphenate::Hyphenator;

/// Copies of the article in the measured text, so that there is room to page.
const COPIES: usize = 10;
const STARTS: usize = 150;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// Writes the briefing and, for `less`, the full text exactly as the reader
/// wraps it in its 78-column text column at 80x24.
fn prepare(dir: &Path, copies: usize) -> (PathBuf, PathBuf, String) {
    let toml = large::repeated(copies);
    let briefing_path = dir.join(format!("measure-{copies}.toml"));
    std::fs::write(&briefing_path, &toml).unwrap();
    let b = parse(&toml, "measure").unwrap();
    let docs = build_docs(&b, Lang::De.labels(), &Symbols::UNICODE);
    let text_doc = &docs[4];
    let layout = Layout::new(text_doc, COLS - 2, Hyphenator::new("de"));
    let mut text = String::new();
    for line in &layout.lines {
        let block = &text_doc.blocks[line.block as usize];
        let hyphen = if line.hyphen { "-" } else { "" };
        let _ = writeln!(
            text,
            "{}{}{hyphen}",
            Layout::lead(block, line),
            &block.text[line.range()]
        );
    }
    let text_path = dir.join(format!("measure-{copies}.txt"));
    std::fs::write(&text_path, &text).unwrap();
    // A line both programs show on their first page (row 19 of the text).
    let marker = text
        .lines()
        .filter(|l| l.len() > 30)
        .nth(12)
        .unwrap()
        .trim()
        .to_string();
    (briefing_path, text_path, marker)
}

struct Program {
    name: &'static str,
    path: PathBuf,
    args: Vec<String>,
}

fn main() {
    let less = which("less").expect("`less` is needed for the side-by-side figures");
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let binary = PathBuf::from(env!("CARGO_BIN_EXE_briefing"));
    println!("Terminal figures at {COLS}x{ROWS}, side by side with less on the same text.\n");
    startup(&dir, &binary, &less);
    keys(&dir, &binary, &less);
}

/// Start to first complete frame, the bundled briefing against `less`:
/// `briefing` as a reader starts it (the overview) against `less` on the
/// briefing's plain text, and the full-text pane against `less` on the
/// same lines.
fn startup(dir: &Path, binary: &Path, less: &Path) {
    let plain = std::process::Command::new(binary)
        .args(["--plain", "--width", "80"])
        .output()
        .unwrap()
        .stdout;
    let plain_path = dir.join("plain-80.txt");
    std::fs::write(&plain_path, plain).unwrap();
    let overview_marker = "Die USA und Südkorea befürchten eine Verstärkung der Beziehungen.";
    compare_start(
        "`briefing` (the overview) and `less` on `briefing --plain --width 80`",
        &[
            (binary, vec![]),
            (less, vec![plain_path.display().to_string()]),
        ],
        overview_marker,
    );
    let (_, article_text, marker) = prepare(dir, 1);
    compare_start(
        "`briefing --section text` and `less` on the full text as the reader wraps it",
        &[
            (binary, vec!["--section".into(), "text".into()]),
            (less, vec![article_text.display().to_string()]),
        ],
        &marker,
    );
}

/// Interleaved runs of two programs until each shows `marker`.
fn compare_start(title: &str, programs: &[(&Path, Vec<String>); 2], marker: &str) {
    let names = ["briefing", "less"];
    let mut starts: [Vec<f64>; 2] = [Vec::new(), Vec::new()];
    let mut rss = [0u64; 2];
    for _ in 0..STARTS {
        for (i, (path, args)) in programs.iter().enumerate() {
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let run = Run::start(path, &args);
            starts[i].push(run.time_until_shown(marker).as_secs_f64() * 1000.0);
            run.settle();
            rss[i] = rss[i].max(run.peak_rss_kib().unwrap_or(0));
            run.quit();
        }
    }
    println!("Start to first complete frame, {title}:\n");
    println!("| start to first frame ({STARTS} runs each) | median | min | max |");
    println!("|---|---|---|---|");
    for (name, v) in names.iter().zip(&starts) {
        let (min, max) = (
            v.iter().copied().fold(f64::MAX, f64::min),
            v.iter().copied().fold(0.0, f64::max),
        );
        println!(
            "| {name} | {:.2} ms | {min:.2} ms | {max:.2} ms |",
            median(v.clone())
        );
    }
    println!(
        "| ratio briefing/less | {:.2} | | |\n",
        median(starts[0].clone()) / median(starts[1].clone())
    );
    println!(
        "Highest peak RSS (VmHWM) over these runs: briefing {} KiB, less {} KiB.\n",
        rss[0], rss[1]
    );
}

/// Bytes written per key, key-to-frame latency and peak memory.
fn keys(dir: &Path, binary: &Path, less: &Path) {
    // Bytes per key: a longer text, so that there is room to page.
    let (briefing_file, text_file, marker) = prepare(dir, COPIES);
    let programs = [
        Program {
            name: "briefing",
            path: binary.to_path_buf(),
            args: vec![
                "--section".into(),
                "text".into(),
                briefing_file.display().to_string(),
            ],
        },
        Program {
            name: "less",
            path: less.to_path_buf(),
            args: vec![text_file.display().to_string()],
        },
    ];
    println!("Keys on {COPIES} copies of the article's text:\n");
    let keys: [(&str, &[u8], usize); 6] = [
        ("one line down (j)", b"j", 20),
        ("one line up (k)", b"k", 20),
        ("page down (Space)", b" ", 4),
        ("page up (b)", b"b", 4),
        ("half page down (d)", b"d", 4),
        ("nothing to do (k at the top)", b"k", 3),
    ];
    let mut table: Vec<Vec<(f64, f64, f64)>> = Vec::new();
    let mut rss = Vec::new();
    let mut latencies: Vec<(String, Vec<f64>)> = Vec::new();
    for p in &programs {
        let args: Vec<&str> = p.args.iter().map(String::as_str).collect();
        let mut run = Run::start(&p.path, &args);
        run.time_until_shown(&marker);
        let mut rows = Vec::new();
        let mut lat = Vec::new();
        for (label, key, n) in keys {
            if label.starts_with("nothing") {
                run.key(b"g");
            }
            let samples: Vec<(usize, Duration)> = (0..n).map(|_| run.key(key)).collect();
            let bytes: Vec<f64> = samples.iter().map(|(b, _)| *b as f64).collect();
            lat.extend(
                samples
                    .iter()
                    .filter(|(b, _)| *b > 0)
                    .map(|(_, d)| d.as_secs_f64() * 1000.0),
            );
            let mean = bytes.iter().sum::<f64>() / bytes.len() as f64;
            let (min, max) = (
                bytes.iter().copied().fold(f64::MAX, f64::min),
                bytes.iter().copied().fold(0.0, f64::max),
            );
            rows.push((mean, min, max));
        }
        rss.push(run.peak_rss_kib());
        latencies.push((p.name.to_string(), lat));
        run.quit();
        table.push(rows);
    }
    println!("| bytes written per key | briefing (mean, min-max) | less (mean, min-max) | ratio |");
    println!("|---|---|---|---|");
    for (i, (label, _, _)) in keys.iter().enumerate() {
        let (b, l) = (table[0][i], table[1][i]);
        let ratio = if l.0 > 0.0 {
            format!("{:.2}", b.0 / l.0)
        } else {
            "-".into()
        };
        println!(
            "| {label} | {:.0} ({:.0}-{:.0}) | {:.0} ({:.0}-{:.0}) | {ratio} |",
            b.0, b.1, b.2, l.0, l.1, l.2
        );
    }
    println!();
    println!("| key to last byte of the frame | median | max | samples |");
    println!("|---|---|---|---|");
    for (name, lat) in &latencies {
        let max = lat.iter().copied().fold(0.0, f64::max);
        println!(
            "| {name} | {:.2} ms | {:.2} ms | {} |",
            median(lat.clone()),
            max,
            lat.len()
        );
    }
    println!();
    println!("| peak RSS (VmHWM) | KiB |");
    println!("|---|---|");
    for (p, r) in programs.iter().zip(&rss) {
        println!(
            "| {} | {} |",
            p.name,
            r.map_or("?".into(), |k| k.to_string())
        );
    }
}

fn which(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH")?
        .to_str()?
        .split(':')
        .map(|d| Path::new(d).join(name))
        .find(|p| p.is_file())
}
