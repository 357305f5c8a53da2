//! Amending ADRs that are already written, in their own dialect: adding a link to another ADR
//! ("Relates to", "Amends"/"Amended by", "Clarifies"/"Clarified by", "Supersedes"), marking an
//! ADR superseded, and changing its status. These are text edits on files another tool may have
//! written (adr-tools, adrs, log4brains, MADR by hand), so each one finds its place by the
//! dialect's own headings and keys, keeps the file's wording (adr-tools' "Superceded",
//! capitalised status words, quoted front-matter values), and leaves every other line as it was.
//!
//! Every function here is pure: text in, text out (`None` when the file already says it, so
//! linking twice changes nothing). Reading and writing the files is `lifecycle`'s and
//! `export`'s job.

use std::path::Path;

use super::existing::Existing;
use super::markdown::md;
use super::{AdrError, Link, Spelling};
use crate::log::{Entry, EntryLink, LinkKind, LogDialect, StatusField, parse_entry};

/// The ADR a link points at: its number, its title (as its own file writes it: already
/// Markdown) and its file name (relative to the ADR directory).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkTarget {
    pub number: Option<u32>,
    pub title: String,
    pub file: String,
}

impl LinkTarget {
    /// The target an entry of the log makes (its title sanitised: a link line is one line).
    pub fn of(entry: &Entry) -> LinkTarget {
        LinkTarget {
            number: entry.number,
            title: crate::text::sanitize(entry.title_text()).trim().to_string(),
            file: entry.file.clone(),
        }
    }

    /// The title inside `[...]`: as written in the file, with any bracket not already escaped
    /// escaped, so the link cannot end early.
    fn link_text(&self) -> String {
        let mut out = String::with_capacity(self.title.len());
        let mut escaped = false;
        for c in self.title.chars() {
            if matches!(c, '[' | ']') && !escaped {
                out.push('\\');
            }
            escaped = c == '\\' && !escaped;
            out.push(c);
        }
        out
    }
}

/// The wording of a link, as adr-tools and `adrs` write it (adr-tools' "Supercede" spelling
/// when the repository uses it).
pub fn link_label(kind: LinkKind, spelling: Spelling) -> &'static str {
    match (kind, spelling) {
        (LinkKind::Supersedes, Spelling::AdrTools) => "Supercedes",
        (LinkKind::Supersedes, Spelling::Correct) => "Supersedes",
        (LinkKind::SupersededBy, Spelling::AdrTools) => "Superceded by",
        (LinkKind::SupersededBy, Spelling::Correct) => "Superseded by",
        (LinkKind::Amends, _) => "Amends",
        (LinkKind::AmendedBy, _) => "Amended by",
        (LinkKind::Clarifies, _) => "Clarifies",
        (LinkKind::ClarifiedBy, _) => "Clarified by",
        (LinkKind::RelatesTo | LinkKind::Other, _) => "Relates to",
    }
}

/// The `kind:` value `adrs` writes in a front-matter `links:` item.
fn adrs_kind(kind: LinkKind) -> &'static str {
    match kind {
        LinkKind::Supersedes => "supersedes",
        LinkKind::SupersededBy => "supersededby",
        LinkKind::Amends => "amends",
        LinkKind::AmendedBy => "amendedby",
        LinkKind::Clarifies => "clarifies",
        LinkKind::ClarifiedBy => "clarifiedby",
        LinkKind::RelatesTo | LinkKind::Other => "relatesto",
    }
}

/// Whether a link, as written, points at `to` (by file name, or by number when it has no file).
fn names(link: &EntryLink, to: &LinkTarget) -> bool {
    match &link.target {
        Some(t) => {
            let base = t.rsplit('/').next().unwrap_or(t);
            base.split('#').next().unwrap_or(base) == to.file
        }
        None => link.number.is_some() && link.number == to.number,
    }
}

/// A tag block some adr-tools logs keep before `# N. Title` (front matter with no `number:`,
/// `status:` or `date:`, such as `tag:Blast`): the block as written, and the ADR after it, whose
/// dialect is the body's ([`super::existing::classify`]). Edits go to the body; the block stays.
fn split_tag_block(text: &str) -> Option<(&str, &str)> {
    let fm = super::existing::FrontMatter::of(text)?;
    let end = fm.end?;
    if ["number", "status", "date"]
        .iter()
        .any(|k| fm.values(k).next().is_some())
    {
        return None;
    }
    if !matches!(
        super::existing::classify(text),
        Some((super::Dialect::Nygard | super::Dialect::Log4brains, _))
    ) {
        return None;
    }
    let cut: usize = text.split_inclusive('\n').take(end + 1).map(str::len).sum();
    Some(text.split_at(cut))
}

