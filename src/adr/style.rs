//! The house style of a repository's ADRs, learnt from the newest files already there (and the
//! template the repository ships): which front-matter keys they use and in which order, the
//! licence header lines they all carry, a one-line `tag:` front matter, list marker and nesting
//! indentation, emphasis markers, section headings and their order, date format and status
//! wording. A new ADR that is right in its dialect can still look foreign in a team's log; this
//! is what makes it look like theirs. Pure functions over file texts; `house_style` reads them.
//!
//! Everything learnt carries the file it came from, so `decide --explain-style` and the TUI
//! preview can say what was copied from where. What the files do not show is left to the
//! dialect's defaults (`None`).

use std::path::{Path, PathBuf};

use super::existing::{FrontMatter, adr_files, read_head};

/// How many of the newest ADRs are read.
pub const SAMPLES: usize = 5;

/// One file the style is learnt from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sample {
    /// What the user sees (`0025-use-kafka.md`, `templates/template.md`).
    pub name: String,
    pub text: String,
    /// A template: placeholders instead of values, so it shapes (keys, headings) but never
    /// gives values (dates, statuses, constant keys).
    pub template: bool,
}

/// One learnt trait and the file it was copied from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Learnt<T> {
    pub value: T,
    pub from: String,
}

impl<T> Learnt<T> {
    fn new(value: T, from: &str) -> Learnt<T> {
        Learnt {
            value,
            from: from.to_string(),
        }
    }
}

/// The shape of the YAML front matter the house writes.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FrontMatterShape {
    /// Keys in the order the newest file (or the template) has them.
    pub keys: Vec<String>,
    /// `# ...` comment lines every file carries (SPDX), copied from the newest, before the keys.
    pub comments: Vec<String>,
    /// `key: value` lines with the same value in every file (`layout: adr`, `tag:Blast`), as
    /// written in the newest.
    pub constants: Vec<(String, String)>,
    /// Keys with varying values that carry no ADR meaning we know (`tag:` with one value per
    /// file): written with the decision's tree id. Each is the newest file's line up to its
    /// value (`tag:`, `tags: `), so the spacing is theirs too.
    pub tags: Vec<String>,
    /// The house quotes the `status:` value (`status: "accepted"`).
    pub quoted_status: Option<bool>,
    /// Only keys without ADR meaning (no status or date): a tag block before `# N. Title`, as
    /// some adr-tools logs keep, not MADR front matter.
    pub tag_only: bool,
}

/// Letter case of a status word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    Lower,
    Capital,
    Upper,
}

impl Case {
    pub fn apply(self, s: &str) -> String {
        match self {
            Case::Lower => s.to_lowercase(),
            Case::Upper => s.to_uppercase(),
            Case::Capital => {
                let mut c = s.chars();
                match c.next() {
                    Some(f) => f.to_uppercase().collect::<String>() + &c.as_str().to_lowercase(),
                    None => String::new(),
                }
            }
        }
    }

    fn of(s: &str) -> Option<Case> {
        let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
        if letters.len() < 2 {
            return None;
        }
        if letters.iter().all(|c| c.is_lowercase()) {
            Some(Case::Lower)
        } else if letters.iter().all(|c| c.is_uppercase()) {
            Some(Case::Upper)
        } else if letters[0].is_uppercase() && letters[1..].iter().all(|c| c.is_lowercase()) {
            Some(Case::Capital)
        } else {
            None
        }
    }
}

/// How the house writes a status: "Accepted." or "accepted", and its own words for ours
/// ("approved" for accepted).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusStyle {
    pub case: Case,
    pub period: bool,
    /// (our word, their word), for the statuses whose synonym the house uses.
    pub words: Vec<(String, String)>,
}

impl StatusStyle {
    /// Our status word (`accepted`) as the house writes it.
    pub fn write(&self, ours: &str) -> String {
        let word = self
            .words
            .iter()
            .find(|(o, _)| o == ours)
            .map_or(ours, |(_, t)| t.as_str());
        let mut s = self.case.apply(word);
        if self.period {
            s.push('.');
        }
        s
    }
}

/// Synonyms a house may use for our statuses (first: ours).
const STATUS_WORDS: &[&[&str]] = &[
    &[
        "proposed",
        "draft",
        "open",
        "pending",
        "in review",
        "under review",
    ],
    &[
        "accepted", "approved", "adopted", "agreed", "decided", "done",
    ],
    &["rejected", "declined", "refused"],
    &["deprecated", "obsolete", "retired"],
];

