//! The decision log: the repository's ADRs as a table (number, status, date, title, and what
//! superseded it), narrowed by a status filter and a typed title search; Enter opens one in a
//! reader that scrolls its Markdown as text and follows its links to other ADRs. The state
//! and its rules are in [`crate::tui::log_view`]; this module draws it and maps keys to it.

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::log::DecisionLog;
use crate::text::sanitize as plain;
use crate::tui::app::{App, Screen};
use crate::tui::keys::{self, Action, Context, Edit};
use crate::tui::layout::{Hit, find_item, panel_inner};
use crate::tui::log_view::LogView;
use crate::tui::theme::{bold, muted, selected, warn};
use crate::tui::update::{Effect, step};
use crate::tui::widgets::{clip, draw_items, framed, panel, wrap};

/// Opens the screen on a fresh read of the log.
pub(crate) fn open(app: &mut App) -> Vec<Effect> {
    app.log_view = LogView::default();
    app.screen = Screen::Log;
    vec![Effect::LoadLog]
}

/// The log has been read.
pub(crate) fn loaded(app: &mut App, r: Result<DecisionLog, String>) {
    app.log_view.log = Some(r);
    app.log_view.clamp();
}

/// An ADR's file has been read: shown if it is still the one open.
pub(crate) fn read(app: &mut App, path: &std::path::Path, r: Result<String, String>) {
    let v = &mut app.log_view;
    let Some(i) = v.reader.as_ref().map(|r| r.entry) else {
        return;
    };
    if v.entries().get(i).is_some_and(|e| e.path == path)
        && let Some(reader) = v.reader.as_mut()
    {
        reader.text = Some(r);
    }
}

/// The directory as the user knows it: relative to where the TUI runs.
fn dir_shown(app: &App, log: &DecisionLog) -> String {
    let rel = app
        .repo
        .as_deref()
        .and_then(|r| log.dir.strip_prefix(r).ok())
        .unwrap_or(&log.dir);
    plain(&rel.display().to_string())
}

pub(crate) fn draw(app: &App, body: Rect, buf: &mut Buffer) {
    if app.log_view.reader.is_some() {
        draw_reader(app, body, buf);
    } else {
        draw_list(app, body, buf);
    }
}

/// The filter line and the list panel of the list view.
fn list_layout(body: Rect) -> [Rect; 2] {
    Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(body)
}

/// The column header and the rows inside the list panel.
fn rows_layout(inner: Rect) -> [Rect; 2] {
    Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(inner)
}

/// The row under a cell of the list (through the layout the list is drawn with).
pub(crate) fn hit(app: &App, body: Rect, pos: Position) -> Option<Hit> {
    let v = &app.log_view;
    if v.reader.is_some() {
        return None;
    }
    let [_, list] = list_layout(body);
    let [_, rows] = rows_layout(panel_inner(list));
    let items: Vec<Vec<Line<'_>>> = v.visible().iter().map(|_| vec![Line::default()]).collect();
    find_item(&items, v.sel, rows, pos).map(Hit::LogRow)
}

