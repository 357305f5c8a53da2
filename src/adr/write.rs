//! Putting ADR files into a directory safely: numbers one above the highest present, names from
//! a slug that is always a plain file name, exclusive creation, and content written to a
//! temporary file first so a full disk or a crash never leaves half a file under an ADR name.
//! Exports from several processes at once are serialised by an advisory lock on the directory.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow, bail};

use super::locate::{adr_files, read_head};

/// The slug of a title: lowercase ASCII letters (and digits only if nothing else is left), every
/// other run of characters one `-`, none at either end. Digits are dropped by preference
/// because adr-tools finds ADRs by substring match, so `adr new -s 4` could hit `log4brains`.
pub fn slug(title: &str) -> String {
    let make = |keep_digits: bool| {
        let mut s = String::new();
        for c in title.chars() {
            if c.is_ascii_alphabetic() || (keep_digits && c.is_ascii_digit()) {
                s.push(c.to_ascii_lowercase());
            } else if !s.ends_with('-') && !s.is_empty() {
                s.push('-');
            }
        }
        s.trim_end_matches('-').to_string()
    };
    let s = make(false);
    if s.is_empty() { make(true) } else { s }
}

/// Checks a title before anything is written.
pub fn check_title(title: &str) -> Result<String> {
    let t = title.trim();
    if t.is_empty() {
        bail!("the ADR title is empty; pass --title \"...\"");
    }
    if t.chars().any(char::is_control) {
        bail!("the ADR title contains control characters (a newline or escape); use plain text");
    }
    let s = slug(t);
    if s.is_empty() {
        bail!(
            "the ADR title \"{t}\" has no letters or digits to make a file name from; use a title with words"
        );
    }
    Ok(s)
}

/// The number in a name like `0042-use-rust.md` (exactly four digits, as the tools use).
fn name_number(name: &str) -> Option<u32> {
    let digits: String = name.chars().take_while(char::is_ascii_digit).collect();
    (digits.len() == 4 && name[digits.len()..].starts_with('-'))
        .then(|| digits.parse().ok())
        .flatten()
}

/// `number:` in a file's front matter.
fn front_matter_number(head: &str) -> Option<u32> {
    let mut lines = head.lines();
    if lines.next()?.trim_end() != "---" {
        return None;
    }
    lines.take_while(|l| l.trim_end() != "---").find_map(|l| {
        l.strip_prefix("number:")
            .and_then(|n| n.trim().parse().ok())
    })
}

