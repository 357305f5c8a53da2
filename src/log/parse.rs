//! One ADR file's text into an [`Entry`], in whichever dialect it is written, keeping the line
//! of every field. Lenient where the tools are (adr-tools' "Superceded", any case of `## Status`,
//! `*` or `-` list markers); a file that is none of the dialects gets a `problem`, never a guess.

use std::path::Path;

use super::entry::{Entry, EntryLink, Field, LinkKind, LogDialect, StatusField};
use crate::adr::existing::{FrontMatter, name_number};

/// The lifecycle's status words, as adr-tools, adrs, log4brains and MADR use them.
pub const KNOWN_STATUSES: &[&str] = &[
    "draft",
    "proposed",
    "accepted",
    "rejected",
    "deprecated",
    "superseded",
];

/// The lower-case status keyword of a status text: "Superceded by [2. X](0002-x.md)" →
/// `superseded`, "\"accepted\"" → `accepted`. A text that does not start with one of
/// [`KNOWN_STATUSES`] is returned whole, lower-cased ("in review").
pub fn normalize_status(raw: &str) -> String {
    let t = unquote(raw.trim());
    if supersede_phrase(t).is_some() {
        return "superseded".to_string();
    }
    let first = t
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or("");
    let word = first.to_lowercase().replace("supercede", "supersede");
    if KNOWN_STATUSES.contains(&word.as_str()) {
        word
    } else {
        t.trim().to_lowercase()
    }
}

fn unquote(s: &str) -> &str {
    let s = s.trim();
    for q in ['"', '\''] {
        if let Some(inner) = s.strip_prefix(q).and_then(|r| r.strip_suffix(q)) {
            return inner;
        }
    }
    s
}

/// One line of the file: its 1-based number, its text, and whether it is inside a code fence
/// (where nothing is read: ADRs quote other ADRs' Markdown in examples).
#[derive(Clone, Copy)]
struct Line<'a> {
    no: usize,
    text: &'a str,
    fenced: bool,
}

/// The lines of a text, one at a time (the status reader stops early).
fn scan(text: &str) -> impl Iterator<Item = Line<'_>> {
    let mut fence: Option<(char, usize)> = None;
    text.lines().enumerate().map(move |(i, text)| {
        let t = text.trim_start();
        let marker = t.chars().next().filter(|c| *c == '`' || *c == '~');
        let run = marker.map_or(0, |m| t.chars().take_while(|c| *c == m).count());
        let fenced = match (fence, marker) {
            (None, Some(m)) if run >= 3 => {
                fence = Some((m, run));
                true
            }
            (Some((m, n)), Some(c)) if c == m && run >= n && t[run..].trim().is_empty() => {
                fence = None;
                true
            }
            (Some(_), _) => true,
            _ => false,
        };
        Line {
            no: i + 1,
            text,
            fenced,
        }
    })
}

/// `Label [text](target)` on one line (a list marker and an `ADR-NNNN` before the bracket
/// allowed, nothing but punctuation after it): (label, text, target).
fn link_line(line: &str) -> Option<(&str, &str, &str)> {
    let t = line.trim();
    let t = ["- ", "* ", "+ "]
        .iter()
        .find_map(|m| t.strip_prefix(m))
        .unwrap_or(t)
        .trim_start();
    let open = t.find('[')?;
    let label = t[..open].trim();
    if label.is_empty() || label.contains(['(', ')', ']', '`']) {
        return None;
    }
    let close = open + t[open..].find("](")?;
    let text = &t[open + 1..close];
    let rest = &t[close + 2..];
    let end = rest.find(')')?;
    if !rest[end + 1..]
        .trim()
        .chars()
        .all(|c| matches!(c, '.' | ',' | ';'))
    {
        return None;
    }
    let target = rest[..end].trim();
    // `[x](<a b.md> "title")`: the destination only.
    let target = target
        .strip_prefix('<')
        .and_then(|r| r.split_once('>').map(|(a, _)| a))
        .unwrap_or_else(|| target.split_whitespace().next().unwrap_or(""));
    Some((label, text, target))
}

/// "Supersedes ADR-0001" → ("Supersedes", Some(1)).
fn split_adr_number(label: &str) -> (&str, Option<u32>) {
    if let Some(i) = label.rfind("ADR-")
        && let Ok(n) = label[i + 4..].trim().parse()
    {
        return (label[..i].trim(), Some(n));
    }
    (label, None)
}

