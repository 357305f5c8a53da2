//! `view(app, frame)`: draws the state, nothing else. The chrome (header, notice, status bar,
//! overlays) is in `super::chrome`, each screen in `super::screens`, geometry in
//! `super::layout` (shared with mouse hit-testing), styles in `super::theme`.

use ratatui::Frame;

use super::app::{App, Screen};
use super::layout::{MIN_HEIGHT, MIN_WIDTH, areas};
use super::{chrome, screens};

/// Draws the whole frame.
pub fn view(app: &App, frame: &mut Frame) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        chrome::too_small(area, frame.buffer_mut());
        return;
    }
    let a = areas(area);
    chrome::header(app, a.header, frame.buffer_mut());
    match app.screen {
        Screen::Home => screens::home::draw(app, a.body, frame.buffer_mut()),
        Screen::Question => screens::question::draw(app, a.body, frame.buffer_mut()),
        Screen::Priorities => screens::priorities::draw(app, a.body, frame.buffer_mut()),
        Screen::Outcome => screens::outcome::draw(app, a.body, frame.buffer_mut()),
        Screen::Record => screens::record::draw(app, a.body, frame.buffer_mut()),
        Screen::Preview => screens::preview::draw(app, a.body, frame.buffer_mut()),
        Screen::Exported => screens::exported::draw(app, a.body, frame.buffer_mut()),
        Screen::Log => screens::log::draw(app, a.body, frame.buffer_mut()),
        Screen::Review => screens::review::draw(app, a.body, frame.buffer_mut()),
        Screen::Revisit => screens::revisit::draw(app, a.body, frame.buffer_mut()),
    }
    chrome::notice(app, a.notice, frame.buffer_mut());
    chrome::status_bar(app, a.status, frame.buffer_mut());
    if app.help {
        chrome::help(app, area, frame.buffer_mut());
    }
    if app.confirm_quit {
        chrome::confirm_quit(app, area, frame.buffer_mut());
    }
}
