//! Checks of a decision log for CI: each finding names a file, a line, a rule and what to do.
//! Stricter than `adrs doctor` (which skips files it cannot parse and never looks at other
//! branches), never noisier on a log that adr-tools, adrs or log4brains wrote: a rule fires
//! only on something those tools would also get wrong (a skipped file, a reused number, a link
//! to nowhere, an index that leaves ADRs out).

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use serde::Serialize;

use super::branches::BranchFile;
use super::entry::{DecisionLog, Entry, LinkKind, LogDialect};
use super::index::IndexPlan;

/// The rules, by the name printed in each finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rule {
    /// A file in the ADR directory that cannot be read as an ADR.
    Unparseable,
    /// Two files with one number.
    DuplicateNumber,
    /// Numbers missing between two ADRs.
    Gap,
    /// A status that is not one of the lifecycle's words, or none where the format needs one.
    UnknownStatus,
    /// A relative link to a file that does not exist, or to an ADR number not in the log.
    BrokenLink,
    /// "Supersedes" without "superseded by" on the other side, or the reverse.
    OneSidedSupersede,
    /// The index lists other ADRs than the directory holds (or, where tradeoffs manages it,
    /// differs from what `tradeoffs log index` writes).
    StaleIndex,
    /// A number this checkout uses for one ADR and another branch for a different one.
    NumberOnBranch,
}

impl Rule {
    pub fn as_str(self) -> &'static str {
        match self {
            Rule::Unparseable => "unparseable",
            Rule::DuplicateNumber => "duplicate-number",
            Rule::Gap => "gap",
            Rule::UnknownStatus => "unknown-status",
            Rule::BrokenLink => "broken-link",
            Rule::OneSidedSupersede => "one-sided-supersede",
            Rule::StaleIndex => "stale-index",
            Rule::NumberOnBranch => "number-on-branch",
        }
    }
}

impl std::fmt::Display for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub path: PathBuf,
    pub line: usize,
    pub rule: Rule,
    pub message: String,
}

/// Runs every rule. `index` is the log's index plan (`None` to skip the index), `branches`
/// the ADR files on other branches (empty without git), `allowed` statuses the team uses
/// beyond [`super::KNOWN_STATUSES`] (MADR's own log says "on hold"), in any case.
pub fn lint(
    log: &DecisionLog,
    index: Option<&IndexPlan>,
    branches: &[BranchFile],
    allowed: &[String],
) -> Vec<Finding> {
    let mut out = Vec::new();
    let next_free = log
        .entries
        .iter()
        .filter_map(|e| e.number)
        .chain(branches.iter().map(|b| b.number))
        .max()
        .map_or(1, |n| n.saturating_add(1));
    unparseable(log, &mut out);
    duplicates(log, next_free, &mut out);
    gaps(log, branches, &mut out);
    statuses(log, allowed, &mut out);
    links(log, &mut out);
    supersedes(log, &mut out);
    if let Some(plan) = index {
        stale_index(plan, &mut out);
    }
    on_branches(log, branches, next_free, &mut out);
    out.sort_by(|a, b| (&a.path, a.line, a.rule).cmp(&(&b.path, b.line, b.rule)));
    out
}

fn finding(e: &Entry, line: usize, rule: Rule, message: String) -> Finding {
    Finding {
        path: e.path.clone(),
        line,
        rule,
        message,
    }
}

fn unparseable(log: &DecisionLog, out: &mut Vec<Finding>) {
    for e in &log.entries {
        if let Some(p) = &e.problem {
            out.push(finding(
                e,
                p.line,
                Rule::Unparseable,
                format!(
                    "not readable as an ADR: {}; ADR tools skip such files and may reuse its number",
                    p.value
                ),
            ));
        }
    }
}

fn duplicates(log: &DecisionLog, next_free: u32, out: &mut Vec<Finding>) {
    let mut by_number: BTreeMap<u32, Vec<&Entry>> = BTreeMap::new();
    for e in &log.entries {
        if let Some(n) = e.number {
            by_number.entry(n).or_default().push(e);
        }
    }
    for (n, es) in by_number {
        for e in es.iter().skip(1) {
            out.push(finding(
                e,
                e.number_line.unwrap_or(1),
                Rule::DuplicateNumber,
                format!(
                    "number {n:04} is also used by {}; renumber one of them (the next free number is {next_free:04})",
                    es[0].file
                ),
            ));
        }
    }
}

