//! Question: the open question with its answers, the path so far, and the live ranking.

use ratatui::buffer::Buffer;
use ratatui::layout::Position;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::report::DecisionReport;
use crate::text::sanitize as plain;
use crate::tui::app::{App, Screen};
use crate::tui::keys::{self, Action, Context};
use crate::tui::layout::{Hit, find_item, panel_inner, split_main};
use crate::tui::theme::{bold, italic, muted, ruled_out, selected};
use crate::tui::update::{
    Effect, active_mut, back, changed, list_or_side, next_decision, reuse_facts,
};
use crate::tui::widgets::{clip, draw_items, framed, panel, wrap};

use super::priorities;

pub(crate) fn draw(app: &App, body: Rect, buf: &mut Buffer) {
    let Some(r) = &app.report else {
        return;
    };
    let (crumb, left, right) = split_main(body);
    Paragraph::new(breadcrumb(r, crumb.width as usize)).render(crumb, buf);
    let inner = framed(panel("Question", !app.side_focus), left, buf);
    let (top, answers_area, items) = question_layout(app, left);
    Paragraph::new(top).render(
        Rect::new(inner.x, inner.y, inner.width, answers_area.y - inner.y),
        buf,
    );
    draw_items(items, app.answer_sel, answers_area, buf);
    ranking_panel(r, app.side_focus, app.side_scroll, right, buf);
}

pub(crate) fn breadcrumb(r: &DecisionReport, width: usize) -> Line<'static> {
    let mut parts: Vec<String> = r.path.iter().map(|p| plain(&p.answer)).collect();
    if parts.is_empty() {
        parts.push("(first question)".into());
    }
    let mut text = parts.join(" › ");
    let room = width.saturating_sub(7);
    while Span::raw(text.as_str()).width() > room && parts.len() > 1 {
        parts.remove(0);
        text = format!("… › {}", parts.join(" › "));
        if parts.len() == 1 {
            break;
        }
    }
    Line::from(vec![
        Span::styled(" Path: ", bold()),
        Span::raw(clip(&text, room)),
    ])
}

/// Where the question's answers go: under the prompt and help, inside the left panel.
fn question_layout(app: &App, left: Rect) -> (Vec<Line<'static>>, Rect, Vec<Vec<Line<'static>>>) {
    let inner = panel_inner(left);
    let w = inner.width as usize;
    let Some(q) = app.current_question() else {
        return (Vec::new(), inner, Vec::new());
    };
    let mut top: Vec<Line> = wrap(&q.prompt, w)
        .into_iter()
        .map(|l| Line::from(Span::styled(l, bold())))
        .collect();
    let help = wrap(&q.help, w);
    let max_help = (inner.height as usize / 2).max(2);
    let cut = help.len() > max_help;
    for (i, l) in help.into_iter().take(max_help).enumerate() {
        let l = if cut && i + 1 == max_help {
            clip(&format!("{l} …"), w)
        } else {
            l
        };
        top.push(Line::from(Span::styled(l, italic())));
    }
    if q.multi {
        top.push(Line::from(Span::styled(
            clip(
                &format!(
                    "Select all that apply: {} toggles, {} confirms",
                    keys::hint(Context::Question, Action::Toggle),
                    keys::hint(Context::Question, Action::Select)
                ),
                w,
            ),
            muted(),
        )));
    }
    top.push(Line::default());
    let top_h = (top.len() as u16).min(inner.height);
    let answers_area = Rect::new(inner.x, inner.y + top_h, inner.width, inner.height - top_h);
    let focused = !app.side_focus;
    // Whole consequences when they all fit, else two lines each.
    let full: usize = q
        .answers
        .iter()
        .map(|a| {
            wrap(&a.label, w.saturating_sub(9).max(8)).len()
                + wrap(&a.consequence, w.saturating_sub(5)).len()
        })
        .sum();
    let cap = if full <= answers_area.height as usize {
        usize::MAX
    } else {
        2
    };
    let items = q
        .answers
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let sel = i == app.answer_sel;
            let mark = if sel { "▶" } else { " " };
            let tick = match (q.multi, app.picks & (1 << i) != 0) {
                (false, _) => "",
                (true, true) => "[x] ",
                (true, false) => "[ ] ",
            };
            // The whole label, wrapped under itself: the answers are what the user chooses
            // between, so they are never cut.
            let lead = format!("{mark} {tick}{}. ", i + 1);
            let indent = Span::raw(lead.as_str()).width();
            let style = if sel && focused { selected() } else { bold() };
            let mut lines: Vec<Line> = wrap(&a.label, w.saturating_sub(indent).max(8))
                .into_iter()
                .enumerate()
                .map(|(j, l)| {
                    let pre = if j == 0 {
                        lead.clone()
                    } else {
                        " ".repeat(indent)
                    };
                    Line::from(Span::styled(clip(&format!("{pre}{l}"), w), style))
                })
                .collect();
            let cons = wrap(&a.consequence, w.saturating_sub(5));
            // The highlighted answer's consequence is always shown whole.
            let cap = if sel { usize::MAX } else { cap };
            let cut = cons.len() > cap;
            for (j, l) in cons.into_iter().take(cap).enumerate() {
                let l = if cut && j + 1 == cap {
                    format!("{l} …")
                } else {
                    l
                };
                lines.push(Line::from(Span::styled(
                    clip(&format!("     {l}"), w),
                    muted(),
                )));
            }
            lines
        })
        .collect();
    (top, answers_area, items)
}

