//! A session is one or more decisions; a decision is a walk through one tree. Only the user's
//! inputs are stored (answers by question id and answer label, weight overrides, the chosen
//! option, the record draft); everything else is recomputed from them by [`Walk::replay`], so
//! going back or changing an answer can never leave stale state behind.

mod path;

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::tree::{Catalog, Effect, LoadedTree, Node, Question, WEIGHT_RANGE};

/// Version of the saved-session format.
pub const SESSION_FORMAT: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    pub format: u32,
    pub id: String,
    /// Seconds since the Unix epoch.
    #[serde(default)]
    pub created: u64,
    #[serde(default)]
    pub updated: u64,
    pub decisions: Vec<Decision>,
    /// Index of the decision being worked on.
    #[serde(default)]
    pub active: usize,
}

impl Session {
    pub fn new(id: impl Into<String>, now: u64) -> Self {
        Session {
            format: SESSION_FORMAT,
            id: id.into(),
            created: now,
            updated: now,
            decisions: Vec::new(),
            active: 0,
        }
    }

    /// Reads a saved session and checks it against the trees it names: an answer to a question
    /// that no longer exists is an error naming it, never a silently dropped answer.
    pub fn from_json(text: &str, catalog: &Catalog) -> Result<Session, SessionError> {
        let session: Session = serde_json::from_str(text).map_err(|e| {
            SessionError(format!(
                "line {} column {}: {}",
                e.line(),
                e.column(),
                strip_position(&e.to_string())
            ))
        })?;
        if session.format != SESSION_FORMAT {
            return Err(SessionError(format!(
                "session format {} is not supported; this build reads format {SESSION_FORMAT}",
                session.format
            )));
        }
        if session.decisions.is_empty() {
            return Err(SessionError("the session holds no decisions".into()));
        }
        for d in &session.decisions {
            let tree = catalog.get(&d.tree).ok_or_else(|| {
                SessionError(format!(
                    "the session uses tree \"{}\", which is not loaded (available: {})",
                    d.tree,
                    catalog.ids().join(", ")
                ))
            })?;
            Walk::replay(tree, d)?;
        }
        Ok(session)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a session always serialises")
    }
}

fn strip_position(msg: &str) -> &str {
    msg.rfind(" at line ").map_or(msg, |cut| &msg[..cut])
}

/// One walk through one tree: what the user said, nothing derived.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    pub tree: String,
    #[serde(default)]
    pub answers: Vec<Step>,
    /// Manual weights, applied after the tree defaults and the answers' effects.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub overrides: BTreeMap<String, i64>,
    /// The option the user chose at the outcome; `None` means the top-ranked one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chosen: Option<String>,
    #[serde(default)]
    pub record: RecordDraft,
}

impl Decision {
    pub fn new(tree: impl Into<String>) -> Self {
        Decision {
            tree: tree.into(),
            answers: Vec::new(),
            overrides: BTreeMap::new(),
            chosen: None,
            record: RecordDraft::default(),
        }
    }

    /// Answers the current question with answer number `answer` (0-based).
    pub fn answer(&mut self, tree: &LoadedTree, answer: usize) -> Result<(), SessionError> {
        // The choice is about to be dropped, so it must not stop the replay.
        let walk = Walk::replay_inputs(tree, &self.answers, &self.overrides, None)?;
        let Node::Question(q) = tree.node(walk.current) else {
            return Err(SessionError(
                "the walk is already at an outcome; go back to change an answer".into(),
            ));
        };
        let Some(a) = q.answers.get(answer) else {
            return Err(SessionError(format!(
                "answer {} is out of range for \"{}\": {}",
                answer + 1,
                q.prompt,
                list_answers(q)
            )));
        };
        self.answers.push(Step {
            question: q.id.clone(),
            answer: a.label.clone(),
        });
        self.chosen = None;
        Ok(())
    }

