//! Raw model → [`Briefing`]: what serde cannot check. Required text present
//! and not empty, ids well-formed and unique, every reference resolved,
//! values and sizes within limits.

use std::collections::HashMap;

use toml::Spanned;

use super::decode::{Diag, Diags, Item, RawDocument};
use super::model::{
    Actor, ActorIx, ActorKind, Briefing, Figure, Quote, Relation, Section, Source, SourceKind,
};
use super::position::LineIndex;
use super::raw::{Field, RawActor, RawFigure, RawQuote, RawRelation, RawSection, RawSource};
use super::text::Text;

/// Longest string accepted in any field, in bytes.
pub const MAX_TEXT_BYTES: usize = 2 * 1024 * 1024;
/// Longest actor id, in bytes.
pub const MAX_ID_BYTES: usize = 64;
/// Largest magnitude accepted for a figure's number.
pub const MAX_NUMBER: f64 = 1e18;
/// Most entries in any one list.
pub const MAX_ITEMS: usize = 50_000;
/// The schema version this program reads.
pub const SCHEMA: i64 = 1;

/// Checks a decoded document and builds the briefing, pushing every problem
/// onto `diags`. The result is only meaningful when no problem was pushed.
pub fn validate(doc: RawDocument, lines: &LineIndex<'_>, diags: &mut Diags) -> Briefing {
    let mut v = Validator {
        diags,
        lines,
        lenient: doc.had_syntax_errors,
    };
    let mut b = Briefing::default();
    if let Some(head) = doc.head {
        let top = Scope {
            at: 0,
            dropped: doc.head_dropped,
        };
        match head.schema {
            Some(s) if *s.get_ref() != SCHEMA => v.report(
                s.span().start,
                format!(
                    "unsupported schema {}: this version of briefing reads schema {SCHEMA}",
                    s.get_ref()
                ),
            ),
            Some(_) => {}
            None => v.missing(&top, "schema"),
        }
        b.lang = v.lang(head.lang, &top);
        b.title = v.required(head.title, "title", &top);
        b.lede = v.optional(head.lede, "lede").unwrap_or_default();
        b.summary = v.texts(head.summary, "summary");
        b.topics = v.texts(head.topics, "topics");
        b.article = v.optional(head.article, "article");
    }
    let ids = v.actor_ids(&doc.actors);
    b.actors = doc.actors.into_iter().filter_map(|i| v.actor(i)).collect();
    b.relations = doc
        .relations
        .into_iter()
        .filter_map(|i| v.relation(i, &ids))
        .collect();
    b.figures = doc
        .figures
        .into_iter()
        .filter_map(|i| v.figure(i, &ids))
        .collect();
    b.quotes = doc
        .quotes
        .into_iter()
        .filter_map(|i| v.quote(i, &ids))
        .collect();
    b.sections = doc
        .sections
        .into_iter()
        .filter_map(|i| v.section(i))
        .collect();
    b.sources = doc
        .sources
        .into_iter()
        .filter_map(|i| v.source(i, &ids))
        .collect();
    b
}

/// Where a table starts and which of its keys were already reported.
struct Scope {
    at: usize,
    dropped: Vec<String>,
}

impl Scope {
    /// An entry's decoded value and its scope.
    fn of<T>(item: Item<T>) -> (Option<T>, Self) {
        (
            item.value,
            Self {
                at: item.span.start,
                dropped: item.dropped,
            },
        )
    }
}

/// Actor id → index, and where each id was defined.
type Ids = HashMap<String, ActorIx>;

struct Validator<'d, 'l> {
    diags: &'d mut Diags,
    lines: &'l LineIndex<'l>,
    /// After a syntax error some keys may be lost: do not call them missing.
    lenient: bool,
}

impl Validator<'_, '_> {
    fn report(&mut self, at: usize, message: impl Into<String>) {
        self.diags.push(Diag::new(at, message));
    }

    fn missing(&mut self, scope: &Scope, name: &str) {
        if !self.lenient && !scope.dropped.iter().any(|d| d == name) {
            self.report(scope.at, format!("missing `{name}`"));
        }
    }

    /// A string within the size limit; empty strings become `None`.
    fn text(&mut self, field: &Spanned<Text>, name: &str) -> Option<String> {
        let s = field.get_ref().as_str();
        if s.len() > MAX_TEXT_BYTES {
            self.report(
                field.span().start,
                format!(
                    "`{name}` is too long ({} bytes; the limit is {MAX_TEXT_BYTES})",
                    s.len()
                ),
            );
            return None;
        }
        let trimmed = s.trim();
        (!trimmed.is_empty()).then(|| trimmed.to_string())
    }

