//! Putting ADR files into a directory safely: numbers one above the highest present, names from
//! a slug that is always a plain file name, exclusive creation and atomic replacement (through
//! `crate::atomic`, so a full disk or a crash never leaves half a file under an ADR name).
//! Exports from several processes at once are serialised by an advisory lock on the directory.

use std::fs::{self, File};
use std::io;
use std::path::Path;

use super::AdrError;
use super::error::plain_io;
use super::existing::{front_matter_number, name_number, read_head};
use crate::atomic::{self, WriteError};

/// The slug of a title: lowercase letters of any script ("Использовать базу" keeps its
/// Cyrillic; digits only if nothing else is left), every other run of characters one `-`, none
/// at either end, at most [`SLUG_MAX`] bytes (cut at a `-` where there is one), so a long title
/// still makes a file name that fits (255 bytes, with the number and the temporary file's
/// prefix). Digits are dropped by preference because adr-tools finds ADRs by substring match,
/// so `adr new -s 4` could hit `log4brains`.
pub fn slug(title: &str) -> String {
    let make = |keep_digits: bool| {
        let mut s = String::new();
        for c in title.chars() {
            if c.is_alphabetic() || (keep_digits && c.is_ascii_digit()) {
                s.extend(c.to_lowercase());
            } else if !s.ends_with('-') && !s.is_empty() {
                s.push('-');
            }
        }
        cap(s.trim_end_matches('-'))
    };
    let s = make(false);
    if s.is_empty() { make(true) } else { s }
}

/// The longest slug, in bytes.
pub const SLUG_MAX: usize = 100;

fn cap(s: &str) -> String {
    if s.len() <= SLUG_MAX {
        return s.to_string();
    }
    let mut end = SLUG_MAX;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    let cut = &s[..end];
    let cut = match cut.rfind('-') {
        Some(i) if i >= SLUG_MAX / 2 => &cut[..i],
        _ => cut,
    };
    cut.trim_end_matches('-').to_string()
}

/// Checks a title before anything is written.
pub fn check_title(title: &str) -> Result<String, AdrError> {
    let t = title.trim();
    if t.is_empty() {
        return Err(AdrError::Invalid(
            "the ADR title is empty; pass --title \"...\"".into(),
        ));
    }
    if t.chars().any(char::is_control) {
        return Err(AdrError::Invalid(
            "the ADR title contains control characters (a newline or escape); use plain text"
                .into(),
        ));
    }
    let s = slug(t);
    if s.is_empty() {
        return Err(AdrError::Invalid(format!(
            "the ADR title \"{t}\" has no letters or digits to make a file name from; use a title with words"
        )));
    }
    Ok(s)
}

/// One more than the highest number among all file names and front-matter `number:` keys.
/// Files that do not parse still count: their numbers are never reused. Front matter is read
/// from files without a number in their name, and from all files when `all_front_matter` (a
/// repository that numbers ADRs in front matter), so a directory of 1,000 ADRs costs 1,000
/// directory entries, not 1,000 file reads.
///
/// Numbers on other git branches count too ([`crate::log::branches`]: local and
/// remote-tracking branches, read without a checkout), so two branches that each add an ADR
/// do not both take the same number. Without git, or outside a repository, the directory
/// alone counts.
///
/// Numbers are checked: a number so large that the next one does not fit (a hand-edited
/// `number: 4294967295`) is an error naming the file, never a wrap to 0000.
pub fn next_number(dir: &Path, all_front_matter: bool) -> Result<u32, AdrError> {
    let mut max = 0;
    let mut max_name = String::new();
    let entries = fs::read_dir(dir)
        .map_err(|e| AdrError::Failed(format!("cannot list {}: {e}", dir.display())))?;
    for entry in entries {
        let Ok(entry) = entry else { continue };
        let name = entry.file_name().to_string_lossy().into_owned();
        let numbered = name_number(&name);
        if let Some(n) = numbered
            && n > max
        {
            max = n;
            max_name.clone_from(&name);
        }
        if name.ends_with(".md")
            && (all_front_matter || numbered.is_none())
            && let Some(head) = read_head(&entry.path(), 512)
            && let Some(n) = front_matter_number(&head)
            && n > max
        {
            max = n;
            max_name.clone_from(&name);
        }
    }
    if let Some(b) = crate::log::branches::highest_on_branches(dir)
        && b.number > max
    {
        max = b.number;
        max_name = format!("{} (on branch {})", b.file, b.branch);
    }
    max.checked_add(1).filter(|n| *n <= MAX_NUMBER).ok_or_else(|| {
        AdrError::Failed(format!(
            "cannot number the next ADR: {} in {} has number {max}, the largest this program counts to is {MAX_NUMBER}; fix that file's number",
            max_name,
            dir.display()
        ))
    })
}

