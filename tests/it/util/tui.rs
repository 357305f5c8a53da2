//! Helpers for driving the TUI without a terminal: a key DSL in the style of helix's tests
//! (`"jj<ret>"`), an app on the shipped trees, and path search through the core.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use tradeoffs::session::{Decision, Walk};
use tradeoffs::tree::{Catalog, LoadedTree, Node};
use tradeoffs::tui::Shell;
use tradeoffs::tui::app::App;
use tradeoffs::tui::update::{Msg, update};
use tradeoffs::tui::view::view;

/// A fixed clock (2023-11-14 22:13:20 UTC) so ids and times in snapshots never change.
pub const NOW: u64 = 1_700_000_000;

pub fn shipped() -> Catalog {
    let (catalog, problems) = Catalog::shipped();
    assert!(problems.is_empty(), "{problems:?}");
    catalog
}

pub fn app() -> App {
    App::new(shipped(), Vec::new(), Some("Ada Lovelace".into()), NOW)
}

/// Parses `"jj<ret><esc><tab><s-tab><bs><c-s><left><right><up><down><f1><space>"`.
pub fn parse_keys(s: &str) -> Vec<KeyEvent> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        if c == '<'
            && let Some(end) = rest.find('>')
        {
            let name = &rest[1..end];
            rest = &rest[end + 1..];
            let (code, mods) = match name {
                "ret" => (KeyCode::Enter, KeyModifiers::NONE),
                "esc" => (KeyCode::Esc, KeyModifiers::NONE),
                "tab" => (KeyCode::Tab, KeyModifiers::NONE),
                "s-tab" => (KeyCode::BackTab, KeyModifiers::SHIFT),
                "bs" => (KeyCode::Backspace, KeyModifiers::NONE),
                "left" => (KeyCode::Left, KeyModifiers::NONE),
                "right" => (KeyCode::Right, KeyModifiers::NONE),
                "up" => (KeyCode::Up, KeyModifiers::NONE),
                "down" => (KeyCode::Down, KeyModifiers::NONE),
                "space" => (KeyCode::Char(' '), KeyModifiers::NONE),
                "f1" => (KeyCode::F(1), KeyModifiers::NONE),
                "home" => (KeyCode::Home, KeyModifiers::NONE),
                "end" => (KeyCode::End, KeyModifiers::NONE),
                other if other.starts_with("c-") => (
                    KeyCode::Char(other.chars().nth(2).unwrap()),
                    KeyModifiers::CONTROL,
                ),
                other => panic!("unknown key <{other}>"),
            };
            out.push(KeyEvent::new(code, mods));
        } else {
            rest = &rest[c.len_utf8()..];
            out.push(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        }
    }
    out
}

/// Sends keys through `update` only (effects are dropped: no disk, no ADR).
pub fn keys(app: &mut App, s: &str) {
    for k in parse_keys(s) {
        update(app, Msg::Key(k));
    }
}

/// Sends keys through the shell, so saves, loads and exports really happen.
pub fn keys_via(shell: &Shell, app: &mut App, s: &str) {
    for k in parse_keys(s) {
        shell.dispatch(app, Msg::Key(k));
    }
}

pub fn draw(app: &mut App, w: u16, h: u16) -> Terminal<TestBackend> {
    app.size = (w, h);
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| view(app, f)).unwrap();
    t
}

/// 1-based answer numbers of the first path (depth-first, answers in order) from the root to
/// an outcome where `option` is still in play. Found through the core, so tests keep working
/// when tree content changes.
pub fn path_to(tree: &LoadedTree, option: &str) -> Option<Vec<usize>> {
    fn go(tree: &LoadedTree, d: &mut Decision, option: &str, out: &mut Vec<usize>) -> bool {
        let walk = Walk::replay(tree, d).unwrap();
        match tree.node(walk.current) {
            Node::Outcome(_) => {
                let o = tree.option_ix(option).unwrap();
                walk.ruled_out[o].is_none()
            }
            Node::Question(q) => {
                for i in 0..q.answers.len() {
                    d.answer(tree, i).unwrap();
                    out.push(i + 1);
                    if go(tree, d, option, out) {
                        return true;
                    }
                    out.pop();
                    d.back();
                }
                false
            }
        }
    }
    let mut d = Decision::new(tree.id());
    let mut out = Vec::new();
    go(tree, &mut d, option, &mut out).then_some(out)
}

/// Keys that answer with the given 1-based answer numbers (moving down from the top each time).
pub fn answer_keys(path: &[usize]) -> String {
    path.iter()
        .map(|&n| format!("{}<ret>", "j".repeat(n - 1)))
        .collect()
}

/// The screen as text, one line per row (for `contains` assertions).
pub fn render(app: &mut App, w: u16, h: u16) -> String {
    let t = draw(app, w, h);
    let buf = t.backend().buffer();
    (0..h)
        .map(|y| {
            (0..w)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}
