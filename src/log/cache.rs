//! A parse cache for the decision log, so that listing a large log reads one `stat` per ADR
//! instead of the whole file (reading 1,000 small files costs more than `adrs list` takes in
//! all). One file per ADR directory in the data directory, one line per entry (tab-separated
//! fields, much quicker to decode than JSON), with the file's identity when it was read: size, modification and change times, inode. An entry is
//! used again only when all of them match; the change time moves on every write to the file
//! and cannot be set back by tools, so an edited file is always read again. Entries of files
//! written in the last two seconds are not kept (a file changed twice within the clock's
//! resolution would look unchanged: git's "racily clean" problem). Everything here is best
//! effort: a missing, unreadable, corrupt or unwritable cache only means reading the files.

use std::path::{Path, PathBuf};

use super::entry::{Decided, Entry, EntryLink, Field, LinkKind, LogDialect, StatusField};

/// Bumped whenever [`Entry`] or the parser changes what it reads, so old caches are ignored.
const VERSION: u32 = 3;

/// What identifies one version of a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Key {
    len: u64,
    mtime: (i64, i64),
    ctime: (i64, i64),
    ino: u64,
}

impl Key {
    #[cfg(unix)]
    pub(super) fn of(meta: &std::fs::Metadata) -> Key {
        use std::os::unix::fs::MetadataExt as _;
        Key {
            len: meta.len(),
            mtime: (meta.mtime(), meta.mtime_nsec()),
            ctime: (meta.ctime(), meta.ctime_nsec()),
            ino: meta.ino(),
        }
    }

    #[cfg(not(unix))]
    pub(super) fn of(meta: &std::fs::Metadata) -> Key {
        let t = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or((0, 0), |d| {
                (d.as_secs() as i64, i64::from(d.subsec_nanos()))
            });
        Key {
            len: meta.len(),
            mtime: t,
            ctime: t,
            ino: 0,
        }
    }

    /// Changed so recently that a second change within the clock's resolution could hide.
    fn is_racy(&self, now: i64) -> bool {
        self.mtime.0.max(self.ctime.0) >= now - 2
    }
}

/// The cache of one ADR directory.
pub(super) struct Cache {
    path: PathBuf,
    dir: PathBuf,
    /// Sorted by file name, merged with the sorted listing; a slot is emptied when its entry
    /// is taken. A vector, not a map: a third of a hash map's memory (on a 1,000-ADR log,
    /// touching fresh pages is a good part of what listing costs).
    entries: Vec<Option<(Key, Entry)>>,
    /// Where the merge with the listing is.
    cursor: usize,
    left: usize,
}

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

fn header(dir: &Path) -> String {
    format!("tradeoffs-log-cache {VERSION}\t{}", dir.display())
}

impl Cache {
    /// The cache of `log_dir` kept in `cache_dir` (empty when there is none or it is unusable).
    pub(super) fn load(cache_dir: &Path, log_dir: &Path) -> Cache {
        use std::hash::{Hash as _, Hasher as _};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        log_dir.hash(&mut h);
        let path = cache_dir.join(format!("{:016x}.cache", h.finish()));
        let entries = std::fs::read(&path)
            .ok()
            .and_then(|b| String::from_utf8(b).ok())
            .and_then(|t| decode(&t, log_dir))
            .unwrap_or_default();
        Cache::new(path, log_dir.to_path_buf(), entries)
    }

    fn new(path: PathBuf, dir: PathBuf, mut entries: Vec<Option<(Key, Entry)>>) -> Cache {
        // In place: every entry is moved as few times as possible (see `entries`).
        entries.sort_unstable_by(|a, b| {
            let (a, b) = (a.as_ref().map(|x| &x.1.file), b.as_ref().map(|x| &x.1.file));
            a.cmp(&b)
        });
        // Two entries for one name (only in a damaged file): neither is trusted.
        let name = |i: usize| entries[i].as_ref().map(|(_, e)| e.file.as_str());
        let doubled: Vec<usize> = (1..entries.len())
            .filter(|&i| name(i).is_some() && name(i) == name(i - 1))
            .flat_map(|i| [i - 1, i])
            .collect();
        for i in doubled {
            entries[i] = None;
        }
        let left = entries.iter().flatten().count();
        Cache {
            path,
            dir,
            entries,
            cursor: 0,
            left,
        }
    }

