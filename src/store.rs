//! Saved sessions on disk: one JSON file per session in [`crate::config::sessions_dir`]. The TUI
//! autosaves after every change and lists these files on its home screen; `--resume` loads one.
//!
//! Writes go to a temporary file in the same directory and are renamed over the old file, so a
//! crash or a full disk mid-write leaves the previous save intact instead of half a JSON file.
//! No terminal code lives here.

use std::fs;
use std::path::{Path, PathBuf};

use crate::date::civil;
use crate::session::{Session, Walk};
use crate::tree::Catalog;

/// A session could not be found, read, parsed or written. The message is complete and worded
/// for the user (it names the file and what to do).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct StoreError(pub String);

/// One line of the "saved sessions" list: enough to recognise a session without opening it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub id: String,
    /// Tree titles of the session's decisions, in order (tree ids when a tree is not loaded).
    pub trees: Vec<String>,
    /// Questions answered, over all decisions.
    pub answered: usize,
    /// Decisions that have reached an outcome.
    pub decided: usize,
    pub decisions: usize,
    /// Seconds since the Unix epoch of the last change.
    pub updated: u64,
    /// Why the session cannot be resumed (bad JSON, a tree that changed), if it cannot.
    pub problem: Option<String>,
    /// The directory the session was started in.
    pub repo: Option<String>,
    /// Titles of the areas its decisions belong to, in order.
    pub areas: Vec<String>,
}

/// The directory of saved sessions.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
}

impl Store {
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Store { dir: dir.into() }
    }

    /// The store in the user's data directory (or `$TRADEOFFS_DATA_DIR/sessions`).
    pub fn open_default() -> Result<Self, StoreError> {
        crate::config::sessions_dir().map(Store::new).ok_or_else(|| {
            StoreError(
                "cannot find a data directory for saved sessions; set TRADEOFFS_DATA_DIR to a writable directory".into(),
            )
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn path_of(&self, id: &str) -> Result<PathBuf, StoreError> {
        check_id(id)?;
        Ok(self.dir.join(format!("{id}.json")))
    }

    /// Writes the session atomically (temporary file, then rename) and returns its path.
    pub fn save(&self, session: &Session) -> Result<PathBuf, StoreError> {
        let path = self.path_of(&session.id)?;
        fs::create_dir_all(&self.dir).map_err(|e| {
            StoreError(format!(
                "cannot create the sessions directory {}; check its permissions or set TRADEOFFS_DATA_DIR: {e}",
                self.dir.display()
            ))
        })?;
        let mut text = session.to_json();
        text.push('\n');
        crate::atomic::replace(&path, text.as_bytes(), crate::atomic::Visibility::Private).map_err(|e| {
            let (crate::atomic::WriteError::Temp(e) | crate::atomic::WriteError::Commit(e)) = e;
            StoreError(format!(
                "cannot save the session to {}: {}; free some space or fix the directory's permissions (the session stays open)",
                path.display(),
                crate::atomic::without_temp_path(&e)
            ))
        })?;
        Ok(path)
    }

    /// Takes the session's lock (an advisory lock on `.<id>.lock` in the sessions directory),
    /// held while the returned file is open: a second TUI on the same session is told so
    /// instead of both autosaving and the last writer silently winning.
    pub fn lock(&self, id: &str) -> Result<fs::File, StoreError> {
        check_id(id)?;
        fs::create_dir_all(&self.dir).map_err(|e| {
            StoreError(format!(
                "cannot create the sessions directory {}: {e}",
                self.dir.display()
            ))
        })?;
        let path = self.dir.join(format!(".{id}.lock"));
        let file = fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| StoreError(format!("cannot open {}: {e}", path.display())))?;
        match file.try_lock() {
            Ok(()) => Ok(file),
            Err(fs::TryLockError::WouldBlock) => Err(StoreError(format!(
                "session {id} is open in another tradeoffs; changes here are not saved; quit one of them"
            ))),
            // A file system without locks: carry on unlocked rather than refuse to save.
            Err(fs::TryLockError::Error(_)) => Ok(file),
        }
    }

    /// Loads a session and checks it against the loaded trees.
    pub fn load(&self, id: &str, catalog: &Catalog) -> Result<Session, StoreError> {
        let path = self.path_of(id)?;
        let text = read_session(&path).map_err(|e| {
            if !path.exists() && path.symlink_metadata().is_err() {
                StoreError(format!(
                    "no saved session \"{id}\" in {}; run `tradeoffs` to see the saved sessions",
                    self.dir.display()
                ))
            } else {
                StoreError(format!("cannot read {}: {e}", path.display()))
            }
        })?;
        let mut session = Session::from_json(&text, catalog)
            .map_err(|e| StoreError(format!("{}: {e}", path.display())))?;
        // The file's name, not the `id` inside it, says where the session is saved: a copied
        // session file (`cp a.json b.json`, the obvious way to branch a decision) saves to
        // its own file instead of overwriting the original.
        session.id = id.to_string();
        Ok(session)
    }

    /// Every saved session, the most recently changed first. Files that cannot be read or no
    /// longer fit the trees are listed with their problem rather than hidden.
    pub fn list(&self, catalog: &Catalog) -> Vec<Summary> {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut out: Vec<Summary> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .filter_map(|p| {
                let id = p.file_stem()?.to_str()?.to_string();
                check_id(&id).ok()?;
                Some(summarize(&id, &p, catalog))
            })
            .collect();
        out.sort_by(|a, b| b.updated.cmp(&a.updated).then(a.id.cmp(&b.id)));
        out
    }

    /// Deletes a saved session's file.
    pub fn delete(&self, id: &str) -> Result<(), StoreError> {
        check_id(id)?;
        let path = self.dir.join(format!("{id}.json"));
        fs::remove_file(&path)
            .map_err(|e| StoreError(format!("cannot delete {}: {e}", path.display())))
    }

    /// The most recently changed session that can be resumed.
    pub fn latest(&self, catalog: &Catalog) -> Result<Session, StoreError> {
        let list = self.list(catalog);
        let Some(s) = list.iter().find(|s| s.problem.is_none()) else {
            return Err(StoreError(format!(
                "no saved session to resume in {}; run `tradeoffs` to start one",
                self.dir.display()
            )));
        };
        self.load(&s.id, catalog)
    }
}

fn summarize(id: &str, path: &Path, catalog: &Catalog) -> Summary {
    let mut summary = Summary {
        id: id.to_string(),
        trees: Vec::new(),
        answered: 0,
        decided: 0,
        decisions: 0,
        updated: fs::metadata(path)
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_secs()),
        problem: None,
        repo: None,
        areas: Vec::new(),
    };
    let text = match read_session(path) {
        Ok(t) => t,
        Err(e) => {
            summary.problem = Some(format!("cannot read: {e}"));
            return summary;
        }
    };
    match Session::from_json(&text, catalog) {
        Ok(s) => {
            if s.updated > 0 {
                summary.updated = s.updated;
            }
            summary.decisions = s.decisions.len();
            summary.repo = s.repo.clone();
            for d in &s.decisions {
                summary.answered += d.answers.len();
                match catalog.get(&d.tree) {
                    Some(t) => {
                        summary.trees.push(t.tree.title.clone());
                        if !summary.areas.contains(&t.tree.area.title) {
                            summary.areas.push(t.tree.area.title.clone());
                        }
                        if Walk::replay(t, d).is_ok_and(|w| w.at_outcome()) {
                            summary.decided += 1;
                        }
                    }
                    None => summary.trees.push(d.tree.clone()),
                }
            }
        }
        Err(e) => summary.problem = Some(e.to_string()),
    }
    summary
}

