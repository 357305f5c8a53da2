//! The key registry: every key binding is declared once, in [`BINDINGS`], and that one table
//! drives dispatch, the status bar and the `?` help overlay, so the help can never drift from
//! what the keys do (the gitui/helix approach).

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// What a key asks for. Unit variants only, so the registry can be a `static` table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    Up,
    Down,
    PageUp,
    PageDown,
    /// To the top / the end of a long text.
    First,
    Last,
    Select,
    /// Select or clear an answer of a "select all that apply" question.
    Toggle,
    Back,
    NextPanel,
    PrevPanel,
    Help,
    Quit,
    /// Ctrl-C: quit at once, from anywhere, after saving what can be saved.
    ForceQuit,
    Priorities,
    Increase,
    Decrease,
    ResetWeight,
    DecideAnother,
    /// Switch to the next decision of the session.
    NextDecision,
    Preview,
    /// Rewrite the decision's earlier ADR in place / write a new one (asked on re-export).
    UpdateAdr,
    NewAdr,
    /// Switch the ADR between the short form and the full analysis.
    ToggleDetail,
    /// Delete the highlighted saved session (asks by a second press).
    DeleteSession,
    Export,
    Home,
    /// Open the design-review pack of the session.
    Review,
    /// Write the review pack as Markdown / as HTML.
    WriteReviewMd,
    WriteReviewHtml,
    Yes,
    No,
    /// Open the repository's decision log (its ADRs).
    OpenLog,
    /// Put the focus in the log's search field.
    Search,
    /// Show the next status only (all, proposed, accepted, ...).
    FilterStatus,
}

/// Where a binding applies. `Global` bindings work on every screen that is not editing text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Context {
    Global,
    Home,
    /// Home while picking a tree to add to the session ("decide another").
    HomeAdding,
    Question,
    Priorities,
    Outcome,
    /// The record form while a text field has the focus: letters are text, not commands.
    RecordText,
    /// The record form while the status field has the focus.
    RecordStatus,
    Preview,
    Exported,
    /// The decision log's list of ADRs.
    Log,
    /// The decision log while typing a search: letters are text.
    LogSearch,
    /// One ADR open in the log's reader.
    LogReader,
    /// The design-review pack, scrollable.
    Review,
    /// What changed since the ADR `tradeoffs revisit` opened, scrollable.
    Revisit,
    HelpOverlay,
    ConfirmQuit,
}

/// A key with its modifiers, in a form that can live in a `static`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

const fn k(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::NONE,
    }
}

const fn c(ch: char) -> Key {
    k(KeyCode::Char(ch))
}

const fn ctrl(ch: char) -> Key {
    Key {
        code: KeyCode::Char(ch),
        mods: KeyModifiers::CONTROL,
    }
}

impl Key {
    /// Whether a key event is this key. Shift is ignored for characters, since the character
    /// already says it (`?` arrives as Shift+`?` on some terminals).
    pub fn matches(&self, ev: &KeyEvent) -> bool {
        // Shift is part of the character itself, and of BackTab (crossterm reports Shift-Tab
        // as BackTab with SHIFT set).
        let mods = if matches!(ev.code, KeyCode::Char(_) | KeyCode::BackTab) {
            ev.modifiers - KeyModifiers::SHIFT
        } else {
            ev.modifiers
        };
        let code = match ev.code {
            KeyCode::Char(ch) if ev.modifiers.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(ch.to_ascii_lowercase())
            }
            other => other,
        };
        self.code == code && self.mods == mods
    }

    /// The name shown in the status bar and help.
    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Up => "↑".to_string(),
            KeyCode::Down => "↓".to_string(),
            KeyCode::Left => "←".to_string(),
            KeyCode::Right => "→".to_string(),
            KeyCode::Enter => "Enter".to_string(),
            KeyCode::Esc => "Esc".to_string(),
            KeyCode::Backspace => "Backspace".to_string(),
            KeyCode::Tab => "Tab".to_string(),
            KeyCode::BackTab => "Shift-Tab".to_string(),
            KeyCode::PageUp => "PgUp".to_string(),
            KeyCode::PageDown => "PgDn".to_string(),
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(ch) => ch.to_string(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        if self.mods.contains(KeyModifiers::CONTROL) {
            format!("Ctrl-{}", base.to_uppercase())
        } else {
            base
        }
    }
}

