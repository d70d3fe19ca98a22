//! `briefing list DIR` and `briefing search DIR QUERY`: the library for
//! scripts, one line per briefing or per hit (or JSON), grep's exit codes.

use std::io::{self, Write};
use std::path::Path;

use super::clean;
use super::date::Stamp;
use super::json;
use super::loader::{LoadEvent, LoadOptions, Loader};
use super::marks::ReadMarks;
use super::row::Row;
use super::search::{BriefingHits, SearchEvent, SearchFile, SearchJob, SearchOptions};
use crate::dirs::Dirs;

/// `briefing list DIR [--json]`, with the cache and marks of this user.
pub fn list(dir: &Path, json: bool, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    list_with(dir, json, &Dirs::from_process(), out, err)
}

/// `briefing search DIR QUERY [--json]`, with the cache of this user.
pub fn search(dir: &Path, query: &str, json: bool, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    search_with(dir, query, json, &Dirs::from_process(), out, err)
}

/// Loads every row of the library at `dir` (through the cache in `dirs`),
/// sorted by path; limits hit are said on `err`.
///
/// # Errors
/// Why the folder could not be read.
pub fn load_all(dir: &Path, dirs: &Dirs, err: &mut dyn Write) -> Result<Vec<Row>, String> {
    let options = LoadOptions {
        cache_dir: dirs.cache.clone(),
        ..LoadOptions::default()
    };
    let loader = Loader::start(dir, options);
    let mut rows = Vec::new();
    while let Some(event) = loader.recv() {
        match event {
            LoadEvent::Failed(message) => return Err(message),
            LoadEvent::Scanned {
                total,
                too_many_files,
                too_deep,
                ..
            } => {
                let shown = clean::path(dir);
                if too_many_files {
                    let _ = writeln!(
                        err,
                        "briefing: {shown}: only the first {total} briefings are listed (the limit)"
                    );
                }
                if too_deep {
                    let _ = writeln!(
                        err,
                        "briefing: {shown}: folders nested too deep were left out"
                    );
                }
            }
            LoadEvent::Rows { rows: batch, .. } => rows.extend(batch),
            LoadEvent::Done { .. } => break,
        }
    }
    rows.sort_by(|a, b| a.rel.cmp(&b.rel));
    Ok(rows)
}

/// `list` with explicit folders (for tests).
pub fn list_with(
    dir: &Path,
    json: bool,
    dirs: &Dirs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let rows = match load_all(dir, dirs, err) {
        Ok(l) => l,
        Err(message) => {
            let _ = writeln!(err, "briefing: {message}");
            return 2;
        }
    };
    let marks = dirs
        .state
        .as_deref()
        .map_or_else(ReadMarks::in_memory, ReadMarks::open);
    let written = if json {
        write_list_json(dir, &rows, &marks, out)
    } else {
        write_list(dir, &rows, &marks, out)
    };
    finish(written, err)
}

fn write_list(dir: &Path, rows: &[Row], marks: &ReadMarks, out: &mut dyn Write) -> io::Result<()> {
    let mut out = io::BufWriter::new(out);
    for row in rows {
        let path = clean::path(&dir.join(&row.rel));
        let date = row.modified.civil().date();
        if let Ok(s) = &row.content {
            let read = if is_read(row, marks) {
                "read"
            } else {
                "unread"
            };
            writeln!(out, "{path}\t{}\t{}\t{date}\t{read}", s.lang, s.title)?;
        } else {
            let problem = row.problem_line(&path).unwrap_or_default();
            writeln!(out, "{path}\t-\t{problem}\t{date}\tbroken")?;
        }
    }
    out.flush()
}

fn write_list_json(
    dir: &Path,
    rows: &[Row],
    marks: &ReadMarks,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut out = io::BufWriter::new(out);
    writeln!(out, "[")?;
    for (i, row) in rows.iter().enumerate() {
        let path = clean::path(&dir.join(&row.rel));
        let sep = if i + 1 < rows.len() { "," } else { "" };
        let common = format!(
            "\"path\":{},\"modified\":{},\"size\":{},\"hash\":{}",
            json::string(&path),
            json::string(&stamp(row.modified)),
            row.size,
            row.hash
                .map_or_else(|| "null".to_string(), |h| json::string(&h.to_string())),
        );
        match &row.content {
            Ok(s) => writeln!(
                out,
                "{{{common},\"lang\":{},\"title\":{},\"topics\":{},\"quotes\":{},\"figures\":{},\"actors\":{},\"read\":{},\"problem\":null}}{sep}",
                json::string(&s.lang),
                json::string(&s.title),
                json::strings(&s.topics),
                s.quotes,
                s.figures,
                s.actors,
                is_read(row, marks),
            )?,
            Err(_) => writeln!(
                out,
                "{{{common},\"lang\":null,\"title\":null,\"topics\":[],\"quotes\":0,\"figures\":0,\"actors\":0,\"read\":false,\"problem\":{}}}{sep}",
                json::string(&row.problem_line(&path).unwrap_or_default()),
            )?,
        }
    }
    writeln!(out, "]")?;
    out.flush()
}

