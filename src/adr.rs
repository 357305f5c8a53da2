//! Architecture Decision Records: rendering a decision in the dialect a repository already uses
//! (MADR 4, Nygard/adr-tools, log4brains, or JSON for tools) and writing it into the repository's
//! ADR directory by the rules of ADR-CONVENTIONS.md, so every ADR tool there reads it.

pub mod locate;
pub mod render;
pub mod write;

use std::path::{Path, PathBuf};

use anyhow::{Result, bail};
use serde::{Deserialize, Serialize};

pub use locate::{Spelling, Target, locate};
use render::Placement;
use write::Existing;

use crate::report::DecisionReport;
use crate::session::RecordDraft;

/// The ADR formats we write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Dialect {
    /// MADR 4: YAML front matter, `# Title`.
    Madr,
    /// Michael Nygard's format as adr-tools and `adrs` write it: `# N. Title`, `Date:`, `## Status`.
    Nygard,
    /// log4brains: `# Title` then a `- Status:` bullet list; files named `YYYYMMDD-slug.md`.
    Log4brains,
    /// The decision object, for tools.
    Json,
}

impl Dialect {
    pub fn name(self) -> &'static str {
        match self {
            Dialect::Madr => "MADR",
            Dialect::Nygard => "Nygard (adr-tools)",
            Dialect::Log4brains => "log4brains",
            Dialect::Json => "JSON",
        }
    }
}

/// Statuses of the ADR lifecycle that a new record may start in.
pub const STATUSES: &[&str] = &["proposed", "accepted", "rejected", "deprecated"];

/// What the record says beyond the decision itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordMeta {
    pub title: String,
    pub status: String,
    /// ISO date, `YYYY-MM-DD`.
    pub date: String,
    pub deciders: Vec<String>,
    /// The user's own context text (may hold several lines).
    pub context: String,
    /// ADR files of the same session written earlier, linked from this one.
    pub related: Vec<PathBuf>,
}

impl RecordMeta {
    /// Defaults for a decision: the draft's values where set, else the outcome's suggested
    /// title, "proposed", today's date and `git config user.name`.
    pub fn for_decision(report: &DecisionReport, draft: &RecordDraft) -> RecordMeta {
        RecordMeta::for_decision_in(report, draft, Some(Path::new(".")))
    }

    /// Like [`RecordMeta::for_decision`], asking git in `git_dir` for the decider (or not at
    /// all with `None`, when the caller names the deciders itself).
    pub fn for_decision_in(
        report: &DecisionReport,
        draft: &RecordDraft,
        git_dir: Option<&Path>,
    ) -> RecordMeta {
        let title = draft
            .title
            .clone()
            .filter(|t| !t.trim().is_empty())
            .or_else(|| report.outcome.as_ref().map(|o| o.title.clone()))
            .unwrap_or_else(|| format!("Decide: {}", report.tree_title));
        let deciders = if draft.deciders.is_empty() {
            git_dir.and_then(git_user_name).into_iter().collect()
        } else {
            draft.deciders.clone()
        };
        RecordMeta {
            title,
            status: draft.status.clone().unwrap_or_else(|| "proposed".into()),
            date: today(),
            deciders,
            context: draft.context.clone(),
            related: Vec::new(),
        }
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

/// Today's date (UTC), or `TRADEOFFS_DATE` when set, so rendered files can be reproduced.
pub fn today() -> String {
    if let Ok(d) = std::env::var("TRADEOFFS_DATE")
        && is_iso_date(&d)
    {
        return d;
    }
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let (y, m, d) = civil_from_days((secs / 86_400) as i64);
    format!("{y:04}-{m:02}-{d:02}")
}

/// True for `YYYY-MM-DD` with a plausible month and day.
pub fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && s.chars()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
        && (1..=12).contains(&s[5..7].parse::<u32>().unwrap_or(0))
        && (1..=31).contains(&s[8..10].parse::<u32>().unwrap_or(0))
}

/// Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm), so the crate needs no
/// date library for ADR dates and session timestamps.
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
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

fn check_meta(meta: &RecordMeta) -> Result<String> {
    if !STATUSES.contains(&meta.status.to_lowercase().as_str()) {
        bail!(
            "status \"{}\" is not one of {}",
            meta.status,
            STATUSES.join(", ")
        );
    }
    if !is_iso_date(&meta.date) {
        bail!("date \"{}\" is not an ISO date (YYYY-MM-DD)", meta.date);
    }
    write::check_title(&meta.title)
}

/// The Markdown that [`export`] would write now (the number it would get included), for
/// previews and for printing to stdout.
pub fn render(report: &DecisionReport, meta: &RecordMeta, target: &Target) -> Result<String> {
    check_meta(meta)?;
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
        },
    ))
}

