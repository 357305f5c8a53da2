//! Outcome: the ranking at the outcome, one option's per-criterion breakdown, and the
//! explanation (conflicts, sensitivity, why the chosen option, notes).

use ratatui::buffer::Buffer;
use ratatui::layout::Position;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::report::{DecisionReport, RankedOption};
use crate::text::sanitize as plain;
use crate::tui::app::{App, RecordForm, Screen};
use crate::tui::keys::{self, Action, Context};
use crate::tui::layout::{Hit, find_item, outcome_layout, panel_inner};
use crate::tui::theme::{accent, bold, gain, good, loss, muted, ruled_out, selected, warn};
use crate::tui::update::{
    Effect, active_mut, back, changed, decide_another, list_or_side, next_decision,
};
use crate::tui::widgets::{clip, draw_items, framed, panel, wrap};

use super::priorities;
use super::question::breadcrumb;

pub(crate) fn draw(app: &App, body: Rect, buf: &mut Buffer) {
    let Some(r) = &app.report else {
        return;
    };
    let (crumb, list, breakdown, right) = outcome_layout(body);
    Paragraph::new(breadcrumb(r, crumb.width as usize)).render(crumb, buf);
    let title = r
        .outcome
        .as_ref()
        .map_or("Ranking".to_string(), |o| format!("Ranking: {}", o.title));
    let inner = framed(panel(&title, !app.side_focus), list, buf);
    draw_items(
        outcome_items(app, r, inner.width as usize),
        app.outcome_sel,
        inner,
        buf,
    );
    if let Some(o) = r.ranking.get(app.outcome_sel) {
        let inner = framed(
            panel(&format!("Breakdown: {}", o.name), false),
            breakdown,
            buf,
        );
        Paragraph::new(breakdown_lines(r, o, inner.width as usize)).render(inner, buf);
    }
    let inner = framed(panel("Explanation", app.side_focus), right, buf);
    Paragraph::new(explanation_lines(r, inner.width as usize))
        .scroll((app.side_scroll, 0))
        .render(inner, buf);
}

fn outcome_items(app: &App, r: &DecisionReport, width: usize) -> Vec<Vec<Line<'static>>> {
    let mut n = 0;
    r.ranking
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let sel = i == app.outcome_sel;
            let mark = if sel { "▶" } else { " " };
            let chosen = r.chosen.as_deref() == Some(o.id.as_str());
            let (rank, tag, style) = match &o.ruled_out {
                Some(_) => (" ✗ ".to_string(), " ruled out", ruled_out()),
                None => {
                    n += 1;
                    let tag = match (chosen, r.chosen_by_user) {
                        (true, true) => " ★ chosen",
                        (true, false) => " ★ recommended",
                        _ => "",
                    };
                    (format!("{n:>2}."), tag, bold())
                }
            };
            let score = format!("{:+}", o.score);
            let left = clip(
                &format!("{mark}{rank} {}", o.name),
                width.saturating_sub(score.len() + tag.len() + 1),
            );
            let pad =
                width.saturating_sub(Span::raw(left.as_str()).width() + score.len() + tag.len());
            let style = if sel && !app.side_focus {
                selected()
            } else {
                style
            };
            vec![Line::from(vec![
                Span::styled(left, style),
                Span::raw(" ".repeat(pad)),
                Span::styled(score, style),
                Span::styled(tag.to_string(), if chosen { good() } else { muted() }),
            ])]
        })
        .collect()
}

/// Per-criterion bars of one option: `█` for gains and `░` for losses, with the signed value,
/// so the breakdown reads the same without colour.
fn breakdown_lines(r: &DecisionReport, o: &RankedOption, width: usize) -> Vec<Line<'static>> {
    let max = r
        .ranking
        .iter()
        .flat_map(|x| x.contributions.iter().map(|c| c.value.abs()))
        .max()
        .unwrap_or(1)
        .max(1);
    let mut lines = Vec::new();
    if let Some(why) = &o.ruled_out {
        for l in wrap(&format!("✗ ruled out: {why}"), width) {
            lines.push(Line::from(Span::styled(l, warn())));
        }
    }
    let name_w = (width / 3).clamp(8, 22);
    let bar_w = width.saturating_sub(name_w + 14).max(4);
    for c in &o.contributions {
        let len = ((c.value.abs() * bar_w as i64 + max - 1) / max) as usize;
        let (ch, style) = if c.value >= 0 {
            ("█", gain())
        } else {
            ("░", loss())
        };
        let name = clip(&c.name, name_w);
        let pad = name_w.saturating_sub(Span::raw(name.as_str()).width());
        lines.push(Line::from(vec![
            Span::raw(format!("{name}{} ", " ".repeat(pad))),
            Span::styled(format!("{:>3}×{:<+2} ", c.weight, c.impact), muted()),
            Span::styled(ch.repeat(len), style),
            Span::raw(" ".repeat(bar_w - len.min(bar_w))),
            Span::styled(format!(" {:>+4}", c.value), bold()),
        ]));
    }
    lines
}

