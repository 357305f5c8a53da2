//! Reading ADRs that are already in a directory: which files are ADRs, their dialect, number
//! and title, and the one YAML front-matter reader every other part uses (MADR and `adrs`
//! files keep `number:`, `title:` and `status:` there).

use std::path::{Path, PathBuf};

use super::{AdrError, Dialect};

/// The YAML front matter of a file: the lines between a first line `---` and the next `---`
/// (all remaining lines when it is never closed). Only `key: value` lines are read; that is
/// all ADR tools put there, so no YAML library is needed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontMatter<'a> {
    pub lines: Vec<&'a str>,
    /// Index (among all the text's lines) of the closing `---`, if there is one.
    pub end: Option<usize>,
}

impl<'a> FrontMatter<'a> {
    /// The front matter at the start of `text`, if it opens with `---`.
    pub fn of(text: &'a str) -> Option<FrontMatter<'a>> {
        let mut it = text.lines();
        if it.next()?.trim_end() != "---" {
            return None;
        }
        let mut lines = Vec::new();
        let mut end = None;
        for (i, l) in it.enumerate() {
            if l.trim_end() == "---" {
                end = Some(i + 1);
                break;
            }
            lines.push(l);
        }
        Some(FrontMatter { lines, end })
    }

    /// The raw values of every `key:` line, in order (untrimmed, quotes kept).
    pub fn values<'s>(&'s self, key: &'s str) -> impl Iterator<Item = &'a str> + 's {
        self.lines
            .iter()
            .filter_map(move |l| l.strip_prefix(key)?.strip_prefix(':'))
    }
}

/// Names log4brains reserves in its folders; they are never ADRs.
pub const RESERVED: &[&str] = &["template.md", "readme.md", "index.md", "backlog.md"];

/// The ADR files of a directory: top-level `.md` files but the reserved names, sorted by name.
/// The entry's type comes from the directory listing; only symlinks cost a `stat` (a log of
/// 1,000 ADRs is listed without 1,000 of them).
pub fn adr_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| {
            let e = e.ok()?;
            let name = e.file_name();
            let n = name.as_encoded_bytes();
            let md = n.len() > 3 && n.ends_with(b".md");
            if !md
                || RESERVED
                    .iter()
                    .any(|r| r.as_bytes().eq_ignore_ascii_case(n))
            {
                return None;
            }
            let p = e.path();
            let t = e.file_type().ok()?;
            (t.is_file() || (!t.is_dir() && std::fs::metadata(&p).is_ok_and(|m| m.is_file())))
                .then_some(p)
        })
        .collect();
    // One directory: comparing the bytes of the paths orders them by file name, without
    // splitting every path into components on each comparison.
    files.sort_by(|a, b| a.as_os_str().cmp(b.as_os_str()));
    Ok(files)
}

/// The number in a name like `0042-use-rust.md` (exactly four digits, as the tools use).
pub(crate) fn name_number(name: &str) -> Option<u32> {
    // adr-tools writes four digits, and more once it passes 9999 (`10000-x.md`). Eight digits
    // that form a date are log4brains' `YYYYMMDD-slug.md`, not a number.
    let digits = &name[..name.bytes().take_while(u8::is_ascii_digit).count()];
    let is_date = digits.len() == 8
        && crate::date::is_iso_date(&format!(
            "{}-{}-{}",
            &digits[..4],
            &digits[4..6],
            &digits[6..]
        ));
    (digits.len() >= 4 && !is_date && name[digits.len()..].starts_with('-'))
        .then(|| digits.parse().ok())
        .flatten()
}

/// `number:` in a file's front matter.
pub(crate) fn front_matter_number(head: &str) -> Option<u32> {
    FrontMatter::of(head)?
        .values("number")
        .find_map(|n| n.trim().parse().ok())
}

/// An ADR already in the directory, found by number or name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Existing {
    pub path: PathBuf,
    pub number: Option<u32>,
    pub title: String,
}

impl Existing {
    pub fn file_name(&self) -> String {
        self.path
            .file_name()
            .map_or(String::new(), |n| n.to_string_lossy().into_owned())
    }
}

