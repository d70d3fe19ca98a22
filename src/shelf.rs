//! The library screen's state: the list of briefings (loading in the
//! background), its filter, the full-text search through all of them, and
//! the reader opened from it. Changed only by [`Shelf::update`] and by news
//! from the background work ([`Shelf::wake`]); drawn by `view::shelf`.

mod open;
mod results;

pub use open::Opened;
pub use results::{Line, ResultLines};

use std::path::PathBuf;
use std::sync::Arc;

use ratatui::layout::Rect;

use crate::action::{Action, Flow, Mode};
use crate::app::{App, Help, HelpLayout};
use crate::keymap::{Keymap, Screen};
use crate::labels::{Labels, Lang};
use crate::library::index::Presentation;
use crate::library::list::MAX_FILTER_CHARS;
use crate::library::slots::Slots;
use crate::library::{
    Dirs, Indexer, ListState, LoadEvent, Loader, ReadMarks, SearchFile, SearchJob, SearchOptions,
    SearchResults, SortBy,
};
use crate::scroll::{Scroll, Step};
use crate::terminal::event_loop::Waker;
use crate::theme::{ColourLevel, Colours, Theme};

/// Rows a line of the list takes on a screen of `height` and `width`: a
/// title line and, where there is room, a line of topics and counts.
pub fn row_lines(width: u16, height: u16) -> usize {
    if width >= 60 && height >= 12 { 2 } else { 1 }
}

/// Where the library screen's parts go: a pure function of the size, shared
/// by the state (pages, clicks) and the view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShelfLayout {
    /// Below the smallest useful size: a notice only.
    pub too_small: bool,
    /// Title bar.
    pub title: Rect,
    /// Rules under the title and over the status line (tall screens).
    pub rules: Option<(Rect, Rect)>,
    /// The list or the results.
    pub list: Rect,
    /// The selected briefing's detail beside the list (wide screens), and
    /// the rule between them.
    pub detail: Option<(Rect, Rect)>,
    /// Status line.
    pub status: Rect,
}

impl ShelfLayout {
    /// The layout of a `width` x `height` screen.
    pub fn new(width: u16, height: u16) -> Self {
        let (width, height) = crate::geometry::capped(width, height);
        let row = |y: u16| Rect::new(0, y, width, 1);
        let too_small = width < crate::geometry::MIN_WIDTH || height < crate::geometry::MIN_HEIGHT;
        let rules = height >= 8;
        let top = if rules { 2 } else { 1 };
        let bottom = if rules { 2 } else { 1 };
        let body = Rect::new(0, top, width, height.saturating_sub(top + bottom));
        let (list, detail) = if width >= crate::geometry::WIDE {
            let list_w = u16::try_from(u32::from(width) * 3 / 5).unwrap_or(width);
            let list = Rect::new(0, body.y, list_w, body.height);
            let rule = Rect::new(list_w, body.y, 1, body.height);
            let detail = Rect::new(
                list_w + 2,
                body.y,
                width.saturating_sub(list_w + 3),
                body.height,
            );
            (list, Some((detail, rule)))
        } else {
            (body, None)
        };
        Self {
            too_small,
            title: row(0),
            rules: rules.then(|| (row(1), row(height.saturating_sub(2)))),
            list,
            detail,
            status: row(height.saturating_sub(1)),
        }
    }
}

/// Rows of the library's frame above a briefing opened from it.
pub const FRAME_ROWS: u16 = 1;
/// Below this height the frame above an open briefing is left out.
const FRAME_FROM_HEIGHT: u16 = 12;

