//! Export orchestration: previewing an ADR as it would be written, and writing one ADR per
//! decision of a session, numbered, linked to each other, optionally superseding an existing
//! one. Takes the directory lock, retries on a name taken by another writer, and undoes its
//! own files when a later step fails.

use std::path::{Path, PathBuf};

use super::amend::{superseded_content, with_link};
use super::existing::{find_existing, read_existing, uses_adr_tools_spelling};
use super::render::{self, Placement};
use super::{AdrError, Dialect, Link, LinkKind, RecordMeta, Spelling, Target, write};
use crate::report::DecisionReport;

/// The Markdown that [`export`] would write now (the number it would get included), for
/// previews and for printing to stdout.
pub fn preview(
    report: &DecisionReport,
    meta: &RecordMeta,
    target: &Target,
) -> Result<String, AdrError> {
    meta.check()?;
    let number = if target.dir.is_dir() {
        write::next_number(&target.dir, target.adrs_front_matter)?
    } else {
        1
    };
    let links = related_links(meta)?;
    Ok(render::render(
        report,
        meta,
        target.dialect,
        &Placement {
            number: Some(number),
            adrs_front_matter: target.adrs_front_matter,
            spelling: None,
            links: &links,
            style: Some(&target.style),
        },
    ))
}

/// Renders a decision without a repository: number 1, no links.
pub fn render_standalone(report: &DecisionReport, meta: &RecordMeta, dialect: Dialect) -> String {
    render::render(report, meta, dialect, &Placement::default())
}

/// The session's earlier ADRs that can be linked and amended: regular files (not symlinks)
/// directly inside the ADR directory. A renamed or deleted ADR, or a path outside the directory
/// (a hand-edited session), is left out with a warning, so it never blocks this export and is
/// never rewritten.
pub fn usable_related(related: &[PathBuf], dir: &Path) -> (Vec<PathBuf>, Vec<String>) {
    let canonical_dir = dir.canonicalize().ok();
    let mut ok = Vec::new();
    let mut warnings = Vec::new();
    for p in related {
        let regular = p.symlink_metadata().is_ok_and(|m| m.is_file());
        if !regular {
            warnings.push(format!(
                "the earlier ADR {} is missing (renamed or deleted?); it is not linked",
                p.display()
            ));
            continue;
        }
        let inside = canonical_dir.is_some()
            && p.canonicalize()
                .ok()
                .and_then(|c| c.parent().map(Path::to_path_buf))
                == canonical_dir;
        if !inside {
            warnings.push(format!(
                "the earlier ADR {} is outside the ADR directory {}; it is not linked or changed",
                p.display(),
                dir.display()
            ));
            continue;
        }
        ok.push(p.clone());
    }
    (ok, warnings)
}

fn related_links(meta: &RecordMeta) -> Result<Vec<Link>, AdrError> {
    meta.related
        .iter()
        .map(|p| {
            let e = read_existing(p)?;
            Ok(Link {
                kind: LinkKind::RelatesTo,
                number: e.number,
                title: e.title.clone(),
                file: e.file_name(),
            })
        })
        .collect()
}

/// What an export did to the repository: the ADR files it created, and the existing files it
/// changed (back-links in related ADRs, a superseded mark, an ADR rewritten in place). Both are
/// shown to the user, so no edit is silent.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Exported {
    pub written: Vec<PathBuf>,
    pub changed: Vec<PathBuf>,
}

impl Exported {
    /// The ADR of the (first) decision: the new file, or the one updated in place.
    pub fn main_path(&self) -> Option<&PathBuf> {
        self.written.first().or_else(|| self.changed.first())
    }
}

/// Writes one ADR.
pub fn export(
    report: &DecisionReport,
    meta: &RecordMeta,
    target: &Target,
) -> Result<Exported, AdrError> {
    export_all(&[(report, meta)], target, None)
}

/// Rewrites `path`, the ADR written earlier for this decision, in place: same file name and
/// number, new content (a typo fixed, a weight changed). Nothing else is touched.
pub fn update_in_place(
    report: &DecisionReport,
    meta: &RecordMeta,
    target: &Target,
    path: &Path,
) -> Result<Exported, AdrError> {
    meta.check()?;
    let dir = path.parent().unwrap_or(&target.dir);
    let _lock = write::DirLock::acquire(dir)?;
    let existing = read_existing(path)?;
    let links = related_links(meta)?;
    let text = render::render(
        report,
        meta,
        target.dialect,
        &Placement {
            number: existing.number,
            adrs_front_matter: target.adrs_front_matter,
            spelling: None,
            links: &links,
            style: Some(&target.style),
        },
    );
    write::replace_atomic(path, &text)?;
    Ok(Exported {
        written: Vec::new(),
        changed: vec![path.to_path_buf()],
    })
}

