//! The index of a decision log: the list of links to every ADR, with its status, in the file
//! the repository already uses for it, in the shape its tools write.
//!
//! - adr-tools' `adr generate toc` and `adrs generate toc` write `* [N. Title](NNNN-slug.md)`
//!   lines (usually redirected to `README.md` in the ADR directory; adr-tools adds a
//!   `# Architecture Decision Records` heading).
//! - MADR repositories keep an `index.md` whose list `adr-log` maintains between
//!   `<!-- adrlog -->` and `<!-- adrlogstop -->`: `* [ADR-NNNN](NNNN-slug.md) - Title`.
//!
//! The list is replaced; every other line of the file is kept. Where the file has no markers,
//! the list is wrapped in `<!-- tradeoffs:index -->` … `<!-- tradeoffs:index:end -->` so
//! the next update knows exactly where it is. Each item ends with the ADR's status in
//! parentheses (a superseded one links to its successor).

use std::path::{Path, PathBuf};

use super::entry::{DecisionLog, Entry, LogDialect};
use crate::adr::AdrError;

/// The markers written around the list when the file has none of its own.
pub const START: &str = "<!-- tradeoffs:index -->";
pub const END: &str = "<!-- tradeoffs:index:end -->";
const ADRLOG_START: &str = "<!-- adrlog";
const ADRLOG_END: &str = "<!-- adrlogstop";

/// How list items look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemStyle {
    /// adr-tools / adrs: `[N. Title](file)`.
    AdrTools,
    /// adr-log (MADR): `[ADR-NNNN](file) - Title`.
    AdrLog,
}

/// The index as it is and as it should be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexPlan {
    pub path: PathBuf,
    /// The file's text now; `None` when there is no index yet.
    pub current: Option<String>,
    /// The text it should have.
    pub wanted: String,
    /// The line (1-based) where the list starts in the current file, for messages.
    pub list_line: usize,
    /// The file has a list of ADR links or index markers (a file the tools generated or we
    /// manage), not just prose.
    pub has_list: bool,
    /// The list is between markers (ours or adr-log's).
    pub has_markers: bool,
    /// The list is between tradeoffs' own markers: the file is ours to keep exact.
    pub managed: bool,
    /// ADR files the current list lacks, and linked files that are not in the log.
    pub missing: Vec<String>,
    pub extra: Vec<String>,
}

impl IndexPlan {
    /// True when the file differs from what [`write_index`] would write.
    pub fn is_stale(&self) -> bool {
        self.current.as_deref() != Some(self.wanted.as_str())
    }
}

