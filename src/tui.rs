//! The interactive TUI: The Elm Architecture over the core. [`app::App`] is the one state,
//! [`update::update`] turns a message into a new state plus effects, [`view::view`] draws it,
//! and [`keys`] declares every binding once for dispatch, the status bar and the help overlay.
//!
//! This file is the thin shell around them: it owns the terminal (ratatui `init`/`restore`, which
//! also restore on panic), reads events, and runs the effects `update` asks for (saving the
//! session, rendering and writing the ADR) through the same core calls `tradeoffs decide` uses.

pub mod app;
mod chrome;
pub mod keys;
mod layout;
pub mod log_view;
mod screens;
mod scroll;
mod signals;
mod theme;
pub mod update;
pub mod view;
mod widgets;

use std::collections::VecDeque;
use std::io::stdout;
use std::path::PathBuf;
use std::time::{SystemTime, UNIX_EPOCH};

use anyhow::Result;
use crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, MouseButton, MouseEventKind,
};
use crossterm::execute;

use crate::adr;
use crate::store::Store;
use crate::tree::Catalog;

use app::{App, PreviewText};
use update::{Effect, Msg, update};

/// Seconds since the epoch, for session ids and "last change".
pub fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// Where effects go: the session store and the repository the ADR is written into.
#[derive(Debug, Clone)]
pub struct Shell {
    pub store: Store,
    /// Directory the repository's ADR directory is looked up from (the working directory).
    pub repo: PathBuf,
    /// `--adr-dir`: the ADR directory to use instead of the one the repository's markers name.
    pub adr_dir: Option<PathBuf>,
    /// `--package`: the ADR folder of a repository with several.
    pub package: Option<String>,
    /// The lock on the session being edited (see [`Store::lock`]), by session id.
    pub held: std::sync::Arc<std::sync::Mutex<Option<(String, std::fs::File)>>>,
}

impl Shell {
    /// Applies a message and every effect it causes, feeding each effect's result back in,
    /// until the state is settled.
    pub fn dispatch(&self, app: &mut App, msg: Msg) {
        let mut queue = VecDeque::from([msg]);
        while let Some(m) = queue.pop_front() {
            for effect in update(app, m) {
                queue.extend(self.run(app, effect));
            }
        }
    }

    fn run(&self, app: &App, effect: Effect) -> Option<Msg> {
        Some(match effect {
            Effect::Save => {
                let session = app.session.as_ref()?;
                Msg::Saved(
                    self.hold(&session.id)
                        .and_then(|()| self.store.save(session).map_err(|e| format!("{e:#}"))),
                )
            }
            Effect::Load(id) => Msg::Loaded(self.hold(&id).and_then(|()| {
                self.store
                    .load(&id, &app.catalog)
                    .map_err(|e| format!("{e:#}"))
            })),
            Effect::List => Msg::Listed(self.store.list(&app.catalog)),
            Effect::Delete(id) => match self.store.delete(&id) {
                Ok(()) => Msg::Listed(self.store.list(&app.catalog)),
                Err(e) => Msg::Loaded(Err(e.to_string())),
            },
            Effect::Preview => Msg::Previewed(self.preview(app).map_err(|e| format!("{e:#}"))),
            Effect::Export(mode) => {
                Msg::Exported(self.export(app, mode).map_err(|e| format!("{e:#}")))
            }
            Effect::LoadLog => Msg::LogLoaded(self.load_log(app).map_err(|e| e.to_string())),
            Effect::ReadAdr(path) => {
                let text = crate::fileread::read_text(&path, crate::fileread::ADR_LIMIT)
                    .map_err(|e| format!("cannot read {}: {e}", path.display()));
                Msg::AdrRead(path, text)
            }
            Effect::ReviewSession(id) => Msg::ReviewLoaded(
                self.store
                    .load(&id, &app.catalog)
                    .map_err(|e| format!("{e:#}")),
            ),
            Effect::WriteReview(format) => Msg::ReviewWritten(self.write_review(app, format)),
        })
    }

