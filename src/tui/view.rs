//! `view(app, frame)`: draws the state, nothing else. Layout is computed by small functions that
//! [`hit_test`] shares, so a mouse click maps to exactly the row that was drawn.
//!
//! Every text from a tree file or from the user goes through `text::sanitize` before it is
//! drawn, so control and escape characters never reach the terminal. State is never shown by
//! colour alone: selection is reversed and marked `▶`, ruled-out options are marked `✗`,
//! conflicts `!`, the chosen option `★` — `NO_COLOR` removes the colours and keeps all of that.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph, Widget, Wrap};

use crate::report::{DecisionReport, RankedOption};
use crate::text::sanitize as plain;

use super::app::{App, Field, HomePanel, Screen};
use super::keys;
use crate::adr::Status;

/// The smallest terminal the layout is designed for.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

fn bold() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}
fn selected() -> Style {
    Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
}
fn muted() -> Style {
    Style::new().fg(Color::DarkGray)
}
fn ruled_out() -> Style {
    Style::new()
        .fg(Color::DarkGray)
        .add_modifier(Modifier::CROSSED_OUT)
}
fn accent() -> Style {
    Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD)
}
fn warn() -> Style {
    Style::new().fg(Color::Red).add_modifier(Modifier::BOLD)
}
fn good() -> Style {
    Style::new().fg(Color::Green).add_modifier(Modifier::BOLD)
}

/// A bordered panel; the focused one has a bold, coloured border and a `▶` in its title.
fn panel(title: &str, focused: bool) -> Block<'static> {
    let (mark, style) = if focused {
        ("▶ ", accent())
    } else {
        ("", Style::new())
    };
    Block::new()
        .borders(Borders::ALL)
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(style)
        .title(Span::styled(format!(" {mark}{} ", plain(title)), style))
}

/// Greedy word wrap by display width, used both to draw and to size rows (so clicks land on
/// what was drawn). Words longer than the width are cut.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    for para in plain(text).split('\n') {
        let mut line = String::new();
        let mut w = 0;
        for word in para.split_whitespace() {
            let ww = Span::raw(word).width();
            if w > 0 && w + 1 + ww > width {
                lines.push(std::mem::take(&mut line));
                w = 0;
            }
            if w > 0 {
                line.push(' ');
                w += 1;
            }
            if ww > width {
                let cut: String = word.chars().take(width.saturating_sub(w)).collect();
                w += Span::raw(cut.as_str()).width();
                line.push_str(&cut);
            } else {
                line.push_str(word);
                w += ww;
            }
        }
        lines.push(line);
    }
    lines
}

/// `text` cut to `width` columns with `…` when it does not fit.
fn clip(text: &str, width: usize) -> String {
    let text = plain(text);
    if Span::raw(text.as_str()).width() <= width {
        return text;
    }
    let mut out = String::new();
    for ch in text.chars() {
        if Span::raw(format!("{out}{ch}…")).width() > width {
            break;
        }
        out.push(ch);
    }
    out.push('…');
    out
}

/// The four rows every screen shares.
struct Areas {
    header: Rect,
    body: Rect,
    notice: Rect,
    status: Rect,
}

fn areas(area: Rect) -> Areas {
    let [header, body, notice, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    Areas {
        header,
        body,
        notice,
        status,
    }
}

/// Lays out variable-height items in `area`, scrolled so that `sel` is visible. Returns the
/// index and rectangle of each visible item (the last one may be cut short).
fn item_rects(heights: &[u16], sel: usize, area: Rect) -> Vec<(usize, Rect)> {
    let mut first = 0;
    while first < sel && heights[first..=sel].iter().sum::<u16>() > area.height {
        first += 1;
    }
    let mut out = Vec::new();
    let mut y = area.y;
    for (i, &h) in heights.iter().enumerate().skip(first) {
        if y >= area.bottom() {
            break;
        }
        let h = h.min(area.bottom() - y);
        out.push((i, Rect::new(area.x, y, area.width, h)));
        y += h;
    }
    out
}

/// Draws the whole frame.
pub fn view(app: &App, frame: &mut Frame) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(area, frame.buffer_mut());
        return;
    }
    let a = areas(area);
    header(app, a.header, frame.buffer_mut());
    match app.screen {
        Screen::Home => home(app, a.body, frame.buffer_mut()),
        Screen::Question => question(app, a.body, frame.buffer_mut()),
        Screen::Priorities => priorities(app, a.body, frame.buffer_mut()),
        Screen::Outcome => outcome(app, a.body, frame.buffer_mut()),
        Screen::Record => record(app, a.body, frame.buffer_mut()),
        Screen::Preview => preview(app, a.body, frame.buffer_mut()),
        Screen::Exported => exported(app, a.body, frame.buffer_mut()),
    }
    notice(app, a.notice, frame.buffer_mut());
    status_bar(app, a.status, frame.buffer_mut());
    if app.help {
        help(app, area, frame.buffer_mut());
    }
    if app.confirm_quit {
        confirm_quit(app, area, frame.buffer_mut());
    }
}