fn draw_list(app: &App, body: Rect, buf: &mut Buffer) {
    let v = &app.log_view;
    let [bar, list] = list_layout(body);
    // The filter line: status, then the search field (a textarea while it has the focus).
    let status = v.status.clone().unwrap_or_else(|| "all".into());
    let head = format!(
        " Status ({}): ",
        keys::hint(Context::Log, Action::FilterStatus)
    );
    let search = format!("  Search ({}): ", keys::hint(Context::Log, Action::Search));
    let mut x = bar.x;
    for (text, style) in [
        (head.as_str(), muted()),
        (status.as_str(), bold()),
        (search.as_str(), muted()),
    ] {
        let w = Span::raw(text).width() as u16;
        if x + w > bar.right() {
            break;
        }
        buf.set_string(x, bar.y, plain(text), style);
        x += w;
    }
    let field = Rect::new(x, bar.y, bar.right().saturating_sub(x).min(30), 1);
    if v.searching {
        Widget::render(&v.query, field, buf);
        // The cursor: reversed, so it shows without colour.
        let end = Span::raw(v.query_text().as_str()).width() as u16;
        if end < field.width {
            let cell = &mut buf[(field.x + end, field.y)];
            cell.set_style(selected());
        }
    } else {
        let q = v.query_text();
        let (text, style) = if q.is_empty() {
            ("none".to_string(), muted())
        } else {
            (format!("\"{q}\""), bold())
        };
        buf.set_string(field.x, field.y, clip(&text, field.width as usize), style);
    }

    let log = match &v.log {
        None => {
            Paragraph::new("Reading the decision log…")
                .block(panel("Decision log", true))
                .render(list, buf);
            return;
        }
        Some(Err(e)) => {
            let lines: Vec<Line> = wrap(
                &format!(
                    "✗ The decision log cannot be read: {e}\n\n{} goes back.",
                    keys::hint(Context::Log, Action::Back)
                ),
                list.width.saturating_sub(2) as usize,
            )
            .into_iter()
            .map(Line::from)
            .collect();
            Paragraph::new(lines)
                .style(warn())
                .block(panel("Decision log", true))
                .render(list, buf);
            return;
        }
        Some(Ok(log)) => log,
    };
    let visible = v.visible();
    let title = format!(
        "ADRs in {} ({} of {})",
        dir_shown(app, log),
        visible.len(),
        log.entries.len()
    );
    let inner = framed(panel(&title, true), list, buf);
    if log.entries.is_empty() {
        Paragraph::new(
            "No ADRs here yet. `tradeoffs adr new \"Title\"` writes one, and every decision you export from a tree lands here.",
        )
        .style(muted())
        .wrap(Wrap { trim: true })
        .render(inner, buf);
        return;
    }
    let [header, rows] = rows_layout(inner);
    let width = inner.width as usize;
    buf.set_string(
        header.x,
        header.y,
        clip("  NUMBER STATUS     DATE       TITLE", width),
        muted(),
    );
    if visible.is_empty() {
        Paragraph::new("No ADR matches the status filter and the search.")
            .style(muted())
            .render(rows, buf);
        return;
    }
    let successors = log.successors();
    let items: Vec<Vec<Line<'static>>> = visible
        .iter()
        .enumerate()
        .map(|(row, &i)| {
            let e = &log.entries[i];
            let sel = row == v.sel;
            let mark = match (sel, e.problem.is_some()) {
                (true, _) => "▶ ",
                (false, true) => "✗ ",
                (false, false) => "  ",
            };
            let number = if e.number.is_some() {
                e.number_text()
            } else {
                "—".into()
            };
            let status = match (&e.problem, e.status_text()) {
                (Some(_), "") => "unreadable".to_string(),
                (_, "") => "—".to_string(),
                (_, s) => clip(s, 10),
            };
            let date = e
                .date
                .as_ref()
                .map_or("—".to_string(), |d| clip(&d.value, 10));
            let by: Vec<String> = successors[i]
                .iter()
                .map(|&j| {
                    let t = &log.entries[j];
                    if t.number.is_some() {
                        t.number_text()
                    } else {
                        t.file.trim_end_matches(".md").to_string()
                    }
                })
                .collect();
            let then = if by.is_empty() {
                String::new()
            } else {
                format!(" → {}", by.join(", "))
            };
            let text = format!(
                "{mark}{number:<6} {status:<10} {date:<10} {}{then}",
                e.title_text()
            );
            let style = if sel {
                selected()
            } else if e.problem.is_some() || e.status_text() == "superseded" {
                muted()
            } else {
                ratatui::style::Style::new()
            };
            vec![Line::from(Span::styled(clip(&text, width), style))]
        })
        .collect();
    draw_items(items, v.sel, rows, buf);
}

fn draw_reader(app: &App, body: Rect, buf: &mut Buffer) {
    let v = &app.log_view;
    let (Some(Ok(log)), Some(r)) = (&v.log, &v.reader) else {
        return;
    };
    let Some(entry) = log.entries.get(r.entry) else {
        return;
    };
    let links = v.links();
    let links_h = if links.is_empty() {
        0
    } else {
        (links.len() as u16 + 2).min(7)
    };
    let [links_area, text_area] =
        Layout::vertical([Constraint::Length(links_h), Constraint::Fill(1)]).areas(body);
    if !links.is_empty() {
        let title = format!(
            "Links ({} next · {} follow)",
            keys::hint(Context::LogReader, Action::NextPanel),
            keys::hint(Context::LogReader, Action::Select)
        );
        let inner = framed(panel(&title, false), links_area, buf);
        let width = inner.width as usize;
        let items: Vec<Vec<Line<'static>>> = links
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let sel = i == r.link_sel;
                let mark = if sel { "▶ " } else { "  " };
                let what = match l.to.and_then(|t| log.entries.get(t)) {
                    Some(t) => format!(
                        "{} {}",
                        if t.number.is_some() {
                            t.number_text()
                        } else {
                            t.file.clone()
                        },
                        t.title_text()
                    ),
                    None => format!("{} (not in this log)", l.target),
                };
                let style = if sel { selected() } else { bold() };
                vec![Line::from(Span::styled(
                    clip(&format!("{mark}{} {what}", l.label), width),
                    style,
                ))]
            })
            .collect();
        draw_items(items, r.link_sel, inner, buf);
    }
    let status = entry
        .status
        .as_ref()
        .map_or("no status", |s| s.normalized.as_str());
    let name = if entry.number.is_some() {
        format!("{} ", entry.number_text())
    } else {
        String::new()
    };
    match &r.text {
        None => {
            Paragraph::new("Reading the ADR…")
                .block(panel(&format!("{name}{}", entry.title_text()), true))
                .render(text_area, buf);
        }
        Some(Err(e)) => {
            let lines: Vec<Line> = wrap(
                &format!("✗ {e}"),
                text_area.width.saturating_sub(2) as usize,
            )
            .into_iter()
            .map(Line::from)
            .collect();
            Paragraph::new(lines)
                .style(warn())
                .block(panel(&format!("{name}{}", entry.title_text()), true))
                .render(text_area, buf);
        }
        Some(Ok(text)) => {
            let lines: Vec<Line> = text.lines().map(|l| Line::from(plain(l))).collect();
            let total = lines.len().max(1);
            // Where the reader is comes first: a long title is cut, never the line count.
            let title = format!(
                "line {}/{total} · {status} · {name}{}",
                (r.scroll as usize + 1).min(total),
                entry.title_text(),
            );
            Paragraph::new(lines)
                .wrap(Wrap { trim: false })
                .scroll((r.scroll, 0))
                .block(panel(&title, true))
                .render(text_area, buf);
        }
    }
}

