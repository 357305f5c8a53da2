//! The decision object: one decision of a session, evaluated and explained. It is what
//! `tradeoffs decide --format json` prints, what the ADR renderers read and what the TUI shows,
//! so all three always agree.

mod accepted;
mod ready;
mod tie;

pub use tie::{LevelReport, TieDecisionReport, TieReport};

pub use accepted::{AcceptedChoice, AcceptedConflictReport, AdrRef, accepted_conflicts};

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Serialize;

use crate::session::{Decision, Note, Session, SessionError, Walk};
use crate::tradeoff::{self, Robustness, Sensitivity, TradeoffGraph};
use crate::tree::{Catalog, LoadedTree, Node, RelationKind};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DecisionReport {
    pub tree: String,
    /// The tree's content hash ([`LoadedTree::content_hash`]), recorded in the ADR's decision
    /// data so a revisit can tell whether the tree changed since.
    pub tree_hash: String,
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
    /// Weights the user set by hand (criterion id → weight), after the answers' effects.
    pub overrides: BTreeMap<String, i64>,
    pub ranking: Vec<RankedOption>,
    /// The top-ranked option in play.
    pub top: Option<String>,
    /// The option decided for: the user's choice, else the top-ranked one (at an outcome only).
    pub chosen: Option<String>,
    pub chosen_by_user: bool,
    pub sensitivity: SensitivityReport,
    /// Set when two or more options in play share the top score: which, and what decided it
    /// (the user's priorities, else the tree's preference order; never the id).
    pub tie: Option<TieReport>,
    /// Set when the answers ruled every option out: the answers whose rule-outs conflict.
    pub dead_end: Option<DeadEndReport>,
    /// How far the winner's lead survives weight and impact changes (at an outcome, when an
    /// option is in play).
    pub robustness: Option<RobustnessReport>,
    /// How the team will confirm the chosen option holds (from the tree).
    pub confirmation: Option<String>,
    pub conflicts: Vec<ConflictReport>,
    /// Conflicts with the accepted ADRs tradeoffs wrote in this repository (filled in by the
    /// shells through [`crate::engine::Engine::check_accepted`]; empty when not checked).
    pub accepted_conflicts: Vec<AcceptedConflictReport>,
    /// Notes that apply to the chosen option (conditional notes for other options are left out).
    pub notes: Vec<Note>,
    /// Relations leaving the options of this ranking.
    pub relations: Vec<RelationReport>,
    pub references: Vec<ReferenceReport>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PathStep {
    pub question_id: String,
    /// 1-based answer number, as `--path` takes it (the first one on a multi-answer step).
    pub number: usize,
    pub question: String,
    /// The answer's label; on a multi-answer step the labels joined with "; ".
    pub answer: String,
    /// The consequence; on a multi-answer step the consequences joined with " ".
    pub consequence: String,
    /// True for a "select all that apply" question.
    pub multi: bool,
    /// Every selected answer number (1-based, ascending); one for a single-answer step.
    pub numbers: Vec<usize>,
    /// Every selected label, in answer order.
    pub answers: Vec<String>,
    /// The tree of an earlier decision this answer was reused from (shared fact).
    pub reused_from: Option<String>,
    /// The fact the question asks about, if it declares one.
    pub fact: Option<String>,
    /// [`crate::tree::fingerprint`]s of the selected answers' consequences and of their
    /// effects, recorded in the ADR's decision data so a revisit can say which answers changed.
    #[serde(skip)]
    pub consequence_print: String,
    #[serde(skip)]
    pub effects_print: String,
}

/// One answer that ruled an option out.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct AnswerReport {
    pub question_id: String,
    pub question: String,
    /// 1-based answer number.
    pub number: usize,
    pub answer: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DeadEndReport {
    /// The answers whose rule-outs together left no option, in path order.
    pub answers: Vec<AnswerReport>,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RuleOutReport {
    pub reason: String,
    pub by: AnswerReport,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IntervalReport {
    pub criterion: String,
    pub name: String,
    pub weight: i64,
    /// The winner stays the winner for weights lo..=hi (others unchanged).
    pub lo: i64,
    pub hi: i64,
    /// The nearest weight outside lo..=hi and who wins there.
    pub change_to: Option<i64>,
    pub new_winner: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChangeReport {
    /// Option whose impact changes (impact changes only).
    pub option: Option<String>,
    pub criterion: String,
    pub from: i64,
    pub to: i64,
    pub new_winner: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AcceptabilityReport {
    pub option: String,
    pub share: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RobustnessReport {
    /// `robust` or `fragile` (winner acceptability under 60 % or margin ≤ 1).
    pub verdict: &'static str,
    pub winner: String,
    pub runner_up: Option<String>,
    pub margin: Option<i64>,
    pub intervals: Vec<IntervalReport>,
    /// The smallest single-weight change that makes any option win.
    pub nearest_weight_change: Option<ChangeReport>,
    /// Options in play, highest share first.
    pub acceptability: Vec<AcceptabilityReport>,
    /// Weight vectors in the ±1 neighbourhood.
    pub vectors: u64,
    /// True when every vector was evaluated (else a seeded sample of 200,000).
    pub exact: bool,
    pub impact_change: Option<ChangeReport>,
    /// The verdict and its reasons in plain words.
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutcomeInfo {
    pub id: String,
    pub title: String,
    pub context: String,
    /// The options the outcome's title and context are written for (a promise, not a filter).
    pub promised: Vec<String>,
    /// False when the chosen option is not among `promised` (the tree's promise is broken on
    /// this path; `trees validate` reports it).
    pub promise_kept: bool,
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
    /// The label of the answer that ruled it out (`None` when in play).
    pub ruled_out_by: Option<String>,
    /// The reason with the full answer (question, number, label) that ruled it out.
    pub rule_out: Option<RuleOutReport>,
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

/// The fingerprint of the consequences of the selected answers (0-based).
fn consequence_print(q: &crate::tree::Question, picks: &[usize]) -> String {
    let texts: Vec<&str> = picks
        .iter()
        .map(|&a| q.answers[a].consequence.as_str())
        .collect();
    crate::tree::fingerprint(&texts)
}

/// The fingerprint of the effects of the selected answers (0-based).
fn effects_print(q: &crate::tree::Question, picks: &[usize]) -> String {
    let effects: Vec<&Vec<crate::tree::Effect>> =
        picks.iter().map(|&a| &q.answers[a].effects).collect();
    crate::tree::fingerprint(&effects)
}

/// [`consequence_print`] and [`effects_print`] of the answers of `q` with these labels, when
/// they all exist (for comparing a recorded walk with the tree as it is now).
pub fn answer_prints(q: &crate::tree::Question, labels: &[&str]) -> Option<(String, String)> {
    let picks: Vec<usize> = labels
        .iter()
        .map(|l| q.answers.iter().position(|a| a.label == *l))
        .collect::<Option<_>>()?;
    Some((consequence_print(q, &picks), effects_print(q, &picks)))
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
    let flags = walk.ruled_out_flags();
    let ranking = tradeoff::rank(&m, &walk.weights, &flags);
    let sens = tradeoff::sensitivity(&m, &walk.weights, &ranking);

    let answer_report = |r: &crate::session::RuleOut| -> Option<AnswerReport> {
        let qid = r.question.as_ref()?;
        let q = match tree.node(tree.node_ix(qid)?) {
            Node::Question(q) => q,
            Node::Outcome(_) => return None,
        };
        Some(AnswerReport {
            question_id: qid.clone(),
            question: q.prompt.clone(),
            number: r.number.unwrap_or(0),
            answer: r.answer.clone().unwrap_or_default(),
        })
    };
    let path: Vec<PathStep> = walk
        .steps
        .iter()
        .map(|st| {
            let Node::Question(q) = tree.node(st.node) else {
                unreachable!("steps are questions")
            };
            let labels: Vec<String> = st
                .answers
                .iter()
                .map(|&a| q.answers[a].label.clone())
                .collect();
            PathStep {
                question_id: q.id.clone(),
                number: st.answers[0] + 1,
                question: q.prompt.clone(),
                answer: labels.join("; "),
                consequence: st
                    .answers
                    .iter()
                    .map(|&a| q.answers[a].consequence.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
                multi: q.multi,
                numbers: st.answers.iter().map(|a| a + 1).collect(),
                answers: labels,
                reused_from: st.reused_from.clone(),
                fact: q.fact.clone(),
                consequence_print: consequence_print(q, &st.answers),
                effects_print: effects_print(q, &st.answers),
            }
        })
        .collect();
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
                rule_out: walk.ruled_out[r.option].as_ref().and_then(|x| {
                    Some(RuleOutReport {
                        reason: x.reason.clone(),
                        by: answer_report(x)?,
                    })
                }),
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
    let at_outcome = walk.at_outcome();
    let chosen = if at_outcome {
        decision.chosen.clone().or_else(|| top.clone())
    } else {
        None
    };
    let outcome = match tree.node(walk.current) {
        Node::Outcome(o) => Some(OutcomeInfo {
            id: o.id.clone(),
            title: o.title.clone(),
            context: o.context.clone(),
            promised: o.options.clone(),
            promise_kept: chosen.as_ref().is_none_or(|c| o.options.contains(c)),
        }),
        Node::Question(_) => None,
    };
    let tied = tradeoff::top_tie(&ranking);
    let tie = (!tied.is_empty())
        .then(|| tie::tie_report(tree, &m, &walk.weights, &tied, ranking[0].score));
    let dead_end = (!t.options.is_empty() && flags.iter().all(|&f| f)).then(|| {
        let mut answers: Vec<AnswerReport> = walk
            .ruled_out
            .iter()
            .flatten()
            .filter_map(&answer_report)
            .collect();
        // Path order, each answer once.
        let order = |a: &AnswerReport| {
            walk.steps
                .iter()
                .position(|s| tree.node(s.node).id() == a.question_id)
                .unwrap_or(usize::MAX)
        };
        answers.sort_by(|a, b| order(a).cmp(&order(b)).then(a.number.cmp(&b.number)));
        answers.dedup();
        let list: Vec<String> = answers
            .iter()
            .map(|a| format!("\"{}\" (to \"{}\")", a.answer, a.question))
            .collect();
        DeadEndReport {
            text: format!(
                "Every option is ruled out. The rule-outs of these answers conflict: {}. Change one of them.",
                list.join("; ")
            ),
            answers,
        }
    });
    let robustness = if at_outcome {
        let in_play: Vec<bool> = flags.iter().map(|f| !f).collect();
        tradeoff::robustness(&m, &walk.weights, &in_play).map(|r| robustness_report(tree, &m, &r))
    } else {
        None
    };
    let confirmation = chosen
        .as_deref()
        .and_then(|c| tree.option_ix(c))
        .and_then(|o| t.options[o].confirmation.clone());

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

    let notes = walk.notes_for(chosen.as_deref());
    Ok(DecisionReport {
        tree: t.id.clone(),
        tree_hash: tree.content_hash().to_string(),
        tree_title: t.title.clone(),
        source: t.source.clone(),
        path,
        pending: walk.question().map(|q| q.prompt.clone()),
        outcome,
        weights: criteria.iter().map(|c| (c.id.clone(), c.weight)).collect(),
        overrides: decision.overrides.clone(),
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
        tie,
        dead_end,
        robustness,
        confirmation,
        conflicts,
        accepted_conflicts: Vec::new(),
        notes,
        relations,
        references,
    })
}

impl DecisionReport {
    /// The answers as `decide --path` takes them (`2,1+3,1`): one writer for the replay
    /// command and the decision data `revisit` reads, so the two always agree.
    pub fn path_arg(&self) -> String {
        self.path
            .iter()
            .map(|p| {
                p.numbers
                    .iter()
                    .map(usize::to_string)
                    .collect::<Vec<_>>()
                    .join("+")
            })
            .collect::<Vec<_>>()
            .join(",")
    }

    /// The ADR title when the user gave none: it names the decision ("Use PostgreSQL"), so a
    /// log of titles reads as a list of decisions.
    pub fn default_title(&self) -> String {
        match self.chosen.as_deref().and_then(|c| self.option(c)) {
            Some(o) => format!("Use {}", o.name),
            None => format!("Decide: {}", self.tree_title),
        }
    }
}

/// "A", "A and B", "A, B and C".
fn join_names(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

fn robustness_report(
    tree: &LoadedTree,
    m: &tradeoff::ImpactMatrix,
    r: &Robustness,
) -> RobustnessReport {
    let t = &tree.tree;
    let name = |o: usize| t.options[o].name.as_str();
    let cname = |k: usize| t.criteria[k].name.as_str();
    let winner_share = r.acceptability.shares[r.winner];
    let nearest = r.nearest_weight_change.as_ref().map(|c| ChangeReport {
        option: None,
        criterion: m.criteria[c.criterion].clone(),
        from: c.from,
        to: c.to,
        new_winner: m.options[c.new_winner].clone(),
        text: format!(
            "If the weight of {} were {} instead of {}, {} would win.",
            cname(c.criterion),
            c.to,
            c.from,
            name(c.new_winner)
        ),
    });
    let impact = r.impact_change.as_ref().map(|c| ChangeReport {
        option: Some(m.options[c.option].clone()),
        criterion: m.criteria[c.criterion].clone(),
        from: c.from,
        to: c.to,
        new_winner: m.options[c.new_winner].clone(),
        text: format!(
            "If {}'s impact on {} were {:+} instead of {:+}, {} would win.",
            name(c.option),
            cname(c.criterion),
            c.to,
            c.from,
            name(c.new_winner)
        ),
    });
    let mut acceptability: Vec<AcceptabilityReport> = (0..m.options.len())
        .filter(|&o| r.acceptability.shares[o] > 0.0 || o == r.winner)
        .map(|o| AcceptabilityReport {
            option: m.options[o].clone(),
            share: r.acceptability.shares[o],
        })
        .collect();
    acceptability.sort_by(|a, b| b.share.total_cmp(&a.share));
    let mut reasons: Vec<String> = Vec::new();
    if winner_share < tradeoff::robustness::FRAGILE_SHARE {
        reasons.push(format!(
            "it wins in only {:.0} % of the weightings within ±1 of yours",
            100.0 * winner_share
        ));
    }
    if let Some(mg) = r
        .margin
        .filter(|&mg| mg <= tradeoff::robustness::FRAGILE_MARGIN)
    {
        reasons.push(format!(
            "it leads {} by only {mg}",
            name(r.runner_up.expect("a margin has a runner-up"))
        ));
    }
    let text = if r.fragile {
        format!(
            "Fragile: {} wins, but {}.",
            name(r.winner),
            reasons.join(" and ")
        )
    } else {
        match r.runner_up {
            Some(ru) => format!(
                "Robust: {} wins in {:.0} % of the weightings within ±1 of yours and leads {} by {}.",
                name(r.winner),
                100.0 * winner_share,
                name(ru),
                r.margin.unwrap_or(0)
            ),
            None => format!("Robust: {} is the only option in play.", name(r.winner)),
        }
    };
    RobustnessReport {
        verdict: if r.fragile { "fragile" } else { "robust" },
        winner: m.options[r.winner].clone(),
        runner_up: r.runner_up.map(|o| m.options[o].clone()),
        margin: r.margin,
        intervals: r
            .intervals
            .iter()
            .map(|i| IntervalReport {
                criterion: m.criteria[i.criterion].clone(),
                name: cname(i.criterion).to_string(),
                weight: i.weight,
                lo: i.lo,
                hi: i.hi,
                change_to: i.change.as_ref().map(|c| c.to),
                new_winner: i.change.as_ref().map(|c| m.options[c.new_winner].clone()),
            })
            .collect(),
        nearest_weight_change: nearest,
        acceptability,
        vectors: r.acceptability.vectors,
        exact: r.acceptability.seed.is_none(),
        impact_change: impact,
        text,
    }
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
            let reused = p
                .reused_from
                .as_ref()
                .map(|t| format!("  (reused from {t})"))
                .unwrap_or_default();
            let _ = writeln!(s, "  {}. {}", i + 1, p.question);
            for a in &p.answers {
                let _ = writeln!(s, "     → {a}{reused}");
            }
        }
        if let Some(o) = &self.outcome {
            let _ = writeln!(s, "\nOutcome: {}\n  {}", o.title, o.context);
            if !o.promise_kept {
                let _ = writeln!(
                    s,
                    "  Note: this outcome is written for {}, not for the option ranked first here.",
                    o.promised.join(", ")
                );
            }
        }
        let _ = writeln!(s, "\nWeights:");
        let cw = self
            .criteria
            .iter()
            .map(|c| c.name.chars().count())
            .max()
            .map_or(0, crate::text::pad_width);
        let ow = self
            .ranking
            .iter()
            .map(|r| r.name.chars().count())
            .max()
            .map_or(0, crate::text::pad_width);
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
                    let by = match &r.rule_out {
                        Some(x) => format!(" by \"{}\" (to \"{}\")", x.by.answer, x.by.question),
                        None => r
                            .ruled_out_by
                            .as_ref()
                            .map(|a| format!(" (answer \"{a}\")"))
                            .unwrap_or_default(),
                    };
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
        if let Some(t) = &self.tie {
            let _ = writeln!(s, "\nTie:\n  {}", t.text);
        }
        if let Some(d) = &self.dead_end {
            let _ = writeln!(s, "\nDead end:\n  {}", d.text);
        }
        if let Some(c) = &self.confirmation {
            let _ = writeln!(s, "\nConfirmation:\n  {c}");
        }
        let _ = writeln!(s, "\nSensitivity:\n  {}", self.sensitivity.text);
        if let Some(r) = &self.robustness {
            let _ = writeln!(s, "\nRobustness:\n  {}", r.text);
            let shares: Vec<String> = r
                .acceptability
                .iter()
                .map(|a| format!("{} {:.0} %", a.option, 100.0 * a.share))
                .collect();
            let _ = writeln!(
                s,
                "  Acceptability (weights within ±1{}): {}",
                if r.exact { "" } else { ", sampled" },
                shares.join(", ")
            );
            for i in &r.intervals {
                let change = match (&i.change_to, &i.new_winner) {
                    (Some(to), Some(w)) => format!("; at {to} {w} wins"),
                    _ => String::new(),
                };
                let _ = writeln!(
                    s,
                    "  {} {}: winner holds for {}..{}{change}",
                    i.name, i.weight, i.lo, i.hi
                );
            }
            if let Some(c) = &r.nearest_weight_change {
                let _ = writeln!(s, "  Nearest weight change: {}", c.text);
            }
            if let Some(c) = &r.impact_change {
                let _ = writeln!(s, "  Smallest impact change: {}", c.text);
            }
        }
        let _ = writeln!(s, "\nConflicts:");
        if self.conflicts.is_empty() && self.accepted_conflicts.is_empty() {
            let _ = writeln!(s, "  none with the other decisions of this session");
        }
        for c in &self.conflicts {
            let _ = writeln!(s, "  ! {}", c.text);
        }
        for c in &self.accepted_conflicts {
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
