//! The decision object: one decision of a session, evaluated and explained. It is what
//! `tradeoffs decide --format json` prints, what the ADR renderers read and what the TUI shows,
//! so all three always agree.

mod ready;

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Serialize;

use crate::session::{Decision, Note, Session, SessionError, Walk};
use crate::tradeoff::{self, Sensitivity, TradeoffGraph};
use crate::tree::{Catalog, LoadedTree, Node, RelationKind};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DecisionReport {
    pub tree: String,
    pub tree_title: String,
    pub source: String,
    pub path: Vec<PathStep>,
    /// The question still open when the walk has not reached an outcome.
    pub pending: Option<String>,
    pub outcome: Option<OutcomeInfo>,
    /// Criteria in tree order with their current and default weights.
    pub criteria: Vec<CriterionWeight>,
    /// Criterion id → weight.
    pub weights: BTreeMap<String, i64>,
    pub ranking: Vec<RankedOption>,
    /// The top-ranked option in play.
    pub top: Option<String>,
    /// The option decided for: the user's choice, else the top-ranked one (at an outcome only).
    pub chosen: Option<String>,
    pub chosen_by_user: bool,
    pub sensitivity: SensitivityReport,
    pub conflicts: Vec<ConflictReport>,
    pub notes: Vec<Note>,
    /// Relations leaving the options of this ranking.
    pub relations: Vec<RelationReport>,
    pub references: Vec<ReferenceReport>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PathStep {
    pub question_id: String,
    /// 1-based answer number, as `--path` takes it.
    pub number: usize,
    pub question: String,
    pub answer: String,
    pub consequence: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutcomeInfo {
    pub id: String,
    pub title: String,
    pub context: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CriterionWeight {
    pub id: String,
    pub name: String,
    pub description: String,
    pub weight: i64,
    pub default_weight: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RankedOption {
    pub id: String,
    pub name: String,
    pub summary: String,
    pub score: i64,
    /// `None` when in play, else why it is out.
    pub ruled_out: Option<String>,
    /// The answer that ruled it out (`None` when in play or left off the outcome's shortlist).
    pub ruled_out_by: Option<String>,
    pub contributions: Vec<ContributionReport>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ContributionReport {
    pub criterion: String,
    pub name: String,
    pub weight: i64,
    pub impact: i64,
    pub value: i64,
    pub rationale: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SensitivityReport {
    /// `flip`, `stable`, `alone` (one option in play) or `none` (every option ruled out).
    pub kind: &'static str,
    pub leader: Option<String>,
    pub runner_up: Option<String>,
    pub margin: Option<i64>,
    pub criterion: Option<String>,
    pub from: Option<i64>,
    pub to: Option<i64>,
    /// The finding in one sentence.
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ConflictReport {
    pub kind: RelationKind,
    pub from: String,
    pub to: String,
    pub rationale: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RelationReport {
    pub from: String,
    pub to: String,
    pub to_name: String,
    pub kind: RelationKind,
    pub rationale: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReferenceReport {
    pub option: String,
    pub title: String,
    pub url: String,
}

/// The option a decision stands for: the user's choice, or the top-ranked option once the walk
/// is at an outcome.
pub fn effective_choice(
    tree: &LoadedTree,
    graph: &TradeoffGraph,
    decision: &Decision,
) -> Result<Option<String>, SessionError> {
    let walk = Walk::replay(tree, decision)?;
    if !walk.at_outcome() {
        return Ok(None);
    }
    if let Some(c) = &decision.chosen {
        return Ok(Some(c.clone()));
    }
    let m = graph.matrix(tree);
    let ranking = tradeoff::rank(&m, &walk.weights, &walk.ruled_out_flags());
    Ok(ranking
        .iter()
        .find(|r| !r.ruled_out)
        .map(|r| m.options[r.option].clone()))
}

fn option_name<'c>(catalog: &'c Catalog, id: &'c str) -> &'c str {
    catalog
        .tree_of_option(id)
        .and_then(|t| t.option_ix(id).map(|i| t.tree.options[i].name.as_str()))
        .unwrap_or(id)
}

/// Evaluates decision `index` of `session`, with conflicts against its other decisions.
pub fn build(
    catalog: &Catalog,
    graph: &TradeoffGraph,
    session: &Session,
    index: usize,
) -> Result<DecisionReport, SessionError> {
    let decision = session
        .decisions
        .get(index)
        .ok_or_else(|| SessionError(format!("the session has no decision {}", index + 1)))?;
    let tree = catalog
        .get(&decision.tree)
        .ok_or_else(|| SessionError(format!("unknown tree \"{}\"", decision.tree)))?;
    let t = &tree.tree;
    let walk = Walk::replay(tree, decision)?;
    let m = graph.matrix(tree);
    let ranking = tradeoff::rank(&m, &walk.weights, &walk.ruled_out_flags());
    let sens = tradeoff::sensitivity(&m, &walk.weights, &ranking);

    let path = walk
        .steps
        .iter()
        .map(|&(q, a)| {
            let Node::Question(q) = tree.node(q) else {
                unreachable!("steps are questions")
            };
            PathStep {
                question_id: q.id.clone(),
                number: a + 1,
                question: q.prompt.clone(),
                answer: q.answers[a].label.clone(),
                consequence: q.answers[a].consequence.clone(),
            }
        })
        .collect();
    let outcome = match tree.node(walk.current) {
        Node::Outcome(o) => Some(OutcomeInfo {
            id: o.id.clone(),
            title: o.title.clone(),
            context: o.context.clone(),
        }),
        Node::Question(_) => None,
    };
    let criteria: Vec<CriterionWeight> = t
        .criteria
        .iter()
        .zip(&walk.weights)
        .map(|(c, &w)| CriterionWeight {
            id: c.id.clone(),
            name: c.name.clone(),
            description: c.description.clone(),
            weight: w,
            default_weight: c.default_weight,
        })
        .collect();
    let ranked: Vec<RankedOption> = ranking
        .iter()
        .map(|r| {
            let o = &t.options[r.option];
            RankedOption {
                id: o.id.clone(),
                name: o.name.clone(),
                summary: o.summary.clone(),
                score: r.score,
                ruled_out: walk.ruled_out[r.option].as_ref().map(|x| x.reason.clone()),
                ruled_out_by: walk.ruled_out[r.option]
                    .as_ref()
                    .and_then(|x| x.answer.clone()),
                contributions: r
                    .contributions
                    .iter()
                    .map(|c| {
                        let crit = &t.criteria[c.criterion];
                        ContributionReport {
                            criterion: crit.id.clone(),
                            name: crit.name.clone(),
                            weight: c.weight,
                            impact: c.impact,
                            value: c.value,
                            rationale: o.impacts[&crit.id].rationale.clone(),
                        }
                    })
                    .collect(),
            }
        })
        .collect();
    let top = ranking
        .iter()
        .find(|r| !r.ruled_out)
        .map(|r| m.options[r.option].clone());
    let chosen = if outcome.is_some() {
        decision.chosen.clone().or_else(|| top.clone())
    } else {
        None
    };

    let mut all_chosen: Vec<String> = Vec::new();
    for (i, d) in session.decisions.iter().enumerate() {
        if i == index {
            all_chosen.extend(chosen.clone());
        } else if let Some(other) = catalog.get(&d.tree) {
            all_chosen.extend(effective_choice(other, graph, d)?);
        }
    }
    let refs: Vec<&str> = all_chosen.iter().map(String::as_str).collect();
    let conflicts = match &chosen {
        None => Vec::new(),
        Some(mine) => tradeoff::find_conflicts(graph, &refs)
            .into_iter()
            .filter(|c| &c.from == mine || &c.to == mine)
            .map(|c| {
                let (from, to) = (option_name(catalog, &c.from), option_name(catalog, &c.to));
                let text = match c.kind {
                    RelationKind::ConflictsWith => {
                        format!("{from} conflicts with {to}: {}", c.rationale)
                    }
                    _ => format!(
                        "{from} requires {to}, which this session did not choose: {}",
                        c.rationale
                    ),
                };
                ConflictReport {
                    kind: c.kind,
                    from: c.from,
                    to: c.to,
                    rationale: c.rationale,
                    text,
                }
            })
            .collect(),
    };

    let relations = t
        .options
        .iter()
        .flat_map(|o| graph.relations_from(&o.id))
        .map(|r| RelationReport {
            from: r.from.to_string(),
            to: r.to.to_string(),
            to_name: option_name(catalog, r.to).to_string(),
            kind: r.kind,
            rationale: r.rationale.to_string(),
        })
        .collect();
    let references = ranking
        .iter()
        .flat_map(|r| {
            let o = &t.options[r.option];
            o.references.iter().map(|x| ReferenceReport {
                option: o.id.clone(),
                title: x.title.clone(),
                url: x.url.clone(),
            })
        })
        .collect();

    Ok(DecisionReport {
        tree: t.id.clone(),
        tree_title: t.title.clone(),
        source: t.source.clone(),
        path,
        pending: walk.question().map(|q| q.prompt.clone()),
        outcome,
        weights: criteria.iter().map(|c| (c.id.clone(), c.weight)).collect(),
        criteria,
        ranking: ranked,
        top,
        chosen_by_user: decision.chosen.is_some(),
        chosen,
        sensitivity: sensitivity_report(
            tree,
            &m,
            &sens,
            ranking.iter().filter(|r| !r.ruled_out).count(),
        ),
        conflicts,
        notes: walk.notes.clone(),
        relations,
        references,
    })
}

fn sensitivity_report(
    tree: &LoadedTree,
    m: &tradeoff::ImpactMatrix,
    s: &Sensitivity,
    in_play: usize,
) -> SensitivityReport {
    let name = |o: usize| tree.tree.options[o].name.as_str();
    match *s {
        Sensitivity::Alone => {
            let none = m.options.is_empty() || in_play == 0;
            SensitivityReport {
                kind: if none { "none" } else { "alone" },
                leader: None,
                runner_up: None,
                margin: None,
                criterion: None,
                from: None,
                to: None,
                text: if none {
                    "No option is in play: the answers ruled every option out (see the reasons); change the answer that over-constrains the decision.".into()
                } else {
                    "Only one option is in play, so there is nothing to weigh it against.".into()
                },
            }
        }
        Sensitivity::Flip {
            leader,
            runner_up,
            margin,
            criterion,
            from,
            to,
        } => {
            let c = &tree.tree.criteria[criterion].name;
            let verb = if to > from { "rises" } else { "falls" };
            SensitivityReport {
                kind: "flip",
                leader: Some(m.options[leader].clone()),
                runner_up: Some(m.options[runner_up].clone()),
                margin: Some(margin),
                criterion: Some(tree.tree.criteria[criterion].id.clone()),
                from: Some(from),
                to: Some(to),
                text: format!(
                    "{} leads {} by {margin}; {} overtakes {} if the weight of {c} {verb} from {from} to {to}.",
                    name(leader),
                    name(runner_up),
                    name(runner_up),
                    name(leader)
                ),
            }
        }
        Sensitivity::Stable {
            leader,
            runner_up,
            margin,
        } => SensitivityReport {
            kind: "stable",
            leader: Some(m.options[leader].clone()),
            runner_up: Some(m.options[runner_up].clone()),
            margin: Some(margin),
            criterion: None,
            from: None,
            to: None,
            text: format!(
                "{} leads {} by {margin}; no change to a single weight within 0..5 lets {} overtake it.",
                name(leader),
                name(runner_up),
                name(runner_up)
            ),
        },
    }
}

impl DecisionReport {
    pub fn option(&self, id: &str) -> Option<&RankedOption> {
        self.ranking.iter().find(|r| r.id == id)
    }

    /// The readable text `tradeoffs decide` prints by default.
    pub fn to_text(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(s, "{} ({})", self.tree_title, self.tree);
        let _ = writeln!(s, "\nPath:");
        for (i, p) in self.path.iter().enumerate() {
            let _ = writeln!(s, "  {}. {}\n     → {}", i + 1, p.question, p.answer);
        }
        if let Some(o) = &self.outcome {
            let _ = writeln!(s, "\nOutcome: {}\n  {}", o.title, o.context);
        }
        let _ = writeln!(s, "\nWeights:");
        let cw = self
            .criteria
            .iter()
            .map(|c| c.name.chars().count())
            .max()
            .unwrap_or(0);
        let ow = self
            .ranking
            .iter()
            .map(|r| r.name.chars().count())
            .max()
            .unwrap_or(0);
        for c in &self.criteria {
            let changed = if c.weight == c.default_weight {
                String::new()
            } else {
                format!(" (default {})", c.default_weight)
            };
            let _ = writeln!(s, "  {:<cw$}  {}{changed}", c.name, c.weight);
        }
        let _ = writeln!(s, "\nRanking:");
        for (i, r) in self.ranking.iter().enumerate() {
            let mark = if Some(&r.id) == self.chosen.as_ref() {
                "*"
            } else {
                " "
            };
            match &r.ruled_out {
                None => {
                    let _ = writeln!(s, " {mark}{:>2}. {:<ow$}  {:>4}", i + 1, r.name, r.score);
                }
                Some(why) => {
                    let by = r
                        .ruled_out_by
                        .as_ref()
                        .map(|a| format!(" (answer \"{a}\")"))
                        .unwrap_or_default();
                    let _ = writeln!(
                        s,
                        "   --  {:<ow$}  {:>4}  ruled out{by}: {why}",
                        r.name, r.score
                    );
                }
            }
        }
        if let Some(chosen) = self.chosen.as_deref().and_then(|c| self.option(c)) {
            let how = if self.chosen_by_user && self.chosen != self.top {
                " (chosen by you over the top-ranked option)"
            } else {
                ""
            };
            let _ = writeln!(s, "\nWhy {}{how}:", chosen.name);
            for c in chosen.contributions.iter().filter(|c| c.value != 0) {
                let _ = writeln!(
                    s,
                    "  {:+4}  {} (weight {} × impact {:+}): {}",
                    c.value, c.name, c.weight, c.impact, c.rationale
                );
            }
        }
        let _ = writeln!(s, "\nSensitivity:\n  {}", self.sensitivity.text);
        let _ = writeln!(s, "\nConflicts:");
        if self.conflicts.is_empty() {
            let _ = writeln!(s, "  none with the other decisions of this session");
        }
        for c in &self.conflicts {
            let _ = writeln!(s, "  ! {}", c.text);
        }
        if !self.notes.is_empty() {
            let _ = writeln!(s, "\nNotes:");
            for n in &self.notes {
                let _ = writeln!(s, "  - {}", n.text);
            }
        }
        s
    }
}
