//! What never changes after a briefing is loaded, in one interface language
//! and alphabet: the briefing, its pane docs and the anchors in its full
//! text. Built lazily, shared (`Arc`) by every reader that shows it, so a
//! hundred served readers of one briefing hold one copy.

use std::sync::{Arc, OnceLock};

use crate::briefing::Briefing;
use crate::doc::{Anchors, Doc, build_doc};
use crate::labels::{Labels, Lang};
use crate::pane::{PaneId, PerPane};
use crate::symbols::Symbols;
use crate::text::ascii::to_ascii;
use crate::text::hyphenate::Hyphenator;

/// A briefing ready to be shown: its docs are built on first use.
#[derive(Debug)]
pub struct Content {
    briefing: Arc<Briefing>,
    lang: Lang,
    ascii: bool,
    hyphenator: Hyphenator,
    docs: PerPane<OnceLock<Doc>>,
    anchors: OnceLock<Anchors>,
}

impl Content {
    /// `briefing` with labels in `lang`; with `ascii`, every string of it is
    /// transliterated to ASCII first.
    pub fn new(briefing: Arc<Briefing>, lang: Lang, ascii: bool) -> Self {
        let briefing = if ascii {
            Arc::new(transliterated(&briefing))
        } else {
            briefing
        };
        Self {
            hyphenator: Hyphenator::new(&briefing.lang),
            briefing,
            lang,
            ascii,
            docs: PerPane::default(),
            anchors: OnceLock::new(),
        }
    }

    /// The briefing (transliterated when ASCII only).
    pub fn briefing(&self) -> &Briefing {
        &self.briefing
    }

    /// The interface language.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Interface labels.
    pub fn labels(&self) -> &'static Labels {
        self.lang.labels_in(self.ascii)
    }

    /// Whether everything is drawn in ASCII.
    pub fn ascii(&self) -> bool {
        self.ascii
    }

    /// The glyphs the interface draws with.
    pub fn symbols(&self) -> &'static Symbols {
        if self.ascii {
            &Symbols::ASCII
        } else {
            &Symbols::UNICODE
        }
    }

    /// Hyphenation for the briefing's language.
    pub fn hyphenator(&self) -> Hyphenator {
        self.hyphenator
    }

    /// What pane `pane` shows, built on first use.
    pub fn doc(&self, pane: PaneId) -> &Doc {
        self.docs
            .get(pane)
            .get_or_init(|| build_doc(&self.briefing, self.labels(), self.symbols(), pane))
    }

    /// Where actors, figures and quotes stand in the full text, found on
    /// first use.
    pub fn anchors(&self) -> &Anchors {
        self.anchors
            .get_or_init(|| Anchors::find(&self.briefing, self.doc(PaneId::Text)))
    }
}

/// The variants of one briefing that readers ask for (interface language,
/// ASCII or not), each made once and shared.
#[derive(Debug)]
pub struct Shared {
    briefing: Arc<Briefing>,
    variants: [OnceLock<Arc<Content>>; 4],
}

impl Shared {
    /// Shares `briefing`.
    pub fn new(briefing: Briefing) -> Self {
        Self {
            briefing: Arc::new(briefing),
            variants: Default::default(),
        }
    }

    /// The briefing as loaded.
    pub fn briefing(&self) -> &Arc<Briefing> {
        &self.briefing
    }

    /// The content in `lang`, ASCII or not.
    pub fn content(&self, lang: Lang, ascii: bool) -> Arc<Content> {
        let slot = usize::from(lang == Lang::En) * 2 + usize::from(ascii);
        let make = || Arc::new(Content::new(Arc::clone(&self.briefing), lang, ascii));
        match self.variants.get(slot) {
            Some(cell) => Arc::clone(cell.get_or_init(make)),
            None => make(),
        }
    }
}

/// Every string of `b` in ASCII.
fn transliterated(b: &Briefing) -> Briefing {
    let t = |s: &String| to_ascii(s).into_owned();
    let ts = |v: &Vec<String>| v.iter().map(t).collect::<Vec<_>>();
    let to = |s: &Option<String>| s.as_ref().map(t);
    let mut out = b.clone();
    out.title = t(&b.title);
    out.lede = t(&b.lede);
    out.summary = ts(&b.summary);
    out.topics = ts(&b.topics);
    for a in &mut out.actors {
        a.name = t(&a.name);
        a.role = t(&a.role);
        a.aliases = ts(&a.aliases);
    }
    for r in &mut out.relations {
        r.what = t(&r.what);
        r.qualifier = to(&r.qualifier);
        r.excerpt = to(&r.excerpt);
    }
    for f in &mut out.figures {
        f.value = t(&f.value);
        f.unit = to(&f.unit);
        f.label = t(&f.label);
        f.qualifier = to(&f.qualifier);
        f.excerpt = t(&f.excerpt);
    }
    for q in &mut out.quotes {
        q.text = t(&q.text);
        q.context = t(&q.context);
    }
    for s in &mut out.sections {
        s.heading = to(&s.heading);
        s.paragraphs = ts(&s.paragraphs);
    }
    for s in &mut out.sources {
        s.name = t(&s.name);
        s.cited_for = t(&s.cited_for);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundled::bundled;

    #[test]
    fn ascii_content_holds_no_other_byte() {
        let c = Content::new(Arc::new(bundled()), Lang::De, true);
        for pane in PaneId::ALL {
            for block in &c.doc(pane).blocks {
                assert!(block.text.is_ascii(), "{:?}", block.text);
            }
        }
        assert!(c.briefing().title.contains("Beziehungen"));
    }

    #[test]
    fn variants_are_made_once_and_shared() {
        let shared = Shared::new(bundled());
        let a = shared.content(Lang::De, false);
        let b = shared.content(Lang::De, false);
        assert!(Arc::ptr_eq(&a, &b));
        assert!(Arc::ptr_eq(&a.briefing, shared.briefing()));
        assert!(std::ptr::eq(a.doc(PaneId::Text), b.doc(PaneId::Text)));
        let ascii = shared.content(Lang::De, true);
        assert!(!Arc::ptr_eq(&a, &ascii));
        let english = shared.content(Lang::En, false);
        assert!(Arc::ptr_eq(&english.briefing, shared.briefing()));
    }
}