fn lines_of(text: &str) -> Vec<String> {
    text.lines().map(str::to_string).collect()
}

fn joined(lines: &[String]) -> String {
    lines.join("\n") + "\n"
}

fn unknown_format(path: &Path) -> AdrError {
    AdrError::Failed(format!(
        "cannot tell the format of {} (no front matter, no `## Status` section, no `- Status:` line); edit it by hand",
        path.display()
    ))
}

/// The index of the `## Status` heading (any case, as adr-tools and adrs accept it).
fn status_heading(lines: &[String]) -> Option<usize> {
    lines
        .iter()
        .position(|l| l.trim_end().eq_ignore_ascii_case("## status"))
}

/// The index of the first line after `from` that is a heading of level `level` or higher
/// (`level` 2: `# ` and `## `), or the number of lines.
fn section_end(lines: &[String], from: usize, level: usize) -> usize {
    (from + 1..lines.len())
        .find(|&i| {
            let t = lines[i].as_str();
            let hashes = t.chars().take_while(|c| *c == '#').count();
            hashes >= 1 && hashes <= level && t[hashes..].starts_with(' ')
        })
        .unwrap_or(lines.len())
}

/// Inserts `block` at `at`, with exactly one blank line between it and the text before and
/// after it (markdownlint's MD012: never two).
fn insert_block(lines: &mut Vec<String>, at: usize, block: Vec<String>) {
    let mut start = at.min(lines.len());
    while start > 0 && lines[start - 1].trim().is_empty() {
        start -= 1;
    }
    let mut end = at.min(lines.len());
    while end < lines.len() && lines[end].trim().is_empty() {
        end += 1;
    }
    let mut ins = Vec::with_capacity(block.len() + 2);
    if start > 0 {
        ins.push(String::new());
    }
    ins.extend(block);
    if end < lines.len() {
        ins.push(String::new());
    }
    lines.splice(start..end, ins);
}

/// After the last list item (`- ` or `* `) between `from` and `end`, or `None` when there is none.
fn after_last_item(lines: &[String], from: usize, end: usize) -> Option<usize> {
    (from..end)
        .rev()
        .find(|&i| lines[i].starts_with("- ") || lines[i].starts_with("* "))
        .map(|i| i + 1)
}

/// The closing `---` of the front matter, as an index into the lines.
fn front_matter_end(lines: &[String]) -> Option<usize> {
    if lines.first().map(|l| l.trim_end()) != Some("---") {
        return None;
    }
    (1..lines.len()).find(|&i| lines[i].trim_end() == "---")
}

/// Adds an item to `adrs`' front-matter `links:` list (creating the list when there is none),
/// indented as the list already is.
fn add_front_matter_link(
    lines: &mut Vec<String>,
    path: &Path,
    kind: LinkKind,
    to: &LinkTarget,
) -> Result<(), AdrError> {
    let Some(end) = front_matter_end(lines) else {
        return Err(unknown_format(path));
    };
    let Some(n) = to.number else {
        return Err(AdrError::Invalid(format!(
            "{} has no number, and `adrs` front matter links by number; give it one first",
            to.file
        )));
    };
    let item = |indent: &str| {
        vec![
            format!("{indent}- target: {n}"),
            format!("{indent}  kind: {}", adrs_kind(kind)),
        ]
    };
    match (1..end).find(|&i| lines[i].starts_with("links:")) {
        Some(i) => {
            lines[i] = "links:".to_string();
            let mut j = i + 1;
            while j < end && (lines[j].starts_with([' ', '\t']) || lines[j].starts_with("- ")) {
                j += 1;
            }
            let indent = lines
                .get(i + 1)
                .filter(|_| i + 1 < j)
                .map(|l| l[..l.len() - l.trim_start().len()].to_string())
                .unwrap_or_default();
            lines.splice(j..j, item(&indent));
        }
        None => {
            let mut block = vec!["links:".to_string()];
            block.extend(item(""));
            lines.splice(end..end, block);
        }
    }
    Ok(())
}

