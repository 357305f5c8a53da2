//! The log as a table and as JSON (what `tradeoffs log` prints), with superseded chains:
//! `0003 → superseded by 0007 → 0009`.

use std::borrow::Cow;

use serde::Serialize;

use super::entry::{DecisionLog, Entry, EntryLink, LogDialect};

/// How an entry is named in chains: its number, or its file name without `.md` when it has
/// none (log4brains' dated files).
pub fn short_name(e: &Entry) -> String {
    e.number.map_or_else(
        || e.file.trim_end_matches(".md").to_string(),
        |n| format!("{n:04}"),
    )
}

/// The entries to show: all, or those whose normalised status is `status`.
pub fn select(log: &DecisionLog, status: Option<&str>) -> Vec<usize> {
    let want = status.map(super::normalize_status);
    log.entries
        .iter()
        .enumerate()
        .filter(|(_, e)| want.as_deref().is_none_or(|s| e.status_text() == s))
        .map(|(i, _)| i)
        .collect()
}

/// For every entry, the chain of entries that replace it (first successor at each step).
fn chains(log: &DecisionLog) -> Vec<Vec<usize>> {
    let succ = log.successors();
    (0..log.entries.len())
        .map(|i| {
            let mut chain = Vec::new();
            let mut at = i;
            while let Some(&next) = succ[at].first() {
                if next == i || chain.contains(&next) {
                    break;
                }
                chain.push(next);
                at = next;
            }
            chain
        })
        .collect()
}

/// The widest a title column gets in the table (longer titles end in `…`; JSON has them whole).
const TITLE_MAX: usize = 60;

fn cut(s: &str, max: usize) -> Cow<'_, str> {
    match s.char_indices().nth(max) {
        None => Cow::Borrowed(s),
        Some(_) => {
            let mut t: String = s.chars().take(max - 1).collect();
            t.push('…');
            Cow::Owned(t)
        }
    }
}