/// Renders a decision without a repository: number 1, no links.
pub fn render_standalone(report: &DecisionReport, meta: &RecordMeta, dialect: Dialect) -> String {
    render::render(report, meta, dialect, &Placement::default())
}

fn related_links(meta: &RecordMeta) -> Result<Vec<Link>> {
    meta.related
        .iter()
        .map(|p| {
            let e = write::read_existing(p)?;
            Ok(Link {
                kind: LinkKind::RelatesTo,
                number: e.number,
                title: e.title.clone(),
                file: e.file_name(),
            })
        })
        .collect()
}

/// Writes one ADR and returns its path.
pub fn export(report: &DecisionReport, meta: &RecordMeta, target: &Target) -> Result<PathBuf> {
    let mut paths = export_all(&[(report, meta)], target, None)?;
    Ok(paths.remove(0))
}

/// Writes one ADR per decision, consecutively numbered and linked to each other; with
/// `supersedes`, the first one supersedes that existing ADR, whose status is rewritten
/// atomically. Either everything is written or nothing is.
pub fn export_all(
    items: &[(&DecisionReport, &RecordMeta)],
    target: &Target,
    supersedes: Option<&str>,
) -> Result<Vec<PathBuf>> {
    if target.dialect == Dialect::Json {
        bail!("ADR files are Markdown; choose --format madr, nygard or log4brains to export");
    }
    let slugs: Vec<String> = items
        .iter()
        .map(|(_, meta)| check_meta(meta))
        .collect::<Result<_>>()?;
    let dir = &target.dir;
    if supersedes.is_some() && !dir.is_dir() {
        bail!(
            "--supersedes: the ADR directory {} does not exist",
            dir.display()
        );
    }
    write::ensure_dir(dir)?;
    let _lock = write::DirLock::acquire(dir)?;
    let old = supersedes
        .map(|which| write::find_existing(dir, which))
        .transpose()?;
    let spelling = if old.is_some() && locate::uses_adr_tools_spelling(dir) {
        Spelling::AdrTools
    } else {
        Spelling::Correct
    };

    loop {
        let first = write::next_number(dir, target.adrs_front_matter)?;
        let names: Vec<(Option<u32>, String)> = slugs
            .iter()
            .enumerate()
            .map(|(i, slug)| match target.dialect {
                Dialect::Log4brains => (None, log4brains_name(dir, &items[i].1.date, slug, i)),
                _ => {
                    let n = first + i as u32;
                    (Some(n), format!("{n:04}-{slug}.md"))
                }
            })
            .collect();
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
                    },
                ))
            })
            .collect::<Result<_>>()?;
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
        if let (Some(o), Some(text)) = (&old, rewrite)
            && let Err(e) = write::replace_atomic(&o.path, &text)
        {
            remove_all(&written);
            return Err(e);
        }
        // Earlier ADRs of the session link back to the new ones, so the links go both ways.
        for (i, (_, meta)) in items.iter().enumerate() {
            for related in &meta.related {
                let link = Link {
                    kind: LinkKind::RelatesTo,
                    number: names[i].0,
                    title: meta.title.clone(),
                    file: names[i].1.clone(),
                };
                if let Some(text) = with_link(related, &link)? {
                    write::replace_atomic(related, &text)?;
                }
            }
        }
        return Ok(written);
    }
}

fn remove_all(paths: &[PathBuf]) {
    for p in paths {
        let _ = std::fs::remove_file(p);
    }
}

/// `YYYYMMDD-slug.md`, made unique with `-2`, `-3`... as log4brains names its files.
fn log4brains_name(dir: &Path, date: &str, slug: &str, offset: usize) -> String {
    let day = date.replace('-', "");
    let base = format!("{day}-{slug}");
    let mut n = 1 + offset;
    loop {
        let name = if n == 1 {
            format!("{base}.md")
        } else {
            format!("{base}-{n}.md")
        };
        if !dir.join(&name).exists() {
            return name;
        }
        n += 1;
    }
}