/// How the library screen was started.
#[derive(Debug, Clone)]
pub struct ShelfOptions {
    /// The library folder.
    pub dir: PathBuf,
    /// Interface language (default: each briefing's own when reading, the
    /// library's labels in German unless said otherwise).
    pub lang: Option<Lang>,
    /// ASCII only.
    pub ascii: bool,
    /// The theme, and the colours the terminal is sent.
    pub colours: Colours,
    /// The keys in force, here and in the briefings opened.
    pub keymap: Arc<Keymap>,
    /// Where the row cache and the read marks live (`None`: nowhere).
    pub dirs: Dirs,
    /// Whether read marks are written (not for served sessions).
    pub keep_marks: bool,
    /// Places shared with other sessions' full-text searches: each search
    /// then runs on one thread once it has a place (served sessions).
    /// `None`: on every core, at once.
    pub search_slots: Option<Arc<Slots>>,
}

/// A prompt being typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Prompt {
    /// The filter, applied as it is typed.
    Filter(String),
    /// A full-text search, run on Enter.
    FullText(String),
}

/// A full-text search and its results.
#[derive(Debug)]
pub struct Found {
    /// What was searched for.
    pub query: String,
    /// The search still running, if it is.
    pub job: Option<SearchJob>,
    /// What it found so far.
    pub results: SearchResults,
    /// The results as lines, and which line is selected.
    pub lines: ResultLines,
    /// Scroll of the results.
    pub scroll: Scroll,
}

/// A briefing open in the reader.
pub struct Reading {
    /// The reader.
    pub app: App,
    /// Whether it was opened at a search hit (then `n` and `N` go on
    /// through the hits of the other briefings).
    pub from_results: bool,
    /// Its path as shown.
    pub shown: String,
}

/// The library screen.
pub struct Shelf {
    pub(crate) options: ShelfOptions,
    pub(crate) shown_dir: String,
    pub(crate) list: ListState,
    pub(crate) marks: ReadMarks,
    pub(crate) loader: Option<Loader>,
    /// Rows loaded and to load, while loading.
    pub(crate) progress: Option<(usize, usize)>,
    /// The walk of the folder stopped at a limit.
    pub(crate) cut_short: bool,
    /// The folder could not be read.
    pub(crate) failed: Option<String>,
    pub(crate) theme: Theme,
    pub(crate) size: (u16, u16),
    pub(crate) scroll: Scroll,
    pub(crate) prompt: Option<Prompt>,
    pub(crate) found: Option<Found>,
    pub(crate) reading: Option<Reading>,
    pub(crate) help: Option<Help>,
    pub(crate) notice: Option<String>,
    pub(crate) waker: Option<Waker>,
    /// Whether the reader moved the selection: until then it stays on the
    /// top row while rows come in.
    pub(crate) moved: bool,
    /// The briefings opened, kept to be shared by whoever opens them again.
    pub(crate) opened: open::Opened,
    /// The rows were given, not loaded here.
    pub(crate) preloaded: bool,
    /// Search indexes being built in the background (after the list has
    /// loaded, and again after a search), so that searches find them cached.
    pub(crate) indexer: Option<Indexer>,
}

impl Shelf {
    /// The library at `options.dir`, loading in the background; rows come
    /// in through [`Shelf::wake`].
    pub fn new(options: ShelfOptions, width: u16, height: u16) -> Self {
        let marks = match (&options.dirs.state, options.keep_marks) {
            (Some(dir), true) => ReadMarks::open(dir),
            _ => ReadMarks::in_memory(),
        };
        let shown_dir = crate::briefing::sanitize::one_line(&options.dir.display().to_string());
        let theme = Theme::new(options.colours);
        let mut shelf = Self {
            shown_dir,
            list: ListState::new(SortBy::Date),
            marks,
            loader: None,
            progress: None,
            cut_short: false,
            failed: None,
            theme,
            size: (width, height),
            scroll: Scroll::default(),
            prompt: None,
            found: None,
            reading: None,
            help: None,
            notice: None,
            waker: None,
            moved: false,
            opened: open::Opened::default(),
            preloaded: false,
            indexer: None,
            options,
        };
        shelf.clamp();
        shelf
    }