/// The number a link names: its target's `NNNN-` file name, else its text's `N. `, else an
/// `ADR-NNNN` in the text.
fn link_number(text: &str, target: Option<&str>) -> Option<u32> {
    if let Some(t) = target {
        let base = t.rsplit('/').next().unwrap_or(t);
        if let Some(n) = name_number(base) {
            return Some(n);
        }
    }
    if let Some((n, _)) = text.split_once(". ")
        && let Ok(n) = n.trim().parse()
    {
        return Some(n);
    }
    adr_number_in(text)
}

/// The first `ADR-NNNN` in a text.
fn adr_number_in(text: &str) -> Option<u32> {
    let i = text.find("ADR-")?;
    let digits: String = text[i + 4..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

/// Where "superseded by" (or adr-tools' "superceded by") starts in a status text, in any case:
/// at its start ("Superseded by ADR-0005") or after other words ("accepted, superseded by
/// [x](x.md)", a hand edit that kept the old word).
fn supersede_phrase(t: &str) -> Option<usize> {
    let lower = t.to_ascii_lowercase().replace("supercede", "supersede");
    lower
        .match_indices("superseded by")
        .map(|(i, _)| i)
        .find(|&i| i == 0 || !lower.as_bytes()[i - 1].is_ascii_alphanumeric())
}

/// A status such as "superseded by ADR-0005", "superseded by [0005-x](0005-x.md)" or
/// "Superceded by 5" names its successor: the link it makes. The phrase may follow another
/// status word ("accepted, superseded by ADR-0005"): the link is there all the same.
fn status_link(raw: &str, line: usize) -> Option<EntryLink> {
    let t = unquote(raw);
    let t = &t[supersede_phrase(t)?..];
    let lower = t.to_ascii_lowercase().replace("supercede", "supersede");
    let rest = lower.strip_prefix("superseded by")?;
    let (target, text) = match (t.find('['), t.find("](")) {
        (Some(open), Some(close)) if open < close => {
            let after = &t[close + 2..];
            let target = after.split(')').next().unwrap_or("").trim();
            (Some(target.to_string()), &t[open + 1..close])
        }
        _ => (None, t),
    };
    let number = link_number(text, target.as_deref()).or_else(|| {
        let digits: String = rest
            .trim()
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        digits.parse().ok()
    });
    (target.is_some() || number.is_some()).then(|| EntryLink {
        kind: LinkKind::SupersededBy,
        label: t[..t.len().min("superseded by".len())].to_string(),
        target,
        number,
        line,
    })
}

fn make_link(label: &str, text: &str, target: &str, line: usize) -> EntryLink {
    let (label, adr_number) = split_adr_number(label);
    EntryLink {
        kind: LinkKind::from_label(label),
        label: label.to_string(),
        target: Some(target.to_string()),
        number: link_number(text, Some(target)).or(adr_number),
        line,
    }
}

fn is_heading(t: &str, level: usize) -> bool {
    let hashes = t.chars().take_while(|c| *c == '#').count();
    hashes >= 1 && hashes <= level && t[hashes..].starts_with(' ')
}

/// Reads one ADR file's text. `path` gives the file name (its number, when the file has no
/// other) and is kept in the entry; nothing is read from disk.
pub fn parse_entry(path: &Path, text: &str) -> Entry {
    let mut e = blank_entry(path);
    let lines: Vec<Line<'_>> = scan(text).collect();
    let mut body_from = 0;
    let mut fm_dialect = None;
    let mut tag_block = false;
    if let Some(fm) = FrontMatter::of(text) {
        let Some(end) = fm.end else {
            e.problem = Some(Field {
                value: "its front matter (the `---` on line 1) is never closed with a `---` line"
                    .into(),
                line: 1,
            });
            return e;
        };
        body_from = end + 1;
        tag_block = is_tag_block(&fm);
        if !tag_block {
            fm_dialect = Some(read_front_matter(&fm, &mut e));
        }
    }
    let body = &lines[body_from.min(lines.len())..];
    read_body(body.iter().copied(), fm_dialect, Read::Whole, &mut e);
    if tag_block && e.dialect.is_none() {
        // Front matter with none of the keys, over a body of no dialect: MADR, as before.
        e.dialect = Some(LogDialect::Madr);
    }
    e.local_targets = local_targets(body);
    e.decided = crate::adr::decision_data::chosen_in(text)
        .map(|(tree, option)| super::entry::Decided { tree, option });
    if e.problem.is_none() {
        if e.title.is_none() {
            e.problem = Some(Field {
                value: "it has no title (no `# Title` line and no `title:` in front matter)".into(),
                line: 1,
            });
        } else if e.dialect.is_none() {
            e.problem = Some(Field {
                value: "its format is unknown: no front matter, no `## Status` section, no `- Status:` line and no MADR headings".into(),
                line: 1,
            });
        }
    }
    e
}

/// The normalised status of one ADR's text, exactly as [`parse_entry`] reads it
/// ([`Entry::status_text`]), `None` when it has none. The one status reader for revisit and the
/// check against accepted ADRs, so they agree with `tradeoffs log` and `lint`. It runs the same
/// code as [`parse_entry`] but stops once the status is known (front matter only, or the body
/// up to the end of its `## Status` section or `- Status:` line), as the accepted-ADR check
/// runs it over every ADR of the log on each `decide`.
pub fn status_of(text: &str) -> Option<String> {
    let mut e = blank_entry(Path::new(""));
    let mut body_from = 0;
    if let Some(fm) = FrontMatter::of(text) {
        // Unclosed, the file has a problem and no status.
        body_from = fm.end? + 1;
        if !is_tag_block(&fm) {
            // The body cannot change a front matter's status.
            read_front_matter(&fm, &mut e);
            return e.status.map(|s| s.normalized);
        }
    }
    read_body(scan(text).skip(body_from), None, Read::Status, &mut e);
    e.status.map(|s| s.normalized)
}

/// Front matter with none of the keys an ADR's front matter has (`number`, `title`, `status`,
/// `date`), such as the `tag:Blast` block some adr-tools logs keep above `# N. Title`: the
/// body then says the dialect and status, as for a file without it.
fn is_tag_block(fm: &FrontMatter<'_>) -> bool {
    ["number", "title", "status", "date"]
        .iter()
        .all(|k| fm.values(k).next().is_none())
}

fn blank_entry(path: &Path) -> Entry {
    let file = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Entry {
        path: path.to_path_buf(),
        number: name_number(&file),
        file,
        number_line: None,
        title: None,
        status: None,
        date: None,
        dialect: None,
        links: Vec::new(),
        problem: None,
        local_targets: Vec::new(),
        decided: None,
    }
}

/// `number`, `title`, `status`, `date` and `adrs`' `links:` list of a front matter.
fn read_front_matter(fm: &FrontMatter<'_>, e: &mut Entry) -> LogDialect {
    let mut has_number = false;
    let mut in_links = false;
    let mut pending: (Option<u32>, Option<String>, usize) = (None, None, 0);
    let flush = |p: &mut (Option<u32>, Option<String>, usize), e: &mut Entry| {
        if let (Some(n), Some(kind)) = (p.0, p.1.take()) {
            e.links.push(EntryLink {
                kind: LinkKind::from_label(&kind),
                label: kind,
                target: None,
                number: Some(n),
                line: p.2,
            });
        }
        *p = (None, None, 0);
    };
    for (i, l) in fm.lines.iter().enumerate() {
        let no = i + 2;
        if in_links {
            let item = l.trim_start();
            let nested = l.starts_with([' ', '\t']) || item.starts_with("- ");
            if nested {
                let item_start = item.starts_with("- ");
                if item_start {
                    flush(&mut pending, e);
                    pending.2 = no;
                }
                let kv = item.trim_start_matches("- ").trim();
                if let Some((k, v)) = kv.split_once(':') {
                    match k.trim() {
                        "target" => pending.0 = unquote(v).trim().parse().ok(),
                        "kind" => pending.1 = Some(unquote(v).trim().to_string()),
                        _ => {}
                    }
                }
                continue;
            }
            flush(&mut pending, e);
            in_links = false;
        }
        if l.starts_with([' ', '\t', '-', '#']) {
            continue;
        }
        let Some((key, value)) = l.split_once(':') else {
            continue;
        };
        let value = unquote(value).trim();
        match key.trim() {
            "number" => {
                has_number = true;
                if let Ok(n) = value.parse() {
                    e.number = Some(n);
                    e.number_line = Some(no);
                }
            }
            "title" if !value.is_empty() => {
                e.title = Some(Field {
                    value: value.replace("\\\"", "\""),
                    line: no,
                });
            }
            "status" if !value.is_empty() => {
                e.status = Some(StatusField {
                    normalized: normalize_status(value),
                    raw: value.to_string(),
                    line: no,
                });
                e.links.extend(status_link(value, no));
            }
            "date" if !value.is_empty() => {
                e.date = Some(Field {
                    value: value.to_string(),
                    line: no,
                });
            }
            "links" => in_links = true,
            _ => {}
        }
    }
    flush(&mut pending, e);
    if has_number {
        LogDialect::Adrs
    } else {
        LogDialect::Madr
    }
}

/// How much of a body [`read_body`] reads.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Read {
    /// Everything: title, date, status, links, dialect.
    Whole,
    /// Until the status is known (the lines after it cannot change it): [`status_of`].
    Status,
}

/// Title, Nygard's `Date:` and `## Status`, log4brains' list lines, MADR's headings, and the
/// link lines of every dialect.
fn read_body<'a>(
    lines: impl IntoIterator<Item = Line<'a>>,
    fm_dialect: Option<LogDialect>,
    read: Read,
    e: &mut Entry,
) {
    let mut in_status = false;
    let mut status_section = false;
    // The status was read from a `## Status` section, and that section (or the rest of it)
    // says "Superseded by": see the end. Once that section has ended, no later line counts.
    let mut section_status = false;
    let mut section_supersedes = false;
    let mut section_done = false;
    let mut before_sections = true;
    let mut madr_headings = false;
    let mut bullets = false;
    for l in lines {
        if l.fenced {
            continue;
        }
        let t = l.text.trim_end();
        if is_heading(t, 2) {
            if in_status && section_status {
                section_done = true;
                if read == Read::Status {
                    break;
                }
            }
            in_status = false;
            if let Some(raw) = t.strip_prefix("# ") {
                if e.title.is_none() {
                    let raw = raw.trim();
                    let title = match raw.split_once(". ") {
                        Some((n, rest))
                            if !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) =>
                        {
                            if e.number.is_none() {
                                e.number = n.parse().ok();
                                e.number_line = Some(l.no);
                            }
                            rest.trim()
                        }
                        _ => raw,
                    };
                    e.title = Some(Field {
                        value: title.to_string(),
                        line: l.no,
                    });
                }
                continue;
            }
            before_sections = false;
            let heading = t[3..].trim().to_lowercase();
            if heading == "status" && fm_dialect.is_none() {
                in_status = true;
                status_section = true;
            }
            if matches!(
                heading.as_str(),
                "context and problem statement" | "decision outcome" | "considered options"
            ) {
                madr_headings = true;
            }
            continue;
        }
        if in_status {
            let s = t.trim();
            if s.is_empty() {
                continue;
            }
            let link =
                link_line(s).map(|(label, text, target)| make_link(label, text, target, l.no));
            let counts_as_status = link
                .as_ref()
                .is_none_or(|k| k.kind == LinkKind::SupersededBy);
            if !section_done {
                section_supersedes |= match &link {
                    Some(k) => k.kind == LinkKind::SupersededBy,
                    None => supersede_phrase(s) == Some(0),
                };
            }
            if e.status.is_none() && counts_as_status {
                e.status = Some(StatusField {
                    normalized: normalize_status(s),
                    raw: s.to_string(),
                    line: l.no,
                });
                section_status = true;
            }
            e.links.extend(link);
            continue;
        }
        if before_sections && fm_dialect.is_none() {
            if let Some(v) = t.strip_prefix("Date:") {
                if e.date.is_none() {
                    e.date = Some(Field {
                        value: v.trim().to_string(),
                        line: l.no,
                    });
                }
                continue;
            }
            if let Some((key, value)) = list_field(t) {
                match key.as_str() {
                    "status" if e.status.is_none() => {
                        bullets = true;
                        e.status = Some(StatusField {
                            normalized: normalize_status(value),
                            raw: value.to_string(),
                            line: l.no,
                        });
                        e.links.extend(status_link(value, l.no));
                        if read == Read::Status {
                            break;
                        }
                    }
                    "date" if e.date.is_none() => {
                        e.date = Some(Field {
                            value: value.to_string(),
                            line: l.no,
                        });
                    }
                    _ => {}
                }
                continue;
            }
        }
        if let Some((label, text, target)) = link_line(t) {
            let link = make_link(label, text, target, l.no);
            // `adrs` writes a link both in front matter and in the body: keep one.
            let known = e
                .links
                .iter()
                .any(|x| x.kind == link.kind && x.number.is_some() && x.number == link.number);
            if link.kind != LinkKind::Other && !known {
                e.links.push(link);
            }
        }
    }
    // adr-tools replaces the status word with the "Superceded by" link; a section holding
    // both ("Accepted", then the link) is a hand edit that forgot to remove the word. The
    // decision is no longer in force, so it reads as superseded; `raw` keeps the word as written.
    if section_status
        && section_supersedes
        && let Some(s) = &mut e.status
    {
        s.normalized = "superseded".to_string();
    }
    e.dialect = fm_dialect.or(if status_section {
        Some(LogDialect::Nygard)
    } else if bullets {
        Some(LogDialect::Log4brains)
    } else if madr_headings {
        Some(LogDialect::Madr)
    } else {
        None
    });
}