fn gaps(log: &DecisionLog, branches: &[BranchFile], out: &mut Vec<Finding>) {
    let mut numbered: Vec<&Entry> = log.entries.iter().filter(|e| e.number.is_some()).collect();
    numbered.sort_by_key(|e| e.number);
    for pair in numbered.windows(2) {
        let (a, b) = (pair[0].number.unwrap_or(0), pair[1].number.unwrap_or(0));
        if b <= a.saturating_add(1) {
            continue;
        }
        // A number another branch took is not missing: it arrives with the merge.
        let missing: Vec<u32> = (a + 1..b)
            .filter(|n| !branches.iter().any(|f| f.number == *n))
            .collect();
        let (Some(first), Some(last)) = (missing.first(), missing.last()) else {
            continue;
        };
        let what = if first == last {
            format!("no ADR is numbered {first:04}")
        } else {
            format!("no ADRs are numbered {first:04} to {last:04}")
        };
        let e = pair[1];
        out.push(finding(
            e,
            e.number_line.unwrap_or(1),
            Rule::Gap,
            format!(
                "{what} (the log goes from {a:04} to {b:04}); restore the missing record (a rejected decision is still a record)"
            ),
        ));
    }
}

fn statuses(log: &DecisionLog, allowed: &[String], out: &mut Vec<Finding>) {
    let allowed: Vec<String> = allowed.iter().map(|a| super::normalize_status(a)).collect();
    let known = super::KNOWN_STATUSES
        .iter()
        .map(|s| (*s).to_string())
        .chain(allowed.iter().cloned())
        .collect::<Vec<_>>()
        .join(", ");
    for e in log.entries.iter().filter(|e| e.problem.is_none()) {
        match (&e.status, e.dialect) {
            (Some(s), _) if !s.is_known() && !allowed.contains(&s.normalized) => out.push(finding(
                e,
                s.line,
                Rule::UnknownStatus,
                format!(
                    "status \"{}\" is not one of {known}; pass --allow-status \"{}\" if your team uses it",
                    s.raw, s.normalized
                ),
            )),
            (None, Some(LogDialect::Nygard)) => out.push(finding(
                e,
                1,
                Rule::UnknownStatus,
                format!("the ## Status section is empty; write one of {known}"),
            )),
            (None, Some(LogDialect::Adrs)) => out.push(finding(
                e,
                1,
                Rule::UnknownStatus,
                format!(
                    "the front matter has no status: (adrs skips such files); add one of {known}"
                ),
            )),
            _ => {}
        }
    }
}

fn links(log: &DecisionLog, out: &mut Vec<Finding>) {
    for e in &log.entries {
        let base = e.path.parent().map(PathBuf::from).unwrap_or_default();
        for t in &e.local_targets {
            if !base.join(&t.value).exists() {
                out.push(finding(
                    e,
                    t.line,
                    Rule::BrokenLink,
                    format!("the link target {} does not exist", t.value),
                ));
            }
        }
        for l in e.links.iter().filter(|l| l.target.is_none()) {
            if let Some(n) = l.number
                && log.by_number(n).next().is_none()
            {
                out.push(finding(
                    e,
                    l.line,
                    Rule::BrokenLink,
                    format!(
                        "\"{}\" names ADR {n:04}, which is not in the log",
                        l.label.to_lowercase()
                    ),
                ));
            }
        }
    }
}

fn supersedes(log: &DecisionLog, out: &mut Vec<Finding>) {
    for e in &log.entries {
        for l in e.links_of(LinkKind::Supersedes) {
            let Some(old) = log.resolve(l) else { continue };
            if std::ptr::eq(old, e) {
                continue;
            }
            let says_back = old
                .links_of(LinkKind::SupersededBy)
                .any(|b| log.resolve(b).is_some_and(|x| std::ptr::eq(x, e)));
            let superseded = old.status_text() == "superseded";
            if !says_back && !superseded {
                out.push(finding(
                    e,
                    l.line,
                    Rule::OneSidedSupersede,
                    format!(
                        "supersedes {}, but its status is \"{}\", not superseded; mark it superseded by {}",
                        old.file,
                        old.status.as_ref().map_or("", |s| s.raw.as_str()),
                        e.file
                    ),
                ));
            }
        }
        for l in e.links_of(LinkKind::SupersededBy) {
            let Some(new) = log.resolve(l) else { continue };
            if std::ptr::eq(new, e) {
                continue;
            }
            // MADR's template records supersession on the old ADR only.
            if !matches!(
                new.dialect,
                Some(LogDialect::Nygard | LogDialect::Log4brains | LogDialect::Adrs)
            ) {
                continue;
            }
            let says_back = new
                .links_of(LinkKind::Supersedes)
                .any(|b| log.resolve(b).is_some_and(|x| std::ptr::eq(x, e)));
            if !says_back {
                out.push(finding(
                    e,
                    l.line,
                    Rule::OneSidedSupersede,
                    format!(
                        "says it is superseded by {}, which does not link back; add \"Supersedes\" with a link to {} there",
                        new.file, e.file
                    ),
                ));
            }
        }
    }
}