    fn required(&mut self, field: Field<Text>, name: &str, scope: &Scope) -> String {
        let Some(field) = field else {
            self.missing(scope, name);
            return String::new();
        };
        let text = self.text(&field, name);
        if text.is_none() && field.get_ref().as_str().trim().is_empty() {
            self.report(field.span().start, format!("`{name}` must not be empty"));
        }
        text.unwrap_or_default()
    }

    fn optional(&mut self, field: Field<Text>, name: &str) -> Option<String> {
        field.and_then(|f| self.text(&f, name))
    }

    fn texts(&mut self, field: Field<Vec<Spanned<Text>>>, name: &str) -> Vec<String> {
        let Some(list) = field else { return Vec::new() };
        if list.get_ref().len() > MAX_ITEMS {
            let n = list.get_ref().len();
            self.report(
                list.span().start,
                format!("too many entries in `{name}` ({n}; the limit is {MAX_ITEMS})"),
            );
            return Vec::new();
        }
        let mut out = Vec::with_capacity(list.get_ref().len());
        for item in list.into_inner() {
            match self.text(&item, name) {
                Some(t) => out.push(t),
                None if item.get_ref().as_str().trim().is_empty() => {
                    self.report(item.span().start, format!("empty entry in `{name}`"));
                }
                None => {}
            }
        }
        out
    }

