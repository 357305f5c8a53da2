//! The one call both shells make to evaluate a session: the trade-off graph is built once per
//! catalog and every decision is reported through [`report::build`], so the CLI and the TUI
//! cannot assemble the engine differently.

use crate::report::{self, AcceptedChoice, DecisionReport};
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

    /// Whether the decision of `report` can conflict with any other decision at all (a
    /// `conflicts_with` or `requires` relation touches its chosen option); when not, reading
    /// the repository's ADRs for [`Engine::check_accepted`] can be skipped.
    pub fn can_clash(&self, report: &DecisionReport) -> bool {
        report
            .chosen
            .as_deref()
            .is_some_and(|c| self.graph.can_clash(c))
    }

    /// Fills in `report.accepted_conflicts`: decision `index` of `session` checked against the
    /// options the repository's accepted ADRs chose. The session's own ADRs (exported, or
    /// being superseded) are left out: a decision does not conflict with its earlier record.
    pub fn check_accepted(
        &self,
        catalog: &Catalog,
        session: &Session,
        report: &mut DecisionReport,
        accepted: &[AcceptedChoice],
    ) {
        let own: Vec<&str> = session
            .decisions
            .iter()
            .flat_map(|d| [d.record.exported.as_deref(), d.record.supersedes.as_deref()])
            .flatten()
            .filter_map(|p| std::path::Path::new(p).file_name()?.to_str())
            .collect();
        report.accepted_conflicts =
            report::accepted_conflicts(catalog, &self.graph, report, accepted, &own);
    }
}
