//! The TUI's one state. It holds the session (the user's inputs, as the core stores them) and the
//! report derived from it by the same [`Engine`] that `tradeoffs decide` uses; everything
//! else here is where the cursor is. No terminal I/O.

use ratatui::style::{Modifier, Style};
use ratatui_textarea::{CursorMove, TextArea};

use crate::adr::Status;
use crate::engine::Engine;
use crate::report::DecisionReport;
use crate::session::{RecordDraft, Session, Walk};
use crate::store::Summary;
use crate::text::sanitize as plain;
use crate::tree::Catalog;

use super::keys::Context;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Home,
    Question,
    Priorities,
    Outcome,
    Record,
    Preview,
    Exported,
    /// The repository's decision log (`super::log_view`).
    Log,
    Review,
    /// What changed since the ADR `tradeoffs revisit` replays (shown first, then the decision).
    Revisit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HomePanel {
    Trees,
    Sessions,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Title,
    Status,
    Deciders,
    Consulted,
    Informed,
    Context,
}

impl Field {
    pub const ALL: [Field; 6] = [
        Field::Title,
        Field::Status,
        Field::Deciders,
        Field::Consulted,
        Field::Informed,
        Field::Context,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Field::Title => "Title",
            Field::Status => "Status",
            Field::Deciders => "Deciders (comma-separated)",
            Field::Consulted => "Consulted",
            Field::Informed => "Informed",
            Field::Context => "Context (optional; Enter makes a new line)",
        }
    }
}

/// The record form. Text fields are `ratatui-textarea` editors, so cursor movement, deletion,
/// undo and multi-line editing work the way users expect without hand-written editing code.
#[derive(Debug, Clone)]
pub struct RecordForm {
    pub focus: Field,
    pub title: TextArea<'static>,
    pub status: usize,
    pub deciders: TextArea<'static>,
    /// MADR's "consulted" and "informed" (comma-separated names).
    pub consulted: TextArea<'static>,
    pub informed: TextArea<'static>,
    pub context: TextArea<'static>,
}

fn editor(text: &str, placeholder: &str) -> TextArea<'static> {
    let lines: Vec<String> = text.lines().map(plain).collect();
    let mut t = TextArea::new(if lines.is_empty() {
        vec![String::new()]
    } else {
        lines
    });
    t.set_cursor_line_style(Style::default());
    t.set_placeholder_text(placeholder);
    t.move_cursor(CursorMove::Bottom);
    t.move_cursor(CursorMove::End);
    t
}

impl RecordForm {
    /// The form for a decision: what the user typed before, else the defaults (title from the
    /// outcome, status "proposed", deciders from `git config user.name`).
    pub fn new(draft: &RecordDraft, report: &DecisionReport, git_user: Option<&str>) -> Self {
        let title = draft
            .title
            .clone()
            .unwrap_or_else(|| report.default_title());
        let deciders = if draft.deciders.is_empty() {
            git_user.unwrap_or_default().to_string()
        } else {
            draft.deciders.join(", ")
        };
        let status = draft
            .status
            .as_deref()
            .and_then(Status::parse)
            .and_then(|s| Status::ALL.iter().position(|x| *x == s))
            .unwrap_or(0);
        let mut form = RecordForm {
            focus: Field::Title,
            title: editor(&title, "A short title for the decision"),
            status,
            deciders: editor(&deciders, "Who decided"),
            consulted: editor(&draft.consulted.join(", "), "Asked for advice"),
            informed: editor(&draft.informed.join(", "), "Kept up to date"),
            context: editor(
                &draft.context,
                "Why now? Constraints, people, deadlines (the question path is added for you)",
            ),
        };
        // The context is prose: it wraps while typing, and Enter starts a new paragraph.
        form.context
            .set_wrap_mode(ratatui_textarea::WrapMode::WordOrGlyph);
        form.apply_focus();
        form
    }

    pub fn editor_mut(&mut self) -> Option<&mut TextArea<'static>> {
        match self.focus {
            Field::Title => Some(&mut self.title),
            Field::Deciders => Some(&mut self.deciders),
            Field::Consulted => Some(&mut self.consulted),
            Field::Informed => Some(&mut self.informed),
            Field::Context => Some(&mut self.context),
            Field::Status => None,
        }
    }

    pub fn move_focus(&mut self, forward: bool) {
        let i = Field::ALL
            .iter()
            .position(|f| *f == self.focus)
            .unwrap_or(0);
        let n = Field::ALL.len();
        self.focus = Field::ALL[if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        }];
        self.apply_focus();
    }

    /// Only the focused editor shows a cursor, so the user always sees where typing goes.
    pub fn apply_focus(&mut self) {
        let focus = self.focus;
        for (field, t) in [
            (Field::Title, &mut self.title),
            (Field::Deciders, &mut self.deciders),
            (Field::Consulted, &mut self.consulted),
            (Field::Informed, &mut self.informed),
            (Field::Context, &mut self.context),
        ] {
            t.set_cursor_style(if field == focus {
                Style::default().add_modifier(Modifier::REVERSED)
            } else {
                Style::default()
            });
        }
    }

    /// Writes the form into the decision's draft, so it is saved with the session.
    pub fn store(&self, draft: &mut RecordDraft) {
        let title = self.title.lines().join(" ").trim().to_string();
        draft.title = (!title.is_empty()).then_some(title);
        draft.status = Some(Status::ALL[self.status].as_str().to_string());
        let names = |t: &TextArea<'static>| -> Vec<String> {
            t.lines()
                .join(",")
                .split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect()
        };
        draft.deciders = names(&self.deciders);
        draft.consulted = names(&self.consulted);
        draft.informed = names(&self.informed);
        draft.context = self.context.lines().join("\n").trim_end().to_string();
    }
}

