//! What surrounds every screen: the header, the notice line, the status bar, the help overlay,
//! the quit confirmation and the "terminal too small" message. Key names come from the key
//! table ([`keys`]), never from literals.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget};

use super::app::{App, Screen};
use super::keys::{self, Action, Context};
use super::layout::{MIN_HEIGHT, MIN_WIDTH};
use super::theme::{bold, muted, selected, warn};
use super::widgets::{centered, clip, panel, wrap};

pub(crate) fn too_small(area: Rect, buf: &mut Buffer) {
    let text = format!(
        "Terminal too small: {}×{}. tradeoffs needs at least {MIN_WIDTH}×{MIN_HEIGHT}. Enlarge the window, or press {} to quit.",
        area.width,
        area.height,
        keys::hint(Context::Global, Action::ForceQuit)
    );
    let lines = wrap(&text, area.width.saturating_sub(2) as usize);
    let h = (lines.len() as u16).min(area.height);
    let y = area.y + area.height.saturating_sub(h) / 2;
    Paragraph::new(lines.into_iter().map(Line::from).collect::<Vec<_>>())
        .style(bold())
        .centered()
        .render(Rect::new(area.x, y, area.width, h), buf);
}

pub(crate) fn screen_name(s: Screen) -> &'static str {
    match s {
        Screen::Home => "Home",
        Screen::Question => "Question",
        Screen::Priorities => "Priorities",
        Screen::Outcome => "Outcome",
        Screen::Record => "Record",
        Screen::Preview => "Preview",
        Screen::Exported => "Export",
        Screen::Log => "Decision log",
        Screen::Review => "Design review",
        Screen::Revisit => "Revisit",
    }
}

pub(crate) fn header(app: &App, area: Rect, buf: &mut Buffer) {
    let mut spans = vec![
        Span::styled(" tradeoffs ", selected()),
        Span::raw(" "),
        Span::styled(screen_name(app.screen), bold()),
    ];
    if !matches!(app.screen, Screen::Home | Screen::Log)
        && let Some(r) = &app.report
    {
        // Where the user is comes first; the tree's title takes what room is left.
        let mut progress = String::new();
        if let Some(s) = &app.session
            && s.decisions.len() > 1
        {
            progress.push_str(&format!(
                " · decision {}/{}",
                s.active + 1,
                s.decisions.len()
            ));
        }
        if app.screen == Screen::Question {
            let depth = app
                .active()
                .and_then(|(_, d)| app.catalog.get(&d.tree))
                .map_or(0, |t| t.max_depth);
            progress.push_str(&format!(
                " · question {} of up to {depth}",
                r.path.len() + 1
            ));
        }
        let used: usize =
            spans.iter().map(|s| s.width()).sum::<usize>() + Span::raw(progress.as_str()).width();
        let room = (area.width as usize).saturating_sub(used + 3);
        spans.push(Span::raw(progress));
        if room > 4 {
            spans.push(Span::raw(format!(" · {}", clip(&r.tree_title, room))));
        }
    }
    Paragraph::new(Line::from(spans)).render(area, buf);
}

pub(crate) fn notice(app: &App, area: Rect, buf: &mut Buffer) {
    let line = if let Some(n) = &app.notice {
        Line::from(vec![
            Span::styled(" ! ", warn()),
            Span::raw(clip(n, area.width.saturating_sub(4) as usize)),
        ])
    } else if let Some(s) = &app.session {
        let saved = if app.save_error.is_some() {
            "NOT saved"
        } else {
            "autosaved"
        };
        Line::from(Span::styled(
            format!(" session {} · {saved}", s.id),
            muted(),
        ))
    } else {
        Line::default()
    };
    Paragraph::new(line).render(area, buf);
}

pub(crate) fn status_bar(app: &App, area: Rect, buf: &mut Buffer) {
    let mut spans = vec![Span::raw(" ")];
    let mut width = 1;
    for (keys, text) in keys::status_entries(app.context()) {
        let w = Span::raw(format!("{keys} {text}  ")).width();
        if width + w > area.width as usize {
            break;
        }
        width += w;
        spans.push(Span::styled(keys, selected()));
        spans.push(Span::raw(format!(" {text}  ")));
    }
    Paragraph::new(Line::from(spans)).render(area, buf);
}

pub(crate) fn help(app: &App, area: Rect, buf: &mut Buffer) {
    // The help describes the screen underneath, not itself.
    let bindings = keys::bindings_for(app.screen_context());
    let key_w = bindings
        .iter()
        .map(|b| Span::raw(keys::keys_label(b)).width())
        .max()
        .unwrap_or(0);
    let text_w = (area.width as usize).saturating_sub(key_w + 10).max(10);
    let mut lines: Vec<Line> = Vec::new();
    for b in &bindings {
        for (i, l) in wrap(b.help, text_w).into_iter().enumerate() {
            let keys = if i == 0 {
                keys::keys_label(b)
            } else {
                String::new()
            };
            lines.push(Line::from(vec![
                Span::styled(format!("  {keys:<key_w$}  "), bold()),
                Span::raw(l),
            ]));
        }
    }
    lines.push(Line::default());
    if app.screen == Screen::Record {
        for l in wrap(
            &keys::editing_help(),
            (area.width as usize).saturating_sub(8).max(10),
        ) {
            lines.push(Line::from(Span::styled(format!("  {l}"), muted())));
        }
    }
    lines.push(Line::from(Span::styled(
        "  Mouse: click an answer to choose it; click a row to highlight it.",
        muted(),
    )));
    let rect = centered(area, area.width - 4, lines.len() as u16 + 2);
    Clear.render(rect, buf);
    Paragraph::new(lines)
        .block(panel(
            &format!(
                "Keys: {} ({} closes)",
                screen_name(app.screen),
                keys::hints(Context::HelpOverlay, Action::Help, 2)
            ),
            true,
        ))
        .render(rect, buf);
}

pub(crate) fn confirm_quit(app: &App, area: Rect, buf: &mut Buffer) {
    let why = app.pending_work().unwrap_or_default();
    let mut lines: Vec<Line> = wrap(&why, 56).into_iter().map(Line::from).collect();
    lines.push(Line::default());
    lines.push(Line::from(vec![
        Span::styled(
            format!(" {} ", keys::hint(Context::ConfirmQuit, Action::Yes)),
            selected(),
        ),
        Span::raw(" quit   "),
        Span::styled(
            format!(" {} ", keys::hint(Context::ConfirmQuit, Action::No)),
            selected(),
        ),
        Span::raw(" keep working"),
    ]));
    let rect = centered(area, 60, lines.len() as u16 + 2);
    Clear.render(rect, buf);
    Paragraph::new(lines)
        .block(panel("Quit tradeoffs?", true))
        .render(rect, buf);
}
