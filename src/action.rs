//! What the reader can be asked to do, what the keyboard drives, and what
//! the event loop does next: the vocabulary shared by the key table, the
//! state and the event loop.

/// One thing the user asked for, or one thing that happened to the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
pub enum Action {
    /// Jump to the pane at this position (0-5).
    GoTo(usize),
    /// Next pane, wrapping around.
    NextSection,
    /// Previous pane, wrapping around.
    PrevSection,
    /// Scroll down a line, or select the next item.
    Down,
    /// Scroll up a line, or select the previous item.
    Up,
    /// Page down.
    PageDown,
    /// Page up.
    PageUp,
    /// Half a page down.
    HalfDown,
    /// Half a page up.
    HalfUp,
    /// To the top.
    Top,
    /// To the bottom.
    Bottom,
    /// Follow the selected item's link.
    Follow,
    /// Back to where the last link was followed from.
    Back,
    /// Open the search prompt.
    SearchStart,
    /// Type a character into the search prompt.
    SearchInput(char),
    /// Delete the last character of the search prompt.
    SearchDelete,
    /// Clear the search prompt.
    SearchClear,
    /// Run the search typed so far.
    SearchSubmit,
    /// Close the search prompt without searching.
    SearchCancel,
    /// Next search hit.
    SearchNext,
    /// Previous search hit.
    SearchPrev,
    /// Toggle the help overlay.
    Help,
    /// Close the overlay, or clear the search.
    Escape,
    /// Quit.
    Quit,
    /// Suspend to the shell.
    Suspend,
    /// The terminal has a new size.
    Resize(u16, u16),
    /// Mouse wheel: lines to scroll (negative is up).
    Wheel(i16),
    /// Mouse click at a column and row.
    Click(u16, u16),
    /// Open the selected briefing (library).
    Open,
    /// Open the filter prompt (library).
    Filter,
    /// Open the full-text search prompt (library).
    FullText,
    /// Sort by date or by title (library).
    Sort,
    /// Show unread briefings only, or all (library).
    UnreadOnly,
    /// Back to the library from the reader.
    Library,
}

/// What the keyboard currently drives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Reading and navigating.
    Normal,
    /// Typing a search.
    Search,
    /// The help overlay is open.
    Help,
}

/// What the event loop should do after an update.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    /// Keep going.
    Continue,
    /// Restore the terminal and exit.
    Quit,
    /// Restore the terminal, stop until `fg`, then redraw everything.
    Suspend,
}
