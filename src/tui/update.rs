//! `update(app, msg) -> effects`: the only place the state changes. It does no I/O: saving,
//! rendering the ADR and writing it are returned as [`Effect`]s for the shell to run, and their
//! results come back as messages. So every key sequence can be tested without a terminal.

use std::path::PathBuf;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::session::{Decision, Session};
use crate::store::{self, Summary};
use crate::tree::WEIGHT_RANGE;

use super::app::{App, HomePanel, PreviewText, RecordForm, Screen};
use super::keys::{self, Action, Context};
use super::view::{self, Hit};
use crate::adr::Status;

/// Everything that can happen to the TUI.
#[derive(Debug)]
pub enum Msg {
    Key(KeyEvent),
    /// A left click at a terminal cell.
    Click {
        column: u16,
        row: u16,
    },
    Resize(u16, u16),
    Saved(Result<PathBuf, String>),
    Loaded(Result<Session, String>),
    Listed(Vec<Summary>),
    Previewed(Result<PreviewText, String>),
    Exported(Result<PathBuf, String>),
}

/// Work with side effects that `update` asks the shell to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Save the session (atomically) to the sessions directory.
    Save,
    /// Load a saved session by id.
    Load(String),
    /// Re-read the list of saved sessions.
    List,
    /// Render the active decision's ADR for the preview.
    Preview,
    /// Write the active decision's ADR.
    Export,
}

/// Applies one message to the state.
pub fn update(app: &mut App, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Key(ev) => key(app, ev),
        Msg::Click { column, row } => click(app, column, row),
        Msg::Resize(w, h) => {
            app.size = (w, h);
            Vec::new()
        }
        Msg::Saved(r) => {
            app.save_error = r.err();
            if let Some(e) = &app.save_error {
                app.notice = Some(format!("autosave failed: {e}"));
            }
            Vec::new()
        }
        Msg::Loaded(Ok(session)) => {
            open_session(app, session);
            Vec::new()
        }
        Msg::Loaded(Err(e)) => {
            app.notice = Some(e);
            Vec::new()
        }
        Msg::Listed(list) => {
            app.saved = list;
            app.session_sel = app.session_sel.min(app.saved.len().saturating_sub(1));
            if app.saved.is_empty() {
                app.home_panel = HomePanel::Trees;
            }
            Vec::new()
        }
        Msg::Previewed(r) => {
            app.preview = Some(r);
            Vec::new()
        }
        Msg::Exported(r) => {
            app.screen = Screen::Exported;
            match r {
                Ok(path) => {
                    let shown = path.display().to_string();
                    if let Some(d) = active_mut(app) {
                        d.record.exported = Some(shown.clone());
                    }
                    app.export = Some(Ok(shown));
                    touch(app);
                    vec![Effect::Save]
                }
                Err(e) => {
                    app.export = Some(Err(e));
                    Vec::new()
                }
            }
        }
    }
}

/// Opens a session on its active decision: the outcome if it reached one, else its question.
pub fn open_session(app: &mut App, session: Session) {
    app.session = Some(session);
    app.adding = false;
    app.answer_sel = 0;
    app.outcome_sel = 0;
    app.form = None;
    app.refresh();
    app.screen = if app.report.as_ref().is_some_and(|r| r.outcome.is_some()) {
        Screen::Outcome
    } else {
        Screen::Question
    };
}

fn active_mut(app: &mut App) -> Option<&mut Decision> {
    let s = app.session.as_mut()?;
    let i = s.active;
    s.decisions.get_mut(i)
}

fn touch(app: &mut App) {
    let now = app.now;
    if let Some(s) = app.session.as_mut() {
        s.updated = now;
    }
}

/// The session changed: re-evaluate and autosave.
fn changed(app: &mut App) -> Vec<Effect> {
    touch(app);
    app.refresh();
    vec![Effect::Save]
}

