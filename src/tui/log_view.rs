//! The decision-log screen's state: the repository's log as read by [`crate::log`], the status
//! filter and title search that narrow it, and the ADR open in the reader with the way back.
//! Pure: the shell reads the directory and the files (`Effect::LoadLog`, `Effect::ReadAdr`) and
//! hands the results back as messages.

use std::path::PathBuf;

use ratatui::style::Style;
use ratatui_textarea::TextArea;

use crate::log::{DecisionLog, Entry, EntryLink, KNOWN_STATUSES, LinkKind};

/// The ADR open in the reader.
#[derive(Debug, Clone)]
pub struct Reader {
    /// Index into the log's entries.
    pub entry: usize,
    /// The file's text: `None` while it is read.
    pub text: Option<Result<String, String>>,
    pub scroll: u16,
    /// The highlighted link (index into [`LogView::links`]).
    pub link_sel: usize,
    /// The ADRs this one was reached from, by following links (Back returns to them).
    pub came_from: Vec<usize>,
}

/// Everything the decision-log screen shows.
#[derive(Debug, Clone)]
pub struct LogView {
    /// `None` while the directory is read; the error when it cannot be.
    pub log: Option<Result<DecisionLog, String>>,
    /// The highlighted row, as an index into [`LogView::visible`].
    pub sel: usize,
    /// Only ADRs with this (normalised) status.
    pub status: Option<String>,
    /// Typed search over titles and numbers.
    pub query: TextArea<'static>,
    /// The search field has the focus: letters are text.
    pub searching: bool,
    pub reader: Option<Reader>,
}

impl Default for LogView {
    fn default() -> Self {
        let mut query = TextArea::default();
        query.set_cursor_line_style(Style::default());
        query.set_placeholder_text("type to search titles");
        LogView {
            log: None,
            sel: 0,
            status: None,
            query,
            searching: false,
            reader: None,
        }
    }
}

/// One link of the open ADR: how it is labelled and which entry of the log it reaches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShownLink {
    pub kind: LinkKind,
    pub label: String,
    /// The entry it points to, when the log has it.
    pub to: Option<usize>,
    /// What the file names (a file, or `ADR-0005`), for links the log cannot resolve.
    pub target: String,
}

impl LogView {
    /// The log, when it has been read.
    pub fn entries(&self) -> &[Entry] {
        match &self.log {
            Some(Ok(l)) => &l.entries,
            _ => &[],
        }
    }

    /// The search text (one line).
    pub fn query_text(&self) -> String {
        self.query.lines().join(" ").trim().to_string()
    }

