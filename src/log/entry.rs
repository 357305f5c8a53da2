//! What one ADR of the log says, and where in its file it says it (lint points at lines).

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::adr::Dialect;

/// The conventions an ADR file follows, as read (finer than [`Dialect`], which is what we
/// write: `adrs` front matter is MADR with `number:` and `title:` keys).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogDialect {
    /// YAML front matter with `status:`/`date:` (MADR 3/4), or MADR's headings without it.
    Madr,
    /// `adrs` front matter: `number:`, `title:`, `status:`, `date:`.
    Adrs,
    /// adr-tools / Nygard: `# N. Title`, `Date:` line, `## Status` section.
    Nygard,
    /// log4brains (and MADR 2): `# Title`, then `- Status:` / `- Date:` list lines.
    Log4brains,
}

impl LogDialect {
    /// The lowercase name shown in tables and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            LogDialect::Madr => "madr",
            LogDialect::Adrs => "adrs",
            LogDialect::Nygard => "nygard",
            LogDialect::Log4brains => "log4brains",
        }
    }

    /// The dialect an [`Self::as_str`] name names.
    pub fn from_name(name: &str) -> Option<LogDialect> {
        [
            LogDialect::Madr,
            LogDialect::Adrs,
            LogDialect::Nygard,
            LogDialect::Log4brains,
        ]
        .into_iter()
        .find(|d| d.as_str() == name)
    }

    /// The dialect to write in when editing this file, and whether it carries `adrs` front
    /// matter (`number:`/`title:`).
    pub fn writing(self) -> (Dialect, bool) {
        match self {
            LogDialect::Madr => (Dialect::Madr, false),
            LogDialect::Adrs => (Dialect::Madr, true),
            LogDialect::Nygard => (Dialect::Nygard, false),
            LogDialect::Log4brains => (Dialect::Log4brains, false),
        }
    }
}

impl std::fmt::Display for LogDialect {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A value read from a file and the 1-based line it is on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Field {
    pub value: String,
    pub line: usize,
}

/// The status of an ADR: normalised for filters and checks, and as the file words it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusField {
    /// Lower-case keyword: `accepted`, `superseded` (for "Superceded by [..](..)" too, and for
    /// a status that carries a supersede link after another word, such as a `## Status`
    /// section holding both "Accepted" and "Superceded by [..](..)"), or the file's own first
    /// word when it is none of [`super::KNOWN_STATUSES`].
    pub normalized: String,
    /// The status text as written (quotes of front matter removed).
    pub raw: String,
    pub line: usize,
}

impl StatusField {
    /// True when the normalised status is one of the lifecycle's words.
    pub fn is_known(&self) -> bool {
        super::KNOWN_STATUSES.contains(&self.normalized.as_str())
    }
}

/// How one ADR refers to another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LinkKind {
    Supersedes,
    SupersededBy,
    Amends,
    AmendedBy,
    Clarifies,
    ClarifiedBy,
    RelatesTo,
    /// A label no tool gives a meaning to (adr-tools lets users choose any wording).
    Other,
}

impl LinkKind {
    /// The kind a link label names ("Superceded by", "Amended by", "Relates to", ...), in any
    /// case, with adr-tools' "Supercede" spelling.
    pub fn from_label(label: &str) -> LinkKind {
        let l: String = label
            .trim()
            .to_lowercase()
            .replace("supercede", "supersede")
            .chars()
            .filter(|c| !matches!(c, ' ' | '-' | '_'))
            .collect();
        match l.as_str() {
            "supersedes" => LinkKind::Supersedes,
            "supersededby" => LinkKind::SupersededBy,
            "amends" => LinkKind::Amends,
            "amendedby" => LinkKind::AmendedBy,
            "clarifies" => LinkKind::Clarifies,
            "clarifiedby" => LinkKind::ClarifiedBy,
            "relatesto" | "relatedto" | "related" | "relates" | "seealso" => LinkKind::RelatesTo,
            _ => LinkKind::Other,
        }
    }

    /// The kebab-case name used in JSON (`superseded-by`).
    pub fn as_str(self) -> &'static str {
        match self {
            LinkKind::Supersedes => "supersedes",
            LinkKind::SupersededBy => "superseded-by",
            LinkKind::Amends => "amends",
            LinkKind::AmendedBy => "amended-by",
            LinkKind::Clarifies => "clarifies",
            LinkKind::ClarifiedBy => "clarified-by",
            LinkKind::RelatesTo => "relates-to",
            LinkKind::Other => "other",
        }
    }

    /// The kind an [`Self::as_str`] name names.
    pub fn from_name(name: &str) -> Option<LinkKind> {
        [
            LinkKind::Supersedes,
            LinkKind::SupersededBy,
            LinkKind::Amends,
            LinkKind::AmendedBy,
            LinkKind::Clarifies,
            LinkKind::ClarifiedBy,
            LinkKind::RelatesTo,
            LinkKind::Other,
        ]
        .into_iter()
        .find(|k| k.as_str() == name)
    }

    /// The kind the other ADR should carry back ("Supersedes" ↔ "Superseded by").
    pub fn inverse(self) -> LinkKind {
        match self {
            LinkKind::Supersedes => LinkKind::SupersededBy,
            LinkKind::SupersededBy => LinkKind::Supersedes,
            LinkKind::Amends => LinkKind::AmendedBy,
            LinkKind::AmendedBy => LinkKind::Amends,
            LinkKind::Clarifies => LinkKind::ClarifiedBy,
            LinkKind::ClarifiedBy => LinkKind::Clarifies,
            LinkKind::RelatesTo => LinkKind::RelatesTo,
            LinkKind::Other => LinkKind::Other,
        }
    }
}

