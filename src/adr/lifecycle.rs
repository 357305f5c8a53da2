//! Living with a decision log: changing an ADR's status and linking two ADRs (both sides), in
//! each file's own dialect ([`super::amend`] does the text edits), under the directory lock,
//! atomically: every edit is prepared before anything is written, and when writing the second
//! file fails the first is restored.

use std::path::{Path, PathBuf};

use super::amend::{self, LinkTarget, Marked};
use super::existing::{Existing, find_adr, keeps_superseded_word, uses_adr_tools_spelling};
use super::export::Edit;
use super::{AdrError, Spelling, write};
use crate::log::{KNOWN_STATUSES, LinkKind, normalize_status, parse_entry};

/// The links `adr link N M --kind K` writes: N gets K, M gets the inverse ("Amends" /
/// "Amended by"); `supersedes` also marks M superseded (adr-tools' behaviour).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LinkChoice {
    Relates,
    Amends,
    Clarifies,
    Supersedes,
}

impl LinkChoice {
    /// The kind of link the first ADR carries.
    pub fn kind(self) -> LinkKind {
        match self {
            LinkChoice::Relates => LinkKind::RelatesTo,
            LinkChoice::Amends => LinkKind::Amends,
            LinkChoice::Clarifies => LinkKind::Clarifies,
            LinkChoice::Supersedes => LinkKind::Supersedes,
        }
    }
}

/// Checks a status word against the lifecycle ([`KNOWN_STATUSES`]), any case; returns it in
/// lower case.
pub fn check_status(status: &str) -> Result<String, AdrError> {
    let word = normalize_status(status);
    if KNOWN_STATUSES.contains(&word.as_str()) && !status.trim().is_empty() {
        Ok(word)
    } else {
        Err(AdrError::Invalid(format!(
            "status \"{}\" is not one of the lifecycle's: {}",
            crate::text::sanitize(status.trim()),
            KNOWN_STATUSES.join(", ")
        )))
    }
}

/// What `adr status` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusChange {
    pub path: PathBuf,
    /// The status as the file said it before ("Accepted", "superseded by ADR-0004"), if any.
    pub from: Option<String>,
    /// The new status as the file now says it ("Accepted" where the file capitalises).
    pub to: String,
    /// Every file written (empty when the ADR already had that status).
    pub changed: Vec<PathBuf>,
    /// Things the user should check (a supersede link the other ADR still carries).
    pub notes: Vec<String>,
}

fn read(path: &Path) -> Result<String, AdrError> {
    crate::fileread::read_text(path, crate::fileread::ADR_LIMIT)
        .map_err(|e| AdrError::Failed(format!("cannot read {}: {e}", path.display())))
}

fn need_dir(dir: &Path) -> Result<(), AdrError> {
    if dir.is_dir() {
        Ok(())
    } else {
        Err(AdrError::Invalid(format!(
            "the ADR directory {} does not exist; write an ADR first (`tradeoffs adr new \"Title\"`) or pass --adr-dir",
            dir.display()
        )))
    }
}