/// A session file's text; a FIFO, device, directory or oversized file is refused before it is
/// read (a FIFO in the sessions directory must not hang the TUI at start).
fn read_session(path: &Path) -> Result<String, crate::fileread::ReadError> {
    crate::fileread::read_text(path, crate::fileread::SESSION_LIMIT)
}

/// Session ids become file names, so only plain characters are allowed.
fn check_id(id: &str) -> Result<(), StoreError> {
    if id.is_empty()
        || id.len() > 64
        || !id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        return Err(StoreError(format!(
            "\"{id}\" is not a session id; ids are letters, digits, '-' and '_' (run `tradeoffs` to see the saved sessions)"
        )));
    }
    Ok(())
}

/// A new session id from the time, `YYYYMMDD-HHMMSS`, with `-2`, `-3`... when taken.
pub fn new_id(now: u64, taken: &[&str]) -> String {
    let (y, mo, d, h, mi, s) = civil(now);
    let base = format!("{y:04}{mo:02}{d:02}-{h:02}{mi:02}{s:02}");
    if !taken.contains(&base.as_str()) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken.contains(&id.as_str()))
        .expect("some suffix is free")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::Decision;

    fn catalog() -> Catalog {
        crate::tree::fixtures::small()
    }

    #[test]
    fn save_then_load_and_list_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path().join("sessions"));
        let cat = catalog();
        let tree = cat.get("small").unwrap();
        let mut s = Session::new("20240101-000000", 1_704_067_200);
        let mut d = Decision::new("small");
        d.answer(tree, 0).unwrap();
        d.answer(tree, 1).unwrap();
        s.decisions.push(d);
        store.save(&s).unwrap();
        assert_eq!(store.load(&s.id, &cat).unwrap(), s);
        let list = store.list(&cat);
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].trees, vec!["Small test tree".to_string()]);
        assert_eq!((list[0].answered, list[0].decided), (2, 1));
        assert_eq!(list[0].updated, 1_704_067_200);
        // No temporary file is left behind.
        let names: Vec<_> = fs::read_dir(store.dir()).unwrap().collect();
        assert_eq!(names.len(), 1);
    }

    #[test]
    fn broken_files_are_listed_with_their_problem() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("bad.json"), "{ nope").unwrap();
        let store = Store::new(dir.path());
        let list = store.list(&catalog());
        assert_eq!(list.len(), 1);
        assert!(list[0].problem.as_deref().unwrap().contains("line 1"));
        let e = store.latest(&catalog()).unwrap_err().to_string();
        assert!(e.contains("no saved session to resume"), "{e}");
    }

    #[test]
    fn ids_cannot_escape_the_directory() {
        let store = Store::new("/tmp/nowhere");
        let e = store.load("../etc/passwd", &catalog()).unwrap_err();
        assert!(e.to_string().contains("is not a session id"), "{e}");
    }

    #[test]
    fn ids_and_times_are_readable_and_unique() {
        assert_eq!(new_id(1_704_067_200, &[]), "20240101-000000");
        assert_eq!(
            new_id(1_704_067_200, &["20240101-000000"]),
            "20240101-000000-2"
        );
    }
}