    /// Goes back one step; returns false at the root.
    pub fn back(&mut self) -> bool {
        let popped = self.answers.pop().is_some();
        if popped {
            self.chosen = None;
        }
        popped
    }

    /// Replaces the answer given at `step` (0-based) and forgets every later answer, since the
    /// path after it may no longer exist.
    pub fn change(
        &mut self,
        tree: &LoadedTree,
        step: usize,
        answer: usize,
    ) -> Result<(), SessionError> {
        if step >= self.answers.len() {
            return Err(SessionError(format!("there is no step {}", step + 1)));
        }
        let saved = self.answers.clone();
        self.answers.truncate(step);
        self.answer(tree, answer)
            .inspect_err(|_| self.answers = saved)
    }

    pub fn set_weight(
        &mut self,
        tree: &LoadedTree,
        criterion: &str,
        weight: i64,
    ) -> Result<(), SessionError> {
        if tree.criterion_ix(criterion).is_none() {
            return Err(unknown_criterion(tree, criterion));
        }
        if !WEIGHT_RANGE.contains(&weight) {
            return Err(SessionError(format!(
                "weight {weight} for {criterion} is out of range {}..{}",
                WEIGHT_RANGE.start(),
                WEIGHT_RANGE.end()
            )));
        }
        self.overrides.insert(criterion.to_string(), weight);
        Ok(())
    }

    /// Chooses an option at the outcome; it must still be in play.
    pub fn choose(&mut self, tree: &LoadedTree, option: &str) -> Result<(), SessionError> {
        let walk = Walk::replay(tree, self)?;
        walk.check_choice(option)?;
        self.chosen = Some(option.to_string());
        Ok(())
    }
}

/// One answered question, stored by ids and labels so a changed tree is detected on load.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub question: String,
    pub answer: String,
}

/// What the user typed for the ADR; kept in the session so nothing is lost on resume.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RecordDraft {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub deciders: Vec<String>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub context: String,
    /// Path of the ADR written for this decision, once exported.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exported: Option<String>,
}

/// A problem with a session or a walk, worded for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionError(pub String);

impl fmt::Display for SessionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for SessionError {}

fn unknown_criterion(tree: &LoadedTree, criterion: &str) -> SessionError {
    SessionError(format!(
        "unknown criterion \"{criterion}\" in tree \"{}\" (known: {})",
        tree.id(),
        tree.tree
            .criteria
            .iter()
            .map(|c| c.id.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    ))
}

/// "1) label  2) label" for error messages.
pub fn list_answers(q: &Question) -> String {
    q.answers
        .iter()
        .enumerate()
        .map(|(i, a)| format!("{}) {}", i + 1, a.label))
        .collect::<Vec<_>>()
        .join("  ")
}

/// Why an option is out of play.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleOut {
    pub reason: String,
    /// The answer that ruled it out (`None` when the outcome's shortlist left it out).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub answer: Option<String>,
}

/// A requirement an answer brought, carried into the ADR.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Note {
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// Everything derived from a decision's inputs.
#[derive(Debug, Clone)]
pub struct Walk<'t> {
    pub tree: &'t LoadedTree,
    /// (question node, answer index) per step taken.
    pub steps: Vec<(usize, usize)>,
    /// Node the walk stands on.
    pub current: usize,
    /// Current weight per criterion, in tree order.
    pub weights: Vec<i64>,
    /// Per option: why it is out of play, if it is.
    pub ruled_out: Vec<Option<RuleOut>>,
    pub notes: Vec<Note>,
}