/// A link from one ADR to another, as written in the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntryLink {
    pub kind: LinkKind,
    /// The wording as written: "Superceded by", "Amends", "superseded by ADR-0005".
    pub label: String,
    /// The link target as written (a relative path such as `0003-use-x.md`), when there is one.
    pub target: Option<String>,
    /// The number of the ADR it names (from the target's file name, "N. Title" or "ADR-NNNN").
    pub number: Option<u32>,
    pub line: usize,
}

/// One ADR file of the log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub path: PathBuf,
    /// The file name (`0003-use-postgresql.md`).
    pub file: String,
    /// From front matter `number:`, else the file name's `NNNN-`, else the title's `N. `.
    pub number: Option<u32>,
    /// The line the number was read from; `None` when it comes from the file name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number_line: Option<usize>,
    pub title: Option<Field>,
    pub status: Option<StatusField>,
    pub date: Option<Field>,
    pub dialect: Option<LogDialect>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<EntryLink>,
    /// Why the file could not be read as an ADR (unreadable, no title, format unknown,
    /// unclosed front matter). An entry with a problem still has whatever could be read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub problem: Option<Field>,
    /// Relative link destinations in the file (for the broken-link check), with their lines.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub local_targets: Vec<Field>,
    /// What an ADR tradeoffs wrote records in its decision data: the tree and the option
    /// chosen (what `decide` checks a new decision against when the ADR is accepted).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided: Option<Decided>,
}

/// The tree and chosen option of a tradeoffs ADR's decision data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decided {
    pub tree: String,
    pub option: String,
}

impl Entry {
    /// The title, or the file name without `.md` when the file has none.
    pub fn title_text(&self) -> &str {
        self.title
            .as_ref()
            .map_or_else(|| self.file.trim_end_matches(".md"), |t| t.value.as_str())
    }

    /// The normalised status, `""` when the file has none.
    pub fn status_text(&self) -> &str {
        self.status.as_ref().map_or("", |s| s.normalized.as_str())
    }

    /// The number as the tools print it (`0003`), or `""`.
    pub fn number_text(&self) -> String {
        self.number.map(|n| format!("{n:04}")).unwrap_or_default()
    }

    /// Links of one kind.
    pub fn links_of(&self, kind: LinkKind) -> impl Iterator<Item = &EntryLink> {
        self.links.iter().filter(move |l| l.kind == kind)
    }

    /// True when this link names `other` (by its file name, or by its number when the link
    /// has no file target).
    pub fn link_names(link: &EntryLink, other: &Entry) -> bool {
        match &link.target {
            Some(t) => {
                let base = t.rsplit('/').next().unwrap_or(t);
                let base = base.split('#').next().unwrap_or(base);
                base == other.file
                    || (link.number.is_some() && link.number == other.number && base.is_empty())
            }
            None => link.number.is_some() && link.number == other.number,
        }
    }
}

/// Every ADR of one directory, ordered by number (unnumbered ones, such as log4brains'
/// dated files, after them by file name).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionLog {
    pub dir: PathBuf,
    pub entries: Vec<Entry>,
    /// The names in `dir` that may be its index (`README.md`, `index.md`, `toc.md`, any
    /// case), when the reader listed the directory anyway; `None` makes the index planner
    /// list it itself (a second listing of a 1,000-ADR directory costs more than the rest).
    #[serde(default, skip_serializing)]
    pub index_files: Option<Vec<String>>,
}