/// Reads the number and title of an ADR file.
pub fn read_existing(path: &Path) -> Result<Existing, AdrError> {
    let text = crate::fileread::read_text(path, crate::fileread::ADR_LIMIT)
        .map_err(|e| AdrError::Failed(format!("cannot read {}: {e}", path.display())))?;
    Ok(existing_from_text(path, &text))
}

/// The number and title of the ADR at `path` whose text is `text`.
pub fn existing_from_text(path: &Path, text: &str) -> Existing {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let number = front_matter_number(text).or_else(|| name_number(&name));
    let title = front_matter_title(text)
        .or_else(|| {
            text.lines().find_map(|l| l.strip_prefix("# ")).map(|t| {
                // Nygard titles carry "N. " in front.
                match t.split_once(". ") {
                    Some((n, rest)) if n.chars().all(|c| c.is_ascii_digit()) => rest.to_string(),
                    _ => t.to_string(),
                }
            })
        })
        .unwrap_or_else(|| name.trim_end_matches(".md").to_string());
    Existing {
        path: path.to_path_buf(),
        number,
        title: title.trim().to_string(),
    }
}

fn front_matter_title(text: &str) -> Option<String> {
    FrontMatter::of(text)?
        .values("title")
        .next()
        .map(|t| t.trim().trim_matches('"').replace("\\\"", "\""))
}

/// Finds the ADR that `--supersedes` names: a number, or a file name. Exactly one must match.
pub fn find_existing(dir: &Path, which: &str) -> Result<Existing, AdrError> {
    find_adr(dir, which, &format!("--supersedes {which}"))
}

/// Finds the ADR that `which` names (a number, a file name, or a file name without `.md`);
/// exactly one must match. Messages start with `what` (the flag or argument that named it).
pub fn find_adr(dir: &Path, which: &str, what: &str) -> Result<Existing, AdrError> {
    let files = adr_files(dir)
        .map_err(|e| AdrError::Failed(format!("cannot list {}: {e}", dir.display())))?;
    let matches: Vec<PathBuf> = match which.trim().parse::<u32>() {
        Ok(n) => files
            .into_iter()
            .filter(|f| {
                // The name's number when it has one (no read: a 1,000-ADR log is 1,000 names),
                // else the front matter's.
                let name = f.file_name().unwrap_or_default().to_string_lossy();
                match name_number(&name) {
                    Some(m) => m == n,
                    None => read_head(f, 512).and_then(|h| front_matter_number(&h)) == Some(n),
                }
            })
            .collect(),
        Err(_) => files
            .into_iter()
            .filter(|f| {
                let name = f.file_name().unwrap_or_default().to_string_lossy();
                name == which || name.trim_end_matches(".md") == which
            })
            .collect(),
    };
    match matches.as_slice() {
        [] => Err(AdrError::Invalid(format!(
            "{what}: no ADR with that number or name in {}",
            dir.display()
        ))),
        [one] => read_existing(one),
        many => Err(AdrError::Invalid(format!(
            "{what}: {} ADRs match ({}); rename one or pass the file name",
            many.len(),
            many.iter()
                .map(|p| p
                    .file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned())
                .collect::<Vec<_>>()
                .join(", ")
        ))),
    }
}

/// The first `limit` bytes of a file, as text (lossy); `None` when it cannot be read.
pub fn read_head(path: &Path, limit: usize) -> Option<String> {
    use std::io::Read as _;
    // Opening a FIFO would block; a device never ends. Only regular files are read.
    std::fs::metadata(path)
        .ok()
        .filter(std::fs::Metadata::is_file)?;
    let mut buf = vec![0u8; limit];
    let mut f = std::fs::File::open(path).ok()?;
    let n = f.read(&mut buf).ok()?;
    buf.truncate(n);
    Some(String::from_utf8_lossy(&buf).into_owned())
}

