//! A session is one or more decisions; a decision is a walk through one tree. Only the user's
//! inputs are stored (answers by question id and answer label, weight overrides, the chosen
//! option, the record draft); everything else is recomputed from them by [`Walk::replay`], so
//! going back or changing an answer can never leave stale state behind.

mod path;

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::tree::{Catalog, Effect, LoadedTree, Node, Question, WEIGHT_RANGE};

/// Version of the saved-session format. Format 2 adds multi-answer steps (`answers`) and the
/// `reused_from` mark of shared facts; format 1 sessions are read as they are (their steps are
/// single answers).
pub const SESSION_FORMAT: u32 = 2;

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
    /// The directory the session was started in (its repository), so resuming it elsewhere
    /// can say where its ADRs went.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repo: Option<String>,
}

/// The statuses a record draft may hold (the names of `adr::Status`; the session does not
/// depend on the ADR writer, a test keeps the two lists equal).
pub const DRAFT_STATUSES: [&str; 4] = ["proposed", "accepted", "rejected", "deprecated"];

impl Session {
    pub fn new(id: impl Into<String>, now: u64) -> Self {
        Session {
            format: SESSION_FORMAT,
            id: id.into(),
            created: now,
            updated: now,
            decisions: Vec::new(),
            active: 0,
            repo: None,
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
        if session.format != SESSION_FORMAT && session.format != 1 {
            return Err(SessionError(format!(
                "session format {} is not supported; this build reads formats 1 and {SESSION_FORMAT}",
                session.format
            )));
        }
        let mut session = session;
        session.format = SESSION_FORMAT;
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
        session.check_fields()?;
        Ok(session)
    }

    /// What the JSON types cannot say: `active` names a decision, weights set by hand are in
    /// range (the CLI's `--weight` refuses the same values), a draft status is a known one.
    fn check_fields(&self) -> Result<(), SessionError> {
        if self.active >= self.decisions.len() {
            return Err(SessionError(format!(
                "\"active\" is {}, but the session holds {} decision(s); set it to a number from 0 to {}",
                self.active,
                self.decisions.len(),
                self.decisions.len() - 1
            )));
        }
        for (i, d) in self.decisions.iter().enumerate() {
            for (criterion, weight) in &d.overrides {
                if !WEIGHT_RANGE.contains(weight) {
                    return Err(SessionError(format!(
                        "decision {} (tree \"{}\"): the weight {weight} for \"{criterion}\" is outside {}..={}",
                        i + 1,
                        d.tree,
                        WEIGHT_RANGE.start(),
                        WEIGHT_RANGE.end()
                    )));
                }
            }
            if let Some(status) = &d.record.status
                && !DRAFT_STATUSES.contains(&status.trim().to_ascii_lowercase().as_str())
            {
                return Err(SessionError(format!(
                    "decision {} (tree \"{}\"): the record status \"{status}\" is not one of {}",
                    i + 1,
                    d.tree,
                    DRAFT_STATUSES.join(", ")
                )));
            }
        }
        Ok(())
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a session always serialises")
    }

    /// The latest answer, in decisions before `before`, to a question asking `fact`. Decisions
    /// whose tree is not loaded or does not replay are skipped.
    pub fn known_fact(&self, catalog: &Catalog, before: usize, fact: &str) -> Option<KnownFact> {
        let mut found = None;
        for (i, d) in self.decisions.iter().enumerate().take(before) {
            let Some(tree) = catalog.get(&d.tree) else {
                continue;
            };
            for step in &d.answers {
                let Some(Node::Question(q)) = tree.node_ix(&step.question).map(|ix| tree.node(ix))
                else {
                    continue;
                };
                if q.fact.as_deref() == Some(fact) {
                    found = Some(KnownFact {
                        decision: i,
                        tree: d.tree.clone(),
                        question: q.id.clone(),
                        labels: step.labels().into_iter().map(str::to_string).collect(),
                    });
                }
            }
        }
        found
    }

    /// The earlier answer that could answer the current question of decision `index`: its
    /// question declares a fact that an earlier decision of this session answered, with labels
    /// this question has. `None` otherwise.
    pub fn reusable_answer(&self, catalog: &Catalog, index: usize) -> Option<KnownFact> {
        let d = self.decisions.get(index)?;
        let tree = catalog.get(&d.tree)?;
        let walk = Walk::replay(tree, d).ok()?;
        let q = walk.question()?;
        let fact = q.fact.as_deref()?;
        let known = self.known_fact(catalog, index, fact)?;
        known
            .labels
            .iter()
            .all(|l| q.answers.iter().any(|a| &a.label == l))
            .then_some(known)
    }

    /// Answers the current question of decision `index` with the earlier answer to the same
    /// fact, marked as reused (`Step::reused_from`); the user can change it like any answer.
    /// Returns what was reused, or `None` when nothing applies (nothing changes then).
    pub fn reuse_fact(
        &mut self,
        catalog: &Catalog,
        index: usize,
    ) -> Result<Option<KnownFact>, SessionError> {
        let Some(known) = self.reusable_answer(catalog, index) else {
            return Ok(None);
        };
        let d = &mut self.decisions[index];
        let tree = catalog
            .get(&d.tree)
            .ok_or_else(|| SessionError(format!("unknown tree \"{}\"", d.tree)))?;
        let walk = Walk::replay(tree, d)?;
        let q = walk.question().expect("reusable_answer found a question");
        let picks: Vec<usize> = known
            .labels
            .iter()
            .filter_map(|l| q.answers.iter().position(|a| &a.label == l))
            .collect();
        d.answer_set(tree, &picks)?;
        if let Some(step) = d.answers.last_mut() {
            step.reused_from = Some(known.tree.clone());
        }
        Ok(Some(known))
    }

    /// Answers the open questions of decision `index` from earlier decisions for as long as the
    /// current question asks a known fact; returns how many questions were answered that way.
    pub fn reuse_facts(&mut self, catalog: &Catalog, index: usize) -> Result<usize, SessionError> {
        let mut n = 0;
        while self.reuse_fact(catalog, index)?.is_some() {
            n += 1;
        }
        Ok(n)
    }
}

/// An answer to a shared fact given in an earlier decision of the session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KnownFact {
    /// Index of the decision that answered it.
    pub decision: usize,
    /// Its tree id (shown as "reused from <tree>").
    pub tree: String,
    pub question: String,
    /// The selected labels, in answer order.
    pub labels: Vec<String>,
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