    /// Writes the review pack on screen next to the ADRs: the directory of an ADR the session
    /// exported, else the repository's ADR directory when it exists, else the working
    /// directory. The file is `design-review-<session>.md` or `.html`, replaced if present.
    fn write_review(&self, app: &App, format: crate::review::Format) -> Result<PathBuf, String> {
        let mut pack = app
            .review
            .clone()
            .ok_or_else(|| "there is no review pack to write".to_string())?;
        pack.check_adr_files(&self.repo);
        let exported = pack
            .decisions
            .iter()
            .filter_map(|d| d.adr.as_ref())
            .filter(|a| a.exists == Some(true))
            .find_map(|a| {
                let p = PathBuf::from(&a.path);
                let p = if p.is_absolute() {
                    p
                } else {
                    self.repo.join(p)
                };
                p.parent().map(PathBuf::from)
            });
        let dir = exported
            .or_else(|| {
                adr::locate_in(&self.repo, self.adr_dir.as_deref(), None, self.package(app))
                    .ok()
                    .map(|t| t.dir)
                    .filter(|d| d.is_dir())
            })
            .unwrap_or_else(|| self.repo.clone());
        let path = dir.join(crate::review::default_file_name(&pack.session, format));
        crate::review::write(&pack, format, &path).map_err(|e| e.to_string())?;
        Ok(path)
    }

    /// Holds the lock of session `id` (taking it, and letting go of another session's, when
    /// needed); an error when another TUI holds it.
    fn hold(&self, id: &str) -> Result<(), String> {
        let mut held = self
            .held
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if held.as_ref().is_some_and(|(h, _)| h == id) {
            return Ok(());
        }
        let file = self.store.lock(id).map_err(|e| e.to_string())?;
        *held = Some((id.to_string(), file));
        Ok(())
    }

