//! Finding the briefings: every `*.toml` file in a folder and below it,
//! within limits, without following symlinked folders and without opening
//! anything.
//!
//! Symlinked folders are never followed (no loops, no walking out of the
//! library). A symlinked file is listed only when it resolves to a regular
//! file inside the library folder. Sockets, FIFOs and devices are skipped on
//! their file type alone, so the walk never blocks.

use std::fs;
use std::path::{Path, PathBuf};

use super::date::Stamp;

/// How far a walk may go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScanLimits {
    /// Most briefing files listed.
    pub max_files: usize,
    /// Deepest folder entered (the library folder is depth 0).
    pub max_depth: usize,
}

impl Default for ScanLimits {
    fn default() -> Self {
        Self {
            max_files: 50_000,
            max_depth: 16,
        }
    }
}

/// One briefing file found: where, how large, when last changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Path relative to the library folder.
    pub rel: PathBuf,
    /// Size in bytes.
    pub size: u64,
    /// Modification time.
    pub modified: Stamp,
}

/// What a walk found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scanned {
    /// The files, sorted by relative path.
    pub files: Vec<Found>,
    /// The file limit cut the walk short.
    pub too_many_files: bool,
    /// Folders deeper than the limit were left out.
    pub too_deep: bool,
    /// Folders that could not be read (permissions), not counting the top.
    pub unreadable: usize,
}

impl Scanned {
    /// Whether a limit left files out.
    pub fn truncated(&self) -> bool {
        self.too_many_files || self.too_deep
    }
}

/// Walks `dir`.
///
/// # Errors
/// When `dir` itself cannot be read as a folder.
pub fn scan(dir: &Path, limits: ScanLimits) -> std::io::Result<Scanned> {
    let top = fs::read_dir(dir)?;
    // Only needed to check symlinked files; a folder that cannot be
    // resolved simply admits none.
    let root = fs::canonicalize(dir).ok();
    let mut out = Scanned::default();
    let mut pending = vec![(PathBuf::new(), 0usize, Some(top))];
    while let Some((rel, depth, entries)) = pending.pop() {
        let Some(entries) = entries.or_else(|| fs::read_dir(dir.join(&rel)).ok()) else {
            out.unreadable += 1;
            continue;
        };
        for entry in entries.flatten() {
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            let name = entry.file_name();
            let child = rel.join(&name);
            if kind.is_dir() {
                if depth + 1 > limits.max_depth {
                    out.too_deep = true;
                } else {
                    pending.push((child, depth + 1, None));
                }
                continue;
            }
            if !is_toml(&name) {
                continue;
            }
            let meta = if kind.is_file() {
                entry.metadata().ok()
            } else if kind.is_symlink() {
                symlinked_file(&dir.join(&child), root.as_deref())
            } else {
                None
            };
            let Some(meta) = meta.filter(fs::Metadata::is_file) else {
                continue;
            };
            if out.files.len() >= limits.max_files {
                out.too_many_files = true;
                break;
            }
            out.files.push(Found {
                rel: child,
                size: meta.len(),
                modified: meta.modified().map(Stamp::of).unwrap_or_default(),
            });
        }
        if out.too_many_files {
            break;
        }
    }
    out.files.sort_by(|a, b| a.rel.cmp(&b.rel));
    Ok(out)
}

/// The target's metadata when a symlink resolves to a file inside `root`.
fn symlinked_file(link: &Path, root: Option<&Path>) -> Option<fs::Metadata> {
    let target = fs::canonicalize(link).ok()?;
    if !target.starts_with(root?) {
        return None;
    }
    fs::metadata(&target).ok()
}

fn is_toml(name: &std::ffi::OsStr) -> bool {
    Path::new(name)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("briefing-scan-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn finds_toml_files_below_and_skips_the_rest() {
        let dir = temp("basic");
        fs::create_dir_all(dir.join("a/b")).unwrap();
        for f in ["x.toml", "a/y.TOML", "a/b/z.toml", "a/readme.md", "a/toml"] {
            fs::write(dir.join(f), "").unwrap();
        }
        let s = scan(&dir, ScanLimits::default()).unwrap();
        let rels: Vec<_> = s.files.iter().map(|f| f.rel.to_str().unwrap()).collect();
        assert_eq!(rels, ["a/b/z.toml", "a/y.TOML", "x.toml"]);
        assert!(!s.truncated());
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn limits_are_kept_and_said() {
        let dir = temp("limits");
        fs::create_dir_all(dir.join("a/b/c")).unwrap();
        for f in ["1.toml", "2.toml", "3.toml", "a/b/c/deep.toml"] {
            fs::write(dir.join(f), "").unwrap();
        }
        let few = scan(
            &dir,
            ScanLimits {
                max_files: 2,
                max_depth: 9,
            },
        )
        .unwrap();
        assert_eq!(few.files.len(), 2);
        assert!(few.too_many_files);
        let shallow = scan(
            &dir,
            ScanLimits {
                max_files: 9,
                max_depth: 2,
            },
        )
        .unwrap();
        assert_eq!(shallow.files.len(), 3);
        assert!(shallow.too_deep && !shallow.too_many_files);
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn symlinks_and_fifos() {
        let dir = temp("links");
        let outside = temp("links-outside");
        fs::write(outside.join("out.toml"), "").unwrap();
        fs::create_dir_all(dir.join("real")).unwrap();
        fs::write(dir.join("real/in.toml"), "").unwrap();
        std::os::unix::fs::symlink(&outside, dir.join("linked-dir")).unwrap();
        std::os::unix::fs::symlink(dir.join("real"), dir.join("loop")).unwrap();
        std::os::unix::fs::symlink(outside.join("out.toml"), dir.join("escape.toml")).unwrap();
        std::os::unix::fs::symlink(dir.join("real/in.toml"), dir.join("alias.toml")).unwrap();
        let fifo = dir.join("pipe.toml");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        let s = scan(&dir, ScanLimits::default()).unwrap();
        let rels: Vec<_> = s.files.iter().map(|f| f.rel.to_str().unwrap()).collect();
        assert_eq!(rels, ["alias.toml", "real/in.toml"]);
        if made.is_ok_and(|m| m.success()) {
            assert!(fifo.exists());
        }
        fs::remove_dir_all(&dir).unwrap();
        fs::remove_dir_all(&outside).unwrap();
    }

    #[test]
    fn a_missing_folder_is_an_error() {
        assert!(scan(Path::new("/nonexistent/briefings"), ScanLimits::default()).is_err());
    }
}
