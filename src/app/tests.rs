//! State tests: `App::update` on actions, no terminal involved.

use super::*;
use crate::action::{Action, Flow};
use crate::briefing::load_bundled;

fn app(width: u16, height: u16) -> App {
    App::bundled(width, height)
}

fn run(app: &mut App, actions: &[Action]) {
    for a in actions {
        app.update(*a);
    }
}

/// The text of the block on the pane's top line.
fn top_text(app: &App) -> String {
    match app.vline(app.scroll()) {
        Some(VLine::Main(i)) => {
            let line = app.layout().lines[i];
            app.doc().blocks[line.block as usize].text[line.range()].to_string()
        }
        other => format!("{other:?}"),
    }
}

#[test]
fn starts_where_asked_at_the_top() {
    let a = app(80, 24);
    assert_eq!(a.pane(), PaneId::Overview);
    assert_eq!(a.scroll(), 0);
    assert_eq!(a.mode(), Mode::Normal);
    let options = Options {
        pane: PaneId::Text,
        colours: crate::theme::Colours {
            theme: crate::theme::ThemeName::Light,
            level: crate::theme::ColourLevel::TrueColor,
        },
        ..Options::default()
    };
    let content = Content::new(Arc::new(load_bundled().unwrap()), Lang::En, true);
    let b = App::new(Arc::new(content), options, 80, 24);
    assert_eq!(b.pane(), PaneId::Text);
    assert_eq!(b.labels().sections[4], "Full text");
}

#[test]
fn section_keys_jump_and_wrap_around() {
    let mut a = app(80, 24);
    a.update(Action::GoTo(4));
    assert_eq!(a.pane(), PaneId::Text);
    a.update(Action::NextSection);
    assert_eq!(a.pane(), PaneId::Sources);
    a.update(Action::NextSection);
    assert_eq!(a.pane(), PaneId::Overview);
    a.update(Action::PrevSection);
    assert_eq!(a.pane(), PaneId::Sources);
    a.update(Action::GoTo(99));
    assert_eq!(a.pane(), PaneId::Sources, "out of range stays in range");
}

#[test]
fn each_section_keeps_its_own_scroll() {
    let mut a = app(80, 24);
    run(
        &mut a,
        &[Action::GoTo(4), Action::Down, Action::Down, Action::Down],
    );
    assert_eq!(a.scroll(), 3);
    run(&mut a, &[Action::GoTo(0)]);
    assert_eq!(a.scroll(), 0);
    run(&mut a, &[Action::GoTo(4)]);
    assert_eq!(a.scroll(), 3);
}

#[test]
fn scrolling_stops_at_both_ends() {
    let mut a = app(80, 24);
    run(&mut a, &[Action::GoTo(4), Action::Up]);
    assert_eq!(a.scroll(), 0);
    run(&mut a, &[Action::Bottom]);
    let bottom = a.scroll();
    assert_eq!(bottom, a.max_scroll());
    assert!(bottom > 0);
    run(&mut a, &[Action::Down, Action::PageDown, Action::HalfDown]);
    assert_eq!(a.scroll(), bottom);
    run(&mut a, &[Action::PageUp]);
    assert_eq!(a.scroll(), bottom.saturating_sub(a.page()));
    run(&mut a, &[Action::HalfUp, Action::Top]);
    assert_eq!(a.scroll(), 0);
}

#[test]
fn paging_moves_a_page_and_half_a_page() {
    let mut a = app(40, 12);
    run(&mut a, &[Action::GoTo(4), Action::PageDown]);
    assert_eq!(a.scroll(), a.page());
    run(&mut a, &[Action::HalfDown]);
    assert_eq!(a.scroll(), a.page() + a.page().div_ceil(2));
}