fn key(app: &mut App, ev: KeyEvent) -> Vec<Effect> {
    if ev.kind != KeyEventKind::Press {
        return Vec::new();
    }
    let ctx = app.context();
    let Some(action) = keys::lookup(ctx, &ev) else {
        if ctx == Context::RecordText {
            return edit(app, ev);
        }
        return Vec::new();
    };
    if !matches!(action, Action::Help | Action::ForceQuit) {
        app.notice = None;
    }
    match action {
        Action::ForceQuit => {
            store_form(app);
            app.quit = true;
            return if app.session.is_some() {
                vec![Effect::Save]
            } else {
                Vec::new()
            };
        }
        Action::Help => {
            app.help = !app.help;
            return Vec::new();
        }
        Action::Yes => {
            app.quit = true;
            return Vec::new();
        }
        Action::No => {
            app.confirm_quit = false;
            return Vec::new();
        }
        Action::Quit => {
            store_form(app);
            if app.pending_work().is_some() {
                app.confirm_quit = true;
            } else {
                app.quit = true;
            }
            return if app.session.is_some() {
                vec![Effect::Save]
            } else {
                Vec::new()
            };
        }
        _ => {}
    }
    match app.screen {
        Screen::Home => home(app, action),
        Screen::Question => question(app, action),
        Screen::Priorities => priorities(app, action),
        Screen::Outcome => outcome(app, action),
        Screen::Record => record(app, action),
        Screen::Preview => preview(app, action),
        Screen::Exported => exported(app, action),
    }
}

fn step(sel: &mut usize, len: usize, down: bool) {
    if len == 0 {
        *sel = 0;
    } else if down {
        *sel = (*sel + 1).min(len - 1);
    } else {
        *sel = sel.saturating_sub(1);
    }
}

fn home(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Up | Action::Down => {
            let down = action == Action::Down;
            match app.home_panel {
                HomePanel::Trees => step(&mut app.tree_sel, app.catalog.trees().len(), down),
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
            HomePanel::Trees => start_tree(app),
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
        Action::Back if app.adding => {
            app.adding = false;
            app.screen = Screen::Outcome;
            Vec::new()
        }
        _ => Vec::new(),
    }
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
        s.decisions.push(decision);
        app.session = Some(s);
    }
    app.adding = false;
    app.answer_sel = 0;
    app.outcome_sel = 0;
    app.side_scroll = 0;
    app.form = None;
    app.screen = Screen::Question;
    app.refresh();
    Vec::new()
}

/// Opens the priorities screen; Esc there returns to `from`.
fn open_priorities(app: &mut App, from: Screen) -> Vec<Effect> {
    app.prio_return = from;
    app.screen = Screen::Priorities;
    Vec::new()
}

/// Scrolls a side panel by one line.
fn scroll(offset: &mut u16, down: bool) {
    *offset = if down {
        offset.saturating_add(1)
    } else {
        offset.saturating_sub(1)
    };
}

fn question(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Up | Action::Down => {
            let down = action == Action::Down;
            if app.side_focus {
                scroll(&mut app.side_scroll, down);
            } else {
                let n = app.current_question().map_or(0, |q| q.answers.len());
                step(&mut app.answer_sel, n, down);
            }
            Vec::new()
        }
        Action::NextPanel | Action::PrevPanel => {
            app.side_focus = !app.side_focus;
            Vec::new()
        }
        Action::Select => answer(app, app.answer_sel),
        Action::Back => back(app),
        Action::Priorities => open_priorities(app, Screen::Question),
        Action::NextDecision => next_decision(app),
        _ => Vec::new(),
    }
}

/// Answers the open question with answer `i` through `Decision::answer`.
fn answer(app: &mut App, i: usize) -> Vec<Effect> {
    let Some((_, d)) = app.active() else {
        return Vec::new();
    };
    let Some(tree) = app.catalog.get(&d.tree) else {
        return Vec::new();
    };
    let mut d = d.clone();
    if let Err(e) = d.answer(tree, i) {
        app.notice = Some(e.to_string());
        return Vec::new();
    }
    if let Some(slot) = active_mut(app) {
        *slot = d;
    }
    app.answer_sel = 0;
    app.side_scroll = 0;
    let effects = changed(app);
    if app.report.as_ref().is_some_and(|r| r.outcome.is_some()) {
        app.screen = Screen::Outcome;
        app.outcome_sel = 0;
    }
    effects
}

