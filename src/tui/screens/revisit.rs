//! Revisit: what changed in the tree since the ADR `tradeoffs revisit` replays, shown before the
//! replayed decision. The sections come from the core ([`crate::revisit::Changes::sections`]);
//! this screen draws them, changed lines marked `!` (not by colour alone), scrolls them like
//! the review screen, and goes on to where the session opened (its outcome, or the question
//! the walk now stops at).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::adr::decision_data::Recorded;
use crate::revisit::{Changes, adr_name};
use crate::text::sanitize as plain;
use crate::tui::app::{App, RevisitView, Screen};
use crate::tui::keys::{self, Action, Context};
use crate::tui::scroll;
use crate::tui::theme::{accent, bold, good, muted, warn};
use crate::tui::update::Effect;
use crate::tui::widgets::{panel, wrap};

/// The mark of a line that differs from the ADR.
const CHANGED: &str = "! ";

/// Lays the report out for the decision as the session opened it (`app.report`) and shows it
/// first; Enter goes on to the screen the session opened on. Without a report there is
/// nothing to compare against: the summary goes to the notice and the screen stays.
pub(crate) fn open(app: &mut App, recorded: &Recorded, changes: &Changes) {
    let summary = changes.summary(recorded);
    let Some(report) = &app.report else {
        app.notice = Some(summary);
        return;
    };
    let sections = changes.sections(recorded, report);
    app.revisit = Some(RevisitView {
        adr: adr_name(recorded),
        headline: changes.headline(recorded, &sections),
        unchanged: changes.is_unchanged(),
        sections,
        summary,
    });
    app.revisit_scroll = 0;
    app.revisit_return = app.screen;
    app.screen = Screen::Revisit;
}

/// Where going on leads, in words.
fn next_place(back: Screen) -> &'static str {
    match back {
        Screen::Question => "the question where the walk now stops",
        _ => "the outcome",
    }
}

/// The report as wrapped lines for a panel `width` columns wide; `back` is where going on
/// leads.
pub(crate) fn lines(view: &RevisitView, back: Screen, width: usize) -> Vec<Line<'static>> {
    let width = width.max(10);
    let mut out: Vec<Line<'static>> = Vec::new();
    // A paragraph wrapped with a hanging indent after its marker.
    let para = |out: &mut Vec<Line<'static>>, marker: (&str, Style), text: &str, style: Style| {
        let indent = " ".repeat(marker.0.chars().count());
        for (i, l) in wrap(text, width.saturating_sub(indent.len()))
            .into_iter()
            .enumerate()
        {
            let lead = if i == 0 {
                Span::styled(marker.0.to_string(), marker.1)
            } else {
                Span::raw(indent.clone())
            };
            out.push(Line::from(vec![lead, Span::styled(l, style)]));
        }
    };
    if view.unchanged {
        para(&mut out, ("✓ ", good()), &view.headline, good());
    } else {
        para(&mut out, (CHANGED, warn()), &view.headline, warn());
        para(
            &mut out,
            ("", Style::new()),
            &format!("Lines marked {} differ from {}.", CHANGED.trim(), view.adr),
            Style::new(),
        );
    }
    para(
        &mut out,
        ("", Style::new()),
        &format!(
            "{} goes on to {}; an ADR exported from this decision supersedes {}.",
            keys::hints(Context::Revisit, Action::Select, 2),
            next_place(back),
            view.adr
        ),
        muted(),
    );
    for s in &view.sections {
        out.push(Line::default());
        out.push(Line::from(Span::styled(plain(s.title), accent())));
        for item in &s.items {
            if item.changed {
                para(&mut out, (CHANGED, warn()), &item.text, bold());
            } else {
                para(&mut out, ("  ", Style::new()), &item.text, Style::new());
            }
        }
    }
    out
}

/// The inner width of the panel at the terminal's current size.
fn inner_width(app: &App) -> usize {
    app.size.0.saturating_sub(2) as usize
}

pub(crate) fn draw(app: &App, body: Rect, buf: &mut Buffer) {
    let Some(view) = &app.revisit else {
        Paragraph::new("No change report.")
            .block(panel("Revisit", true))
            .render(body, buf);
        return;
    };
    let all = lines(
        view,
        app.revisit_return,
        body.width.saturating_sub(2) as usize,
    );
    scroll::draw(
        all,
        app.revisit_scroll,
        |top, total| format!("Revisiting {}: what changed (line {top}/{total})", view.adr),
        body,
        buf,
    );
}

pub(crate) fn update(app: &mut App, action: Action) -> Vec<Effect> {
    if matches!(action, Action::Select) {
        app.screen = app.revisit_return;
        // The notice keeps what the report said in one line, and that exporting supersedes.
        app.notice = app.revisit.as_ref().map(|v| v.summary.clone());
        return Vec::new();
    }
    scroll::apply(&mut app.revisit_scroll, action, scroll::page(app.size.1));
    let total = app
        .revisit
        .as_ref()
        .map_or(0, |v| lines(v, app.revisit_return, inner_width(app)).len());
    app.revisit_scroll = scroll::clamp(app.revisit_scroll, total, app.size.1);
    Vec::new()
}