#[test]
fn list_panes_move_the_selection_and_keep_it_visible() {
    let mut a = app(80, 24);
    a.update(Action::GoTo(1));
    assert_eq!(a.selected(), Some(0));
    for i in 1..a.doc().items.len() {
        a.update(Action::Down);
        assert_eq!(a.selected(), Some(i));
        let lines = a.item_lines(i);
        assert!(
            lines.start >= a.scroll() && lines.end <= a.scroll() + a.page(),
            "item {i} off screen"
        );
    }
    let last = a.selected();
    a.update(Action::Down);
    assert_eq!(a.selected(), last, "the last item stays selected");
    run(&mut a, &[Action::Top]);
    assert_eq!((a.selected(), a.scroll()), (Some(0), 0));
    run(&mut a, &[Action::Bottom]);
    assert_eq!(a.selected(), Some(a.doc().items.len() - 1));
}

#[test]
fn a_tall_selected_item_scrolls_before_the_selection_moves() {
    // At 40x12 the first actor's inline detail is taller than the pane.
    let mut a = app(40, 12);
    a.update(Action::GoTo(3));
    assert!(a.item_lines(0).len() > a.page());
    a.update(Action::Down);
    assert_eq!(a.selected(), Some(0));
    assert_eq!(a.scroll(), 1);
    while a.item_lines(0).end > a.scroll() + a.page() {
        a.update(Action::Down);
        assert_eq!(a.selected(), Some(0));
    }
    a.update(Action::Down);
    assert_eq!(a.selected(), Some(1));
    a.update(Action::Up);
    assert_eq!(a.selected(), Some(0));
    assert!(
        a.item_lines(0).end <= a.scroll() + a.page(),
        "moving up shows the item's end"
    );
}

#[test]
fn quote_links_to_its_speaker_and_back_returns() {
    let mut a = app(80, 24);
    run(&mut a, &[Action::GoTo(2), Action::Down]);
    let quote = a.doc().items[1].target;
    let speaker = a.briefing().quotes[quote].speaker;
    a.update(Action::Follow);
    assert_eq!(a.pane(), PaneId::Actors);
    let item = a.selected().unwrap();
    assert_eq!(a.doc().items[item].target, speaker);
    assert!(a.notice().is_some());
    a.update(Action::Back);
    assert_eq!(a.pane(), PaneId::Quotes);
    assert_eq!(a.selected(), Some(1));
    a.update(Action::Back);
    assert_eq!(a.notice(), Some(a.labels().no_history));
}

#[test]
fn figure_links_to_its_passage_in_the_full_text() {
    let mut a = app(80, 24);
    run(&mut a, &[Action::GoTo(1), Action::Down, Action::Down]);
    let figure = &a.briefing().figures[a.doc().items[2].target];
    let excerpt = figure.excerpt.clone();
    a.update(Action::Follow);
    assert_eq!(a.pane(), PaneId::Text);
    let mark = a.mark.clone().expect("the passage is marked");
    assert_eq!(
        &a.doc().blocks[mark.anchor.block].text[mark.anchor.range.clone()],
        excerpt
    );
    let line = a
        .layout()
        .line_at(mark.anchor.block, mark.anchor.range.start);
    assert!(
        line >= a.scroll() && line < a.scroll() + a.page(),
        "passage on screen"
    );
}

#[test]
fn actor_links_to_its_first_mention_and_source_to_its_actor() {
    let mut a = app(80, 24);
    a.update(Action::GoTo(3));
    let actor = a.doc().items[0].target;
    let name = a.briefing().actors[actor].name.clone();
    a.update(Action::Follow);
    assert_eq!(a.pane(), PaneId::Text);
    let mark = a.mark.clone().unwrap();
    let found = &a.doc().blocks[mark.anchor.block].text[mark.anchor.range];
    let actor = &a.briefing().actors[actor];
    assert!(
        found == name || actor.aliases.iter().any(|al| al == found),
        "{found}"
    );

    run(&mut a, &[Action::GoTo(5)]);
    a.update(Action::Follow);
    assert_eq!(a.pane(), PaneId::Actors);
}

