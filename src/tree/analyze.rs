//! Every complete path of a tree, evaluated: who wins how often, ties, narrow wins, dead ends
//! (grouped by the answers whose rule-outs emptied the ranking), broken outcome promises and the
//! tree's own checks, each violation with a shortest example `--path`.
//!
//! The tree is first compiled into flat tables (answer choices with their effects as integer
//! ops). Enumeration walks the DAG depth-first with an explicit stack and an undo log: effects
//! accumulate along the path and are undone on the way back, so no path is replayed from
//! scratch and nothing recurses per node. Beyond [`EXACT_LIMIT`] paths a seeded sample of
//! [`SAMPLE_SIZE`] paths is drawn, uniformly over paths (each step is chosen in proportion to
//! the number of paths below it).
//!
//! The semantics match [`crate::session::Walk`] exactly (a property test compares them):
//! effects apply in answer order, weights clamp to 0..=5 after each op, the first rule-out of an
//! option is the one recorded, and ties at equal score are decided by the same comparison as
//! the ranking ([`ImpactMatrix::beats`]: the user's priorities, then `tie_break.order`).

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

use serde::Serialize;

use super::LoadedTree;
use super::model::{Effect, Expect, Node, WEIGHT_RANGE};
use crate::tradeoff::ImpactMatrix;
use crate::tradeoff::rank::TieDecision;

/// Trees with at most this many complete paths are enumerated exactly.
pub const EXACT_LIMIT: u64 = 10_000_000;
/// Paths drawn when a tree has more than [`EXACT_LIMIT`] paths.
pub const SAMPLE_SIZE: u64 = 1_000_000;
/// Most question steps a sample may take in total; deep trees get fewer sampled paths.
pub const SAMPLE_STEPS: u64 = 50_000_000;
/// Seed of the sample, fixed so two runs report the same numbers.
pub const SAMPLE_SEED: u64 = 0x7A1D_E0FF_5EED_2026;

#[derive(Debug, Clone, Copy)]
enum Op {
    Set(usize, i64),
    Add(usize, i64),
    /// Option index, global answer id (index into [`Compiled::answers`]).
    RuleOut(usize, u32),
}

/// One way to answer a question: a single answer, or a set of answers of a multi question.
#[derive(Debug, Clone)]
pub struct Choice {
    /// Answer indexes, ascending.
    pub answers: Vec<usize>,
    /// The same answers as a bit mask (answers ≤ 64 per question, validated).
    pub mask: u64,
    ops: Vec<Op>,
    pub next: usize,
}

#[derive(Debug, Clone)]
enum CNode {
    Question { choices: Vec<Choice> },
    Outcome { promised: Vec<bool> },
}

/// A validated tree as flat tables for fast evaluation.
#[derive(Debug, Clone)]
pub struct Compiled<'t> {
    pub tree: &'t LoadedTree,
    pub matrix: ImpactMatrix,
    default_weights: Vec<i64>,
    nodes: Vec<CNode>,
    root: usize,
    /// Global answer table: (question node, answer index).
    pub answers: Vec<(usize, usize)>,
}

/// Every selection a multi-answer question allows: any non-empty set of non-exclusive answers,
/// or one exclusive answer alone. Masks in ascending numeric order.
pub fn multi_selections(exclusive: &[bool]) -> Vec<u64> {
    let n = exclusive.len();
    let free: u64 = (0..n)
        .filter(|&a| !exclusive[a])
        .fold(0, |m, a| m | (1 << a));
    let mut out: Vec<u64> = Vec::new();
    // Enumerate the non-empty subsets of `free` in ascending order.
    let mut sub = free;
    let mut subs = Vec::new();
    while sub != 0 {
        subs.push(sub);
        sub = (sub - 1) & free;
    }
    subs.reverse();
    out.extend(subs);
    out.extend((0..n).filter(|&a| exclusive[a]).map(|a| 1u64 << a));
    out.sort_unstable();
    out
}