/// Works out the index file of `log` and the text it should have.
pub fn plan_index(log: &DecisionLog) -> IndexPlan {
    let (path, current) = find_index(log);
    let current_text = current.as_deref().unwrap_or("");
    let lines: Vec<&str> = current_text.lines().collect();
    let markers = find_markers(&lines);
    // Markers, where there are some, say where the list is.
    let list = if markers.is_some() {
        None
    } else {
        find_list(&lines, log)
    };
    let first_item = match (markers, list) {
        (Some((s, e)), _) => lines[s + 1..e]
            .iter()
            .find(|l| item_target(l).is_some())
            .copied(),
        (None, Some((s, _))) => Some(lines[s]),
        _ => None,
    };
    let style = first_item
        .and_then(item_style)
        .unwrap_or_else(|| default_style(log));
    let marker = first_item.map_or("* ", list_marker);
    let prefix = first_item.map_or(String::new(), |l| link_prefix(l, log));
    let (items, count) = render_items(log, style, marker, &prefix);
    let block = |start: &str, end: &str| {
        if count == 0 {
            format!("{start}\n\n{end}")
        } else {
            format!("{start}\n\n{items}\n\n{end}")
        }
    };
    // The lines before the list, the new block, the lines after it.
    let splice = |s: usize, e: usize, block: String| {
        let mut out = String::with_capacity(current_text.len() + block.len());
        for l in &lines[..s] {
            out.push_str(l);
            out.push('\n');
        }
        out.push_str(&block);
        out.push('\n');
        for l in &lines[e + 1..] {
            out.push_str(l);
            out.push('\n');
        }
        out
    };
    let (wanted, list_line) = match (markers, list) {
        (Some((s, e)), _) => (splice(s, e, block(lines[s], lines[e])), s + 1),
        (None, Some((s, e))) => (splice(s, e, block(START, END)), s + 1),
        (None, None) if current.is_some() => {
            let mut out = current_text.trim_end().to_string();
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(&block(START, END));
            (out + "\n", lines.len() + 1)
        }
        (None, None) => (
            format!("# Architecture Decision Records\n\n{}\n", block(START, END)),
            1,
        ),
    };
    let listed: Vec<&str> = match (markers, list) {
        (Some((s, e)), _) => lines[s + 1..e]
            .iter()
            .filter_map(|l| item_target(l))
            .collect(),
        (None, Some((s, e))) => lines[s..=e].iter().filter_map(|l| item_target(l)).collect(),
        _ => Vec::new(),
    };
    // Up to date, the common case: the index lists the log's files in the log's order.
    let same_files = listed.len() == log.entries.len()
        && listed.iter().zip(&log.entries).all(|(l, e)| *l == e.file);
    let (missing, extra) = if same_files {
        (Vec::new(), Vec::new())
    } else {
        let listed_set: std::collections::HashSet<&str> = listed.iter().copied().collect();
        let in_log: std::collections::HashSet<&str> =
            log.entries.iter().map(|e| e.file.as_str()).collect();
        let missing = log
            .entries
            .iter()
            .filter(|e| !listed_set.contains(e.file.as_str()))
            .map(|e| e.file.clone())
            .collect();
        let extra = listed
            .iter()
            .filter(|f| !in_log.contains(*f))
            .map(|f| (*f).to_string())
            .collect();
        (missing, extra)
    };
    IndexPlan {
        path,
        has_list: markers.is_some() || list.is_some(),
        has_markers: markers.is_some(),
        managed: markers.is_some_and(|(s, _)| lines[s].trim_start().starts_with(START)),
        current,
        wanted,
        list_line,
        missing,
        extra,
    }
}

/// Writes the planned index atomically (a new file is created the same way, never over a
/// file that appeared meanwhile).
pub fn write_index(plan: &IndexPlan) -> Result<(), AdrError> {
    match plan.current {
        Some(_) => crate::adr::write::replace_atomic(&plan.path, &plan.wanted),
        None => {
            let dir = plan.path.parent().unwrap_or(Path::new("."));
            crate::adr::write::ensure_dir(dir)?;
            let name = plan
                .path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            if crate::adr::write::create_exclusive(dir, &name, &plan.wanted)? {
                Ok(())
            } else {
                Err(AdrError::Failed(format!(
                    "cannot create {}: a file of that name appeared meanwhile; run the command again",
                    plan.path.display()
                )))
            }
        }
    }
}

