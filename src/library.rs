//! The library: a folder of briefings as one list, with read marks, a row
//! cache, filtering and a search through every briefing's text.
//!
//! Data flows one way here too: [`scan`] finds the files, [`loader`] turns
//! them into [`row::Row`]s on background threads (through [`cache`]),
//! [`list::ListState`] holds the filtered and sorted view the screen draws,
//! [`search`] streams hits across all briefings (from indexes [`indexer`]
//! builds in the background once the list is loaded), and [`script`] prints both
//! for scripts.

pub mod cache;
pub mod clean;
pub mod codec;
pub mod date;
pub mod hash;
pub mod index;
pub mod indexer;
pub mod json;
pub mod list;
pub mod loader;
pub mod marks;
pub mod outbox;
pub mod queue;
pub mod results;
pub mod row;
pub mod scan;
pub mod script;
pub mod search;
pub mod slots;
pub mod source_lines;

pub use crate::dirs::Dirs;
pub use hash::ContentHash;
pub use indexer::Indexer;
pub use list::{ListState, SortBy};
pub use loader::{LoadEvent, LoadOptions, Loader};
pub use marks::ReadMarks;
pub use results::SearchResults;
pub use row::{Row, RowProblem, Summary};
pub use scan::{ScanLimits, Scanned};
pub use script::{list, load_all, search};
pub use search::{BriefingHits, Hit, SearchEvent, SearchFile, SearchJob, SearchOptions};