/// Writes one ADR per decision, consecutively numbered and linked to each other; with
/// `supersedes`, the first one supersedes that existing ADR, whose status is rewritten
/// atomically. Every edit of an existing file is prepared before anything is written; if one
/// fails, the edits made are undone and the new files removed (nothing was written), and if
/// undoing fails too, the error names every file written or changed.
pub fn export_all(
    items: &[(&DecisionReport, &RecordMeta)],
    target: &Target,
    supersedes: Option<&str>,
) -> Result<Exported, AdrError> {
    let slugs: Vec<String> = items
        .iter()
        .map(|(_, meta)| meta.check())
        .collect::<Result<_, _>>()?;
    let dir = &target.dir;
    if supersedes.is_some() && !dir.is_dir() {
        return Err(AdrError::Invalid(format!(
            "--supersedes: the ADR directory {} does not exist",
            dir.display()
        )));
    }
    write::ensure_dir(dir)?;
    let _lock = write::DirLock::acquire(dir)?;
    write::remove_stale_temps(dir);
    // The dialect is decided again under the lock: another process may have written the first
    // ADR into this (new) directory since `locate` looked, and every ADR of a directory must
    // share one dialect.
    let mut target = target.clone();
    if let Some((d, front_matter)) = super::locate::detect_dialect(dir) {
        target.dialect = d;
        target.adrs_front_matter |= front_matter;
    }
    let target = &target;
    let old = supersedes
        .map(|which| find_existing(dir, which))
        .transpose()?;
    let spelling = if old.is_some() && uses_adr_tools_spelling(dir) {
        Spelling::AdrTools
    } else {
        Spelling::Correct
    };

    let mut previous: Option<Vec<(Option<u32>, String)>> = None;
    loop {
        let first = write::next_number(dir, target.adrs_front_matter)?;
        let names: Vec<(Option<u32>, String)> = slugs
            .iter()
            .enumerate()
            .map(|(i, slug)| match target.dialect {
                Dialect::Log4brains => Ok((None, log4brains_name(dir, &items[i].1.date, slug, i))),
                _ => {
                    let n = u32::try_from(i)
                        .ok()
                        .and_then(|i| first.checked_add(i))
                        .filter(|n| *n <= write::MAX_NUMBER)
                        .ok_or_else(|| {
                            AdrError::Failed(format!(
                                "cannot number the next ADR in {}: the numbers run past {}",
                                dir.display(),
                                write::MAX_NUMBER
                            ))
                        })?;
                    Ok((Some(n), format!("{n:04}-{slug}.md")))
                }
            })
            .collect::<Result<_, AdrError>>()?;
        // A name that is taken although the numbering moved on (or did not move: a file this
        // program does not count, a dangling symlink) cannot be cured by retrying.
        if previous.as_ref() == Some(&names) {
            return Err(AdrError::Failed(format!(
                "cannot create {}: the name is taken by an entry that is not counted as an ADR (a dangling symlink or an oddly named file?); rename or remove it; nothing was written",
                dir.join(&names[0].1).display()
            )));
        }
        previous = Some(names.clone());
        let contents: Vec<String> = (0..items.len())
            .map(|i| {
                let (report, meta) = items[i];
                let mut links = Vec::new();
                if i == 0
                    && let Some(o) = &old
                {
                    links.push(Link {
                        kind: LinkKind::Supersedes,
                        number: o.number,
                        title: o.title.clone(),
                        file: o.file_name(),
                    });
                }
                links.extend(related_links(meta)?);
                for (j, (n, name)) in names.iter().enumerate() {
                    if j != i {
                        links.push(Link {
                            kind: LinkKind::RelatesTo,
                            number: *n,
                            title: items[j].1.title.clone(),
                            file: name.clone(),
                        });
                    }
                }
                Ok(render::render(
                    report,
                    meta,
                    target.dialect,
                    &Placement {
                        number: names[i].0,
                        adrs_front_matter: target.adrs_front_matter,
                        spelling: Some(spelling),
                        links: &links,
                        style: Some(&target.style),
                    },
                ))
            })
            .collect::<Result<_, AdrError>>()?;
        // Every edit of an existing file is prepared (read) before anything is written, with
        // the file's text as it was, so a failed edit can be undone.
        let mut edits: Vec<Edit> = Vec::new();
        for (i, (_, meta)) in items.iter().enumerate() {
            for related in &meta.related {
                let link = Link {
                    kind: LinkKind::RelatesTo,
                    number: names[i].0,
                    title: meta.title.clone(),
                    file: names[i].1.clone(),
                };
                if let Some(text) = with_link(related, &link)? {
                    edits.push(Edit::of(related, text)?);
                }
            }
        }
        let rewrite = match &old {
            Some(o) => Some(superseded_content(
                o,
                names[0].0,
                &items[0].1.title,
                &names[0].1,
                spelling,
            )?),
            None => None,
        };

        if let (Some(o), Some(text)) = (&old, rewrite) {
            // Written through a symlink to its target, with the old file's permissions.
            edits.insert(0, Edit::of(&o.path, text)?);
        }

        let mut written: Vec<PathBuf> = Vec::new();
        let mut collided = false;
        for ((_, name), content) in names.iter().zip(&contents) {
            match write::create_exclusive(dir, name, content) {
                Ok(true) => written.push(dir.join(name)),
                Ok(false) => {
                    collided = true;
                    break;
                }
                Err(e) => {
                    remove_all(&written);
                    return Err(e);
                }
            }
        }
        if collided {
            // Another writer (not holding our lock) took a name: undo and take the next numbers.
            remove_all(&written);
            continue;
        }
        // The superseded ADR, then the earlier ADRs of the session linking back to the new
        // ones (so the links go both ways). On a failure, the edits made so far are undone and
        // the new files removed: nothing was written. If undoing fails too, the message says
        // exactly which files were written or changed.
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
                    remove_all(&written);
                    return Err(e);
                }
                let names: Vec<String> = written.iter().map(|p| p.display().to_string()).collect();
                return Err(AdrError::Failed(format!(
                    "the ADR was written ({}) and {} changed, but updating {} failed: {e}; undoing the change to {} failed too, so the ADR stays; export again only after checking those files",
                    names.join(", "),
                    not_restored.join(", "),
                    edit.path.display(),
                    not_restored.join(", ")
                )));
            }
            applied.push(edit);
        }
        let mut changed: Vec<PathBuf> = Vec::new();
        for e in &edits {
            if !changed.contains(&e.path) {
                changed.push(e.path.clone());
            }
        }
        return Ok(Exported { written, changed });
    }
}

