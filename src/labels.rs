//! Interface labels in the languages built in (German and English).

use std::sync::OnceLock;

use crate::briefing::{ActorKind, SourceKind};
use crate::text::ascii::to_ascii;

/// Languages with built-in labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// German.
    De,
    /// English.
    En,
}

impl Lang {
    /// The interface language for a content language tag (English unless German).
    pub fn for_tag(tag: &str) -> Self {
        if tag.split('-').next() == Some("de") {
            Self::De
        } else {
            Self::En
        }
    }

    /// The labels for this language.
    pub fn labels(self) -> &'static Labels {
        match self {
            Self::De => &DE,
            Self::En => &EN,
        }
    }

    /// The labels for this language, in ASCII when `ascii` ("Ueberblick").
    pub fn labels_in(self, ascii: bool) -> &'static Labels {
        static DE_ASCII: OnceLock<Labels> = OnceLock::new();
        static EN_ASCII: OnceLock<Labels> = OnceLock::new();
        match (self, ascii) {
            (_, false) => self.labels(),
            (Self::De, true) => DE_ASCII.get_or_init(|| DE.transliterated()),
            (Self::En, true) => EN_ASCII.get_or_init(|| EN.transliterated()),
        }
    }
}

/// Every piece of interface text.
#[derive(Debug)]
pub struct Labels {
    /// Section tab labels, in tab order.
    pub sections: [&'static str; 6],
    /// Heading of the key points.
    pub key_points: &'static str,
    /// Heading of the topics.
    pub topics: &'static str,
    /// Group headings of the actors pane, by kind.
    pub people: &'static str,
    /// See `people`.
    pub states: &'static str,
    /// See `people`.
    pub organisations: &'static str,
    /// See `people`.
    pub media: &'static str,
    /// Heading of the relations list.
    pub relations: &'static str,
    /// Label of a hedge ("etwa", "soll").
    pub hedge: &'static str,
    /// "according to" before an attribution.
    pub according_to: &'static str,
    /// Label before the aliases of an actor.
    pub also_called: &'static str,
    /// Heading of an actor's quotes.
    pub quotes: &'static str,
    /// Heading of an actor's figures.
    pub figures: &'static str,
    /// Heading of an actor's mentions in the text.
    pub mentions: &'static str,
    /// "and N more" after a cut list.
    pub more: &'static str,
    /// "at least N", for a count that stopped early.
    pub at_least: &'static str,
    /// Heading of the passage a figure or quote comes from.
    pub in_text: &'static str,
    /// "cited for".
    pub cited_for: &'static str,
    /// Source kinds.
    pub source_media: &'static str,
    /// See `source_media`.
    pub source_official: &'static str,
    /// See `source_media`.
    pub source_document: &'static str,
    /// See `source_media`.
    pub source_other: &'static str,
    /// Hint that a key (`{}`: the follow key, Enter unless rebound)
    /// follows a link, and where to.
    pub enter_to_text: &'static str,
    /// See `enter_to_text`.
    pub enter_to_actor: &'static str,
    /// Notice when the selected item has no link.
    pub no_link: &'static str,
    /// Notice after following a link (`{}`: the back key).
    pub back_hint: &'static str,
    /// Notice when there is nowhere to go back to.
    pub no_history: &'static str,
    /// Search prompt.
    pub search: &'static str,
    /// Notice when a search finds nothing.
    pub no_matches: &'static str,
    /// Notice when n/N wrap around.
    pub wrapped_top: &'static str,
    /// See `wrapped_top`.
    pub wrapped_bottom: &'static str,
    /// Notice when n/N are pressed with no search (`{}`: the search key).
    pub no_search: &'static str,
    /// The Backspace key's name.
    pub backspace: &'static str,
    /// Shown when the terminal is too small.
    pub too_small: &'static str,
    /// The library's name, in its title bar.
    pub library: &'static str,
    /// "briefings" after their number.
    pub briefings: &'static str,
    /// See `briefings`: after 1.
    pub briefing: &'static str,
    /// "unread" after a number.
    pub unread: &'static str,
    /// Progress while the library loads.
    pub loading: &'static str,
    /// An empty library.
    pub no_briefings: &'static str,
    /// A filter that leaves nothing.
    pub nothing_matches: &'static str,
    /// The filter prompt.
    pub filter: &'static str,
    /// The full-text search prompt and results.
    pub full_text: &'static str,
    /// "hits" after their number.
    pub hits: &'static str,
    /// See `hits`: after 1.
    pub hit: &'static str,
    /// Between hits and briefings: "12 hits in 3 briefings".
    pub in_briefings: &'static str,
    /// Progress of a search.
    pub searched: &'static str,
    /// A search not done yet.
    pub searching: &'static str,
    /// A search cut short by its cap.
    pub capped: &'static str,
    /// Notice when a briefing cannot be opened.
    pub cannot_open: &'static str,
    /// Label before the number of quotes.
    pub count_quotes: &'static str,
    /// Label before the number of figures.
    pub count_figures: &'static str,
    /// Label before the number of actors.
    pub count_actors: &'static str,
    /// Notice after sorting by title.
    pub sorted_by_title: &'static str,
    /// Notice after sorting by date.
    pub sorted_by_date: &'static str,
    /// Notice and title bar: unread only.
    pub unread_only: &'static str,
    /// Notice: every briefing shown again.
    pub all_shown: &'static str,
    /// Said when the walk of the folder hit its limits.
    pub cut_short: &'static str,
    /// Detail: topics.
    pub topics_label: &'static str,
    /// Detail: file.
    pub file_label: &'static str,
    /// Detail: date of the file.
    pub date_label: &'static str,
    /// Detail: the first problem of a broken file.
    pub problem_label: &'static str,
    /// Notice when n moves to the next briefing.
    pub next_briefing: &'static str,
    /// A full-text search that found nothing.
    pub no_results: &'static str,
    /// Help overlay title.
    pub help_title: &'static str,
    /// Help overlay footer, after the keys that close it.
    pub help_close: &'static str,
    /// Between the last two of a list ("a, b or c").
    pub or: &'static str,
}

impl Labels {
    /// These labels in ASCII. Made once per language and kept for the life
    /// of the process (the strings are leaked: four tables at most).
    fn transliterated(&self) -> Self {
        fn t(text: &'static str) -> &'static str {
            match to_ascii(text) {
                std::borrow::Cow::Borrowed(text) => text,
                std::borrow::Cow::Owned(text) => Box::leak(text.into_boxed_str()),
            }
        }
        Self {
            sections: self.sections.map(t),
            key_points: t(self.key_points),
            topics: t(self.topics),
            people: t(self.people),
            states: t(self.states),
            organisations: t(self.organisations),
            media: t(self.media),
            relations: t(self.relations),
            hedge: t(self.hedge),
            according_to: t(self.according_to),
            also_called: t(self.also_called),
            quotes: t(self.quotes),
            figures: t(self.figures),
            mentions: t(self.mentions),
            more: t(self.more),
            in_text: t(self.in_text),
            cited_for: t(self.cited_for),
            source_media: t(self.source_media),
            source_official: t(self.source_official),
            source_document: t(self.source_document),
            source_other: t(self.source_other),
            enter_to_text: t(self.enter_to_text),
            enter_to_actor: t(self.enter_to_actor),
            no_link: t(self.no_link),
            back_hint: t(self.back_hint),
            no_history: t(self.no_history),
            search: t(self.search),
            no_matches: t(self.no_matches),
            wrapped_top: t(self.wrapped_top),
            wrapped_bottom: t(self.wrapped_bottom),
            no_search: t(self.no_search),
            backspace: t(self.backspace),
            library: t(self.library),
            briefings: t(self.briefings),
            briefing: t(self.briefing),
            unread: t(self.unread),
            loading: t(self.loading),
            no_briefings: t(self.no_briefings),
            nothing_matches: t(self.nothing_matches),
            filter: t(self.filter),
            full_text: t(self.full_text),
            hits: t(self.hits),
            hit: t(self.hit),
            in_briefings: t(self.in_briefings),
            searched: t(self.searched),
            searching: t(self.searching),
            capped: t(self.capped),
            cannot_open: t(self.cannot_open),
            count_quotes: t(self.count_quotes),
            count_figures: t(self.count_figures),
            count_actors: t(self.count_actors),
            sorted_by_title: t(self.sorted_by_title),
            sorted_by_date: t(self.sorted_by_date),
            unread_only: t(self.unread_only),
            all_shown: t(self.all_shown),
            cut_short: t(self.cut_short),
            topics_label: t(self.topics_label),
            file_label: t(self.file_label),
            date_label: t(self.date_label),
            problem_label: t(self.problem_label),
            next_briefing: t(self.next_briefing),
            no_results: t(self.no_results),
            too_small: t(self.too_small),
            at_least: t(self.at_least),
            help_title: t(self.help_title),
            help_close: t(self.help_close),
            or: t(self.or),
        }
    }

    /// A hint with `key` in its `{}`; without a key, the words before the
    /// colon (a hint to press nothing is no hint).
    pub fn keyed(template: &str, key: Option<&str>) -> String {
        match key {
            Some(key) => template.replacen("{}", key, 1),
            None => template.split(": ").next().unwrap_or_default().to_string(),
        }
    }

    /// `n` and the word counted, singular after 1: "1 briefing", "3 hits".
    pub fn counted(n: usize, one: &str, many: &str) -> String {
        format!("{n} {}", if n == 1 { one } else { many })
    }

    /// Group heading for an actor kind.
    pub fn kind(&self, kind: ActorKind) -> &'static str {
        match kind {
            ActorKind::Person => self.people,
            ActorKind::State => self.states,
            ActorKind::Organisation => self.organisations,
            ActorKind::Media => self.media,
        }
    }

