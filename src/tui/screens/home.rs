//! Home: the decision trees to start from and the saved sessions to resume.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::session::{Decision, Session};
use crate::store;
use crate::tui::app::{App, HomePanel, Screen};
use crate::tui::keys::{self, Action, Context};
use crate::tui::layout::{Hit, find_item, home_columns, panel_inner};
use crate::tui::theme::{bold, muted, selected, warn};
use crate::tui::update::{Effect, reuse_facts, step};
use crate::tui::widgets::{clip, draw_items, framed, panel, wrap};

pub(crate) fn draw(app: &App, body: Rect, buf: &mut Buffer) {
    let [left, right] = home_columns(body);
    let title = if app.adding {
        "Decide another: pick a tree to add to this session"
    } else {
        "Decision areas"
    };
    let inner = framed(panel(title, app.home_panel == HomePanel::Trees), left, buf);
    draw_items(
        home_items(app, inner.width as usize),
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

    let right_title = if app.adding {
        "Decide another"
    } else {
        "Saved sessions"
    };
    let inner = framed(
        panel(right_title, app.home_panel == HomePanel::Sessions),
        right,
        buf,
    );
    if app.adding {
        Paragraph::new(format!(
            "{} adds the highlighted tree as another decision of this session; the outcome screen then shows conflicts between the decisions.\n\n{} goes back to the outcome.",
            keys::hint(Context::HomeAdding, Action::Select),
            keys::hint(Context::HomeAdding, Action::Back)
        ))
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

/// How many entries the left list holds: areas, or trees while adding a decision.
pub(crate) fn entry_count(app: &App) -> usize {
    if app.adding {
        app.catalog.trees().len()
    } else {
        app.catalog.areas().len()
    }
}

fn home_items(app: &App, width: usize) -> Vec<Vec<Line<'static>>> {
    if app.adding {
        tree_items(app, width)
    } else {
        area_items(app, width)
    }
}

/// One entry per area: its title, its decisions in walking order and how long the walk is.
fn area_items(app: &App, width: usize) -> Vec<Vec<Line<'static>>> {
    app.catalog
        .areas()
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let sel = i == app.tree_sel;
            let mark = if sel { "▶ " } else { "  " };
            let title = format!("{mark}{}", clip(a.title, width.saturating_sub(2)));
            let title_style = if sel && app.home_panel == HomePanel::Trees {
                selected()
            } else {
                bold()
            };
            let questions: usize = a.trees.iter().map(|t| t.max_depth).sum();
            let user = a.trees.iter().any(|t| !t.shipped);
            let decisions = match a.trees.len() {
                1 => "1 decision".to_string(),
                n => format!("{n} decisions"),
            };
            let mut lines = vec![
                Line::from(Span::styled(title, title_style)),
                Line::from(Span::styled(
                    clip(
                        &format!(
                            "  {decisions} · up to {questions} questions{}",
                            if user { " · includes a user tree" } else { "" }
                        ),
                        width,
                    ),
                    muted(),
                )),
            ];
            for (n, t) in a.trees.iter().enumerate() {
                lines.push(Line::from(clip(
                    &format!("  {}. {}", n + 1, t.tree.title),
                    width,
                )));
            }
            lines.push(Line::default());
            lines
        })
        .collect()
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
            let decided = app
                .session
                .as_ref()
                .is_some_and(|s| s.decisions.iter().any(|d| d.tree == t.id()));
            let origin = if decided {
                format!("{origin} · already in this session")
            } else {
                origin.to_string()
            };
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
            // Named by where it was started and what it decides.
            let what = if s.areas.is_empty() {
                s.id.clone()
            } else {
                s.areas.join(" + ")
            };
            let trees = match s.repo.as_deref().and_then(|r| {
                std::path::Path::new(r)
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
            }) {
                Some(repo) => format!("{repo} · {what}"),
                None => what,
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

/// The tree or saved session under a cell.
pub(crate) fn hit(app: &App, body: Rect, pos: Position) -> Option<Hit> {
    let [left, right] = home_columns(body);
    let li = panel_inner(left);
    let ri = panel_inner(right);
    let trees = home_items(app, li.width as usize);
    if let Some(i) = find_item(&trees, app.tree_sel, li, pos) {
        return Some(Hit::Tree(i));
    }
    if app.adding {
        return None;
    }
    let sessions = session_items(app, ri.width as usize);
    find_item(&sessions, app.session_sel, ri, pos).map(Hit::Session)
}

pub(crate) fn update(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Up | Action::Down => {
            let down = action == Action::Down;
            match app.home_panel {
                HomePanel::Trees => {
                    let n = entry_count(app);
                    step(&mut app.tree_sel, n, down)
                }
                HomePanel::Sessions => step(&mut app.session_sel, app.saved.len(), down),
            }
            Vec::new()
        }
        Action::NextPanel | Action::PrevPanel => {
            app.home_panel = match app.home_panel {
                HomePanel::Trees if !app.saved.is_empty() && !app.adding => HomePanel::Sessions,
                _ => HomePanel::Trees,
            };
            Vec::new()
        }
        Action::Select => match app.home_panel {
            HomePanel::Trees if app.adding => start_tree(app),
            HomePanel::Trees => start_area(app),
            HomePanel::Sessions => match app.saved.get(app.session_sel) {
                Some(s) => match &s.problem {
                    Some(p) => {
                        app.notice = Some(format!("cannot resume {}: {p}", s.id));
                        Vec::new()
                    }
                    None => vec![Effect::Load(s.id.clone())],
                },
                None => Vec::new(),
            },
        },
        Action::DeleteSession if app.home_panel == HomePanel::Sessions && !app.adding => {
            let Some(s) = app.saved.get(app.session_sel) else {
                return Vec::new();
            };
            if app.delete_confirm.as_deref() == Some(s.id.as_str()) {
                app.delete_confirm = None;
                app.notice = Some(format!("deleted session {}", s.id));
                return vec![Effect::Delete(s.id.clone())];
            }
            app.delete_confirm = Some(s.id.clone());
            app.notice = Some(format!(
                "press {} again to delete session {} (its saved file)",
                keys::hint(Context::Home, Action::DeleteSession),
                s.id
            ));
            Vec::new()
        }
        Action::OpenLog if !app.adding => super::log::open(app),
        Action::Review if !app.adding => match (app.home_panel, app.saved.get(app.session_sel)) {
            (HomePanel::Sessions, Some(s)) => match &s.problem {
                Some(p) => {
                    app.notice = Some(format!("cannot review {}: {p}", s.id));
                    Vec::new()
                }
                None => vec![Effect::ReviewSession(s.id.clone())],
            },
            _ => {
                app.notice = Some(format!(
                    "highlight a saved session ({} switches to the list) to see its review pack",
                    keys::hint(Context::Home, Action::NextPanel)
                ));
                Vec::new()
            }
        },
        Action::Back if app.adding => {
            app.adding = false;
            app.screen = Screen::Outcome;
            Vec::new()
        }
        _ => Vec::new(),
    }
}