/// The live ranking: options in play by score, then the ruled-out ones, greyed, with `✗` and
/// the reason.
pub(crate) fn ranking_panel(
    r: &DecisionReport,
    focused: bool,
    scroll: u16,
    area: Rect,
    buf: &mut Buffer,
) {
    let inner = framed(panel("Ranking (live)", focused), area, buf);
    let w = inner.width as usize;
    let mut lines: Vec<Line> = Vec::new();
    let mut n = 0;
    for o in &r.ranking {
        match &o.ruled_out {
            None => {
                n += 1;
                let star = if r.chosen.as_deref() == Some(o.id.as_str()) {
                    "★"
                } else {
                    " "
                };
                let score = format!("{:+}", o.score);
                let name = clip(&format!("{n:>2}.{star}{}", o.name), w.saturating_sub(6));
                let pad = w.saturating_sub(Span::raw(name.as_str()).width() + score.len());
                let style = if n == 1 { bold() } else { Style::new() };
                lines.push(Line::from(vec![
                    Span::styled(name, style),
                    Span::raw(" ".repeat(pad)),
                    Span::styled(score, style),
                ]));
            }
            Some(why) => {
                lines.push(Line::from(vec![
                    Span::styled(" ✗  ", muted()),
                    Span::styled(clip(&o.name, w.saturating_sub(4)), ruled_out()),
                ]));
                let why = wrap(&format!("ruled out: {why}"), w.saturating_sub(4));
                let cut = why.len() > 2;
                for (j, l) in why.into_iter().take(2).enumerate() {
                    let l = if cut && j == 1 { format!("{l} …") } else { l };
                    lines.push(Line::from(Span::styled(
                        clip(&format!("    {l}"), w),
                        muted(),
                    )));
                }
            }
        }
    }
    Paragraph::new(lines).scroll((scroll, 0)).render(inner, buf);
}

/// The answer under a cell.
pub(crate) fn hit(app: &App, body: Rect, pos: Position) -> Option<Hit> {
    let (_, left, _) = split_main(body);
    let (_, area, items) = question_layout(app, left);
    find_item(&items, app.answer_sel, area, pos).map(Hit::Answer)
}

pub(crate) fn update(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Up | Action::Down | Action::NextPanel | Action::PrevPanel => {
            let n = app.current_question().map_or(0, |q| q.answers.len());
            list_or_side(app, action, n, |a| &mut a.answer_sel);
            Vec::new()
        }
        Action::Select => answer(app, app.answer_sel),
        Action::Toggle => toggle(app, app.answer_sel),
        Action::Back => back(app),
        Action::Priorities => priorities::open(app, Screen::Question),
        Action::NextDecision => next_decision(app),
        _ => Vec::new(),
    }
}

/// Toggles answer `i` of a "select all that apply" question: an exclusive answer ("None of
/// these") clears the others and any other answer clears it. On a single-answer question this
/// answers it.
pub(crate) fn toggle(app: &mut App, i: usize) -> Vec<Effect> {
    let Some(q) = app.current_question() else {
        return Vec::new();
    };
    if !q.multi {
        return answer(app, i);
    }
    let Some(a) = q.answers.get(i) else {
        return Vec::new();
    };
    let bit = 1u64 << i;
    let exclusive: u64 = q
        .answers
        .iter()
        .enumerate()
        .filter(|(_, a)| a.exclusive)
        .fold(0, |m, (j, _)| m | (1 << j));
    app.picks = if app.picks & bit != 0 {
        app.picks & !bit
    } else if a.exclusive {
        bit
    } else {
        (app.picks & !exclusive) | bit
    };
    Vec::new()
}

/// Answers the open question through the core: with answer `i`, or on a "select all that
/// apply" question with the toggled answers (answer `i` alone when none is toggled). Then
/// reuses the answers to shared facts that the next questions ask.
pub(crate) fn answer(app: &mut App, i: usize) -> Vec<Effect> {
    let Some((_, d)) = app.active() else {
        return Vec::new();
    };
    let Some(tree) = app.catalog.get(&d.tree) else {
        return Vec::new();
    };
    let multi = app.current_question().is_some_and(|q| q.multi);
    let mut d = d.clone();
    let result = if multi && app.picks != 0 {
        let set: Vec<usize> = (0..64).filter(|j| app.picks & (1 << j) != 0).collect();
        d.answer_set(tree, &set)
    } else if multi {
        d.answer_set(tree, &[i])
    } else {
        d.answer(tree, i)
    };
    if let Err(e) = result {
        app.notice = Some(e.to_string());
        return Vec::new();
    }
    if let Some(slot) = active_mut(app) {
        *slot = d;
    }
    app.answer_sel = 0;
    app.picks = 0;
    app.side_scroll = 0;
    let effects = changed(app);
    reuse_facts(app);
    if app.report.as_ref().is_some_and(|r| r.outcome.is_some()) {
        app.screen = Screen::Outcome;
        app.outcome_sel = 0;
    }
    effects
}