    /// Label of a source kind.
    pub fn source_kind(&self, kind: SourceKind) -> &'static str {
        match kind {
            SourceKind::Media => self.source_media,
            SourceKind::Official => self.source_official,
            SourceKind::Document => self.source_document,
            SourceKind::Other => self.source_other,
        }
    }
}

static DE: Labels = Labels {
    sections: [
        "Überblick",
        "Kennzahlen",
        "Zitate",
        "Akteure",
        "Volltext",
        "Quellen",
    ],
    key_points: "Das Wichtigste in Kürze",
    topics: "Themen",
    people: "Personen",
    states: "Staaten",
    organisations: "Organisationen",
    media: "Medien",
    relations: "Beziehungen",
    hedge: "Vorbehalt",
    according_to: "laut",
    also_called: "Auch genannt",
    quotes: "Zitate",
    figures: "Kennzahlen",
    mentions: "Erwähnungen im Volltext",
    more: "weitere",
    at_least: "mindestens",
    in_text: "Im Volltext",
    cited_for: "zitiert für",
    source_media: "Medium",
    source_official: "offizielle Stelle",
    source_document: "Dokument",
    source_other: "Quelle",
    enter_to_text: "{}: Stelle im Volltext",
    enter_to_actor: "{}: zum Akteur",
    no_link: "Hier führt kein Verweis weiter",
    back_hint: "{}: zurück",
    no_history: "Kein Verweis, zu dem man zurück könnte",
    search: "Suche",
    no_matches: "Nicht gefunden",
    wrapped_top: "Suche beginnt wieder oben",
    wrapped_bottom: "Suche beginnt wieder unten",
    no_search: "Noch keine Suche: {} drücken",
    backspace: "Rücktaste",
    too_small: "Fenster zu klein",
    library: "Bibliothek",
    briefings: "Briefings",
    briefing: "Briefing",
    unread: "ungelesen",
    loading: "lädt",
    no_briefings: "Keine Briefings in diesem Ordner",
    nothing_matches: "Kein Briefing passt zum Filter",
    filter: "Filter",
    full_text: "Volltext",
    hits: "Treffer",
    hit: "Treffer",
    in_briefings: "in",
    searched: "durchsucht",
    searching: "sucht",
    capped: "(gekappt)",
    cannot_open: "Kann nicht geöffnet werden",
    count_quotes: "Zitate",
    count_figures: "Zahlen",
    count_actors: "Akteure",
    sorted_by_title: "Nach Titel sortiert",
    sorted_by_date: "Nach Datum sortiert, neueste zuerst",
    unread_only: "nur ungelesene",
    all_shown: "Alle Briefings",
    cut_short: "nicht alle Dateien gelesen",
    topics_label: "Themen",
    file_label: "Datei",
    date_label: "Dateidatum",
    problem_label: "Problem",
    next_briefing: "Nächstes Briefing mit Treffern",
    no_results: "Nichts gefunden",
    help_title: "Tasten",
    help_close: "schliesst",
    or: "oder",
};

