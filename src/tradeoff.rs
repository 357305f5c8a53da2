//! The trade-off engine: one petgraph graph of options, criteria and their relations across all
//! trees; weighted ranking with explanations; single-weight sensitivity; cross-decision conflicts.
//! Pure functions over plain data, so the TUI and `tradeoffs decide` share every result.

pub mod conflicts;
pub mod graph;
pub mod rank;
pub mod robustness;
pub mod sensitivity;

pub use conflicts::{Conflict, find_conflicts};
pub use graph::{GEdge, GNode, TradeoffGraph};
pub use rank::{Contribution, ImpactMatrix, Ranked, rank, top_tie};
pub use robustness::{Robustness, robustness};
pub use sensitivity::{Sensitivity, sensitivity};