impl<'t> Walk<'t> {
    /// Recomputes the walk from the root. Fails, naming what is missing, when the decision does
    /// not fit the tree (a question or answer that no longer exists, an unknown override).
    pub fn replay(tree: &'t LoadedTree, decision: &Decision) -> Result<Walk<'t>, SessionError> {
        Walk::replay_inputs(
            tree,
            &decision.answers,
            &decision.overrides,
            decision.chosen.as_deref(),
        )
    }

    fn replay_inputs(
        tree: &'t LoadedTree,
        answers: &[Step],
        overrides: &BTreeMap<String, i64>,
        chosen: Option<&str>,
    ) -> Result<Walk<'t>, SessionError> {
        let t = &tree.tree;
        let mut walk = Walk {
            tree,
            steps: Vec::with_capacity(answers.len()),
            current: tree.root_ix(),
            weights: t.criteria.iter().map(|c| c.default_weight).collect(),
            ruled_out: vec![None; t.options.len()],
            notes: Vec::new(),
        };
        for (n, step) in answers.iter().enumerate() {
            let q = match tree.node(walk.current) {
                Node::Question(q) if q.id == step.question => q,
                Node::Question(q) => {
                    let known = if tree.node_ix(&step.question).is_some() {
                        "is not on this path any more".to_string()
                    } else {
                        "no longer exists".to_string()
                    };
                    return Err(SessionError(format!(
                        "tree \"{}\" changed: answer {} is for question \"{}\", which {known} (the walk is at \"{}\")",
                        tree.id(),
                        n + 1,
                        step.question,
                        q.id
                    )));
                }
                Node::Outcome(o) => {
                    return Err(SessionError(format!(
                        "tree \"{}\": answer {} (\"{}\") comes after the outcome \"{}\" was reached; the path is longer than the tree",
                        tree.id(),
                        n + 1,
                        step.answer,
                        o.id
                    )));
                }
            };
            let Some(a) = q.answers.iter().position(|a| a.label == step.answer) else {
                return Err(SessionError(format!(
                    "tree \"{}\" changed: question \"{}\" no longer has the answer \"{}\" (answers now: {})",
                    tree.id(),
                    q.id,
                    step.answer,
                    list_answers(q)
                )));
            };
            walk.apply(q, a);
        }
        for (criterion, &weight) in overrides {
            let k = tree
                .criterion_ix(criterion)
                .ok_or_else(|| unknown_criterion(tree, criterion))?;
            walk.weights[k] = weight.clamp(*WEIGHT_RANGE.start(), *WEIGHT_RANGE.end());
        }
        if let Node::Outcome(o) = tree.node(walk.current) {
            for (i, opt) in t.options.iter().enumerate() {
                if walk.ruled_out[i].is_none() && !o.options.contains(&opt.id) {
                    walk.ruled_out[i] = Some(RuleOut {
                        reason: "not on this outcome's shortlist".to_string(),
                        answer: None,
                    });
                }
            }
        }
        if let Some(chosen) = chosen {
            walk.check_choice(chosen)?;
        }
        Ok(walk)
    }

    fn apply(&mut self, q: &Question, a: usize) {
        let ans = &q.answers[a];
        let (lo, hi) = (*WEIGHT_RANGE.start(), *WEIGHT_RANGE.end());
        for effect in &ans.effects {
            match effect {
                Effect::Set { criterion, weight } => {
                    if let Some(k) = self.tree.criterion_ix(criterion) {
                        self.weights[k] = (*weight).clamp(lo, hi);
                    }
                }
                Effect::Raise { criterion, by } => {
                    if let Some(k) = self.tree.criterion_ix(criterion) {
                        self.weights[k] = (self.weights[k] + by).clamp(lo, hi);
                    }
                }
                Effect::Lower { criterion, by } => {
                    if let Some(k) = self.tree.criterion_ix(criterion) {
                        self.weights[k] = (self.weights[k] - by).clamp(lo, hi);
                    }
                }
                Effect::RuleOut { option, reason } => {
                    if let Some(o) = self.tree.option_ix(option)
                        && self.ruled_out[o].is_none()
                    {
                        self.ruled_out[o] = Some(RuleOut {
                            reason: reason.clone(),
                            answer: Some(ans.label.clone()),
                        });
                    }
                }
                Effect::Note { text, source } => self.notes.push(Note {
                    text: text.clone(),
                    source: source.clone(),
                }),
            }
        }
        self.steps
            .push((self.tree.node_ix(&q.id).expect("question in tree"), a));
        self.current = self
            .tree
            .node_ix(ans.next.as_deref().expect("validated trees have next"))
            .expect("validated trees resolve next");
    }

