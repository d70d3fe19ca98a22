//! Read marks: which briefings were opened, as one content hash per line in
//! an append-only text file (two machines' files merge with `sort -u`; a
//! moved or copied briefing keeps its mark). Junk lines are skipped, a huge
//! file is read only in part, and a failed write just leaves the mark
//! in memory.

use std::collections::HashSet;
use std::fs::{self, File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use super::hash::ContentHash;

/// The marks file's name inside the state folder.
pub const FILE_NAME: &str = "read";
/// Most bytes read from the marks file: its newest part, past this.
const MAX_READ: u64 = 16 * 1024 * 1024;

/// The briefings read so far.
#[derive(Debug, Default)]
pub struct ReadMarks {
    read: HashSet<ContentHash>,
    /// Where new marks are appended; `None` keeps them in memory only.
    file: Option<PathBuf>,
}

impl ReadMarks {
    /// Marks kept in `state_dir` (the folder is made on the first mark).
    /// A missing or unreadable file gives no marks, and no error.
    pub fn open(state_dir: &Path) -> Self {
        let file = state_dir.join(FILE_NAME);
        Self {
            read: read_marks(&file),
            file: Some(file),
        }
    }

    /// Marks that live only as long as the program: for single files,
    /// served sessions, and when there is no state folder.
    pub fn in_memory() -> Self {
        Self::default()
    }

    /// Whether the briefing with this hash was read.
    pub fn is_read(&self, hash: &ContentHash) -> bool {
        self.read.contains(hash)
    }

    /// Marks a briefing read, appending it to the file if it is new there.
    pub fn mark_read(&mut self, hash: ContentHash) {
        if !self.read.insert(hash) {
            return;
        }
        if let Some(file) = &self.file
            && append(file, &hash).is_err()
        {
            // Not persisted; the mark still counts for this session.
        }
    }

    /// Number of briefings marked read.
    pub fn len(&self) -> usize {
        self.read.len()
    }

    /// Whether none is.
    pub fn is_empty(&self) -> bool {
        self.read.is_empty()
    }

    /// Whether marks are written to a file.
    pub fn persistent(&self) -> bool {
        self.file.is_some()
    }
}

fn append(file: &Path, hash: &ContentHash) -> std::io::Result<()> {
    if let Some(dir) = file.parent() {
        fs::create_dir_all(dir)?;
    }
    let mut f = OpenOptions::new().create(true).append(true).open(file)?;
    // One write per line, so that two programs appending never interleave.
    f.write_all(format!("{hash}\n").as_bytes())
}

fn read_marks(file: &Path) -> HashSet<ContentHash> {
    let mut marks = HashSet::new();
    let Ok(mut f) = File::open(file) else {
        return marks;
    };
    let Ok(meta) = f.metadata() else { return marks };
    if !meta.is_file() {
        return marks;
    }
    let skip = meta.len().saturating_sub(MAX_READ);
    if skip > 0 && f.seek(SeekFrom::Start(skip)).is_err() {
        return marks;
    }
    let mut bytes = Vec::new();
    if f.take(MAX_READ).read_to_end(&mut bytes).is_err() {
        return marks;
    }
    let mut lines = bytes.split(|&b| b == b'\n');
    if skip > 0 {
        // Started mid-line.
        lines.next();
    }
    for line in lines {
        if let Some(h) = std::str::from_utf8(line)
            .ok()
            .and_then(|l| ContentHash::from_hex(l.trim()))
        {
            marks.insert(h);
        }
    }
    marks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("briefing-marks-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        dir
    }

    #[test]
    fn marks_survive_a_restart_and_are_written_once() {
        let dir = temp("restart");
        let (a, b) = (ContentHash::of(b"a"), ContentHash::of(b"b"));
        let mut marks = ReadMarks::open(&dir);
        assert!(marks.persistent() && marks.is_empty());
        marks.mark_read(a);
        marks.mark_read(a);
        marks.mark_read(b);
        let again = ReadMarks::open(&dir);
        assert!(again.is_read(&a) && again.is_read(&b) && again.len() == 2);
        let text = fs::read_to_string(dir.join(FILE_NAME)).unwrap();
        assert_eq!(text, format!("{a}\n{b}\n"));
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn junk_lines_are_skipped() {
        let dir = temp("junk");
        fs::create_dir_all(&dir).unwrap();
        let a = ContentHash::of(b"a");
        let text = format!("junk\n\n{a}  \r\n{}\n\u{1b}[2J\n", "x".repeat(64));
        fs::write(dir.join(FILE_NAME), text).unwrap();
        let marks = ReadMarks::open(&dir);
        assert_eq!(marks.len(), 1);
        assert!(marks.is_read(&a));
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_huge_file_is_read_only_in_its_newest_part() {
        let dir = temp("huge");
        fs::create_dir_all(&dir).unwrap();
        let (old, new) = (ContentHash::of(b"old"), ContentHash::of(b"new"));
        let mut text = format!("{old}\n");
        let filler = format!("{}\n", "j".repeat(99));
        while (text.len() as u64) < MAX_READ + 1000 {
            text.push_str(&filler);
        }
        text.push_str(&new.to_string());
        text.push('\n');
        fs::write(dir.join(FILE_NAME), text).unwrap();
        let marks = ReadMarks::open(&dir);
        assert!(marks.is_read(&new) && !marks.is_read(&old));
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn in_memory_marks_write_nothing_and_unwritable_places_are_quiet() {
        let mut mem = ReadMarks::in_memory();
        mem.mark_read(ContentHash::of(b"a"));
        assert!(mem.is_read(&ContentHash::of(b"a")) && !mem.persistent());
        let mut ro = ReadMarks::open(Path::new("/proc/briefing-state"));
        ro.mark_read(ContentHash::of(b"a"));
        assert!(ro.is_read(&ContentHash::of(b"a")));
        assert!(!Path::new("/proc/briefing-state").exists());
    }
}
