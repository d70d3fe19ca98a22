//! The six panes, in tab order.

/// One of the six panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PaneId {
    /// Title, lede, key points, topics.
    Overview,
    /// Key figures.
    Figures,
    /// Direct quotes.
    Quotes,
    /// People, states, organisations, media, and their relations.
    Actors,
    /// The full text.
    Text,
    /// Outlets and bodies cited.
    Sources,
}

impl PaneId {
    /// All panes in tab order.
    pub const ALL: [PaneId; 6] = [
        Self::Overview,
        Self::Figures,
        Self::Quotes,
        Self::Actors,
        Self::Text,
        Self::Sources,
    ];

    /// Names on the command line and in output (`--section text`), in tab
    /// order.
    pub const NAMES: [&'static str; 6] =
        ["overview", "figures", "quotes", "actors", "text", "sources"];

    /// Position in tab order, from 0.
    pub fn index(self) -> usize {
        self as usize
    }

    /// Its name on the command line and in output.
    pub fn name(self) -> &'static str {
        Self::NAMES.get(self.index()).copied().unwrap_or("overview")
    }

    /// The pane at a position in tab order, wrapping around.
    pub fn at(index: usize) -> Self {
        Self::ALL
            .get(index % Self::ALL.len())
            .copied()
            .unwrap_or(Self::Overview)
    }

    /// Whether the pane is a list with a selection.
    pub fn is_list(self) -> bool {
        matches!(
            self,
            Self::Figures | Self::Quotes | Self::Actors | Self::Sources
        )
    }
}

/// One value per pane, looked up by [`PaneId`] without any index that
/// could be out of range.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PerPane<T>(pub [T; 6]);

impl<T> PerPane<T> {
    /// The value for `id`.
    pub fn get(&self, id: PaneId) -> &T {
        let [a, b, c, d, e, f] = &self.0;
        match id {
            PaneId::Overview => a,
            PaneId::Figures => b,
            PaneId::Quotes => c,
            PaneId::Actors => d,
            PaneId::Text => e,
            PaneId::Sources => f,
        }
    }

    /// The value for `id`, to change.
    pub fn get_mut(&mut self, id: PaneId) -> &mut T {
        let [a, b, c, d, e, f] = &mut self.0;
        match id {
            PaneId::Overview => a,
            PaneId::Figures => b,
            PaneId::Quotes => c,
            PaneId::Actors => d,
            PaneId::Text => e,
            PaneId::Sources => f,
        }
    }
}