/// The rendered ADR and where it will go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreviewText {
    pub text: String,
    /// The directory the ADR will be written to.
    pub dir: String,
    pub warnings: Vec<String>,
    /// What the ADR copies from the repository (house style, lint config), in one line.
    pub style: Option<String>,
    /// The repository has several ADR folders and nothing picks one: `(name, folder)` to choose
    /// from before anything is rendered.
    pub packages: Vec<(String, String)>,
}

/// The change report `tradeoffs revisit` opens with, laid out by the core
/// ([`crate::revisit::Changes::sections`]) once, for the decision as it was replayed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RevisitView {
    /// The ADR in a few words ("ADR 3").
    pub adr: String,
    /// "Nothing changed since ADR 3: …" or "4 changes since ADR 3."
    pub headline: String,
    pub unchanged: bool,
    pub sections: Vec<crate::revisit::ReportSection>,
    /// The one-line summary the next screen's notice shows.
    pub summary: String,
}

#[derive(Debug)]
pub struct App {
    pub catalog: Catalog,
    pub engine: Engine,
    pub screen: Screen,
    pub session: Option<Session>,
    /// The active decision, evaluated; rebuilt after every change to the session.
    pub report: Option<DecisionReport>,
    /// The options the repository's accepted ADRs chose (read once at start); every report is
    /// checked against them, so the outcome screen shows conflicts with the decision log.
    pub accepted: Vec<crate::report::AcceptedChoice>,
    /// Saved sessions for the home screen.
    pub saved: Vec<Summary>,
    pub home_panel: HomePanel,
    pub tree_sel: usize,
    pub session_sel: usize,
    /// The home screen was opened by "decide another": a tree adds a decision to this session.
    pub adding: bool,
    /// The decision the user was on when they chose "decide another" (back returns there).
    pub added_from: Option<usize>,
    pub answer_sel: usize,
    /// The answers toggled on the open "select all that apply" question (bit i = answer i).
    pub picks: u64,
    /// The tied option the user was asked to confirm on the outcome screen.
    pub tie_confirm: Option<String>,
    /// The saved session the user asked to delete (a second press deletes it).
    pub delete_confirm: Option<String>,
    /// The directory the TUI runs in: new sessions record it, resumed ones are compared to it.
    pub repo: Option<String>,
    /// Tab moved the focus to the side panel (ranking / explanation), which then scrolls.
    pub side_focus: bool,
    pub side_scroll: u16,
    pub prio_sel: usize,
    pub prio_return: Screen,
    pub outcome_sel: usize,
    pub form: Option<RecordForm>,
    /// `None` while the preview is being rendered.
    pub preview: Option<Result<PreviewText, String>>,
    pub preview_scroll: u16,
    /// The ADR folder picked in a repository with several (see [`PreviewText::packages`]).
    pub adr_package: Option<String>,
    pub package_sel: usize,
    /// The path written, or why the export failed.
    pub export: Option<Result<crate::adr::Exported, String>>,
    /// The decision-log screen: the repository's ADRs, filter, search and reader.
    pub log_view: super::log_view::LogView,
    /// The design-review pack on the review screen, and where Back returns to.
    pub review: Option<crate::review::Pack>,
    pub review_scroll: u16,
    pub review_return: Screen,
    /// `tradeoffs revisit`'s change report, its scroll offset, and the screen the replayed
    /// session opens on (where Enter goes on to).
    pub revisit: Option<RevisitView>,
    pub revisit_scroll: u16,
    pub revisit_return: Screen,
    pub help: bool,
    pub confirm_quit: bool,
    /// One-line message for the user (an error, what just happened); cleared by the next key.
    pub notice: Option<String>,
    pub save_error: Option<String>,
    /// Terminal size, for the "too small" check and mapping mouse clicks.
    pub size: (u16, u16),
    /// Seconds since the epoch, set by the shell before each message, for session ids and times.
    pub now: u64,
    pub git_user: Option<String>,
    pub quit: bool,
    /// The signal that ended the TUI (1 for a hang-up), so the process exits as it would have.
    pub ended_by: Option<i32>,
}