/// Date formats seen in ADR logs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateFormat {
    /// 2026-03-05
    Iso,
    /// 2026/03/05
    YmdSlash,
    /// 05.03.2026 (`pad`: two-digit day and month)
    DmyDot { pad: bool },
    /// 05/03/2026
    DmySlash { pad: bool },
    /// 03/05/2026
    MdySlash { pad: bool },
    /// March 5, 2026 (`abbr`: Mar 5, 2026)
    MonthDayYear { abbr: bool },
    /// 5 March 2026
    DayMonthYear { abbr: bool },
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl DateFormat {
    /// An ISO date (`YYYY-MM-DD`, checked before rendering) in this format.
    pub fn format(self, iso: &str) -> String {
        let (Some(y), Some(m), Some(d)) = (iso.get(..4), iso.get(5..7), iso.get(8..10)) else {
            return iso.to_string();
        };
        let (mn, dn) = (
            m.parse::<usize>().unwrap_or(1),
            d.parse::<usize>().unwrap_or(1),
        );
        let num = |pad: bool, n: usize| {
            if pad {
                format!("{n:02}")
            } else {
                n.to_string()
            }
        };
        let month = |abbr: bool| {
            let name = MONTHS[mn.clamp(1, 12) - 1];
            if abbr {
                name[..3].to_string()
            } else {
                name.to_string()
            }
        };
        match self {
            DateFormat::Iso => iso.to_string(),
            DateFormat::YmdSlash => format!("{y}/{m}/{d}"),
            DateFormat::DmyDot { pad } => format!("{}.{}.{y}", num(pad, dn), num(pad, mn)),
            DateFormat::DmySlash { pad } => format!("{}/{}/{y}", num(pad, dn), num(pad, mn)),
            DateFormat::MdySlash { pad } => format!("{}/{}/{y}", num(pad, mn), num(pad, dn)),
            DateFormat::MonthDayYear { abbr } => format!("{} {dn}, {y}", month(abbr)),
            DateFormat::DayMonthYear { abbr } => format!("{dn} {} {y}", month(abbr)),
        }
    }

    /// The format of one written date; `None` when it is none we know or cannot be told
    /// (`03/04/2026` could be either day first or month first).
    pub fn of(s: &str) -> Option<DateFormat> {
        let s = s.trim().trim_matches(['"', '\'']);
        if crate::date::is_iso_date(s) {
            return Some(DateFormat::Iso);
        }
        let nums = |sep: char| -> Option<Vec<&str>> {
            let parts: Vec<&str> = s.split(sep).collect();
            (parts.len() == 3
                && parts
                    .iter()
                    .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit())))
            .then_some(parts)
        };
        if let Some(p) = nums('/') {
            if p[0].len() == 4 {
                return Some(DateFormat::YmdSlash);
            }
            let pad = p[0].len() == 2 && p[1].len() == 2;
            let (a, b) = (p[0].parse::<u32>().ok()?, p[1].parse::<u32>().ok()?);
            return match (a > 12, b > 12) {
                (true, false) => Some(DateFormat::DmySlash { pad }),
                (false, true) => Some(DateFormat::MdySlash { pad }),
                _ => None,
            };
        }
        if let Some(p) = nums('.')
            && p[2].len() == 4
        {
            return Some(DateFormat::DmyDot {
                pad: p[0].len() == 2 && p[1].len() == 2,
            });
        }
        let words: Vec<&str> = s.split([' ', ',']).filter(|w| !w.is_empty()).collect();
        let month = |w: &str| {
            MONTHS.iter().find_map(|m| {
                if m.eq_ignore_ascii_case(w) {
                    Some(false)
                } else if w.len() == 3 && m[..3].eq_ignore_ascii_case(w) {
                    Some(true)
                } else {
                    None
                }
            })
        };
        let number = |w: &str| w.chars().all(|c| c.is_ascii_digit());
        match words.as_slice() {
            [m, d, y] if number(d) && number(y) && y.len() == 4 => {
                month(m).map(|abbr| DateFormat::MonthDayYear { abbr })
            }
            [d, m, y] if number(d) && number(y) && y.len() == 4 => {
                month(m).map(|abbr| DateFormat::DayMonthYear { abbr })
            }
            _ => None,
        }
    }
}

/// Where a licence comment block sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CommentAt {
    /// The first lines of the file.
    Top,
    /// Right after the front matter.
    AfterFrontMatter,
}