/// The index file of the log's directory and its text: the candidate (`README.md`,
/// `index.md`, `toc.md`, any case) with markers, else one with a list of ADR links, else the
/// one the dialect prefers; a new `README.md` (adr-tools, adrs) or `index.md` (MADR,
/// log4brains) when there is none.
fn find_index(log: &DecisionLog) -> (PathBuf, Option<String>) {
    let prefer_index_md = matches!(
        dominant_dialect(log),
        Some(LogDialect::Madr | LogDialect::Log4brains)
    );
    let mut candidates: Vec<(u8, u8, PathBuf, String)> = Vec::new();
    let names: Vec<String> = match &log.index_files {
        Some(names) => names.clone(),
        None => std::fs::read_dir(&log.dir)
            .map(|rd| {
                rd.flatten()
                    .filter_map(|e| e.file_name().into_string().ok())
                    .filter(|n| is_index_name(n))
                    .collect()
            })
            .unwrap_or_default(),
    };
    let several = names.len() > 1;
    for name in names {
        let lower = name.to_ascii_lowercase();
        let name_rank = match (lower.as_str(), prefer_index_md) {
            ("index.md", true) | ("readme.md", false) => 0,
            ("readme.md", true) | ("index.md", false) => 1,
            _ => 2,
        };
        let path = log.dir.join(&name);
        let Ok(text) = crate::fileread::read_text(&path, crate::fileread::ADR_LIMIT) else {
            continue;
        };
        // What the file holds ranks it among several; one needs no ranking (and planning reads
        // it again anyway).
        let content_rank = if !several {
            0
        } else {
            let lines: Vec<&str> = text.lines().collect();
            if find_markers(&lines).is_some() {
                0
            } else if find_list(&lines, log).is_some() {
                1
            } else {
                2
            }
        };
        candidates.push((content_rank, name_rank, path, text));
    }
    candidates.sort_by(|a, b| (a.0, a.1, &a.2).cmp(&(b.0, b.1, &b.2)));
    match candidates.into_iter().next() {
        Some((_, _, path, text)) => (path, Some(text)),
        None => (
            log.dir.join(if prefer_index_md {
                "index.md"
            } else {
                "README.md"
            }),
            None,
        ),
    }
}

fn dominant_dialect(log: &DecisionLog) -> Option<LogDialect> {
    let mut counts: Vec<(LogDialect, usize)> = Vec::new();
    for d in log.entries.iter().filter_map(|e| e.dialect) {
        match counts.iter_mut().find(|(x, _)| *x == d) {
            Some((_, n)) => *n += 1,
            None => counts.push((d, 1)),
        }
    }
    counts.into_iter().max_by_key(|(_, n)| *n).map(|(d, _)| d)
}

fn default_style(log: &DecisionLog) -> ItemStyle {
    match dominant_dialect(log) {
        Some(LogDialect::Madr) => ItemStyle::AdrLog,
        _ => ItemStyle::AdrTools,
    }
}

/// A name the log's index may have: `README.md`, `index.md` or `toc.md`, in any case.
pub(super) fn is_index_name(name: &str) -> bool {
    ["readme.md", "index.md", "toc.md"]
        .iter()
        .any(|n| n.eq_ignore_ascii_case(name))
}

/// (start, end) line indexes of our markers or adr-log's.
fn find_markers(lines: &[&str]) -> Option<(usize, usize)> {
    for (open, close) in [(START, END), (ADRLOG_START, ADRLOG_END)] {
        let s = lines.iter().position(|l| l.trim_start().starts_with(open));
        if let Some(s) = s
            && let Some(e) = lines[s + 1..]
                .iter()
                .position(|l| l.trim_start().starts_with(close))
        {
            // Our start marker is a prefix of nothing else; adr-log's start must not be its
            // stop line.
            if !(open == ADRLOG_START && lines[s].trim_start().starts_with(ADRLOG_END)) {
                return Some((s, s + 1 + e));
            }
        }
    }
    None
}

/// The first run of consecutive list items linking to ADR files: (first, last) line indexes.
fn find_list(lines: &[&str], log: &DecisionLog) -> Option<(usize, usize)> {
    let is_item = |l: &str| {
        item_target(l).is_some_and(|f| {
            crate::adr::existing::name_number(f).is_some() || log.by_file(f).is_some()
        })
    };
    let s = lines.iter().position(|l| is_item(l))?;
    let len = lines[s..].iter().take_while(|l| is_item(l)).count();
    Some((s, s + len - 1))
}

