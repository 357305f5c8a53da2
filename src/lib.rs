//! tradeoffs: step through a decision tree, weigh the options, record the decision as an ADR.
//!
//! The core has no terminal code: [`tree`] (format, loading, validation), [`tradeoff`] (graph,
//! ranking, sensitivity, conflicts), [`session`] (walks and inputs), [`report`] (the decision
//! object every output reads), [`engine`] (evaluating a session), [`adr`] (rendering and
//! writing ADRs), [`store`] (saved sessions), [`config`] (where files live), [`text`]
//! (sanitizing for terminals), and the crate-internal `date` and `atomic` (safe writes).
//! The command line (`main.rs` and `cli/`, in the binary) and the TUI in [`tui`] are thin
//! shells over the same calls.

pub mod adr;
pub(crate) mod atomic;
pub mod config;
pub(crate) mod date;
pub mod engine;
pub mod fileread;
pub mod log;
pub mod report;
pub mod review;
pub mod session;
pub mod store;
pub mod text;
pub mod tradeoff;
pub mod tree;
pub mod tui;