/// Sets the status of the ADR `which` (a number or a file name) in `dir`. "superseded" needs
/// `by`, the ADR that replaces it, and links the two ([`link`] with `supersedes`).
pub fn set_status(
    dir: &Path,
    which: &str,
    status: &str,
    by: Option<&str>,
) -> Result<StatusChange, AdrError> {
    let word = check_status(status)?;
    if word == "superseded" {
        let Some(by) = by else {
            return Err(AdrError::Invalid(format!(
                "status superseded needs the ADR that replaces it: add --by M, or run `tradeoffs adr link M {which} --kind supersedes`"
            )));
        };
        need_dir(dir)?;
        let _lock = write::DirLock::acquire(dir)?;
        let old = find_adr(dir, which, &format!("ADR {which}"))?;
        let new = find_adr(dir, by, &format!("--by {by}"))?;
        let from = parse_entry(&old.path, &read(&old.path)?)
            .status
            .map(|s| s.raw);
        let changed = link_locked(dir, &new, &old, LinkKind::Supersedes)?;
        // As the file now words it ("Superceded by [5. X](0005-x.md)").
        let to = read(&old.path)
            .ok()
            .and_then(|t| parse_entry(&old.path, &t).status)
            .map_or(word, |s| s.raw);
        return Ok(StatusChange {
            path: old.path,
            from,
            to,
            changed,
            notes: Vec::new(),
        });
    }
    if by.is_some() {
        return Err(AdrError::Invalid(format!(
            "--by names the ADR that supersedes this one; it goes with status superseded, not {word}"
        )));
    }
    need_dir(dir)?;
    let _lock = write::DirLock::acquire(dir)?;
    let adr = find_adr(dir, which, &format!("ADR {which}"))?;
    let text = read(&adr.path)?;
    let entry = parse_entry(&adr.path, &text);
    let mut notes = Vec::new();
    let successors: Vec<String> = entry
        .links_of(LinkKind::SupersededBy)
        .map(|l| {
            l.target
                .clone()
                .or(l.number.map(|n| format!("ADR {n}")))
                .unwrap_or_default()
        })
        .collect();
    let mut changed = Vec::new();
    let mut written = word.clone();
    if let Some(new) = amend::set_status(&adr.path, &text, &word)? {
        if let Some(s) = parse_entry(&adr.path, &new).status {
            written = s.raw;
        }
        let edit = Edit::of(&adr.path, new)?;
        write::replace_atomic(&edit.target, &edit.new)?;
        changed.push(adr.path.clone());
        if !successors.is_empty() {
            notes.push(format!(
                "{} said it was superseded by {}; that ADR still says it supersedes this one",
                adr.file_name(),
                successors.join(", ")
            ));
        }
    }
    Ok(StatusChange {
        path: adr.path,
        from: entry.status.map(|s| s.raw),
        to: written,
        changed,
        notes,
    })
}

/// Links ADR `from` to ADR `to` (numbers or file names) in `dir`: `from` gets the link of
/// `kind`, `to` the inverse one (or, for `supersedes`, its status becomes superseded). Returns
/// the files written; empty when both already say it.
pub fn link(
    dir: &Path,
    from: &str,
    to: &str,
    choice: LinkChoice,
) -> Result<Vec<PathBuf>, AdrError> {
    need_dir(dir)?;
    let _lock = write::DirLock::acquire(dir)?;
    let a = find_adr(dir, from, &format!("ADR {from}"))?;
    let b = find_adr(dir, to, &format!("ADR {to}"))?;
    link_locked(dir, &a, &b, choice.kind())
}

/// [`link`] with the directory lock already held.
pub(super) fn link_locked(
    dir: &Path,
    from: &Existing,
    to: &Existing,
    kind: LinkKind,
) -> Result<Vec<PathBuf>, AdrError> {
    let mut pending = Pending::default();
    plan_link(&mut pending, dir, from, to, kind)?;
    pending.commit()
}

/// Files read and edited in memory, written together by [`Pending::commit`].
#[derive(Default)]
pub(super) struct Pending {
    /// (path, text as read, text now).
    files: Vec<(PathBuf, String, String)>,
}

impl Pending {
    fn text(&mut self, path: &Path) -> Result<String, AdrError> {
        if let Some((_, _, now)) = self.files.iter().find(|(p, _, _)| p == path) {
            return Ok(now.clone());
        }
        let t = read(path)?;
        self.files.push((path.to_path_buf(), t.clone(), t.clone()));
        Ok(t)
    }

    fn set(&mut self, path: &Path, text: String) {
        if let Some(f) = self.files.iter_mut().find(|(p, _, _)| p == path) {
            f.2 = text;
        }
    }

    /// Writes every changed file atomically; when one fails, the ones written are restored.
    pub(super) fn commit(self) -> Result<Vec<PathBuf>, AdrError> {
        let edits: Vec<Edit> = self
            .files
            .into_iter()
            .filter(|(_, before, now)| before != now)
            .map(|(p, _, now)| Edit::of(&p, now))
            .collect::<Result<_, _>>()?;
        let mut applied: Vec<&Edit> = Vec::new();
        for edit in &edits {
            if let Err(e) = write::replace_atomic(&edit.target, &edit.new) {
                let not_restored: Vec<String> = applied
                    .iter()
                    .rev()
                    .filter(|d| write::replace_atomic(&d.target, &d.original).is_err())
                    .map(|d| d.path.display().to_string())
                    .collect();
                if not_restored.is_empty() {
                    return Err(e);
                }
                return Err(AdrError::Failed(format!(
                    "{e}; {} was already changed and could not be restored: check it by hand",
                    not_restored.join(", ")
                )));
            }
            applied.push(edit);
        }
        Ok(edits.into_iter().map(|e| e.path).collect())
    }
}