/// The house style learnt from a repository's files. `None`: the files do not say; the
/// dialect's default stays.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HouseStyle {
    pub front_matter: Option<Learnt<FrontMatterShape>>,
    /// An HTML comment block every file carries (SPDX lines), as the newest writes it.
    pub comment: Option<Learnt<(CommentAt, Vec<String>)>>,
    pub list_marker: Option<Learnt<char>>,
    /// Spaces before a nested list item.
    pub list_indent: Option<Learnt<usize>>,
    /// `*` or `_` for emphasis, and for strong emphasis.
    pub emphasis: Option<Learnt<char>>,
    pub strong: Option<Learnt<char>>,
    /// The `## ` headings in the house's order.
    pub headings: Option<Learnt<Vec<String>>>,
    pub date: Option<Learnt<DateFormat>>,
    pub status: Option<Learnt<StatusStyle>>,
    /// Files read, newest first (template first when there is one).
    pub read: Vec<String>,
}

/// Learns the house style from samples, newest first (a template, if any, first of all).
pub fn learn(samples: &[Sample]) -> HouseStyle {
    let mut style = HouseStyle {
        read: samples.iter().map(|s| s.name.clone()).collect(),
        ..HouseStyle::default()
    };
    let adrs: Vec<&Sample> = samples.iter().filter(|s| !s.template).collect();
    style.front_matter = front_matter_shape(samples, &adrs);
    style.comment = comment_block(&adrs).or_else(|| {
        samples
            .iter()
            .find(|s| s.template)
            .and_then(|t| comment_block(&[t]))
    });
    let first = |f: &dyn Fn(&str) -> Option<char>| {
        samples
            .iter()
            .find_map(|s| f(body(&s.text)).map(|v| Learnt::new(v, &s.name)))
    };
    style.list_marker = first(&list_marker);
    style.list_indent = samples
        .iter()
        .find_map(|s| list_indent(body(&s.text)).map(|v| Learnt::new(v, &s.name)));
    style.emphasis = first(&|t| emphasis(t, false));
    style.strong = first(&|t| emphasis(t, true));
    style.headings = samples.iter().find_map(|s| {
        let h = headings(body(&s.text));
        (!h.is_empty()).then(|| Learnt::new(h, &s.name))
    });
    style.date = adrs.iter().find_map(|s| {
        date_value(&s.text)
            .and_then(|d| DateFormat::of(&d))
            .map(|f| Learnt::new(f, &s.name))
    });
    style.status = status_style(&adrs);
    style
}

/// The text after the front matter (all of it when there is none).
pub fn body(text: &str) -> &str {
    match FrontMatter::of(text).and_then(|fm| fm.end) {
        Some(end) => {
            let mut at = 0;
            for (i, l) in text.split_inclusive('\n').enumerate() {
                at += l.len();
                if i == end {
                    break;
                }
            }
            &text[at..]
        }
        None => text,
    }
}

