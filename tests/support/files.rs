//! Scratch folders, and test libraries in them: copies of the fixture
//! folder, so a test may change them.

// Each test binary uses a part of it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// A folder of its own for one test, removed when dropped.
pub struct Scratch(pub PathBuf);

impl Scratch {
    /// An empty folder named for the test and this process.
    pub fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("briefing-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Self(dir)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Copies the folder `from` to `to`, subfolders too.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// The fixture library (`tests/fixtures/library`) and the bundled
/// briefing, copied to `to`.
pub fn library_at(to: &Path) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    copy_dir(&root.join("tests/fixtures/library"), to);
    std::fs::copy(
        root.join("content/nordkorea-russland.toml"),
        to.join("nordkorea-russland.toml"),
    )
    .unwrap();
}

/// The fixture library's briefings (and its broken files), newest first in
/// the dates [`dated_library_at`] gives them.
pub const DATED: [&str; 6] = [
    "nordkorea-russland.toml",
    "de/gemeinderat-brunnwil.toml",
    "en/harbour-lanterns.toml",
    "nested/deeper/bibliothek-nachtlesen.toml",
    "broken/syntax.toml",
    "broken/unknown-speaker.toml",
];

/// [`library_at`], with distinct file dates one day apart in the order of
/// [`DATED`], so that the list's order (newest first) is fixed.
pub fn dated_library_at(to: &Path) {
    library_at(to);
    let day = std::time::Duration::from_secs(86_400);
    let base = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_780_000_000);
    for (i, rel) in DATED.iter().enumerate() {
        let file = std::fs::File::options()
            .write(true)
            .open(to.join(rel))
            .unwrap();
        file.set_modified(base - day * u32::try_from(i).unwrap())
            .unwrap();
    }
}