/// Plans the two sides of a link in `pending`.
pub(super) fn plan_link(
    pending: &mut Pending,
    dir: &Path,
    from: &Existing,
    to: &Existing,
    kind: LinkKind,
) -> Result<(), AdrError> {
    if from.path == to.path {
        return Err(AdrError::Invalid(format!(
            "cannot link {} to itself; name two different ADRs",
            from.file_name()
        )));
    }
    // Only the supersede labels have two spellings; each question reads every ADR's head.
    let spelling = if kind == LinkKind::Supersedes && uses_adr_tools_spelling(dir) {
        Spelling::AdrTools
    } else {
        Spelling::Correct
    };
    let from_text = pending.text(&from.path)?;
    let to_text = pending.text(&to.path)?;
    let from_target = LinkTarget::of(&parse_entry(&from.path, &from_text));
    let to_target = LinkTarget::of(&parse_entry(&to.path, &to_text));
    let to_new = if kind == LinkKind::Supersedes {
        let keep_word = keeps_superseded_word(dir);
        match amend::mark_superseded(&to.path, &to_text, &from_target, spelling, keep_word)? {
            Marked::Changed(t) => Some(t),
            Marked::Unchanged => None,
            Marked::ByAnother(line) => {
                return Err(AdrError::Invalid(format!(
                    "{} is already superseded (\"{line}\"); supersede the newer ADR instead; nothing was written",
                    to.path.display()
                )));
            }
        }
    } else {
        amend::add_link(&to.path, &to_text, kind.inverse(), &from_target, spelling)?
    };
    let from_new = amend::add_link(&from.path, &from_text, kind, &to_target, spelling)?;
    if let Some(t) = from_new {
        pending.set(&from.path, t);
    }
    if let Some(t) = to_new {
        pending.set(&to.path, t);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_are_checked_against_the_lifecycle() {
        assert_eq!(check_status(" Accepted ").unwrap(), "accepted");
        assert_eq!(check_status("draft").unwrap(), "draft");
        assert_eq!(
            check_status("maybe").unwrap_err().to_string(),
            "status \"maybe\" is not one of the lifecycle's: draft, proposed, accepted, rejected, deprecated, superseded"
        );
        assert!(check_status("").is_err());
    }

    #[test]
    fn linking_writes_both_sides_once() {
        let dir = tempfile::tempdir().unwrap();
        let w = |n: &str, t: &str| std::fs::write(dir.path().join(n), t).unwrap();
        w(
            "0001-a.md",
            "# 1. A\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nX.\n",
        );
        w(
            "0002-b.md",
            "# 2. B\n\nDate: 2026-01-02\n\n## Status\n\nAccepted\n\n## Context\n\nY.\n",
        );
        let changed = link(dir.path(), "2", "1", LinkChoice::Supersedes).unwrap();
        assert_eq!(changed.len(), 2);
        let a = std::fs::read_to_string(dir.path().join("0001-a.md")).unwrap();
        let b = std::fs::read_to_string(dir.path().join("0002-b.md")).unwrap();
        assert!(a.contains("## Status\n\nSuperseded by [2. B](0002-b.md)\n\n## Context"));
        assert!(b.contains("Accepted\n\nSupersedes [1. A](0001-a.md)\n\n## Context"));
        assert!(
            link(dir.path(), "2", "1", LinkChoice::Supersedes)
                .unwrap()
                .is_empty()
        );
        let e = link(dir.path(), "1", "1", LinkChoice::Relates).unwrap_err();
        assert_eq!(
            e.to_string(),
            "cannot link 0001-a.md to itself; name two different ADRs"
        );
    }
}