    /// Answers the current question with answer number `answer` (0-based). On a multi-answer
    /// question this selects that one answer; see [`Decision::answer_set`].
    pub fn answer(&mut self, tree: &LoadedTree, answer: usize) -> Result<(), SessionError> {
        self.answer_set(tree, &[answer])
    }

    /// Answers the current question with a set of answer numbers (0-based, any order). A
    /// single-answer question takes exactly one; a multi-answer question one or more, and an
    /// `exclusive` answer only alone.
    pub fn answer_set(&mut self, tree: &LoadedTree, answers: &[usize]) -> Result<(), SessionError> {
        // The choice is about to be dropped, so it must not stop the replay.
        let walk = Walk::replay_inputs(tree, &self.answers, &self.overrides, None)?;
        let Node::Question(q) = tree.node(walk.current) else {
            return Err(SessionError(
                "the walk is already at an outcome; go back to change an answer".into(),
            ));
        };
        let picks = check_selection(q, answers)?;
        let labels: Vec<String> = picks.iter().map(|&a| q.answers[a].label.clone()).collect();
        self.answers.push(if q.multi {
            Step::multi(&q.id, labels)
        } else {
            Step::single(&q.id, labels.into_iter().next().expect("one answer"))
        });
        self.chosen = None;
        Ok(())
    }

