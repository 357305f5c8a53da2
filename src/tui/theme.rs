//! The TUI's styles in one place (like ratatui demo2's `THEME`). State is never shown by colour
//! alone: selection is reversed and marked `▶`, ruled-out options are marked `✗`, conflicts
//! `!`, the chosen option `★`, so `NO_COLOR` removes the colours and keeps all of that.

use ratatui::style::{Color, Modifier, Style};

pub(crate) fn bold() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}
pub(crate) fn selected() -> Style {
    Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
}
pub(crate) fn muted() -> Style {
    Style::new().fg(Color::DarkGray)
}
pub(crate) fn ruled_out() -> Style {
    Style::new()
        .fg(Color::DarkGray)
        .add_modifier(Modifier::CROSSED_OUT)
}
pub(crate) fn accent() -> Style {
    Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD)
}
pub(crate) fn warn() -> Style {
    Style::new().fg(Color::Red).add_modifier(Modifier::BOLD)
}
pub(crate) fn good() -> Style {
    Style::new().fg(Color::Green).add_modifier(Modifier::BOLD)
}

/// A gain in a breakdown bar.
pub(crate) fn gain() -> Style {
    Style::new().fg(Color::Green)
}

/// A loss in a breakdown bar.
pub(crate) fn loss() -> Style {
    Style::new().fg(Color::Red)
}

/// Help text under a question.
pub(crate) fn italic() -> Style {
    Style::new().add_modifier(Modifier::ITALIC)
}