fn stale_index(plan: &IndexPlan, out: &mut Vec<Finding>) {
    if plan.current.is_none() || !plan.has_list {
        return;
    }
    let fix = "run `tradeoffs log index`";
    let list = |v: &[String]| {
        let shown: Vec<&str> = v.iter().take(3).map(String::as_str).collect();
        let more = v.len().saturating_sub(3);
        if more > 0 {
            format!("{} and {more} more", shown.join(", "))
        } else {
            shown.join(", ")
        }
    };
    let message = if !plan.missing.is_empty() {
        Some(format!(
            "the index does not list {}; {fix}",
            list(&plan.missing)
        ))
    } else if !plan.extra.is_empty() {
        Some(format!(
            "the index lists {}, which is not in the log; {fix}",
            list(&plan.extra)
        ))
    } else if plan.managed && plan.is_stale() {
        Some(format!(
            "the index is out of date (a title, status or order changed); {fix}"
        ))
    } else {
        None
    };
    if let Some(message) = message {
        out.push(Finding {
            path: plan.path.clone(),
            line: plan.list_line,
            rule: Rule::StaleIndex,
            message,
        });
    }
}

/// The part of an ADR file name after its number: `0003-use-x.md` → `use-x.md`.
fn slug_of(file: &str) -> &str {
    let digits = file.chars().take_while(char::is_ascii_digit).count();
    file[digits..].trim_start_matches('-')
}

