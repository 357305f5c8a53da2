//! Where things go on the screen, computed by small pure functions that both drawing and mouse
//! hit-testing call, so a click maps to exactly the row that was drawn (and `update` never
//! calls into the view to find out).

use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders};

use super::app::{App, Screen};
use super::screens;

/// The smallest terminal the layout is designed for.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// The four rows every screen shares.
pub(crate) struct Areas {
    pub header: Rect,
    pub body: Rect,
    pub notice: Rect,
    pub status: Rect,
}

pub(crate) fn areas(area: Rect) -> Areas {
    let [header, body, notice, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    Areas {
        header,
        body,
        notice,
        status,
    }
}

/// Lays out variable-height items in `area`, scrolled so that `sel` is visible. Returns the
/// index and rectangle of each visible item (the last one may be cut short).
pub(crate) fn item_rects(heights: &[u16], sel: usize, area: Rect) -> Vec<(usize, Rect)> {
    let mut first = 0;
    while first < sel && heights[first..=sel].iter().sum::<u16>() > area.height {
        first += 1;
    }
    let mut out = Vec::new();
    let mut y = area.y;
    for (i, &h) in heights.iter().enumerate().skip(first) {
        if y >= area.bottom() {
            break;
        }
        let h = h.min(area.bottom() - y);
        out.push((i, Rect::new(area.x, y, area.width, h)));
        y += h;
    }
    out
}

pub(crate) fn home_columns(body: Rect) -> [Rect; 2] {
    Layout::horizontal([Constraint::Percentage(58), Constraint::Percentage(42)]).areas(body)
}

/// Left panel (question) and right panel (ranking) of the question and priorities screens.
pub(crate) fn split_main(body: Rect) -> (Rect, Rect, Rect) {
    let [crumb, rest] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(body);
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(58), Constraint::Percentage(42)]).areas(rest);
    (crumb, left, right)
}

pub(crate) fn outcome_layout(body: Rect) -> (Rect, Rect, Rect, Rect) {
    let (crumb, left, right) = split_main(body);
    let [list, breakdown] =
        Layout::vertical([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(left);
    (crumb, list, breakdown, right)
}

pub(crate) fn record_layout(body: Rect) -> [Rect; 5] {
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(3),
        Constraint::Length(3),
        Constraint::Length(3),
        Constraint::Min(5),
    ])
    .areas(body)
}

/// What a click at a cell lands on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hit {
    Tree(usize),
    Session(usize),
    Answer(usize),
    Option(usize),
    Criterion(usize),
    /// A row of the decision log's list (index among the rows shown).
    LogRow(usize),
}

/// The inside of a bordered panel drawn in `area` (what `panel(..).inner(area)` gives).
pub(crate) fn panel_inner(area: Rect) -> Rect {
    Block::new().borders(Borders::ALL).inner(area)
}

/// The item under a cell, among items of the given heights laid out in `area` and scrolled
/// to `sel`.
pub(crate) fn find_item(
    items: &[Vec<Line<'_>>],
    sel: usize,
    area: Rect,
    pos: Position,
) -> Option<usize> {
    let heights: Vec<u16> = items.iter().map(|i| i.len() as u16).collect();
    item_rects(&heights, sel, area)
        .into_iter()
        .find(|(_, r)| r.contains(pos))
        .map(|(i, _)| i)
}

/// Maps a click to the row drawn there; each screen answers with the layout it draws.
pub fn hit_test(app: &App, column: u16, row: u16) -> Option<Hit> {
    let (w, h) = app.size;
    if w < MIN_WIDTH || h < MIN_HEIGHT {
        return None;
    }
    let body = areas(Rect::new(0, 0, w, h)).body;
    let pos = Position::new(column, row);
    match app.screen {
        Screen::Home => screens::home::hit(app, body, pos),
        Screen::Question => screens::question::hit(app, body, pos),
        Screen::Outcome => screens::outcome::hit(app, body, pos),
        Screen::Priorities => screens::priorities::hit(app, body, pos),
        Screen::Log => screens::log::hit(app, body, pos),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_scroll_to_keep_the_selection_visible() {
        let r = item_rects(&[2, 2, 2, 2], 3, Rect::new(0, 0, 10, 5));
        assert_eq!(r.first().map(|x| x.0), Some(2));
        assert_eq!(r[1], (3, Rect::new(0, 2, 10, 2)));
        let r = item_rects(&[2, 2, 2], 0, Rect::new(0, 0, 10, 5));
        assert_eq!(r.len(), 3);
        assert_eq!(r[2].1.height, 1);
    }
}