    fn lang(&mut self, field: Field<Text>, scope: &Scope) -> String {
        let Some(field) = field else {
            self.missing(scope, "lang");
            return String::new();
        };
        let tag = field.get_ref().as_str().trim().to_ascii_lowercase();
        let mut parts = tag.split('-');
        let primary_ok = parts.next().is_some_and(|p| {
            (2..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_lowercase())
        });
        let rest_ok = parts
            .all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()));
        if !(primary_ok && rest_ok) {
            self.report(
                field.span().start,
                "`lang` must be a language tag such as \"de\" or \"en\"",
            );
        }
        tag
    }

    fn actor_ids(&mut self, actors: &[Item<RawActor>]) -> Ids {
        let mut ids = Ids::new();
        let mut first_at: HashMap<String, usize> = HashMap::new();
        for (ix, item) in actors.iter().enumerate() {
            let Some(id) = item.value.as_ref().and_then(|a| a.id.as_ref()) else {
                continue;
            };
            let name = id.get_ref().as_str();
            let at = id.span().start;
            if let Some(&first) = first_at.get(name) {
                let line = self.lines.line(first);
                self.report(
                    at,
                    format!(
                        "duplicate actor id `{}` (first defined on line {line})",
                        short(name)
                    ),
                );
                continue;
            }
            if !valid_id(name) {
                self.report(
                    at,
                    format!(
                        "actor id `{}` must be 1 to {MAX_ID_BYTES} characters of a-z, 0-9, `-` and `_`",
                        short(name)
                    ),
                );
            }
            first_at.insert(name.to_string(), at);
            ids.insert(name.to_string(), ix);
        }
        ids
    }

    fn actor(&mut self, item: Item<RawActor>) -> Option<Actor> {
        let (value, scope) = Scope::of(item);
        let a = value?;
        let id = a.id.as_ref().map(|i| i.get_ref().as_str().to_string());
        if id.is_none() {
            self.missing(&scope, "id");
        }
        if a.kind.is_none() {
            self.missing(&scope, "kind");
        }
        let kind = self.keyword(
            a.kind.as_ref(),
            &ActorKind::ALL,
            ActorKind::keyword,
            "actor kind",
        );
        let name = self.required(a.name, "name", &scope);
        let role = self.optional(a.role, "role").unwrap_or_default();
        let aliases = self.texts(a.aliases, "aliases");
        Some(Actor {
            id: id?,
            name,
            kind: kind?,
            role,
            aliases,
        })
    }

    /// One of a fixed set of keywords; reports anything else with the choices.
    fn keyword<T: Copy>(
        &mut self,
        field: Option<&Spanned<Text>>,
        all: &[T],
        keyword: fn(T) -> &'static str,
        what: &str,
    ) -> Option<T> {
        let field = field?;
        let given = field.get_ref().as_str();
        let found = all.iter().copied().find(|k| keyword(*k) == given);
        if found.is_none() {
            let choices: Vec<_> = all.iter().map(|k| keyword(*k)).collect();
            self.report(
                field.span().start,
                format!(
                    "unknown {what} `{}`: expected one of {}",
                    short(given),
                    choices.join(", ")
                ),
            );
        }
        found
    }

    /// Resolves an actor reference; reports it when it does not resolve.
    fn reference(
        &mut self,
        field: Option<&Spanned<Text>>,
        ids: &Ids,
        name: &str,
    ) -> Option<ActorIx> {
        let field = field?;
        let id = field.get_ref().as_str();
        let found = ids.get(id).copied();
        if found.is_none() {
            self.report(
                field.span().start,
                format!("`{name}` refers to unknown actor `{}`", short(id)),
            );
        }
        found
    }

    fn required_ref(
        &mut self,
        field: Option<&Spanned<Text>>,
        ids: &Ids,
        name: &str,
        scope: &Scope,
    ) -> Option<ActorIx> {
        if field.is_none() {
            self.missing(scope, name);
        }
        self.reference(field, ids, name)
    }

    fn relation(&mut self, item: Item<RawRelation>, ids: &Ids) -> Option<Relation> {
        let (value, scope) = Scope::of(item);
        let r = value?;
        let at = r.to.as_ref().map_or(scope.at, |t| t.span().start);
        let from = self.required_ref(r.from.as_ref(), ids, "from", &scope);
        let to = self.required_ref(r.to.as_ref(), ids, "to", &scope);
        if from.is_some() && from == to {
            self.report(
                at,
                "a relation needs two different actors (`from` and `to` are the same)",
            );
        }
        let attribution = self.reference(r.attribution.as_ref(), ids, "attribution");
        let what = self.required(r.what, "what", &scope);
        let qualifier = self.optional(r.qualifier, "qualifier");
        let excerpt = self.optional(r.excerpt, "excerpt");
        Some(Relation {
            from: from?,
            to: to?,
            what,
            attribution,
            qualifier,
            excerpt,
        })
    }

    fn figure(&mut self, item: Item<RawFigure>, ids: &Ids) -> Option<Figure> {
        let (value, scope) = Scope::of(item);
        let f = value?;
        let number = f.number.and_then(|n| {
            let value = *n.get_ref();
            let ok = value.is_finite() && value.abs() <= MAX_NUMBER;
            if !ok {
                self.report(
                    n.span().start,
                    format!("`number` must be a finite number within ±{MAX_NUMBER:e}"),
                );
            }
            ok.then_some(value)
        });
        let attribution = self.reference(f.attribution.as_ref(), ids, "attribution");
        Some(Figure {
            value: self.required(f.value, "value", &scope),
            number,
            unit: self.optional(f.unit, "unit"),
            label: self.required(f.label, "label", &scope),
            qualifier: self.optional(f.qualifier, "qualifier"),
            attribution,
            excerpt: self.required(f.excerpt, "excerpt", &scope),
        })
    }

    fn quote(&mut self, item: Item<RawQuote>, ids: &Ids) -> Option<Quote> {
        let (value, scope) = Scope::of(item);
        let q = value?;
        let speaker = self.required_ref(q.speaker.as_ref(), ids, "speaker", &scope);
        let text = self.required(q.text, "text", &scope);
        let context = self.optional(q.context, "context").unwrap_or_default();
        Some(Quote {
            text,
            speaker: speaker?,
            context,
        })
    }

    fn section(&mut self, item: Item<RawSection>) -> Option<Section> {
        let (value, scope) = Scope::of(item);
        let s = value?;
        let heading = self.optional(s.heading, "heading");
        if s.paragraphs.is_none() {
            self.missing(&scope, "paragraphs");
        }
        let paragraphs = self.texts(s.paragraphs, "paragraphs");
        Some(Section {
            heading,
            paragraphs,
        })
    }

    fn source(&mut self, item: Item<RawSource>, ids: &Ids) -> Option<Source> {
        let (value, scope) = Scope::of(item);
        let s = value?;
        let kind = match &s.kind {
            Some(_) => self.keyword(
                s.kind.as_ref(),
                &SourceKind::ALL,
                SourceKind::keyword,
                "source kind",
            ),
            None => Some(SourceKind::Other),
        };
        let actor = self.reference(s.actor.as_ref(), ids, "actor");
        let name = self.required(s.name, "name", &scope);
        let cited_for = self.optional(s.cited_for, "cited_for").unwrap_or_default();
        Some(Source {
            name,
            kind: kind?,
            actor,
            cited_for,
        })
    }
}

/// A value from the file as quoted in a message: at most 40 characters.
fn short(value: &str) -> String {
    const MAX: usize = 40;
    match value.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{}…", value.get(..cut).unwrap_or_default()),
        None => value.to_string(),
    }
}

/// Ids are short, lower-case ASCII: easy to type, safe to print.
fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID_BYTES
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}
