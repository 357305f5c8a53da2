//! A directory of ADRs into a [`DecisionLog`]: the files ADR tools count (top-level `.md`
//! files, not the index or a template), each read and parsed, in log order.

use std::path::Path;

use super::entry::{DecisionLog, Entry, Field};
use super::parse::parse_entry;
use crate::adr::AdrError;
use crate::adr::existing::{adr_files, name_number};

/// Index and template files that live beside ADRs but are none: log4brains' reserved names,
/// adr-tools' `toc.md`, and MADR's `adr-template*.md`. A numbered file is always an ADR.
pub fn is_index_or_template(file_name: &str) -> bool {
    if name_number(file_name).is_some() {
        return false;
    }
    let lower = file_name.to_lowercase();
    matches!(
        lower.as_str(),
        "readme.md" | "index.md" | "toc.md" | "template.md" | "backlog.md"
    ) || lower.contains("template")
}

/// Reads every ADR of `dir`. Files that cannot be read or parsed are kept, with a `problem`
/// saying why, so that nothing is silently left out (lint reports them). Fails only when the
/// directory cannot be listed.
pub fn read_log(dir: &Path) -> Result<DecisionLog, AdrError> {
    let files = adr_files(dir).map_err(|e| {
        AdrError::Failed(format!(
            "cannot list the ADR directory {}: {}; pass --adr-dir to choose another",
            dir.display(),
            crate::adr::plain_io(&e)
        ))
    })?;
    let files: Vec<_> = files
        .into_iter()
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| !is_index_or_template(&n.to_string_lossy()))
        })
        .collect();
    let mut entries = read_all(&files);
    entries.sort_by(|a, b| {
        (a.number.is_none(), a.number, &a.file).cmp(&(b.number.is_none(), b.number, &b.file))
    });
    Ok(DecisionLog {
        dir: dir.to_path_buf(),
        entries,
    })
}

/// The log of the repository containing `start`: its ADR directory found as exports find it
/// ([`crate::adr::locate`]; `adr_dir` is the `--adr-dir` flag), then read. A directory that
/// does not exist yet is an empty log.
pub fn open_log(start: &Path, adr_dir: Option<&Path>) -> Result<DecisionLog, AdrError> {
    let target = crate::adr::locate_dir(start, adr_dir)?;
    if !target.dir.is_dir() {
        return Ok(DecisionLog {
            dir: target.dir,
            entries: Vec::new(),
        });
    }
    read_log(&target.dir)
}

/// Reads and parses the files on two threads when there are many (the machine's cores read
/// and parse a 1,000-ADR log in half the time), in order.
fn read_all(files: &[std::path::PathBuf]) -> Vec<Entry> {
    const PER_THREAD: usize = 128;
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .min(4)
        .min(files.len().div_ceil(PER_THREAD))
        .max(1);
    if threads == 1 {
        return files.iter().map(|p| read_one(p)).collect();
    }
    let chunk = files.len().div_ceil(threads);
    std::thread::scope(|s| {
        let handles: Vec<_> = files
            .chunks(chunk)
            .map(|part| s.spawn(move || part.iter().map(|p| read_one(p)).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    })
}

fn read_one(path: &Path) -> Entry {
    match crate::fileread::read_text_quick(path, crate::fileread::ADR_LIMIT) {
        Ok(text) => parse_entry(path, &text),
        Err(err) => {
            let mut e = parse_entry(path, "");
            e.problem = Some(Field {
                value: format!("cannot read it: {err}"),
                line: 1,
            });
            e
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_and_template_files_are_not_adrs() {
        for n in [
            "README.md",
            "index.md",
            "toc.md",
            "adr-template.md",
            "template-nygard.md",
        ] {
            assert!(is_index_or_template(n), "{n}");
        }
        for n in ["0001-use-templates.md", "20240101-x.md", "0002-readme.md"] {
            assert!(!is_index_or_template(n), "{n}");
        }
    }

    #[test]
    fn a_directory_reads_in_number_order_with_problems_kept() {
        let dir = tempfile::tempdir().unwrap();
        let w = |n: &str, t: &str| std::fs::write(dir.path().join(n), t).unwrap();
        w(
            "0002-b.md",
            "# 2. B\n\nDate: 2020-01-02\n\n## Status\n\nAccepted\n",
        );
        w(
            "0010-j.md",
            "# 10. J\n\nDate: 2020-01-02\n\n## Status\n\nProposed\n",
        );
        w(
            "0001-a.md",
            "# 1. A\n\nDate: 2020-01-01\n\n## Status\n\nAccepted\n",
        );
        w(
            "0003-c.md",
            [0xffu8, 0xfe]
                .iter()
                .map(|&b| b as char)
                .collect::<String>()
                .as_str(),
        );
        std::fs::write(dir.path().join("0004-d.md"), [0xff, 0xfe, 0x00]).unwrap();
        w("README.md", "# Architecture Decision Records\n");
        let log = read_log(dir.path()).unwrap();
        let files: Vec<&str> = log.entries.iter().map(|e| e.file.as_str()).collect();
        assert_eq!(
            files,
            [
                "0001-a.md",
                "0002-b.md",
                "0003-c.md",
                "0004-d.md",
                "0010-j.md"
            ]
        );
        assert!(
            log.entries[3]
                .problem
                .as_ref()
                .unwrap()
                .value
                .contains("cannot read it")
        );
        assert!(log.entries[2].problem.is_some());
        assert_eq!(log.with_status("Accepted").count(), 2);
        assert!(read_log(&dir.path().join("missing")).is_err());
    }
}
