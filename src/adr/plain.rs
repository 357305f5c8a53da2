//! A plain ADR, for a decision no tree covers (`tradeoffs adr new "Title"`): the repository's
//! own template when it keeps one (adr-tools' `templates/template.md` with its `NUMBER`,
//! `TITLE`, `DATE`, `STATUS` words; log4brains' `template.md`; MADR's `adr-template.md`), else
//! the dialect's skeleton
//! (MADR 4's sections, adr-tools' Context/Decision/Consequences, log4brains' list and
//! sections), with a prompt in every section for the author to replace. Numbered, named and
//! created exclusively the way exports are, then linked (`--supersedes`, `--link`) to ADRs
//! already there, both sides.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use super::existing::{Existing, find_adr, read_existing};
use super::lifecycle::{Pending, plan_link};
use super::markdown::{md, yaml};
use super::{AdrError, Dialect, RecordMeta, Target, write};
use crate::log::LinkKind;

/// What `adr new` wrote: the new ADR, and the existing ADRs it changed (links back, a
/// superseded status).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlainWritten {
    pub path: PathBuf,
    pub changed: Vec<PathBuf>,
}

/// The metadata of a new plain ADR: its title, "proposed", today's date (or `TRADEOFFS_DATE`);
/// the caller adds deciders and flags.
pub fn plain_meta(title: &str) -> RecordMeta {
    RecordMeta {
        title: title.to_string(),
        date: crate::date::today(),
        ..RecordMeta::default()
    }
}

/// The template file a repository keeps for its dialect, if it has one: adr-tools'
/// `templates/template.md`, log4brains' `template.md`, MADR's `adr-template.md` (the file MADR
/// tells teams to copy beside their ADRs).
fn repository_template(dir: &Path, dialect: Dialect) -> Option<String> {
    let path = match dialect {
        Dialect::Nygard => dir.join("templates/template.md"),
        Dialect::Log4brains => dir.join("template.md"),
        Dialect::Madr => dir.join("adr-template.md"),
    };
    crate::fileread::read_text(&path, crate::fileread::ADR_LIMIT).ok()
}