    fn check_choice(&self, option: &str) -> Result<(), SessionError> {
        let tree = self.tree;
        let Some(o) = tree.option_ix(option) else {
            return Err(SessionError(format!(
                "unknown option \"{option}\" in tree \"{}\" (options: {})",
                tree.id(),
                tree.tree
                    .options
                    .iter()
                    .map(|o| o.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )));
        };
        if !self.at_outcome() {
            return Err(SessionError(
                "an option can only be chosen at an outcome; answer the remaining questions first"
                    .into(),
            ));
        }
        if let Some(r) = &self.ruled_out[o] {
            return Err(SessionError(format!(
                "option \"{option}\" is ruled out: {}",
                r.reason
            )));
        }
        Ok(())
    }

    pub fn at_outcome(&self) -> bool {
        matches!(self.tree.node(self.current), Node::Outcome(_))
    }

    pub fn question(&self) -> Option<&'t Question> {
        match self.tree.node(self.current) {
            Node::Question(q) => Some(q),
            Node::Outcome(_) => None,
        }
    }

    pub fn ruled_out_flags(&self) -> Vec<bool> {
        self.ruled_out.iter().map(Option::is_some).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree() -> LoadedTree {
        let (catalog, problems) = Catalog::build(
            vec![crate::tree::Source {
                label: "t.json".into(),
                text: include_str!("../tests/fixtures/valid/small.json").into(),
            }],
            0,
        );
        assert!(problems.is_empty(), "{problems:?}");
        catalog.get("small").unwrap().clone()
    }

    #[test]
    fn effects_apply_in_order_then_overrides() {
        let t = tree();
        let mut d = Decision::new("small");
        d.answer(&t, 0).unwrap();
        let w = Walk::replay(&t, &d).unwrap();
        // Answer 1 of q-first raises sm.speed by 2 (from 3) and rules out sm.c.
        assert_eq!(w.weights, vec![5, 2]);
        assert_eq!(
            w.ruled_out[2].as_ref().unwrap().answer.as_deref(),
            Some("Fast")
        );
        d.set_weight(&t, "sm.speed", 1).unwrap();
        assert_eq!(Walk::replay(&t, &d).unwrap().weights, vec![1, 2]);
    }

    #[test]
    fn back_and_change_recompute_everything() {
        let t = tree();
        let mut d = Decision::new("small");
        d.answer(&t, 0).unwrap();
        d.answer(&t, 0).unwrap();
        assert!(Walk::replay(&t, &d).unwrap().at_outcome());
        d.choose(&t, "sm.b").unwrap();
        d.change(&t, 0, 1).unwrap();
        assert_eq!(d.answers.len(), 1);
        assert_eq!(d.chosen, None);
        let w = Walk::replay(&t, &d).unwrap();
        assert!(
            w.ruled_out[2].is_none(),
            "rule-out from the old answer survived"
        );
        assert_eq!(w.weights, vec![3, 2]);
        assert!(d.back());
        assert!(!d.back());
    }

    #[test]
    fn replay_names_what_no_longer_exists() {
        let t = tree();
        let mut d = Decision::new("small");
        d.answers.push(Step {
            question: "q-first".into(),
            answer: "Gone".into(),
        });
        let e = Walk::replay(&t, &d).unwrap_err();
        assert!(e.0.contains("no longer has the answer \"Gone\""), "{e}");
        d.answers[0] = Step {
            question: "q-vanished".into(),
            answer: "Fast".into(),
        };
        let e = Walk::replay(&t, &d).unwrap_err();
        assert!(
            e.0.contains("\"q-vanished\", which no longer exists"),
            "{e}"
        );
    }
}