    /// The report, record metadata and target directory for the active decision. Related ADRs
    /// are the ones already written for the session's other decisions.
    fn record_inputs(
        &self,
        app: &App,
    ) -> Result<(crate::report::DecisionReport, adr::RecordMeta, adr::Target)> {
        let report = app
            .report
            .clone()
            .ok_or_else(|| anyhow::anyhow!("there is no evaluated decision to record"))?;
        let (active, decision) = app
            .active()
            .ok_or_else(|| anyhow::anyhow!("there is no decision to record"))?;
        // The form already offered `git config user.name`; an emptied field stays empty.
        let mut meta = adr::RecordMeta::for_decision_in(&report, &decision.record, None)?;
        let mut target =
            adr::locate_in(&self.repo, self.adr_dir.as_deref(), None, self.package(app))?;
        if let Some(s) = &app.session {
            let related: Vec<PathBuf> = s
                .decisions
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != active)
                .filter_map(|(_, d)| d.record.exported.as_ref().map(PathBuf::from))
                .collect();
            // A renamed, deleted or foreign `exported` path is skipped with a warning: it never
            // blocks this export and is never rewritten.
            let (usable, warnings) = adr::usable_related(&related, &target.dir);
            meta.related = usable;
            target.warnings.extend(warnings);
        }
        Ok((report, meta, target))
    }

    /// The repository's decision log: the ADR folder exports go to (the package picked, in a
    /// repository with several), read; a folder that does not exist yet is an empty log.
    fn load_log(&self, app: &App) -> Result<crate::log::DecisionLog, adr::AdrError> {
        let target = adr::locate_in(&self.repo, self.adr_dir.as_deref(), None, self.package(app))?;
        if !target.dir.is_dir() {
            return Ok(crate::log::DecisionLog {
                dir: target.dir,
                entries: Vec::new(),
                index_files: None,
            });
        }
        crate::log::read_log_through_cache(&target.dir)
    }

    /// The ADR folder picked: in the TUI, else by `--package`.
    fn package<'a>(&'a self, app: &'a App) -> Option<&'a str> {
        app.adr_package.as_deref().or(self.package.as_deref())
    }

    fn preview(&self, app: &App) -> Result<PreviewText> {
        if self.adr_dir.is_none()
            && self.package(app).is_none()
            && adr::locate_in(&self.repo, None, None, None).is_err()
        {
            // Several ADR folders and nothing picks one: the user chooses first.
            let packages = adr::packages(&self.repo);
            if packages.len() > 1 {
                let root = self.repo.clone();
                return Ok(PreviewText {
                    text: String::new(),
                    dir: String::new(),
                    warnings: Vec::new(),
                    style: None,
                    packages: packages
                        .iter()
                        .map(|p| {
                            let dir = p.dir.strip_prefix(&root).unwrap_or(&p.dir);
                            (p.name.clone(), dir.display().to_string())
                        })
                        .collect(),
                });
            }
        }
        let (report, meta, target) = self.record_inputs(app)?;
        let text = adr::preview(&report, &meta, &target)?;
        let overlong = target.style.check(&text);
        let dir = target
            .dir
            .strip_prefix(&self.repo)
            .unwrap_or(&target.dir)
            .display()
            .to_string();
        Ok(PreviewText {
            text,
            dir: format!("{dir} ({})", target.dialect.name()),
            warnings: target.warnings.iter().cloned().chain(overlong).collect(),
            style: target.style.summary(),
            packages: Vec::new(),
        })
    }

    fn export(&self, app: &App, mode: update::ExportMode) -> Result<adr::Exported> {
        let (report, meta, target) = self.record_inputs(app)?;
        let earlier = app
            .active()
            .and_then(|(_, d)| d.record.exported.as_ref().map(PathBuf::from));
        // A revisited decision's first export supersedes the ADR it came from.
        let supersedes = app
            .active()
            .filter(|(_, d)| d.record.exported.is_none())
            .and_then(|(_, d)| d.record.supersedes.as_deref())
            .and_then(|p| std::path::Path::new(p).file_name())
            .map(|n| n.to_string_lossy().into_owned());
        match (mode, earlier) {
            (update::ExportMode::Update, Some(path)) => {
                Ok(adr::update_in_place(&report, &meta, &target, &path)?)
            }
            _ => Ok(adr::export_all(
                &[(&report, &meta)],
                &target,
                supersedes.as_deref(),
            )?),
        }
    }
}

/// How the TUI starts.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// `Some(None)`: resume the latest session; `Some(Some(id))`: that one.
    pub resume: Option<Option<String>>,
    /// Leave the mouse alone, so the terminal's own text selection keeps working.
    pub no_mouse: bool,
    /// ADR directory to write into instead of the one found from the working directory.
    pub adr_dir: Option<PathBuf>,
    /// The ADR folder (package) of a repository with several (`--package`).
    pub package: Option<String>,
    /// What `tradeoffs revisit` found: the ADR replayed into the resumed session and what
    /// changed since, shown first ([`update::open_revisit`]).
    pub revisit: Option<(crate::adr::decision_data::Recorded, crate::revisit::Changes)>,
}