#[test]
fn reading_panes_have_no_link_to_follow() {
    let mut a = app(80, 24);
    a.update(Action::Follow);
    assert_eq!(a.pane(), PaneId::Overview);
    assert_eq!(a.notice(), Some(a.labels().no_link));
    assert!(a.history.is_empty());
}

fn search(a: &mut App, text: &str) {
    a.update(Action::SearchStart);
    assert_eq!(a.mode(), Mode::Search);
    for c in text.chars() {
        a.update(Action::SearchInput(c));
    }
    a.update(Action::SearchSubmit);
}

#[test]
fn search_is_accent_and_case_insensitive_across_sections() {
    let mut a = app(80, 24);
    search(&mut a, "PJONGJANG");
    assert_eq!(a.mode(), Mode::Normal);
    let hits = a.search().hits.clone();
    assert!(hits.len() >= 4, "{} hits", hits.len());
    let sections: std::collections::BTreeSet<usize> = hits.iter().map(|h| h.pane).collect();
    assert!(sections.len() >= 3, "hits in {sections:?}");
    assert_eq!(a.search().position(), Some((1, hits.len())));
    let first = &hits[0];
    let text = &a.doc_of(PaneId::at(first.pane)).blocks[first.block].text[first.range.clone()];
    assert_eq!(text, "Pjöngjang");
}

#[test]
fn n_and_shift_n_walk_the_hits_and_wrap_with_a_notice() {
    let mut a = app(80, 24);
    search(&mut a, "nordkorea");
    let count = a.search().hits.len();
    for i in 2..=count {
        a.update(Action::SearchNext);
        assert_eq!(a.search().position(), Some((i, count)));
        let hit = &a.search().hits[i - 1];
        assert_eq!(a.pane().index(), hit.pane, "the pane of hit {i} is shown");
    }
    a.update(Action::SearchNext);
    assert_eq!(a.search().position(), Some((1, count)));
    assert_eq!(a.notice(), Some(a.labels().wrapped_top));
    a.update(Action::SearchPrev);
    assert_eq!(a.search().position(), Some((count, count)));
    assert_eq!(a.notice(), Some(a.labels().wrapped_bottom));
}

#[test]
fn search_hits_in_list_panes_select_their_item() {
    let mut a = app(80, 24);
    search(&mut a, "Frankfurter");
    while a.pane() != PaneId::Sources {
        a.update(Action::SearchNext);
    }
    let item = a.selected().unwrap();
    assert_eq!(
        a.briefing().sources[a.doc().items[item].target].name,
        "Frankfurter Rundschau"
    );
}

#[test]
fn failed_search_and_escape() {
    let mut a = app(80, 24);
    search(&mut a, "xyzzy");
    assert_eq!(a.notice(), Some(a.labels().no_matches));
    assert!(a.search().hits.is_empty());
    a.update(Action::SearchNext);
    assert_eq!(a.notice(), Some(a.labels().no_matches));
    search(&mut a, "Iran");
    assert!(!a.search().hits.is_empty());
    a.update(Action::Escape);
    assert!(a.search().hits.is_empty() && a.search().query.is_none());
    a.update(Action::SearchNext);
    assert_eq!(a.notice(), Some("Noch keine Suche: / drücken"));
}

#[test]
fn search_prompt_edits_and_cancels() {
    let mut a = app(80, 24);
    run(
        &mut a,
        &[
            Action::SearchStart,
            Action::SearchInput('a'),
            Action::SearchInput('b'),
            Action::SearchDelete,
        ],
    );
    assert_eq!(a.search().input.as_deref(), Some("a"));
    run(&mut a, &[Action::SearchClear]);
    assert_eq!(a.search().input.as_deref(), Some(""));
    run(&mut a, &[Action::SearchDelete]);
    assert_eq!(
        a.mode(),
        Mode::Normal,
        "backspace on an empty prompt closes it"
    );
    run(
        &mut a,
        &[
            Action::SearchStart,
            Action::SearchInput('x'),
            Action::SearchCancel,
        ],
    );
    assert_eq!(a.mode(), Mode::Normal);
    assert!(a.search().query.is_none());
}