pub(crate) fn update(app: &mut App, action: Action) -> Vec<Effect> {
    let page = app.size.1.saturating_sub(8).max(1);
    if app.log_view.reader.is_some() {
        return reader(app, action, page);
    }
    let v = &mut app.log_view;
    let n = v.visible().len();
    match action {
        Action::Up | Action::Down => step(&mut v.sel, n, action == Action::Down),
        Action::PageUp => v.sel = v.sel.saturating_sub(page as usize),
        Action::PageDown => v.sel = (v.sel + page as usize).min(n.saturating_sub(1)),
        Action::First => v.sel = 0,
        Action::Last => v.sel = n.saturating_sub(1),
        Action::Search => v.searching = true,
        Action::FilterStatus => v.next_status(),
        Action::Select if v.searching => v.searching = false,
        Action::Back if v.searching => {
            v.query = LogView::default().query;
            v.searching = false;
            v.sel = 0;
        }
        Action::Select => {
            if let Some(path) = v.selected().and_then(|i| v.open(i, false)) {
                return vec![Effect::ReadAdr(path)];
            }
        }
        Action::Back => app.screen = Screen::Home,
        _ => {}
    }
    Vec::new()
}

fn reader(app: &mut App, action: Action, page: u16) -> Vec<Effect> {
    let links = app.log_view.links();
    let Some(r) = app.log_view.reader.as_mut() else {
        return Vec::new();
    };
    let lines = match &r.text {
        Some(Ok(t)) => t.lines().count() as u16,
        _ => 0,
    };
    match action {
        Action::Up => r.scroll = r.scroll.saturating_sub(1),
        Action::Down => r.scroll = r.scroll.saturating_add(1),
        Action::PageUp => r.scroll = r.scroll.saturating_sub(page),
        Action::PageDown => r.scroll = r.scroll.saturating_add(page),
        Action::First => r.scroll = 0,
        Action::Last => r.scroll = u16::MAX,
        Action::NextPanel | Action::PrevPanel if !links.is_empty() => {
            let n = links.len();
            r.link_sel = if action == Action::NextPanel {
                (r.link_sel + 1) % n
            } else {
                (r.link_sel + n - 1) % n
            };
        }
        Action::Select => match links.get(r.link_sel) {
            Some(l) => match l.to {
                Some(to) => {
                    return app
                        .log_view
                        .open(to, true)
                        .map(Effect::ReadAdr)
                        .into_iter()
                        .collect();
                }
                None => {
                    app.notice = Some(format!(
                        "{} {}: no ADR of this log has that name or number",
                        l.label,
                        plain(&l.target)
                    ));
                }
            },
            None => app.notice = Some("this ADR links to no other ADR".into()),
        },
        Action::Back => {
            return app
                .log_view
                .back()
                .map(Effect::ReadAdr)
                .into_iter()
                .collect();
        }
        _ => {}
    }
    r.scroll = r.scroll.min(lines.saturating_sub(1));
    Vec::new()
}

/// A key the registry does not claim, typed into the search field; the list narrows as it is
/// typed. Control characters are never inserted.
pub(crate) fn edit(app: &mut App, ev: KeyEvent) -> Vec<Effect> {
    let v = &mut app.log_view;
    if let KeyCode::Char(c) = ev.code
        && c.is_control()
    {
        return Vec::new();
    }
    if matches!(ev.code, KeyCode::Enter | KeyCode::Tab) {
        return Vec::new();
    }
    match keys::edit_action(&ev) {
        Some(Edit::EraseToStart) => {
            v.query.delete_line_by_head();
        }
        Some(Edit::Undo) => {
            v.query.undo();
        }
        _ => {
            v.query.input(ev);
        }
    }
    v.sel = 0;
    Vec::new()
}