fn on_branches(log: &DecisionLog, branches: &[BranchFile], next_free: u32, out: &mut Vec<Finding>) {
    let local_slugs: HashMap<&str, u32> = log
        .entries
        .iter()
        .filter_map(|e| Some((slug_of(&e.file), e.number?)))
        .collect();
    for e in &log.entries {
        let Some(n) = e.number else { continue };
        // Other files with this number on other branches, grouped by file.
        let mut clash: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for b in branches
            .iter()
            .filter(|b| !b.own && b.number == n && b.file != e.file)
        {
            // The same file is in this checkout (a local duplicate, reported as such), or the
            // branch still has an ADR that was renumbered here: not a clash.
            let renumbered = local_slugs.get(slug_of(&b.file)).is_some_and(|m| *m != n);
            if log.by_file(&b.file).is_some() || renumbered {
                continue;
            }
            clash
                .entry(b.file.as_str())
                .or_default()
                .push(b.branch.as_str());
        }
        for (file, names) in clash {
            let which = if names.len() == 1 {
                format!("branch {}", names[0])
            } else {
                format!("branches {}", names.join(", "))
            };
            out.push(finding(
                e,
                e.number_line.unwrap_or(1),
                Rule::NumberOnBranch,
                format!(
                    "number {n:04} is also taken by {file} on {which}; renumber one of them before merging (the next free number is {next_free:04})"
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn log(files: &[(&str, &str)]) -> DecisionLog {
        DecisionLog {
            dir: PathBuf::from("/nonexistent"),
            entries: files
                .iter()
                .map(|(n, t)| super::super::parse_entry(&Path::new("/nonexistent").join(n), t))
                .collect(),
            index_files: None,
        }
    }

    fn nygard(n: u32, status: &str) -> String {
        format!("# {n}. T{n}\n\nDate: 2020-01-01\n\n## Status\n\n{status}\n")
    }

    fn rules(f: &[Finding]) -> Vec<(String, usize, &'static str)> {
        f.iter()
            .map(|f| {
                (
                    f.path.file_name().unwrap().to_string_lossy().into_owned(),
                    f.line,
                    f.rule.as_str(),
                )
            })
            .collect()
    }

    #[test]
    fn a_clean_log_has_no_findings() {
        let l = log(&[
            ("0001-a.md", &nygard(1, "Superseded by [2. T2](0002-b.md)")),
            (
                "0002-b.md",
                &nygard(2, "Accepted\n\nSupersedes [1. T1](0001-a.md)"),
            ),
        ]);
        let f = lint(&l, None, &[], &[]);
        // The link targets do not exist on disk under /nonexistent: only those are reported.
        assert!(f.iter().all(|f| f.rule == Rule::BrokenLink), "{f:?}");
    }

    #[test]
    fn numbers_duplicated_missing_and_taken_on_branches() {
        let l = log(&[
            ("0001-a.md", &nygard(1, "Accepted")),
            ("0003-c.md", &nygard(3, "Accepted")),
            ("0003-d.md", &nygard(3, "Accepted")),
            ("0006-f.md", &nygard(6, "Accepted")),
        ]);
        let branches = [
            BranchFile {
                branch: "feature".into(),
                file: "0004-x.md".into(),
                number: 4,
                own: false,
            },
            BranchFile {
                branch: "other".into(),
                file: "0006-g.md".into(),
                number: 6,
                own: false,
            },
            BranchFile {
                branch: "main".into(),
                file: "0006-renamed-here.md".into(),
                number: 6,
                own: true,
            },
            BranchFile {
                branch: "old".into(),
                file: "0005-a.md".into(),
                number: 5,
                own: false,
            },
        ];
        let f = lint(&l, None, &branches, &[]);
        assert_eq!(
            rules(&f),
            [
                ("0003-c.md".into(), 1, "gap"),
                ("0003-d.md".into(), 1, "duplicate-number"),
                ("0006-f.md".into(), 1, "number-on-branch"),
            ]
        );
        assert!(
            f[0].message.contains("no ADR is numbered 0002"),
            "{}",
            f[0].message
        );
        assert!(f[1].message.contains("also used by 0003-c.md"));
        assert!(f[1].message.contains("next free number is 0007"));
        assert!(f[2].message.contains("0006-g.md on branch other"));
        // 0004 is on a branch and 0005 is 0001-a renumbered on a stale branch: no gap there.
        assert_eq!(f.iter().filter(|f| f.rule == Rule::Gap).count(), 1);
    }

    #[test]
    fn statuses_and_supersede_links_both_ways() {
        let l = log(&[
            ("0001-a.md", &nygard(1, "Approved")),
            (
                "0002-b.md",
                "# 2. B\n\nDate: 2020-01-01\n\n## Status\n\n## Context\n",
            ),
            (
                "0003-c.md",
                "---\nstatus: \"superseded by ADR-0009\"\n---\n# C\n",
            ),
        ]);
        let f = lint(&l, None, &[], &[]);
        assert_eq!(
            rules(&f),
            [
                ("0001-a.md".into(), 7, "unknown-status"),
                ("0002-b.md".into(), 1, "unknown-status"),
                ("0003-c.md".into(), 2, "broken-link"),
            ]
        );
        assert!(
            f[0].message
                .contains("status \"Approved\" is not one of draft")
        );
        assert!(
            f[2].message
                .contains("names ADR 0009, which is not in the log")
        );
    }

    #[test]
    fn one_sided_supersedes_are_named_on_the_side_that_says_it() {
        let l = log(&[
            ("0001-a.md", &nygard(1, "Accepted")),
            (
                "0002-b.md",
                &nygard(2, "Accepted\n\nSupersedes [1. T1](0001-a.md)"),
            ),
            ("0003-c.md", &nygard(3, "Superseded by [4. T4](0004-d.md)")),
            ("0004-d.md", &nygard(4, "Accepted")),
        ]);
        let f: Vec<Finding> = lint(&l, None, &[], &[])
            .into_iter()
            .filter(|f| f.rule != Rule::BrokenLink)
            .collect();
        assert_eq!(
            rules(&f),
            [
                ("0002-b.md".into(), 9, "one-sided-supersede"),
                ("0003-c.md".into(), 7, "one-sided-supersede"),
            ]
        );
        assert!(
            f[0].message
                .contains("supersedes 0001-a.md, but its status is \"Accepted\"")
        );
        assert!(
            f[1].message
                .contains("superseded by 0004-d.md, which does not link back")
        );
    }
}
