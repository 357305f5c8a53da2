//! Exported: where the ADR was written (or why it was not), and what to do next.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::text::sanitize as plain;
use crate::tui::app::{App, Screen};
use crate::tui::keys::{self, Action, Context};
use crate::tui::theme::{bold, good, warn};
use crate::tui::update::{Effect, decide_another};
use crate::tui::widgets::{centered, panel, wrap};

pub(crate) fn draw(app: &App, body: Rect, buf: &mut Buffer) {
    let width = body.width.saturating_sub(8).min(90);
    let (title, lines): (&str, Vec<Line>) = match &app.export {
        Some(Ok(path)) => {
            let mut lines = vec![
                Line::from(Span::styled("✓ ADR written to", good())),
                Line::from(Span::styled(format!("  {}", plain(path)), bold())),
                Line::default(),
            ];
            let hint = |a| keys::hint(Context::Exported, a);
            for l in wrap(
                &format!(
                    "{}: decide another tree in this session (its outcome shows conflicts with this decision)\n{}: back to the form · {}: home · {}: quit",
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
        Action::Export if matches!(app.export, Some(Err(_))) => vec![Effect::Export],
        Action::Back => {
            app.screen = Screen::Record;
            Vec::new()
        }
        Action::DecideAnother => decide_another(app),
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