    /// Replaces the answer set given at `step` (0-based) and forgets every later answer.
    pub fn change_set(
        &mut self,
        tree: &LoadedTree,
        step: usize,
        answers: &[usize],
    ) -> Result<(), SessionError> {
        if step >= self.answers.len() {
            return Err(SessionError(format!("there is no step {}", step + 1)));
        }
        let saved = self.answers.clone();
        self.answers.truncate(step);
        self.answer_set(tree, answers)
            .inspect_err(|_| self.answers = saved)
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
        self.change_set(tree, step, &[answer])
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

/// The answer numbers (0-based, ascending, deduplicated) of a valid selection at `q`, or an
/// error naming what is wrong.
pub fn check_selection(q: &Question, answers: &[usize]) -> Result<Vec<usize>, SessionError> {
    let mut picks: Vec<usize> = answers.to_vec();
    picks.sort_unstable();
    picks.dedup();
    if picks.is_empty() {
        return Err(SessionError(format!(
            "select at least one answer for \"{}\": {}",
            q.prompt,
            list_answers(q)
        )));
    }
    if let Some(&bad) = picks.iter().find(|&&a| a >= q.answers.len()) {
        return Err(SessionError(format!(
            "answer {} is out of range for \"{}\": {}",
            bad + 1,
            q.prompt,
            list_answers(q)
        )));
    }
    if picks.len() > 1 {
        if !q.multi {
            return Err(SessionError(format!(
                "\"{}\" takes one answer, not {}; choose one of: {}",
                q.prompt,
                picks.len(),
                list_answers(q)
            )));
        }
        if let Some(&x) = picks.iter().find(|&&a| q.answers[a].exclusive) {
            return Err(SessionError(format!(
                "\"{}\" (answer {}) can only be selected alone",
                q.answers[x].label,
                x + 1
            )));
        }
    }
    Ok(picks)
}

/// One answered question, stored by ids and labels so a changed tree is detected on load.
/// A single-answer step has `answer`; a multi-answer step has `answers` (in answer order).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub question: String,
    /// The label of the answer given (single-answer questions); empty on a multi-answer step.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub answer: String,
    /// The labels selected on a multi-answer question, in answer order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub answers: Vec<String>,
    /// Set when the answer was reused from an earlier decision of the session (its tree id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reused_from: Option<String>,
}

impl Step {
    pub fn single(question: impl Into<String>, answer: impl Into<String>) -> Self {
        Step {
            question: question.into(),
            answer: answer.into(),
            ..Step::default()
        }
    }

    pub fn multi(question: impl Into<String>, answers: Vec<String>) -> Self {
        Step {
            question: question.into(),
            answers,
            ..Step::default()
        }
    }

    /// Every label of the step: one for a single answer, the selection for a multi step.
    pub fn labels(&self) -> Vec<&str> {
        if self.answers.is_empty() {
            vec![self.answer.as_str()]
        } else {
            self.answers.iter().map(String::as_str).collect()
        }
    }
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
    /// MADR's consulted and informed people.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub consulted: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub informed: Vec<String>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub context: String,
    /// Path of the ADR written for this decision, once exported.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exported: Option<String>,
    /// Path of the ADR this decision revisits (`tradeoffs revisit`): its first export
    /// supersedes that ADR.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub supersedes: Option<String>,
    /// Write the full analysis instead of the short ADR (the preview's toggle).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub full_detail: bool,
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

/// Why an option is out of play: only a `rule_out` effect of an answer takes an option out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleOut {
    pub reason: String,
    /// The label of the answer that ruled it out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub answer: Option<String>,
    /// The id of the question that answer belongs to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
    /// Its 1-based answer number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<usize>,
}

/// A requirement an answer brought, carried into the ADR.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Note {
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The note applies only when one of these options is chosen (empty: always).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub if_chosen: Vec<String>,
}

impl Note {
    /// True when the note applies to a decision for `chosen`.
    pub fn applies_to(&self, chosen: Option<&str>) -> bool {
        self.if_chosen.is_empty() || chosen.is_some_and(|c| self.if_chosen.iter().any(|x| x == c))
    }
}

/// One step of a walk: the question node and the answers selected (0-based, ascending).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WalkStep {
    pub node: usize,
    pub answers: Vec<usize>,
    /// The tree the answer was reused from, if it was.
    pub reused_from: Option<String>,
}