/// Recognises the dialect of one ADR from its first lines (ADR-CONVENTIONS.md section 2).
pub fn classify(text: &str) -> Option<(Dialect, bool)> {
    let first = text.lines().next()?.trim_end();
    if let Some(fm) = FrontMatter::of(text) {
        let has = |k: &str| fm.values(k).next().is_some();
        if has("number") {
            return Some((Dialect::Madr, true));
        }
        if has("status") || has("date") {
            return Some((Dialect::Madr, false));
        }
        // A tag block (`tag:Blast`) some adr-tools logs keep before `# N. Title`: the dialect
        // is the body's.
        if let Some(end) = fm.end {
            let body: String = text
                .lines()
                .skip(end + 1)
                .skip_while(|l| l.trim().is_empty())
                .collect::<Vec<_>>()
                .join("\n");
            if !body.starts_with("---") {
                return classify(&body);
            }
        }
        return None;
    }
    if let Some(rest) = first.strip_prefix("# ") {
        let numbered = rest
            .split_once(". ")
            .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
        let body: Vec<&str> = text.lines().skip(1).take(30).collect();
        if numbered
            && body.iter().any(|l| l.starts_with("Date: "))
            && body.iter().any(|l| l.trim_end() == "## Status")
        {
            return Some((Dialect::Nygard, false));
        }
        if body
            .iter()
            .find(|l| !l.trim().is_empty())
            .is_some_and(|l| l.starts_with("- Status:"))
        {
            return Some((Dialect::Log4brains, false));
        }
    }
    None
}

/// Whether the directory's ADRs use adr-tools' "Superceded" spelling. Only asked when
/// superseding, since it reads every file.
pub fn uses_adr_tools_spelling(dir: &Path) -> bool {
    adr_files(dir).is_ok_and(|files| {
        files.iter().any(|f| {
            read_head(f, 4096)
                .is_some_and(|t| t.contains("Superceded by") || t.contains("Supercedes "))
        })
    })
}

/// Whether the directory's superseded ADRs keep a "Superseded" status word above their
/// "Superseded by [...]" link (as `adrs` writes them; adr-tools replaces the word with the
/// link). Only asked when superseding, since it reads every file.
pub fn keeps_superseded_word(dir: &Path) -> bool {
    adr_files(dir).is_ok_and(|files| {
        files.iter().any(|f| {
            read_head(f, 4096).is_some_and(|t| {
                let mut lines = t.lines().map(str::trim).filter(|l| !l.is_empty());
                while let Some(l) = lines.next() {
                    if l.eq_ignore_ascii_case("superseded") {
                        return lines.next().is_some_and(|n| {
                            n.to_ascii_lowercase()
                                .replace("supercede", "supersede")
                                .starts_with("superseded by [")
                        });
                    }
                }
                false
            })
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_come_from_names_and_front_matter() {
        assert_eq!(name_number("0042-x.md"), Some(42));
        assert_eq!(name_number("42-x.md"), None);
        assert_eq!(name_number("20260101-x.md"), None);
        assert_eq!(name_number("10000-x.md"), Some(10000));
        assert_eq!(name_number("99999-x.md"), Some(99999));
        assert_eq!(name_number("99999999999-x.md"), None);
        assert_eq!(front_matter_number("---\nnumber: 7\n---\n"), Some(7));
        assert_eq!(front_matter_number("number: 7\n"), None);
    }

    #[test]
    fn front_matter_ends_at_the_second_rule() {
        let fm = FrontMatter::of("---\ntitle: \"A\"\n---\nstatus: x\n").unwrap();
        assert_eq!(fm.end, Some(2));
        assert_eq!(fm.values("title").collect::<Vec<_>>(), [" \"A\""]);
        assert_eq!(fm.values("status").count(), 0);
    }

    #[test]
    fn classifies_each_dialect_from_its_head() {
        assert_eq!(
            classify("# 2. Use Rust\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n"),
            Some((Dialect::Nygard, false))
        );
        assert_eq!(
            classify("---\nstatus: \"proposed\"\ndate: 2026-01-01\n---\n# T\n"),
            Some((Dialect::Madr, false))
        );
        assert_eq!(
            classify("---\nnumber: 3\ntitle: T\nstatus: accepted\n---\n"),
            Some((Dialect::Madr, true))
        );
        assert_eq!(
            classify("# Use Rust\n\n- Status: accepted\n- Date: 2026-01-01\n"),
            Some((Dialect::Log4brains, false))
        );
        assert_eq!(classify("just some notes\n"), None);
        assert_eq!(
            classify(
                "---\ntag:Blast\n---\n# 25. Use X\n\nDate: 2024-01-01\n\n## Status\n\nAccepted.\n"
            ),
            Some((Dialect::Nygard, false))
        );
    }
}
