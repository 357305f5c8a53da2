//! `update(app, msg) -> effects`: the only place the state changes. It does no I/O: saving,
//! rendering the ADR and writing it are returned as [`Effect`]s for the shell to run, and their
//! results come back as messages. So every key sequence can be tested without a terminal.
//!
//! This module handles messages, overlays and global keys, then hands a screen's keys to its
//! module in `super::screens`; helpers several screens share live here.

use std::path::PathBuf;

use crossterm::event::{KeyEvent, KeyEventKind};

use crate::session::{Decision, Session};
use crate::store::Summary;

use super::app::{App, HomePanel, PreviewText, Screen};
use super::keys::{self, Action, Context};
use super::layout::{self, Hit};
use super::screens;

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
    Exported(Result<crate::adr::Exported, String>),
    /// The repository's decision log, read (or why it could not be).
    LogLoaded(Result<crate::log::DecisionLog, String>),
    /// One ADR file's text, for the log's reader.
    AdrRead(PathBuf, Result<String, String>),
    /// A saved session read for its review pack (from the home screen).
    ReviewLoaded(Result<Session, String>),
    /// Where the review pack was written, or why it was not.
    ReviewWritten(Result<PathBuf, String>),
    /// The terminal went away (hang-up) or a signal asks the program to end (SIGTERM, SIGHUP,
    /// SIGINT, SIGQUIT): keep the record form's text, save, quit.
    Terminate,
}

/// How to export a decision that may already have an ADR.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportMode {
    /// A new ADR file with the next number.
    New,
    /// Rewrite the ADR this decision was exported to before, in place.
    Update,
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
    /// Delete a saved session's file, then re-read the list.
    Delete(String),
    /// Render the active decision's ADR for the preview.
    Preview,
    /// Write the active decision's ADR.
    Export(ExportMode),
    /// Read the repository's decision log (its ADR directory).
    LoadLog,
    /// Read one ADR file for the log's reader.
    ReadAdr(PathBuf),
    /// Read a saved session (without opening it) to show its review pack.
    ReviewSession(String),
    /// Write the review pack on screen to a file.
    WriteReview(crate::review::Format),
}