/// Everything derived from a decision's inputs.
#[derive(Debug, Clone)]
pub struct Walk<'t> {
    pub tree: &'t LoadedTree,
    /// The steps taken, in order.
    pub steps: Vec<WalkStep>,
    /// Node the walk stands on.
    pub current: usize,
    /// Current weight per criterion, in tree order.
    pub weights: Vec<i64>,
    /// Per option: why it is out of play, if it is.
    pub ruled_out: Vec<Option<RuleOut>>,
    /// Every note met on the path, conditional ones included; see [`Walk::notes_for`].
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
            let mut picks = Vec::new();
            for label in step.labels() {
                let Some(a) = q.answers.iter().position(|a| a.label == label) else {
                    return Err(SessionError(format!(
                        "tree \"{}\" changed: question \"{}\" no longer has the answer \"{}\" (answers now: {})",
                        tree.id(),
                        q.id,
                        label,
                        list_answers(q)
                    )));
                };
                picks.push(a);
            }
            if !q.multi && !step.answers.is_empty() {
                return Err(SessionError(format!(
                    "tree \"{}\" changed: question \"{}\" now takes one answer, the session holds several",
                    tree.id(),
                    q.id
                )));
            }
            let picks = check_selection(q, &picks).map_err(|e| {
                SessionError(format!("tree \"{}\", answer {}: {e}", tree.id(), n + 1))
            })?;
            walk.apply(q, &picks, step.reused_from.clone());
        }
        for (criterion, &weight) in overrides {
            let k = tree
                .criterion_ix(criterion)
                .ok_or_else(|| unknown_criterion(tree, criterion))?;
            walk.weights[k] = weight.clamp(*WEIGHT_RANGE.start(), *WEIGHT_RANGE.end());
        }
        if let Some(chosen) = chosen {
            walk.check_choice(chosen)?;
        }
        Ok(walk)
    }

    /// Applies the effects of the selected answers, in answer order, and moves on.
    fn apply(&mut self, q: &Question, picks: &[usize], reused_from: Option<String>) {
        for &a in picks {
            self.apply_answer(q, a);
        }
        self.steps.push(WalkStep {
            node: self.tree.node_ix(&q.id).expect("question in tree"),
            answers: picks.to_vec(),
            reused_from,
        });
        self.current = self
            .tree
            .node_ix(q.next_of(picks[0]).expect("validated trees have next"))
            .expect("validated trees resolve next");
    }

    fn apply_answer(&mut self, q: &Question, a: usize) {
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
                            question: Some(q.id.clone()),
                            number: Some(a + 1),
                        });
                    }
                }
                Effect::Note {
                    text,
                    source,
                    if_chosen,
                } => self.notes.push(Note {
                    text: text.clone(),
                    source: source.clone(),
                    if_chosen: if_chosen.clone(),
                }),
            }
        }
    }

    /// The notes that apply when `chosen` is decided: unconditional ones and those whose
    /// `if_chosen` names it. With no choice (dead end), only unconditional notes.
    pub fn notes_for(&self, chosen: Option<&str>) -> Vec<Note> {
        self.notes
            .iter()
            .filter(|n| n.applies_to(chosen))
            .cloned()
            .collect()
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
        crate::tree::fixtures::small().get("small").unwrap().clone()
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

    /// The multi-answer fixture and a second tree that asks the same `compliance` fact.
    fn fact_catalog() -> Catalog {
        let a = include_str!("../tests/fixtures/format2/multi.json");
        let b = a
            .replacen("\"id\": \"multi\"", "\"id\": \"multi-b\"", 1)
            .replacen("\"namespace\": \"mu\"", "\"namespace\": \"mb\"", 1)
            .replace("\"mu.", "\"mb.")
            .replacen("\"position\": 1", "\"position\": 2", 1);
        let (catalog, problems) = Catalog::build(
            vec![
                crate::tree::Source {
                    label: "multi.json".into(),
                    text: a.into(),
                },
                crate::tree::Source {
                    label: "multi-b.json".into(),
                    text: b,
                },
            ],
            0,
        );
        assert!(problems.is_empty(), "{problems:?}");
        catalog
    }

    #[test]
    fn a_multi_answer_step_applies_every_selected_answer_in_order() {
        let catalog = fact_catalog();
        let t = catalog.get("multi").unwrap();
        let mut d = Decision::new("multi");
        d.answer_set(t, &[1, 0]).unwrap();
        assert_eq!(
            d.answers[0],
            Step::multi(
                "q-compliance",
                vec![
                    "PCI DSS: payment card numbers (PAN) are stored, processed or transmitted"
                        .into(),
                    "HIPAA: protected health information of US patients".into()
                ]
            )
        );
        let w = Walk::replay(t, &d).unwrap();
        assert_eq!(w.weights, vec![2, 4], "PCI raised safety by 2");
        assert!(w.ruled_out[2].is_some(), "HIPAA ruled Fast out");
        assert_eq!(w.steps[0].answers, vec![0, 1]);
        // The exclusive answer only alone; an empty selection is refused.
        let e = Decision::new("multi").answer_set(t, &[0, 2]).unwrap_err();
        assert_eq!(
            e.0,
            "\"None of these\" (answer 3) can only be selected alone"
        );
        let e = Decision::new("multi").answer_set(t, &[]).unwrap_err();
        assert!(
            e.0.starts_with("select at least one answer for \"Which regimes apply?\""),
            "{e}"
        );
        // A single-answer question takes one answer.
        let e = d.clone().answer_set(t, &[0, 1]).unwrap_err();
        assert!(
            e.0.starts_with("\"Does speed matter?\" takes one answer, not 2"),
            "{e}"
        );
        // The step survives a save and load.
        d.answer(t, 0).unwrap();
        let mut s = Session::new("s", 0);
        s.decisions.push(d.clone());
        let back = Session::from_json(&s.to_json(), &catalog).unwrap();
        assert_eq!(back.decisions[0], d);
    }

    #[test]
    fn notes_with_if_chosen_apply_only_to_their_option() {
        let catalog = fact_catalog();
        let t = catalog.get("multi").unwrap();
        let mut d = Decision::new("multi");
        d.answer_set(t, &[0]).unwrap();
        d.answer(t, 0).unwrap();
        let w = Walk::replay(t, &d).unwrap();
        assert_eq!(w.notes.len(), 1);
        assert_eq!(w.notes_for(Some("mu.fast")).len(), 1);
        assert!(w.notes_for(Some("mu.simple")).is_empty());
        assert!(w.notes_for(None).is_empty());
    }

    #[test]
    fn a_later_tree_reuses_the_answer_to_a_shared_fact() {
        let catalog = fact_catalog();
        let mut s = Session::new("s", 0);
        let mut first = Decision::new("multi");
        first
            .answer_set(catalog.get("multi").unwrap(), &[0, 1])
            .unwrap();
        s.decisions.push(first);
        s.decisions.push(Decision::new("multi-b"));
        let known = s.known_fact(&catalog, 1, "regime").unwrap();
        assert_eq!(known.tree, "multi");
        assert_eq!(known.decision, 0);
        assert_eq!(known.labels.len(), 2);
        assert_eq!(s.reusable_answer(&catalog, 1), Some(known.clone()));
        assert_eq!(s.reuse_fact(&catalog, 1).unwrap(), Some(known));
        let step = &s.decisions[1].answers[0];
        assert_eq!(step.reused_from.as_deref(), Some("multi"));
        assert_eq!(step.answers.len(), 2);
        // The next question asks no fact: nothing more is reused.
        assert_eq!(s.reuse_fact(&catalog, 1).unwrap(), None);
        // The user can change a reused answer like any other; the mark goes with it.
        let t = catalog.get("multi-b").unwrap();
        s.decisions[1].change_set(t, 0, &[2]).unwrap();
        assert_eq!(s.decisions[1].answers[0].reused_from, None);
        // The first decision has nothing earlier to reuse.
        assert_eq!(s.known_fact(&catalog, 0, "regime"), None);
    }

    #[test]
    fn format_1_sessions_still_load() {
        let catalog = fact_catalog();
        let text = r#"{"format": 1, "id": "old", "decisions": [{"tree": "multi",
            "answers": [{"question": "q-compliance", "answer": "None of these"}]}]}"#;
        let s = Session::from_json(text, &catalog).unwrap();
        assert_eq!(s.format, SESSION_FORMAT);
        assert_eq!(s.decisions[0].answers[0].labels(), vec!["None of these"]);
        let e = Session::from_json(&text.replace("\"format\": 1", "\"format\": 9"), &catalog)
            .unwrap_err();
        assert_eq!(
            e.0,
            "session format 9 is not supported; this build reads formats 1 and 2"
        );
    }

    #[test]
    fn replay_names_what_no_longer_exists() {
        let t = tree();
        let mut d = Decision::new("small");
        d.answers.push(Step::single("q-first", "Gone"));
        let e = Walk::replay(&t, &d).unwrap_err();
        assert!(e.0.contains("no longer has the answer \"Gone\""), "{e}");
        d.answers[0] = Step::single("q-vanished", "Fast");
        let e = Walk::replay(&t, &d).unwrap_err();
        assert!(
            e.0.contains("\"q-vanished\", which no longer exists"),
            "{e}"
        );
    }
}