/// One more than the highest number among all file names and front-matter `number:` keys.
/// Files that do not parse still count: their numbers are never reused. Front matter is read
/// from files without a number in their name, and from all files when `all_front_matter` (a
/// repository that numbers ADRs in front matter), so a directory of 1,000 ADRs costs 1,000
/// directory entries, not 1,000 file reads.
pub fn next_number(dir: &Path, all_front_matter: bool) -> Result<u32> {
    let mut max = 0;
    for entry in fs::read_dir(dir).with_context(|| format!("cannot list {}", dir.display()))? {
        let Ok(entry) = entry else { continue };
        let name = entry.file_name().to_string_lossy().into_owned();
        let numbered = name_number(&name);
        if let Some(n) = numbered {
            max = max.max(n);
        }
        if name.ends_with(".md")
            && (all_front_matter || numbered.is_none())
            && let Some(head) = read_head(&entry.path(), 512)
            && let Some(n) = front_matter_number(&head)
        {
            max = max.max(n);
        }
    }
    Ok(max + 1)
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
pub fn read_existing(path: &Path) -> Result<Existing> {
    let text =
        fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let number = front_matter_number(&text).or_else(|| name_number(&name));
    let title = front_matter_title(&text)
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
    Ok(Existing {
        path: path.to_path_buf(),
        number,
        title: title.trim().to_string(),
    })
}

fn front_matter_title(text: &str) -> Option<String> {
    let mut lines = text.lines();
    if lines.next()?.trim_end() != "---" {
        return None;
    }
    lines.take_while(|l| l.trim_end() != "---").find_map(|l| {
        l.strip_prefix("title:")
            .map(|t| t.trim().trim_matches('"').replace("\\\"", "\""))
    })
}

/// Finds the ADR that `--supersedes` names: a number, or a file name. Exactly one must match.
pub fn find_existing(dir: &Path, which: &str) -> Result<Existing> {
    let files = adr_files(dir).with_context(|| format!("cannot list {}", dir.display()))?;
    let matches: Vec<PathBuf> = match which.trim().parse::<u32>() {
        Ok(n) => files
            .into_iter()
            .filter(|f| {
                let name = f.file_name().unwrap_or_default().to_string_lossy();
                name_number(&name) == Some(n)
                    || read_head(f, 512).and_then(|h| front_matter_number(&h)) == Some(n)
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
        [] => bail!(
            "--supersedes {which}: no ADR with that number or name in {}",
            dir.display()
        ),
        [one] => read_existing(one),
        many => bail!(
            "--supersedes {which}: {} ADRs match ({}); rename one or pass the file name",
            many.len(),
            many.iter()
                .map(|p| p
                    .file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// Creates the directory if needed, with a message that says what to do when that fails.
pub fn ensure_dir(dir: &Path) -> Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    fs::create_dir_all(dir).map_err(|e| {
        anyhow!(
            "cannot create the ADR directory {}: {}; pass --adr-dir to choose another",
            dir.display(),
            plain_io(&e)
        )
    })
}

/// Holds an exclusive advisory lock on the directory while numbers are taken and files written.
pub struct DirLock {
    _file: File,
}

impl DirLock {
    pub fn acquire(dir: &Path) -> Result<DirLock> {
        let file = File::open(dir)
            .map_err(|e| anyhow!("cannot open {}: {}", dir.display(), plain_io(&e)))?;
        file.lock()
            .map_err(|e| anyhow!("cannot lock {}: {}", dir.display(), plain_io(&e)))?;
        Ok(DirLock { _file: file })
    }
}

/// Writes `content` under `name` in `dir` only if no file has that name: the content goes to a
/// temporary file first, which is then hard-linked to the final name (fails if it exists).
/// Returns `Ok(false)` when the name is taken.
pub fn create_exclusive(dir: &Path, name: &str, content: &str) -> Result<bool> {
    let tmp = write_temp(dir, name, content)?;
    let target = dir.join(name);
    let linked = fs::hard_link(&tmp, &target);
    let _ = fs::remove_file(&tmp);
    match linked {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(false),
        Err(e) => Err(anyhow!(
            "cannot create {}: {}; nothing was written",
            target.display(),
            plain_io(&e)
        )),
    }
}

/// Replaces a file's content atomically (temporary file in the same directory, then rename).
pub fn replace_atomic(path: &Path, content: &str) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let tmp = write_temp(dir, &name, content)?;
    fs::rename(&tmp, path).map_err(|e| {
        let _ = fs::remove_file(&tmp);
        anyhow!(
            "cannot update {}: {}; it was left unchanged",
            path.display(),
            plain_io(&e)
        )
    })
}

fn write_temp(dir: &Path, name: &str, content: &str) -> Result<PathBuf> {
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| -> io::Result<()> {
        let mut f = OpenOptions::new().write(true).create_new(true).open(&tmp)?;
        f.write_all(content.as_bytes())?;
        f.sync_all()
    })();
    if let Err(e) = result {
        let _ = fs::remove_file(&tmp);
        let hint = match e.kind() {
            io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => {
                "; the directory is read-only, pass --adr-dir to write elsewhere"
            }
            io::ErrorKind::StorageFull => "; free some space and try again",
            _ => "",
        };
        bail!(
            "cannot write into {}: {}{hint}; nothing was written",
            dir.display(),
            plain_io(&e)
        );
    }
    Ok(tmp)
}

/// An io::Error without the "(os error N)" suffix.
fn plain_io(e: &io::Error) -> String {
    let s = e.to_string();
    match s.find(" (os error") {
        Some(cut) => s[..cut].to_string(),
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_plain_file_names() {
        assert_eq!(
            slug("Use PostgreSQL for orders"),
            "use-postgresql-for-orders"
        );
        assert_eq!(slug("Slash/Slash/Slash/"), "slash-slash-slash");
        assert_eq!(slug("../../etc/passwd"), "etc-passwd");
        assert_eq!(slug("Use OAuth 2.0 + OIDC"), "use-oauth-oidc");
        assert_eq!(slug("2026"), "2026");
        assert_eq!(slug("!!!"), "");
    }

    #[test]
    fn titles_that_cannot_name_a_file_are_refused() {
        assert!(check_title("  ").unwrap_err().to_string().contains("empty"));
        assert!(
            check_title("?!")
                .unwrap_err()
                .to_string()
                .contains("no letters")
        );
        assert!(
            check_title("a\nb")
                .unwrap_err()
                .to_string()
                .contains("control")
        );
    }

    #[test]
    fn numbers_come_from_names_and_front_matter() {
        assert_eq!(name_number("0042-x.md"), Some(42));
        assert_eq!(name_number("42-x.md"), None);
        assert_eq!(name_number("20260101-x.md"), None);
        assert_eq!(front_matter_number("---\nnumber: 7\n---\n"), Some(7));
    }
}