impl<'t> Compiled<'t> {
    /// Compiles a validated tree.
    pub fn new(tree: &'t LoadedTree) -> Self {
        let t = &tree.tree;
        let matrix = tree.matrix();
        let mut answers: Vec<(usize, usize)> = Vec::new();
        let mut answer_base: Vec<u32> = Vec::with_capacity(t.nodes.len());
        for (i, n) in t.nodes.iter().enumerate() {
            answer_base.push(answers.len() as u32);
            if let Node::Question(q) = n {
                answers.extend((0..q.answers.len()).map(|a| (i, a)));
            }
        }
        let (lo, hi) = (*WEIGHT_RANGE.start(), *WEIGHT_RANGE.end());
        let nodes = t
            .nodes
            .iter()
            .enumerate()
            .map(|(i, n)| match n {
                Node::Outcome(o) => {
                    let mut promised = vec![false; t.options.len()];
                    for id in &o.options {
                        if let Some(x) = tree.option_ix(id) {
                            promised[x] = true;
                        }
                    }
                    CNode::Outcome { promised }
                }
                Node::Question(q) => {
                    let ops_of = |a: usize| -> Vec<Op> {
                        q.answers[a]
                            .effects
                            .iter()
                            .filter_map(|e| match e {
                                Effect::Set { criterion, weight } => tree
                                    .criterion_ix(criterion)
                                    .map(|k| Op::Set(k, (*weight).clamp(lo, hi))),
                                Effect::Raise { criterion, by } => {
                                    tree.criterion_ix(criterion).map(|k| Op::Add(k, *by))
                                }
                                Effect::Lower { criterion, by } => {
                                    tree.criterion_ix(criterion).map(|k| Op::Add(k, -*by))
                                }
                                Effect::RuleOut { option, .. } => tree
                                    .option_ix(option)
                                    .map(|o| Op::RuleOut(o, answer_base[i] + a as u32)),
                                Effect::Note { .. } => None,
                            })
                            .collect()
                    };
                    let choices = if q.multi {
                        let next = q
                            .next
                            .as_deref()
                            .and_then(|n| tree.node_ix(n))
                            .expect("validated multi question has next");
                        let excl: Vec<bool> = q.answers.iter().map(|a| a.exclusive).collect();
                        multi_selections(&excl)
                            .into_iter()
                            .map(|mask| {
                                let answers: Vec<usize> = (0..q.answers.len())
                                    .filter(|a| mask >> a & 1 == 1)
                                    .collect();
                                let ops = answers.iter().flat_map(|&a| ops_of(a)).collect();
                                Choice {
                                    answers,
                                    mask,
                                    ops,
                                    next,
                                }
                            })
                            .collect()
                    } else {
                        (0..q.answers.len())
                            .map(|a| Choice {
                                answers: vec![a],
                                mask: 1u64 << a,
                                ops: ops_of(a),
                                next: q.answers[a]
                                    .next
                                    .as_deref()
                                    .and_then(|n| tree.node_ix(n))
                                    .expect("validated answer has next"),
                            })
                            .collect()
                    };
                    CNode::Question { choices }
                }
            })
            .collect();
        Compiled {
            tree,
            matrix,
            default_weights: t.criteria.iter().map(|c| c.default_weight).collect(),
            nodes,
            root: tree.root_ix(),
            answers,
        }
    }

    /// The choices of a question node (empty for an outcome).
    pub fn choices(&self, node: usize) -> &[Choice] {
        match &self.nodes[node] {
            CNode::Question { choices } => choices,
            CNode::Outcome { .. } => &[],
        }
    }

    /// Number of complete paths from the root, saturating at `u64::MAX`; computed bottom-up in
    /// a topological order (no recursion).
    pub fn count_paths(&self) -> u64 {
        self.path_counts()[self.root]
    }

    fn path_counts(&self) -> Vec<u64> {
        let n = self.nodes.len();
        let order = self.topo_order();
        let mut count = vec![0u64; n];
        for &i in order.iter().rev() {
            count[i] = match &self.nodes[i] {
                CNode::Outcome { .. } => 1,
                CNode::Question { choices } => choices
                    .iter()
                    .fold(0u64, |acc, c| acc.saturating_add(count[c.next])),
            };
        }
        count
    }

    /// Nodes reachable from the root in topological order (Kahn's algorithm).
    fn topo_order(&self) -> Vec<usize> {
        let n = self.nodes.len();
        let mut indegree = vec![0usize; n];
        for node in &self.nodes {
            for c in self.choices_of(node) {
                indegree[c.next] += 1;
            }
        }
        let mut ready: Vec<usize> = (0..n).filter(|&i| indegree[i] == 0).collect();
        let mut order = Vec::with_capacity(n);
        while let Some(i) = ready.pop() {
            order.push(i);
            for c in self.choices_of(&self.nodes[i]) {
                indegree[c.next] -= 1;
                if indegree[c.next] == 0 {
                    ready.push(c.next);
                }
            }
        }
        order
    }

