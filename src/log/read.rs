//! A directory of ADRs into a [`DecisionLog`]: the files ADR tools count (top-level `.md`
//! files, not the index or a template), each read and parsed, in log order.

use std::path::Path;

use std::path::PathBuf;

use super::cache::{Cache, Key};
use super::entry::{DecisionLog, Entry, Field};
use super::parse::parse_entry;
use crate::adr::AdrError;
use crate::adr::existing::{RESERVED, adr_files, name_number};

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
    let files = adr_files(dir).map_err(|e| list_failed(dir, &e))?;
    let files: Vec<_> = files
        .into_iter()
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| !is_index_or_template(&n.to_string_lossy()))
        })
        .collect();
    let mut entries = read_all(&files);
    entries.sort_by(order);
    Ok(DecisionLog {
        dir: dir.to_path_buf(),
        entries,
        index_files: None,
    })
}

/// [`read_log`] with a parse cache in `cache_dir` (the CLI uses `<data>/log-cache`): files
/// whose size, times and inode are those of the cached read are not read again (see
/// `log::cache`). The result is the same as [`read_log`]'s.
///
/// The one `stat` per file is kernel time and decoding the cache is user time, so they run
/// side by side: a second thread starts on the `stat` calls while this one decodes, then both
/// share what is left. The `stat` work allocates nothing, so the second thread never needs a
/// malloc arena of its own (which costs more than it saves on a log of this size).
pub fn read_log_cached(dir: &Path, cache_dir: &Path) -> Result<DecisionLog, AdrError> {
    let Some((listed, index_files)) = list_candidates(dir)? else {
        return read_log(dir);
    };
    let mut listed = listed;
    // By name, to merge with the cache (which is sorted the same way). The directory lists
    // names in hash order; comparing their first eight bytes as one number settles almost
    // every comparison (`0042-use-…`) without a string compare.
    listed.sort_unstable_by(|a, b| a.prefix.cmp(&b.prefix).then_with(|| a.name.cmp(&b.name)));
    let mut keys: Vec<Option<(Key, bool)>> = vec![None; listed.len()];
    let mut cache = if listed.len() >= PARALLEL_STAT {
        let work =
            std::sync::Mutex::new(listed.chunks(STAT_CHUNK).zip(keys.chunks_mut(STAT_CHUNK)));
        let drain = || {
            loop {
                // The lock is held only to take the next chunk.
                let next = work.lock().ok().and_then(|mut w| w.next());
                let Some((files, out)) = next else { break };
                stat_into(files, out);
            }
        };
        std::thread::scope(|s| {
            s.spawn(drain);
            let cache = Cache::load(cache_dir, dir);
            drain();
            cache
        })
    } else {
        stat_into(&listed, &mut keys);
        Cache::load(cache_dir, dir)
    };
    // Entries and their keys side by side: an entry is moved once, from the cache to here.
    let mut entries: Vec<Entry> = Vec::with_capacity(listed.len());
    let mut entry_keys: Vec<Key> = Vec::with_capacity(listed.len());
    let mut todo: Vec<(Key, PathBuf)> = Vec::new();
    for (entry, key) in listed.iter().zip(keys) {
        // Not a file (a directory named `x.md`), or gone since it was listed.
        let Some((key, true)) = key else { continue };
        match cache.take(&entry.name, key, entry.path()) {
            Some(e) => {
                entries.push(e);
                entry_keys.push(key);
            }
            None => todo.push((key, entry.path())),
        }
    }
    let stale = !todo.is_empty() || !cache.is_empty();
    let paths: Vec<PathBuf> = todo.iter().map(|(_, p)| p.clone()).collect();
    for ((key, _), e) in todo.iter().zip(read_all(&paths)) {
        entries.push(e);
        entry_keys.push(*key);
    }
    // Name order is log order for most logs (zero-padded numbers); otherwise sort.
    if !entries.is_sorted_by(|a, b| order(a, b).is_le()) {
        let mut pairs: Vec<(Key, Entry)> = entry_keys.into_iter().zip(entries).collect();
        pairs.sort_by(|(_, a), (_, b)| order(a, b));
        (entry_keys, entries) = pairs.into_iter().unzip();
    }
    if stale {
        let refs: Vec<(Key, &Entry)> = entry_keys.iter().copied().zip(&entries).collect();
        cache.save(&refs);
    }
    Ok(DecisionLog {
        dir: dir.to_path_buf(),
        entries,
        index_files: Some(index_files),
    })
}