/// The text of the ADR at `path` with a link of `kind` to `to` added where its dialect keeps
/// links: a paragraph at the end of `## Status` (adr-tools, adrs' compatible mode), a
/// front-matter `links:` item (`adrs`), a "Related decisions" list under "More Information"
/// (MADR), a `## Links` item (log4brains). `None` when it already links there that way.
/// "Superseded by" is a status, not a plain link: see [`mark_superseded`].
pub(crate) fn add_link(
    path: &Path,
    text: &str,
    kind: LinkKind,
    to: &LinkTarget,
    spelling: Spelling,
) -> Result<Option<String>, AdrError> {
    if let Some((head, body)) = split_tag_block(text) {
        return Ok(add_link(path, body, kind, to, spelling)?.map(|b| format!("{head}{b}")));
    }
    let entry = parse_entry(path, text);
    if entry.links.iter().any(|l| l.kind == kind && names(l, to)) {
        return Ok(None);
    }
    let label = link_label(kind, spelling);
    let mut lines = lines_of(text);
    // What is appended at the end goes before the decision-data comment, which stays last.
    let data_at = lines
        .iter()
        .rposition(|l| l.trim_start().starts_with(super::decision_data::MARKER))
        .unwrap_or(lines.len());
    match entry.dialect {
        Some(LogDialect::Nygard) => {
            let Some(h) = status_heading(&lines) else {
                return Err(unknown_format(path));
            };
            let end = section_end(&lines, h, 2);
            let number = to.number.map_or(String::new(), |n| format!("{n}. "));
            let para = format!("{label} [{number}{}]({})", to.link_text(), to.file);
            insert_block(&mut lines, end, vec![para]);
        }
        Some(LogDialect::Adrs) => add_front_matter_link(&mut lines, path, kind, to)?,
        Some(LogDialect::Madr) => {
            let number = to.number.map_or(String::new(), |n| format!(" ADR-{n:04}"));
            let item = format!("* {label}{number} [{}]({})", to.link_text(), to.file);
            match lines
                .iter()
                .position(|l| l.trim_end() == "### Related decisions")
            {
                Some(h) => {
                    let end = section_end(&lines, h, 3);
                    match after_last_item(&lines, h + 1, end) {
                        Some(at) => lines.insert(at, item),
                        None => insert_block(&mut lines, h + 1, vec![item]),
                    }
                }
                None => {
                    // Under "More Information" (MADR's place for links to other decisions),
                    // before a trade-off graph when there is one.
                    let more = lines
                        .iter()
                        .position(|l| l.trim_end() == "## More Information");
                    let at = match more {
                        Some(m) => {
                            let end = section_end(&lines, m, 2);
                            (m..end)
                                .find(|&i| lines[i].trim_end() == "### Trade-off graph")
                                .unwrap_or(end.min(data_at))
                        }
                        None => data_at,
                    };
                    insert_block(
                        &mut lines,
                        at,
                        vec!["### Related decisions".to_string(), String::new(), item],
                    );
                }
            }
        }
        Some(LogDialect::Log4brains) => {
            let slug = to.file.trim_end_matches(".md");
            let item = format!("- {label} [{}]({})", md(slug), to.file);
            match lines.iter().position(|l| l.starts_with("## Links")) {
                Some(h) => {
                    let end = section_end(&lines, h, 2);
                    match after_last_item(&lines, h + 1, end) {
                        Some(at) => lines.insert(at, item),
                        None => insert_block(&mut lines, end, vec![item]),
                    }
                }
                None => {
                    let at = data_at;
                    insert_block(
                        &mut lines,
                        at,
                        vec!["## Links".to_string(), String::new(), item],
                    );
                }
            }
        }
        None => return Err(unknown_format(path)),
    }
    Ok(Some(joined(&lines)))
}

/// An existing ADR's text with a "Relates to" link to `link` added where its dialect keeps
/// links; `None` when it already links there. (The export's back-links between the ADRs of
/// one session.)
pub(super) fn with_link(path: &Path, link: &Link) -> Result<Option<String>, AdrError> {
    let text = crate::fileread::read_text(path, crate::fileread::ADR_LIMIT)
        .map_err(|e| AdrError::Failed(format!("cannot read {}: {e}", path.display())))?;
    let to = LinkTarget {
        number: link.number,
        title: md(&link.title),
        file: link.file.clone(),
    };
    add_link(path, &text, LinkKind::RelatesTo, &to, Spelling::Correct)
}

/// What marking an ADR superseded came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Marked {
    /// The new text.
    Changed(String),
    /// It already says it is superseded by that ADR.
    Unchanged,
    /// It is superseded by another ADR already; the line that says so.
    ByAnother(String),
}