/// One entry of the registry.
#[derive(Debug)]
pub struct Binding {
    pub keys: &'static [Key],
    pub action: Action,
    /// Short text for the status bar.
    pub short: &'static str,
    /// Full text for the help overlay.
    pub help: &'static str,
    pub contexts: &'static [Context],
    /// Shown in the status bar (the help overlay shows every binding).
    pub bar: bool,
}

use Context as X;

const NAV: &[Context] = &[
    X::Home,
    X::HomeAdding,
    X::Question,
    X::Priorities,
    X::Outcome,
    X::Preview,
    X::Log,
    X::LogReader,
    X::Review,
    X::Revisit,
];
const BACK: &[Context] = &[
    X::HomeAdding,
    X::Question,
    X::Priorities,
    X::Outcome,
    X::Preview,
    X::Exported,
    X::Review,
];

/// Every key binding of the TUI. Earlier entries win when two match in the same context.
pub static BINDINGS: &[Binding] = &[
    Binding {
        keys: &[ctrl('c')],
        action: Action::ForceQuit,
        short: "quit now",
        help: "Quit at once, from any screen (the session is saved first)",
        contexts: &[X::Global],
        bar: false,
    },
    // Overlays first: while one is open, only its keys work.
    Binding {
        keys: &[c('y')],
        action: Action::Yes,
        short: "quit",
        help: "Yes, quit",
        contexts: &[X::ConfirmQuit],
        bar: true,
    },
    Binding {
        keys: &[c('n'), k(KeyCode::Esc)],
        action: Action::No,
        short: "stay",
        help: "No, keep working",
        contexts: &[X::ConfirmQuit],
        bar: true,
    },
    Binding {
        keys: &[c('?'), k(KeyCode::Esc), c('q'), k(KeyCode::F(1))],
        action: Action::Help,
        short: "close help",
        help: "Close this help",
        contexts: &[X::HelpOverlay],
        bar: true,
    },
    // Record form.
    Binding {
        keys: &[k(KeyCode::Tab)],
        action: Action::NextPanel,
        short: "next field",
        help: "Next field",
        contexts: &[X::RecordText, X::RecordStatus],
        bar: true,
    },
    Binding {
        keys: &[k(KeyCode::BackTab)],
        action: Action::PrevPanel,
        short: "prev field",
        help: "Previous field",
        contexts: &[X::RecordText, X::RecordStatus],
        bar: false,
    },
    Binding {
        keys: &[k(KeyCode::Right), k(KeyCode::Char(' ')), c('l')],
        action: Action::Increase,
        short: "next status",
        help: "Next status (proposed, accepted, rejected, deprecated)",
        contexts: &[X::RecordStatus],
        bar: true,
    },
    Binding {
        keys: &[k(KeyCode::Left), c('h')],
        action: Action::Decrease,
        short: "prev status",
        help: "Previous status",
        contexts: &[X::RecordStatus],
        bar: false,
    },
    Binding {
        keys: &[ctrl('s')],
        action: Action::Preview,
        short: "preview",
        help: "Preview the ADR that will be written",
        contexts: &[X::RecordText, X::RecordStatus],
        bar: true,
    },
    Binding {
        keys: &[k(KeyCode::Esc)],
        action: Action::Back,
        short: "back",
        help: "Back to the outcome (what you typed is kept)",
        contexts: &[X::RecordText, X::RecordStatus],
        bar: true,
    },
    // The decision log's search field: arrows move, letters are text.
    Binding {
        keys: &[k(KeyCode::Enter)],
        action: Action::Select,
        short: "done",
        help: "Keep the search and go back to the list",
        contexts: &[X::LogSearch],
        bar: true,
    },
    Binding {
        keys: &[k(KeyCode::Esc)],
        action: Action::Back,
        short: "clear",
        help: "Clear the search",
        contexts: &[X::LogSearch],
        bar: true,
    },
    Binding {
        keys: &[k(KeyCode::Up)],
        action: Action::Up,
        short: "move",
        help: "Move up the list",
        contexts: &[X::LogSearch],
        bar: false,
    },
    Binding {
        keys: &[k(KeyCode::Down)],
        action: Action::Down,
        short: "move",
        help: "Move down the list",
        contexts: &[X::LogSearch],
        bar: false,
    },
    // Navigation.
    Binding {
        keys: &[k(KeyCode::Up), c('k')],
        action: Action::Up,
        short: "move",
        help: "Move up (scroll up in the preview)",
        contexts: NAV,
        bar: false,
    },
    Binding {
        keys: &[k(KeyCode::Down), c('j')],
        action: Action::Down,
        short: "move",
        help: "Move down (scroll down in the preview)",
        contexts: NAV,
        bar: true,
    },
    Binding {
        keys: &[k(KeyCode::PageUp)],
        action: Action::PageUp,
        short: "page up",
        help: "Scroll a page up",
        contexts: &[X::Preview, X::Log, X::LogReader, X::Review, X::Revisit],
        bar: false,
    },
    Binding {
        keys: &[k(KeyCode::PageDown), k(KeyCode::Char(' '))],
        action: Action::PageDown,
        short: "page down",
        help: "Scroll a page down",
        contexts: &[X::Preview, X::Log, X::LogReader, X::Review, X::Revisit],
        bar: false,
    },
    Binding {
        keys: &[k(KeyCode::Enter)],
        action: Action::Select,
        short: "choose",
        help: "Start the highlighted tree or resume the highlighted session",
        contexts: &[X::Home, X::HomeAdding],
        bar: true,
    },
    Binding {
        keys: &[k(KeyCode::Char(' ')), c('x')],
        action: Action::Toggle,
        short: "toggle",
        help: "Select or clear the highlighted answer of a \"select all that apply\" question",
        contexts: &[X::Question],
        bar: false,
    },
    Binding {
        keys: &[k(KeyCode::Enter)],
        action: Action::Select,
        short: "answer",
        help: "Answer with the highlighted choice",
        contexts: &[X::Question],
        bar: true,
    },
    Binding {
        keys: &[k(KeyCode::Enter)],
        action: Action::Select,
        short: "read",
        help: "Open the highlighted ADR in the reader",
        contexts: &[X::Log],
        bar: true,
    },
    Binding {
        keys: &[k(KeyCode::Enter)],
        action: Action::Select,
        short: "follow link",
        help: "Follow the highlighted link to that ADR",
        contexts: &[X::LogReader],
        bar: true,
    },
    Binding {
        keys: &[k(KeyCode::Tab)],
        action: Action::NextPanel,
        short: "next link",
        help: "Highlight the next link of this ADR",
        contexts: &[X::LogReader],
        bar: true,
    },
    Binding {
        keys: &[k(KeyCode::BackTab)],
        action: Action::PrevPanel,
        short: "prev link",
        help: "Highlight the previous link",
        contexts: &[X::LogReader],
        bar: false,
    },
    Binding {
        keys: &[c('/')],
        action: Action::Search,
        short: "search",
        help: "Search the titles (type; Enter keeps the search, Esc clears it)",
        contexts: &[X::Log],
        bar: true,
    },
    Binding {
        keys: &[c('s')],
        action: Action::FilterStatus,
        short: "status",
        help: "Show one status only: all, then each status the log uses, in turn",
        contexts: &[X::Log],
        bar: true,
    },
    Binding {
        keys: &[k(KeyCode::Esc), k(KeyCode::Backspace)],
        action: Action::Back,
        short: "back",
        help: "Back: from an ADR to the one you followed a link from, or to the list; from the list to home",
        contexts: &[X::Log, X::LogReader],
        bar: true,
    },
    Binding {
        keys: &[c('L')],
        action: Action::OpenLog,
        short: "decision log",
        help: "Browse this repository's ADRs: filter by status, search titles, read one, follow its links",
        contexts: &[X::Home],
        bar: true,
    },
    Binding {
        keys: &[k(KeyCode::Enter), k(KeyCode::Esc)],
        action: Action::Select,
        short: "go on",
        help: "Go on to the replayed decision: its outcome, or the question where the walk now stops",
        contexts: &[X::Revisit],
        bar: true,
    },
    Binding {
        keys: &[k(KeyCode::Enter)],
        action: Action::Select,
        short: "decide & record",
        help: "Decide for the highlighted option and fill in the record",
        contexts: &[X::Outcome],
        bar: true,
    },
    Binding {
        keys: &[c('D'), k(KeyCode::Delete)],
        action: Action::DeleteSession,
        short: "delete session",
        help: "Delete the highlighted saved session (press twice)",
        contexts: &[X::Home],
        bar: false,
    },
    Binding {
        keys: &[k(KeyCode::Home), c('g')],
        action: Action::First,
        short: "top",
        help: "Jump to the top",
        contexts: &[X::Preview, X::Log, X::LogReader, X::Review, X::Revisit],
        bar: false,
    },
    Binding {
        keys: &[k(KeyCode::End), c('G')],
        action: Action::Last,
        short: "end",
        help: "Jump to the end",
        contexts: &[X::Preview, X::Log, X::LogReader, X::Review, X::Revisit],
        bar: false,
    },
    Binding {
        keys: &[c('u')],
        action: Action::UpdateAdr,
        short: "update ADR",
        help: "Already exported: rewrite that ADR in place (same file and number)",
        contexts: &[X::Preview],
        bar: false,
    },
    Binding {
        keys: &[c('w')],
        action: Action::NewAdr,
        short: "new ADR",
        help: "Already exported: write a new ADR with the next number instead",
        contexts: &[X::Preview],
        bar: false,
    },
    Binding {
        keys: &[c('d')],
        action: Action::ToggleDetail,
        short: "short/full",
        help: "Switch the ADR between the short form and the full analysis (every option, the trade-off graph)",
        contexts: &[X::Preview],
        bar: true,
    },
    Binding {
        keys: &[k(KeyCode::Enter), c('e')],
        action: Action::Export,
        short: "export",
        help: "Write the ADR into the repository",
        contexts: &[X::Preview],
        bar: true,
    },
    Binding {
        keys: &[k(KeyCode::Enter)],
        action: Action::Export,
        short: "retry",
        help: "Try the export again (after an error)",
        contexts: &[X::Exported],
        bar: false,
    },
    Binding {
        keys: &[k(KeyCode::Right), c('l'), c('+')],
        action: Action::Increase,
        short: "weight +",
        help: "Raise the highlighted criterion's weight",
        contexts: &[X::Priorities],
        bar: true,
    },
    Binding {
        keys: &[k(KeyCode::Left), c('h'), c('-')],
        action: Action::Decrease,
        short: "weight -",
        help: "Lower the highlighted criterion's weight",
        contexts: &[X::Priorities],
        bar: true,
    },
    Binding {
        keys: &[c('r')],
        action: Action::ResetWeight,
        short: "reset",
        help: "Reset the highlighted weight to what the tree and your answers give",
        contexts: &[X::Priorities],
        bar: false,
    },
    Binding {
        keys: &[k(KeyCode::Esc), k(KeyCode::Backspace)],
        action: Action::Back,
        short: "back",
        help: "Back one step (the previous answer can be changed)",
        contexts: BACK,
        bar: true,
    },
    Binding {
        keys: &[k(KeyCode::Tab)],
        action: Action::NextPanel,
        short: "panel",
        help: "Switch panel",
        contexts: &[X::Home, X::HomeAdding, X::Question, X::Outcome],
        bar: true,
    },
    Binding {
        keys: &[k(KeyCode::BackTab)],
        action: Action::PrevPanel,
        short: "switch panel",
        help: "Switch panel (backwards)",
        contexts: &[X::Home, X::HomeAdding, X::Question, X::Outcome],
        bar: false,
    },
    Binding {
        keys: &[c('p')],
        action: Action::Priorities,
        short: "priorities",
        help: "Adjust the priorities (criterion weights) and watch the ranking move",
        contexts: &[X::Question, X::Outcome],
        bar: true,
    },
    Binding {
        keys: &[c('n')],
        action: Action::NextDecision,
        short: "next decision",
        help: "Switch to the next decision of this session (the next tree of the area, or one `a` added)",
        contexts: &[X::Question, X::Outcome, X::Exported],
        bar: false,
    },
    Binding {
        keys: &[c('a')],
        action: Action::DecideAnother,
        short: "decide another",
        help: "Decide another tree in this session (conflicts between decisions show)",
        contexts: &[X::Outcome, X::Exported],
        bar: true,
    },
    Binding {
        keys: &[c('v')],
        action: Action::Review,
        short: "review pack",
        help: "Open the design-review pack of this session: summary, utility tree, sensitivity and trade-off points, risks, questions for the meeting",
        contexts: &[X::Outcome],
        bar: true,
    },
    Binding {
        keys: &[c('v')],
        action: Action::Review,
        short: "review pack",
        help: "Open the design-review pack of the highlighted saved session",
        contexts: &[X::Home],
        bar: false,
    },
    Binding {
        keys: &[c('m')],
        action: Action::WriteReviewMd,
        short: "write .md",
        help: "Write the pack as Markdown (Mermaid graph) into the ADR directory, or the current directory when there is none",
        contexts: &[X::Review],
        bar: true,
    },
    Binding {
        keys: &[c('h')],
        action: Action::WriteReviewHtml,
        short: "write .html",
        help: "Write the pack as one self-contained HTML file (SVG graph, printable) next to the ADRs, or in the current directory",
        contexts: &[X::Review],
        bar: true,
    },
    Binding {
        keys: &[c('H')],
        action: Action::Home,
        short: "home",
        help: "Back to the home screen (the session stays saved)",
        contexts: &[X::Exported],
        bar: false,
    },
    Binding {
        keys: &[k(KeyCode::F(1))],
        action: Action::Help,
        short: "help",
        help: "Show or hide this help (? types a question mark here)",
        contexts: &[X::RecordText, X::RecordStatus, X::LogSearch],
        bar: true,
    },
    Binding {
        keys: &[c('?'), k(KeyCode::F(1))],
        action: Action::Help,
        short: "help",
        help: "Show or hide this help",
        contexts: &[X::Global],
        bar: true,
    },
    Binding {
        keys: &[c('q')],
        action: Action::Quit,
        short: "quit",
        help: "Quit (asks first if there is unfinished work)",
        contexts: &[X::Global],
        bar: true,
    },
];