/// The file name a list item links to: `* [..](prefix/0001-x.md)` → `0001-x.md`.
fn item_target(line: &str) -> Option<&str> {
    let t = line.trim_start();
    let rest = ["* ", "- ", "+ "]
        .iter()
        .find_map(|m| t.strip_prefix(m))
        .or_else(|| {
            let digits = t.chars().take_while(char::is_ascii_digit).count();
            (digits > 0)
                .then(|| t[digits..].strip_prefix(". "))
                .flatten()
        })?;
    if !rest.starts_with('[') {
        return None;
    }
    let close = rest.find("](")?;
    let after = &rest[close + 2..];
    let target = &after[..after.find(')')?];
    let base = target.rsplit('/').next().unwrap_or(target);
    base.ends_with(".md").then_some(base)
}

fn item_style(line: &str) -> Option<ItemStyle> {
    let open = line.find('[')?;
    let text = &line[open + 1..];
    if text.starts_with("ADR-") {
        Some(ItemStyle::AdrLog)
    } else {
        Some(ItemStyle::AdrTools)
    }
}

/// `* `, `- `, or `1. ` (an ordered list, numbered anew).
fn list_marker(line: &str) -> &'static str {
    match line.trim_start().chars().next() {
        Some('-') => "- ",
        Some('+') => "+ ",
        Some(c) if c.is_ascii_digit() => "1. ",
        _ => "* ",
    }
}

/// The path in front of the file name in an existing item's link (adr-tools' `-p`).
fn link_prefix(line: &str, log: &DecisionLog) -> String {
    let Some(file) = item_target(line) else {
        return String::new();
    };
    let Some(close) = line.find("](") else {
        return String::new();
    };
    let after = &line[close + 2..];
    let target = &after[..after.find(')').unwrap_or(after.len())];
    if crate::adr::existing::name_number(file).is_none() && log.by_file(file).is_none() {
        return String::new();
    }
    target.strip_suffix(file).unwrap_or("").to_string()
}

fn escape(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains(['\\', '[', ']']) {
        return std::borrow::Cow::Borrowed(s);
    }
    std::borrow::Cow::Owned(
        s.replace('\\', "\\\\")
            .replace('[', "\\[")
            .replace(']', "\\]"),
    )
}

/// The list items, one per line (no final newline), and how many there are. Written into one
/// string: an index of 1,000 ADRs is planned on every `log index` and `lint`.
fn render_items(
    log: &DecisionLog,
    style: ItemStyle,
    marker: &str,
    prefix: &str,
) -> (String, usize) {
    use std::fmt::Write as _;
    let successors = log.successors();
    let mut out = String::with_capacity(log.entries.len() * 96);
    for (i, e) in log.entries.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if marker == "1. " {
            let _ = write!(out, "{}. ", i + 1);
        } else {
            out.push_str(marker);
        }
        link(&mut out, e, style, prefix);
        if let (ItemStyle::AdrLog, Some(_)) = (style, e.number) {
            out.push_str(" - ");
            out.push_str(&escape(e.title_text()));
        }
        match (e.status_text(), successors[i].first()) {
            ("", _) => {}
            ("superseded", Some(&j)) => {
                out.push_str(" (superseded by ");
                link(&mut out, &log.entries[j], style, prefix);
                out.push(')');
            }
            (s, _) => {
                let _ = write!(out, " ({s})");
            }
        }
    }
    (out, log.entries.len())
}