    /// Most questions on one path (longest path, bottom-up in topological order).
    pub fn max_depth(&self) -> usize {
        let order = self.topo_order();
        let mut depth = vec![0usize; self.nodes.len()];
        for &i in order.iter().rev() {
            if let CNode::Question { choices } = &self.nodes[i] {
                depth[i] = 1 + choices.iter().map(|c| depth[c.next]).max().unwrap_or(0);
            }
        }
        depth[self.root]
    }

    fn choices_of<'a>(&'a self, node: &'a CNode) -> &'a [Choice] {
        match node {
            CNode::Question { choices } => choices,
            CNode::Outcome { .. } => &[],
        }
    }
}

/// Mutable evaluation state with an undo log.
struct State {
    weights: Vec<i64>,
    /// Per option: 0 when in play, else 1 + the global id of the answer that ruled it out.
    ruled_by: Vec<u32>,
    log: Vec<Undo>,
}

#[derive(Clone, Copy)]
enum Undo {
    Weight(usize, i64),
    Rule(usize),
}

impl State {
    fn apply(&mut self, ops: &[Op]) {
        let (lo, hi) = (*WEIGHT_RANGE.start(), *WEIGHT_RANGE.end());
        for op in ops {
            match *op {
                Op::Set(k, w) => {
                    self.log.push(Undo::Weight(k, self.weights[k]));
                    self.weights[k] = w;
                }
                Op::Add(k, d) => {
                    self.log.push(Undo::Weight(k, self.weights[k]));
                    self.weights[k] = (self.weights[k] + d).clamp(lo, hi);
                }
                Op::RuleOut(o, a) => {
                    if self.ruled_by[o] == 0 {
                        self.log.push(Undo::Rule(o));
                        self.ruled_by[o] = a + 1;
                    }
                }
            }
        }
    }

    fn undo_to(&mut self, len: usize) {
        while self.log.len() > len {
            match self.log.pop().expect("log is longer than len") {
                Undo::Weight(k, w) => self.weights[k] = w,
                Undo::Rule(o) => self.ruled_by[o] = 0,
            }
        }
    }
}

/// What one complete path came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathResult {
    pub winner: Option<usize>,
    /// Options in play sharing the top score, in ranking order, when two or more.
    pub tied: Vec<usize>,
    /// Of `tied`: the winner and the options equal to it at every priority level, in tie-break
    /// order, when two or more (the tree's preference order decided); empty when the user's
    /// priorities decided or there is no tie.
    pub by_order: Vec<usize>,
    /// Winner's score minus the runner-up's (None with fewer than two options in play).
    pub margin: Option<i64>,
}

fn evaluate(m: &ImpactMatrix, weights: &[i64], ruled_by: &[u32], scores: &mut [i64]) -> PathResult {
    let mut best: Option<usize> = None;
    let mut second: Option<i64> = None;
    for o in 0..m.options.len() {
        if ruled_by[o] != 0 {
            continue;
        }
        let s: i64 = m.row(o).iter().zip(weights).map(|(i, w)| i * w).sum();
        scores[o] = s;
        match best {
            None => best = Some(o),
            Some(b) => {
                if m.beats(o, s, b, scores[b], weights) {
                    second = Some(second.map_or(scores[b], |x| x.max(scores[b])));
                    best = Some(o);
                } else {
                    second = Some(second.map_or(s, |x| x.max(s)));
                }
            }
        }
    }
    let Some(b) = best else {
        return PathResult {
            winner: None,
            tied: Vec::new(),
            by_order: Vec::new(),
            margin: None,
        };
    };
    let top = scores[b];
    let margin = second.map(|s| top - s);
    let (tied, by_order) = if margin == Some(0) {
        let mut t: Vec<usize> = (0..m.options.len())
            .filter(|&o| ruled_by[o] == 0 && scores[o] == top)
            .collect();
        t.sort_by(|&x, &y| {
            if x == y {
                std::cmp::Ordering::Equal
            } else if m.wins_tie(x, y, weights) {
                std::cmp::Ordering::Less
            } else {
                std::cmp::Ordering::Greater
            }
        });
        let mut o: Vec<usize> = t
            .iter()
            .copied()
            .filter(|&x| x == b || m.tie_decision(x, b, weights) == TieDecision::PreferenceOrder)
            .collect();
        if o.len() < 2 {
            o.clear();
        }
        (t, o)
    } else {
        (Vec::new(), Vec::new())
    };
    PathResult {
        winner: Some(b),
        tied,
        by_order,
        margin,
    }
}