fn too_small(area: Rect, buf: &mut Buffer) {
    let text = format!(
        "Terminal too small: {}×{}. tradeoffs needs at least {MIN_WIDTH}×{MIN_HEIGHT}. Enlarge the window, or press Ctrl-C to quit.",
        area.width, area.height
    );
    let lines = wrap(&text, area.width.saturating_sub(2) as usize);
    let h = (lines.len() as u16).min(area.height);
    let y = area.y + area.height.saturating_sub(h) / 2;
    Paragraph::new(lines.into_iter().map(Line::from).collect::<Vec<_>>())
        .style(bold())
        .centered()
        .render(Rect::new(area.x, y, area.width, h), buf);
}

fn screen_name(s: Screen) -> &'static str {
    match s {
        Screen::Home => "Home",
        Screen::Question => "Question",
        Screen::Priorities => "Priorities",
        Screen::Outcome => "Outcome",
        Screen::Record => "Record",
        Screen::Preview => "Preview",
        Screen::Exported => "Export",
    }
}

fn header(app: &App, area: Rect, buf: &mut Buffer) {
    let mut spans = vec![
        Span::styled(" tradeoffs ", selected()),
        Span::raw(" "),
        Span::styled(screen_name(app.screen), bold()),
    ];
    if app.screen != Screen::Home
        && let Some(r) = &app.report
    {
        spans.push(Span::raw(format!(" · {}", plain(&r.tree_title))));
        if let Some(s) = &app.session
            && s.decisions.len() > 1
        {
            spans.push(Span::raw(format!(
                " · decision {} of {}",
                s.active + 1,
                s.decisions.len()
            )));
        }
        if app.screen == Screen::Question {
            let depth = app
                .active()
                .and_then(|(_, d)| app.catalog.get(&d.tree))
                .map_or(0, |t| t.max_depth);
            spans.push(Span::raw(format!(
                " · question {} (paths ≤ {depth})",
                r.path.len() + 1
            )));
        }
    }
    Paragraph::new(Line::from(spans)).render(area, buf);
}

fn notice(app: &App, area: Rect, buf: &mut Buffer) {
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

fn status_bar(app: &App, area: Rect, buf: &mut Buffer) {
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

fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

fn help(app: &App, area: Rect, buf: &mut Buffer) {
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
            "Editing: ←/→ and Home/End (Ctrl-A/Ctrl-E) move; Backspace/Delete erase; Ctrl-W erases a word; Ctrl-U and Ctrl-K erase to the start and end of the line; Ctrl-Z undoes.",
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
            &format!("Keys: {} (? or Esc closes)", screen_name(app.screen)),
            true,
        ))
        .render(rect, buf);
}

fn confirm_quit(app: &App, area: Rect, buf: &mut Buffer) {
    let why = app.pending_work().unwrap_or_default();
    let mut lines: Vec<Line> = wrap(&why, 56).into_iter().map(Line::from).collect();
    lines.push(Line::default());
    lines.push(Line::from(vec![
        Span::styled(" y ", selected()),
        Span::raw(" quit   "),
        Span::styled(" n ", selected()),
        Span::raw(" keep working"),
    ]));
    let rect = centered(area, 60, lines.len() as u16 + 2);
    Clear.render(rect, buf);
    Paragraph::new(lines)
        .block(panel("Quit tradeoffs?", true))
        .render(rect, buf);
}