    /// The cached entry of `file` if the file is still the one that was read, with `path`.
    /// Callers ask for files in ascending name order (a merge with the sorted listing).
    pub(super) fn take(&mut self, file: &str, key: Key, path: PathBuf) -> Option<Entry> {
        while let Some(slot) = self.entries.get_mut(self.cursor) {
            match slot.as_ref().map(|(_, e)| e.file.as_str().cmp(file)) {
                Some(std::cmp::Ordering::Greater) => return None,
                Some(std::cmp::Ordering::Equal) => {
                    self.cursor += 1;
                    let (_, mut e) = slot.take_if(|(k, _)| *k == key)?;
                    self.left -= 1;
                    e.path = path;
                    return Some(e);
                }
                // Gone from the directory (or a damaged duplicate): left over.
                Some(std::cmp::Ordering::Less) | None => self.cursor += 1,
            }
        }
        None
    }

    /// True when every cached entry was taken (nothing left over from deleted files).
    pub(super) fn is_empty(&self) -> bool {
        self.left == 0
    }

    /// Writes the cache for these entries (atomically; errors ignored), leaving out the racy
    /// ones and any whose text holds a tab, a line break or a separator.
    pub(super) fn save(&self, entries: &[(Key, &Entry)]) {
        let now = now();
        let mut text = header(&self.dir);
        text.push('\n');
        for (k, e) in entries.iter().filter(|(k, _)| !k.is_racy(now)) {
            if let Some(line) = encode(*k, e) {
                text.push_str(&line);
                text.push('\n');
            }
        }
        if let Some(parent) = self.path.parent()
            && std::fs::create_dir_all(parent).is_ok()
        {
            let _ = crate::atomic::replace_cache(&self.path, text.as_bytes());
        }
    }
}

const ITEM: char = '\u{1e}';
const PART: char = '\u{1f}';

fn clean(s: &str) -> Option<&str> {
    (!s.contains(['\t', '\n', '\r', ITEM, PART])).then_some(s)
}

fn opt_num<T: std::fmt::Display>(n: Option<T>) -> String {
    n.map(|n| n.to_string()).unwrap_or_default()
}

fn field(f: Option<&Field>) -> Option<String> {
    Some(match f {
        None => "-".into(),
        Some(f) => format!("{}:{}", f.line, clean(&f.value)?),
    })
}

/// One entry as a line: file, key, number, number line, title, status, date, dialect,
/// problem, links, local targets, recorded decision. `None` when a text holds a character the
/// format uses.
fn encode(k: Key, e: &Entry) -> Option<String> {
    let status = match &e.status {
        None => "-".into(),
        Some(s) => format!(
            "{}:{}{PART}{}",
            s.line,
            clean(&s.normalized)?,
            clean(&s.raw)?
        ),
    };
    let links = e
        .links
        .iter()
        .map(|l| {
            let target = match &l.target {
                None => "-".into(),
                Some(t) => format!("={}", clean(t)?),
            };
            Some(format!(
                "{}{PART}{}{PART}{target}{PART}{}{PART}{}",
                l.kind.as_str(),
                clean(&l.label)?,
                opt_num(l.number),
                l.line
            ))
        })
        .collect::<Option<Vec<_>>>()?
        .join(&ITEM.to_string());
    let targets = e
        .local_targets
        .iter()
        .map(|t| field(Some(t)))
        .collect::<Option<Vec<_>>>()?
        .join(&ITEM.to_string());
    Some(
        [
            clean(&e.file)?.to_string(),
            format!(
                "{},{},{},{},{},{}",
                k.len, k.mtime.0, k.mtime.1, k.ctime.0, k.ctime.1, k.ino
            ),
            opt_num(e.number),
            opt_num(e.number_line),
            field(e.title.as_ref())?,
            status,
            field(e.date.as_ref())?,
            e.dialect.map_or("-", LogDialect::as_str).to_string(),
            field(e.problem.as_ref())?,
            links,
            targets,
            match &e.decided {
                None => "-".to_string(),
                Some(d) => format!("={}{PART}{}", clean(&d.tree)?, clean(&d.option)?),
            },
        ]
        .join("\t"),
    )
}