fn explanation_lines(r: &DecisionReport, width: usize) -> Vec<Line<'static>> {
    let mut lines: Vec<Line> = Vec::new();
    let heading = |s: &str| Line::from(Span::styled(s.to_string(), accent()));
    if let Some(o) = &r.outcome {
        for l in wrap(&o.context, width) {
            lines.push(Line::from(Span::styled(l, muted())));
        }
        lines.push(Line::default());
    }
    if let Some(d) = &r.dead_end {
        lines.push(heading("Dead end"));
        let text = format!(
            "{} {} on a ruled-out option goes back to the answer that ruled it out.",
            d.text,
            keys::hint(Context::Outcome, Action::Select)
        );
        for l in wrap(&text, width) {
            lines.push(Line::from(Span::styled(l, warn())));
        }
        lines.push(Line::default());
    }
    if let Some(t) = &r.tie {
        lines.push(heading("Tie"));
        for l in wrap(&t.text, width) {
            lines.push(Line::from(Span::styled(l, warn())));
        }
        lines.push(Line::default());
    }
    lines.push(heading("Conflicts"));
    if r.conflicts.is_empty() {
        for l in wrap("none with the other decisions of this session", width) {
            lines.push(Line::from(Span::styled(l, muted())));
        }
    }
    for c in &r.conflicts {
        for (i, l) in wrap(&c.text, width.saturating_sub(2))
            .into_iter()
            .enumerate()
        {
            let lead = if i == 0 { "! " } else { "  " };
            lines.push(Line::from(Span::styled(format!("{lead}{l}"), warn())));
        }
    }
    lines.push(Line::default());
    lines.push(heading("Sensitivity"));
    for l in wrap(&r.sensitivity.text, width) {
        lines.push(Line::from(l));
    }
    lines.push(Line::default());
    if let Some(rb) = &r.robustness {
        lines.push(heading(&format!("Robustness: {}", rb.verdict)));
        for l in wrap(&rb.text, width) {
            lines.push(Line::from(l));
        }
        lines.push(Line::default());
    }
    if let Some(c) = r.chosen.as_deref().and_then(|c| r.option(c)) {
        let how = if r.chosen_by_user && r.chosen != r.top {
            " (your choice over the top-ranked option)"
        } else {
            ""
        };
        lines.push(heading(&format!("Why {}{how}", plain(&c.name))));
        for l in wrap(&c.summary, width) {
            lines.push(Line::from(l));
        }
        for x in c.contributions.iter().filter(|x| x.value != 0).take(3) {
            let text = format!("{:+} {}: {}", x.value, x.name, x.rationale);
            for (i, l) in wrap(&text, width.saturating_sub(2)).into_iter().enumerate() {
                let lead = if i == 0 { "• " } else { "  " };
                lines.push(Line::from(format!("{lead}{l}")));
            }
        }
        lines.push(Line::default());
    }
    if !r.notes.is_empty() {
        lines.push(Line::default());
        lines.push(heading("Notes from your answers"));
        for n in &r.notes {
            for (i, l) in wrap(&n.text, width.saturating_sub(2))
                .into_iter()
                .enumerate()
            {
                let lead = if i == 0 { "• " } else { "  " };
                lines.push(Line::from(format!("{lead}{l}")));
            }
        }
    }
    lines
}

/// The option under a cell.
pub(crate) fn hit(app: &App, body: Rect, pos: Position) -> Option<Hit> {
    let r = app.report.as_ref()?;
    let (_, list, _, _) = outcome_layout(body);
    let inner = panel_inner(list);
    let items = outcome_items(app, r, inner.width as usize);
    find_item(&items, app.outcome_sel, inner, pos).map(Hit::Option)
}