/// Runs the TUI until the user quits. Everything that can fail before the terminal is taken
/// over (no data directory, an unknown session id) fails here, with the terminal untouched.
pub fn run(catalog: Catalog, options: Options) -> Result<()> {
    let store = Store::open_default()?;
    let shell = Shell {
        store,
        repo: std::env::current_dir()?,
        adr_dir: options.adr_dir.clone(),
        package: options.package.clone(),
        held: std::sync::Arc::default(),
    };
    let saved = shell.store.list(&catalog);
    let git_user = adr::git_user_name(&shell.repo);
    let mut app = App::new(catalog, saved, git_user, now());
    app.repo = Some(shell.repo.display().to_string());
    // The accepted ADRs of the repository, for the conflict check (none when it has no ADR
    // directory yet, or the markers cannot be read: the export will say why then).
    if let Ok(target) = adr::locate_in(
        &shell.repo,
        shell.adr_dir.as_deref(),
        None,
        shell.package.as_deref(),
    ) {
        app.accepted = adr::decision_data::accepted_choices(&target.dir);
    }
    if let Some(id) = options.resume {
        let session = match id {
            Some(id) => shell.store.load(&id, &app.catalog)?,
            None => shell.store.latest(&app.catalog)?,
        };
        // Before the terminal is taken over: a session open in another TUI is an error here.
        shell.hold(&session.id).map_err(anyhow::Error::msg)?;
        update::open_session(&mut app, session);
    }
    if let Some((recorded, changes)) = &options.revisit {
        update::open_revisit(&mut app, recorded, changes);
    }

    if !options.no_mouse {
        // ratatui's panic hook restores the terminal, then calls this one; mouse reporting
        // left on would fill the shell with escape codes on every mouse move.
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let _ = execute!(stdout(), DisableMouseCapture);
            previous(info);
        }));
    }
    signals::install();
    let mut terminal = ratatui::init();
    if !options.no_mouse {
        let _ = execute!(stdout(), EnableMouseCapture);
    }
    let result = event_loop(&mut terminal, &mut app, &shell);
    if !options.no_mouse {
        let _ = execute!(stdout(), DisableMouseCapture);
    }
    ratatui::restore();
    let _ = execute!(stdout(), crossterm::cursor::Show);
    if let Err(e) = &result {
        eprintln!("{}", crate::text::sanitize(&format!("error: {e:#}")));
    }
    if let Some(e) = &app.save_error {
        // The "autosave failed" notice went with the alternate screen; say it where it stays.
        eprintln!(
            "{}",
            crate::text::sanitize(&format!("error: the session was not saved: {e}"))
        );
    }
    // However the TUI ended (q, Ctrl-C), say where the work is.
    if let Some(s) = &app.session
        && s.decisions.iter().any(|d| !d.answers.is_empty())
        && app.save_error.is_none()
    {
        eprintln!(
            "Session {} saved; resume it with `tradeoffs --resume {}`.",
            s.id, s.id
        );
    }
    if let Some(sig) = app.ended_by {
        // Saved and restored; end with the status the signal would have given.
        std::process::exit(128 + sig);
    }
    if result.is_err() || app.save_error.is_some() {
        std::process::exit(1);
    }
    Ok(())
}

fn event_loop(terminal: &mut ratatui::DefaultTerminal, app: &mut App, shell: &Shell) -> Result<()> {
    let size = terminal.size()?;
    app.size = (size.width, size.height);
    while !app.quit {
        // A hung-up terminal fails to draw: save and end instead of returning with nothing saved.
        if terminal.draw(|f| view::view(app, f)).is_err() {
            shell.dispatch(app, Msg::Terminate);
            break;
        }
        match signals::wait() {
            signals::Wake::Input => {}
            signals::Wake::Signal(sig) => {
                app.ended_by = Some(sig);
                shell.dispatch(app, Msg::Terminate);
                break;
            }
            signals::Wake::HangUp => {
                app.ended_by = Some(1);
                shell.dispatch(app, Msg::Terminate);
                break;
            }
        }
        let Ok(event) = event::read() else {
            // End of input or an I/O error on the terminal: it is gone.
            app.ended_by = Some(1);
            shell.dispatch(app, Msg::Terminate);
            break;
        };
        let msg = match event {
            Event::Key(k) => Msg::Key(k),
            Event::Mouse(m) if m.kind == MouseEventKind::Down(MouseButton::Left) => Msg::Click {
                column: m.column,
                row: m.row,
            },
            Event::Resize(w, h) => Msg::Resize(w, h),
            _ => continue,
        };
        app.now = now();
        shell.dispatch(app, msg);
    }
    Ok(())
}