fn capitalised(word: &str) -> String {
    let mut c = word.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

/// adr-tools' template: the first `NUMBER`, `TITLE`, `DATE` and `STATUS` of each line filled
/// in, as adr-tools' `sed` does.
fn fill_adr_tools(template: &str, number: u32, meta: &RecordMeta) -> String {
    let mut out = String::with_capacity(template.len() + 64);
    for line in template.lines() {
        let line = line
            .replacen("NUMBER", &number.to_string(), 1)
            .replacen("TITLE", &md(&meta.title), 1)
            .replacen("DATE", &meta.date, 1)
            .replacen("STATUS", &capitalised(meta.status.as_str()), 1);
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// log4brains' template: its H1 and its `- Status:`, `- Date:` and (when given) `- Deciders:`
/// lines filled in; everything else as the template has it.
fn fill_log4brains(template: &str, meta: &RecordMeta) -> String {
    let mut out = String::with_capacity(template.len() + 64);
    let mut titled = false;
    for line in template.lines() {
        let key = line
            .strip_prefix("- ")
            .and_then(|r| r.split_once(':'))
            .map(|(k, _)| k.trim().to_lowercase());
        let filled = match key.as_deref() {
            _ if !titled && line.starts_with("# ") => {
                titled = true;
                format!("# {}", md(&meta.title))
            }
            Some("status") => format!("- Status: {}", meta.status),
            Some("date") => format!("- Date: {}", meta.date),
            Some("deciders") if !meta.deciders.is_empty() => {
                format!("- Deciders: {}", people(&meta.deciders))
            }
            _ => line.to_string(),
        };
        out.push_str(&filled);
        out.push('\n');
    }
    out
}

/// MADR's `adr-template.md`: its front matter's `status`, `date`, `decision-makers`,
/// `consulted` and `informed` set (placeholders such as `{YYYY-MM-DD ...}` would not be valid
/// YAML), `number:` and `title:` added for `adrs`, its first H1 the title; everything else as
/// the template has it.
fn fill_madr(template: &str, adrs_front_matter: bool, number: u32, meta: &RecordMeta) -> String {
    let list = |v: &[String]| {
        let items: Vec<String> = v.iter().map(|d| yaml(d)).collect();
        format!("[{}]", items.join(", "))
    };
    let mut keys: Vec<(&str, String)> = Vec::new();
    if adrs_front_matter {
        keys.push(("number", number.to_string()));
        keys.push(("title", yaml(&meta.title)));
    }
    keys.push(("status", yaml(meta.status.as_str())));
    keys.push(("date", meta.date.clone()));
    keys.push(("decision-makers", list(&meta.deciders)));
    keys.push(("consulted", list(&meta.consulted)));
    keys.push(("informed", list(&meta.informed)));
    let lines: Vec<&str> = template.lines().collect();
    let fm_end = (lines.first().map(|l| l.trim_end()) == Some("---"))
        .then(|| (1..lines.len()).find(|&i| lines[i].trim_end() == "---"))
        .flatten();
    let mut out: Vec<String> = vec!["---".to_string()];
    let body_from = match fm_end {
        Some(end) => {
            let mut i = 1;
            let mut done: Vec<&str> = Vec::new();
            while i < end {
                let line = lines[i];
                let key = line.split_once(':').map(|(k, _)| k.trim());
                match key.and_then(|k| keys.iter().find(|(name, _)| *name == k)) {
                    Some((name, value)) if !line.starts_with([' ', '\t', '-']) => {
                        out.push(format!("{name}: {value}"));
                        done.push(name);
                        // The placeholder's continuation lines (a YAML list) go with it.
                        i += 1;
                        while i < end && lines[i].starts_with([' ', '\t', '-']) {
                            i += 1;
                        }
                        continue;
                    }
                    _ => out.push(line.to_string()),
                }
                i += 1;
            }
            // Keys the template lacks: `number`/`title` first (as adrs writes them), the rest
            // at the end.
            let missing = |first: bool| -> Vec<String> {
                keys.iter()
                    .filter(|(name, _)| !done.contains(name))
                    .filter(|(name, _)| matches!(*name, "number" | "title") == first)
                    .map(|(name, value)| format!("{name}: {value}"))
                    .collect()
            };
            let (head, tail) = (missing(true), missing(false));
            out.extend(tail);
            out.splice(1..1, head);
            end + 1
        }
        None => {
            out.extend(keys.iter().map(|(name, value)| format!("{name}: {value}")));
            out.push(String::new());
            0
        }
    };
    out.push("---".to_string());
    let mut titled = false;
    for line in &lines[body_from.min(lines.len())..] {
        if !titled && line.starts_with("# ") {
            titled = true;
            out.push(format!("# {}", md(&meta.title)));
        } else {
            out.push((*line).to_string());
        }
    }
    out.join("\n") + "\n"
}

fn people(names: &[String]) -> String {
    names.iter().map(|n| md(n)).collect::<Vec<_>>().join(", ")
}

/// The new ADR's Markdown in `dialect` (`adrs_front_matter`: with `number:` and `title:`), from
/// the repository's `template` when it has one.
pub fn plain_text(
    dialect: Dialect,
    adrs_front_matter: bool,
    number: Option<u32>,
    meta: &RecordMeta,
    template: Option<&str>,
) -> String {
    let n = number.unwrap_or(1);
    let title = md(&meta.title);
    let mut s = String::new();
    match (dialect, template) {
        (Dialect::Nygard, Some(t)) => return fill_adr_tools(t, n, meta),
        (Dialect::Log4brains, Some(t)) => return fill_log4brains(t, meta),
        (Dialect::Madr, Some(t)) => return fill_madr(t, adrs_front_matter, n, meta),
        (Dialect::Nygard, None) => {
            let _ = write!(
                s,
                "# {n}. {title}\n\nDate: {}\n\n## Status\n\n{}\n\n\
                 ## Context\n\nThe issue motivating this decision, and any context that influences or constrains it.\n\n\
                 ## Decision\n\nThe change that we propose or have agreed to make.\n\n\
                 ## Consequences\n\nWhat becomes easier or more difficult because of this change, and the risks to watch.\n",
                meta.date,
                capitalised(meta.status.as_str())
            );
        }
        (Dialect::Log4brains, None) => {
            let deciders = if meta.deciders.is_empty() {
                "[list everyone involved in the decision]".to_string()
            } else {
                people(&meta.deciders)
            };
            let _ = write!(
                s,
                "# {title}\n\n- Status: {}\n- Deciders: {deciders}\n- Date: {}\n\n\
                 ## Context and Problem Statement\n\n[Describe the context and the problem in two or three sentences, or as a question.]\n\n\
                 ## Decision Drivers\n\n- [a force or concern that shapes the decision]\n\n\
                 ## Considered Options\n\n- [option 1]\n- [option 2]\n\n\
                 ## Decision Outcome\n\nChosen option: \"[option 1]\", because [justification].\n\n\
                 ### Positive Consequences\n\n- [an improvement this brings]\n\n\
                 ### Negative Consequences\n\n- [a cost or risk this brings]\n\n\
                 ## Pros and Cons of the Options\n\n### [option 1]\n\n- Good, because [argument]\n- Bad, because [argument]\n\n\
                 ### [option 2]\n\n- Good, because [argument]\n- Bad, because [argument]\n",
                meta.status, meta.date
            );
        }
        (Dialect::Madr, None) => {
            let list = |v: &[String]| {
                let items: Vec<String> = v.iter().map(|d| yaml(d)).collect();
                format!("[{}]", items.join(", "))
            };
            s.push_str("---\n");
            if adrs_front_matter {
                let _ = writeln!(s, "number: {n}");
                let _ = writeln!(s, "title: {}", yaml(&meta.title));
            }
            let _ = writeln!(s, "status: {}", yaml(meta.status.as_str()));
            let _ = writeln!(s, "date: {}", meta.date);
            let _ = writeln!(s, "decision-makers: {}", list(&meta.deciders));
            let _ = writeln!(s, "consulted: {}", list(&meta.consulted));
            let _ = writeln!(s, "informed: {}", list(&meta.informed));
            let _ = write!(
                s,
                "---\n\n# {title}\n\n\
                 ## Context and Problem Statement\n\n{{Describe the context and the problem in two or three sentences, or as a question.}}\n\n\
                 ## Decision Drivers\n\n* {{a force or concern that shapes the decision}}\n\n\
                 ## Considered Options\n\n* {{option 1}}\n* {{option 2}}\n\n\
                 ## Decision Outcome\n\nChosen option: \"{{option 1}}\", because {{justification}}.\n\n\
                 ### Consequences\n\n* Good, because {{a positive consequence}}\n* Bad, because {{a negative consequence}}\n\n\
                 ### Confirmation\n\n{{How the team will know the decision is carried out and still holds: a review, a test, a fitness function.}}\n\n\
                 ## Pros and Cons of the Options\n\n### {{option 1}}\n\n* Good, because {{argument}}\n* Bad, because {{argument}}\n\n\
                 ### {{option 2}}\n\n* Good, because {{argument}}\n* Bad, because {{argument}}\n\n\
                 ## More Information\n\n{{Evidence, the team's agreement, when to revisit this decision.}}\n"
            );
        }
    }
    s
}

/// Writes a plain ADR into the target directory: the next number (log4brains: a dated name),
/// created exclusively under the directory lock, then linked to `links` (kind, number or file
/// name of an existing ADR), both sides. The links are resolved before anything is written;
/// when linking fails the new file is removed again and the other files restored.
pub fn new_plain(
    target: &Target,
    meta: &RecordMeta,
    links: &[(LinkKind, String)],
) -> Result<PlainWritten, AdrError> {
    let slug = meta.check()?;
    let dir = &target.dir;
    if !links.is_empty() && !dir.is_dir() {
        return Err(AdrError::Invalid(format!(
            "{}: the ADR directory {} does not exist",
            flag(links[0].0),
            dir.display()
        )));
    }
    write::ensure_dir(dir)?;
    let _lock = write::DirLock::acquire(dir)?;
    write::remove_stale_temps(dir);
    let mut target = target.clone();
    if let Some((d, front_matter)) = super::locate::detect_dialect(dir) {
        target.dialect = d;
        target.adrs_front_matter |= front_matter;
    }
    let others: Vec<(LinkKind, Existing)> = links
        .iter()
        .map(|(kind, which)| {
            find_adr(dir, which, &format!("{} {which}", flag(*kind))).map(|e| (*kind, e))
        })
        .collect::<Result<_, _>>()?;
    let template = repository_template(dir, target.dialect);
    let mut previous: Option<String> = None;
    let path = loop {
        let (number, name) = match target.dialect {
            Dialect::Log4brains => (
                None,
                super::export::log4brains_name(dir, &meta.date, &slug, 0),
            ),
            _ => {
                let n = write::next_number(dir, target.adrs_front_matter)?;
                (Some(n), format!("{n:04}-{slug}.md"))
            }
        };
        if previous.as_ref() == Some(&name) {
            return Err(AdrError::Failed(format!(
                "cannot create {}: the name is taken by an entry that is not counted as an ADR (a dangling symlink or an oddly named file?); rename or remove it; nothing was written",
                dir.join(&name).display()
            )));
        }
        let mut text = plain_text(
            target.dialect,
            target.adrs_front_matter,
            number,
            meta,
            template.as_deref(),
        );
        if template.is_none() {
            // The skeleton in the house style, as exports are (a repository's own template
            // already is).
            text = super::restyle::restyle(
                &text,
                target.dialect,
                target.adrs_front_matter,
                &target.style,
                super::restyle::Facts {
                    status: meta.status.as_str(),
                    date: &meta.date,
                    tag: "",
                },
            );
        }
        if write::create_exclusive(dir, &name, &text)? {
            break dir.join(&name);
        }
        previous = Some(name);
    };
    let linked = (|| {
        let new = read_existing(&path)?;
        let mut pending = Pending::default();
        for (kind, other) in &others {
            plan_link(&mut pending, dir, &new, other, *kind)?;
        }
        pending.commit()
    })();
    match linked {
        Ok(changed) => Ok(PlainWritten {
            changed: changed.into_iter().filter(|p| *p != path).collect(),
            path,
        }),
        Err(e) => {
            let _ = std::fs::remove_file(&path);
            Err(e)
        }
    }
}

fn flag(kind: LinkKind) -> &'static str {
    if kind == LinkKind::Supersedes {
        "--supersedes"
    } else {
        "--link"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::adr::Status;

    fn meta() -> RecordMeta {
        RecordMeta {
            title: "Use *Rust*".into(),
            status: Status::Accepted,
            date: "2026-01-02".into(),
            deciders: vec!["Ada".into()],
            ..RecordMeta::default()
        }
    }

    #[test]
    fn each_dialect_reads_back_as_that_dialect_with_its_fields() {
        use crate::log::{LogDialect, parse_entry};
        for (dialect, fm, name, want) in [
            (Dialect::Madr, false, "0003-use-rust.md", LogDialect::Madr),
            (Dialect::Madr, true, "0003-use-rust.md", LogDialect::Adrs),
            (
                Dialect::Nygard,
                false,
                "0003-use-rust.md",
                LogDialect::Nygard,
            ),
            (
                Dialect::Log4brains,
                false,
                "20260102-use-rust.md",
                LogDialect::Log4brains,
            ),
        ] {
            let text = plain_text(dialect, fm, Some(3), &meta(), None);
            let e = parse_entry(Path::new(name), &text);
            assert_eq!(e.dialect, Some(want), "{text}");
            // `adrs` reads the title from its front-matter key, which is YAML, not Markdown.
            let title = if fm { "Use *Rust*" } else { "Use \\*Rust\\*" };
            assert_eq!(e.title_text(), title, "{text}");
            assert_eq!(e.status_text(), "accepted");
            assert_eq!(e.date.as_ref().unwrap().value, "2026-01-02");
            assert!(e.problem.is_none());
            if dialect != Dialect::Log4brains {
                assert_eq!(e.number, Some(3));
            }
        }
        let nygard = plain_text(Dialect::Nygard, false, Some(3), &meta(), None);
        assert!(nygard.starts_with(
            "# 3. Use \\*Rust\\*\n\nDate: 2026-01-02\n\n## Status\n\nAccepted\n\n## Context\n"
        ));
    }

    #[test]
    fn the_repositorys_own_templates_are_filled_in() {
        let t = "# NUMBER. TITLE\n\nDate: DATE\n\n## Status\n\nSTATUS\n\n## Context\n\nOurs.\n";
        assert_eq!(
            plain_text(Dialect::Nygard, false, Some(7), &meta(), Some(t)),
            "# 7. Use \\*Rust\\*\n\nDate: 2026-01-02\n\n## Status\n\nAccepted\n\n## Context\n\nOurs.\n"
        );
        let t = "---\nstatus: \"{proposed | accepted}\"\ndate: {YYYY-MM-DD}\ndecision-makers:\n  - {someone}\ntags: [db]\n---\n\n# {short title}\n\n## Context and Problem Statement\n\n{Ours.}\n";
        assert_eq!(
            plain_text(Dialect::Madr, false, Some(4), &meta(), Some(t)),
            "---\nstatus: \"accepted\"\ndate: 2026-01-02\ndecision-makers: [\"Ada\"]\ntags: [db]\nconsulted: []\ninformed: []\n---\n\n# Use \\*Rust\\*\n\n## Context and Problem Statement\n\n{Ours.}\n"
        );
        assert!(
            plain_text(Dialect::Madr, true, Some(4), &meta(), Some(t))
                .starts_with("---\nnumber: 4\ntitle: \"Use *Rust*\"\nstatus: \"accepted\"\n")
        );
        let t = "# [short title]\n\n- Status: [draft | proposed] <!-- optional -->\n- Deciders: [list] <!-- optional -->\n- Date: [YYYY-MM-DD] <!-- optional -->\n\n## Context\n";
        assert_eq!(
            plain_text(Dialect::Log4brains, false, None, &meta(), Some(t)),
            "# Use \\*Rust\\*\n\n- Status: accepted\n- Deciders: Ada\n- Date: 2026-01-02\n\n## Context\n"
        );
    }
}
