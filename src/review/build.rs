//! From a session's decision objects to the pack. Every number comes from the engine's results
//! in [`DecisionReport`]: robustness intervals give the sensitivity points, acceptability and
//! the runner-up give the strong options, the contributions give the impacts, the report's
//! conflicts, rule-outs, notes and relations give the risks and the graph's edges.

use std::collections::{BTreeMap, BTreeSet};

use crate::engine::Engine;
use crate::report::{DecisionReport, RankedOption};
use crate::session::Session;
use crate::tree::{Catalog, Effect, Node, RelationKind};

use super::ReviewError;
use super::model::*;

/// A weight change of at most this many steps (on 0..=5) that changes the winner makes the
/// criterion a sensitivity point. Two steps is the difference between "medium" and "high"
/// importance, a disagreement a review meeting can plausibly have.
pub const SMALL_CHANGE: i64 = 2;
/// Strong rivals shown per decision in the graph.
const GRAPH_RIVALS: usize = 2;
/// Criteria shown per decision in the graph.
const GRAPH_CRITERIA: usize = 5;

/// The pack of `session`, evaluated with `engine` over `catalog`. Fails when the session holds
/// nothing to review (no question answered in any decision) or does not fit the trees.
pub fn build(catalog: &Catalog, engine: &Engine, session: &Session) -> Result<Pack, ReviewError> {
    if session.decisions.iter().all(|d| d.answers.is_empty()) {
        return Err(ReviewError(format!(
            "session \"{}\" has no answered question yet, so there is nothing to review; answer its questions with `tradeoffs --resume {}`",
            session.id, session.id
        )));
    }
    // The decisions are independent: each is evaluated on its own thread (most of a pack's
    // time is the acceptability of each decision), in session order.
    let reports: Vec<DecisionReport> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..session.decisions.len())
            .map(|i| scope.spawn(move || engine.evaluate(catalog, session, i)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("evaluating a decision does not panic"))
            .collect::<Result<_, _>>()
    })
    .map_err(|e| ReviewError(format!("session \"{}\": {e}", session.id)))?;
    Ok(from_reports(catalog, session, &reports))
}

/// The pack from decision objects already evaluated (one per decision, in session order).
pub(super) fn from_reports(
    catalog: &Catalog,
    session: &Session,
    reports: &[DecisionReport],
) -> Pack {
    let mut b = Builder {
        catalog,
        session,
        reports,
        pack: Pack {
            format: 1,
            session: session.id.clone(),
            repo: session.repo.clone(),
            updated: session.updated,
            decisions: Vec::new(),
            utility: Vec::new(),
            sensitivity: Vec::new(),
            tradeoffs: Vec::new(),
            risks: Vec::new(),
            non_risks: Vec::new(),
            questions: Vec::new(),
            graph: SessionGraph {
                groups: Vec::new(),
                edges: Vec::new(),
            },
        },
    };
    b.summary();
    b.sensitivity();
    b.utility();
    b.tradeoffs();
    b.risks();
    b.questions();
    b.graph();
    b.pack
}

struct Builder<'a> {
    catalog: &'a Catalog,
    session: &'a Session,
    reports: &'a [DecisionReport],
    pack: Pack,
}

/// "+2", "−1" (a real minus sign reads better in prose and tables).
pub(super) fn signed(n: i64) -> String {
    if n < 0 {
        format!("−{}", -n)
    } else {
        format!("+{n}")
    }
}

/// "A", "A and B", "A, B and C".
fn join_and<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [init @ .., last] => format!(
            "{} and {}",
            init.iter()
                .map(AsRef::as_ref)
                .collect::<Vec<_>>()
                .join(", "),
            last.as_ref()
        ),
    }
}

fn importance(weight: i64) -> &'static str {
    match weight {
        4.. => "high",
        2..=3 => "medium",
        _ => "low",
    }
}

fn impact_of(o: &RankedOption, criterion: &str) -> Option<(i64, i64)> {
    o.contributions
        .iter()
        .find(|c| c.criterion == criterion)
        .map(|c| (c.impact, c.weight))
}