/// `key` of a front-matter line (`status: x` → `status`, `tag:Blast` → `tag`); `None` for
/// comments, list items and continuation lines.
fn fm_key(line: &str) -> Option<&str> {
    if line.starts_with([' ', '\t', '#', '-']) {
        return None;
    }
    let (k, _) = line.split_once(':')?;
    let k = k.trim();
    (!k.is_empty()
        && k.chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_'))
    .then_some(k)
}

/// Keys whose meaning we know; other keys are copied or tagged.
const KNOWN_KEYS: &[&str] = &[
    "number",
    "title",
    "status",
    "date",
    "decision-makers",
    "deciders",
    "consulted",
    "informed",
];

fn front_matter_shape(samples: &[Sample], adrs: &[&Sample]) -> Option<Learnt<FrontMatterShape>> {
    // The template shapes the keys when there is one; otherwise the newest ADR with front matter.
    let shaper = samples
        .iter()
        .find(|s| FrontMatter::of(&s.text).is_some())?;
    let fm = FrontMatter::of(&shaper.text)?;
    fm.end?;
    let keys: Vec<String> = fm
        .lines
        .iter()
        .filter_map(|l| fm_key(l))
        .map(str::to_string)
        .collect();
    let with_fm: Vec<FrontMatter<'_>> = adrs
        .iter()
        .filter_map(|s| FrontMatter::of(&s.text).filter(|f| f.end.is_some()))
        .collect();
    // Comment lines: the newest file's, when every file carries comments starting the same way
    // (`# SPDX-License-Identifier:` with whatever value).
    let comment_head = |l: &str| line_head(l.trim_start_matches('#'));
    let comments: Vec<String> = match with_fm.first() {
        Some(newest) => newest
            .lines
            .iter()
            .filter(|l| l.starts_with('#'))
            .filter(|l| {
                let head = comment_head(l);
                with_fm.iter().all(|f| {
                    f.lines
                        .iter()
                        .any(|m| m.starts_with('#') && comment_head(m) == head)
                })
            })
            .map(|l| l.trim_end().to_string())
            .collect(),
        None => fm
            .lines
            .iter()
            .filter(|l| l.starts_with('#') && l.contains("SPDX-"))
            .map(|l| l.trim_end().to_string())
            .collect(),
    };
    let value = |f: &FrontMatter<'_>, k: &str| -> Option<String> {
        f.lines
            .iter()
            .find(|l| fm_key(l) == Some(k))
            .map(|l| l.trim_end().to_string())
    };
    let mut constants = Vec::new();
    let mut tags = Vec::new();
    for k in &keys {
        if KNOWN_KEYS.contains(&k.as_str()) {
            continue;
        }
        let lines: Vec<Option<String>> = with_fm.iter().map(|f| value(f, k)).collect();
        match lines.first() {
            Some(Some(first))
                if lines.len() >= 2 && lines.iter().all(|l| l.as_ref() == Some(first)) =>
            {
                constants.push((k.clone(), first.clone()));
            }
            Some(Some(first)) if lines.len() == 1 && !shaper.template => {
                // One file: its value is all we know; copied.
                constants.push((k.clone(), first.clone()));
            }
            _ => {
                let line = with_fm
                    .iter()
                    .find_map(|f| value(f, k))
                    .unwrap_or_else(|| format!("{k}: "));
                let colon = line.find(':').map_or(line.len(), |i| i + 1);
                let spaces = line[colon..].len() - line[colon..].trim_start().len();
                tags.push(line[..colon + spaces].to_string());
            }
        }
    }
    let quoted_status = with_fm.first().and_then(|f| {
        f.values("status")
            .next()
            .map(|v| v.trim().starts_with(['"', '\'']))
    });
    let tag_only = !keys
        .iter()
        .any(|k| ["status", "date", "number"].contains(&k.as_str()));
    Some(Learnt::new(
        FrontMatterShape {
            keys,
            comments,
            constants,
            tags,
            quoted_status,
            tag_only,
        },
        &shaper.name,
    ))
}

/// The HTML comment block at the top of the body (right after the front matter, or at the
/// file's start), in every file, with the same first words on each line.
fn comment_block(files: &[&Sample]) -> Option<Learnt<(CommentAt, Vec<String>)>> {
    let block = |text: &str| -> Option<(CommentAt, Vec<String>)> {
        let at = if FrontMatter::of(text).is_some() {
            CommentAt::AfterFrontMatter
        } else {
            CommentAt::Top
        };
        let mut lines = body(text).lines().skip_while(|l| l.trim().is_empty());
        let first = lines.next()?;
        if !first.trim_start().starts_with("<!--") {
            return None;
        }
        let mut out = vec![first.trim_end().to_string()];
        if !first.contains("-->") {
            for l in lines {
                out.push(l.trim_end().to_string());
                if l.contains("-->") {
                    break;
                }
            }
        }
        // Only a licence or notice header is house style (a line that starts `SPDX-...`,
        // `Copyright`, `License:`); any other comment (data a tool keeps, a note) is that
        // file's own.
        out.iter()
            .any(|l| {
                let t = l.trim_start_matches("<!--").trim_start().to_lowercase();
                t.starts_with("spdx-")
                    || t.starts_with("copyright")
                    || t.starts_with("(c)")
                    || t.starts_with("license:")
                    || t.starts_with("licence:")
            })
            .then_some((at, out))
    };
    let heads = |lines: &[String]| -> Vec<String> {
        lines
            .iter()
            .map(|l| line_head(l.trim_start_matches("<!--")))
            .collect()
    };
    let newest = files.first()?;
    let (at, lines) = block(&newest.text)?;
    let want = heads(&lines);
    files
        .iter()
        .all(|f| block(&f.text).is_some_and(|(_, l)| heads(&l) == want))
        .then(|| Learnt::new((at, lines), &newest.name))
}