/// The status keyword written in the style of `like` (the status the file had): capitalised
/// when it was ("Accepted", adr-tools' habit), lower case otherwise; `capital` when the file
/// had no status.
fn styled(word: &str, like: Option<&StatusField>, capital: bool) -> String {
    let capital = like.map_or(capital, |s| {
        s.raw
            .trim_start_matches(['"', '\''])
            .starts_with(char::is_uppercase)
    });
    if capital {
        let mut c = word.chars();
        c.next()
            .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
            .unwrap_or_default()
    } else {
        word.to_string()
    }
}

/// The front-matter `status:` value, quoted the way the file quotes it (`"..."`, `'...'` or
/// bare), when a status line exists; else double-quoted as MADR writes it.
fn front_matter_status(lines: &[String], line: Option<usize>, value: &str) -> String {
    let raw = line
        .and_then(|l| lines.get(l))
        .and_then(|l| l.split_once(':'))
        .map_or("\"", |(_, v)| v.trim());
    let value = value.replace('"', "\\\"");
    match raw.chars().next() {
        Some('"') | None => format!("status: \"{value}\""),
        Some('\'') => format!("status: '{}'", value.replace('\'', "''")),
        _ => format!("status: {value}"),
    }
}

/// Sets the front-matter `status:` (replacing the line, or adding one after the opening `---`).
fn set_front_matter_status(lines: &mut Vec<String>, entry: &Entry, value: &str) {
    let at = entry
        .status
        .as_ref()
        .map(|s| s.line - 1)
        .filter(|&i| lines.get(i).is_some_and(|l| l.starts_with("status:")));
    let line = front_matter_status(lines, at, value);
    match at {
        Some(i) => lines[i] = line,
        None => lines.insert(1, line),
    }
}

/// The ADR at `path`, marked as superseded by `by`, in its own dialect: adr-tools writes the
/// link in place of the bare status word under `## Status` ("Superseded by [3. X](0003-x.md)",
/// or "Superceded" where the repository spells it so); MADR's status becomes
/// `superseded by ADR-0003`; `adrs` front matter gets `status: superseded` and a
/// `supersededby` link; log4brains' `- Status: superseded by [slug](file.md)`.
///
/// `keep_word`: the repository keeps a "Superseded" status word above the link, as `adrs`
/// writes it ([`super::existing::keeps_superseded_word`]); the link then goes below the word.
pub(crate) fn mark_superseded(
    path: &Path,
    text: &str,
    by: &LinkTarget,
    spelling: Spelling,
    keep_word: bool,
) -> Result<Marked, AdrError> {
    if let Some((head, body)) = split_tag_block(text) {
        return Ok(
            match mark_superseded(path, body, by, spelling, keep_word)? {
                Marked::Changed(b) => Marked::Changed(format!("{head}{b}")),
                other => other,
            },
        );
    }
    let entry = parse_entry(path, text);
    let supersede_links: Vec<&EntryLink> = entry.links_of(LinkKind::SupersededBy).collect();
    if supersede_links.iter().any(|l| names(l, by)) {
        return Ok(Marked::Unchanged);
    }
    // Superseding twice would leave two ADRs both claiming to replace it.
    if let Some(l) = supersede_links.first() {
        let line = text.lines().nth(l.line - 1).unwrap_or_default();
        return Ok(Marked::ByAnother(crate::text::sanitize(line.trim())));
    }
    let mut lines = lines_of(text);
    match entry.dialect {
        Some(LogDialect::Nygard) => {
            let Some(h) = status_heading(&lines) else {
                return Err(AdrError::Failed(format!(
                    "{} has no \"## Status\" section to update",
                    path.display()
                )));
            };
            let number = by.number.map_or(String::new(), |n| format!("{n}. "));
            let link = format!(
                "{} [{number}{}]({})",
                link_label(LinkKind::SupersededBy, spelling),
                by.link_text(),
                by.file
            );
            let end = section_end(&lines, h, 2);
            // A bare status word (Accepted, Proposed...) gives way to the link, as adr-tools does.
            let word = (h + 1..end)
                .find(|&i| !lines[i].trim().is_empty())
                .filter(|&i| is_bare_word(&lines[i]));
            match (word, keep_word) {
                (Some(i), true) => {
                    lines[i] = styled("superseded", entry.status.as_ref(), true);
                    insert_block(&mut lines, i + 1, vec![link]);
                }
                (Some(i), false) => lines[i] = link,
                (None, true) => insert_block(
                    &mut lines,
                    h + 1,
                    vec!["Superseded".to_string(), String::new(), link],
                ),
                (None, false) => insert_block(&mut lines, h + 1, vec![link]),
            }
        }
        Some(LogDialect::Madr) => {
            let value = match by.number {
                Some(n) => format!("superseded by ADR-{n:04}"),
                None => format!("superseded by [{}]({})", by.link_text(), by.file),
            };
            set_front_matter_status(&mut lines, &entry, &value);
        }
        Some(LogDialect::Adrs) => {
            set_front_matter_status(&mut lines, &entry, "superseded");
            add_front_matter_link(&mut lines, path, LinkKind::SupersededBy, by)?;
        }
        Some(LogDialect::Log4brains) => {
            let slug = by.file.trim_end_matches(".md");
            let Some(at) = entry.status.as_ref().map(|s| s.line - 1) else {
                return Err(unknown_format(path));
            };
            let prefix = lines[at]
                .split_once(':')
                .map_or("- Status".to_string(), |(p, _)| p.to_string());
            lines[at] = format!("{prefix}: superseded by [{}]({})", md(slug), by.file);
        }
        None => return Err(unknown_format(path)),
    }
    Ok(Marked::Changed(joined(&lines)))
}

