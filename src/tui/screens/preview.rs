//! Preview: the ADR as it will be written, with where it goes and any warnings.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::text::sanitize as plain;
use crate::tui::app::{App, Screen};
use crate::tui::keys::{self, Action, Context};
use crate::tui::theme::{muted, selected, warn};
use crate::tui::update::{Effect, ExportMode, active_mut, changed};
use crate::tui::widgets::{panel, wrap};

pub(crate) fn draw(app: &App, body: Rect, buf: &mut Buffer) {
    match &app.preview {
        None => {
            Paragraph::new("Rendering the ADR…")
                .block(panel("Preview", true))
                .render(body, buf);
        }
        Some(Err(e)) => {
            let lines: Vec<Line> = wrap(
                &format!(
                    "✗ The ADR cannot be rendered: {e}\n\nYour session and the form are saved. {} goes back to the form.",
                    keys::hint(Context::Preview, Action::Back)
                ),
                body.width.saturating_sub(2) as usize,
            )
            .into_iter()
            .map(Line::from)
            .collect();
            Paragraph::new(lines)
                .style(warn())
                .block(panel("Preview", true))
                .render(body, buf);
        }
        Some(Ok(p)) if !p.packages.is_empty() => {
            let mut lines = vec![
                Line::from("This repository has several ADR folders. Where does this ADR go?"),
                Line::from(""),
            ];
            for (i, (name, dir)) in p.packages.iter().enumerate() {
                let text = format!("{name}: {}", plain(dir));
                lines.push(if i == app.package_sel {
                    Line::from(Span::styled(format!("› {text}"), selected()))
                } else {
                    Line::from(format!("  {text}"))
                });
            }
            lines.push(Line::from(""));
            lines.push(Line::from(format!(
                "{} picks the highlighted folder (`--package NAME` picks it on the command line).",
                keys::hint(Context::Preview, Action::Export)
            )));
            Paragraph::new(lines)
                .wrap(Wrap { trim: false })
                .block(panel("Preview: choose the ADR folder", true))
                .render(body, buf);
        }
        Some(Ok(p)) => {
            let mut lines: Vec<Line> = p
                .style
                .iter()
                .map(|s| Line::from(Span::styled(format!("✎ {}", plain(s)), muted())))
                .collect();
            lines.extend(
                p.warnings
                    .iter()
                    .map(|w| Line::from(Span::styled(format!("⚠ {}", plain(w)), warn()))),
            );
            lines.extend(p.text.lines().map(|l| Line::from(plain(l))));
            let total = lines.len();
            let detail = match app.active() {
                Some((_, d)) if d.record.full_detail => "full",
                _ => "short",
            };
            let title = format!(
                "Preview ({detail}): will be written to {} (line {}/{total})",
                plain(&p.dir),
                (app.preview_scroll as usize + 1).min(total)
            );
            Paragraph::new(lines)
                .wrap(Wrap { trim: false })
                .scroll((app.preview_scroll, 0))
                .block(panel(&title, true))
                .render(body, buf);
        }
    }
}

pub(crate) fn update(app: &mut App, action: Action) -> Vec<Effect> {
    if choosing(app) {
        return choose(app, action);
    }
    // A scroll key moves the offset here; it is kept within the text below.
    crate::tui::scroll::apply(
        &mut app.preview_scroll,
        action,
        crate::tui::scroll::page(app.size.1),
    );
    match action {
        Action::Export | Action::UpdateAdr | Action::NewAdr => {
            if !matches!(app.preview, Some(Ok(_))) {
                app.notice = Some("nothing to export: the preview could not be rendered".into());
                return Vec::new();
            }
            let earlier = app
                .active()
                .and_then(|(_, d)| d.record.exported.clone())
                .filter(|p| std::path::Path::new(p).is_file());
            return match (action, earlier) {
                (Action::UpdateAdr, Some(_)) => vec![Effect::Export(ExportMode::Update)],
                (Action::Export, Some(path)) => {
                    // Never a silent duplicate: ask how.
                    app.notice = Some(format!(
                        "this decision was exported as {}: {} updates it in place, {} writes a new ADR",
                        plain(&path),
                        keys::hint(Context::Preview, Action::UpdateAdr),
                        keys::hint(Context::Preview, Action::NewAdr)
                    ));
                    Vec::new()
                }
                (Action::UpdateAdr, None) => {
                    app.notice = Some("this decision has no ADR yet to update".into());
                    Vec::new()
                }
                _ => vec![Effect::Export(ExportMode::New)],
            };
        }
        Action::Back => app.screen = Screen::Record,
        Action::ToggleDetail => {
            let full = match active_mut(app) {
                Some(d) => {
                    d.record.full_detail = !d.record.full_detail;
                    d.record.full_detail
                }
                None => return Vec::new(),
            };
            app.notice = Some(if full {
                "full analysis: every option, every reference and the trade-off graph".into()
            } else {
                "short ADR: the chosen option, the top few options and one line for each other"
                    .into()
            });
            let mut effects = changed(app);
            effects.push(Effect::Preview);
            return effects;
        }
        _ => {}
    }
    let max = app
        .preview
        .as_ref()
        .and_then(|p| p.as_ref().ok())
        .map_or(0, |p| p.text.lines().count() as u16);
    app.preview_scroll = app.preview_scroll.min(max.saturating_sub(1));
    Vec::new()
}

/// The preview is asking which ADR folder to use.
fn choosing(app: &App) -> bool {
    app.preview
        .as_ref()
        .and_then(|p| p.as_ref().ok())
        .is_some_and(|p| !p.packages.is_empty())
}

/// Keys while choosing the ADR folder: up and down move, export picks (and renders the
/// preview for that folder); Esc and the other keys work as on the preview.
fn choose(app: &mut App, action: Action) -> Vec<Effect> {
    let n = app
        .preview
        .as_ref()
        .and_then(|p| p.as_ref().ok())
        .map_or(0, |p| p.packages.len());
    match action {
        Action::Up => app.package_sel = app.package_sel.saturating_sub(1),
        Action::Down => app.package_sel = (app.package_sel + 1).min(n.saturating_sub(1)),
        Action::Export => {
            app.adr_package = app
                .preview
                .as_ref()
                .and_then(|p| p.as_ref().ok())
                .and_then(|p| p.packages.get(app.package_sel))
                .map(|(name, _)| name.clone());
            app.preview = None;
            return vec![Effect::Preview];
        }
        Action::UpdateAdr | Action::NewAdr | Action::ToggleDetail => {
            app.notice = Some("choose the ADR folder first".into());
        }
        Action::Back => app.screen = Screen::Record,
        _ => {}
    }
    Vec::new()
}