/// What a header line is about, whatever its value: `SPDX-FileCopyrightText` of
/// `SPDX-FileCopyrightText: 2024 X`, `Copyright` of `Copyright 2024 X`.
fn line_head(l: &str) -> String {
    let before = l.split(':').next().unwrap_or("");
    before.split_whitespace().next().unwrap_or("").to_string()
}

/// Lines outside fenced code and HTML comments.
fn prose_lines(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut fence: Option<&str> = None;
    let mut comment = false;
    for l in text.lines() {
        let t = l.trim_start();
        if let Some(f) = fence {
            if t.starts_with(f) {
                fence = None;
            }
            continue;
        }
        if comment {
            if l.contains("-->") {
                comment = false;
            }
            continue;
        }
        if t.starts_with("```") {
            fence = Some("```");
            continue;
        }
        if t.starts_with("~~~") {
            fence = Some("~~~");
            continue;
        }
        if t.starts_with("<!--") {
            comment = !l.contains("-->");
            continue;
        }
        out.push(l);
    }
    out
}

fn list_marker(text: &str) -> Option<char> {
    prose_lines(text).iter().find_map(|l| {
        let mut c = l.chars();
        let m = c.next()?;
        (matches!(m, '-' | '*' | '+') && c.next() == Some(' ')).then_some(m)
    })
}

fn list_indent(text: &str) -> Option<usize> {
    let lines = prose_lines(text);
    lines.windows(2).find_map(|w| {
        let is_item = |l: &str| {
            let t = l.trim_start();
            t.len() > 2 && matches!(t.as_bytes()[0], b'-' | b'*' | b'+') && t.as_bytes()[1] == b' '
        };
        let indent = w[1].len() - w[1].trim_start().len();
        (is_item(w[0]) && w[0].trim_start().len() == w[0].len() && is_item(w[1]) && indent > 0)
            .then_some(indent)
    })
}

/// The marker of emphasis (`strong`: strong emphasis) the text uses first, outside code spans.
fn emphasis(text: &str, strong: bool) -> Option<char> {
    for l in prose_lines(text) {
        let t = l.trim_start();
        // A list marker is not emphasis.
        let t = t
            .strip_prefix("* ")
            .or_else(|| t.strip_prefix("- "))
            .unwrap_or(t);
        let chars: Vec<char> = t.chars().collect();
        let mut i = 0;
        let mut code = false;
        while i < chars.len() {
            let c = chars[i];
            if c == '\\' {
                i += 2;
                continue;
            }
            if c == '`' {
                code = !code;
            }
            if code || (c != '*' && c != '_') {
                i += 1;
                continue;
            }
            let run = chars[i..].iter().take_while(|&&x| x == c).count();
            let before = i.checked_sub(1).map(|j| chars[j]);
            let after = chars.get(i + run).copied();
            // An opening delimiter: not inside a word (snake_case), followed by text.
            let opens = before.is_none_or(|b| !b.is_alphanumeric())
                && after.is_some_and(|a| !a.is_whitespace());
            if opens {
                if strong && run == 2 {
                    return Some(c);
                }
                if !strong && run == 1 {
                    // Closed later on the line by the same single marker.
                    let rest: String = chars[i + 1..].iter().collect();
                    if rest.contains(c) {
                        return Some(c);
                    }
                }
            }
            i += run;
        }
    }
    None
}

/// The `## ` headings of a text, in order.
pub fn headings(text: &str) -> Vec<String> {
    prose_lines(text)
        .iter()
        .filter_map(|l| l.strip_prefix("## "))
        .map(|h| h.trim().to_string())
        .collect()
}

/// The written date of an ADR: front-matter `date:`, a `Date:` line or a `- Date:` bullet.
fn date_value(text: &str) -> Option<String> {
    if let Some(fm) = FrontMatter::of(text)
        && let Some(d) = fm.values("date").next()
    {
        return Some(d.trim().to_string());
    }
    text.lines().take(40).find_map(|l| {
        let t = l
            .trim_start_matches(['-', '*', '+'])
            .trim_start()
            .trim_start_matches("**");
        let rest = t.strip_prefix("Date:")?;
        Some(rest.trim().trim_matches('*').trim().to_string())
    })
}

