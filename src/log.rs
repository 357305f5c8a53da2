//! The repository's decision log: every ADR already in the ADR directory, read into entries
//! (number, title, status, date, dialect, links, and the line each came from), whichever tool
//! wrote them: MADR 4 front matter, adr-tools/Nygard `## Status` sections, log4brains `- Status:`
//! lists, `adrs` front matter, and logs that mix them.
//!
//! One concern per file: `entry` (the types), `parse` (one file's text into an entry), `read`
//! (a directory into a [`DecisionLog`]), `cache` (a parse cache for large logs), `branches` (ADR numbers on other git branches).
//!
//! The API here is what other parts build on (the CLI's `log`, `lint`, the TUI's decision-log
//! screen, `adr status`/`adr link`): add to it, do not rename.

pub mod branches;
mod cache;
mod entry;
pub mod index;
pub mod lint;
pub mod list;
mod parse;
mod read;

pub use entry::{Decided, DecisionLog, Entry, EntryLink, Field, LinkKind, LogDialect, StatusField};
pub use parse::{KNOWN_STATUSES, normalize_status, parse_entry, status_of};
pub use read::{is_index_or_template, read_log, read_log_cached, read_log_through_cache};
