//! Reading files the user (or someone else) put in a directory the program scans: tree files,
//! session files, existing ADRs. Such a file may be anything: a FIFO (reading it blocks
//! forever), a device (`/dev/zero` never ends), a directory, a symlink loop, non-UTF-8 bytes or
//! a gigabyte of text. Every such read goes through [`read_text`], which checks the file's kind
//! before opening it, reads at most a limit, and says in one clause what is wrong.

use std::io::Read as _;
use std::path::Path;

/// The most a tree file may hold (a 1,000,000-question chain is about 180 MiB).
pub const TREE_LIMIT: u64 = 256 << 20;
/// The most a session file may hold.
pub const SESSION_LIMIT: u64 = 16 << 20;
/// The most an existing ADR (or a config marker) may hold for the program to read it.
pub const ADR_LIMIT: u64 = 16 << 20;

/// Why a file could not be read, as a clause for a message ("cannot read the file: ...").
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct ReadError(pub String);

/// The file's text: a regular file (symlinks followed) of at most `limit` bytes, in UTF-8, a
/// leading byte order mark dropped.
pub fn read_text(path: &Path, limit: u64) -> Result<String, ReadError> {
    let meta = std::fs::metadata(path).map_err(|e| ReadError(io_clause(&e)))?;
    kind_ok(&meta)?;
    if meta.len() > limit {
        return Err(too_large(limit));
    }
    let file = std::fs::File::open(path).map_err(|e| ReadError(io_clause(&e)))?;
    // The file may have been swapped or may grow between the check and the read; never read
    // more than the limit either way.
    let opened = file.metadata().map_err(|e| ReadError(io_clause(&e)))?;
    kind_ok(&opened)?;
    let mut bytes = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| ReadError(io_clause(&e)))?;
    if bytes.len() as u64 > limit {
        return Err(too_large(limit));
    }
    let bytes = bytes
        .strip_prefix(b"\xEF\xBB\xBF".as_slice())
        .map(<[u8]>::to_vec)
        .unwrap_or(bytes);
    String::from_utf8(bytes).map_err(|e| {
        ReadError(format!(
            "it is not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        ))
    })
}

/// The same file and the same checks as [`read_text`] in fewer system calls, for the many
/// small files of a directory that its listing has just shown to be regular files (a decision
/// log of 1,000 ADRs): open without blocking (`O_NONBLOCK`, so a FIFO that replaced a file
/// meanwhile does not stall the open) and read once into a buffer; a read that returns less
/// than the buffer holds is the whole file. An empty read, a file as large as the buffer or
/// larger, bytes that are not UTF-8 or an error go the careful way ([`read_text`]: kind and
/// size checked, the same messages).
pub fn read_text_quick(path: &Path, limit: u64) -> Result<String, ReadError> {
    const BUF: usize = 16 << 10;
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let quick = (|| {
        let mut file = options.open(path).ok()?;
        let mut bytes = vec![0u8; BUF];
        let n = loop {
            match file.read(&mut bytes) {
                Ok(n) => break n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(_) => return None,
            }
        };
        if n == 0 || n >= BUF || n as u64 > limit {
            return None;
        }
        bytes.truncate(n);
        if bytes.starts_with(b"\xEF\xBB\xBF") {
            bytes.drain(..3);
        }
        String::from_utf8(bytes).ok()
    })();
    match quick {
        Some(text) => Ok(text),
        None => read_text(path, limit),
    }
}

fn kind_ok(meta: &std::fs::Metadata) -> Result<(), ReadError> {
    if meta.is_file() {
        return Ok(());
    }
    let what = if meta.is_dir() {
        "a directory"
    } else {
        special_kind(meta)
    };
    Err(ReadError(format!("it is {what}, not a regular file")))
}

#[cfg(unix)]
fn special_kind(meta: &std::fs::Metadata) -> &'static str {
    use std::os::unix::fs::FileTypeExt as _;
    let t = meta.file_type();
    if t.is_fifo() {
        "a FIFO (named pipe)"
    } else if t.is_char_device() || t.is_block_device() {
        "a device"
    } else if t.is_socket() {
        "a socket"
    } else {
        "a special file"
    }
}

#[cfg(not(unix))]
fn special_kind(_: &std::fs::Metadata) -> &'static str {
    "a special file"
}

fn too_large(limit: u64) -> ReadError {
    ReadError(format!(
        "it is larger than {} MiB, the most this program reads",
        limit >> 20
    ))
}

/// An I/O error as a clause, without Rust's "(os error N)" suffix.
fn io_clause(e: &std::io::Error) -> String {
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
    fn the_quick_read_reads_and_refuses_the_same() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.md");
        std::fs::write(&p, b"\xEF\xBB\xBFhello").unwrap();
        assert_eq!(read_text_quick(&p, 100).unwrap(), "hello");
        std::fs::write(&p, [0xffu8, 0]).unwrap();
        assert_eq!(read_text_quick(&p, 100), read_text(&p, 100));
        assert_eq!(read_text_quick(dir.path(), 100), read_text(dir.path(), 100));
        std::fs::write(&p, "x".repeat(200)).unwrap();
        assert_eq!(read_text_quick(&p, 100), read_text(&p, 100));
        let big = "y".repeat(40_000);
        std::fs::write(&p, &big).unwrap();
        assert_eq!(read_text_quick(&p, 1 << 20).unwrap(), big);
        std::fs::write(&p, "").unwrap();
        assert_eq!(read_text_quick(&p, 100).unwrap(), "");
        assert!(read_text_quick(&dir.path().join("missing"), 100).is_err());
    }

    #[cfg(unix)]
    #[test]
    fn the_quick_read_does_not_block_on_a_fifo() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("pipe.md");
        let c = std::ffi::CString::new(p.to_str().unwrap()).unwrap();
        // SAFETY: a valid NUL-terminated path; mkfifo only creates a file system entry.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        let err = read_text_quick(&p, 100).unwrap_err();
        assert!(err.0.contains("FIFO"), "{err}");
    }

    #[test]
    fn refuses_what_is_not_a_small_regular_text_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.json");
        std::fs::write(&p, b"\xEF\xBB\xBFhello").unwrap();
        assert_eq!(read_text(&p, 100).unwrap(), "hello");
        assert_eq!(
            read_text(&p, 3).unwrap_err().0,
            "it is larger than 0 MiB, the most this program reads"
        );
        std::fs::write(&p, b"\xff\xfe").unwrap();
        assert_eq!(
            read_text(&p, 100).unwrap_err().0,
            "it is not UTF-8 text (invalid byte at offset 0)"
        );
        assert_eq!(
            read_text(dir.path(), 100).unwrap_err().0,
            "it is a directory, not a regular file"
        );
        #[cfg(unix)]
        assert_eq!(
            read_text(Path::new("/dev/zero"), 100).unwrap_err().0,
            "it is a device, not a regular file"
        );
    }
}