/// The old ADR's text with its status changed to "superseded", in its own dialect (the
/// export's `--supersedes`).
pub(super) fn superseded_content(
    old: &Existing,
    new_number: Option<u32>,
    new_title: &str,
    new_file: &str,
    spelling: Spelling,
) -> Result<String, AdrError> {
    let text = crate::fileread::read_text(&old.path, crate::fileread::ADR_LIMIT)
        .map_err(|e| AdrError::Failed(format!("cannot read {}: {e}", old.path.display())))?;
    let by = LinkTarget {
        number: new_number,
        title: md(new_title),
        file: new_file.to_string(),
    };
    let keep_word = old
        .path
        .parent()
        .is_some_and(super::existing::keeps_superseded_word);
    match mark_superseded(&old.path, &text, &by, spelling, keep_word)? {
        Marked::Changed(t) => Ok(t),
        Marked::Unchanged => Ok(text),
        Marked::ByAnother(line) => Err(AdrError::Invalid(format!(
            "--supersedes: {} is already superseded (\"{line}\"); supersede the newer ADR instead; nothing was written",
            old.path.display(),
        ))),
    }
}

/// A line of a `## Status` section that is one word ("Accepted"), not a link or a sentence.
fn is_bare_word(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty() && !t.contains(' ') && !t.contains('[')
}

/// A line of a `## Status` section that names the ADR's successor ("Superceded by [2. X](..)",
/// "Superseded by ADR 2", as a list item too).
fn says_superseded_by(line: &str) -> bool {
    let t = line
        .trim_start()
        .trim_start_matches(['-', '*', '+'])
        .trim_start();
    t.get(..13).is_some_and(|w| {
        w.eq_ignore_ascii_case("superseded by") || w.eq_ignore_ascii_case("superceded by")
    })
}