    /// A library whose rows are loaded already and shared (served
    /// sessions): nothing loads, nothing is written, and the folder is
    /// named without the server's path to it.
    pub fn with_rows(
        options: ShelfOptions,
        rows: Arc<Vec<crate::library::Row>>,
        opened: open::Opened,
        width: u16,
        height: u16,
    ) -> Self {
        let mut shelf = Self::new(options, width, height);
        shelf.list = ListState::shared(rows, &shelf.marks, SortBy::Date);
        shelf.opened = opened;
        shelf.preloaded = true;
        if let Some(name) = shelf.options.dir.file_name() {
            shelf.shown_dir = crate::briefing::sanitize::one_line(&name.to_string_lossy());
        }
        shelf.clamp();
        shelf
    }

    /// Starts loading the rows; `waker` wakes the event loop when some
    /// arrive (and later when search results do).
    pub fn start(&mut self, waker: Waker) {
        if self.preloaded {
            self.waker = Some(waker);
            return;
        }
        let options = crate::library::LoadOptions {
            cache_dir: self.options.dirs.cache.clone(),
            ..crate::library::LoadOptions::default()
        };
        let wake = Arc::clone(&waker);
        self.loader = Some(Loader::start_waking(
            &self.options.dir,
            options,
            move || wake(),
        ));
        self.waker = Some(waker);
        self.progress = Some((0, 0));
    }

    /// The interface language of the library's own screens.
    pub fn lang(&self) -> Lang {
        self.options.lang.unwrap_or(Lang::De)
    }