/// Applies one message to the state.
pub fn update(app: &mut App, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Key(ev) => key(app, ev),
        Msg::Terminate => {
            store_form(app);
            app.quit = true;
            if app.session.is_some() {
                vec![Effect::Save]
            } else {
                Vec::new()
            }
        }
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
        Msg::ReviewLoaded(r) => {
            match r {
                Ok(session) => screens::review::open(app, &session, Screen::Home),
                Err(e) => app.notice = Some(e),
            }
            Vec::new()
        }
        Msg::ReviewWritten(r) => {
            app.notice = Some(match r {
                Ok(p) => format!("review pack written to {}", p.display()),
                Err(e) => format!("the review pack was not written: {e}"),
            });
            Vec::new()
        }
        Msg::Previewed(r) => {
            app.package_sel = 0;
            app.preview = Some(r);
            Vec::new()
        }
        Msg::LogLoaded(r) => {
            screens::log::loaded(app, r);
            Vec::new()
        }
        Msg::AdrRead(path, r) => {
            screens::log::read(app, &path, r);
            Vec::new()
        }
        Msg::Exported(r) => {
            app.screen = Screen::Exported;
            match r {
                Ok(done) => {
                    let main = done.main_path().map(|p| p.display().to_string());
                    if let (Some(d), Some(main)) = (active_mut(app), main) {
                        d.record.exported = Some(main);
                    }
                    app.export = Some(Ok(done));
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
/// A session started in another directory says so: its ADRs may live in that repository.
pub fn open_session(app: &mut App, session: Session) {
    if let (Some(theirs), Some(ours)) = (&session.repo, &app.repo)
        && theirs != ours
    {
        app.notice = Some(format!(
            "this session was started in {theirs}; ADRs exported now go to this directory's repository"
        ));
    }
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

/// Shows what `tradeoffs revisit` found before the replayed session (opened with
/// [`open_session`]): the change report, laid out by the core for the decision as it stands.
/// Going on from it lands where the session opened. Without an evaluated decision there is
/// nothing to compare: the summary goes to the notice instead.
pub fn open_revisit(
    app: &mut App,
    recorded: &crate::adr::decision_data::Recorded,
    changes: &crate::revisit::Changes,
) {
    screens::revisit::open(app, recorded, changes);
}

pub(crate) fn active_mut(app: &mut App) -> Option<&mut Decision> {
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
pub(crate) fn changed(app: &mut App) -> Vec<Effect> {
    touch(app);
    app.refresh();
    vec![Effect::Save]
}

fn key(app: &mut App, ev: KeyEvent) -> Vec<Effect> {
    if ev.kind != KeyEventKind::Press {
        return Vec::new();
    }
    let ctx = app.context();
    let too_small = app.size.0 < super::layout::MIN_WIDTH || app.size.1 < super::layout::MIN_HEIGHT;
    let Some(action) = keys::lookup(ctx, &ev) else {
        if ctx == Context::LogSearch && !too_small {
            return screens::log::edit(app, ev);
        }
        if ctx == Context::RecordText && !too_small {
            let mut effects = screens::record::edit(app, ev);
            // The form autosaves as it is typed: a crash or a closed window keeps the text.
            if app.session.is_some() && !effects.contains(&Effect::Save) {
                store_form(app);
                effects.push(Effect::Save);
            }
            return effects;
        }
        return Vec::new();
    };
    // Behind "terminal too small" the screen shows nothing to act on: only quitting works.
    if too_small && !matches!(action, Action::ForceQuit) {
        return Vec::new();
    }
    if !matches!(action, Action::Help | Action::ForceQuit) {
        app.notice = None;
    }
    if action != Action::DeleteSession {
        app.delete_confirm = None;
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
        Screen::Home => screens::home::update(app, action),
        Screen::Question => screens::question::update(app, action),
        Screen::Priorities => screens::priorities::update(app, action),
        Screen::Outcome => screens::outcome::update(app, action),
        Screen::Record => screens::record::update(app, action),
        Screen::Preview => screens::preview::update(app, action),
        Screen::Exported => screens::exported::update(app, action),
        Screen::Log => screens::log::update(app, action),
        Screen::Review => screens::review::update(app, action),
        Screen::Revisit => screens::revisit::update(app, action),
    }
}

pub(crate) fn step(sel: &mut usize, len: usize, down: bool) {
    if len == 0 {
        *sel = 0;
    } else if down {
        *sel = (*sel + 1).min(len - 1);
    } else {
        *sel = sel.saturating_sub(1);
    }
}

/// Scrolls a side panel by one line.
fn scroll(offset: &mut u16, down: bool) {
    *offset = if down {
        offset.saturating_add(1)
    } else {
        offset.saturating_sub(1)
    };
}

/// Up/Down and Tab on a screen with a list beside a scrollable panel: Tab moves the focus
/// between them; with the side panel focused Up/Down scroll it, else they move the selection.
pub(crate) fn list_or_side(
    app: &mut App,
    action: Action,
    len: usize,
    sel: fn(&mut App) -> &mut usize,
) {
    match action {
        Action::NextPanel | Action::PrevPanel => app.side_focus = !app.side_focus,
        Action::Up | Action::Down => {
            let down = action == Action::Down;
            if app.side_focus {
                scroll(&mut app.side_scroll, down);
            } else {
                step(sel(app), len, down);
            }
        }
        _ => {}
    }
}

/// Back one step: un-answers the last question and highlights the answer that was given, so
/// changing it is one key away. At the first question, leaves the decision.
pub(crate) fn back(app: &mut App) -> Vec<Effect> {
    let Some(d) = active_mut(app) else {
        app.screen = Screen::Home;
        return vec![Effect::List];
    };
    let last = d.answers.last().cloned();
    if d.back() {
        let effects = changed(app);
        app.screen = Screen::Question;
        let (sel, picks) = match (last, app.current_question()) {
            (Some(step), Some(q)) => {
                // A "select all that apply" step comes back with its answers still toggled.
                let labels = step.labels();
                let sel = q
                    .answers
                    .iter()
                    .position(|a| labels.contains(&a.label.as_str()));
                let picks = q
                    .answers
                    .iter()
                    .enumerate()
                    .filter(|(_, a)| q.multi && labels.contains(&a.label.as_str()))
                    .fold(0, |m, (j, _)| m | (1 << j));
                (sel.unwrap_or(0), picks)
            }
            _ => (0, 0),
        };
        app.answer_sel = sel;
        app.picks = picks;
        app.side_scroll = 0;
        return effects;
    }
    // At the root. A later decision of the same area goes back to the previous decision; an
    // empty decision added from another area ("decide another") is dropped.
    let s = app.session.as_mut().expect("active decision has a session");
    if s.active > 0 {
        let area = |d: &Decision| app.catalog.get(&d.tree).map(|t| t.tree.area.id.clone());
        let added = s.active + 1 == s.decisions.len()
            && area(&s.decisions[s.active]) != area(&s.decisions[s.active - 1]);
        if added {
            s.decisions.remove(s.active);
            s.active = app
                .added_from
                .filter(|&i| i < s.decisions.len())
                .unwrap_or(s.decisions.len() - 1);
        } else {
            s.active -= 1;
        }
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

/// Moves to the session's next decision (wrapping), on its question or outcome.
pub(crate) fn next_decision(app: &mut App) -> Vec<Effect> {
    let Some(mut session) = app.session.take() else {
        return Vec::new();
    };
    let n = session.decisions.len();
    if n < 2 {
        app.session = Some(session);
        app.notice = Some(format!(
            "this session holds one decision; press {} on the outcome to decide another tree",
            keys::hint(Context::Outcome, Action::DecideAnother)
        ));
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
    reuse_facts(app);
    touch(app);
    vec![Effect::Save]
}

/// Answers the active decision's open questions that ask a fact an earlier decision of the
/// session answered (through `Session::reuse_fact`), and says so: the user sees what was reused
/// and can go back to change it. Moves to the outcome when that reached it.
pub(crate) fn reuse_facts(app: &mut App) {
    let Some(s) = app.session.as_mut() else {
        return;
    };
    let index = s.active;
    let mut reused = Vec::new();
    while let Ok(Some(known)) = s.reuse_fact(&app.catalog, index) {
        reused.push(known);
    }
    let Some(first) = reused.first() else {
        return;
    };
    let from = app
        .catalog
        .get(&first.tree)
        .map_or(first.tree.clone(), |t| t.tree.title.clone());
    let answers: Vec<String> = reused.iter().map(|k| k.labels.join(" + ")).collect();
    let reused_note = format!(
        "answered as in \"{from}\": {} ({} to change)",
        answers.join("; "),
        keys::hint(Context::Question, Action::Back)
    );
    app.answer_sel = 0;
    app.picks = 0;
    app.refresh();
    if app.report.as_ref().is_some_and(|r| r.outcome.is_some()) {
        app.screen = Screen::Outcome;
        app.outcome_sel = 0;
    }
    app.notice = Some(match app.notice.take() {
        Some(n) => format!("{n} · {reused_note}"),
        None => reused_note,
    });
}

pub(crate) fn decide_another(app: &mut App) -> Vec<Effect> {
    app.added_from = app.session.as_ref().map(|s| s.active);
    app.adding = true;
    app.home_panel = HomePanel::Trees;
    app.screen = Screen::Home;
    Vec::new()
}

/// Copies the form into the session's draft, so what was typed is saved and never lost.
pub(crate) fn store_form(app: &mut App) {
    let Some(form) = app.form.take() else {
        return;
    };
    if let Some(d) = active_mut(app) {
        form.store(&mut d.record);
    }
    app.form = Some(form);
    touch(app);
}

fn click(app: &mut App, column: u16, row: u16) -> Vec<Effect> {
    if app.help || app.confirm_quit {
        return Vec::new();
    }
    let Some(hit) = layout::hit_test(app, column, row) else {
        return Vec::new();
    };
    app.notice = None;
    match hit {
        Hit::Answer(i) => {
            app.answer_sel = i;
            app.side_focus = false;
            // A click toggles an answer of a "select all that apply" question (Enter confirms).
            return screens::question::toggle(app, i);
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
        Hit::LogRow(i) => app.log_view.sel = i,
    }
    Vec::new()
}
