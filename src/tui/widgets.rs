//! Small drawing helpers every screen uses: a bordered panel, word wrap and clipping by display
//! width, centring, and drawing a list of variable-height items scrolled to the selection.
//! Every text from a tree file or from the user goes through `text::sanitize` here before it is
//! drawn, so control and escape characters never reach the terminal.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Paragraph, Widget};

use super::layout::item_rects;
use super::theme::{accent, muted};
use crate::text::sanitize as plain;

/// A bordered panel; the focused one has a bold, coloured border and a `▶` in its title.
pub(crate) fn panel(title: &str, focused: bool) -> Block<'static> {
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

/// Draws a panel's frame in `area` and returns the area inside it.
pub(crate) fn framed(block: Block<'_>, area: Rect, buf: &mut Buffer) -> Rect {
    let inner = block.inner(area);
    block.render(area, buf);
    inner
}

/// Greedy word wrap by display width, used both to draw and to size rows (so clicks land on
/// what was drawn). Words longer than the width are cut.
pub(crate) fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    for para in text.split('\n') {
        let para = plain(para);
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
                // A word wider than the line (a URL, a long identifier) is broken across lines.
                for ch in word.chars() {
                    let cw = Span::raw(ch.to_string()).width();
                    if w + cw > width && w > 0 {
                        lines.push(std::mem::take(&mut line));
                        w = 0;
                    }
                    line.push(ch);
                    w += cw;
                }
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
pub(crate) fn clip(text: &str, width: usize) -> String {
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

pub(crate) fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// Draws a list of multi-line items scrolled so the selected one shows, with "▲ more" and
/// "▼ more" marks at the right edge when items are hidden above or below.
pub(crate) fn draw_items(items: Vec<Vec<Line<'static>>>, sel: usize, area: Rect, buf: &mut Buffer) {
    let heights: Vec<u16> = items.iter().map(|i| i.len() as u16).collect();
    let rects = item_rects(&heights, sel, area);
    let hidden_above = rects.first().is_some_and(|(i, _)| *i > 0);
    let hidden_below = rects
        .last()
        .is_some_and(|(i, r)| *i + 1 < heights.len() || r.height < heights[*i]);
    let mut items: Vec<Option<Vec<Line>>> = items.into_iter().map(Some).collect();
    for (i, r) in rects {
        if let Some(lines) = items[i].take() {
            Paragraph::new(lines).render(r, buf);
        }
    }
    let mark = |y: u16, text: &str, buf: &mut Buffer| {
        let w = text.chars().count() as u16;
        if area.width > w + 2 && area.height > 0 {
            buf.set_string(area.right() - w - 1, y, text, muted());
        }
    };
    // On the rows just outside the list (a frame's border or the blank line above), so the
    // marks never cover text.
    if hidden_above && area.y > buf.area.y {
        mark(area.y - 1, " ▲ more ", buf);
    }
    if hidden_below && area.bottom() < buf.area.bottom() {
        mark(area.bottom(), " ▼ more ", buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_breaks_on_words_and_strips_control_characters() {
        assert_eq!(wrap("aa bb cc", 5), vec!["aa bb", "cc"]);
        assert_eq!(wrap("a\u{1b}[31mb", 20), vec!["a [31mb"]);
        assert_eq!(wrap("abcdefgh", 3), vec!["abc", "def", "gh"]);
    }
}
