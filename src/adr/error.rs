//! What can go wrong while rendering or writing an ADR, split by whose fault it is: the shells
//! map [`AdrError::Invalid`] to "bad input" (exit status 2) and everything else to a failure
//! (exit status 1), so the same bad input exits the same way on every path.

use std::io;

/// An ADR could not be rendered or written. The message is complete and worded for the user.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AdrError {
    /// The input cannot be recorded as asked: a bad title, status or date, an unknown or
    /// ambiguous `--supersedes`, no option in play.
    #[error("{0}")]
    Invalid(String),
    /// The file system refused: an unreadable ADR, a directory that cannot be created or
    /// written, a file in a format that cannot be amended.
    #[error("{0}")]
    Failed(String),
}

impl AdrError {
    /// True when the user's input is at fault (not the file system).
    pub fn is_bad_input(&self) -> bool {
        matches!(self, AdrError::Invalid(_))
    }
}

/// An io::Error without the "(os error N)" suffix or the temporary file's path.
pub(crate) fn plain_io(e: &io::Error) -> String {
    let s = crate::atomic::without_temp_path(e);
    match s.find(" (os error") {
        Some(cut) => s[..cut].to_string(),
        None => s,
    }
}