/// The largest ADR number given out (nine digits; far beyond any real log, far below `u32`).
pub const MAX_NUMBER: u32 = 999_999_999;

/// Removes temporary files a killed export left in the ADR directory (`.tradeoffs-*.tmp`, the
/// names [`crate::atomic`] uses), once they are older than a minute, so a `kill -9` never
/// leaves debris for `git add`. Called with the directory lock held.
pub fn remove_stale_temps(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let now = std::time::SystemTime::now();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(".tradeoffs-") && name.ends_with(".tmp")) {
            continue;
        }
        let old = entry
            .metadata()
            .ok()
            .filter(std::fs::Metadata::is_file)
            .and_then(|m| m.modified().ok())
            .and_then(|t| now.duration_since(t).ok())
            .is_some_and(|age| age.as_secs() >= 60);
        if old {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Creates the directory if needed, with a message that says what to do when that fails.
pub fn ensure_dir(dir: &Path) -> Result<(), AdrError> {
    if dir.is_dir() {
        return Ok(());
    }
    fs::create_dir_all(dir).map_err(|e| {
        AdrError::Failed(format!(
            "cannot create the ADR directory {}: {}; pass --adr-dir to choose another",
            dir.display(),
            plain_io(&e)
        ))
    })
}

/// Holds an exclusive advisory lock on the directory while numbers are taken and files written.
pub struct DirLock {
    _file: File,
}

impl DirLock {
    pub fn acquire(dir: &Path) -> Result<DirLock, AdrError> {
        let fail = |what: &str, e: &io::Error| {
            AdrError::Failed(format!("cannot {what} {}: {}", dir.display(), plain_io(e)))
        };
        let file = Self::lock_file(dir).map_err(|e| fail("open", &e))?;
        file.lock().map_err(|e| fail("lock", &e))?;
        Ok(DirLock { _file: file })
    }

    /// Unix locks the directory itself (an open directory is a file there).
    #[cfg(unix)]
    fn lock_file(dir: &Path) -> io::Result<File> {
        File::open(dir)
    }

    /// Windows cannot open a directory as a file without special flags: the lock is a file in
    /// the temporary directory named after the ADR directory's canonical path, so every
    /// process exporting into the same directory takes the same lock, and nothing is added to
    /// the repository.
    #[cfg(not(unix))]
    fn lock_file(dir: &Path) -> io::Result<File> {
        use std::hash::{Hash as _, Hasher as _};
        let canonical = dir.canonicalize()?;
        let mut h = std::collections::hash_map::DefaultHasher::new();
        canonical.hash(&mut h);
        let path = std::env::temp_dir().join(format!("tradeoffs-adr-{:016x}.lock", h.finish()));
        std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(path)
    }
}

/// Writes `content` under `name` in `dir` only if no file has that name. Returns `Ok(false)`
/// when the name is taken.
pub fn create_exclusive(dir: &Path, name: &str, content: &str) -> Result<bool, AdrError> {
    atomic::create_new(dir, name, content.as_bytes(), atomic::Visibility::Shared).map_err(|e| {
        match e {
            WriteError::Temp(e) => temp_failed(dir, &e),
            WriteError::Commit(e) => AdrError::Failed(format!(
                "cannot create {}: {}; nothing was written",
                dir.join(name).display(),
                plain_io(&e)
            )),
        }
    })
}

/// Replaces a file's content atomically.
pub fn replace_atomic(path: &Path, content: &str) -> Result<(), AdrError> {
    atomic::replace(path, content.as_bytes(), atomic::Visibility::Shared).map_err(|e| match e {
        WriteError::Temp(e) => temp_failed(path.parent().unwrap_or(Path::new(".")), &e),
        WriteError::Commit(e) => AdrError::Failed(format!(
            "cannot update {}: {}; it was left unchanged",
            path.display(),
            plain_io(&e)
        )),
    })
}

fn temp_failed(dir: &Path, e: &io::Error) -> AdrError {
    let hint = match e.kind() {
        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => {
            "; the directory is read-only, pass --adr-dir to write elsewhere"
        }
        io::ErrorKind::StorageFull => "; free some space and try again",
        _ => "",
    };
    AdrError::Failed(format!(
        "cannot write into {}: {}{hint}; nothing was written",
        dir.display(),
        plain_io(e)
    ))
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
        assert_eq!(slug("Использовать базу данных"), "использовать-базу-данных");
        assert_eq!(slug("使用数据库"), "使用数据库");
        let long = slug(&"word ".repeat(2000));
        assert!(long.len() <= SLUG_MAX && long.ends_with("word"), "{long}");
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
}