static EN: Labels = Labels {
    sections: [
        "Overview",
        "Key figures",
        "Quotes",
        "Actors",
        "Full text",
        "Sources",
    ],
    key_points: "Key points",
    topics: "Topics",
    people: "People",
    states: "States",
    organisations: "Organisations",
    media: "Media",
    relations: "Relations",
    hedge: "Hedge",
    according_to: "according to",
    also_called: "Also called",
    quotes: "Quotes",
    figures: "Key figures",
    mentions: "Mentions in the full text",
    more: "more",
    at_least: "at least",
    in_text: "In the full text",
    cited_for: "cited for",
    source_media: "media",
    source_official: "official",
    source_document: "document",
    source_other: "source",
    enter_to_text: "{}: passage in the full text",
    enter_to_actor: "{}: go to actor",
    no_link: "Nothing to follow here",
    back_hint: "{}: back",
    no_history: "No link to go back from",
    search: "Search",
    no_matches: "Not found",
    wrapped_top: "Search wrapped to the top",
    wrapped_bottom: "Search wrapped to the bottom",
    no_search: "No search yet: press {}",
    backspace: "Backspace",
    too_small: "Terminal too small",
    library: "Library",
    briefings: "briefings",
    briefing: "briefing",
    unread: "unread",
    loading: "loading",
    no_briefings: "No briefings in this folder",
    nothing_matches: "No briefing matches the filter",
    filter: "Filter",
    full_text: "Full text",
    hits: "hits",
    hit: "hit",
    in_briefings: "in",
    searched: "searched",
    searching: "searching",
    capped: "(capped)",
    cannot_open: "Cannot open",
    count_quotes: "Quotes",
    count_figures: "Figures",
    count_actors: "Actors",
    sorted_by_title: "Sorted by title",
    sorted_by_date: "Sorted by date, newest first",
    unread_only: "unread only",
    all_shown: "All briefings",
    cut_short: "not every file read",
    topics_label: "Topics",
    file_label: "File",
    date_label: "File date",
    problem_label: "Problem",
    next_briefing: "Next briefing with hits",
    no_results: "Nothing found",
    help_title: "Keys",
    help_close: "closes",
    or: "or",
};