// ---------------------------------------------------------------- home

fn home_columns(body: Rect) -> [Rect; 2] {
    Layout::horizontal([Constraint::Percentage(58), Constraint::Percentage(42)]).areas(body)
}

fn tree_items(app: &App, width: usize) -> Vec<Vec<Line<'static>>> {
    app.catalog
        .trees()
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let sel = i == app.tree_sel;
            let mark = if sel { "▶ " } else { "  " };
            let title = format!("{mark}{}", clip(&t.tree.title, width.saturating_sub(2)));
            let title_style = if sel && app.home_panel == HomePanel::Trees {
                selected()
            } else {
                bold()
            };
            let origin = if t.shipped { "shipped" } else { "user tree" };
            // Sources read "Persona › Section › Subsection"; the last part names the section.
            let section = t.tree.source.rsplit('›').next().unwrap_or_default().trim();
            let mut lines = vec![
                Line::from(Span::styled(title, title_style)),
                Line::from(Span::styled(
                    clip(
                        &format!(
                            "  Source: {section} · {} questions · {origin}",
                            t.questions()
                        ),
                        width,
                    ),
                    muted(),
                )),
            ];
            let desc = wrap(&t.tree.description, width.saturating_sub(2));
            let cut = desc.len() > 2;
            for (i, l) in desc.into_iter().take(2).enumerate() {
                let l = if cut && i == 1 { format!("{l} …") } else { l };
                lines.push(Line::from(clip(&format!("  {l}"), width)));
            }
            lines.push(Line::default());
            lines
        })
        .collect()
}

fn session_items(app: &App, width: usize) -> Vec<Vec<Line<'static>>> {
    app.saved
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let sel = i == app.session_sel;
            let mark = if sel { "▶ " } else { "  " };
            let style = if sel && app.home_panel == HomePanel::Sessions {
                selected()
            } else {
                bold()
            };
            let trees = if s.trees.is_empty() {
                s.id.clone()
            } else {
                s.trees.join(" + ")
            };
            let detail = match &s.problem {
                Some(p) => Line::from(Span::styled(
                    clip(&format!("  ✗ cannot resume: {p}"), width),
                    warn(),
                )),
                None => Line::from(Span::styled(
                    clip(
                        &format!(
                            "  {} answered · {}/{} decided · {}",
                            s.answered,
                            s.decided,
                            s.decisions,
                            crate::date::format_time(s.updated)
                        ),
                        width,
                    ),
                    muted(),
                )),
            };
            vec![
                Line::from(Span::styled(
                    format!("{mark}{}", clip(&trees, width.saturating_sub(2))),
                    style,
                )),
                detail,
                Line::default(),
            ]
        })
        .collect()
}

fn draw_items(items: Vec<Vec<Line<'static>>>, sel: usize, area: Rect, buf: &mut Buffer) {
    let heights: Vec<u16> = items.iter().map(|i| i.len() as u16).collect();
    let rects = item_rects(&heights, sel, area);
    let mut items: Vec<Option<Vec<Line>>> = items.into_iter().map(Some).collect();
    for (i, r) in rects {
        if let Some(lines) = items[i].take() {
            Paragraph::new(lines).render(r, buf);
        }
    }
}

fn home(app: &App, body: Rect, buf: &mut Buffer) {
    let [left, right] = home_columns(body);
    let title = if app.adding {
        "Decide another: pick a tree to add to this session"
    } else {
        "Decision trees"
    };
    let lb = panel(title, app.home_panel == HomePanel::Trees);
    let inner = lb.inner(left);
    lb.render(left, buf);
    draw_items(
        tree_items(app, inner.width as usize),
        app.tree_sel,
        inner,
        buf,
    );
    if app.catalog.trees().is_empty() {
        Paragraph::new(
            "No valid decision trees are loaded. Run `tradeoffs trees validate` to see why.",
        )
        .wrap(Wrap { trim: true })
        .render(inner, buf);
    }

    let rb = panel("Saved sessions", app.home_panel == HomePanel::Sessions);
    let inner = rb.inner(right);
    rb.render(right, buf);
    if app.adding {
        Paragraph::new(
            "Enter adds the highlighted tree as another decision of this session; the outcome screen then shows conflicts between the decisions.\n\nEsc goes back to the outcome.",
        )
        .wrap(Wrap { trim: true })
        .render(inner, buf);
    } else if app.saved.is_empty() {
        Paragraph::new(
            "No saved sessions yet. Every answer is saved as you go; come back here or run `tradeoffs --resume` to continue.",
        )
        .style(muted())
        .wrap(Wrap { trim: true })
        .render(inner, buf);
    } else {
        draw_items(
            session_items(app, inner.width as usize),
            app.session_sel,
            inner,
            buf,
        );
    }
}