impl Builder<'_> {
    fn name<'r>(r: &'r DecisionReport, id: &'r str) -> &'r str {
        r.option(id).map_or(id, |o| o.name.as_str())
    }

    fn label(&self, n: usize) -> String {
        self.pack.label(n)
    }

    /// The decision (1-based) whose effective choice is `option`.
    fn decision_choosing(&self, option: &str) -> Option<usize> {
        self.reports
            .iter()
            .position(|r| r.chosen.as_deref() == Some(option))
            .map(|i| i + 1)
    }

    /// The first decision (1-based) of the tree that holds `option`.
    fn decision_of_tree_of(&self, option: &str) -> Option<usize> {
        let tree = self.catalog.tree_of_option(option)?;
        self.reports
            .iter()
            .position(|r| r.tree == tree.id())
            .map(|i| i + 1)
    }

    fn option_name(&self, id: &str) -> String {
        self.catalog
            .tree_of_option(id)
            .and_then(|t| t.option_ix(id).map(|i| t.tree.options[i].name.clone()))
            .unwrap_or_else(|| id.to_string())
    }

    /// The winner and its strong rivals in play: the runner-up and every option that wins in
    /// some of the weightings within ±1 (acceptability above 0), most acceptable first.
    /// When the user chose against the ranking, the chosen option stands against the
    /// top-ranked one first.
    fn strong(r: &DecisionReport) -> Option<(String, Vec<String>)> {
        let rob = r.robustness.as_ref()?;
        let chosen = r.chosen.clone()?;
        let mut rivals: Vec<String> = vec![rob.winner.clone()];
        rivals.extend(
            rob.acceptability
                .iter()
                .filter(|a| a.share > 0.0)
                .map(|a| a.option.clone()),
        );
        rivals.extend(rob.runner_up.clone());
        let mut out: Vec<String> = Vec::new();
        for o in rivals {
            if o != chosen && !out.contains(&o) {
                out.push(o);
            }
        }
        Some((chosen, out))
    }

    fn summary(&mut self) {
        for (i, r) in self.reports.iter().enumerate() {
            let tree = self.catalog.get(&r.tree);
            let state = match (&r.outcome, &r.chosen) {
                (None, _) => DecisionState::Open,
                (Some(_), None) => DecisionState::DeadEnd,
                (Some(_), Some(_)) => DecisionState::Decided,
            };
            let rob = r.robustness.as_ref();
            let record = &self.session.decisions[i].record;
            self.pack.decisions.push(DecisionSummary {
                number: i + 1,
                tree: r.tree.clone(),
                title: r.tree_title.clone(),
                area: tree.map_or_else(|| r.tree.clone(), |t| t.tree.area.title.clone()),
                state,
                chosen: r.chosen.clone(),
                chosen_name: r.chosen.as_deref().map(|c| Self::name(r, c).to_string()),
                against_ranking: r.chosen_by_user && r.chosen != r.top,
                top_name: r.top.as_deref().map(|t| Self::name(r, t).to_string()),
                score: r
                    .chosen
                    .as_deref()
                    .and_then(|c| r.option(c))
                    .map(|o| o.score),
                runner_up: rob.and_then(|x| x.runner_up.clone()),
                runner_up_name: rob
                    .and_then(|x| x.runner_up.as_deref())
                    .map(|o| Self::name(r, o).to_string()),
                margin: rob.and_then(|x| x.margin),
                verdict: rob.map(|x| x.verdict.to_string()),
                acceptability: rob.and_then(|x| {
                    x.acceptability
                        .iter()
                        .find(|a| a.option == x.winner)
                        .map(|a| a.share)
                }),
                robustness: rob.map(|x| x.text.clone()),
                pending: r.pending.clone(),
                outcome: r.outcome.as_ref().map(|o| o.title.clone()),
                adr: record.exported.as_ref().map(|p| AdrLink {
                    path: p.clone(),
                    exists: None,
                }),
            });
        }
    }

    fn sensitivity(&mut self) {
        for (i, r) in self.reports.iter().enumerate() {
            let Some(rob) = &r.robustness else { continue };
            let mut points: Vec<SensitivityPoint> = rob
                .intervals
                .iter()
                .filter_map(|iv| {
                    let (to, nw) = (iv.change_to?, iv.new_winner.as_ref()?);
                    ((to - iv.weight).abs() <= SMALL_CHANGE).then(|| {
                        let (w, n) = (Self::name(r, &rob.winner), Self::name(r, nw));
                        let verb = if to > iv.weight { "rose" } else { "fell" };
                        SensitivityPoint {
                            decision: i + 1,
                            tree: r.tree.clone(),
                            criterion: iv.criterion.clone(),
                            name: iv.name.clone(),
                            from: iv.weight,
                            to,
                            winner: rob.winner.clone(),
                            winner_name: w.to_string(),
                            new_winner: nw.clone(),
                            new_winner_name: n.to_string(),
                            holds_from: iv.lo,
                            holds_to: iv.hi,
                            text: format!(
                                "If the weight of {} {verb} from {} to {to}, {n} would win instead of {w} ({w} holds for weights {}..{}).",
                                iv.name, iv.weight, iv.lo, iv.hi
                            ),
                        }
                    })
                })
                .collect();
            points.sort_by_key(|p| (p.to - p.from).abs());
            self.pack.sensitivity.extend(points);
        }
    }

    fn utility(&mut self) {
        let mut areas: Vec<UtilityArea> = Vec::new();
        for (i, r) in self.reports.iter().enumerate() {
            let tree = self.catalog.get(&r.tree);
            let mut attributes: Vec<Attribute> = r
                .criteria
                .iter()
                .filter(|c| c.weight > 0 || c.weight != c.default_weight)
                .map(|c| {
                    let mut set_by = Vec::new();
                    for step in &r.path {
                        let Some(Node::Question(q)) =
                            tree.and_then(|t| t.node_ix(&step.question_id).map(|ix| t.node(ix)))
                        else {
                            continue;
                        };
                        for &n in &step.numbers {
                            let Some(a) = q.answers.get(n - 1) else {
                                continue;
                            };
                            for e in &a.effects {
                                let effect = match e {
                                    Effect::Set { criterion, weight } if *criterion == c.id => {
                                        format!("set to {weight}")
                                    }
                                    Effect::Raise { criterion, by } if *criterion == c.id => {
                                        format!("raised by {by}")
                                    }
                                    Effect::Lower { criterion, by } if *criterion == c.id => {
                                        format!("lowered by {by}")
                                    }
                                    _ => continue,
                                };
                                set_by.push(WeightSource {
                                    question: Some(q.prompt.clone()),
                                    answer: Some(a.label.clone()),
                                    scenario: Some(a.consequence.clone()),
                                    effect,
                                });
                            }
                        }
                    }
                    if let Some(w) = r.overrides.get(&c.id) {
                        set_by.push(WeightSource {
                            question: None,
                            answer: None,
                            scenario: None,
                            effect: format!("set by hand to {w}"),
                        });
                    }
                    Attribute {
                        criterion: c.id.clone(),
                        name: c.name.clone(),
                        description: c.description.clone(),
                        weight: c.weight,
                        default_weight: c.default_weight,
                        importance: importance(c.weight),
                        sensitive: self
                            .pack
                            .sensitivity
                            .iter()
                            .any(|p| p.decision == i + 1 && p.criterion == c.id),
                        set_by,
                    }
                })
                .collect();
            // Heaviest first; the tree's order among equals.
            attributes.sort_by_key(|a| std::cmp::Reverse(a.weight));
            let area = self.pack.decisions[i].area.clone();
            let entry = UtilityDecision {
                number: i + 1,
                title: r.tree_title.clone(),
                attributes,
            };
            match areas.iter_mut().find(|a| a.area == area) {
                Some(a) => a.decisions.push(entry),
                None => areas.push(UtilityArea {
                    area,
                    decisions: vec![entry],
                }),
            }
        }
        self.pack.utility = areas;
    }

    fn tradeoffs(&mut self) {
        // Inside a decision: the winner against its strong rivals.
        for (i, r) in self.reports.iter().enumerate() {
            let Some((winner, rivals)) = Self::strong(r) else {
                continue;
            };
            let Some(w) = r.option(&winner) else { continue };
            let mut points: Vec<(i64, TradeoffPoint)> = Vec::new();
            for c in r.criteria.iter().filter(|c| c.weight > 0) {
                let Some((wi, _)) = impact_of(w, &c.id) else {
                    continue;
                };
                let pull = |o: &RankedOption, impact: i64| Pull {
                    decision: i + 1,
                    option: o.id.clone(),
                    name: o.name.clone(),
                    impact,
                    weight: c.weight,
                };
                let opposed: Vec<Pull> = rivals
                    .iter()
                    .filter_map(|id| r.option(id))
                    .filter_map(|o| {
                        let (ri, _) = impact_of(o, &c.id)?;
                        (ri * wi < 0).then(|| pull(o, ri))
                    })
                    .collect();
                if opposed.is_empty() {
                    continue;
                }
                let spread = opposed
                    .iter()
                    .map(|p| (p.impact - wi).abs())
                    .max()
                    .unwrap_or(0);
                let mine = vec![pull(w, wi)];
                let (favoured, against) = if wi > 0 {
                    (mine, opposed)
                } else {
                    (opposed, mine)
                };
                let side = |ps: &[Pull]| {
                    join_and(
                        &ps.iter()
                            .map(|p| format!("{} ({})", p.name, signed(p.impact)))
                            .collect::<Vec<_>>(),
                    )
                };
                let text = format!(
                    "{} (weight {}) pulls {} against {}: weighing it more favours {}, less favours {}.",
                    c.name,
                    c.weight,
                    side(&favoured),
                    side(&against),
                    join_and(&favoured.iter().map(|p| p.name.as_str()).collect::<Vec<_>>()),
                    join_and(&against.iter().map(|p| p.name.as_str()).collect::<Vec<_>>()),
                );
                points.push((
                    spread * c.weight,
                    TradeoffPoint {
                        kind: TradeoffKind::Options,
                        criteria: vec![c.id.clone()],
                        name: c.name.clone(),
                        favoured,
                        against,
                        text: format!("{}: {text}", self.label(i + 1)),
                    },
                ));
            }
            // The heaviest pulls first.
            points.sort_by_key(|(k, _)| std::cmp::Reverse(*k));
            self.pack
                .tradeoffs
                .extend(points.into_iter().map(|(_, p)| p));
        }
        // Between decisions: the same quality attribute (same criterion id, or the same name in
        // two trees) served by one decision's choice and spent by another's.
        let key = |s: &str| s.trim().to_lowercase();
        for (a, ra) in self.reports.iter().enumerate() {
            for (b, rb) in self.reports.iter().enumerate().skip(a + 1) {
                let (Some(ca), Some(cb)) = (
                    ra.chosen.as_deref().and_then(|c| ra.option(c)),
                    rb.chosen.as_deref().and_then(|c| rb.option(c)),
                ) else {
                    continue;
                };
                for xa in ra.criteria.iter().filter(|c| c.weight > 0) {
                    for xb in rb.criteria.iter().filter(|c| {
                        c.weight > 0 && (c.id == xa.id || key(&c.name) == key(&xa.name))
                    }) {
                        let (Some((ia, _)), Some((ib, _))) =
                            (impact_of(ca, &xa.id), impact_of(cb, &xb.id))
                        else {
                            continue;
                        };
                        if ia * ib >= 0 {
                            continue;
                        }
                        let pa = Pull {
                            decision: a + 1,
                            option: ca.id.clone(),
                            name: ca.name.clone(),
                            impact: ia,
                            weight: xa.weight,
                        };
                        let pb = Pull {
                            decision: b + 1,
                            option: cb.id.clone(),
                            name: cb.name.clone(),
                            impact: ib,
                            weight: xb.weight,
                        };
                        let (fav, ag) = if ia > 0 { (pa, pb) } else { (pb, pa) };
                        let text = format!(
                            "{} pulls two decisions apart: {} chose {} ({} on it, weight {}), {} chose {} ({}, weight {}); the system as a whole both builds and spends it.",
                            xa.name,
                            self.label(fav.decision),
                            fav.name,
                            signed(fav.impact),
                            fav.weight,
                            self.label(ag.decision),
                            ag.name,
                            signed(ag.impact),
                            ag.weight
                        );
                        self.pack.tradeoffs.push(TradeoffPoint {
                            kind: TradeoffKind::Decisions,
                            criteria: vec![xa.id.clone(), xb.id.clone()],
                            name: xa.name.clone(),
                            favoured: vec![fav],
                            against: vec![ag],
                            text,
                        });
                    }
                }
            }
        }
    }

    fn risks(&mut self) {
        let mut risks: Vec<Risk> = Vec::new();
        let mut non_risks: Vec<NonRisk> = Vec::new();
        // Conflicts and unmet requirements, once each although both decisions report them.
        let mut seen: BTreeSet<(RelationKind, String, String)> = BTreeSet::new();
        for r in self.reports {
            for c in &r.conflicts {
                let key = if c.kind == RelationKind::ConflictsWith && c.to < c.from {
                    (c.kind, c.to.clone(), c.from.clone())
                } else {
                    (c.kind, c.from.clone(), c.to.clone())
                };
                if !seen.insert(key) {
                    continue;
                }
                let mut decisions: Vec<usize> = match c.kind {
                    RelationKind::ConflictsWith => [&c.from, &c.to]
                        .iter()
                        .filter_map(|o| self.decision_choosing(o))
                        .collect(),
                    _ => [
                        self.decision_choosing(&c.from),
                        self.decision_of_tree_of(&c.to),
                    ]
                    .into_iter()
                    .flatten()
                    .collect(),
                };
                decisions.sort_unstable();
                decisions.dedup();
                let who: Vec<String> = decisions.iter().map(|&n| format!("D{n}")).collect();
                risks.push(Risk {
                    kind: if c.kind == RelationKind::ConflictsWith {
                        RiskKind::Conflict
                    } else {
                        RiskKind::UnmetRequirement
                    },
                    decisions,
                    text: format!("{}: {}", who.join(" × "), c.text),
                });
            }
        }
        for (i, r) in self.reports.iter().enumerate() {
            let n = i + 1;
            let label = self.label(n);
            if let Some(d) = &r.dead_end {
                risks.push(Risk {
                    kind: RiskKind::DeadEnd,
                    decisions: vec![n],
                    text: format!("{label}: {}", d.text),
                });
            }
            if r.outcome.is_none() {
                risks.push(Risk {
                    kind: RiskKind::Open,
                    decisions: vec![n],
                    text: format!(
                        "{label} is not decided: the question \"{}\" is still open.",
                        r.pending.as_deref().unwrap_or("?")
                    ),
                });
            }
            if let Some(rob) = &r.robustness {
                if rob.verdict == "fragile" {
                    risks.push(Risk {
                        kind: RiskKind::Fragile,
                        decisions: vec![n],
                        text: format!("{label}: {}", rob.text),
                    });
                } else {
                    non_risks.push(NonRisk {
                        decisions: vec![n],
                        text: format!("{label}: {}", rob.text),
                    });
                }
            }
            if let Some(t) = &r.tie {
                risks.push(Risk {
                    kind: RiskKind::Tie,
                    decisions: vec![n],
                    text: format!("{label}: {}.", t.text.trim_end_matches('.')),
                });
            }
            let chosen = r.chosen.as_deref().and_then(|c| r.option(c));
            if let (Some(c), Some(top)) = (chosen, r.top.as_deref().and_then(|t| r.option(t)))
                && r.chosen_by_user
                && c.id != top.id
            {
                risks.push(Risk {
                    kind: RiskKind::AgainstRanking,
                    decisions: vec![n],
                    text: format!(
                        "{label}: {} was chosen over {}, which ranks first ({} against {}); the robustness figures are those of {}.",
                        c.name, top.name, top.score, c.score, top.name
                    ),
                });
            }
            if let (Some(o), Some(c)) = (&r.outcome, chosen)
                && !o.promise_kept
            {
                risks.push(Risk {
                    kind: RiskKind::BrokenPromise,
                    decisions: vec![n],
                    text: format!(
                        "{label}: the outcome \"{}\" is written for {}, not for {}; its title and context need rewriting for the ADR.",
                        o.title,
                        join_and(&o.promised.iter().map(|p| Self::name(r, p)).collect::<Vec<_>>()),
                        c.name
                    ),
                });
            }
            // Assumptions: rule-outs that removed an option scoring above the choice.
            if let Some(c) = chosen {
                for o in r.ranking.iter().filter(|o| o.score > c.score) {
                    let Some(ro) = &o.rule_out else { continue };
                    risks.push(Risk {
                        kind: RiskKind::Assumption,
                        decisions: vec![n],
                        text: format!(
                            "{label} rests on the answer \"{}\" to \"{}\": it ruled out {} ({}), which would otherwise score {} against {}'s {}.",
                            ro.by.answer,
                            ro.by.question,
                            o.name,
                            ro.reason.trim_end_matches('.'),
                            o.score,
                            c.name,
                            c.score
                        ),
                    });
                }
            }
            for p in r.path.iter() {
                let Some(from) = &p.reused_from else { continue };
                let earlier = self
                    .reports
                    .iter()
                    .take(i)
                    .position(|x| &x.tree == from)
                    .map_or_else(|| from.clone(), |j| self.label(j + 1));
                risks.push(Risk {
                    kind: RiskKind::Assumption,
                    decisions: vec![n],
                    text: format!(
                        "{label} reuses the answer \"{}\" to \"{}\" from {earlier}: both decisions rest on it.",
                        p.answers.join("; "),
                        p.question
                    ),
                });
            }
            // Requirements the answers raised for the chosen option.
            if chosen.is_some() {
                for note in &r.notes {
                    let by = self.note_answer(i, &note.text);
                    let source = note
                        .source
                        .as_ref()
                        .map(|s| format!(" (source: {s})"))
                        .unwrap_or_default();
                    risks.push(Risk {
                        kind: RiskKind::Requirement,
                        decisions: vec![n],
                        text: format!(
                            "{label}{}: {}{source}",
                            by.map(|a| format!(", raised by the answer \"{a}\""))
                                .unwrap_or_default(),
                            note.text
                        ),
                    });
                }
            }
        }
        let decided = self
            .pack
            .decisions
            .iter()
            .filter(|d| d.state == DecisionState::Decided)
            .count();
        if decided >= 2
            && !risks
                .iter()
                .any(|r| matches!(r.kind, RiskKind::Conflict | RiskKind::UnmetRequirement))
        {
            non_risks.push(NonRisk {
                decisions: self
                    .pack
                    .decisions
                    .iter()
                    .filter(|d| d.state == DecisionState::Decided)
                    .map(|d| d.number)
                    .collect(),
                text: format!(
                    "No conflict and no unmet requirement between the {decided} decided decisions."
                ),
            });
        }
        // Most severe first, then by decision; stable within.
        risks.sort_by(|a, b| a.kind.cmp(&b.kind).then(a.decisions.cmp(&b.decisions)));
        self.pack.risks = risks;
        self.pack.non_risks = non_risks;
    }

    /// The label of the answer on decision `i`'s path whose note has this text.
    fn note_answer(&self, i: usize, text: &str) -> Option<String> {
        let r = &self.reports[i];
        let tree = self.catalog.get(&r.tree)?;
        for step in &r.path {
            let Some(Node::Question(q)) = tree.node_ix(&step.question_id).map(|ix| tree.node(ix))
            else {
                continue;
            };
            for &n in &step.numbers {
                let a = q.answers.get(n - 1)?;
                if a.effects
                    .iter()
                    .any(|e| matches!(e, Effect::Note { text: t, .. } if t == text))
                {
                    return Some(a.label.clone());
                }
            }
        }
        None
    }

    fn questions(&mut self) {
        let mut qs: Vec<ReviewQuestion> = Vec::new();
        let mut push = |decisions: Vec<usize>, from: &str, text: String| {
            qs.push(ReviewQuestion {
                decisions,
                from: from.to_string(),
                text,
            });
        };
        let p = &self.pack;
        for r in &p.risks {
            let label = |n: usize| p.label(n);
            match r.kind {
                RiskKind::Conflict => push(
                    r.decisions.clone(),
                    "conflict",
                    format!(
                        "{} — which decision gives way, or what makes the pair work in this system?",
                        r.text.trim_end_matches('.')
                    ),
                ),
                RiskKind::UnmetRequirement => push(
                    r.decisions.clone(),
                    "unmet_requirement",
                    format!(
                        "{} — is the required option needed after all, or does the requiring decision change?",
                        r.text.trim_end_matches('.')
                    ),
                ),
                RiskKind::DeadEnd => {
                    let n = r.decisions[0];
                    let answers: Vec<String> = self.reports[n - 1]
                        .dead_end
                        .iter()
                        .flat_map(|d| &d.answers)
                        .map(|a| format!("\"{}\"", a.answer))
                        .collect();
                    push(
                        vec![n],
                        "dead_end",
                        format!(
                            "{} has no option left: {} together rule out every option. Which of them is not a hard constraint?",
                            label(n),
                            join_and(&answers)
                        ),
                    );
                }
                RiskKind::Open => {
                    let n = r.decisions[0];
                    push(
                        vec![n],
                        "open",
                        format!(
                            "{} is still open at \"{}\": who answers it, and by when?",
                            label(n),
                            p.decisions[n - 1].pending.as_deref().unwrap_or("?")
                        ),
                    );
                }
                RiskKind::Fragile => {
                    let n = r.decisions[0];
                    // A fragile winner with a sensitivity point is asked about there.
                    if p.sensitivity.iter().any(|s| s.decision == n) {
                        continue;
                    }
                    let d = &p.decisions[n - 1];
                    push(
                        vec![n],
                        "fragile",
                        format!(
                            "{} leads {} by only {} and wins in {:.0} % of the weightings within ±1: which of its weights is the team least sure of, and would {} be acceptable?",
                            d.chosen_name.as_deref().unwrap_or("?"),
                            d.runner_up_name.as_deref().unwrap_or("the runner-up"),
                            d.margin.unwrap_or(0),
                            100.0 * d.acceptability.unwrap_or(0.0),
                            d.runner_up_name.as_deref().unwrap_or("the runner-up")
                        ),
                    );
                }
                RiskKind::Tie => {
                    let n = r.decisions[0];
                    let t = self.reports[n - 1]
                        .tie
                        .as_ref()
                        .expect("a tie risk has a tie");
                    push(
                        vec![n],
                        "tie",
                        format!(
                            "{} is a tie settled by the tree's preference for {} ({}). Does that preference hold for this system?",
                            label(n),
                            self.option_name(&t.preferred),
                            t.why.trim_end_matches('.')
                        ),
                    );
                }
                RiskKind::AgainstRanking => {
                    let n = r.decisions[0];
                    let d = &self.reports[n - 1];
                    push(
                        vec![n],
                        "against_ranking",
                        format!(
                            "{} chose {} over {}, which scores higher: what does the ranking miss, and should a weight say it?",
                            label(n),
                            self.option_name(d.chosen.as_deref().unwrap_or("?")),
                            self.option_name(d.top.as_deref().unwrap_or("?"))
                        ),
                    );
                }
                RiskKind::BrokenPromise | RiskKind::Requirement => {}
                RiskKind::Assumption => push(
                    r.decisions.clone(),
                    "assumption",
                    format!(
                        "{} Is that answer certain for this system, and who confirms it?",
                        r.text
                    ),
                ),
            }
        }
        // Sensitivity: one question per decision, the nearest change first.
        let mut by_decision: BTreeMap<usize, Vec<&SensitivityPoint>> = BTreeMap::new();
        for s in &p.sensitivity {
            by_decision.entry(s.decision).or_default().push(s);
        }
        for (n, points) in by_decision {
            let first = points[0];
            let set_by = p
                .utility
                .iter()
                .flat_map(|a| &a.decisions)
                .filter(|d| d.number == n)
                .flat_map(|d| &d.attributes)
                .find(|a| a.criterion == first.criterion)
                .and_then(|a| a.set_by.last())
                .map(|s| match &s.answer {
                    Some(a) => format!(" ({} by the answer \"{a}\")", s.effect),
                    None => format!(" ({})", s.effect),
                })
                .unwrap_or_else(|| " (the tree's default)".to_string());
            let more: Vec<String> = points[1..]
                .iter()
                .map(|s| format!("{} {}→{}", s.name, s.from, s.to))
                .collect();
            push(
                vec![n],
                "sensitivity",
                format!(
                    "{}: is {} really worth {}{set_by}? At {}, {} wins instead of {}.{}",
                    p.label(n),
                    first.name,
                    first.from,
                    first.to,
                    first.new_winner_name,
                    first.winner_name,
                    if more.is_empty() {
                        String::new()
                    } else {
                        format!(" Also decisive: {}.", join_and(&more))
                    }
                ),
            );
        }
        // Trade-offs between decisions; inside a decision, the heaviest one that is not
        // already a sensitivity point.
        let mut asked: BTreeSet<usize> = BTreeSet::new();
        for t in &p.tradeoffs {
            match t.kind {
                TradeoffKind::Decisions => push(
                    vec![t.favoured[0].decision, t.against[0].decision],
                    "tradeoff",
                    format!(
                        "{} is served by {} in {} and spent by {} in {}: which priority does the system hold to?",
                        t.name,
                        t.favoured[0].name,
                        p.label(t.favoured[0].decision),
                        t.against[0].name,
                        p.label(t.against[0].decision)
                    ),
                ),
                TradeoffKind::Options => {
                    let n = t.favoured[0].decision;
                    let sensitive = p
                        .sensitivity
                        .iter()
                        .any(|s| s.decision == n && t.criteria.contains(&s.criterion));
                    if sensitive || !asked.insert(n) {
                        continue;
                    }
                    let names = |ps: &[Pull]| {
                        join_and(&ps.iter().map(|x| x.name.as_str()).collect::<Vec<_>>())
                    };
                    push(
                        vec![n],
                        "tradeoff",
                        format!(
                            "{}: choosing {} over {} trades on {} (weight {}). Is that the trade the team wants?",
                            p.label(n),
                            p.decisions[n - 1].chosen_name.as_deref().unwrap_or("?"),
                            if t.favoured
                                .iter()
                                .any(|x| Some(&x.option) == p.decisions[n - 1].chosen.as_ref())
                            {
                                names(&t.against)
                            } else {
                                names(&t.favoured)
                            },
                            t.name,
                            t.favoured[0].weight
                        ),
                    );
                }
            }
        }
        // Requirements: one question per decision.
        let mut reqs: BTreeMap<usize, Vec<&Risk>> = BTreeMap::new();
        for r in p.risks.iter().filter(|r| r.kind == RiskKind::Requirement) {
            reqs.entry(r.decisions[0]).or_default().push(r);
        }
        for (n, rs) in reqs {
            let first = self.reports[n - 1]
                .notes
                .first()
                .map(|x| x.text.clone())
                .unwrap_or_default();
            push(
                vec![n],
                "requirement",
                format!(
                    "{}: who owns the {} raised for {} (first: \"{}\"), and how will the team show {} met?",
                    p.label(n),
                    if rs.len() == 1 {
                        "requirement".to_string()
                    } else {
                        format!("{} requirements", rs.len())
                    },
                    p.decisions[n - 1].chosen_name.as_deref().unwrap_or("?"),
                    first.trim_end_matches('.'),
                    if rs.len() == 1 { "it" } else { "them" }
                ),
            );
        }
        self.pack.questions = qs;
    }

    fn graph(&mut self) {
        let mut groups: Vec<GraphGroup> = Vec::new();
        let key = |n: usize, id: &str| format!("d{n}.{id}");
        let mut edges: Vec<GraphEdge> = Vec::new();
        for (i, r) in self.reports.iter().enumerate() {
            let n = i + 1;
            let d = &self.pack.decisions[i];
            let mut group = GraphGroup {
                decision: n,
                title: r.tree_title.clone(),
                options: Vec::new(),
                criteria: Vec::new(),
                note: None,
            };
            let Some(chosen) = r.chosen.as_deref().and_then(|c| r.option(c)) else {
                group.note = Some(match d.state {
                    DecisionState::Open => {
                        format!("open: \"{}\"", r.pending.as_deref().unwrap_or("?"))
                    }
                    _ => "dead end: every option ruled out".to_string(),
                });
                groups.push(group);
                continue;
            };
            let mut shown: Vec<&RankedOption> = vec![chosen];
            let rivals: Vec<String> = Self::strong(r).map(|(_, v)| v).unwrap_or_default();
            for id in rivals {
                if shown.len() > GRAPH_RIVALS {
                    break;
                }
                if let Some(o) = r.option(&id)
                    && !shown.iter().any(|s| s.id == o.id)
                {
                    shown.push(o);
                }
            }
            // Criteria: sensitivity points, then trade-off points, then the choice's largest
            // contributions.
            let mut crits: Vec<String> = Vec::new();
            let mut add = |c: &str| {
                if crits.len() < GRAPH_CRITERIA && !crits.iter().any(|x| x == c) {
                    crits.push(c.to_string());
                }
            };
            for s in self.pack.sensitivity.iter().filter(|s| s.decision == n) {
                add(&s.criterion);
            }
            for t in self
                .pack
                .tradeoffs
                .iter()
                .filter(|t| t.kind == TradeoffKind::Options && t.favoured[0].decision == n)
            {
                add(&t.criteria[0]);
            }
            for c in chosen.contributions.iter().filter(|c| c.value != 0) {
                add(&c.criterion);
            }
            for (j, o) in shown.iter().enumerate() {
                group.options.push(GraphNode {
                    key: key(n, &o.id),
                    id: o.id.clone(),
                    label: o.name.clone(),
                    role: if j == 0 {
                        NodeRole::Chosen
                    } else {
                        NodeRole::Rival
                    },
                    value: Some(o.score),
                });
            }
            for c in &crits {
                let Some(cw) = r.criteria.iter().find(|x| &x.id == c) else {
                    continue;
                };
                group.criteria.push(GraphNode {
                    key: key(n, c),
                    id: c.clone(),
                    label: cw.name.clone(),
                    role: NodeRole::Criterion,
                    value: Some(cw.weight),
                });
                for o in &shown {
                    if let Some((impact, weight)) = impact_of(o, c)
                        && impact != 0
                        && weight > 0
                    {
                        edges.push(GraphEdge {
                            from: key(n, &o.id),
                            to: key(n, c),
                            kind: EdgeKind::Impact,
                            impact: Some(impact),
                            finding: false,
                            label: signed(impact),
                        });
                    }
                }
            }
            groups.push(group);
        }
        // Options another decision's choice requires but this session did not choose.
        let mut required: Vec<(usize, String)> = Vec::new();
        for r in self.reports {
            for c in r
                .conflicts
                .iter()
                .filter(|c| c.kind == RelationKind::Requires)
            {
                if let Some(n) = self.decision_of_tree_of(&c.to)
                    && !required.contains(&(n, c.to.clone()))
                {
                    required.push((n, c.to.clone()));
                }
            }
        }
        for (n, id) in required {
            let g = &mut groups[n - 1];
            if !g.options.iter().any(|o| o.id == id) {
                g.options.push(GraphNode {
                    key: key(n, &id),
                    id: id.clone(),
                    label: self.option_name(&id),
                    role: NodeRole::Required,
                    value: None,
                });
            }
        }
        // Relations between shown options (across decisions too), each pair once.
        let node_of = |id: &str| -> Vec<String> {
            groups
                .iter()
                .flat_map(|g| &g.options)
                .filter(|o| o.id == id)
                .map(|o| o.key.clone())
                .collect()
        };
        let mut seen: BTreeSet<(String, String)> = BTreeSet::new();
        let findings: BTreeSet<(String, String)> = self
            .reports
            .iter()
            .flat_map(|r| &r.conflicts)
            .flat_map(|c| {
                [
                    (c.from.clone(), c.to.clone()),
                    (c.to.clone(), c.from.clone()),
                ]
            })
            .collect();
        for r in self.reports {
            for rel in &r.relations {
                for from in node_of(&rel.from) {
                    for to in node_of(&rel.to) {
                        let pair = if rel.kind == RelationKind::Requires || from < to {
                            (from.clone(), to.clone())
                        } else {
                            (to.clone(), from.clone())
                        };
                        if from == to || !seen.insert(pair) {
                            continue;
                        }
                        let (kind, label) = match rel.kind {
                            RelationKind::Requires => (EdgeKind::Requires, "requires"),
                            RelationKind::ConflictsWith => {
                                (EdgeKind::ConflictsWith, "conflicts with")
                            }
                            RelationKind::Complements => (EdgeKind::Complements, "complements"),
                        };
                        let finding = rel.kind != RelationKind::Complements
                            && findings.contains(&(rel.from.clone(), rel.to.clone()));
                        edges.push(GraphEdge {
                            from: from.clone(),
                            to,
                            kind,
                            impact: None,
                            finding,
                            label: label.to_string(),
                        });
                    }
                }
            }
        }
        self.pack.graph = SessionGraph { groups, edges };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::Decision;

    fn catalog() -> Catalog {
        crate::tree::fixtures::small_and_other()
    }

    /// D1 small: A by 1 over B (fragile); D2 other: X, which conflicts with A; D3 other: Y
    /// chosen against the ranking, which requires B (not chosen).
    fn session(c: &Catalog) -> Session {
        let (small, other) = (c.get("small").unwrap(), c.get("other").unwrap());
        let mut s = Session::new("fixture", 0);
        s.decisions
            .push(Decision::from_path(small, &[vec![1], vec![1]]).unwrap());
        s.decisions
            .push(Decision::from_path(other, &[vec![1]]).unwrap());
        let mut y = Decision::from_path(other, &[vec![1]]).unwrap();
        y.choose(other, "ot.y").unwrap();
        s.decisions.push(y);
        s
    }

    fn pack() -> Pack {
        let c = catalog();
        build(&c, &Engine::new(&c), &session(&c)).unwrap()
    }

    #[test]
    fn every_finding_of_the_fixture_session_is_there() {
        let p = pack();
        let kinds: Vec<RiskKind> = p.risks.iter().map(|r| r.kind).collect();
        assert_eq!(
            kinds,
            vec![
                RiskKind::Conflict,
                RiskKind::UnmetRequirement,
                RiskKind::Fragile,
                RiskKind::AgainstRanking,
                RiskKind::Requirement,
            ],
            "{:#?}",
            p.risks
        );
        assert_eq!(p.risks[0].decisions, vec![1, 2]);
        assert_eq!(
            p.risks[0].text,
            "D1 × D2: Option X conflicts with Option A: X cannot run next to A."
        );
        assert_eq!(p.risks[1].decisions, vec![1, 3]);
        assert_eq!(
            p.risks[1].text,
            "D1 × D3: Option Y requires Option B, which this session did not choose: Y builds on B."
        );
        assert_eq!(
            p.risks[4].text,
            "D1 Small test tree, raised by the answer \"Fast\": Measure latency before launch. (source: https://example.org/latency)"
        );
        // D1 is a one-point lead: a sensitivity point with its exact change.
        let s = &p.sensitivity[0];
        assert_eq!((s.decision, s.criterion.as_str()), (1, "sm.cost"));
        assert_eq!((s.from, s.to, s.new_winner.as_str()), (2, 3, "sm.b"));
        assert_eq!(
            s.text,
            "If the weight of Cost rose from 2 to 3, Option B would win instead of Option A (Option A holds for weights 0..2)."
        );
        let s = &p.sensitivity[1];
        assert_eq!((s.criterion.as_str(), s.from, s.to), ("sm.speed", 5, 3));
        // The two "other" decisions pull Effort in opposite directions.
        let between: Vec<&TradeoffPoint> = p
            .tradeoffs
            .iter()
            .filter(|t| t.kind == TradeoffKind::Decisions)
            .collect();
        assert_eq!(between.len(), 1, "{:#?}", p.tradeoffs);
        assert_eq!(between[0].name, "Effort");
        assert_eq!(between[0].favoured[0].option, "ot.y");
        assert_eq!(between[0].against[0].option, "ot.x");
        // Robust D2 is a non-risk.
        assert!(
            p.non_risks.iter().any(|n| n.decisions == vec![2]),
            "{:#?}",
            p.non_risks
        );
        // The graph: a finding edge for the conflict and for the unmet requirement, with the
        // required option drawn in D1.
        let findings: Vec<(&str, &str, EdgeKind)> = p
            .graph
            .edges
            .iter()
            .filter(|e| e.finding)
            .map(|e| (e.from.as_str(), e.to.as_str(), e.kind))
            .collect();
        assert!(
            findings.contains(&("d2.ot.x", "d1.sm.a", EdgeKind::ConflictsWith)),
            "{findings:?}"
        );
        assert!(
            findings.contains(&("d3.ot.y", "d1.sm.b", EdgeKind::Requires)),
            "{findings:?}"
        );
    }

    #[test]
    fn questions_come_from_the_findings() {
        let p = pack();
        let from: Vec<&str> = p.questions.iter().map(|q| q.from.as_str()).collect();
        for kind in [
            "conflict",
            "unmet_requirement",
            "against_ranking",
            "sensitivity",
            "tradeoff",
            "requirement",
        ] {
            assert!(from.contains(&kind), "{kind} missing from {from:?}");
        }
        let s = p
            .questions
            .iter()
            .find(|q| q.from == "sensitivity")
            .unwrap();
        assert_eq!(
            s.text,
            "D1 Small test tree: is Cost really worth 2 (the tree's default)? At 3, Option B wins instead of Option A. Also decisive: Speed 5→3."
        );
        // No question is boilerplate: each names a decision of this session.
        for q in &p.questions {
            assert!(q.text.contains('D'), "{}", q.text);
            assert!(!q.decisions.is_empty());
        }
    }

    #[test]
    fn the_utility_tree_names_the_answers_that_set_each_weight() {
        let p = pack();
        let d1 = &p.utility[0].decisions[0];
        let speed = &d1.attributes[0];
        assert_eq!(
            (speed.name.as_str(), speed.weight, speed.importance),
            ("Speed", 5, "high")
        );
        assert!(speed.sensitive);
        assert_eq!(speed.set_by[0].answer.as_deref(), Some("Fast"));
        assert_eq!(speed.set_by[0].effect, "raised by 2");
        assert_eq!(
            speed.set_by[0].scenario.as_deref(),
            Some("Speed counts more; C is out.")
        );
        // Each fixture tree has its own area; D2 and D3 share theirs.
        assert_eq!(p.utility.len(), 2);
        assert_eq!(p.utility[1].decisions.len(), 2);
    }

    #[test]
    fn a_session_with_nothing_answered_is_refused() {
        let c = catalog();
        let mut s = Session::new("empty", 0);
        s.decisions.push(Decision::new("small"));
        let e = build(&c, &Engine::new(&c), &s).unwrap_err();
        assert_eq!(
            e.0,
            "session \"empty\" has no answered question yet, so there is nothing to review; answer its questions with `tradeoffs --resume empty`"
        );
    }
}