/// The parts of `s` between ASCII `sep` bytes. `str::split` with a char is much slower on
/// short fields (a searcher is set up for each part), and decoding runs on every `log`.
fn fields(s: &str, sep: u8) -> impl Iterator<Item = &str> {
    debug_assert!(sep.is_ascii());
    let mut rest = Some(s);
    std::iter::from_fn(move || {
        let r = rest?;
        // An ASCII byte is a character boundary, so these slices cannot fail.
        match r.bytes().position(|b| b == sep) {
            Some(i) => {
                rest = Some(&r[i + 1..]);
                Some(&r[..i])
            }
            None => {
                rest = None;
                Some(r)
            }
        }
    })
}

fn parse_field(s: &str) -> Option<Option<Field>> {
    if s == "-" {
        return Some(None);
    }
    let (line, value) = s.split_once(':')?;
    Some(Some(Field {
        value: value.to_string(),
        line: line.parse().ok()?,
    }))
}

fn parse_opt<T: std::str::FromStr>(s: &str) -> Option<Option<T>> {
    if s.is_empty() {
        Some(None)
    } else {
        s.parse().ok().map(Some)
    }
}

/// The entries of a cache file written for `dir`; `None` when it is not one (another version,
/// another directory, a damaged line).
fn decode(text: &str, dir: &Path) -> Option<Vec<Option<(Key, Entry)>>> {
    let mut lines = text.lines();
    if lines.next()? != header(dir) {
        return None;
    }
    let mut out = Vec::with_capacity(text.bytes().filter(|&b| b == b'\n').count());
    for line in lines {
        let mut f = fields(line, b'\t');
        let mut next = || f.next();
        let (file, key, number, number_line, title, status, date, dialect, problem, links, targets) = (
            next()?,
            next()?,
            next()?,
            next()?,
            next()?,
            next()?,
            next()?,
            next()?,
            next()?,
            next()?,
            next()?,
        );
        let decided = match next()? {
            "-" => None,
            d => {
                let (tree, option) = d.strip_prefix('=')?.split_once(PART)?;
                Some(Decided {
                    tree: tree.to_string(),
                    option: option.to_string(),
                })
            }
        };
        let mut k = fields(key, b',');
        let (len, ms, mn, cs, cn, ino) = (
            k.next()?,
            k.next()?,
            k.next()?,
            k.next()?,
            k.next()?,
            k.next()?,
        );
        let key = Key {
            len: len.parse().ok()?,
            mtime: (ms.parse().ok()?, mn.parse().ok()?),
            ctime: (cs.parse().ok()?, cn.parse().ok()?),
            ino: ino.parse().ok()?,
        };
        let status = if status == "-" {
            None
        } else {
            let (line, rest) = status.split_once(':')?;
            let (normalized, raw) = rest.split_once(PART)?;
            Some(StatusField {
                normalized: normalized.to_string(),
                raw: raw.to_string(),
                line: line.parse().ok()?,
            })
        };
        let links = if links.is_empty() {
            Vec::new()
        } else {
            links
                .split(ITEM)
                .map(|l| {
                    let p: Vec<&str> = fields(l, PART as u8).collect();
                    let [kind, label, target, number, line] = p.as_slice() else {
                        return None;
                    };
                    Some(EntryLink {
                        kind: LinkKind::from_name(kind)?,
                        label: (*label).to_string(),
                        target: match *target {
                            "-" => None,
                            t => Some(t.strip_prefix('=')?.to_string()),
                        },
                        number: parse_opt(number)?,
                        line: line.parse().ok()?,
                    })
                })
                .collect::<Option<Vec<_>>>()?
        };
        let local_targets = if targets.is_empty() {
            Vec::new()
        } else {
            targets
                .split(ITEM)
                .map(|t| parse_field(t).flatten())
                .collect::<Option<Vec<_>>>()?
        };
        let entry = Entry {
            // Set from the listing when the entry is taken.
            path: PathBuf::new(),
            file: file.to_string(),
            number: parse_opt(number)?,
            number_line: parse_opt(number_line)?,
            title: parse_field(title)?,
            status,
            date: parse_field(date)?,
            dialect: match dialect {
                "-" => None,
                d => Some(LogDialect::from_name(d)?),
            },
            links,
            problem: parse_field(problem)?,
            local_targets,
            decided,
        };
        out.push(Some((key, entry)));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_of_every_shape_survive_the_cache_format() {
        let key = Key {
            len: 1,
            mtime: (2, 3),
            ctime: (4, 5),
            ino: 6,
        };
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/logs");
        for d in [
            "mixed/docs/adr",
            "madr/docs/decisions",
            "log4brains/docs/adr",
            "adrs-ng/doc/adr",
            "rules/broken-link/pass/adr",
            "rules/unparseable/fail",
            // Exported ADRs, with decision data.
            "../../golden",
        ] {
            let dir = root.join(d);
            let log = super::super::read_log(&dir).unwrap();
            if d.ends_with("golden") {
                assert!(
                    log.entries.iter().filter(|e| e.decided.is_some()).count() >= 9,
                    "the golden ADRs record their decisions"
                );
            }
            let mut text = header(&dir) + "\n";
            for e in &log.entries {
                text.push_str(&encode(key, e).unwrap());
                text.push('\n');
            }
            let mut back = Cache::new(PathBuf::new(), dir.clone(), decode(&text, &dir).unwrap());
            let mut by_name: Vec<&Entry> = log.entries.iter().collect();
            by_name.sort_by(|a, b| a.file.cmp(&b.file));
            for e in by_name {
                let got = back.take(&e.file, key, e.path.clone());
                assert_eq!(got.as_ref(), Some(e), "{d}");
            }
            assert!(back.is_empty());
            assert!(decode(&text, Path::new("/elsewhere")).is_none());
        }
        // The merge: a changed file is not taken, a file the cache lacks is not found, and a
        // cached file no longer listed is left over.
        let entry = |f: &str| super::super::parse_entry(Path::new(f), "# A\n");
        let other = Key { len: 9, ..key };
        let mut c = Cache::new(
            PathBuf::new(),
            PathBuf::new(),
            vec![
                Some((key, entry("0003-c.md"))),
                Some((key, entry("0001-a.md"))),
                Some((key, entry("0002-b.md"))),
                Some((key, entry("0004-d.md"))),
                Some((key, entry("0004-d.md"))),
            ],
        );
        assert!(
            c.take("0001-a.md", key, "x/0001-a.md".into())
                .is_some_and(|e| e.path == Path::new("x/0001-a.md"))
        );
        assert!(c.take("0001-b.md", key, PathBuf::new()).is_none());
        assert!(c.take("0003-c.md", other, PathBuf::new()).is_none());
        assert!(
            c.take("0004-d.md", key, PathBuf::new()).is_none(),
            "a name cached twice is not trusted"
        );
        assert!(!c.is_empty(), "0002 was not listed and 0003 changed");
        let mut c = Cache::new(
            PathBuf::new(),
            PathBuf::new(),
            vec![Some((key, entry("0001-a.md")))],
        );
        assert!(c.take("0001-a.md", key, PathBuf::new()).is_some());
        assert!(c.is_empty());

        let mut odd = super::super::parse_entry(Path::new("0001-a.md"), "# A\tB\n");
        assert!(encode(key, &odd).is_none());
        odd.title = None;
        assert!(encode(key, &odd).is_some());
    }
}
