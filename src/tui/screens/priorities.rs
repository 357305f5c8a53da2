//! Priorities: the criteria's weights, changed with the keys while the ranking moves.

use ratatui::buffer::Buffer;
use ratatui::layout::Position;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::report::DecisionReport;
use crate::tree::WEIGHT_RANGE;
use crate::tui::app::{App, Screen};
use crate::tui::keys::{self, Action, Context};
use crate::tui::layout::{Hit, find_item, panel_inner, split_main};
use crate::tui::theme::{bold, muted, selected};
use crate::tui::update::{Effect, active_mut, changed, step};
use crate::tui::widgets::{clip, draw_items, framed, panel};

use super::question::ranking_panel;

pub(crate) fn draw(app: &App, body: Rect, buf: &mut Buffer) {
    let Some(r) = &app.report else {
        return;
    };
    let (crumb, left, right) = split_main(body);
    Paragraph::new(Line::from(vec![
        Span::styled(" Weights 0..5. ", bold()),
        Span::raw(format!(
            "{}/{} change the highlighted weight; the ranking moves at once.",
            keys::hint(Context::Priorities, Action::Decrease),
            keys::hint(Context::Priorities, Action::Increase)
        )),
    ]))
    .render(crumb, buf);
    let inner = framed(panel("Priorities", true), left, buf);
    draw_items(
        priority_items(app, r, inner.width as usize),
        app.prio_sel,
        inner,
        buf,
    );
    ranking_panel(r, false, 0, right, buf);
}

fn weight_bar(w: i64) -> String {
    let w = w.clamp(0, 5) as usize;
    format!("{}{}", "■".repeat(w), "□".repeat(5 - w))
}

fn priority_items(app: &App, r: &DecisionReport, width: usize) -> Vec<Vec<Line<'static>>> {
    r.criteria
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let sel = i == app.prio_sel;
            let mark = if sel { "▶ " } else { "  " };
            let changed = if r.overrides.contains_key(&c.id) {
                " (set by you)".to_string()
            } else if c.weight == c.default_weight {
                String::new()
            } else {
                format!(" (default {})", c.default_weight)
            };
            let right = format!(" {} {}{changed}", weight_bar(c.weight), c.weight);
            let name_w = width.saturating_sub(Span::raw(right.as_str()).width() + 2);
            let name = clip(&c.name, name_w);
            let pad = name_w.saturating_sub(Span::raw(name.as_str()).width());
            let style = if sel { selected() } else { bold() };
            vec![
                Line::from(vec![
                    Span::styled(format!("{mark}{name}{}", " ".repeat(pad)), style),
                    Span::styled(right, if sel { selected() } else { Style::new() }),
                ]),
                Line::from(Span::styled(
                    clip(&format!("  {}", c.description), width),
                    muted(),
                )),
            ]
        })
        .collect()
}

/// The criterion under a cell.
pub(crate) fn hit(app: &App, body: Rect, pos: Position) -> Option<Hit> {
    let r = app.report.as_ref()?;
    let (_, left, _) = split_main(body);
    let inner = panel_inner(left);
    let items = priority_items(app, r, inner.width as usize);
    find_item(&items, app.prio_sel, inner, pos).map(Hit::Criterion)
}

/// Opens the priorities screen; Esc there returns to `from`.
pub(crate) fn open(app: &mut App, from: Screen) -> Vec<Effect> {
    app.prio_return = from;
    app.screen = Screen::Priorities;
    Vec::new()
}

pub(crate) fn update(app: &mut App, action: Action) -> Vec<Effect> {
    let Some(r) = &app.report else {
        app.screen = app.prio_return;
        return Vec::new();
    };
    let n = r.criteria.len();
    let current = r
        .criteria
        .get(app.prio_sel)
        .map(|c| (c.id.clone(), c.weight));
    match action {
        Action::Up | Action::Down => {
            step(&mut app.prio_sel, n, action == Action::Down);
            Vec::new()
        }
        Action::Increase | Action::Decrease | Action::ResetWeight => {
            let Some((id, w)) = current else {
                return Vec::new();
            };
            let Some((_, d)) = app.active() else {
                return Vec::new();
            };
            let Some(tree) = app.catalog.get(&d.tree) else {
                return Vec::new();
            };
            let mut d = d.clone();
            if action == Action::ResetWeight {
                d.overrides.remove(&id);
            } else {
                let delta = if action == Action::Increase { 1 } else { -1 };
                let new = (w + delta).clamp(*WEIGHT_RANGE.start(), *WEIGHT_RANGE.end());
                if new == w {
                    return Vec::new();
                }
                if let Err(e) = d.set_weight(tree, &id, new) {
                    app.notice = Some(e.to_string());
                    return Vec::new();
                }
            }
            if let Some(slot) = active_mut(app) {
                *slot = d;
            }
            changed(app)
        }
        Action::Back => {
            app.screen = app.prio_return;
            Vec::new()
        }
        _ => Vec::new(),
    }
}