/// One answer, for reports: question id and the answer's label.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct AnswerRef {
    pub question: String,
    pub answer: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Share {
    pub count: u64,
    pub share: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TieGroup {
    /// Options tied at every priority level, in tie-break order.
    pub options: Vec<String>,
    /// The option the tree prefers (first of `options`).
    pub preferred: String,
    pub count: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ties {
    /// Paths whose top score is shared by two or more options in play.
    pub count: u64,
    pub share: f64,
    /// Of those: paths where the user's priorities decided (the contributions differ at some
    /// weight level).
    pub by_priorities: Share,
    /// Of those: paths where the options were equal at every priority level, so the tree's
    /// `tie_break.order` decided (issue 10's bar: under 2 %).
    pub by_preference_order: Share,
    /// The tree's reason for its order.
    pub why: String,
    /// The groups the tree's order decided, most frequent first.
    pub by_preference: Vec<TieGroup>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DeadEnd {
    /// The answers whose rule-outs together left no option.
    pub answers: Vec<AnswerRef>,
    pub count: u64,
    pub share: f64,
    /// A shortest `--path` reaching this dead end.
    pub example_path: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutcomeMismatch {
    pub outcome: String,
    pub promised: Vec<String>,
    pub winner: String,
    pub count: u64,
    pub example_path: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CheckFailure {
    /// The option that won where it must not (`never`) or that is not allowed (`winner_in`).
    pub winner: String,
    pub count: u64,
    pub example_path: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CheckResult {
    pub name: String,
    /// `never` or `winner_in`.
    pub expect: &'static str,
    pub options: Vec<String>,
    /// Paths the check applies to.
    pub applicable: u64,
    /// Applicable paths on which it fails.
    pub violations: u64,
    pub ok: bool,
    pub failures: Vec<CheckFailure>,
    pub why: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Sampled {
    /// Paths drawn.
    pub evaluated: u64,
    pub seed: u64,
}

/// The result of `trees analyze`. Shares are of the paths evaluated (all of them, or the sample).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Analysis {
    pub tree: String,
    /// The tree's `tie_break.priorities_first` (or `--priorities-first`): whether the user's
    /// priorities decide ties before the tree's order.
    pub priorities_first: bool,
    /// Complete paths of the tree (saturating at 2^64 − 1).
    pub paths: u64,
    /// `null` when every path was evaluated; else the sample drawn.
    pub sampled: Option<Sampled>,
    /// Option id → paths it wins.
    pub winners: BTreeMap<String, Share>,
    /// Options that win on no evaluated path, in tie-break order.
    pub never_win: Vec<String>,
    pub ties: Ties,
    /// Paths won by a margin of 1 or less over the runner-up (ties included).
    pub narrow: Share,
    pub dead_ends: Vec<DeadEnd>,
    pub outcome_mismatches: Vec<OutcomeMismatch>,
    pub checks: Vec<CheckResult>,
}

impl Analysis {
    /// Paths evaluated (all, or the sample).
    pub fn evaluated(&self) -> u64 {
        self.sampled.as_ref().map_or(self.paths, |s| s.evaluated)
    }

    /// Checks that failed plus broken outcome promises: what makes `trees validate` fail.
    pub fn violations(&self) -> usize {
        self.checks.iter().filter(|c| !c.ok).count() + self.outcome_mismatches.len()
    }

    /// The one-screen text form.
    pub fn to_text(&self) -> String {
        let mut s = String::new();
        let n = self.evaluated();
        let pct = |c: u64| {
            if n == 0 {
                0.0
            } else {
                100.0 * c as f64 / n as f64
            }
        };
        match &self.sampled {
            None => {
                let _ = writeln!(s, "{}: {} paths (all evaluated)", self.tree, self.paths);
            }
            Some(x) => {
                let _ = writeln!(
                    s,
                    "{}: {} paths; more than {EXACT_LIMIT}, so a sample of {} (seed {:#x}) was evaluated",
                    self.tree, self.paths, x.evaluated, x.seed
                );
            }
        }
        let mut winners: Vec<(&String, &Share)> = self.winners.iter().collect();
        winners.sort_by(|a, b| b.1.count.cmp(&a.1.count).then(a.0.cmp(b.0)));
        let _ = writeln!(s, "\nWinners:");
        for (id, w) in winners.iter().filter(|w| w.1.count > 0) {
            let _ = writeln!(s, "  {:>6.2}%  {:>9}  {id}", 100.0 * w.share, w.count);
        }
        if !self.never_win.is_empty() {
            let _ = writeln!(s, "  never win: {}", self.never_win.join(", "));
        }
        let t = &self.ties;
        if self.priorities_first {
            let _ = writeln!(
                s,
                "\nTies at equal score: {} ({:.2}%); decided by the user's priorities: {} ({:.2}%); decided by tie_break.order: {} ({:.2}%): {}",
                t.count,
                pct(t.count),
                t.by_priorities.count,
                pct(t.by_priorities.count),
                t.by_preference_order.count,
                pct(t.by_preference_order.count),
                t.why
            );
        } else {
            let _ = writeln!(
                s,
                "\nTies at equal score: {} ({:.2}%), all decided by tie_break.order (priorities_first is off; --priorities-first shows its effect): {}",
                t.count,
                pct(t.count),
                t.why
            );
        }
        for g in self.ties.by_preference.iter().take(3) {
            let _ = writeln!(
                s,
                "  {:>9}  {} preferred among {}",
                g.count,
                g.preferred,
                g.options.join(", ")
            );
        }
        let _ = writeln!(
            s,
            "Narrow wins (margin ≤ 1): {} ({:.2}%)",
            self.narrow.count,
            pct(self.narrow.count)
        );
        let dead: u64 = self.dead_ends.iter().map(|d| d.count).sum();
        let _ = writeln!(
            s,
            "Dead ends (every option ruled out): {dead} ({:.2}%)",
            pct(dead)
        );
        for d in self.dead_ends.iter().take(4) {
            let answers: Vec<String> = d
                .answers
                .iter()
                .map(|a| format!("{} = \"{}\"", a.question, a.answer))
                .collect();
            let _ = writeln!(
                s,
                "  {:>9}  {}  e.g. --path {}",
                d.count,
                answers.join(" + "),
                d.example_path
            );
        }
        if self.dead_ends.len() > 4 {
            let _ = writeln!(s, "  … {} more groups (--json)", self.dead_ends.len() - 4);
        }
        let _ = writeln!(
            s,
            "Broken outcome promises: {}",
            self.outcome_mismatches.len()
        );
        for o in self.outcome_mismatches.iter().take(5) {
            let _ = writeln!(
                s,
                "  {} promises {} but {} wins on {} path(s), e.g. --path {}",
                o.outcome,
                o.promised.join(", "),
                o.winner,
                o.count,
                o.example_path
            );
        }
        if self.outcome_mismatches.len() > 5 {
            let _ = writeln!(s, "  … {} more (--json)", self.outcome_mismatches.len() - 5);
        }
        let failed = self.checks.iter().filter(|c| !c.ok).count();
        let _ = writeln!(
            s,
            "Checks: {} passed, {failed} failed",
            self.checks.len() - failed
        );
        for c in self.checks.iter().filter(|c| !c.ok).take(5) {
            let f = &c.failures[0];
            let _ = writeln!(
                s,
                "  FAIL {} ({} {}): {} wins on {} of {} applicable path(s), e.g. --path {}",
                c.name,
                c.expect,
                c.options.join(", "),
                f.winner,
                c.violations,
                c.applicable,
                f.example_path
            );
        }
        for c in self.checks.iter().filter(|c| c.ok && c.applicable == 0) {
            let _ = writeln!(s, "  note: check {} applies to no path", c.name);
        }
        s.lines()
            .map(crate::text::sanitize)
            .collect::<Vec<_>>()
            .join("\n")
            + "\n"
    }
}

/// A check compiled to (question node, label mask) conditions.
struct CCheck {
    when: Vec<(usize, u64)>,
    never: bool,
    listed: Vec<bool>,
}

#[derive(Default)]
struct Tally {
    count: u64,
    /// Steps of the example, and its `--path`.
    example: Option<(usize, String)>,
}

impl Tally {
    fn add(&mut self, steps: usize, path: impl FnOnce() -> String) {
        self.count += 1;
        if self.example.as_ref().is_none_or(|(n, _)| steps < *n) {
            self.example = Some((steps, path()));
        }
    }
}

struct Acc<'c> {
    c: &'c Compiled<'c>,
    checks: Vec<CCheck>,
    evaluated: u64,
    wins: Vec<u64>,
    ties: HashMap<Vec<usize>, u64>,
    tie_count: u64,
    order_count: u64,
    narrow: u64,
    dead: HashMap<Vec<u32>, Tally>,
    mismatches: HashMap<(usize, usize), Tally>,
    check_applicable: Vec<u64>,
    check_fail: Vec<HashMap<usize, Tally>>,
    scores: Vec<i64>,
}

impl<'c> Acc<'c> {
    fn new(c: &'c Compiled<'c>) -> Self {
        let tree = c.tree;
        let checks: Vec<CCheck> = tree
            .tree
            .checks
            .iter()
            .map(|ch| {
                let when = ch
                    .when
                    .iter()
                    .filter_map(|(qid, labels)| {
                        let q = tree.node_ix(qid)?;
                        let Node::Question(question) = tree.node(q) else {
                            return None;
                        };
                        let mask = question
                            .answers
                            .iter()
                            .enumerate()
                            .filter(|(_, a)| labels.contains(&a.label))
                            .fold(0u64, |m, (i, _)| m | (1 << i));
                        Some((q, mask))
                    })
                    .collect();
                let mut listed = vec![false; tree.tree.options.len()];
                for id in ch.expect.options() {
                    if let Some(o) = tree.option_ix(id) {
                        listed[o] = true;
                    }
                }
                CCheck {
                    when,
                    never: matches!(ch.expect, Expect::Never(_)),
                    listed,
                }
            })
            .collect();
        let n = checks.len();
        Acc {
            c,
            checks,
            evaluated: 0,
            wins: vec![0; tree.tree.options.len()],
            ties: HashMap::new(),
            tie_count: 0,
            order_count: 0,
            narrow: 0,
            dead: HashMap::new(),
            mismatches: HashMap::new(),
            check_applicable: vec![0; n],
            check_fail: (0..n).map(|_| HashMap::new()).collect(),
            scores: vec![0; tree.tree.options.len()],
        }
    }

    /// Records one complete path ending at outcome `node`. `asked[q]` is the selection mask at
    /// question q (0 when not asked); `path` renders the `--path`.
    fn leaf(
        &mut self,
        node: usize,
        state: &State,
        asked: &[u64],
        steps: usize,
        path: &dyn Fn() -> String,
    ) {
        self.evaluated += 1;
        let r = evaluate(
            &self.c.matrix,
            &state.weights,
            &state.ruled_by,
            &mut self.scores,
        );
        match r.winner {
            Some(w) => {
                self.wins[w] += 1;
                if !r.tied.is_empty() {
                    self.tie_count += 1;
                }
                if !r.by_order.is_empty() {
                    self.order_count += 1;
                    *self.ties.entry(r.by_order).or_default() += 1;
                }
                if r.margin.is_some_and(|m| m <= 1) {
                    self.narrow += 1;
                }
                if let CNode::Outcome { promised } = &self.c.nodes[node]
                    && !promised[w]
                {
                    self.mismatches
                        .entry((node, w))
                        .or_default()
                        .add(steps, path);
                }
            }
            None => {
                let mut answers: Vec<u32> = state.ruled_by.iter().map(|&a| a - 1).collect();
                answers.sort_unstable();
                answers.dedup();
                self.dead.entry(answers).or_default().add(steps, path);
            }
        }
        for (i, ch) in self.checks.iter().enumerate() {
            if !ch.when.iter().all(|&(q, mask)| asked[q] & mask != 0) {
                continue;
            }
            let fails = match r.winner {
                None => false,
                Some(w) => ch.listed[w] == ch.never,
            };
            self.check_applicable[i] += 1;
            if fails {
                let w = r.winner.expect("a failing path has a winner");
                self.check_fail[i].entry(w).or_default().add(steps, path);
            }
        }
    }

    fn finish(self, paths: u64, sampled: Option<Sampled>) -> Analysis {
        let c = self.c;
        let t = &c.tree.tree;
        let n = self.evaluated;
        let share = |x: u64| if n == 0 { 0.0 } else { x as f64 / n as f64 };
        let id = |o: usize| t.options[o].id.clone();
        let mut by_tie: Vec<usize> = (0..t.options.len()).collect();
        by_tie.sort_by_key(|&o| c.matrix.tie_rank[o]);
        let answer_ref = |g: u32| {
            let (q, a) = c.answers[g as usize];
            let Node::Question(question) = c.tree.node(q) else {
                unreachable!("answers belong to questions")
            };
            AnswerRef {
                question: question.id.clone(),
                answer: question.answers[a].label.clone(),
            }
        };
        let mut ties: Vec<TieGroup> = self
            .ties
            .into_iter()
            .map(|(opts, count)| TieGroup {
                preferred: id(opts[0]),
                options: opts.into_iter().map(id).collect(),
                count,
            })
            .collect();
        ties.sort_by(|a, b| b.count.cmp(&a.count).then(a.options.cmp(&b.options)));
        let example = |t: Tally| t.example.map(|(_, p)| p).unwrap_or_default();
        let mut dead_ends: Vec<DeadEnd> = self
            .dead
            .into_iter()
            .map(|(answers, tally)| DeadEnd {
                answers: answers.into_iter().map(answer_ref).collect(),
                count: tally.count,
                share: share(tally.count),
                example_path: example(tally),
            })
            .collect();
        dead_ends.sort_by(|a, b| b.count.cmp(&a.count).then(a.answers.cmp(&b.answers)));
        let mut outcome_mismatches: Vec<OutcomeMismatch> = self
            .mismatches
            .into_iter()
            .map(|((node, w), tally)| {
                let Node::Outcome(o) = c.tree.node(node) else {
                    unreachable!("mismatches are at outcomes")
                };
                OutcomeMismatch {
                    outcome: o.id.clone(),
                    promised: o.options.clone(),
                    winner: id(w),
                    count: tally.count,
                    example_path: example(tally),
                }
            })
            .collect();
        outcome_mismatches.sort_by(|a, b| {
            b.count
                .cmp(&a.count)
                .then(a.outcome.cmp(&b.outcome))
                .then(a.winner.cmp(&b.winner))
        });
        let checks = t
            .checks
            .iter()
            .zip(self.check_fail)
            .zip(self.check_applicable)
            .map(|((ch, fails), applicable)| {
                let mut failures: Vec<CheckFailure> = fails
                    .into_iter()
                    .map(|(w, tally)| CheckFailure {
                        winner: id(w),
                        count: tally.count,
                        example_path: example(tally),
                    })
                    .collect();
                failures.sort_by(|a, b| b.count.cmp(&a.count).then(a.winner.cmp(&b.winner)));
                let violations = failures.iter().map(|f| f.count).sum();
                CheckResult {
                    name: ch.name.clone(),
                    expect: ch.expect.kind(),
                    options: ch.expect.options().to_vec(),
                    applicable,
                    violations,
                    ok: violations == 0,
                    failures,
                    why: ch.why.clone(),
                    source: ch.source.clone(),
                }
            })
            .collect();
        Analysis {
            tree: t.id.clone(),
            priorities_first: t.tie_break.priorities_first,
            paths,
            sampled,
            winners: (0..t.options.len())
                .map(|o| {
                    (
                        id(o),
                        Share {
                            count: self.wins[o],
                            share: share(self.wins[o]),
                        },
                    )
                })
                .collect(),
            never_win: by_tie
                .iter()
                .filter(|&&o| self.wins[o] == 0)
                .map(|&o| id(o))
                .collect(),
            ties: Ties {
                count: self.tie_count,
                share: share(self.tie_count),
                by_priorities: Share {
                    count: self.tie_count - self.order_count,
                    share: share(self.tie_count - self.order_count),
                },
                by_preference_order: Share {
                    count: self.order_count,
                    share: share(self.order_count),
                },
                why: t.tie_break.why.clone(),
                by_preference: ties,
            },
            narrow: Share {
                count: self.narrow,
                share: share(self.narrow),
            },
            dead_ends,
            outcome_mismatches,
            checks,
        }
    }
}

/// Renders a path of (question node, choice) steps as `--path` text: 1-based answer numbers,
/// `+` within a multi-answer step.
pub fn path_text(c: &Compiled<'_>, steps: &[(usize, usize)]) -> String {
    steps
        .iter()
        .map(|&(q, ch)| {
            c.choices(q)[ch]
                .answers
                .iter()
                .map(|a| (a + 1).to_string())
                .collect::<Vec<_>>()
                .join("+")
        })
        .collect::<Vec<_>>()
        .join(",")
}

/// Analyzes every path of a tree (or a seeded sample beyond [`EXACT_LIMIT`]).
pub fn analyze(tree: &LoadedTree) -> Analysis {
    analyze_with_limit(tree, EXACT_LIMIT, SAMPLE_SIZE)
}

/// [`analyze`] with explicit limits, so tests can force the sampled mode on small trees.
pub fn analyze_with_limit(tree: &LoadedTree, exact_limit: u64, sample: u64) -> Analysis {
    let c = Compiled::new(tree);
    let counts = c.path_counts();
    let paths = counts[c.root];
    let mut acc = Acc::new(&c);
    let mut state = State {
        weights: c.default_weights.clone(),
        ruled_by: vec![0; tree.tree.options.len()],
        log: Vec::new(),
    };
    let mut asked = vec![0u64; c.nodes.len()];
    if paths <= exact_limit {
        enumerate(&c, &mut acc, &mut state, &mut asked);
        acc.finish(paths, None)
    } else {
        // Very deep trees: cap the work at about SAMPLE_STEPS steps (at least 100 paths), so a
        // million-question chain is analyzed in seconds, not hours.
        let depth = c.max_depth().max(1) as u64;
        let sample = sample.min((SAMPLE_STEPS / depth).max(100));
        let mut rng = SplitMix64(SAMPLE_SEED);
        let mut steps: Vec<(usize, usize)> = Vec::new();
        for _ in 0..sample {
            steps.clear();
            let mut node = c.root;
            while let CNode::Question { choices } = &c.nodes[node] {
                // Choose in proportion to the paths below each choice: uniform over paths.
                let total: f64 = choices.iter().map(|ch| counts[ch.next] as f64).sum();
                let mut x = rng.next_f64() * total;
                let mut pick = choices.len() - 1;
                for (i, ch) in choices.iter().enumerate() {
                    x -= counts[ch.next] as f64;
                    if x < 0.0 {
                        pick = i;
                        break;
                    }
                }
                let ch = &choices[pick];
                asked[node] = ch.mask;
                state.apply(&ch.ops);
                steps.push((node, pick));
                node = ch.next;
            }
            let path = || path_text(&c, &steps);
            acc.leaf(node, &state, &asked, steps.len(), &path);
            state.undo_to(0);
            for &(q, _) in &steps {
                asked[q] = 0;
            }
        }
        acc.finish(
            paths,
            Some(Sampled {
                evaluated: sample,
                seed: SAMPLE_SEED,
            }),
        )
    }
}

/// Depth-first over every path with an explicit stack; effects applied on the way down and
/// undone on the way back.
fn enumerate(c: &Compiled<'_>, acc: &mut Acc<'_>, state: &mut State, asked: &mut [u64]) {
    struct Frame {
        node: usize,
        next_choice: usize,
        log: usize,
    }
    let mut stack: Vec<Frame> = vec![Frame {
        node: c.root,
        next_choice: 0,
        log: 0,
    }];
    // (question node, choice index) for every question frame on the stack.
    let mut steps: Vec<(usize, usize)> = Vec::new();
    while let Some(top) = stack.last_mut() {
        match &c.nodes[top.node] {
            CNode::Outcome { .. } => {
                let node = top.node;
                let path = || path_text(c, &steps);
                acc.leaf(node, state, asked, steps.len(), &path);
                stack.pop();
                // The parent's step stays on `steps` until the parent advances or pops.
            }
            CNode::Question { choices } => {
                state.undo_to(top.log);
                if top.next_choice > 0 {
                    steps.pop();
                }
                if top.next_choice < choices.len() {
                    let i = top.next_choice;
                    top.next_choice += 1;
                    let ch = &choices[i];
                    asked[top.node] = ch.mask;
                    state.apply(&ch.ops);
                    steps.push((top.node, i));
                    let child = Frame {
                        node: ch.next,
                        next_choice: 0,
                        log: state.log.len(),
                    };
                    stack.push(child);
                } else {
                    asked[top.node] = 0;
                    stack.pop();
                }
            }
        }
    }
}

/// SplitMix64: a small seeded generator, enough for reproducible sampling without a crate.
#[derive(Debug, Clone)]
pub struct SplitMix64(pub u64);

impl SplitMix64 {
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in 0..n (n > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }
}

/// The outcome of one path given as choices, evaluated the same way `analyze` does; for tests
/// and tools. `path` holds 0-based answer sets per step.
pub fn evaluate_path(tree: &LoadedTree, path: &[Vec<usize>]) -> Option<(usize, PathResult)> {
    let c = Compiled::new(tree);
    let mut state = State {
        weights: c.default_weights.clone(),
        ruled_by: vec![0; tree.tree.options.len()],
        log: Vec::new(),
    };
    let mut node = c.root;
    for answers in path {
        let choices = c.choices(node);
        let ch = choices.iter().find(|ch| &ch.answers == answers)?;
        state.apply(&ch.ops);
        node = ch.next;
    }
    if !matches!(c.nodes[node], CNode::Outcome { .. }) {
        return None;
    }
    let mut scores = vec![0; tree.tree.options.len()];
    Some((
        node,
        evaluate(&c.matrix, &state.weights, &state.ruled_by, &mut scores),
    ))
}
