//! State tests: `App::update` on actions, no terminal involved.

use super::*;
use crate::briefing::load_bundled;

fn app(width: u16, height: u16) -> App {
    let options = Options {
        lang: Lang::De,
        ascii: false,
        section: SectionId::Overview,
        colour: false,
    };
    App::new(
        load_bundled().expect("bundled briefing"),
        options,
        width,
        height,
    )
}

#[test]
fn starts_on_the_overview_at_the_top() {
    let a = app(80, 24);
    assert_eq!(a.section(), SectionId::Overview);
    assert_eq!(a.scroll(), 0);
    assert_eq!(a.mode(), Mode::Normal);
}