/// The action a key press asks for in `context`, if any. Key releases and repeats are ignored:
/// terminals that report them would otherwise act twice per key.
pub fn lookup(context: Context, ev: &KeyEvent) -> Option<Action> {
    if ev.kind != KeyEventKind::Press {
        return None;
    }
    bindings_for(context)
        .into_iter()
        .find(|b| b.keys.iter().any(|key| key.matches(ev)))
        .map(|b| b.action)
}

/// The bindings that work in `context`, in registry order (for the help overlay).
pub fn bindings_for(context: Context) -> Vec<&'static Binding> {
    let overlay = matches!(context, X::HelpOverlay | X::ConfirmQuit);
    // In the record form letters are text (or nothing), never commands like `q`.
    let text = matches!(context, X::RecordText | X::RecordStatus | X::LogSearch);
    BINDINGS
        .iter()
        .filter(|b| {
            b.contexts.contains(&context)
                || (b.contexts.contains(&X::Global)
                    && (b.action == Action::ForceQuit || (!overlay && !text)))
        })
        .collect()
}

/// `↑/k` style label of all keys of a binding.
pub fn keys_label(b: &Binding) -> String {
    b.keys.iter().map(Key::label).collect::<Vec<_>>().join("/")
}

/// Status-bar entries for `context`: (keys, short text), merging bindings that share a text
/// (`↑↓/jk move`).
pub fn status_entries(context: Context) -> Vec<(String, &'static str)> {
    let mut all = bindings_for(context);
    // Help and quit first: a narrow status bar cuts from the end and must never hide them.
    all.sort_by_key(|b| !matches!(b.action, Action::Help | Action::Quit));
    let mut out: Vec<(String, &'static str)> = Vec::new();
    for b in &all {
        if !b.bar {
            continue;
        }
        let keys = match (b.action, all.iter().find(|u| u.action == Action::Up)) {
            // Up and Down share one entry: arrows in reading order, letters in vim's (`jk`).
            (Action::Down, Some(up)) if b.keys.len() > 1 && up.keys.len() > 1 => format!(
                "{}{}/{}{}",
                up.keys[0].label(),
                b.keys[0].label(),
                b.keys[1].label(),
                up.keys[1].label()
            ),
            _ => b.keys[0].label(),
        };
        out.push((keys, b.short));
    }
    out
}

/// The label of the first key bound to `action` in `context`, for prose ("Esc goes back"), so
/// no text names a key the table does not bind there.
pub fn hint(context: Context, action: Action) -> String {
    hints(context, action, 1)
}

/// The labels of the first `n` keys bound to `action` in `context`, joined with " or ".
pub fn hints(context: Context, action: Action, n: usize) -> String {
    let Some(b) = bindings_for(context)
        .into_iter()
        .find(|b| b.action == action)
    else {
        debug_assert!(false, "no key for {action:?} in {context:?}");
        return "?".into();
    };
    b.keys
        .iter()
        .take(n)
        .map(Key::label)
        .collect::<Vec<_>>()
        .join(" or ")
}

/// What the record form's text fields do with keys the registry does not claim. The textarea
/// widget handles them; they are listed here so the help text and the two keys the form
/// handles itself (erase to line start, undo) come from one table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    Move,
    Erase,
    EraseWord,
    EraseToStart,
    EraseToEnd,
    Undo,
}