/// Back one step: un-answers the last question and highlights the answer that was given, so
/// changing it is one key away. At the first question, leaves the decision.
fn back(app: &mut App) -> Vec<Effect> {
    let Some(d) = active_mut(app) else {
        app.screen = Screen::Home;
        return vec![Effect::List];
    };
    let last = d.answers.last().cloned();
    if d.back() {
        let effects = changed(app);
        app.screen = Screen::Question;
        if let (Some(step), Some(q)) = (last, app.current_question()) {
            app.answer_sel = q
                .answers
                .iter()
                .position(|a| a.label == step.answer)
                .unwrap_or(0);
        }
        app.side_scroll = 0;
        return effects;
    }
    // At the root. An empty added decision is dropped and its predecessor shown again.
    let s = app.session.as_mut().expect("active decision has a session");
    if s.decisions.len() > 1 {
        s.decisions.remove(s.active);
        s.active = s.decisions.len() - 1;
        let effects = changed(app);
        app.screen = if app.report.as_ref().is_some_and(|r| r.outcome.is_some()) {
            Screen::Outcome
        } else {
            Screen::Question
        };
        return effects;
    }
    app.session = None;
    app.report = None;
    app.screen = Screen::Home;
    vec![Effect::List]
}

fn priorities(app: &mut App, action: Action) -> Vec<Effect> {
    let Some(r) = &app.report else {
        app.screen = app.prio_return;
        return Vec::new();
    };
    let n = r.criteria.len();
    let current = r
        .criteria
        .get(app.prio_sel)
        .map(|c| (c.id.clone(), c.weight));
    match action {
        Action::Up | Action::Down => {
            step(&mut app.prio_sel, n, action == Action::Down);
            Vec::new()
        }
        Action::Increase | Action::Decrease | Action::ResetWeight => {
            let Some((id, w)) = current else {
                return Vec::new();
            };
            let Some((_, d)) = app.active() else {
                return Vec::new();
            };
            let Some(tree) = app.catalog.get(&d.tree) else {
                return Vec::new();
            };
            let mut d = d.clone();
            if action == Action::ResetWeight {
                d.overrides.remove(&id);
            } else {
                let delta = if action == Action::Increase { 1 } else { -1 };
                let new = (w + delta).clamp(*WEIGHT_RANGE.start(), *WEIGHT_RANGE.end());
                if new == w {
                    return Vec::new();
                }
                if let Err(e) = d.set_weight(tree, &id, new) {
                    app.notice = Some(e.to_string());
                    return Vec::new();
                }
            }
            if let Some(slot) = active_mut(app) {
                *slot = d;
            }
            changed(app)
        }
        Action::Back => {
            app.screen = app.prio_return;
            Vec::new()
        }
        _ => Vec::new(),
    }
}

fn outcome(app: &mut App, action: Action) -> Vec<Effect> {
    let n = app.report.as_ref().map_or(0, |r| r.ranking.len());
    match action {
        Action::Up | Action::Down => {
            let down = action == Action::Down;
            if app.side_focus {
                scroll(&mut app.side_scroll, down);
            } else {
                step(&mut app.outcome_sel, n, down);
            }
            Vec::new()
        }
        Action::NextPanel | Action::PrevPanel => {
            app.side_focus = !app.side_focus;
            Vec::new()
        }
        Action::Select => choose(app),
        Action::Back => back(app),
        Action::Priorities => open_priorities(app, Screen::Outcome),
        Action::DecideAnother => decide_another(app),
        Action::NextDecision => next_decision(app),
        _ => Vec::new(),
    }
}

