//! Exported: where the ADR was written (or why it was not), and what to do next.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::text::sanitize as plain;
use crate::tui::app::{App, Screen};
use crate::tui::keys::{self, Action, Context};
use crate::tui::theme::{bold, good, warn};
use crate::tui::update::{Effect, decide_another, next_decision};
use crate::tui::widgets::{centered, panel, wrap};

pub(crate) fn draw(app: &App, body: Rect, buf: &mut Buffer) {
    let width = body.width.saturating_sub(8).min(90);
    let (title, lines): (&str, Vec<Line>) = match &app.export {
        Some(Ok(done)) => {
            let mut lines = Vec::new();
            let shown = |p: &std::path::PathBuf| plain(&p.display().to_string());
            if !done.written.is_empty() {
                lines.push(Line::from(Span::styled("✓ ADR written:", good())));
                for p in &done.written {
                    for l in wrap(&shown(p), width as usize - 4) {
                        lines.push(Line::from(Span::styled(format!("  {l}"), bold())));
                    }
                }
            }
            if !done.changed.is_empty() {
                lines.push(Line::from(Span::styled(
                    if done.written.is_empty() {
                        "✓ ADR updated in place:"
                    } else {
                        "Also changed (links back to the new ADR, superseded marks):"
                    },
                    good(),
                )));
                for p in &done.changed {
                    for l in wrap(&shown(p), width as usize - 4) {
                        lines.push(Line::from(format!("  {l}")));
                    }
                }
            }
            lines.push(Line::default());
            let hint = |a| keys::hint(Context::Exported, a);
            // In an area walk, the next decision is the natural next step.
            let next = app.session.as_ref().and_then(|s| {
                let d = s.decisions.get(s.active + 1)?;
                let title = app.catalog.get(&d.tree)?.tree.title.clone();
                Some(format!(
                    "{}: next decision of this area, {}\n",
                    hint(Action::NextDecision),
                    plain(&title)
                ))
            });
            for l in wrap(
                &format!(
                    "{}{}: decide another tree in this session (its outcome shows conflicts with this decision)\n{}: back to the form · {}: home · {}: quit",
                    next.unwrap_or_default(),
                    hint(Action::DecideAnother),
                    hint(Action::Back),
                    hint(Action::Home),
                    hint(Action::Quit)
                ),
                width as usize - 2,
            ) {
                lines.push(Line::from(l));
            }
            ("Exported", lines)
        }
        Some(Err(e)) => {
            let mut lines = vec![Line::from(Span::styled(
                "✗ The ADR was not written",
                warn(),
            ))];
            for l in wrap(e, width as usize - 2) {
                lines.push(Line::from(l));
            }
            lines.push(Line::default());
            for l in wrap(
                &format!(
                    "Nothing is lost: the session and the form are saved. Fix the problem (for example make the directory writable), then press {} to try again, or {} to edit the form.",
                    keys::hint(Context::Exported, Action::Export),
                    keys::hint(Context::Exported, Action::Back)
                ),
                width as usize - 2,
            ) {
                lines.push(Line::from(l));
            }
            ("Export failed", lines)
        }
        None => ("Export", vec![Line::from("Writing the ADR…")]),
    };
    let rect = centered(body, width, lines.len() as u16 + 2);
    Paragraph::new(lines)
        .block(panel(title, true))
        .render(rect, buf);
}

pub(crate) fn update(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Export if matches!(app.export, Some(Err(_))) => {
            vec![Effect::Export(crate::tui::update::ExportMode::New)]
        }
        Action::Back => {
            app.screen = Screen::Record;
            Vec::new()
        }
        Action::DecideAnother => decide_another(app),
        Action::NextDecision => next_decision(app),
        Action::Home => {
            app.session = None;
            app.report = None;
            app.form = None;
            app.screen = Screen::Home;
            vec![Effect::List]
        }
        _ => Vec::new(),
    }
}
