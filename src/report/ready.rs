//! When a decision report is complete enough to print or to record. The CLI and the TUI ask the
//! same questions, so they must get the same answers: these rules live next to the type.

use super::DecisionReport;
use crate::session::SessionError;

impl DecisionReport {
    /// Fails unless the walk reached an outcome (nothing can be ranked or recorded before).
    pub fn check_reached_outcome(&self) -> Result<(), SessionError> {
        if self.outcome.is_some() {
            return Ok(());
        }
        Err(SessionError(format!(
            "the decision for tree \"{}\" has not reached an outcome; the next question is \"{}\"",
            self.tree,
            self.pending.as_deref().unwrap_or("?")
        )))
    }

    /// Fails when the answers ruled every option out, so there is nothing to record.
    pub fn check_option_in_play(&self) -> Result<(), SessionError> {
        if self.chosen.is_some() {
            return Ok(());
        }
        Err(SessionError(format!(
            "no option is in play for tree \"{}\": the answers ruled every option out; `tradeoffs decide` with --format text lists the reasons; change an answer",
            self.tree
        )))
    }
}