impl DecisionLog {
    /// The entries with this number (more than one when the number is taken twice).
    pub fn by_number(&self, n: u32) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(move |e| e.number == Some(n))
    }

    /// The entry with this file name.
    pub fn by_file(&self, file: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.file == file)
    }

    /// The entry a link points to: by file name, else by number when exactly one has it.
    pub fn resolve(&self, link: &EntryLink) -> Option<&Entry> {
        if let Some(t) = &link.target {
            let base = t.rsplit('/').next().unwrap_or(t);
            let base = base.split('#').next().unwrap_or(base);
            if let Some(e) = self.by_file(base) {
                return Some(e);
            }
        }
        let n = link.number?;
        let mut it = self.by_number(n);
        let first = it.next()?;
        it.next().is_none().then_some(first)
    }

    /// The ADRs that replace `entry`, as it says ("superseded by") or as they say
    /// ("supersedes"), in log order, without repeats.
    pub fn superseded_by(&self, entry: &Entry) -> Vec<&Entry> {
        let mut out: Vec<&Entry> = Vec::new();
        for l in entry.links_of(LinkKind::SupersededBy) {
            if let Some(e) = self.resolve(l)
                && !std::ptr::eq(e, entry)
                && !out.iter().any(|o| std::ptr::eq(*o, e))
            {
                out.push(e);
            }
        }
        for e in &self.entries {
            if std::ptr::eq(e, entry) || out.iter().any(|o| std::ptr::eq(*o, e)) {
                continue;
            }
            if e.links_of(LinkKind::Supersedes)
                .any(|l| self.resolve(l).is_some_and(|t| std::ptr::eq(t, entry)))
            {
                out.push(e);
            }
        }
        out
    }

    /// For every entry (by index), the indexes of the entries that replace it, from both
    /// sides of the link, computed once for the whole log (what [`Self::superseded_by`] gives
    /// for one entry; a table of 1,000 ADRs uses this).
    pub fn successors(&self) -> Vec<Vec<usize>> {
        use std::collections::HashMap;
        let mut out = vec![Vec::new(); self.entries.len()];
        if self.entries.iter().all(|e| e.links.is_empty()) {
            return out;
        }
        let mut by_file: HashMap<&str, usize> = HashMap::with_capacity(self.entries.len());
        // The entry with each number, `None` when the number is taken twice (then a link by
        // number alone names neither).
        let mut by_number: HashMap<u32, Option<usize>> = HashMap::with_capacity(self.entries.len());
        for (i, e) in self.entries.iter().enumerate() {
            by_file.insert(e.file.as_str(), i);
            if let Some(n) = e.number {
                by_number
                    .entry(n)
                    .and_modify(|one| *one = None)
                    .or_insert(Some(i));
            }
        }
        let resolve = |l: &EntryLink| -> Option<usize> {
            if let Some(t) = &l.target {
                let base = t.rsplit('/').next().unwrap_or(t);
                let base = base.split('#').next().unwrap_or(base);
                if let Some(&i) = by_file.get(base) {
                    return Some(i);
                }
            }
            by_number.get(&l.number?).copied().flatten()
        };
        for (i, e) in self.entries.iter().enumerate() {
            for l in &e.links {
                let (from, to) = match (l.kind, resolve(l)) {
                    (LinkKind::SupersededBy, Some(j)) if j != i => (i, j),
                    (LinkKind::Supersedes, Some(j)) if j != i => (j, i),
                    _ => continue,
                };
                // Both sides usually name the same pair: keep each successor once.
                if !out[from].contains(&to) {
                    out[from].push(to);
                }
            }
        }
        out
    }

    /// The chain of replacements from `entry` on (`0003 → 0007 → 0009`), following the first
    /// successor at each step, stopping at a cycle.
    pub fn supersede_chain(&self, entry: &Entry) -> Vec<&Entry> {
        let mut chain: Vec<&Entry> = Vec::new();
        let mut at = entry;
        while let Some(next) = self.superseded_by(at).into_iter().next() {
            if std::ptr::eq(next, entry) || chain.iter().any(|c| std::ptr::eq(*c, next)) {
                break;
            }
            chain.push(next);
            at = next;
        }
        chain
    }

    /// The entries whose normalised status is `status` (any case).
    pub fn with_status<'a>(&'a self, status: &str) -> impl Iterator<Item = &'a Entry> {
        let s = super::normalize_status(status);
        self.entries.iter().filter(move |e| e.status_text() == s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn log(files: &[(&str, &str)]) -> DecisionLog {
        DecisionLog {
            dir: PathBuf::from("d"),
            entries: files
                .iter()
                .map(|(n, t)| super::super::parse_entry(Path::new(n), t))
                .collect(),
            index_files: None,
        }
    }

    #[test]
    fn supersede_chains_follow_either_side_of_the_link() {
        let l = log(&[
            (
                "0001-a.md",
                "# 1. A\n\nDate: 2020-01-01\n\n## Status\n\nSuperseded by [2. B](0002-b.md)\n",
            ),
            (
                "0002-b.md",
                "# 2. B\n\nDate: 2020-01-01\n\n## Status\n\nAccepted\n\nSupersedes [1. A](0001-a.md)\n",
            ),
            (
                "0003-c.md",
                "---\nstatus: accepted\n---\n# C\n\n- Supersedes ADR-0002 [B](0002-b.md)\n",
            ),
        ]);
        let chain: Vec<u32> = l
            .supersede_chain(&l.entries[0])
            .iter()
            .filter_map(|e| e.number)
            .collect();
        assert_eq!(chain, [2, 3]);
        assert!(l.superseded_by(&l.entries[2]).is_empty());
        assert_eq!(l.successors(), vec![vec![1], vec![2], vec![]]);
        assert_eq!(l.by_number(2).count(), 1);
        assert_eq!(
            l.resolve(&l.entries[2].links[0]).map(|e| e.file.as_str()),
            Some("0002-b.md")
        );
        assert_eq!(
            LinkKind::from_label("Superceded by"),
            LinkKind::SupersededBy
        );
        assert_eq!(LinkKind::from_label("relatesto"), LinkKind::RelatesTo);
        assert_eq!(LinkKind::Amends.inverse(), LinkKind::AmendedBy);
    }
}
