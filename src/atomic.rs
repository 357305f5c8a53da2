//! Writing files so a crash, a full disk or a concurrent writer never leaves half a file under
//! the final name: content goes to a randomly named temporary file in the same directory
//! (`tempfile`), is synced, then renamed over the target (`persist`) or linked to a name that
//! must not exist yet (`persist_noclobber`). One implementation for sessions and ADRs.

use std::fs::File;
use std::io::{self, Write as _};
use std::path::Path;

use tempfile::NamedTempFile;

/// Which step failed, so callers can word their message ("cannot write into DIR" vs "cannot
/// create NAME").
#[derive(Debug)]
pub enum WriteError {
    /// Creating, writing or syncing the temporary file failed: nothing was written.
    Temp(io::Error),
    /// Moving the temporary file to its final name failed: nothing was written.
    Commit(io::Error),
}

/// Who may read a new file. ADRs, indexes and review packs are the repository's documents and
/// get the permissions any editor would give them (0666 less the umask, usually 0644);
/// sessions and caches may hold private context and stay owner-only (0600).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Visibility {
    Shared,
    Private,
}

fn write_temp(dir: &Path, content: &[u8], vis: Visibility) -> Result<NamedTempFile, WriteError> {
    let tmp = write_temp_unsynced(dir, content, vis)?;
    tmp.as_file().sync_all().map_err(WriteError::Temp)?;
    Ok(tmp)
}

fn write_temp_unsynced(
    dir: &Path,
    content: &[u8],
    vis: Visibility,
) -> Result<NamedTempFile, WriteError> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(".tradeoffs-").suffix(".tmp");
    #[cfg(unix)]
    let shared = std::os::unix::fs::PermissionsExt::from_mode(0o666);
    #[cfg(unix)]
    if vis == Visibility::Shared {
        // open(2) applies the umask, as for any file an editor creates.
        builder.permissions(shared);
    }
    #[cfg(not(unix))]
    let _ = vis;
    let mut tmp = builder.tempfile_in(dir).map_err(WriteError::Temp)?;
    tmp.write_all(content).map_err(WriteError::Temp)?;
    Ok(tmp)
}

/// Best effort: make the rename itself durable.
fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

/// Writes `content` as `dir/name` only if no file has that name. `Ok(false)`: the name is
/// taken (nothing was written).
pub fn create_new(
    dir: &Path,
    name: &str,
    content: &[u8],
    vis: Visibility,
) -> Result<bool, WriteError> {
    let tmp = write_temp(dir, content, vis)?;
    match tmp.persist_noclobber(dir.join(name)) {
        Ok(_) => {
            sync_dir(dir);
            Ok(true)
        }
        Err(e) if e.error.kind() == io::ErrorKind::AlreadyExists => Ok(false),
        Err(e) => Err(WriteError::Commit(e.error)),
    }
}

/// The directory `path` is in (`.` for a bare file name), where its temporary file goes.
fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Replaces (or creates) a file's content atomically; a replaced file keeps its permissions, a
/// new one gets `vis`'s.
pub fn replace(path: &Path, content: &[u8], vis: Visibility) -> Result<(), WriteError> {
    let dir = parent_dir(path);
    let tmp = write_temp(dir, content, vis)?;
    // The replacement keeps the replaced file's permissions (the temporary file is 0600).
    if let Ok(meta) = std::fs::metadata(path) {
        let _ = tmp.as_file().set_permissions(meta.permissions());
    }
    tmp.persist(path).map_err(|e| WriteError::Commit(e.error))?;
    sync_dir(dir);
    Ok(())
}

/// [`replace`] for a cache, owner-only: never half a file under the final name while running,
/// but not synced to disk, which spares the first `tradeoffs log` of a large log two disk
/// flushes. After a crash the cache may be old or empty; that is safe, because its entries
/// are keyed by the files' identity and a cache that does not decode is ignored.
pub fn replace_cache(path: &Path, content: &[u8]) -> Result<(), WriteError> {
    let dir = parent_dir(path);
    let tmp = write_temp_unsynced(dir, content, Visibility::Private)?;
    tmp.persist(path).map_err(|e| WriteError::Commit(e.error))?;
    Ok(())
}

/// An io::Error's message without the " at path ..." that `tempfile` adds (the temporary
/// name is random and means nothing to the user).
pub fn without_temp_path(e: &io::Error) -> String {
    let s = e.to_string();
    match s.find(" at path ") {
        Some(cut) => s[..cut].to_string(),
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cache_is_replaced_whole_and_stays_private() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.cache");
        replace_cache(&path, b"one").unwrap();
        replace_cache(&path, b"two").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "two");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }

    #[test]
    fn create_new_never_replaces_and_replace_does() {
        let dir = tempfile::tempdir().unwrap();
        assert!(create_new(dir.path(), "a.md", b"one", Visibility::Shared).unwrap());
        assert!(!create_new(dir.path(), "a.md", b"two", Visibility::Shared).unwrap());
        assert_eq!(
            std::fs::read_to_string(dir.path().join("a.md")).unwrap(),
            "one"
        );
        replace(&dir.path().join("a.md"), b"three", Visibility::Shared).unwrap();
        assert_eq!(
            std::fs::read_to_string(dir.path().join("a.md")).unwrap(),
            "three"
        );
        // No temporary file is left behind.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    /// An ADR gets the mode any editor would give a new file (0666 less the umask), not the
    /// temporary file's 0600; a session stays 0600; a replaced file keeps its mode.
    #[cfg(unix)]
    #[test]
    fn shared_files_get_the_umask_mode_and_private_ones_stay_owner_only() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let mode = |name: &str| {
            std::fs::metadata(dir.path().join(name))
                .unwrap()
                .permissions()
                .mode()
                & 0o777
        };
        std::fs::File::create(dir.path().join("editor.md")).unwrap();
        assert!(create_new(dir.path(), "adr.md", b"x", Visibility::Shared).unwrap());
        assert_eq!(mode("adr.md"), mode("editor.md"));
        replace(&dir.path().join("index.md"), b"x", Visibility::Shared).unwrap();
        assert_eq!(mode("index.md"), mode("editor.md"));
        replace(&dir.path().join("s.json"), b"x", Visibility::Private).unwrap();
        assert_eq!(mode("s.json"), 0o600);
        std::fs::set_permissions(
            dir.path().join("adr.md"),
            std::fs::Permissions::from_mode(0o640),
        )
        .unwrap();
        replace(&dir.path().join("adr.md"), b"y", Visibility::Private).unwrap();
        assert_eq!(mode("adr.md"), 0o640);
    }
}