    /// Indexes of the entries the filter and the search let through, in log order.
    pub fn visible(&self) -> Vec<usize> {
        let q = self.query_text().to_lowercase();
        self.entries()
            .iter()
            .enumerate()
            .filter(|(_, e)| self.status.as_deref().is_none_or(|s| e.status_text() == s))
            .filter(|(_, e)| {
                q.is_empty()
                    || e.title_text().to_lowercase().contains(&q)
                    || e.number_text().contains(&q)
                    || e.file.to_lowercase().contains(&q)
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// The entry under the highlight.
    pub fn selected(&self) -> Option<usize> {
        self.visible().get(self.sel).copied()
    }

    /// Keeps the highlight on a row that exists.
    pub fn clamp(&mut self) {
        let n = self.visible().len();
        self.sel = self.sel.min(n.saturating_sub(1));
    }

    /// The statuses the filter cycles through: the lifecycle's words that occur in this log,
    /// in lifecycle order, then any other status the log uses.
    pub fn statuses(&self) -> Vec<String> {
        let mut used: Vec<String> = Vec::new();
        for e in self.entries() {
            let s = e.status_text();
            if !s.is_empty() && !used.iter().any(|u| u == s) {
                used.push(s.to_string());
            }
        }
        let mut out: Vec<String> = KNOWN_STATUSES
            .iter()
            .filter(|k| used.iter().any(|u| u == *k))
            .map(|k| k.to_string())
            .collect();
        used.sort();
        out.extend(
            used.into_iter()
                .filter(|u| !KNOWN_STATUSES.contains(&u.as_str())),
        );
        out
    }

    /// The next status filter: all, then each status of [`Self::statuses`], then all again.
    pub fn next_status(&mut self) {
        let all = self.statuses();
        self.status = match &self.status {
            None => all.first().cloned(),
            Some(s) => all
                .iter()
                .position(|x| x == s)
                .and_then(|i| all.get(i + 1))
                .cloned(),
        };
        self.sel = 0;
    }

    /// The links of the open ADR (those with a meaning: supersedes, amends, relates...), each
    /// resolved to an entry of the log where it can be.
    pub fn links(&self) -> Vec<ShownLink> {
        let (Some(Ok(log)), Some(r)) = (&self.log, &self.reader) else {
            return Vec::new();
        };
        let Some(entry) = log.entries.get(r.entry) else {
            return Vec::new();
        };
        let mut out: Vec<ShownLink> = Vec::new();
        for l in entry.links.iter().filter(|l| l.kind != LinkKind::Other) {
            let to = log
                .resolve(l)
                .and_then(|t| log.entries.iter().position(|e| std::ptr::eq(e, t)))
                .filter(|&i| i != r.entry);
            if out
                .iter()
                .any(|o| o.kind == l.kind && o.to.is_some() && o.to == to)
            {
                continue;
            }
            out.push(ShownLink {
                kind: l.kind,
                label: label(l),
                to,
                target: target(l),
            });
        }
        out
    }

    /// Opens entry `i` in the reader (remembering the open one when following a link); the
    /// shell must read its file. Returns the path to read.
    pub fn open(&mut self, i: usize, follow: bool) -> Option<PathBuf> {
        let path = self.entries().get(i)?.path.clone();
        let mut came_from = Vec::new();
        if let Some(r) = self.reader.take() {
            came_from = r.came_from;
            if follow {
                came_from.push(r.entry);
            }
        }
        self.reader = Some(Reader {
            entry: i,
            text: None,
            scroll: 0,
            link_sel: 0,
            came_from,
        });
        Some(path)
    }

    /// Back from the reader: to the ADR it was reached from (its path, to read again), else to
    /// the list with that ADR highlighted.
    pub fn back(&mut self) -> Option<PathBuf> {
        let r = self.reader.take()?;
        let mut came_from = r.came_from;
        match came_from.pop() {
            Some(prev) => {
                let path = self.entries().get(prev)?.path.clone();
                self.reader = Some(Reader {
                    entry: prev,
                    text: None,
                    scroll: 0,
                    link_sel: 0,
                    came_from,
                });
                Some(path)
            }
            None => {
                if let Some(pos) = self.visible().iter().position(|&v| v == r.entry) {
                    self.sel = pos;
                }
                None
            }
        }
    }
}

/// "Supersedes", "Superseded by", "Amends"... as the link says it (adr-tools' "Supercede"
/// spelling read as the same kind).
fn label(l: &EntryLink) -> String {
    match l.kind {
        LinkKind::Supersedes => "Supersedes",
        LinkKind::SupersededBy => "Superseded by",
        LinkKind::Amends => "Amends",
        LinkKind::AmendedBy => "Amended by",
        LinkKind::Clarifies => "Clarifies",
        LinkKind::ClarifiedBy => "Clarified by",
        LinkKind::RelatesTo | LinkKind::Other => "Relates to",
    }
    .to_string()
}

fn target(l: &EntryLink) -> String {
    l.target
        .clone()
        .or_else(|| l.number.map(|n| format!("ADR-{n:04}")))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::log::parse_entry;
    use std::path::Path;

    fn view() -> LogView {
        let files = [
            (
                "0001-a.md",
                "# 1. Use queues\n\nDate: 2020-01-01\n\n## Status\n\nSuperseded by [2. Use streams](0002-b.md)\n",
            ),
            (
                "0002-b.md",
                "# 2. Use streams\n\nDate: 2020-01-02\n\n## Status\n\nAccepted\n\nSupersedes [1. Use queues](0001-a.md)\n",
            ),
            (
                "0003-c.md",
                "# 3. Cache pages\n\nDate: 2020-01-03\n\n## Status\n\nOn hold\n",
            ),
        ];
        LogView {
            log: Some(Ok(DecisionLog {
                dir: PathBuf::from("doc/adr"),
                entries: files
                    .iter()
                    .map(|(n, t)| parse_entry(Path::new(n), t))
                    .collect(),
                index_files: None,
            })),
            ..LogView::default()
        }
    }

    #[test]
    fn statuses_come_in_lifecycle_order_then_the_logs_own() {
        let mut v = view();
        assert_eq!(v.statuses(), ["accepted", "superseded", "on hold"]);
        v.next_status();
        assert_eq!(v.visible(), [1]);
        v.next_status();
        v.next_status();
        assert_eq!(v.visible(), [2]);
        v.next_status();
        assert_eq!(v.status, None);
        assert_eq!(v.visible(), [0, 1, 2]);
    }

    #[test]
    fn the_search_matches_titles_numbers_and_file_names_in_any_case() {
        let mut v = view();
        v.query.insert_str("STREAM");
        assert_eq!(v.visible(), [1]);
        v.query = LogView::default().query;
        v.query.insert_str("0003");
        assert_eq!(v.visible(), [2]);
    }

    #[test]
    fn links_resolve_and_back_retraces_them() {
        let mut v = view();
        assert_eq!(v.open(0, false), Some(PathBuf::from("0001-a.md")));
        let links = v.links();
        assert_eq!(links.len(), 1);
        assert_eq!(
            (links[0].kind, links[0].to),
            (LinkKind::SupersededBy, Some(1))
        );
        v.open(1, true);
        assert_eq!(v.reader.as_ref().unwrap().came_from, [0]);
        assert_eq!(v.back(), Some(PathBuf::from("0001-a.md")));
        assert_eq!(v.back(), None);
        assert!(v.reader.is_none());
        assert_eq!(v.sel, 0);
    }
}