#[test]
fn an_empty_search_repeats_the_last_one() {
    let mut a = app(80, 24);
    search(&mut a, "Putin");
    let count = a.search().hits.len();
    search(&mut a, "");
    assert_eq!(a.search().hits.len(), count);
}

#[test]
fn help_opens_scrolls_and_closes() {
    let mut a = app(80, 12);
    a.update(Action::Help);
    assert_eq!(a.mode(), Mode::Help);
    let top = |a: &App| a.help().unwrap().scroll.top();
    a.update(Action::Down);
    assert_eq!(top(&a), 1);
    a.update(Action::Bottom);
    let max = top(&a);
    assert!(max > 0);
    a.update(Action::Down);
    assert_eq!(top(&a), max);
    a.update(Action::Resize(80, 40));
    assert_eq!(top(&a), 0, "no scrolling when all of it fits");
    a.update(Action::GoTo(3));
    assert_eq!(
        a.pane(),
        PaneId::Overview,
        "pane keys do nothing under help"
    );
    a.update(Action::Escape);
    assert_eq!(a.mode(), Mode::Normal);
    a.update(Action::Help);
    assert_eq!(a.update(Action::Quit), Flow::Quit);
}

#[test]
fn quit_and_suspend_are_flows() {
    let mut a = app(80, 24);
    assert_eq!(a.update(Action::Quit), Flow::Quit);
    assert_eq!(a.update(Action::Suspend), Flow::Suspend);
    assert_eq!(a.update(Action::Down), Flow::Continue);
}

#[test]
fn resizing_keeps_the_reading_position() {
    let mut a = app(80, 24);
    run(&mut a, &[Action::GoTo(4), Action::PageDown, Action::Down]);
    let before = top_text(&a);
    let anchor = a.layout().lines[a.scroll()];
    assert!(a.scroll() > 0);
    a.update(Action::Resize(40, 12));
    let now = a.layout().lines[a.scroll()];
    assert_eq!(now.block, anchor.block, "same paragraph at the top");
    assert!(
        now.start <= anchor.start && anchor.start < now.end.max(now.start + 1),
        "same words at the top"
    );
    a.update(Action::Resize(80, 24));
    assert_eq!(top_text(&a), before);
}

#[test]
fn wide_screens_page_the_detail_not_the_list() {
    let mut a = app(200, 16);
    a.update(Action::GoTo(3));
    assert!(a.has_detail() && !a.inline_detail());
    assert!(
        a.detail.layout.len() > a.page(),
        "Putin's detail is taller than the pane"
    );
    a.update(Action::PageDown);
    assert!(a.pane_state().detail_scroll.top() > 0);
    assert_eq!(a.selected(), Some(0));
    a.update(Action::Down);
    assert_eq!(a.selected(), Some(1));
    assert_eq!(
        a.pane_state().detail_scroll.top(),
        0,
        "a new selection shows its detail from the top"
    );
}

#[test]
fn mouse_wheel_scrolls_and_clicks_open_tabs_and_items() {
    let mut a = app(80, 24);
    run(&mut a, &[Action::GoTo(4), Action::Wheel(2)]);
    assert_eq!(a.scroll(), 6);
    run(&mut a, &[Action::Wheel(-1)]);
    assert_eq!(a.scroll(), 3);
    let marks = a.keymap().section_marks(false);
    let tabs = crate::geometry::tab_spans(a.labels(), &marks, 80);
    a.update(Action::Click(tabs[1].start + 1, a.geometry().tabs.y));
    assert_eq!(a.pane(), PaneId::Figures);
    let second = a.item_lines(1).start;
    let y = a.geometry().body.y + u16::try_from(second - a.scroll()).unwrap();
    a.update(Action::Click(a.geometry().list_column().x + 3, y));
    assert_eq!(a.selected(), Some(1));
}