/// An existing ADR's text with a "Relates to" link to `link` added where its dialect keeps
/// links; `None` when it already links there or its dialect cannot be told.
fn with_link(path: &Path, link: &Link) -> Result<Option<String>> {
    let text = std::fs::read_to_string(path)?;
    if text.contains(&format!("]({})", link.file)) {
        return Ok(None);
    }
    let title = render::md(&link.title);
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let next_heading = |from: usize, prefix: &str| {
        lines
            .iter()
            .skip(from)
            .position(|l| l.starts_with(prefix))
            .map(|p| p + from)
    };
    match locate::classify(&text).map(|(d, _)| d) {
        Some(Dialect::Nygard) => {
            let Some(h) = lines.iter().position(|l| l.trim_end() == "## Status") else {
                return Ok(None);
            };
            let at = next_heading(h + 1, "## ").unwrap_or(lines.len());
            let entry = format!(
                "Relates to [{}. {title}]({})",
                link.number.unwrap_or(0),
                link.file
            );
            lines.splice(at..at, [entry, String::new()]);
        }
        Some(Dialect::Madr) => {
            let entry = format!(
                "* Relates to ADR-{:04} [{title}]({})",
                link.number.unwrap_or(0),
                link.file
            );
            match lines.iter().position(|l| l == "### Related decisions") {
                Some(h) => {
                    let end = next_heading(h + 1, "#").unwrap_or(lines.len());
                    let last_item = (h + 1..end).rev().find(|&i| lines[i].starts_with("* "));
                    let at = last_item.map_or(h + 2, |i| i + 1);
                    lines.insert(at.min(lines.len()), entry);
                }
                None => {
                    let at = lines
                        .iter()
                        .position(|l| l == "### Trade-off graph")
                        .unwrap_or(lines.len());
                    lines.splice(
                        at..at,
                        [
                            "### Related decisions".to_string(),
                            String::new(),
                            entry,
                            String::new(),
                        ],
                    );
                }
            }
        }
        Some(Dialect::Log4brains) => {
            let slug = link.file.trim_end_matches(".md");
            let entry = format!("- Relates to [{}]({})", render::md(slug), link.file);
            match lines.iter().position(|l| l == "## Links") {
                Some(_) => lines.push(entry),
                None => lines.extend([String::new(), "## Links".to_string(), String::new(), entry]),
            }
        }
        _ => return Ok(None),
    }
    Ok(Some(lines.join("\n") + "\n"))
}

/// The old ADR's text with its status changed to "superseded", in its own dialect.
fn superseded_content(
    old: &Existing,
    new_number: Option<u32>,
    new_title: &str,
    new_file: &str,
    spelling: Spelling,
) -> Result<String> {
    let text = std::fs::read_to_string(&old.path)?;
    let dialect = locate::classify(&text).map(|(d, _)| d);
    let link_title = render::md(new_title);
    let out = match dialect {
        Some(Dialect::Nygard) => {
            let label = match spelling {
                Spelling::AdrTools => "Superceded by",
                Spelling::Correct => "Superseded by",
            };
            let link = format!(
                "{label} [{}. {link_title}]({new_file})",
                new_number.unwrap_or(0)
            );
            let lines: Vec<&str> = text.lines().collect();
            let Some(h) = lines.iter().position(|l| l.trim_end() == "## Status") else {
                bail!(
                    "{} has no \"## Status\" section to update",
                    old.path.display()
                );
            };
            let mut out: Vec<String> = lines[..=h].iter().map(|s| s.to_string()).collect();
            let mut rest = lines[h + 1..].iter().peekable();
            while rest.peek().is_some_and(|l| l.trim().is_empty()) {
                rest.next();
            }
            out.push(String::new());
            // A bare status word (Accepted, Proposed...) gives way to the link, as adr-tools does.
            if rest
                .peek()
                .is_some_and(|l| !l.trim().is_empty() && !l.trim().contains(' '))
            {
                rest.next();
            }
            out.push(link);
            out.push(String::new());
            out.extend(rest.map(|s| s.to_string()));
            out.join("\n") + "\n"
        }
        Some(Dialect::Madr) => {
            let status = format!(
                "status: \"superseded by ADR-{:04}\"",
                new_number.unwrap_or(0)
            );
            let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
            let end = lines
                .iter()
                .skip(1)
                .position(|l| l.trim_end() == "---")
                .map(|p| p + 1)
                .unwrap_or(1);
            match lines[1..end].iter().position(|l| l.starts_with("status:")) {
                Some(p) => lines[p + 1] = status,
                None => lines.insert(1, status),
            }
            lines.join("\n") + "\n"
        }
        Some(Dialect::Log4brains) => {
            let slug = new_file.trim_end_matches(".md");
            let status = format!("- Status: superseded by [{slug}]({new_file})");
            let mut done = false;
            let out: Vec<String> = text
                .lines()
                .map(|l| {
                    if !done && l.starts_with("- Status:") {
                        done = true;
                        status.clone()
                    } else {
                        l.to_string()
                    }
                })
                .collect();
            out.join("\n") + "\n"
        }
        _ => bail!(
            "cannot tell the format of {}; mark it superseded by hand",
            old.path.display()
        ),
    };
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(20_418), (2025, 11, 26));
        assert!(is_iso_date("2026-11-26"));
        assert!(!is_iso_date("2026-13-01"));
        assert!(!is_iso_date("26-11-2026"));
    }
}