/// The table `tradeoffs log` prints: a header, one row per selected entry, and the supersede
/// chain after a superseded one. Cells borrow from the log where they can (a 1,000-ADR log is
/// printed on every `tradeoffs log`).
pub fn render_table(log: &DecisionLog, selected: &[usize]) -> String {
    let chains = chains(log);
    fn cell(s: Cow<'_, str>) -> (Cow<'_, str>, usize) {
        let width = s.chars().count();
        (s, width)
    }
    let rows: Vec<[(Cow<'_, str>, usize); 6]> = selected
        .iter()
        .map(|&i| {
            let e = &log.entries[i];
            let status = if e.problem.is_some() && e.status.is_none() {
                "?"
            } else if e.status_text().is_empty() {
                "-"
            } else {
                e.status_text()
            };
            let chain = if chains[i].is_empty() {
                Cow::Borrowed("")
            } else {
                let names: Vec<String> = chains[i]
                    .iter()
                    .map(|&j| short_name(&log.entries[j]))
                    .collect();
                Cow::Owned(format!(
                    "{} → superseded by {}",
                    short_name(e),
                    names.join(" → ")
                ))
            };
            [
                cell(
                    e.number
                        .map_or(Cow::Borrowed("-"), |n| Cow::Owned(format!("{n:04}"))),
                ),
                cell(cut(e.title_text(), TITLE_MAX)),
                cell(Cow::Borrowed(status)),
                cell(Cow::Borrowed(
                    e.date.as_ref().map_or("-", |d| d.value.as_str()),
                )),
                cell(Cow::Borrowed(e.dialect.map_or("-", LogDialect::as_str))),
                cell(chain),
            ]
        })
        .collect();
    let header =
        ["NUMBER", "TITLE", "STATUS", "DATE", "FORMAT", ""].map(|h| (Cow::Borrowed(h), h.len()));
    let mut widths = [0usize; 6];
    for r in std::iter::once(&header).chain(&rows) {
        for (w, (_, n)) in widths.iter_mut().zip(r) {
            *w = (*w).max(*n);
        }
    }
    let mut out = String::with_capacity((rows.len() + 1) * (widths.iter().sum::<usize>() + 16));
    for r in std::iter::once(&header).chain(&rows) {
        let start = out.len();
        for (k, ((c, n), w)) in r.iter().zip(widths).enumerate() {
            if k > 0 {
                out.push_str("  ");
            }
            out.push_str(c);
            if k < 5 {
                out.extend(std::iter::repeat_n(' ', w - n));
            }
        }
        let kept = out[start..].trim_end().len();
        out.truncate(start + kept);
        out.push('\n');
    }
    out
}

/// One entry in `tradeoffs log --json`.
#[derive(Debug, Serialize)]
pub struct JsonEntry<'a> {
    pub number: Option<u32>,
    pub file: &'a str,
    pub path: String,
    pub title: &'a str,
    pub status: Option<&'a str>,
    pub status_raw: Option<&'a str>,
    pub date: Option<&'a str>,
    pub dialect: Option<LogDialect>,
    /// The files that replace this ADR, nearest first.
    pub superseded_by: Vec<&'a str>,
    pub links: &'a [EntryLink],
    /// Why the file could not be read as an ADR.
    pub problem: Option<&'a str>,
    /// The 1-based line of each field (`null` when the field is absent or comes from the name).
    pub lines: JsonLines,
}

#[derive(Debug, Serialize)]
pub struct JsonLines {
    pub number: Option<usize>,
    pub title: Option<usize>,
    pub status: Option<usize>,
    pub date: Option<usize>,
}

/// The selected entries as JSON values, in log order.
pub fn json_entries<'a>(log: &'a DecisionLog, selected: &[usize]) -> Vec<JsonEntry<'a>> {
    let chains = chains(log);
    selected
        .iter()
        .map(|&i| {
            let e = &log.entries[i];
            JsonEntry {
                number: e.number,
                file: &e.file,
                path: e.path.display().to_string(),
                title: e.title_text(),
                status: e.status.as_ref().map(|s| s.normalized.as_str()),
                status_raw: e.status.as_ref().map(|s| s.raw.as_str()),
                date: e.date.as_ref().map(|d| d.value.as_str()),
                dialect: e.dialect,
                superseded_by: chains[i]
                    .iter()
                    .map(|&j| log.entries[j].file.as_str())
                    .collect(),
                links: &e.links,
                problem: e.problem.as_ref().map(|p| p.value.as_str()),
                lines: JsonLines {
                    number: e.number_line,
                    title: e.title.as_ref().map(|f| f.line),
                    status: e.status.as_ref().map(|f| f.line),
                    date: e.date.as_ref().map(|f| f.line),
                },
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::{Path, PathBuf};

    #[test]
    fn the_table_shows_chains_and_marks_unreadable_files() {
        let n =
            |k: u32, s: &str| format!("# {k}. T{k}\n\nDate: 2020-01-0{k}\n\n## Status\n\n{s}\n");
        let files = [
            ("0001-a.md", n(1, "Superseded by [2. T2](0002-b.md)")),
            ("0002-b.md", n(2, "Superseded by [3. T3](0003-c.md)")),
            ("0003-c.md", n(3, "Accepted")),
            ("0004-d.md", "notes\n".to_string()),
        ];
        let log = DecisionLog {
            dir: PathBuf::from("d"),
            entries: files
                .iter()
                .map(|(f, t)| super::super::parse_entry(Path::new(f), t))
                .collect(),
            index_files: None,
        };
        let all = select(&log, None);
        assert_eq!(
            render_table(&log, &all),
            "NUMBER  TITLE   STATUS      DATE        FORMAT\n\
             0001    T1      superseded  2020-01-01  nygard  0001 → superseded by 0002 → 0003\n\
             0002    T2      superseded  2020-01-02  nygard  0002 → superseded by 0003\n\
             0003    T3      accepted    2020-01-03  nygard\n\
             0004    0004-d  ?           -           -\n"
        );
        assert_eq!(select(&log, Some("Superseded")), [0, 1]);
        let j = json_entries(&log, &[0]);
        assert_eq!(j[0].superseded_by, ["0002-b.md", "0003-c.md"]);
        assert_eq!(j[0].lines.status, Some(7));
    }
}