/// The written status of an ADR: front-matter `status:`, the first line under `## Status`, or
/// a `- Status:` bullet (first word or words, links left out).
fn status_value(text: &str) -> Option<String> {
    let raw = if let Some(fm) = FrontMatter::of(text)
        && let Some(s) = fm.values("status").next()
    {
        s.trim().trim_matches(['"', '\'']).to_string()
    } else if let Some(h) = text.lines().position(|l| l.trim_end() == "## Status") {
        text.lines()
            .skip(h + 1)
            .find(|l| !l.trim().is_empty())?
            .trim()
            .to_string()
    } else {
        text.lines().take(40).find_map(|l| {
            let t = l.trim_start_matches(['-', '*', '+']).trim_start();
            t.strip_prefix("Status:").map(|s| s.trim().to_string())
        })?
    };
    Some(raw)
}

fn status_style(adrs: &[&Sample]) -> Option<Learnt<StatusStyle>> {
    let values: Vec<(String, &str)> = adrs
        .iter()
        .filter_map(|s| status_value(&s.text).map(|v| (v, s.name.as_str())))
        .collect();
    let (newest, from) = values.first()?;
    let word = |v: &str| {
        v.trim_end_matches('.')
            .split([' ', '[', '('])
            .next()
            .unwrap_or("")
            .to_string()
    };
    let case = Case::of(&word(newest))?;
    let period = newest.ends_with('.') && !newest.contains(' ');
    let mut words = Vec::new();
    for (v, _) in &values {
        let w = word(v).to_lowercase();
        let two = v.to_lowercase();
        for group in STATUS_WORDS {
            let theirs = group[1..]
                .iter()
                .find(|s| **s == w || two.trim_end_matches('.') == **s);
            if let Some(t) = theirs
                && !words.iter().any(|(o, _): &(String, String)| o == group[0])
            {
                words.push((group[0].to_string(), (*t).to_string()));
            }
        }
    }
    Some(Learnt::new(
        StatusStyle {
            case,
            period,
            words,
        },
        from,
    ))
}

/// Template files a repository ships for its ADRs, most specific first: `template.md` in the
/// ADR directory (log4brains, MADR), adr-tools' `templates/template.md` there, and the
/// repository's `.adr-templates/` (`template.md`, `madr.md`, `nygard.md`, `default.md`, else
/// its first Markdown file by name).
pub fn template_paths(dir: &Path, repo_root: Option<&Path>) -> Vec<PathBuf> {
    let mut out = vec![dir.join("template.md"), dir.join("templates/template.md")];
    if let Some(root) = repo_root {
        let shared = root.join(".adr-templates");
        for name in ["template.md", "madr.md", "nygard.md", "default.md"] {
            out.push(shared.join(name));
        }
        if let Ok(entries) = std::fs::read_dir(&shared) {
            let mut md: Vec<PathBuf> = entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "md"))
                .collect();
            md.sort();
            out.extend(md);
        }
    }
    out
}

