//! Building a session from the command line's words instead of keystrokes: a walk given as
//! 1-based answer numbers, and weight or option overrides named by their (namespaced) ids.
//! The CLI calls these; keeping them next to [`Decision`] means a scripted decision and an
//! interactive one go through the same rules.

use crate::tree::{Catalog, LoadedTree, Node};

use super::{Decision, Session, SessionError, Walk, list_answers};

impl Decision {
    /// The decision reached by answering `numbers` from the root: one entry per question, each
    /// the 1-based answer numbers given at that step (several only for a "select all that
    /// apply" question). The walk must end exactly at an outcome: a path that is too long, too
    /// short or names an answer that does not exist is an error that says which number to change.
    pub fn from_path(tree: &LoadedTree, numbers: &[Vec<usize>]) -> Result<Decision, SessionError> {
        let mut decision = Decision::new(tree.id());
        // One walk, advanced step by step: linear in the path's length (replaying from the
        // root for every step made a 20,000-step path take minutes).
        let mut walk = Walk::replay(tree, &decision)?;
        for (step, set) in numbers.iter().enumerate() {
            let Some(q) = walk.question() else {
                let Node::Outcome(o) = tree.node(walk.current) else {
                    unreachable!("a walk without a question stands at an outcome")
                };
                return Err(SessionError(format!(
                    "the path is longer than the tree: after {step} answer(s) it reached the outcome \"{}\"; drop the last {} number(s)",
                    o.title,
                    numbers.len() - step
                )));
            };
            if let Some(&n) = set.iter().find(|&&n| n == 0 || n > q.answers.len()) {
                return Err(SessionError(format!(
                    "answer {n} at step {} is out of range for \"{}\"; choose 1..{}: {}",
                    step + 1,
                    q.prompt,
                    q.answers.len(),
                    list_answers(q)
                )));
            }
            if set.len() > 1 && !q.multi {
                return Err(SessionError(format!(
                    "step {} joins answers with '+', but \"{}\" takes one answer; choose one of: {}",
                    step + 1,
                    q.prompt,
                    list_answers(q)
                )));
            }
            let picks: Vec<usize> = set.iter().map(|n| n - 1).collect();
            let picks = super::check_selection(q, &picks)
                .map_err(|e| SessionError(format!("step {}: {e}", step + 1)))?;
            let labels: Vec<String> = picks.iter().map(|&a| q.answers[a].label.clone()).collect();
            decision.answers.push(if q.multi {
                super::Step::multi(&q.id, labels)
            } else {
                super::Step::single(&q.id, labels.into_iter().next().expect("one answer"))
            });
            walk.apply(q, &picks, None);
        }
        if let Some(q) = walk.question() {
            return Err(SessionError(format!(
                "the path stops before an outcome, at question {} \"{}\"; add one of: {}",
                numbers.len() + 1,
                q.prompt,
                list_answers(q)
            )));
        }
        Ok(decision)
    }
}

impl Session {
    /// Sets a criterion's weight in the decision whose tree owns that criterion id (ids are
    /// namespaced, so at most one tree does).
    pub fn set_weight_by_id(
        &mut self,
        catalog: &Catalog,
        criterion: &str,
        weight: i64,
    ) -> Result<(), SessionError> {
        let known = self
            .decisions
            .iter()
            .filter_map(|d| catalog.get(&d.tree))
            .flat_map(|t| t.tree.criteria.iter().map(|c| c.id.as_str()))
            .collect::<Vec<_>>()
            .join(", ");
        let (decision, tree) = self
            .owning_decision(catalog, |t| t.criterion_ix(criterion).is_some())
            .ok_or_else(|| {
                SessionError(format!("unknown criterion \"{criterion}\"; known: {known}"))
            })?;
        decision.set_weight(tree, criterion, weight)
    }

    /// Chooses an option in the decision whose tree owns that option id.
    pub fn choose_by_id(&mut self, catalog: &Catalog, option: &str) -> Result<(), SessionError> {
        let trees = self
            .decisions
            .iter()
            .map(|d| d.tree.as_str())
            .collect::<Vec<_>>()
            .join(" / ");
        let (decision, tree) = self
            .owning_decision(catalog, |t| t.option_ix(option).is_some())
            .ok_or_else(|| {
                SessionError(format!(
                    "unknown option; see `tradeoffs trees show {trees}`"
                ))
            })?;
        decision.choose(tree, option)
    }

    /// The decision whose tree owns an id, with that tree.
    fn owning_decision<'s, 'c>(
        &'s mut self,
        catalog: &'c Catalog,
        owns: impl Fn(&LoadedTree) -> bool,
    ) -> Option<(&'s mut Decision, &'c LoadedTree)> {
        self.decisions.iter_mut().find_map(|d| {
            let tree = catalog.get(&d.tree).filter(|t| owns(t))?;
            Some((d, tree))
        })
    }
}
