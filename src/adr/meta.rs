//! What an ADR says beyond the decision itself: its dialect, status, title, date, deciders,
//! context and related records, and the checks they must pass before anything is rendered.

use std::path::{Path, PathBuf};

use super::AdrError;
use crate::date::{is_iso_date, today};
use crate::report::DecisionReport;
use crate::session::RecordDraft;

/// The ADR formats we write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// MADR 4: YAML front matter, `# Title`.
    Madr,
    /// Michael Nygard's format as adr-tools and `adrs` write it: `# N. Title`, `Date:`, `## Status`.
    Nygard,
    /// log4brains: `# Title` then a `- Status:` bullet list; files named `YYYYMMDD-slug.md`.
    Log4brains,
}

impl Dialect {
    pub fn name(self) -> &'static str {
        match self {
            Dialect::Madr => "MADR",
            Dialect::Nygard => "Nygard (adr-tools)",
            Dialect::Log4brains => "log4brains",
        }
    }
}

/// How much of the analysis an ADR carries. Short is what a reviewer reads in two minutes; full
/// keeps every option's pros and cons, every reference and the trade-off graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Detail {
    #[default]
    Short,
    Full,
}

/// Statuses of the ADR lifecycle that a new record may start in. One type for the session
/// file's draft (parsed once, in [`RecordMeta::for_decision_in`]), the
/// command line (clap's `ValueEnum` names) and the TUI form ([`Status::ALL`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Status {
    #[default]
    Proposed,
    Accepted,
    Rejected,
    Deprecated,
}

impl Status {
    /// In lifecycle order, as the TUI form cycles through them.
    pub const ALL: [Status; 4] = [
        Status::Proposed,
        Status::Accepted,
        Status::Rejected,
        Status::Deprecated,
    ];

    /// The lowercase word, as MADR and log4brains write it.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Proposed => "proposed",
            Status::Accepted => "accepted",
            Status::Rejected => "rejected",
            Status::Deprecated => "deprecated",
        }
    }

    /// Parses a status word in any case, surrounding spaces ignored (by clap's `ValueEnum`
    /// names, the same ones `--help` would list).
    pub fn parse(s: &str) -> Option<Status> {
        <Status as clap::ValueEnum>::from_str(s.trim(), true).ok()
    }

    /// "proposed, accepted, rejected, deprecated", for messages.
    pub fn list() -> String {
        Status::ALL.map(Status::as_str).join(", ")
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What the record says beyond the decision itself.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RecordMeta {
    pub title: String,
    pub status: Status,
    /// ISO date, `YYYY-MM-DD`.
    pub date: String,
    pub deciders: Vec<String>,
    /// MADR's consulted and informed people (empty lists when none).
    pub consulted: Vec<String>,
    pub informed: Vec<String>,
    /// The user's own context text (may hold several lines).
    pub context: String,
    /// ADR files of the same session written earlier, linked from this one.
    pub related: Vec<PathBuf>,
    pub detail: Detail,
}

impl RecordMeta {
    /// Defaults for a decision: the draft's values where set, else the outcome's suggested
    /// title, "proposed" and today's date; the decider from `git config user.name` in
    /// `git_dir` (or none with `None`, when the caller names the deciders itself). Fails when
    /// the draft's status is not one of [`Status::ALL`].
    pub fn for_decision_in(
        report: &DecisionReport,
        draft: &RecordDraft,
        git_dir: Option<&Path>,
    ) -> Result<RecordMeta, AdrError> {
        let title = draft
            .title
            .clone()
            .filter(|t| !t.trim().is_empty())
            .unwrap_or_else(|| report.default_title());
        let deciders = if draft.deciders.is_empty() {
            git_dir.and_then(git_user_name).into_iter().collect()
        } else {
            draft.deciders.clone()
        };
        let status = match &draft.status {
            None => Status::default(),
            Some(s) => Status::parse(s).ok_or_else(|| {
                AdrError::Invalid(format!("status \"{s}\" is not one of {}", Status::list()))
            })?,
        };
        Ok(RecordMeta {
            title,
            status,
            date: today(),
            deciders,
            consulted: draft.consulted.clone(),
            informed: draft.informed.clone(),
            context: draft.context.clone(),
            related: Vec::new(),
            detail: if draft.full_detail {
                Detail::Full
            } else {
                Detail::Short
            },
        })
    }

    /// The command line's `--status` text, checked with the flag's own message.
    pub fn set_status_flag(&mut self, s: &str) -> Result<(), AdrError> {
        let s = s.trim().to_lowercase();
        self.status = Status::parse(&s).ok_or_else(|| {
            AdrError::Invalid(format!("--status {s}: use one of {}", Status::list()))
        })?;
        Ok(())
    }

    /// The command line's `--date`, checked with the flag's own message.
    pub fn set_date_flag(&mut self, d: &str) -> Result<(), AdrError> {
        if !is_iso_date(d) {
            let shape = d.len() == 10
                && d.char_indices().all(|(i, c)| {
                    if i == 4 || i == 7 {
                        c == '-'
                    } else {
                        c.is_ascii_digit()
                    }
                })
                && (1..=12).contains(&d[5..7].parse::<u32>().unwrap_or(0))
                && (1..=31).contains(&d[8..10].parse::<u32>().unwrap_or(0));
            return Err(AdrError::Invalid(if shape {
                format!("--date {d}: there is no such day; use an existing date as YYYY-MM-DD")
            } else {
                format!("--date {d}: use YYYY-MM-DD")
            }));
        }
        self.date = d.to_string();
        Ok(())
    }

    /// Checks what must hold before rendering; returns the title's slug for the file name.
    pub fn check(&self) -> Result<String, AdrError> {
        if !is_iso_date(&self.date) {
            return Err(AdrError::Invalid(format!(
                "date \"{}\" is not an ISO date (YYYY-MM-DD)",
                self.date
            )));
        }
        super::write::check_title(&self.title)
    }
}

/// Kinds of links between ADRs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkKind {
    Supersedes,
    RelatesTo,
}

/// A link from the ADR being written to another one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub kind: LinkKind,
    pub number: Option<u32>,
    pub title: String,
    /// File name, relative to the ADR directory.
    pub file: String,
}

/// `git config user.name` as seen from `dir`, when git is installed and the name is set.
pub fn git_user_name(dir: &Path) -> Option<String> {
    let out = std::process::Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["config", "user.name"])
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    let name = String::from_utf8_lossy(&out.stdout).trim().to_string();
    (out.status.success() && !name.is_empty()).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_parse_in_any_case_and_list_in_order() {
        assert_eq!(Status::parse(" Accepted "), Some(Status::Accepted));
        assert_eq!(Status::parse("maybe"), None);
        assert_eq!(
            Status::ALL.map(Status::as_str),
            crate::session::DRAFT_STATUSES
        );
        assert_eq!(Status::list(), "proposed, accepted, rejected, deprecated");
        for s in Status::ALL {
            assert_eq!(Status::parse(s.as_str()), Some(s));
        }
        assert_eq!(<Status as clap::ValueEnum>::value_variants(), Status::ALL);
    }
}
