//! The one call both shells make to evaluate a session: the trade-off graph is built once per
//! catalog and every decision is reported through [`report::build`], so the CLI and the TUI
//! cannot assemble the engine differently.

use crate::report::{self, DecisionReport};
use crate::session::{Session, SessionError};
use crate::tradeoff::TradeoffGraph;
use crate::tree::Catalog;

/// A catalog's trade-off graph, ready to evaluate sessions over that catalog.
#[derive(Debug)]
pub struct Engine {
    graph: TradeoffGraph,
}

impl Engine {
    pub fn new(catalog: &Catalog) -> Engine {
        Engine {
            graph: TradeoffGraph::build(catalog),
        }
    }

    /// The report of one decision of the session.
    pub fn evaluate(
        &self,
        catalog: &Catalog,
        session: &Session,
        index: usize,
    ) -> Result<DecisionReport, SessionError> {
        report::build(catalog, &self.graph, session, index)
    }

    /// The reports of every decision, in session order.
    pub fn evaluate_all(
        &self,
        catalog: &Catalog,
        session: &Session,
    ) -> Result<Vec<DecisionReport>, SessionError> {
        (0..session.decisions.len())
            .map(|i| self.evaluate(catalog, session, i))
            .collect()
    }
}