// ---------------------------------------------------------------- question

fn breadcrumb(r: &DecisionReport, width: usize) -> Line<'static> {
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

/// Left panel (question) and right panel (ranking) of the question and priorities screens.
fn split_main(body: Rect) -> (Rect, Rect, Rect) {
    let [crumb, rest] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(body);
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(58), Constraint::Percentage(42)]).areas(rest);
    (crumb, left, right)
}

/// Where the question's answers go: under the prompt and help, inside the left panel.
fn question_layout(app: &App, left: Rect) -> (Vec<Line<'static>>, Rect, Vec<Vec<Line<'static>>>) {
    let inner = Block::new().borders(Borders::ALL).inner(left);
    let w = inner.width as usize;
    let Some(q) = app.current_question() else {
        return (Vec::new(), inner, Vec::new());
    };
    let mut top: Vec<Line> = wrap(&q.prompt, w)
        .into_iter()
        .map(|l| Line::from(Span::styled(l, bold())))
        .collect();
    let help = wrap(&q.help, w);
    let max_help = (inner.height as usize / 3).max(2);
    let cut = help.len() > max_help;
    for (i, l) in help.into_iter().take(max_help).enumerate() {
        let l = if cut && i + 1 == max_help {
            clip(&format!("{l} …"), w)
        } else {
            l
        };
        top.push(Line::from(Span::styled(
            l,
            Style::new().add_modifier(Modifier::ITALIC),
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
        .map(|a| 1 + wrap(&a.consequence, w.saturating_sub(5)).len())
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
            let head = clip(&format!("{mark} {}. {}", i + 1, a.label), w);
            let style = if sel && focused { selected() } else { bold() };
            let mut lines = vec![Line::from(Span::styled(head, style))];
            let cons = wrap(&a.consequence, w.saturating_sub(5));
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

fn question(app: &App, body: Rect, buf: &mut Buffer) {
    let Some(r) = &app.report else {
        return;
    };
    let (crumb, left, right) = split_main(body);
    Paragraph::new(breadcrumb(r, crumb.width as usize)).render(crumb, buf);
    let block = panel("Question", !app.side_focus);
    let inner = block.inner(left);
    block.render(left, buf);
    let (top, answers_area, items) = question_layout(app, left);
    Paragraph::new(top).render(
        Rect::new(inner.x, inner.y, inner.width, answers_area.y - inner.y),
        buf,
    );
    draw_items(items, app.answer_sel, answers_area, buf);
    ranking_panel(r, app.side_focus, app.side_scroll, right, buf);
}

/// The live ranking: options in play by score, then the ruled-out ones, greyed, with `✗` and
/// the reason.
fn ranking_panel(r: &DecisionReport, focused: bool, scroll: u16, area: Rect, buf: &mut Buffer) {
    let block = panel("Ranking (live)", focused);
    let inner = block.inner(area);
    block.render(area, buf);
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

// ---------------------------------------------------------------- priorities

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
            let changed = if c.weight == c.default_weight {
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

fn priorities(app: &App, body: Rect, buf: &mut Buffer) {
    let Some(r) = &app.report else {
        return;
    };
    let (crumb, left, right) = split_main(body);
    Paragraph::new(Line::from(vec![
        Span::styled(" Weights 0..5. ", bold()),
        Span::raw("←/→ change the highlighted weight; the ranking moves at once."),
    ]))
    .render(crumb, buf);
    let block = panel("Priorities", true);
    let inner = block.inner(left);
    block.render(left, buf);
    draw_items(
        priority_items(app, r, inner.width as usize),
        app.prio_sel,
        inner,
        buf,
    );
    ranking_panel(r, false, 0, right, buf);
}

// ---------------------------------------------------------------- outcome

fn outcome_layout(body: Rect) -> (Rect, Rect, Rect, Rect) {
    let (crumb, left, right) = split_main(body);
    let [list, breakdown] =
        Layout::vertical([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(left);
    (crumb, list, breakdown, right)
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
                    let tag = if chosen { " ★ chosen" } else { "" };
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
            ("█", Style::new().fg(Color::Green))
        } else {
            ("░", Style::new().fg(Color::Red))
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

fn outcome(app: &App, body: Rect, buf: &mut Buffer) {
    let Some(r) = &app.report else {
        return;
    };
    let (crumb, list, breakdown, right) = outcome_layout(body);
    Paragraph::new(breadcrumb(r, crumb.width as usize)).render(crumb, buf);
    let title = r
        .outcome
        .as_ref()
        .map_or("Ranking".to_string(), |o| format!("Ranking: {}", o.title));
    let block = panel(&title, !app.side_focus);
    let inner = block.inner(list);
    block.render(list, buf);
    draw_items(
        outcome_items(app, r, inner.width as usize),
        app.outcome_sel,
        inner,
        buf,
    );
    if let Some(o) = r.ranking.get(app.outcome_sel) {
        let block = panel(&format!("Breakdown: {}", o.name), false);
        let inner = block.inner(breakdown);
        block.render(breakdown, buf);
        Paragraph::new(breakdown_lines(r, o, inner.width as usize)).render(inner, buf);
    }
    let block = panel("Explanation", app.side_focus);
    let inner = block.inner(right);
    block.render(right, buf);
    Paragraph::new(explanation_lines(r, inner.width as usize))
        .scroll((app.side_scroll, 0))
        .render(inner, buf);
}

// ---------------------------------------------------------------- record form

fn record_layout(body: Rect) -> [Rect; 5] {
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(3),
        Constraint::Length(3),
        Constraint::Length(3),
        Constraint::Min(5),
    ])
    .areas(body)
}

fn record(app: &App, body: Rect, buf: &mut Buffer) {
    let Some(form) = &app.form else {
        return;
    };
    let [intro, title, status, deciders, context] = record_layout(body);
    let option = app
        .report
        .as_ref()
        .and_then(|r| r.chosen.as_deref().and_then(|c| r.option(c)))
        .map_or(String::new(), |o| plain(&o.name));
    Paragraph::new(Line::from(vec![
        Span::styled(" Record the decision for ", bold()),
        Span::styled(option, accent()),
        Span::raw(". Tab moves between fields; Ctrl-S previews the ADR."),
    ]))
    .render(intro, buf);
    for (field, rect) in [
        (Field::Title, title),
        (Field::Deciders, deciders),
        (Field::Context, context),
    ] {
        let block = panel(field.label(), form.focus == field);
        let inner = block.inner(rect);
        block.render(rect, buf);
        let editor = match field {
            Field::Title => &form.title,
            Field::Deciders => &form.deciders,
            _ => &form.context,
        };
        Widget::render(editor, inner, buf);
    }
    let block = panel("Status (←/→ change)", form.focus == Field::Status);
    let inner = block.inner(status);
    block.render(status, buf);
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

// ---------------------------------------------------------------- preview & export

fn preview(app: &App, body: Rect, buf: &mut Buffer) {
    match &app.preview {
        None => {
            Paragraph::new("Rendering the ADR…")
                .block(panel("Preview", true))
                .render(body, buf);
        }
        Some(Err(e)) => {
            let lines: Vec<Line> = wrap(
                &format!(
                    "✗ The ADR cannot be rendered: {e}\n\nYour session and the form are saved. Esc goes back to the form."
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
        Some(Ok(p)) => {
            let mut lines: Vec<Line> = p
                .warnings
                .iter()
                .map(|w| Line::from(Span::styled(format!("⚠ {}", plain(w)), warn())))
                .collect();
            lines.extend(p.text.lines().map(|l| Line::from(plain(l))));
            let total = lines.len();
            let title = format!(
                "Preview: will be written to {} (line {}/{total})",
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

fn exported(app: &App, body: Rect, buf: &mut Buffer) {
    let width = body.width.saturating_sub(8).min(90);
    let (title, lines): (&str, Vec<Line>) = match &app.export {
        Some(Ok(path)) => {
            let mut lines = vec![
                Line::from(Span::styled("✓ ADR written to", good())),
                Line::from(Span::styled(format!("  {}", plain(path)), bold())),
                Line::default(),
            ];
            for l in wrap(
                "a: decide another tree in this session (its outcome shows conflicts with this decision)\nEsc: back to the form · H: home · q: quit",
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
                "Nothing is lost: the session and the form are saved. Fix the problem (for example make the directory writable), then press Enter to try again, or Esc to edit the form.",
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

// ---------------------------------------------------------------- mouse

/// What a click at a cell lands on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hit {
    Tree(usize),
    Session(usize),
    Answer(usize),
    Option(usize),
    Criterion(usize),
}

/// Maps a click to the row drawn there, using the same layout functions as the view.
pub fn hit_test(app: &App, column: u16, row: u16) -> Option<Hit> {
    let (w, h) = app.size;
    if w < MIN_WIDTH || h < MIN_HEIGHT {
        return None;
    }
    let body = areas(Rect::new(0, 0, w, h)).body;
    let find = |rects: Vec<(usize, Rect)>| {
        rects
            .into_iter()
            .find(|(_, r)| r.contains(ratatui::layout::Position::new(column, row)))
            .map(|(i, _)| i)
    };
    let heights = |items: &[Vec<Line>]| items.iter().map(|i| i.len() as u16).collect::<Vec<_>>();
    match app.screen {
        Screen::Home => {
            let [left, right] = home_columns(body);
            let li = Block::new().borders(Borders::ALL).inner(left);
            let ri = Block::new().borders(Borders::ALL).inner(right);
            let trees = tree_items(app, li.width as usize);
            if let Some(i) = find(item_rects(&heights(&trees), app.tree_sel, li)) {
                return Some(Hit::Tree(i));
            }
            if app.adding {
                return None;
            }
            let sessions = session_items(app, ri.width as usize);
            find(item_rects(&heights(&sessions), app.session_sel, ri)).map(Hit::Session)
        }
        Screen::Question => {
            let (_, left, _) = split_main(body);
            let (_, area, items) = question_layout(app, left);
            find(item_rects(&heights(&items), app.answer_sel, area)).map(Hit::Answer)
        }
        Screen::Outcome => {
            let r = app.report.as_ref()?;
            let (_, list, _, _) = outcome_layout(body);
            let inner = Block::new().borders(Borders::ALL).inner(list);
            let items = outcome_items(app, r, inner.width as usize);
            find(item_rects(&heights(&items), app.outcome_sel, inner)).map(Hit::Option)
        }
        Screen::Priorities => {
            let r = app.report.as_ref()?;
            let (_, left, _) = split_main(body);
            let inner = Block::new().borders(Borders::ALL).inner(left);
            let items = priority_items(app, r, inner.width as usize);
            find(item_rects(&heights(&items), app.prio_sel, inner)).map(Hit::Criterion)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_breaks_on_words_and_strips_control_characters() {
        assert_eq!(wrap("aa bb cc", 5), vec!["aa bb", "cc"]);
        assert_eq!(wrap("a\u{1b}[31mb", 20), vec!["a [31mb"]);
        assert_eq!(wrap("abcdefgh", 3), vec!["abc"]);
    }

    #[test]
    fn items_scroll_to_keep_the_selection_visible() {
        let r = item_rects(&[2, 2, 2, 2], 3, Rect::new(0, 0, 10, 5));
        assert_eq!(r.first().map(|x| x.0), Some(2));
        assert_eq!(r[1], (3, Rect::new(0, 2, 10, 2)));
        let r = item_rects(&[2, 2, 2], 0, Rect::new(0, 0, 10, 5));
        assert_eq!(r.len(), 3);
        assert_eq!(r[2].1.height, 1);
    }
}