pub(crate) fn update(app: &mut App, action: Action) -> Vec<Effect> {
    let n = app.report.as_ref().map_or(0, |r| r.ranking.len());
    match action {
        Action::Up | Action::Down | Action::NextPanel | Action::PrevPanel => {
            list_or_side(app, action, n, |a| &mut a.outcome_sel);
            Vec::new()
        }
        Action::Select => choose(app),
        Action::Back => back(app),
        Action::Priorities => priorities::open(app, Screen::Outcome),
        Action::DecideAnother => decide_another(app),
        Action::NextDecision => next_decision(app),
        Action::Review => {
            if let Some(session) = app.session.clone() {
                super::review::open(app, &session, Screen::Outcome);
            }
            Vec::new()
        }
        _ => Vec::new(),
    }
}

/// Decides for the highlighted option (through `Decision::choose`) and opens the record form.
fn choose(app: &mut App) -> Vec<Effect> {
    let Some(r) = &app.report else {
        return Vec::new();
    };
    let Some(opt) = r.ranking.get(app.outcome_sel) else {
        return Vec::new();
    };
    if let Some(why) = &opt.ruled_out {
        if r.dead_end.is_some()
            && let Some(by) = opt.rule_out.as_ref().map(|x| x.by.clone())
        {
            return back_to(app, &by.question_id, &by.answer);
        }
        app.notice = Some(format!(
            "{} is ruled out ({why}); pick an option that is in play",
            opt.name
        ));
        return Vec::new();
    }
    if let Some(t) = &r.tie
        && t.options.contains(&opt.id)
        && app.tie_confirm.as_deref() != Some(opt.id.as_str())
    {
        app.notice = Some(format!(
            "{}. {} again decides for {}.",
            t.text,
            keys::hint(Context::Outcome, Action::Select),
            opt.name
        ));
        app.tie_confirm = Some(opt.id.clone());
        return Vec::new();
    }
    app.tie_confirm = None;
    let id = opt.id.clone();
    let Some((_, d)) = app.active() else {
        return Vec::new();
    };
    let Some(tree) = app.catalog.get(&d.tree) else {
        return Vec::new();
    };
    let mut d = d.clone();
    if let Err(e) = d.choose(tree, &id) {
        app.notice = Some(e.to_string());
        return Vec::new();
    }
    if let Some(slot) = active_mut(app) {
        *slot = d;
    }
    let effects = changed(app);
    open_form(app);
    effects
}

/// Dead end: goes back to the question `question` (undoing it and every later answer), with
/// `answer`, the answer that ruled the option out, highlighted so the user can change it.
fn back_to(app: &mut App, question: &str, answer: &str) -> Vec<Effect> {
    let Some(d) = active_mut(app) else {
        return Vec::new();
    };
    let Some(at) = d.answers.iter().position(|s| s.question == question) else {
        return Vec::new();
    };
    while d.answers.len() > at {
        d.back();
    }
    let effects = changed(app);
    app.screen = Screen::Question;
    app.picks = 0;
    app.answer_sel = app
        .current_question()
        .and_then(|q| q.answers.iter().position(|a| a.label == answer))
        .unwrap_or(0);
    app.notice = Some(format!(
        "\"{answer}\" ruled out options the other answers left; change it (or another answer)"
    ));
    effects
}

fn open_form(app: &mut App) {
    let (Some((i, d)), Some(r)) = (app.active(), app.report.as_ref()) else {
        return;
    };
    // Deciders and context carry over from the session's other decisions when this one has
    // none yet: the same people usually decide a whole area, for the same reasons.
    let mut draft = d.record.clone();
    if let Some(s) = &app.session {
        let others = s.decisions.iter().enumerate().filter(|(j, _)| *j != i);
        if draft.deciders.is_empty()
            && let Some((_, o)) = others.clone().find(|(_, o)| !o.record.deciders.is_empty())
        {
            draft.deciders.clone_from(&o.record.deciders);
        }
        if draft.consulted.is_empty()
            && let Some((_, o)) = others.clone().find(|(_, o)| !o.record.consulted.is_empty())
        {
            draft.consulted.clone_from(&o.record.consulted);
        }
        if draft.informed.is_empty()
            && let Some((_, o)) = others.clone().find(|(_, o)| !o.record.informed.is_empty())
        {
            draft.informed.clone_from(&o.record.informed);
        }
        if draft.context.trim().is_empty()
            && let Some((_, o)) = others
                .clone()
                .find(|(_, o)| !o.record.context.trim().is_empty())
        {
            draft.context.clone_from(&o.record.context);
        }
    }
    app.form = Some(RecordForm::new(&draft, r, app.git_user.as_deref()));
    app.screen = Screen::Record;
}