    /// The library's labels.
    pub fn labels(&self) -> &'static Labels {
        self.lang().labels_in(self.options.ascii)
    }

    /// Whether everything is drawn in ASCII.
    pub fn ascii(&self) -> bool {
        self.options.ascii
    }

    /// The keys in force.
    pub fn keymap(&self) -> &Keymap {
        &self.options.keymap
    }

    /// The styles.
    pub fn theme(&self) -> &Theme {
        &self.theme
    }

    /// The colours the terminal is sent: no others leave the writer.
    pub fn colour_level(&self) -> ColourLevel {
        self.options.colours.level
    }

    /// The list.
    pub fn list(&self) -> &ListState {
        &self.list
    }

    /// Which screen takes the keys.
    pub fn screen(&self) -> Screen {
        match (&self.reading, &self.found) {
            (Some(_), _) => Screen::Hosted,
            (None, Some(_)) => Screen::Results,
            (None, None) => Screen::Library,
        }
    }

    /// What the keyboard drives on the library's own screens.
    pub fn mode(&self) -> Mode {
        if self.help.is_some() {
            Mode::Help
        } else if self.prompt.is_some() {
            Mode::Search
        } else {
            Mode::Normal
        }
    }

    /// The open briefing, if one is.
    pub fn reading(&self) -> Option<&Reading> {
        self.reading.as_ref()
    }

    /// The open briefing, to give it keys.
    pub fn reading_mut(&mut self) -> Option<&mut Reading> {
        self.reading.as_mut()
    }

    /// The full-text search, if one was made.
    pub fn found(&self) -> Option<&Found> {
        self.found.as_ref()
    }

    /// The prompt being typed.
    pub fn prompt(&self) -> Option<&Prompt> {
        self.prompt.as_ref()
    }

    /// The help overlay, when open.
    pub fn help(&self) -> Option<&Help> {
        self.help.as_ref()
    }

    /// The status line's message.
    pub fn notice(&self) -> Option<&str> {
        self.notice.as_deref()
    }

    /// Rows loaded and to load, while loading.
    pub fn progress(&self) -> Option<(usize, usize)> {
        self.progress
    }

    /// Whether the walk of the folder stopped at a limit.
    pub fn cut_short(&self) -> bool {
        self.cut_short
    }

    /// Why the folder could not be read, if it could not.
    pub fn failed(&self) -> Option<&str> {
        self.failed.as_deref()
    }

    /// The library folder as shown.
    pub fn shown_dir(&self) -> &str {
        &self.shown_dir
    }

    /// The screen's size.
    pub fn size(&self) -> (u16, u16) {
        self.size
    }

    /// The top line of the list.
    pub fn scroll(&self) -> &Scroll {
        &self.scroll
    }

    /// Where everything goes.
    pub fn layout(&self) -> ShelfLayout {
        ShelfLayout::new(self.size.0, self.size.1)
    }

    /// Rows of the list or results on screen.
    pub fn page_rows(&self) -> usize {
        usize::from(self.layout().list.height).max(1)
    }

    /// Rows the frame above an open briefing takes.
    pub fn frame_rows(&self) -> u16 {
        if self.size.1 >= FRAME_FROM_HEIGHT {
            FRAME_ROWS
        } else {
            0
        }
    }

    /// Takes what the background work sent: rows, search results.
    pub fn wake(&mut self) {
        while let Some(event) = self.loader.as_ref().and_then(Loader::try_recv) {
            match event {
                LoadEvent::Scanned {
                    total,
                    too_many_files,
                    too_deep,
                    ..
                } => {
                    self.progress = Some((0, total));
                    self.cut_short = too_many_files || too_deep;
                }
                LoadEvent::Rows { rows, done, total } => {
                    self.list.push(rows, &self.marks);
                    if !self.moved {
                        self.list.select(0);
                    }
                    self.progress = Some((done, total));
                }
                LoadEvent::Done { .. } => {
                    self.progress = None;
                    self.loader = None;
                    self.start_indexing();
                }
                LoadEvent::Failed(why) => {
                    self.failed = Some(why);
                    self.progress = None;
                    self.loader = None;
                }
            }
        }
        let mut searched = false;
        if let Some(found) = &mut self.found {
            while let Some(event) = found.job.as_ref().and_then(SearchJob::try_recv) {
                let done = matches!(event, crate::library::SearchEvent::Done { .. });
                found.results.apply(event);
                if done {
                    found.job = None;
                    searched = true;
                }
            }
            found.lines.rebuild(&found.results);
        }
        if searched {
            // A filtered list was searched in part: index the rest.
            self.start_indexing();
        }
        self.clamp();
    }

    /// How the reader will show briefings: their search indexes depend on it.
    fn presentation(&self) -> Presentation {
        Presentation {
            lang: self.options.lang,
            ascii: self.options.ascii,
        }
    }

    /// Builds the search index of every briefing not yet indexed, in the
    /// background on one thread (the other core stays with the screen).
    /// Not for served sessions: they share rows and take turns searching.
    fn start_indexing(&mut self) {
        let Some(cache) = self.options.dirs.cache.clone() else {
            return;
        };
        if self.preloaded || self.options.search_slots.is_some() || self.loader.is_some() {
            return;
        }
        let dir = &self.options.dir;
        let files = SearchFile::of_rows(dir, self.list.rows());
        if !files.is_empty() {
            self.indexer = Some(Indexer::start(files, cache, self.presentation(), 1));
        }
    }

    /// The background indexing, while there is one.
    pub fn indexer(&self) -> Option<&Indexer> {
        self.indexer.as_ref()
    }

    /// Applies an action on the library's own screens.
    pub fn update(&mut self, action: Action) -> Flow {
        if !matches!(action, Action::Resize(..)) {
            self.notice = None;
        }
        if self.help.is_some() {
            return self.update_help(action);
        }
        match action {
            Action::Quit => return Flow::Quit,
            Action::Suspend => return Flow::Suspend,
            Action::Resize(w, h) => self.resize(w, h),
            Action::Help => self.open_help(),
            Action::Down => self.move_by(Step::Lines(1), true),
            Action::Up => self.move_by(Step::Lines(1), false),
            Action::PageDown => self.move_by(Step::Page, true),
            Action::PageUp => self.move_by(Step::Page, false),
            Action::HalfDown => self.move_by(Step::Half, true),
            Action::HalfUp => self.move_by(Step::Half, false),
            Action::Top => self.move_by(Step::End, false),
            Action::Bottom => self.move_by(Step::End, true),
            Action::Wheel(n) => self.wheel(n),
            Action::Click(_, y) => self.click(y),
            Action::Open => self.open_selected(),
            Action::Filter => {
                let text = self.list.filter().to_string();
                self.prompt = Some(Prompt::Filter(text));
            }
            Action::FullText => {
                let text = self
                    .found
                    .as_ref()
                    .map(|f| f.query.clone())
                    .unwrap_or_default();
                self.prompt = Some(Prompt::FullText(text));
            }
            Action::Sort => {
                self.list.toggle_sort();
                let said = match self.list.sort() {
                    SortBy::Title => self.labels().sorted_by_title,
                    SortBy::Date => self.labels().sorted_by_date,
                };
                self.notice = Some(said.to_string());
            }
            Action::UnreadOnly => {
                self.list.toggle_unread();
                let said = if self.list.unread_only() {
                    self.labels().unread_only
                } else {
                    self.labels().all_shown
                };
                self.notice = Some(said.to_string());
            }
            Action::SearchNext => self.step_results(true),
            Action::SearchPrev => self.step_results(false),
            Action::SearchInput(c) => self.type_char(c),
            Action::SearchDelete => self.delete_char(),
            Action::SearchClear => self.set_prompt_text(String::new()),
            Action::SearchSubmit => self.submit(),
            Action::SearchCancel => self.cancel_prompt(),
            Action::Escape => self.escape(),
            _ => {}
        }
        self.clamp();
        Flow::Continue
    }

    fn update_help(&mut self, action: Action) -> Flow {
        match action {
            Action::Quit => return Flow::Quit,
            Action::Suspend => return Flow::Suspend,
            Action::Resize(w, h) => self.resize(w, h),
            Action::Escape | Action::Help => self.help = None,
            _ => {}
        }
        if let Some(help) = &mut self.help {
            help.scroll_for(action);
        }
        Flow::Continue
    }

    fn open_help(&mut self) {
        let area = ratatui::layout::Rect::new(0, 0, self.size.0, self.size.1);
        let layout = HelpLayout::new(
            &self.options.keymap,
            self.screen(),
            self.lang(),
            self.ascii(),
            area,
        );
        self.help = Some(Help::new(layout));
    }

    /// The terminal has a new size.
    pub fn resize(&mut self, width: u16, height: u16) {
        let (width, height) = crate::geometry::capped(width, height);
        self.size = (width, height);
        let frame = self.frame_rows();
        if let Some(reading) = &mut self.reading {
            reading
                .app
                .update(Action::Resize(width, height.saturating_sub(frame)));
        }
        let (screen, lang, ascii) = (self.screen(), self.lang(), self.ascii());
        if let Some(help) = &mut self.help {
            let area = ratatui::layout::Rect::new(0, 0, width, height);
            help.relaid(HelpLayout::new(
                &self.options.keymap,
                screen,
                lang,
                ascii,
                area,
            ));
        }
        self.clamp();
    }

    /// Lines per list row now.
    pub fn row_lines(&self) -> usize {
        row_lines(self.size.0, self.size.1)
    }

    /// Keeps the scroll and the selection in range and the selection in view.
    fn clamp(&mut self) {
        let page = self.page_rows();
        if let Some(found) = &mut self.found {
            found.scroll.set_extent(found.lines.len(), page);
            if let Some(selected) = found.lines.selected() {
                found.scroll.reveal(selected..selected + 1, true);
            }
            return;
        }
        let per = self.row_lines();
        let rows = self.list.view().len();
        self.scroll.set_extent(rows, (page / per).max(1));
        if let Some(selected) = self.list.selected() {
            self.scroll.reveal(selected..selected + 1, true);
        }
    }

    /// Moves the selection in the list or the results.
    fn move_by(&mut self, step: Step, down: bool) {
        self.moved = true;
        if let Some(found) = &mut self.found {
            let n = found.scroll.lines_of(step);
            found.lines.move_by(n, down);
            return;
        }
        let per = self.row_lines();
        let page = (self.page_rows() / per).max(1);
        let n = match step {
            Step::Lines(n) => n,
            Step::Page => page,
            Step::Half => page.div_ceil(2),
            Step::End => usize::MAX,
        };
        let at = self.list.selected().unwrap_or(0);
        let to = if down {
            at.saturating_add(n)
        } else {
            at.saturating_sub(n)
        };
        self.list.select(to);
    }

    fn wheel(&mut self, notches: i16) {
        let lines = usize::from(notches.unsigned_abs()) * 3;
        self.move_by(Step::Lines(lines), notches > 0);
    }

    /// A click on a row of the list (a line of the results) selects it.
    fn click(&mut self, y: u16) {
        let list = self.layout().list;
        if y >= list.bottom() {
            return;
        }
        let Some(line) = usize::from(y).checked_sub(usize::from(list.y)) else {
            return;
        };
        if let Some(found) = &mut self.found {
            found.lines.select_line(found.scroll.top() + line);
            return;
        }
        let row = self.scroll.top() + line / self.row_lines();
        if row < self.list.view().len() {
            self.list.select(row);
        }
    }

    fn type_char(&mut self, c: char) {
        let Some(prompt) = &self.prompt else { return };
        let mut text = match prompt {
            Prompt::Filter(t) | Prompt::FullText(t) => t.clone(),
        };
        if c.is_control() || text.chars().count() >= MAX_FILTER_CHARS {
            return;
        }
        text.push(c);
        self.set_prompt_text(text);
    }

    fn delete_char(&mut self) {
        let Some(prompt) = &self.prompt else { return };
        let mut text = match prompt {
            Prompt::Filter(t) | Prompt::FullText(t) => t.clone(),
        };
        if text.pop().is_none() {
            self.prompt = None;
            return;
        }
        self.set_prompt_text(text);
    }

    /// The prompt's text changed: a filter applies at once.
    fn set_prompt_text(&mut self, text: String) {
        match &mut self.prompt {
            Some(Prompt::Filter(t)) => {
                self.list.set_filter(&text);
                *t = text;
            }
            Some(Prompt::FullText(t)) => *t = text,
            None => {}
        }
    }

    fn submit(&mut self) {
        // A filter stays as typed; the list takes the keys again.
        if let Some(Prompt::FullText(query)) = self.prompt.take()
            && !query.trim().is_empty()
        {
            self.search(query);
        }
    }

    fn cancel_prompt(&mut self) {
        if let Some(Prompt::Filter(_)) = self.prompt.take() {
            self.list.set_filter("");
        }
    }

    fn escape(&mut self) {
        if self.found.take().is_some() {
            return;
        }
        self.list.set_filter("");
    }

    /// Starts a full-text search through every briefing in the list's
    /// order; results come in through [`Shelf::wake`].
    fn search(&mut self, query: String) {
        // The search indexes what it reads itself; two would compete.
        self.indexer = None;
        let dir = self.options.dir.clone();
        let shown = self.list.view().iter().filter_map(|&i| self.list.row(i));
        let files = SearchFile::of_rows(&dir, shown);
        let options = SearchOptions {
            cache_dir: self.options.dirs.cache.clone(),
            presentation: self.presentation(),
            threads: if self.options.search_slots.is_some() {
                1
            } else {
                crate::library::loader::default_threads()
            },
            slots: self.options.search_slots.clone(),
            ..SearchOptions::default()
        };
        let waker = self.waker.clone();
        let job = SearchJob::start_waking(files, &query, options, move || {
            if let Some(w) = &waker {
                w();
            }
        });
        self.found = Some(Found {
            query,
            job: Some(job),
            results: SearchResults::default(),
            lines: ResultLines::default(),
            scroll: Scroll::default(),
        });
    }

    /// `n` / `N` on the results: the next hit, across briefings.
    fn step_results(&mut self, forward: bool) {
        if let Some(found) = &mut self.found {
            found.lines.step(forward);
        }
    }
}