/// Every relative link destination in the body (inline `[x](dest)` and `[x]: dest`
/// definitions; not URLs, anchors, absolute paths, code), with its line, `#fragment` and
/// `?query` removed and `%20`-style escapes decoded.
fn local_targets(lines: &[Line<'_>]) -> Vec<Field> {
    let mut out = Vec::new();
    for l in lines.iter().filter(|l| !l.fenced) {
        // Most lines hold no link at all: skip them before copying anything.
        if !l.text.contains(']') {
            continue;
        }
        let text = without_code_spans(l.text);
        let mut dests: Vec<&str> = Vec::new();
        let mut rest = text.as_str();
        while let Some(i) = rest.find("](") {
            let after = &rest[i + 2..];
            let end = after.find(')').unwrap_or(after.len());
            dests.push(&after[..end]);
            rest = &after[end..];
        }
        let t = text.trim_start();
        if t.starts_with('[')
            && let Some(i) = t.find("]:")
            && !t[..i].contains("](")
        {
            dests.push(t[i + 2..].trim());
        }
        for d in dests {
            let d = d.trim();
            let d = d
                .strip_prefix('<')
                .and_then(|r| r.split_once('>').map(|(a, _)| a))
                .unwrap_or_else(|| d.split_whitespace().next().unwrap_or(""));
            let local = !(d.is_empty()
                || d.starts_with('#')
                || d.starts_with('/')
                || d.contains("://")
                || d.contains(':') && !d.contains('/'));
            let path = d.split(['#', '?']).next().unwrap_or("");
            if local && !path.is_empty() {
                out.push(Field {
                    value: percent_decode(path),
                    line: l.no,
                });
            }
        }
    }
    out
}

fn without_code_spans(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut in_code = false;
    for c in line.chars() {
        if c == '`' {
            in_code = !in_code;
        } else if !in_code {
            out.push(c);
        }
    }
    out
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%'
            && let Some(h) = s.get(i + 1..i + 3)
            && let Ok(v) = u8::from_str_radix(h, 16)
        {
            out.push(v);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// `- Status: accepted` / `* Date: 2020-01-01` → ("status", "accepted").
fn list_field(t: &str) -> Option<(String, &str)> {
    let rest = t.strip_prefix("- ").or_else(|| t.strip_prefix("* "))?;
    let (key, value) = rest.split_once(':')?;
    let key = key.trim().trim_matches('*').trim().to_lowercase();
    Some((key, value.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(name: &str, text: &str) -> Entry {
        parse_entry(Path::new(name), text)
    }

    #[test]
    fn nygard_files_as_adr_tools_writes_them() {
        let e = parse(
            "0003-third.md",
            "# 3. Third Record\n\nDate: 1992-01-12\n\n## Status\n\nAccepted\n\nAmends [1. First Record](0001-first-record.md)\n\nClarifies [2. Second](0002-second.md)\n\n## Context\n\nText.\n",
        );
        assert_eq!(e.dialect, Some(LogDialect::Nygard));
        assert_eq!(e.number, Some(3));
        assert_eq!(e.title.as_ref().unwrap().value, "Third Record");
        assert_eq!(e.title.as_ref().unwrap().line, 1);
        assert_eq!(e.date.as_ref().unwrap().value, "1992-01-12");
        assert_eq!(e.date.as_ref().unwrap().line, 3);
        let s = e.status.as_ref().unwrap();
        assert_eq!(
            (s.normalized.as_str(), s.raw.as_str(), s.line),
            ("accepted", "Accepted", 7)
        );
        assert_eq!(e.links.len(), 2);
        assert_eq!(e.links[0].kind, LinkKind::Amends);
        assert_eq!(e.links[0].number, Some(1));
        assert_eq!(e.links[0].target.as_deref(), Some("0001-first-record.md"));
        assert_eq!(e.links[0].line, 9);
        assert_eq!(e.links[1].kind, LinkKind::Clarifies);
        assert!(e.problem.is_none());
    }

    #[test]
    fn adr_tools_superceded_status_is_a_status_and_a_link() {
        let e = parse(
            "0001-first.md",
            "# 1. First\n\nDate: 2020-01-01\n\n## Status\n\nSuperceded by [2. Second](0002-second.md)\n\n## Context\n",
        );
        assert_eq!(e.status_text(), "superseded");
        assert_eq!(
            e.status.as_ref().unwrap().raw,
            "Superceded by [2. Second](0002-second.md)"
        );
        assert_eq!(e.links.len(), 1);
        assert_eq!(e.links[0].kind, LinkKind::SupersededBy);
        assert_eq!(e.links[0].number, Some(2));
    }

    #[test]
    fn a_status_section_that_kept_its_word_beside_the_supersede_link_is_superseded() {
        for link in [
            "Superceded by [2. Second](0002-second.md)",
            "Superseded by [2. Second](0002-second.md)",
        ] {
            let e = parse(
                "0001-first.md",
                &format!(
                    "# 1. First\n\nDate: 2020-01-01\n\n## Status\n\nAccepted\n\n{link}\n\n## Context\n"
                ),
            );
            let s = e.status.as_ref().unwrap();
            // Superseded for every reader; the word as written, for display.
            assert_eq!(
                (s.normalized.as_str(), s.raw.as_str(), s.line),
                ("superseded", "Accepted", 7),
                "{link}"
            );
            assert_eq!(e.links.len(), 1);
            assert_eq!(e.links[0].kind, LinkKind::SupersededBy);
            assert_eq!((e.links[0].number, e.links[0].line), (Some(2), 9));
        }
        // Without a link target too (the old reader of revisit counted it).
        let e = parse(
            "0001-first.md",
            "# 1. First\n\n## Status\n\nAccepted\n\nSuperseded by ADR 2\n",
        );
        assert_eq!(e.status_text(), "superseded");
        assert!(e.links.is_empty());
        // Other links and prose in the section do not change the status.
        let e = parse(
            "0003-third.md",
            "# 3. Third\n\n## Status\n\nAccepted\n\nSupersedes [2. Second](0002-second.md)\n\nAmends [1. First](0001-first.md)\n\nNot superseded by anything yet.\n",
        );
        assert_eq!(e.status_text(), "accepted");
    }

    #[test]
    fn a_status_field_that_carries_a_supersede_link_is_superseded() {
        let e = parse(
            "0002-use-x.md",
            "---\nstatus: \"accepted, superseded by ADR-0005\"\n---\n\n# Use X\n\n## Context and Problem Statement\n",
        );
        let s = e.status.as_ref().unwrap();
        assert_eq!(
            (s.normalized.as_str(), s.raw.as_str()),
            ("superseded", "accepted, superseded by ADR-0005")
        );
        assert_eq!(e.links[0].kind, LinkKind::SupersededBy);
        assert_eq!(e.links[0].number, Some(5));
        let e = parse(
            "20240105-use-kafka.md",
            "# Use Kafka\n\n- Status: Accepted (superseded by [20240301-use-sqs](20240301-use-sqs.md))\n- Date: 2024-01-05\n",
        );
        assert_eq!(e.status_text(), "superseded");
        assert_eq!(e.links[0].target.as_deref(), Some("20240301-use-sqs.md"));
    }

    #[test]
    fn status_of_reads_every_dialect() {
        let cases = [
            (
                "---\nstatus: \"accepted\"\ndate: 2026-01-01\n---\n# T\n",
                "accepted",
            ),
            (
                "---\nstatus: \"superseded by ADR-0004\"\n---\n# T\n",
                "superseded",
            ),
            ("---\nnumber: 2\nstatus: accepted\n---\n", "accepted"),
            (
                "# 1. T\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n\n## Context\n",
                "accepted",
            ),
            (
                "# 1. T\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n\nSuperceded by [2. U](0002-u.md)\n",
                "superseded",
            ),
            ("# 1. T\n\n## Status\n\nRejected\n", "rejected"),
            (
                "# T\n\n- Status: accepted\n- Date: 2026-01-01\n",
                "accepted",
            ),
            ("# T\n\n- Status: superseded by [x](x.md)\n", "superseded"),
        ];
        for (text, want) in cases {
            assert_eq!(status_of(text).as_deref(), Some(want), "{text}");
        }
        assert_eq!(status_of("# T\n\nno status\n"), None);
    }

    /// The status-only reader stops early; it must never say anything else than the whole
    /// parse, on any fixture or golden ADR, whole or cut to the head the accepted check reads.
    #[test]
    fn status_of_agrees_with_the_whole_parse_on_every_fixture() {
        fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
            for e in std::fs::read_dir(dir).unwrap() {
                let p = e.unwrap().path();
                if p.is_dir() {
                    files(&p, out);
                } else if p.extension().is_some_and(|x| x == "md") {
                    out.push(p);
                }
            }
        }
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
        let mut all = Vec::new();
        files(&root.join("fixtures"), &mut all);
        files(&root.join("golden"), &mut all);
        assert!(all.len() > 50, "{}", all.len());
        let mut extra = vec![
            "# 1. A\n\n## Status\n\nAccepted\n\n## Context\n\n## Status\n\nSuperseded by [2. B](0002-b.md)\n".to_string(),
            "# A\n\n- Status: accepted\n\n## Status\n\nSuperseded by [2. B](0002-b.md)\n".to_string(),
            "# 1. A\n\n## Status\n\n## Context\n\n## Status\n\nRejected\n".to_string(),
            "---\nstatus: accepted\n# A\n".to_string(),
            "---\ntag:Blast\n---\n# 2. B\n\n## Status\n\nAccepted\n\nSuperceded by [3. C](0003-c.md)\n".to_string(),
        ];
        for p in &all {
            let text = std::fs::read_to_string(p).unwrap();
            let mut cut = 2048.min(text.len());
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            extra.push(text[..cut].to_string());
            extra.push(text);
        }
        for text in &extra {
            let whole = parse_entry(Path::new("0001-a.md"), text)
                .status
                .map(|s| s.normalized);
            assert_eq!(status_of(text), whole, "{text}");
        }
    }

    #[test]
    fn madr_front_matter_and_superseded_status_text() {
        let e = parse(
            "0002-use-x.md",
            "---\nstatus: \"superseded by ADR-0005\"\ndate: 2026-01-02\ndecision-makers:\n  - A\n---\n\n# Use X\n\n## Context and Problem Statement\n\n### Related decisions\n\n- Supersedes ADR-0001 [Use Y](0001-use-y.md)\n",
        );
        assert_eq!(e.dialect, Some(LogDialect::Madr));
        assert_eq!(e.number, Some(2));
        assert_eq!(e.number_line, None);
        assert_eq!(e.status_text(), "superseded");
        assert_eq!(e.status.as_ref().unwrap().line, 2);
        assert_eq!(e.date.as_ref().unwrap().line, 3);
        assert_eq!(e.title.as_ref().unwrap().line, 8);
        assert_eq!(e.links[0].kind, LinkKind::SupersededBy);
        assert_eq!(e.links[0].number, Some(5));
        assert_eq!(e.links[0].target, None);
        assert_eq!(e.links[1].kind, LinkKind::Supersedes);
        assert_eq!(e.links[1].number, Some(1));
        assert_eq!(e.links[1].line, 14);
    }

    #[test]
    fn adrs_front_matter_with_number_title_and_links() {
        let e = parse(
            "0004-b.md",
            "---\nnumber: 4\ntitle: Use B\ndate: 2026-01-01\nstatus: accepted\nlinks:\n- target: 3\n  kind: supersedes\n- target: 2\n  kind: relatesto\n---\n\n# Use B\n",
        );
        assert_eq!(e.dialect, Some(LogDialect::Adrs));
        assert_eq!((e.number, e.number_line), (Some(4), Some(2)));
        assert_eq!(e.title.as_ref().unwrap().line, 3);
        assert_eq!(e.links.len(), 2);
        assert_eq!(
            (e.links[0].kind, e.links[0].number, e.links[0].line),
            (LinkKind::Supersedes, Some(3), 7)
        );
        assert_eq!(e.links[1].kind, LinkKind::RelatesTo);
    }

    #[test]
    fn log4brains_list_lines_and_links_section() {
        let e = parse(
            "20240105-use-kafka.md",
            "# Use Kafka\n\n- Status: superseded by [20240301-use-sqs](20240301-use-sqs.md)\n- Deciders: A\n- Date: 2024-01-05\n\n## Context and Problem Statement\n\n## Links\n\n- Relates to [20231201-x](20231201-x.md)\n",
        );
        assert_eq!(e.dialect, Some(LogDialect::Log4brains));
        assert_eq!(e.number, None);
        assert_eq!(e.status_text(), "superseded");
        assert_eq!(e.date.as_ref().unwrap().value, "2024-01-05");
        assert_eq!(e.links[0].kind, LinkKind::SupersededBy);
        assert_eq!(e.links[0].target.as_deref(), Some("20240301-use-sqs.md"));
        assert_eq!(e.links[1].kind, LinkKind::RelatesTo);
        assert_eq!(e.links[1].line, 11);
    }

    #[test]
    fn an_adr_tools_tag_block_leaves_the_body_to_say_the_status() {
        let text = "---\ntag:Blast\n---\n# 25. Use X\n\nDate: 2024-01-01\n\n## Status\n\nAccepted.\n\n## Context\n";
        let e = parse("0025-use-x.md", text);
        assert_eq!(e.dialect, Some(LogDialect::Nygard));
        assert_eq!(
            (e.status_text(), e.status.as_ref().unwrap().line),
            ("accepted", 10)
        );
        assert_eq!(e.date.as_ref().unwrap().value, "2024-01-01");
        assert_eq!(status_of(text).as_deref(), Some("accepted"));
        // Front matter of MADR's other keys only, over a MADR body: MADR without a status.
        let e = parse(
            "0001-a.md",
            "---\ndecision-makers: A\n---\n\n# A\n\nNotes.\n",
        );
        assert_eq!(e.dialect, Some(LogDialect::Madr));
        assert!(e.problem.is_none() && e.status.is_none());
    }

    #[test]
    fn code_fences_are_not_read() {
        let e = parse(
            "0001-a.md",
            "# 1. A\n\nDate: 2020-01-01\n\n## Status\n\nAccepted\n\n## Context\n\n```\n## Status\nSupersedes [9. X](0009-x.md)\n```\n",
        );
        assert!(e.links.is_empty());
        assert_eq!(e.status_text(), "accepted");
    }

    #[test]
    fn problems_name_what_is_missing() {
        let e = parse("0001-a.md", "---\nstatus: accepted\n# A\n");
        assert!(e.problem.unwrap().value.contains("never closed"));
        let e = parse("0002-b.md", "just notes\n");
        assert!(e.problem.unwrap().value.contains("no title"));
        let e = parse("0003-c.md", "# C\n\nsome text\n");
        assert!(e.problem.unwrap().value.contains("format is unknown"));
        let e = parse("0004-d.md", "# D\n\n## Context and Problem Statement\n");
        assert_eq!(e.dialect, Some(LogDialect::Madr));
        assert!(e.problem.is_none() && e.status.is_none());
    }

    #[test]
    fn local_link_targets_are_collected_outside_code() {
        let e = parse(
            "0001-a.md",
            "# A\n\n## Context and Problem Statement\n\nSee [b](0002-b.md#x), [web](https://x.org/a.md), [top](#a),\n`[no](skip.md)` and [sp](my%20file.md).\n\n[ref]: ../design/api.md \"API\"\n\n```\n[no](fenced.md)\n```\n",
        );
        let got: Vec<(&str, usize)> = e
            .local_targets
            .iter()
            .map(|f| (f.value.as_str(), f.line))
            .collect();
        assert_eq!(
            got,
            [("0002-b.md", 5), ("my file.md", 6), ("../design/api.md", 8)]
        );
    }

    #[test]
    fn statuses_normalise_to_their_keyword() {
        assert_eq!(normalize_status("\"Accepted\""), "accepted");
        assert_eq!(
            normalize_status("Superceded by [2. X](0002-x.md)"),
            "superseded"
        );
        assert_eq!(normalize_status("superseded by ADR-0005"), "superseded");
        assert_eq!(normalize_status("In Review"), "in review");
        assert_eq!(
            normalize_status("accepted, superceded by ADR-0002"),
            "superseded"
        );
        assert_eq!(normalize_status("unsuperseded by"), "unsuperseded by");
        assert_eq!(normalize_status("Draft"), "draft");
    }
}
