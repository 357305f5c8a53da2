//! Record: the ADR form (title, status, deciders, context), typed into text fields.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::adr::Status;
use crate::text::sanitize as plain;
use crate::tui::app::{App, Field, Screen};
use crate::tui::keys::{self, Action, Context, Edit};
use crate::tui::layout::record_layout;
use crate::tui::theme::{accent, bold, selected};
use crate::tui::update::{Effect, store_form};
use crate::tui::widgets::{clip, framed, panel};

pub(crate) fn draw(app: &App, body: Rect, buf: &mut Buffer) {
    let Some(form) = &app.form else {
        return;
    };
    let [intro, title, status, deciders, context] = record_layout(body);
    let option = app
        .report
        .as_ref()
        .and_then(|r| r.chosen.as_deref().and_then(|c| r.option(c)))
        .map_or(String::new(), |o| plain(&o.name));
    let line = Line::from(vec![
        Span::styled(" Record the decision for ", bold()),
        Span::styled(option.clone(), accent()),
        Span::raw(format!(
            ". {} moves between fields; {} previews the ADR.",
            keys::hint(Context::RecordText, Action::NextPanel),
            keys::hint(Context::RecordText, Action::Preview)
        )),
    ]);
    // Cut with an ellipsis, never mid-word without a mark.
    let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
    if Span::raw(text.as_str()).width() > intro.width as usize {
        let keys_hint = format!(
            " · {} field · {} preview",
            keys::hint(Context::RecordText, Action::NextPanel),
            keys::hint(Context::RecordText, Action::Preview)
        );
        let room = (intro.width as usize).saturating_sub(9 + Span::raw(keys_hint.as_str()).width());
        Paragraph::new(Line::from(vec![
            Span::styled(" Record: ", bold()),
            Span::styled(clip(&option, room), accent()),
            Span::raw(keys_hint),
        ]))
        .render(intro, buf);
    } else {
        Paragraph::new(line).render(intro, buf);
    }
    // Deciders, consulted and informed share one row (MADR's three people fields).
    let [deciders, consulted, informed] = ratatui::layout::Layout::horizontal([
        ratatui::layout::Constraint::Percentage(40),
        ratatui::layout::Constraint::Percentage(30),
        ratatui::layout::Constraint::Percentage(30),
    ])
    .areas(deciders);
    for (field, rect) in [
        (Field::Title, title),
        (Field::Deciders, deciders),
        (Field::Consulted, consulted),
        (Field::Informed, informed),
        (Field::Context, context),
    ] {
        let inner = framed(panel(field.label(), form.focus == field), rect, buf);
        let editor = match field {
            Field::Title => &form.title,
            Field::Deciders => &form.deciders,
            Field::Consulted => &form.consulted,
            Field::Informed => &form.informed,
            _ => &form.context,
        };
        Widget::render(editor, inner, buf);
    }
    let inner = framed(
        panel(
            &format!(
                "Status ({}/{} change)",
                keys::hint(Context::RecordStatus, Action::Decrease),
                keys::hint(Context::RecordStatus, Action::Increase)
            ),
            form.focus == Field::Status,
        ),
        status,
        buf,
    );
    let mut spans = Vec::new();
    for (i, s) in Status::ALL.iter().enumerate() {
        if i == form.status {
            spans.push(Span::styled(format!("[{s}]"), selected()));
        } else {
            spans.push(Span::raw(format!(" {s} ")));
        }
        spans.push(Span::raw("  "));
    }
    Paragraph::new(Line::from(spans)).render(inner, buf);
}

pub(crate) fn update(app: &mut App, action: Action) -> Vec<Effect> {
    let Some(form) = app.form.as_mut() else {
        app.screen = Screen::Outcome;
        return Vec::new();
    };
    match action {
        Action::NextPanel | Action::PrevPanel => {
            form.move_focus(action == Action::NextPanel);
            Vec::new()
        }
        Action::Increase => {
            form.status = (form.status + 1) % Status::ALL.len();
            Vec::new()
        }
        Action::Decrease => {
            form.status = (form.status + Status::ALL.len() - 1) % Status::ALL.len();
            Vec::new()
        }
        Action::Preview => {
            store_form(app);
            app.preview = None;
            app.preview_scroll = 0;
            app.screen = Screen::Preview;
            vec![Effect::Save, Effect::Preview]
        }
        Action::Back => {
            store_form(app);
            app.screen = Screen::Outcome;
            vec![Effect::Save]
        }
        _ => Vec::new(),
    }
}

/// A key the registry does not claim, typed into the focused text field. Enter in a one-line
/// field moves on instead of adding a line; control characters are never inserted.
pub(crate) fn edit(app: &mut App, ev: KeyEvent) -> Vec<Effect> {
    let Some(form) = app.form.as_mut() else {
        return Vec::new();
    };
    if let KeyCode::Char(c) = ev.code
        && c.is_control()
    {
        return Vec::new();
    }
    let multi = form.focus == Field::Context;
    if ev.code == KeyCode::Enter && !multi {
        form.move_focus(true);
        return Vec::new();
    }
    if ev.modifiers.contains(KeyModifiers::CONTROL) && ev.code == KeyCode::Char('m') && !multi {
        return Vec::new();
    }
    if let Some(t) = form.editor_mut() {
        // Readline habits over the widget's defaults: Ctrl-U deletes to the start of the line
        // (the widget would undo), Ctrl-Z undoes. The keys come from the editing registry.
        match keys::edit_action(&ev) {
            Some(Edit::EraseToStart) => {
                t.delete_line_by_head();
            }
            Some(Edit::Undo) => {
                t.undo();
            }
            _ => {
                t.input(ev);
            }
        }
    }
    Vec::new()
}