/// Reads the template (if any) and the newest ADRs of `dir`, and learns from them. `root` is
/// the repository root, for names the user sees and `.adr-templates/`.
pub fn house_style(dir: &Path, root: Option<&Path>) -> HouseStyle {
    let shown = |p: &Path| {
        root.and_then(|r| p.strip_prefix(r).ok())
            .unwrap_or(p)
            .display()
            .to_string()
    };
    let mut samples = Vec::new();
    if let Some(t) = template_paths(dir, root).into_iter().find(|p| p.is_file())
        && let Some(text) = read_head(&t, 64 * 1024)
    {
        samples.push(Sample {
            name: shown(&t),
            text,
            template: true,
        });
    }
    if let Ok(files) = adr_files(dir) {
        for f in files.iter().rev().take(SAMPLES) {
            if let Some(text) = read_head(f, 64 * 1024) {
                samples.push(Sample {
                    name: shown(f),
                    text,
                    template: false,
                });
            }
        }
    }
    learn(&samples)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(name: &str, text: &str) -> Sample {
        Sample {
            name: name.into(),
            text: text.into(),
            template: false,
        }
    }

    const SPDX_MADR: &str = "---\n# SPDX-FileCopyrightText: 2025 Example Corp\n# SPDX-License-Identifier: CC-BY-4.0\nnumber: 3\nstatus: accepted\ndate: 2025-04-02\n---\n\n# Use events\n\n## Context and Problem Statement\n\nText with _emphasis_ and __strong__.\n\n* one\n    * nested\n\n## Decision Outcome\n\nChosen.\n";

    #[test]
    fn front_matter_keys_comments_and_order_come_from_the_newest() {
        let older = SPDX_MADR
            .replace("2025 Example", "2024 Example")
            .replace("number: 3", "number: 2");
        let s = learn(&[sample("0003-a.md", SPDX_MADR), sample("0002-b.md", &older)]);
        let fm = s.front_matter.unwrap();
        assert_eq!(fm.from, "0003-a.md");
        assert_eq!(fm.value.keys, ["number", "status", "date"]);
        assert_eq!(
            fm.value.comments,
            [
                "# SPDX-FileCopyrightText: 2025 Example Corp",
                "# SPDX-License-Identifier: CC-BY-4.0"
            ]
        );
        assert_eq!(fm.value.quoted_status, Some(false));
        assert!(!fm.value.tag_only);
        assert_eq!(s.list_marker.unwrap().value, '*');
        assert_eq!(s.list_indent.unwrap().value, 4);
        assert_eq!(s.emphasis.unwrap().value, '_');
        assert_eq!(s.strong.unwrap().value, '_');
        assert_eq!(
            s.headings.unwrap().value,
            ["Context and Problem Statement", "Decision Outcome"]
        );
        assert_eq!(s.date.unwrap().value, DateFormat::Iso);
        let st = s.status.unwrap().value;
        assert_eq!(st.write("accepted"), "accepted");
    }

    #[test]
    fn a_comment_only_some_files_carry_is_not_copied() {
        let bare = "---\nstatus: accepted\ndate: 2025-04-02\n---\n\n# X\n";
        let s = learn(&[sample("new.md", SPDX_MADR), sample("old.md", bare)]);
        assert!(s.front_matter.unwrap().value.comments.is_empty());
    }

    #[test]
    fn a_tag_block_is_kept_with_its_constant_value_or_as_a_tag() {
        let a = "---\ntag:Blast\n---\n# 25. Use X\n\nDate: 2024-01-02\n\n## Status\n\nAccepted.\n";
        let b = a.replace("25. Use X", "24. Use Y");
        let s = learn(&[sample("0025-use-x.md", a), sample("0024-use-y.md", &b)]);
        let fm = s.front_matter.unwrap().value;
        assert!(fm.tag_only);
        assert_eq!(fm.constants, [("tag".to_string(), "tag:Blast".to_string())]);
        let c = a.replace("Blast", "Storage");
        let s = learn(&[sample("0025-use-x.md", &c), sample("0024-use-y.md", &b)]);
        assert_eq!(s.front_matter.unwrap().value.tags, ["tag:"]);
        let st = learn(&[sample("0025-use-x.md", a)]).status.unwrap().value;
        assert_eq!(st.write("proposed"), "Proposed.");
    }

    #[test]
    fn status_words_and_case_follow_the_house() {
        let a = "# 3. X\n\nDate: 2024-01-02\n\n## Status\n\nAPPROVED\n";
        let st = learn(&[sample("a.md", a)]).status.unwrap().value;
        assert_eq!(st.write("accepted"), "APPROVED");
        assert_eq!(st.write("rejected"), "REJECTED");
        let l = "# X\n\n- Status: draft\n- Date: 2024-01-02\n";
        let st = learn(&[sample("l.md", l)]).status.unwrap().value;
        assert_eq!(st.write("proposed"), "draft");
    }

    #[test]
    fn date_formats_are_recognised_and_written() {
        assert_eq!(DateFormat::of("2026-03-05"), Some(DateFormat::Iso));
        assert_eq!(DateFormat::of("\"2026-03-05\""), Some(DateFormat::Iso));
        assert_eq!(
            DateFormat::of("05.03.2026"),
            Some(DateFormat::DmyDot { pad: true })
        );
        assert_eq!(
            DateFormat::of("25/03/2026"),
            Some(DateFormat::DmySlash { pad: true })
        );
        assert_eq!(
            DateFormat::of("3/25/2026"),
            Some(DateFormat::MdySlash { pad: false })
        );
        assert_eq!(DateFormat::of("03/04/2026"), None);
        assert_eq!(
            DateFormat::of("March 5, 2026"),
            Some(DateFormat::MonthDayYear { abbr: false })
        );
        assert_eq!(
            DateFormat::of("5 Mar 2026"),
            Some(DateFormat::DayMonthYear { abbr: true })
        );
        assert_eq!(DateFormat::of("someday"), None);
        let iso = "2026-11-06";
        assert_eq!(DateFormat::DmyDot { pad: true }.format(iso), "06.11.2026");
        assert_eq!(DateFormat::DmyDot { pad: false }.format(iso), "6.11.2026");
        assert_eq!(DateFormat::MdySlash { pad: true }.format(iso), "11/06/2026");
        assert_eq!(DateFormat::YmdSlash.format(iso), "2026/11/06");
        assert_eq!(
            DateFormat::MonthDayYear { abbr: false }.format(iso),
            "November 6, 2026"
        );
        assert_eq!(
            DateFormat::DayMonthYear { abbr: true }.format(iso),
            "6 Nov 2026"
        );
    }

    #[test]
    fn an_html_licence_header_every_file_carries_is_copied() {
        let a = "<!-- SPDX-License-Identifier: MIT -->\n\n# 2. B\n\nDate: 2024-01-02\n";
        let b = "<!-- SPDX-License-Identifier: Apache-2.0 -->\n\n# 1. A\n";
        let s = learn(&[sample("0002-b.md", a), sample("0001-a.md", b)]);
        let c = s.comment.unwrap();
        assert_eq!(c.from, "0002-b.md");
        assert_eq!(
            c.value,
            (
                CommentAt::Top,
                vec!["<!-- SPDX-License-Identifier: MIT -->".to_string()]
            )
        );
        let s = learn(&[sample("0002-b.md", a), sample("0001-a.md", "# 1. A\n")]);
        assert!(s.comment.is_none());
        // Another comment is no house header, even when it mentions a licence.
        let s = learn(&[sample("x.md", "<!-- TODO: fill in -->\n# X\n")]);
        assert!(s.comment.is_none());
        let data = "<!-- tradeoffs {\"criteria\": [\"Portability and licence\"]} -->\n# X\n";
        assert!(learn(&[sample("x.md", data)]).comment.is_none());
        let multi = "<!--\nCopyright 2024 Example\nSPDX-License-Identifier: MIT\n-->\n\n# X\n";
        let older = multi.replace("2024", "2023").replace("MIT", "Apache-2.0");
        let c = learn(&[sample("new.md", multi), sample("old.md", &older)])
            .comment
            .unwrap();
        assert_eq!(c.from, "new.md");
        assert_eq!(c.value.1[1], "Copyright 2024 Example");
    }

    #[test]
    fn a_template_shapes_keys_and_headings_but_gives_no_values() {
        let t = Sample {
            name: "docs/decisions/template.md".into(),
            text: "---\nstatus: \"{proposed | accepted}\"\ndate: \"{YYYY-MM-DD}\"\nreviewers: \"{list}\"\n---\n\n# {title}\n\n## Problem\n\n{text}\n\n## Decision\n\n{text}\n".into(),
            template: true,
        };
        let s = learn(&[t]);
        let fm = s.front_matter.unwrap();
        assert_eq!(fm.from, "docs/decisions/template.md");
        assert_eq!(fm.value.keys, ["status", "date", "reviewers"]);
        assert!(fm.value.constants.is_empty());
        assert_eq!(s.headings.unwrap().value, ["Problem", "Decision"]);
        assert!(s.date.is_none() && s.status.is_none());
    }

    #[test]
    fn templates_are_found_where_each_tool_keeps_them() {
        let root = tempfile::TempDir::new().unwrap();
        let dir = root.path().join("doc/adr");
        std::fs::create_dir_all(root.path().join(".adr-templates")).unwrap();
        std::fs::create_dir_all(dir.join("templates")).unwrap();
        let write = |p: &Path| std::fs::write(p, "---\nstatus: x\n---\n\n## Why\n").unwrap();
        write(&root.path().join(".adr-templates/ours.md"));
        let first = |d: &Path| {
            template_paths(d, Some(root.path()))
                .into_iter()
                .find(|p| p.is_file())
        };
        assert_eq!(
            first(&dir),
            Some(root.path().join(".adr-templates/ours.md"))
        );
        write(&dir.join("templates/template.md"));
        assert_eq!(first(&dir), Some(dir.join("templates/template.md")));
        write(&dir.join("template.md"));
        assert_eq!(first(&dir), Some(dir.join("template.md")));
        let s = house_style(&dir, Some(root.path()));
        assert_eq!(s.read, ["doc/adr/template.md"]);
        assert_eq!(s.headings.unwrap().value, ["Why"]);
    }

    #[test]
    fn snake_case_and_list_markers_are_not_emphasis() {
        assert_eq!(emphasis("* a_b_c item\n", false), None);
        assert_eq!(emphasis("use `__init__` here\n", true), None);
        assert_eq!(emphasis("**bold** text\n", true), Some('*'));
    }
}