/// The ADR's text with its status set to `status` (a lower-case lifecycle word other than
/// "superseded"), in its own dialect and wording: the front-matter `status:` (MADR, `adrs`),
/// the status paragraph under `## Status` (adr-tools: "Accepted"), the `- Status:` line
/// (log4brains). `None` when it already has that status.
pub(crate) fn set_status(
    path: &Path,
    text: &str,
    status: &str,
) -> Result<Option<String>, AdrError> {
    if let Some((head, body)) = split_tag_block(text) {
        return Ok(set_status(path, body, status)?.map(|b| format!("{head}{b}")));
    }
    let entry = parse_entry(path, text);
    let current = entry.status.as_ref();
    if current.is_some_and(|s| s.normalized == status && !s.raw.contains('[')) {
        return Ok(None);
    }
    let mut lines = lines_of(text);
    match entry.dialect {
        Some(LogDialect::Nygard) => {
            let Some(h) = status_heading(&lines) else {
                return Err(unknown_format(path));
            };
            let word = styled(status, current, true);
            let end = section_end(&lines, h, 2);
            let at = current.map(|s| s.line - 1).filter(|&i| i > h && i < end);
            // The status read may be a supersede link above the bare status word ("Superseded
            // by [4. X](..)", blank, "Accepted"): the new word takes the word's line, and the
            // link goes with the others below, so one status word is left.
            let at = match at {
                Some(i) if says_superseded_by(&lines[i]) => (h + 1..end)
                    .find(|&j| j != i && is_bare_word(&lines[j]))
                    .or(Some(i)),
                other => other,
            };
            // A "Superseded by" line left in the section would keep the ADR superseded (the
            // log reads a section holding a supersede link so): the new status replaces it.
            let gone: Vec<usize> = (h + 1..end)
                .filter(|&i| Some(i) != at && says_superseded_by(&lines[i]))
                .collect();
            if let Some(i) = at {
                lines[i] = word.clone();
            }
            for &i in gone.iter().rev() {
                lines.remove(i);
                // One blank line stays between what was before and after it.
                if i < lines.len() && lines[i].trim().is_empty() && lines[i - 1].trim().is_empty() {
                    lines.remove(i);
                }
            }
            if at.is_none() {
                insert_block(&mut lines, h + 1, vec![word]);
            }
        }
        Some(LogDialect::Madr | LogDialect::Adrs) => {
            let word = styled(status, current, false);
            set_front_matter_status(&mut lines, &entry, &word);
        }
        Some(LogDialect::Log4brains) => {
            let word = styled(status, current, false);
            match current.map(|s| s.line - 1) {
                Some(i) => {
                    let prefix = lines[i]
                        .split_once(':')
                        .map_or("- Status".to_string(), |(p, _)| p.to_string());
                    lines[i] = format!("{prefix}: {word}");
                }
                None => return Err(unknown_format(path)),
            }
        }
        None => return Err(unknown_format(path)),
    }
    Ok(Some(joined(&lines)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(name: &str) -> std::path::PathBuf {
        std::path::PathBuf::from(name)
    }

    fn to(n: u32, title: &str, file: &str) -> LinkTarget {
        LinkTarget {
            number: Some(n),
            title: title.into(),
            file: file.into(),
        }
    }

    const NYGARD: &str =
        "# 3. Use MySQL\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nWhy.\n";

    #[test]
    fn nygard_links_go_at_the_end_of_the_status_section_once() {
        let t = to(2, "Use PostgreSQL", "0002-use-postgresql.md");
        let out = add_link(
            &p("0003-use-mysql.md"),
            NYGARD,
            LinkKind::Amends,
            &t,
            Spelling::Correct,
        )
        .unwrap()
        .unwrap();
        assert_eq!(
            out,
            "# 3. Use MySQL\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n\nAmends [2. Use PostgreSQL](0002-use-postgresql.md)\n\n## Context\n\nWhy.\n"
        );
        assert_eq!(
            add_link(
                &p("0003-use-mysql.md"),
                &out,
                LinkKind::Amends,
                &t,
                Spelling::Correct
            )
            .unwrap(),
            None
        );
        // Another kind to the same ADR is another line.
        let again = add_link(
            &p("0003-use-mysql.md"),
            &out,
            LinkKind::RelatesTo,
            &t,
            Spelling::Correct,
        )
        .unwrap()
        .unwrap();
        assert!(
            again.contains("Amends [2. Use PostgreSQL](0002-use-postgresql.md)\n\nRelates to [2.")
        );
    }

    #[test]
    fn superseding_replaces_the_bare_status_word_in_the_repositorys_spelling() {
        let by = to(4, "Use Kafka", "0004-use-kafka.md");
        let Marked::Changed(out) = mark_superseded(
            &p("0003-use-mysql.md"),
            NYGARD,
            &by,
            Spelling::AdrTools,
            false,
        )
        .unwrap() else {
            panic!()
        };
        assert!(out.contains(
            "## Status\n\nSuperceded by [4. Use Kafka](0004-use-kafka.md)\n\n## Context"
        ));
        assert!(!out.contains("Accepted"));
        assert_eq!(
            mark_superseded(
                &p("0003-use-mysql.md"),
                &out,
                &by,
                Spelling::AdrTools,
                false
            )
            .unwrap(),
            Marked::Unchanged
        );
        let other = to(5, "Use SQS", "0005-use-sqs.md");
        assert_eq!(
            mark_superseded(
                &p("0003-use-mysql.md"),
                &out,
                &other,
                Spelling::AdrTools,
                false
            )
            .unwrap(),
            Marked::ByAnother("Superceded by [4. Use Kafka](0004-use-kafka.md)".into())
        );
        // `adrs` keeps the word and puts the link under it.
        let Marked::Changed(out) = mark_superseded(
            &p("0003-use-mysql.md"),
            NYGARD,
            &by,
            Spelling::Correct,
            true,
        )
        .unwrap() else {
            panic!()
        };
        assert!(out.contains("## Status\n\nSuperseded\n\nSuperseded by [4. Use Kafka](0004-use-kafka.md)\n\n## Context"));
    }

    #[test]
    fn a_new_status_replaces_every_supersede_line_of_the_section() {
        // A hand edit that kept "Accepted" beside the link reads as superseded: setting a
        // status removes the link line too, or the ADR would stay superseded.
        let mixed = NYGARD.replace(
            "Accepted\n",
            "Accepted\n\nSuperceded by [4. Use Kafka](0004-use-kafka.md)\n\nAmends [1. X](0001-x.md)\n",
        );
        let out = set_status(&p("0003-x.md"), &mixed, "deprecated")
            .unwrap()
            .unwrap();
        assert_eq!(
            out,
            "# 3. Use MySQL\n\nDate: 2026-01-01\n\n## Status\n\nDeprecated\n\nAmends [1. X](0001-x.md)\n\n## Context\n\nWhy.\n"
        );
        assert_eq!(
            parse_entry(&p("0003-x.md"), &out).status_text(),
            "deprecated"
        );
        // "Accepted" again: the word stays, the link goes (it is not accepted until then).
        let out = set_status(&p("0003-x.md"), &mixed, "accepted")
            .unwrap()
            .unwrap();
        assert!(
            out.contains("## Status\n\nAccepted\n\nAmends [1. X]"),
            "{out}"
        );
        // As the last line of the section, and without a link.
        let below = NYGARD.replace("Accepted\n", "Accepted\n\nSuperseded by ADR 4\n");
        let out = set_status(&p("0003-x.md"), &below, "accepted")
            .unwrap()
            .unwrap();
        assert_eq!(out, NYGARD);
    }

    #[test]
    fn a_supersede_line_above_the_status_word_gives_way_to_one_word() {
        // The link first, the bare word after it: the new status is one line, in the word's
        // place, and the link goes.
        let above = NYGARD.replace(
            "Accepted\n",
            "Superseded by [4. Use Kafka](0004-use-kafka.md)\n\nAccepted\n",
        );
        let out = set_status(&p("0003-x.md"), &above, "deprecated")
            .unwrap()
            .unwrap();
        assert_eq!(out, NYGARD.replace("Accepted\n", "Deprecated\n"));
        assert_eq!(
            parse_entry(&p("0003-x.md"), &out).status_text(),
            "deprecated"
        );
        let out = set_status(&p("0003-x.md"), &above, "accepted")
            .unwrap()
            .unwrap();
        assert_eq!(out, NYGARD);
    }

    #[test]
    fn status_changes_keep_the_files_wording() {
        let out = set_status(&p("0003-x.md"), NYGARD, "deprecated")
            .unwrap()
            .unwrap();
        assert!(out.contains("## Status\n\nDeprecated\n\n## Context"));
        assert_eq!(
            set_status(&p("0003-x.md"), &out, "deprecated").unwrap(),
            None
        );
        let madr = "---\nstatus: \"proposed\"\ndate: 2026-01-01\n---\n\n# Use X\n";
        let out = set_status(&p("0001-x.md"), madr, "accepted")
            .unwrap()
            .unwrap();
        assert_eq!(
            out,
            "---\nstatus: \"accepted\"\ndate: 2026-01-01\n---\n\n# Use X\n"
        );
        let adrs = "---\nnumber: 1\ntitle: X\ndate: 2026-01-01\nstatus: proposed\n---\n\n# X\n";
        let out = set_status(&p("0001-x.md"), adrs, "rejected")
            .unwrap()
            .unwrap();
        assert!(out.contains("\nstatus: rejected\n"));
        let l4b = "# Use X\n\n- Status: Proposed\n- Date: 2026-01-01\n";
        let out = set_status(&p("20260101-use-x.md"), l4b, "accepted")
            .unwrap()
            .unwrap();
        assert_eq!(out, "# Use X\n\n- Status: Accepted\n- Date: 2026-01-01\n");
    }

    #[test]
    fn adrs_links_live_in_front_matter_and_madr_links_under_more_information() {
        let adrs = "---\nnumber: 3\ntitle: X\ndate: 2026-01-01\nstatus: accepted\nlinks:\n  - target: 2\n    kind: supersedes\n---\n\n# X\n";
        let out = add_link(
            &p("0003-x.md"),
            adrs,
            LinkKind::Amends,
            &to(1, "A", "0001-a.md"),
            Spelling::Correct,
        )
        .unwrap()
        .unwrap();
        assert!(out.contains(
            "links:\n  - target: 2\n    kind: supersedes\n  - target: 1\n    kind: amends\n---"
        ));
        let Marked::Changed(out) = mark_superseded(
            &p("0003-x.md"),
            &out,
            &to(4, "Y", "0004-y.md"),
            Spelling::Correct,
            false,
        )
        .unwrap() else {
            panic!()
        };
        assert!(out.contains("\nstatus: superseded\n"));
        assert!(out.contains("  - target: 4\n    kind: supersededby\n---"));

        let madr = "---\nstatus: accepted\ndate: 2026-01-01\n---\n\n# Use X\n\n## More Information\n\nSee the RFC.\n";
        let out = add_link(
            &p("0002-use-x.md"),
            madr,
            LinkKind::Supersedes,
            &to(1, "Use W", "0001-use-w.md"),
            Spelling::Correct,
        )
        .unwrap()
        .unwrap();
        assert!(out.ends_with("See the RFC.\n\n### Related decisions\n\n* Supersedes ADR-0001 [Use W](0001-use-w.md)\n"), "{out}");
        let Marked::Changed(old) = mark_superseded(
            &p("0001-use-w.md"),
            madr,
            &to(2, "Use X", "0002-use-x.md"),
            Spelling::Correct,
            false,
        )
        .unwrap() else {
            panic!()
        };
        assert!(old.starts_with("---\nstatus: superseded by ADR-0002\n"));
    }

    #[test]
    fn log4brains_links_join_the_links_list() {
        let l4b = "# Use X\n\n- Status: accepted\n- Date: 2026-01-01\n\n## Links\n\n- Relates to [20250101-a](20250101-a.md)\n";
        let out = add_link(
            &p("20260101-use-x.md"),
            l4b,
            LinkKind::Amends,
            &to(0, "B", "20250202-b.md"),
            Spelling::Correct,
        )
        .unwrap()
        .unwrap();
        assert!(out.ends_with(
            "- Relates to [20250101-a](20250101-a.md)\n- Amends [20250202-b](20250202-b.md)\n"
        ));
    }

    #[test]
    fn a_tag_block_before_an_adr_tools_adr_stays_and_the_body_is_edited() {
        let text = format!("---\ntag:Blast\n---\n{NYGARD}");
        let out = set_status(&p("0003-x.md"), &text, "deprecated")
            .unwrap()
            .unwrap();
        assert_eq!(out, text.replace("Accepted", "Deprecated"));
        let by = to(4, "Y", "0004-y.md");
        let Marked::Changed(out) =
            mark_superseded(&p("0003-x.md"), &text, &by, Spelling::Correct, false).unwrap()
        else {
            panic!()
        };
        assert!(out.starts_with("---\ntag:Blast\n---\n# 3. Use MySQL\n"));
        assert!(out.contains("## Status\n\nSuperseded by [4. Y](0004-y.md)\n"));
    }

    #[test]
    fn titles_keep_their_markdown_and_cannot_close_the_link() {
        let t = to(2, "Use \\[x\\] or [y]", "0002-x.md");
        assert_eq!(t.link_text(), "Use \\[x\\] or \\[y\\]");
    }
}

#[cfg(test)]
mod decision_data_tests {
    use super::*;
    use crate::adr::LinkKind;

    /// A link added to an ADR that ends with its decision data goes before the comment, after
    /// a blank line, so the comment stays last and the Markdown stays lint-clean.
    #[test]
    fn links_are_added_before_the_decision_data() {
        let dir = tempfile::TempDir::new().unwrap();
        let block = "\n<!-- tradeoffs decision data: x\n{\"format\":1}\n-->\n";
        let link = Link {
            kind: LinkKind::RelatesTo,
            number: Some(2),
            title: "Two".into(),
            file: "0002-two.md".into(),
        };
        let cases = [
            (
                "---\nstatus: \"proposed\"\ndate: 2026-01-01\n---\n\n# One\n\nBody.\n",
                "Body.\n\n### Related decisions\n\n* Relates to ADR-0002 [Two](0002-two.md)\n\n<!-- tradeoffs",
            ),
            (
                "# One\n\n- Status: proposed\n- Date: 2026-01-01\n\nBody.\n",
                "Body.\n\n## Links\n\n- Relates to [0002-two](0002-two.md)\n\n<!-- tradeoffs",
            ),
            (
                "# One\n\n- Status: proposed\n\nBody.\n\n## Links\n\n- Supersedes [x](x.md)\n",
                "- Supersedes [x](x.md)\n- Relates to [0002-two](0002-two.md)\n\n<!-- tradeoffs",
            ),
        ];
        for (i, (text, want)) in cases.into_iter().enumerate() {
            let p = dir.path().join(format!("000{i}-one.md"));
            std::fs::write(&p, format!("{text}{block}")).unwrap();
            let out = with_link(&p, &link).unwrap().unwrap();
            assert!(out.contains(want), "{out}");
            assert!(out.ends_with("-->\n"), "{out}");
        }
    }
}