/// The first eight bytes of a name as a number that orders like the bytes (shorter names
/// padded with zeros, which order first, as a prefix does; names hold no NUL byte).
fn name_prefix(name: &str) -> u64 {
    let mut b = [0u8; 8];
    let n = name.len().min(8);
    b[..n].copy_from_slice(&name.as_bytes()[..n]);
    u64::from_be_bytes(b)
}

/// The log of `dir`, read through the user's parse cache (`<data>/log-cache`) when there is a
/// data directory: what `tradeoffs log`, `log index`, `lint` and the check against accepted
/// ADRs all read.
pub fn read_log_through_cache(dir: &Path) -> Result<DecisionLog, AdrError> {
    match crate::config::log_cache_dir() {
        Some(cache) => read_log_cached(dir, &cache),
        None => read_log(dir),
    }
}

/// Logs this long get the second thread (below it, starting one costs more than it saves).
const PARALLEL_STAT: usize = 256;
/// Files taken at a time by each `stat` thread.
const STAT_CHUNK: usize = 64;

/// The candidates, and the names that may be the index.
type Listing = (Vec<Candidate>, Vec<String>);

/// A directory entry that may be an ADR, with its UTF-8 name.
struct Candidate {
    entry: std::fs::DirEntry,
    name: String,
    /// [`name_prefix`] of `name`, for sorting.
    prefix: u64,
}

impl Candidate {
    fn path(&self) -> PathBuf {
        self.entry.path()
    }
}

/// The `Key` of each candidate, and whether it is a regular file (symlinks followed), into
/// `out` (`None` when it cannot be read).
fn stat_into(files: &[Candidate], out: &mut [Option<(Key, bool)>]) {
    for (c, slot) in files.iter().zip(out) {
        let meta = match c.entry.metadata() {
            Ok(m) if m.file_type().is_symlink() => std::fs::metadata(c.path()),
            other => other,
        };
        *slot = meta.ok().map(|m| (Key::of(&m), m.is_file()));
    }
}

/// The files [`read_log`] reads, not yet `stat`ed: Markdown files that are not an index or a
/// template; and the names that may be the log's index. `None` when a Markdown file's name is
/// not UTF-8 (the cache is keyed by names; such a log is read without it).
fn list_candidates(dir: &Path) -> Result<Option<Listing>, AdrError> {
    let rd = std::fs::read_dir(dir).map_err(|e| list_failed(dir, &e))?;
    let mut odd_name = false;
    let mut index_files = Vec::new();
    let candidates: Vec<Candidate> = rd
        .flatten()
        .filter_map(|entry| {
            let os = entry.file_name();
            let Some(name) = os.to_str() else {
                odd_name |= os.as_encoded_bytes().ends_with(b".md");
                return None;
            };
            if super::index::is_index_name(name) {
                index_files.push(name.to_string());
            }
            let skip = name.len() <= 3
                || !name.ends_with(".md")
                || RESERVED.iter().any(|r| r.eq_ignore_ascii_case(name))
                || is_index_or_template(name);
            (!skip).then(|| Candidate {
                prefix: name_prefix(name),
                name: name.to_string(),
                entry,
            })
        })
        .collect();
    Ok((!odd_name).then_some((candidates, index_files)))
}

