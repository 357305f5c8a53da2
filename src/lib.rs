//! tradeoffs: step through a decision tree, weigh the options, record the decision as an ADR.
//!
//! The core (`tree`, `tradeoff`, `session`, `report`, `adr`) has no terminal code; the command
//! line in `main.rs` and the TUI in `tui` are thin shells over the same calls.

pub mod adr;
pub mod atomic;
pub mod config;
pub mod date;
pub mod engine;
pub mod report;
pub mod session;
pub mod store;
pub mod text;
pub mod tradeoff;
pub mod tree;
pub mod tui;
