//! The roles a theme gives a look to: one field per thing the view draws
//! differently. A theme's definition fills them with paints, a rendered
//! theme with styles.

/// One `T` for every role the view styles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Roles<T> {
    /// Title bar.
    pub title: T,
    /// Language tag in the title bar.
    pub lang: T,
    /// Inactive tab.
    pub tab: T,
    /// Active tab.
    pub tab_active: T,
    /// Horizontal and vertical rules.
    pub rule: T,
    /// Keys in the status line and help; unread marks in the library.
    pub key: T,
    /// Key descriptions, position.
    pub status: T,
    /// Notices in the status line.
    pub notice: T,
    /// Selection marker in the gutter.
    pub selection: T,
    /// A search hit (patched over the text's own style).
    pub hit: T,
    /// The current search hit.
    pub hit_current: T,
    /// A passage reached by a link.
    pub mark: T,
    /// Title of the bundled headline.
    pub role_title: T,
    /// See [`crate::doc::Role`].
    pub role_lede: T,
    /// See [`crate::doc::Role`].
    pub role_heading: T,
    /// See [`crate::doc::Role`].
    pub role_body: T,
    /// See [`crate::doc::Role`].
    pub role_value: T,
    /// See [`crate::doc::Role`].
    pub role_label: T,
    /// See [`crate::doc::Role`].
    pub role_meta: T,
    /// See [`crate::doc::Role`].
    pub role_quote: T,
    /// See [`crate::doc::Role`].
    pub role_name: T,
    /// See [`crate::doc::Role`].
    pub role_mark: T,
}

impl<T> Roles<T> {
    /// Every role with its name, in field order.
    pub fn named(&self) -> [(&'static str, &T); 22] {
        [
            ("title", &self.title),
            ("lang", &self.lang),
            ("tab", &self.tab),
            ("tab_active", &self.tab_active),
            ("rule", &self.rule),
            ("key", &self.key),
            ("status", &self.status),
            ("notice", &self.notice),
            ("selection", &self.selection),
            ("hit", &self.hit),
            ("hit_current", &self.hit_current),
            ("mark", &self.mark),
            ("role_title", &self.role_title),
            ("role_lede", &self.role_lede),
            ("role_heading", &self.role_heading),
            ("role_body", &self.role_body),
            ("role_value", &self.role_value),
            ("role_label", &self.role_label),
            ("role_meta", &self.role_meta),
            ("role_quote", &self.role_quote),
            ("role_name", &self.role_name),
            ("role_mark", &self.role_mark),
        ]
    }

    /// `f` applied to every role.
    pub fn map<U>(&self, mut f: impl FnMut(&T) -> U) -> Roles<U> {
        Roles {
            title: f(&self.title),
            lang: f(&self.lang),
            tab: f(&self.tab),
            tab_active: f(&self.tab_active),
            rule: f(&self.rule),
            key: f(&self.key),
            status: f(&self.status),
            notice: f(&self.notice),
            selection: f(&self.selection),
            hit: f(&self.hit),
            hit_current: f(&self.hit_current),
            mark: f(&self.mark),
            role_title: f(&self.role_title),
            role_lede: f(&self.role_lede),
            role_heading: f(&self.role_heading),
            role_body: f(&self.role_body),
            role_value: f(&self.role_value),
            role_label: f(&self.role_label),
            role_meta: f(&self.role_meta),
            role_quote: f(&self.role_quote),
            role_name: f(&self.role_name),
            role_mark: f(&self.role_mark),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn map_and_named_cover_every_field_in_order() {
        let mut n = 0;
        let counted = Roles {
            title: 0,
            lang: 0,
            tab: 0,
            tab_active: 0,
            rule: 0,
            key: 0,
            status: 0,
            notice: 0,
            selection: 0,
            hit: 0,
            hit_current: 0,
            mark: 0,
            role_title: 0,
            role_lede: 0,
            role_heading: 0,
            role_body: 0,
            role_value: 0,
            role_label: 0,
            role_meta: 0,
            role_quote: 0,
            role_name: 0,
            role_mark: 0,
        };
        let numbered = counted.map(|_| {
            n += 1;
            n
        });
        let got: Vec<usize> = numbered.named().into_iter().map(|(_, &v)| v).collect();
        assert_eq!(got, (1..=22).collect::<Vec<_>>());
    }
}