fn stamp(s: Stamp) -> String {
    s.civil().rfc3339()
}

fn is_read(row: &Row, marks: &ReadMarks) -> bool {
    row.hash.as_ref().is_some_and(|h| marks.is_read(h))
}

/// `search` with explicit folders (for tests).
pub fn search_with(
    dir: &Path,
    query: &str,
    json: bool,
    dirs: &Dirs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    if query.trim().is_empty() {
        let _ = writeln!(err, "briefing: search: the query is empty");
        return 2;
    }
    let rows = match load_all(dir, dirs, err) {
        Ok(l) => l,
        Err(message) => {
            let _ = writeln!(err, "briefing: {message}");
            return 2;
        }
    };
    let files = SearchFile::of_rows(dir, &rows);
    let options = SearchOptions {
        cache_dir: dirs.cache.clone(),
        ..SearchOptions::default()
    };
    let job = SearchJob::start(files, query, options);
    let mut groups = Vec::new();
    let (mut capped, mut failed) = (false, 0);
    while let Some(event) = job.recv() {
        match event {
            SearchEvent::Hits { groups: more, .. } => groups.extend(more),
            SearchEvent::Done {
                capped: c,
                failed: f,
                ..
            } => {
                (capped, failed) = (c, f);
                break;
            }
        }
    }
    groups.sort_by_key(|g| g.order);
    if capped {
        let _ = writeln!(
            err,
            "briefing: search: stopped at the limit of hits; narrow the query"
        );
    }
    if failed > 0 {
        let _ = writeln!(
            err,
            "briefing: search: {failed} briefings could no longer be read"
        );
    }
    let written = if json {
        write_hits_json(query, &groups, capped, out)
    } else {
        write_hits(&groups, out)
    };
    match finish(written, err) {
        0 if groups.is_empty() => 1,
        code => code,
    }
}

fn write_hits(groups: &[BriefingHits], out: &mut dyn Write) -> io::Result<()> {
    let mut out = io::BufWriter::new(out);
    for g in groups {
        let path = clean::path(&g.path);
        for h in &g.hits {
            let snippet = clean::one_line(&h.snippet, 200);
            writeln!(out, "{path}:{}:{}: {snippet}", h.pane.name(), h.line)?;
        }
    }
    out.flush()
}

fn write_hits_json(
    query: &str,
    groups: &[BriefingHits],
    capped: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut out = io::BufWriter::new(out);
    let count: usize = groups.iter().map(|g| g.count).sum();
    writeln!(
        out,
        "{{\"query\":{},\"count\":{count},\"capped\":{capped},\"briefings\":[",
        json::string(&clean::one_line(query, 200))
    )?;
    for (i, g) in groups.iter().enumerate() {
        let hits: Vec<String> = g
            .hits
            .iter()
            .map(|h| {
                format!(
                    "{{\"pane\":{},\"line\":{},\"hit\":{},\"snippet\":{}}}",
                    json::string(h.pane.name()),
                    h.line,
                    h.ordinal,
                    json::string(&clean::one_line(&h.snippet, 200)),
                )
            })
            .collect();
        let sep = if i + 1 < groups.len() { "," } else { "" };
        writeln!(
            out,
            "{{\"path\":{},\"title\":{},\"count\":{},\"hits\":[{}]}}{sep}",
            json::string(&clean::path(&g.path)),
            json::string(&clean::one_line(&g.title, 300)),
            g.count,
            hits.join(","),
        )?;
    }
    writeln!(out, "]}}")?;
    out.flush()
}

/// 0 when written; a closed pipe also ends quietly with 0; other write
/// errors are 2 (grep's "error").
fn finish(written: io::Result<()>, err: &mut dyn Write) -> u8 {
    match written {
        Ok(()) => 0,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            let _ = writeln!(err, "briefing: cannot write the output: {e}");
            2
        }
    }
}