fn list_failed(dir: &Path, e: &std::io::Error) -> AdrError {
    AdrError::Failed(format!(
        "cannot list the ADR directory {}: {}; pass --adr-dir to choose another",
        dir.display(),
        crate::adr::plain_io(e)
    ))
}

/// Log order: by number, unnumbered ADRs after the numbered ones, then by file name.
fn order(a: &Entry, b: &Entry) -> std::cmp::Ordering {
    (a.number.is_none(), a.number, &a.file).cmp(&(b.number.is_none(), b.number, &b.file))
}

/// Reads and parses the files on two threads when there are many (the machine's cores read
/// and parse a 1,000-ADR log in half the time), in order.
fn read_all(files: &[std::path::PathBuf]) -> Vec<Entry> {
    const PER_THREAD: usize = 128;
    if files.is_empty() {
        // Every file came from the cache: no need to ask how many cores there are.
        return Vec::new();
    }
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
    fn the_cache_gives_the_same_log_and_notices_every_change() {
        let dir = tempfile::tempdir().unwrap();
        let cache = tempfile::tempdir().unwrap();
        let w = |n: &str, t: &str| std::fs::write(dir.path().join(n), t).unwrap();
        w(
            "0001-a.md",
            "# 1. A\n\nDate: 2020-01-01\n\n## Status\n\nAccepted\n",
        );
        w(
            "0002-b.md",
            "# 2. B\n\nDate: 2020-01-02\n\n## Status\n\nProposed\n",
        );
        w("README.md", "# Index\n");
        let plain = read_log(dir.path()).unwrap();
        let cached = read_log_cached(dir.path(), cache.path()).unwrap();
        assert_eq!(cached.entries, plain.entries);
        // The listing also found the index, so `log index` need not list the directory again.
        assert_eq!(cached.index_files, Some(vec!["README.md".to_string()]));
        assert_eq!(plain.index_files, None);
        assert_eq!(std::fs::read_dir(cache.path()).unwrap().count(), 1);
        // Files written just now are racy: not cached yet, read again, still the same log.
        assert_eq!(
            read_log_cached(dir.path(), cache.path()).unwrap().entries,
            plain.entries
        );

        // Make the files old enough to be cached.
        let old = std::time::SystemTime::now() - std::time::Duration::from_secs(60);
        for n in ["0001-a.md", "0002-b.md"] {
            let f = std::fs::File::options()
                .write(true)
                .open(dir.path().join(n))
                .unwrap();
            f.set_modified(old).unwrap();
        }
        let first = read_log_cached(dir.path(), cache.path()).unwrap();
        assert_eq!(first.entries, read_log(dir.path()).unwrap().entries);
        // An edit of the same size, with the old modification time put back, is still seen
        // (the change time moved).
        w(
            "0002-b.md",
            "# 2. B\n\nDate: 2020-01-02\n\n## Status\n\nRejected\n",
        );
        let f = std::fs::File::options()
            .write(true)
            .open(dir.path().join("0002-b.md"))
            .unwrap();
        f.set_modified(old).unwrap();
        let after = read_log_cached(dir.path(), cache.path()).unwrap();
        assert_eq!(after.entries[1].status_text(), "rejected");
        assert_eq!(after.entries, read_log(dir.path()).unwrap().entries);
        // A deleted file leaves, a new one comes in.
        std::fs::remove_file(dir.path().join("0001-a.md")).unwrap();
        w(
            "0003-c.md",
            "# 3. C\n\nDate: 2020-01-03\n\n## Status\n\nAccepted\n",
        );
        assert_eq!(
            read_log_cached(dir.path(), cache.path()).unwrap().entries,
            read_log(dir.path()).unwrap().entries
        );
        // A corrupt cache is ignored.
        for f in std::fs::read_dir(cache.path()).unwrap() {
            std::fs::write(f.unwrap().path(), "{not json").unwrap();
        }
        assert_eq!(
            read_log_cached(dir.path(), cache.path()).unwrap().entries,
            read_log(dir.path()).unwrap().entries
        );
    }

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