/// Starts a session that walks every decision of the highlighted area in order; shared facts
/// answered in one decision are reused by the next ones.
fn start_area(app: &mut App) -> Vec<Effect> {
    let ids: Vec<String> = match app.catalog.areas().get(app.tree_sel) {
        Some(a) => a.trees.iter().map(|t| t.id().to_string()).collect(),
        None => return Vec::new(),
    };
    let taken: Vec<&str> = app.saved.iter().map(|s| s.id.as_str()).collect();
    let mut s = Session::new(store::new_id(app.now, &taken), app.now);
    s.repo = app.repo.clone();
    s.decisions = ids.into_iter().map(Decision::new).collect();
    s.active = 0;
    app.session = Some(s);
    opened(app);
    Vec::new()
}

fn start_tree(app: &mut App) -> Vec<Effect> {
    let Some(tree) = app.catalog.trees().get(app.tree_sel) else {
        return Vec::new();
    };
    let decision = Decision::new(tree.id());
    if app.adding
        && let Some(s) = app.session.as_mut()
    {
        s.decisions.push(decision);
        s.active = s.decisions.len() - 1;
    } else {
        let taken: Vec<&str> = app.saved.iter().map(|s| s.id.as_str()).collect();
        let mut s = Session::new(store::new_id(app.now, &taken), app.now);
        s.repo = app.repo.clone();
        s.decisions.push(decision);
        app.session = Some(s);
    }
    opened(app);
    reuse_facts(app);
    if app.report.as_ref().is_some_and(|r| r.outcome.is_some()) {
        app.screen = Screen::Outcome;
    }
    Vec::new()
}

/// Shows the new active decision from its first open question.
fn opened(app: &mut App) {
    app.adding = false;
    app.answer_sel = 0;
    app.picks = 0;
    app.outcome_sel = 0;
    app.side_scroll = 0;
    app.form = None;
    app.screen = Screen::Question;
    app.refresh();
}