/// The editing keys, in the order the help text names them.
pub static EDITING: &[(Edit, &[Key])] = &[
    (
        Edit::Move,
        &[
            k(KeyCode::Left),
            k(KeyCode::Right),
            k(KeyCode::Home),
            k(KeyCode::End),
            ctrl('a'),
            ctrl('e'),
        ],
    ),
    (Edit::Erase, &[k(KeyCode::Backspace), k(KeyCode::Delete)]),
    (Edit::EraseWord, &[ctrl('w')]),
    (Edit::EraseToStart, &[ctrl('u')]),
    (Edit::EraseToEnd, &[ctrl('k')]),
    (Edit::Undo, &[ctrl('z')]),
];

fn edit_keys(edit: Edit) -> &'static [Key] {
    EDITING
        .iter()
        .find(|(e, _)| *e == edit)
        .map_or(&[], |(_, keys)| keys)
}

/// The editing action a key event asks for, if it is one of the table's keys.
pub fn edit_action(ev: &KeyEvent) -> Option<Edit> {
    EDITING
        .iter()
        .find(|(_, keys)| keys.iter().any(|key| key.matches(ev)))
        .map(|(e, _)| *e)
}

/// The help overlay's sentence about editing, generated from [`EDITING`].
pub fn editing_help() -> String {
    let l = |e: Edit| -> Vec<String> { edit_keys(e).iter().map(Key::label).collect() };
    let m = l(Edit::Move);
    let er = l(Edit::Erase);
    format!(
        "Editing: {}/{} and {}/{} ({}/{}) move; {}/{} erase; {} erases a word; {} and {} erase to the start and end of the line; {} undoes.",
        m[0],
        m[1],
        m[2],
        m[3],
        m[4],
        m[5],
        er[0],
        er[1],
        l(Edit::EraseWord)[0],
        l(Edit::EraseToStart)[0],
        l(Edit::EraseToEnd)[0],
        l(Edit::Undo)[0]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn letters_are_text_in_the_record_form_but_commands_elsewhere() {
        let q = press(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(lookup(Context::RecordText, &q), None);
        assert_eq!(lookup(Context::Question, &q), Some(Action::Quit));
        let cc = press(KeyCode::Char('c'), KeyModifiers::CONTROL);
        for ctx in [Context::RecordText, Context::HelpOverlay, Context::Home] {
            assert_eq!(lookup(ctx, &cc), Some(Action::ForceQuit), "{ctx:?}");
        }
    }

    #[test]
    fn the_log_search_takes_letters_as_text() {
        for ch in ['q', 'j', 's', '/', '?'] {
            let ev = press(KeyCode::Char(ch), KeyModifiers::NONE);
            assert_eq!(lookup(Context::LogSearch, &ev), None, "{ch}");
        }
        let down = press(KeyCode::Down, KeyModifiers::NONE);
        assert_eq!(lookup(Context::LogSearch, &down), Some(Action::Down));
        let l = press(KeyCode::Char('L'), KeyModifiers::SHIFT);
        assert_eq!(lookup(Context::Home, &l), Some(Action::OpenLog));
    }

    #[test]
    fn releases_are_ignored() {
        let mut ev = press(KeyCode::Enter, KeyModifiers::NONE);
        ev.kind = KeyEventKind::Release;
        assert_eq!(lookup(Context::Question, &ev), None);
    }

    #[test]
    fn every_context_that_navigates_shows_help_and_quit() {
        for ctx in [
            Context::Home,
            Context::Question,
            Context::Priorities,
            Context::Outcome,
            Context::Preview,
            Context::Exported,
            Context::Log,
            Context::LogReader,
            Context::Review,
            Context::Revisit,
        ] {
            let actions: Vec<Action> = bindings_for(ctx).iter().map(|b| b.action).collect();
            assert!(actions.contains(&Action::Help), "{ctx:?}");
            assert!(actions.contains(&Action::Quit), "{ctx:?}");
        }
    }

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        for ctx in [
            Context::Home,
            Context::Question,
            Context::Priorities,
            Context::Outcome,
            Context::RecordText,
            Context::RecordStatus,
            Context::Preview,
            Context::Exported,
            Context::Log,
            Context::LogSearch,
            Context::LogReader,
            Context::Review,
            Context::Revisit,
            Context::HelpOverlay,
            Context::ConfirmQuit,
        ] {
            let mut seen: Vec<Key> = Vec::new();
            for b in bindings_for(ctx) {
                for key in b.keys {
                    assert!(
                        !seen.contains(key),
                        "{} bound twice in {ctx:?}",
                        key.label()
                    );
                    seen.push(*key);
                }
            }
        }
    }

    #[test]
    fn prose_names_the_keys_the_table_binds() {
        assert_eq!(hint(Context::Global, Action::ForceQuit), "Ctrl-C");
        assert_eq!(hints(Context::HelpOverlay, Action::Help, 2), "? or Esc");
        assert_eq!(hint(Context::Exported, Action::Quit), "q");
        assert_eq!(
            editing_help(),
            "Editing: ←/→ and Home/End (Ctrl-A/Ctrl-E) move; Backspace/Delete erase; Ctrl-W erases a word; Ctrl-U and Ctrl-K erase to the start and end of the line; Ctrl-Z undoes."
        );
        let z = KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL);
        assert_eq!(edit_action(&z), Some(Edit::Undo));
    }
}