#[test]
fn tiny_screens_do_not_break_the_state() {
    for (w, h) in [(0, 0), (1, 1), (5, 2), (20, 5), (16, 4)] {
        let mut a = app(w, h);
        for action in [
            Action::GoTo(3),
            Action::Down,
            Action::PageDown,
            Action::Follow,
            Action::Back,
            Action::Bottom,
        ] {
            a.update(action);
        }
        a.update(Action::Resize(80, 24));
        assert!(a.scroll() <= a.max_scroll());
    }
}

/// What a user could see change.
fn fingerprint(a: &App) -> String {
    format!(
        "{:?} {} {:?} {} {:?} {:?} {:?} {:?} {}",
        a.pane,
        a.scroll(),
        a.selected(),
        a.pane_state().detail_scroll.top(),
        a.help.as_ref().map(|h| h.scroll.top()),
        a.search,
        a.mark,
        a.mode(),
        a.history.len()
    )
}

/// A state in which `action` has something to do.
fn ready_for(action: Action) -> App {
    let mut a = app(80, 24);
    let elsewhere;
    let setup: &[Action] = match action {
        Action::GoTo(n) => {
            elsewhere = [Action::GoTo((n + 1) % 6)];
            &elsewhere
        }
        Action::PrevSection | Action::NextSection | Action::Follow => &[Action::GoTo(2)],
        Action::Down | Action::PageDown | Action::HalfDown | Action::Bottom => &[Action::GoTo(4)],
        Action::Up | Action::PageUp | Action::HalfUp | Action::Top => {
            &[Action::GoTo(4), Action::Bottom]
        }
        Action::Back => &[Action::GoTo(2), Action::Follow],
        Action::SearchNext | Action::SearchPrev | Action::Escape => &[
            Action::SearchStart,
            Action::SearchInput('P'),
            Action::SearchInput('u'),
            Action::SearchSubmit,
        ],
        _ => &[],
    };
    run(&mut a, setup);
    a
}

#[test]
fn every_advertised_key_does_something() {
    use crate::keymap::{Keymap, Screen, bindings};
    for binding in bindings(Screen::Reader) {
        for (i, key) in binding.keys.iter().enumerate() {
            let action = Keymap::default()
                .normal_action(Screen::Reader, *key)
                .expect("bound keys dispatch");
            let expected = match binding.action {
                Action::GoTo(_) => Action::GoTo(i),
                other => other,
            };
            assert_eq!(action, expected, "{key:?} dispatches to its own row");
            let mut a = ready_for(action);
            let before = fingerprint(&a);
            let flow = a.update(action);
            let changed = fingerprint(&a) != before;
            assert!(
                changed || flow != Flow::Continue,
                "{key:?} ({action:?}) did nothing"
            );
        }
    }
}

#[test]
fn hints_name_the_keys_as_bound() {
    use crate::keymap::Keymap;
    use crate::keys::Key;
    let mut keymap = Keymap::default();
    keymap.bind("follow", &[Key::Char('o')]).unwrap();
    keymap.bind("back", &[Key::Char('H')]).unwrap();
    keymap.bind("search", &[]).unwrap();
    let content = Content::new(Arc::new(load_bundled().unwrap()), Lang::En, false);
    let options = Options {
        pane: PaneId::Quotes,
        keymap: Arc::new(keymap),
        ..Options::default()
    };
    let mut a = App::new(Arc::new(content), options, 200, 60);
    let detail: Vec<String> = a.detail.doc.blocks.iter().map(|b| b.text.clone()).collect();
    assert!(detail.iter().any(|t| t == "o: go to actor"), "{detail:?}");
    assert!(!detail.iter().any(|t| t.contains("Enter")), "{detail:?}");
    a.update(Action::Follow);
    assert_eq!(a.notice(), Some("H: back"));
    a.update(Action::SearchNext);
    assert_eq!(
        a.notice(),
        Some("No search yet"),
        "no key to press, no hint"
    );
}