/// `[N. Title](file)` or `[ADR-NNNN](file)`; `[Title](file)` for an unnumbered ADR.
fn link(out: &mut String, e: &Entry, style: ItemStyle, prefix: &str) {
    use std::fmt::Write as _;
    out.push('[');
    match (style, e.number) {
        (ItemStyle::AdrTools, Some(n)) => {
            let _ = write!(out, "{n}. ");
            out.push_str(&escape(e.title_text()));
        }
        (ItemStyle::AdrLog, Some(n)) => {
            let _ = write!(out, "ADR-{n:04}");
        }
        (_, None) => out.push_str(&escape(e.title_text())),
    }
    out.push_str("](");
    out.push_str(prefix);
    out.push_str(&e.file);
    out.push(')');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn log_in(dir: &Path, files: &[(&str, &str)]) -> DecisionLog {
        for (n, t) in files {
            std::fs::write(dir.join(n), t).unwrap();
        }
        super::super::read_log(dir).unwrap()
    }

    const A: &str = "# 1. First\n\nDate: 2020-01-01\n\n## Status\n\nSuperseded by [2. Second](0002-second.md)\n";
    const B: &str = "# 2. Second\n\nDate: 2020-01-02\n\n## Status\n\nAccepted\n\nSupersedes [1. First](0001-first.md)\n";

    #[test]
    fn a_new_index_for_an_adr_tools_log_is_a_readme() {
        let dir = tempfile::tempdir().unwrap();
        let log = log_in(dir.path(), &[("0001-first.md", A), ("0002-second.md", B)]);
        let plan = plan_index(&log);
        assert_eq!(plan.path, dir.path().join("README.md"));
        assert!(plan.current.is_none() && plan.is_stale());
        assert_eq!(
            plan.wanted,
            format!(
                "# Architecture Decision Records\n\n{START}\n\n* [1. First](0001-first.md) (superseded by [2. Second](0002-second.md))\n* [2. Second](0002-second.md) (accepted)\n\n{END}\n"
            )
        );
        write_index(&plan).unwrap();
        assert!(!plan_index(&log).is_stale());
    }

    #[test]
    fn a_generated_toc_keeps_the_text_around_it_and_gains_markers() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("README.md"),
            "# Architecture Decision Records\n\nAn intro.\n\n- [1. First](doc/0001-first.md)\n\nAn outro.\n",
        )
        .unwrap();
        let log = log_in(dir.path(), &[("0001-first.md", A), ("0002-second.md", B)]);
        let plan = plan_index(&log);
        assert_eq!(plan.missing, ["0002-second.md"]);
        assert!(plan.has_list && !plan.has_markers);
        assert_eq!(plan.list_line, 5);
        assert_eq!(
            plan.wanted,
            format!(
                "# Architecture Decision Records\n\nAn intro.\n\n{START}\n\n- [1. First](doc/0001-first.md) (superseded by [2. Second](doc/0002-second.md))\n- [2. Second](doc/0002-second.md) (accepted)\n\n{END}\n\nAn outro.\n"
            )
        );
    }

    #[test]
    fn an_adr_log_index_is_updated_between_its_markers() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("index.md"),
            "# Decisions\n\n<!-- adrlog -- Regenerate with adr-log -->\n\n* [ADR-0001](0001-x.md) - X\n\n<!-- adrlogstop -->\n\nMore.\n",
        )
        .unwrap();
        let log = log_in(
            dir.path(),
            &[(
                "0001-x.md",
                "---\nstatus: accepted\ndate: 2020-01-01\n---\n\n# X [v2]\n",
            )],
        );
        let plan = plan_index(&log);
        assert_eq!(plan.path, dir.path().join("index.md"));
        assert!(plan.missing.is_empty() && plan.extra.is_empty());
        assert_eq!(
            plan.wanted,
            "# Decisions\n\n<!-- adrlog -- Regenerate with adr-log -->\n\n* [ADR-0001](0001-x.md) - X \\[v2\\] (accepted)\n\n<!-- adrlogstop -->\n\nMore.\n"
        );
    }

    #[test]
    fn prose_without_a_list_gets_the_list_appended() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("README.md"), "# ADRs\n\nRead these.\n").unwrap();
        let log = log_in(dir.path(), &[("0002-second.md", B)]);
        let plan = plan_index(&log);
        assert!(!plan.has_list);
        assert_eq!(
            plan.wanted,
            format!(
                "# ADRs\n\nRead these.\n\n{START}\n\n* [2. Second](0002-second.md) (accepted)\n\n{END}\n"
            )
        );
    }
}