/// Moves to the session's next decision (wrapping), on its question or outcome.
fn next_decision(app: &mut App) -> Vec<Effect> {
    let Some(mut session) = app.session.take() else {
        return Vec::new();
    };
    let n = session.decisions.len();
    if n < 2 {
        app.session = Some(session);
        app.notice = Some(
            "this session holds one decision; press a on the outcome to decide another tree".into(),
        );
        return Vec::new();
    }
    session.active = (session.active + 1) % n;
    let title = app
        .catalog
        .get(&session.decisions[session.active].tree)
        .map_or(String::new(), |t| t.tree.title.clone());
    let label = format!("decision {} of {n}: {title}", session.active + 1);
    open_session(app, session);
    app.notice = Some(label);
    touch(app);
    vec![Effect::Save]
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
        app.notice = Some(format!(
            "{} is ruled out ({why}); pick an option that is in play",
            opt.name
        ));
        return Vec::new();
    }
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

fn open_form(app: &mut App) {
    let (Some((_, d)), Some(r)) = (app.active(), app.report.as_ref()) else {
        return;
    };
    app.form = Some(RecordForm::new(&d.record, r, app.git_user.as_deref()));
    app.screen = Screen::Record;
}

fn decide_another(app: &mut App) -> Vec<Effect> {
    app.adding = true;
    app.home_panel = HomePanel::Trees;
    app.screen = Screen::Home;
    Vec::new()
}

/// Copies the form into the session's draft, so what was typed is saved and never lost.
fn store_form(app: &mut App) {
    let Some(form) = app.form.take() else {
        return;
    };
    if let Some(d) = active_mut(app) {
        form.store(&mut d.record);
    }
    app.form = Some(form);
    touch(app);
}

fn record(app: &mut App, action: Action) -> Vec<Effect> {
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
fn edit(app: &mut App, ev: KeyEvent) -> Vec<Effect> {
    let Some(form) = app.form.as_mut() else {
        return Vec::new();
    };
    if let KeyCode::Char(c) = ev.code
        && c.is_control()
    {
        return Vec::new();
    }
    let multi = form.focus == super::app::Field::Context;
    if ev.code == KeyCode::Enter && !multi {
        form.move_focus(true);
        return Vec::new();
    }
    if ev.modifiers.contains(KeyModifiers::CONTROL) && ev.code == KeyCode::Char('m') && !multi {
        return Vec::new();
    }
    if let Some(t) = form.editor_mut() {
        // Readline habits over the widget's defaults: Ctrl-U deletes to the start of the line
        // (the widget would undo), Ctrl-Z undoes.
        let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
        match ev.code {
            KeyCode::Char('u') if ctrl => {
                t.delete_line_by_head();
            }
            KeyCode::Char('z') if ctrl => {
                t.undo();
            }
            _ => {
                t.input(ev);
            }
        }
    }
    Vec::new()
}

fn preview(app: &mut App, action: Action) -> Vec<Effect> {
    let page = app.size.1.saturating_sub(8).max(1);
    match action {
        Action::Up => app.preview_scroll = app.preview_scroll.saturating_sub(1),
        Action::Down => app.preview_scroll = app.preview_scroll.saturating_add(1),
        Action::PageUp => app.preview_scroll = app.preview_scroll.saturating_sub(page),
        Action::PageDown => app.preview_scroll = app.preview_scroll.saturating_add(page),
        Action::Export => {
            if matches!(app.preview, Some(Ok(_))) {
                return vec![Effect::Export];
            }
            app.notice = Some("nothing to export: the preview could not be rendered".into());
        }
        Action::Back => app.screen = Screen::Record,
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

fn exported(app: &mut App, action: Action) -> Vec<Effect> {
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

fn click(app: &mut App, column: u16, row: u16) -> Vec<Effect> {
    if app.help || app.confirm_quit {
        return Vec::new();
    }
    let Some(hit) = view::hit_test(app, column, row) else {
        return Vec::new();
    };
    app.notice = None;
    match hit {
        Hit::Answer(i) => {
            app.answer_sel = i;
            app.side_focus = false;
            return answer(app, i);
        }
        Hit::Option(i) => app.outcome_sel = i,
        Hit::Criterion(i) => app.prio_sel = i,
        Hit::Tree(i) => {
            app.home_panel = HomePanel::Trees;
            app.tree_sel = i;
        }
        Hit::Session(i) => {
            app.home_panel = HomePanel::Sessions;
            app.session_sel = i;
        }
    }
    Vec::new()
}
