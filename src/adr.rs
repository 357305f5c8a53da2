//! Architecture Decision Records: rendering a decision in the dialect a repository already uses
//! (MADR 4, Nygard/adr-tools, log4brains) and writing it into the repository's ADR directory by
//! the rules of ADR-CONVENTIONS.md, so every ADR tool there reads it.
//!
//! One concern per file: `meta` (what a record says: dialect, status, title, date),
//! `locate` (where ADRs go), `existing` (reading ADRs already there, front matter),
//! `markdown` (escaping), `render` (templates), `style` (the house style learnt from the
//! existing ADRs), `lint_config` (the repository's markdownlint rules, read through `yaml`),
//! `restyle` (a rendered ADR put into that style), `amend` (links, supersede marks and status
//! changes in existing files, as text), `write` (numbers, names, safe writes), `export`
//! (orchestration), `plain` (`adr new`: an ADR from the dialect's template), `lifecycle`
//! (`adr status` and `adr link` on files) and `error`.

mod amend;
mod error;
pub(crate) mod existing;
mod export;
mod lifecycle;
mod lint_config;
mod locate;
pub(crate) mod markdown;
mod meta;
mod plain;
mod render;
mod restyle;
mod style;
pub mod write;
mod yaml;

pub use error::AdrError;
pub(crate) use error::plain_io;
pub use export::{
    Exported, export, export_all, preview, render_standalone, update_in_place, usable_related,
};
pub use lifecycle::{LinkChoice, StatusChange, check_status, link, set_status};
pub use locate::{
    GLOBAL, Package, Spelling, Target, locate, locate_dir, locate_in, package_list, packages,
};
pub use meta::{Detail, Dialect, Link, LinkKind, RecordMeta, Status, git_user_name};
pub use plain::{PlainWritten, new_plain, plain_meta, plain_text};
pub use render::{SHORT_WORDS, replay_command, words};
pub use restyle::Style;