/// A prepared edit of an existing ADR: the path given, the file actually written (a symlink's
/// target, so the link stays a link), its text before and after.
pub(super) struct Edit {
    pub(super) path: PathBuf,
    pub(super) target: PathBuf,
    pub(super) original: String,
    pub(super) new: String,
}

impl Edit {
    pub(super) fn of(path: &Path, new: String) -> Result<Edit, AdrError> {
        let target = path.canonicalize().map_err(|e| {
            AdrError::Failed(format!(
                "cannot resolve {}: {}",
                path.display(),
                super::error::plain_io(&e)
            ))
        })?;
        let meta = std::fs::metadata(&target).map_err(|e| {
            AdrError::Failed(format!(
                "cannot read {}: {}",
                path.display(),
                super::error::plain_io(&e)
            ))
        })?;
        if meta.permissions().readonly() {
            return Err(AdrError::Invalid(format!(
                "{} is read-only; make it writable (chmod u+w) so it can be updated, or leave it out; nothing was written",
                path.display()
            )));
        }
        let original = crate::fileread::read_text(&target, crate::fileread::ADR_LIMIT)
            .map_err(|e| AdrError::Failed(format!("cannot read {}: {e}", path.display())))?;
        Ok(Edit {
            path: path.to_path_buf(),
            target,
            original,
            new,
        })
    }
}

fn remove_all(paths: &[PathBuf]) {
    for p in paths {
        let _ = std::fs::remove_file(p);
    }
}

/// `YYYYMMDD-slug.md`, made unique with `-2`, `-3`... as log4brains names its files.
pub(super) fn log4brains_name(dir: &Path, date: &str, slug: &str, offset: usize) -> String {
    let day = date.replace('-', "");
    let base = format!("{day}-{slug}");
    let mut n = 1 + offset;
    loop {
        let name = if n == 1 {
            format!("{base}.md")
        } else {
            format!("{base}-{n}.md")
        };
        // `symlink_metadata`: a dangling symlink is taken too (`exists` says it is not, while
        // creating the file there fails, which looped forever).
        if dir.join(&name).symlink_metadata().is_err() {
            return name;
        }
        n += 1;
    }
}
