//! The integration tests, in one binary so the crate is linked once instead of ten times
//! (ripgrep's and helix's layout). Each module is one former test file; `util` is the shared
//! harness. Run one group with `cargo test --test it cli::` (or any name filter).

mod util;

mod adr_cmd;
mod adr_export;
mod adr_golden;
mod adr_lint;
mod adr_words;
mod cli;
mod hardening;
mod house_style;
mod lint;
mod log;
mod properties;
mod review;
mod revisit;
mod shipped_trees;
mod startup;
mod synthetic;
mod trees_validation;
mod tui_area;
mod tui_log;
mod tui_pty;
mod tui_revisit;
mod tui_snapshots;
mod tui_state;
