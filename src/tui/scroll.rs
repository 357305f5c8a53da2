//! Long read-only panels (the design review, revisit's change report, the ADR preview): one
//! way to move through them with the scroll keys, keep the offset within the text, and draw
//! them with where-you-are in the title and "▲ more"/"▼ more" on the frame.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use super::keys::Action;
use super::theme::muted;
use super::widgets::panel;

/// Moves `offset` for a scroll key (`page` lines for PgUp/PgDn); `false` for any other action.
/// `Last` goes past the end; [`clamp`] brings it back.
pub(crate) fn apply(offset: &mut u16, action: Action, page: u16) -> bool {
    match action {
        Action::Up => *offset = offset.saturating_sub(1),
        Action::Down => *offset = offset.saturating_add(1),
        Action::PageUp => *offset = offset.saturating_sub(page),
        Action::PageDown => *offset = offset.saturating_add(page),
        Action::First => *offset = 0,
        Action::Last => *offset = u16::MAX,
        _ => return false,
    }
    true
}

/// The lines PgUp/PgDn move on a terminal `rows` high.
pub(crate) fn page(rows: u16) -> u16 {
    rows.saturating_sub(8).max(1)
}

/// `offset` kept within `total` lines shown in a full-height panel on a terminal `rows` high,
/// so scrolling back up starts moving at once.
pub(crate) fn clamp(offset: u16, total: usize, rows: u16) -> u16 {
    // Header, notice and status bar take three rows, the panel's border two.
    let visible = rows.saturating_sub(5) as usize;
    let max = total.saturating_sub(visible.max(1));
    offset.min(max.min(u16::MAX as usize) as u16)
}

/// Draws `lines` from `offset` in a focused panel titled `title(first shown line, total)`,
/// with "▲ more" / "▼ more" on the frame when the text goes on above or below.
pub(crate) fn draw(
    lines: Vec<Line<'_>>,
    offset: u16,
    title: impl FnOnce(usize, usize) -> String,
    body: Rect,
    buf: &mut Buffer,
) {
    let total = lines.len();
    let visible = body.height.saturating_sub(2) as usize;
    let top = (offset as usize).min(total.saturating_sub(visible.max(1)));
    let title = title((top + 1).min(total), total);
    Paragraph::new(
        lines
            .into_iter()
            .skip(top)
            .take(visible)
            .collect::<Vec<_>>(),
    )
    .block(panel(&title, true))
    .render(body, buf);
    let mark = |y: u16, text: &str, buf: &mut Buffer| {
        let w = text.chars().count() as u16;
        if body.width > w + 2 {
            buf.set_string(body.right() - w - 1, y, text, muted());
        }
    };
    if top > 0 {
        mark(body.y, " ▲ more ", buf);
    }
    if top + visible < total && body.height > 0 {
        mark(body.bottom() - 1, " ▼ more ", buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scroll_keys_move_and_the_offset_stays_in_the_text() {
        let mut o = 0;
        assert!(apply(&mut o, Action::Down, 10));
        assert!(apply(&mut o, Action::PageDown, 10));
        assert_eq!(o, 11);
        assert!(apply(&mut o, Action::Up, 10));
        assert_eq!(o, 10);
        assert!(apply(&mut o, Action::Last, 10));
        // 40 lines on a 30-row terminal: 25 visible, so at most 15 down.
        assert_eq!(clamp(o, 40, 30), 15);
        assert_eq!(clamp(o, 10, 30), 0);
        assert!(apply(&mut o, Action::First, 10));
        assert_eq!(o, 0);
        assert!(!apply(&mut o, Action::Select, 10));
        assert_eq!(page(30), 22);
    }

    #[test]
    fn the_frame_says_when_there_is_more_above_or_below() {
        let lines: Vec<Line<'_>> = (0..20).map(|i| Line::from(format!("line {i}"))).collect();
        let area = Rect::new(0, 0, 30, 7);
        let text = |buf: &Buffer| -> Vec<String> {
            (0..area.height)
                .map(|y| (0..area.width).map(|x| buf[(x, y)].symbol()).collect())
                .collect()
        };
        let mut buf = Buffer::empty(area);
        draw(
            lines.clone(),
            0,
            |top, n| format!("{top}/{n}"),
            area,
            &mut buf,
        );
        let rows = text(&buf);
        assert!(rows[0].contains("1/20") && !rows[0].contains("more"));
        assert!(rows[6].contains("▼ more"));
        let mut buf = Buffer::empty(area);
        draw(
            lines,
            u16::MAX,
            |top, n| format!("{top}/{n}"),
            area,
            &mut buf,
        );
        let rows = text(&buf);
        assert!(rows[0].contains("16/20") && rows[0].contains("▲ more"));
        assert!(!rows[6].contains("more"), "the end is shown");
        assert!(rows[5].contains("line 19"));
    }
}