impl App {
    pub fn new(catalog: Catalog, saved: Vec<Summary>, git_user: Option<String>, now: u64) -> Self {
        let engine = Engine::new(&catalog);
        App {
            catalog,
            engine,
            screen: Screen::Home,
            session: None,
            report: None,
            accepted: Vec::new(),
            saved,
            home_panel: HomePanel::Trees,
            tree_sel: 0,
            session_sel: 0,
            adding: false,
            added_from: None,
            answer_sel: 0,
            picks: 0,
            tie_confirm: None,
            delete_confirm: None,
            repo: None,
            side_focus: false,
            side_scroll: 0,
            prio_sel: 0,
            prio_return: Screen::Question,
            outcome_sel: 0,
            form: None,
            preview: None,
            preview_scroll: 0,
            adr_package: None,
            package_sel: 0,
            export: None,
            log_view: super::log_view::LogView::default(),
            review: None,
            review_scroll: 0,
            review_return: Screen::Home,
            revisit: None,
            revisit_scroll: 0,
            revisit_return: Screen::Outcome,
            help: false,
            confirm_quit: false,
            notice: None,
            save_error: None,
            size: (80, 24),
            ended_by: None,
            now,
            git_user,
            quit: false,
        }
    }

    /// Which set of key bindings applies right now.
    pub fn context(&self) -> Context {
        if self.confirm_quit {
            return Context::ConfirmQuit;
        }
        if self.help {
            return Context::HelpOverlay;
        }
        self.screen_context()
    }

    /// The bindings of the screen itself, ignoring overlays (what the help overlay lists).
    pub fn screen_context(&self) -> Context {
        match self.screen {
            Screen::Home if self.adding => Context::HomeAdding,
            Screen::Home => Context::Home,
            Screen::Question => Context::Question,
            Screen::Priorities => Context::Priorities,
            Screen::Outcome => Context::Outcome,
            Screen::Record => match self.form.as_ref().map(|f| f.focus) {
                Some(Field::Status) => Context::RecordStatus,
                _ => Context::RecordText,
            },
            Screen::Preview => Context::Preview,
            Screen::Exported => Context::Exported,
            Screen::Log if self.log_view.reader.is_some() => Context::LogReader,
            Screen::Log if self.log_view.searching => Context::LogSearch,
            Screen::Log => Context::Log,
            Screen::Review => Context::Review,
            Screen::Revisit => Context::Revisit,
        }
    }

    /// The decision being worked on and its tree.
    pub fn active(&self) -> Option<(usize, &crate::session::Decision)> {
        let s = self.session.as_ref()?;
        s.decisions.get(s.active).map(|d| (s.active, d))
    }

    /// Re-evaluates the active decision through the core, and keeps every cursor in range.
    pub fn refresh(&mut self) {
        self.report = self.session.as_ref().and_then(|s| {
            match self.engine.evaluate(&self.catalog, s, s.active) {
                Ok(mut r) => {
                    if !self.accepted.is_empty() {
                        self.engine
                            .check_accepted(&self.catalog, s, &mut r, &self.accepted);
                    }
                    Some(r)
                }
                Err(e) => {
                    self.notice = Some(format!("cannot evaluate this decision: {e}"));
                    None
                }
            }
        });
        if let Some(r) = &self.report {
            self.prio_sel = self.prio_sel.min(r.criteria.len().saturating_sub(1));
            self.outcome_sel = self.outcome_sel.min(r.ranking.len().saturating_sub(1));
        }
        let answers = self.current_question().map_or(0, |q| q.answers.len());
        self.answer_sel = self.answer_sel.min(answers.saturating_sub(1));
    }

    /// The open question of the active decision.
    pub fn current_question(&self) -> Option<&crate::tree::Question> {
        let (_, d) = self.active()?;
        let tree = self.catalog.get(&d.tree)?;
        let walk = Walk::replay(tree, d).ok()?;
        walk.question()
    }

    /// Why quitting now would leave something undone, if it would.
    pub fn pending_work(&self) -> Option<String> {
        if let Some(e) = &self.save_error {
            return Some(format!("The last autosave failed ({e})."));
        }
        let s = self.session.as_ref()?;
        let (mut walking, mut unexported) = (0, 0);
        for d in &s.decisions {
            if d.record.exported.is_some() {
                continue;
            }
            let at_outcome = self
                .catalog
                .get(&d.tree)
                .and_then(|t| Walk::replay(t, d).ok())
                .is_some_and(|w| w.at_outcome());
            if at_outcome {
                unexported += 1;
            } else if !d.answers.is_empty() {
                walking += 1;
            }
        }
        let mut parts = Vec::new();
        if walking > 0 {
            parts.push(format!(
                "{} not finished",
                count(walking, "decision is", "decisions are")
            ));
        }
        if unexported > 0 {
            parts.push(format!(
                "{} an outcome but no exported ADR yet",
                count(unexported, "decision reached", "decisions reached")
            ));
        }
        (!parts.is_empty()).then(|| {
            format!(
                "{}. The session is saved; resume it with `tradeoffs --resume {}`.",
                capitalise(&parts.join(" and ")),
                s.id
            )
        })
    }
}

/// "1 decision is", "2 decisions are".
fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}
