//! The tie at the top of a ranking, and what decided it: the user's own priorities (the first
//! weight level, from the top, at which the tied options' contributions differ) when the tree
//! puts them first, else (or when they are equal at every level) the tree's preference order. Every output that announces a tie
//! (decide text and JSON, the ADR, the TUI) reads the sentence built here.

use serde::Serialize;

use super::join_names;
use crate::tradeoff::ImpactMatrix;
use crate::tradeoff::rank::{Level, TieDecision};
use crate::tree::LoadedTree;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TieReport {
    /// The tied options in ranking order; the first is the one ranked first.
    pub options: Vec<String>,
    /// The option ranked first (the tree's preferred one when the preference order decided).
    pub preferred: String,
    pub score: i64,
    /// The tree's reason for its tie-break order.
    pub why: String,
    /// What ranked the first option above the second: `priorities` or `preference_order`.
    pub decided_by: &'static str,
    /// For every other tied option, how the first one was ranked above it.
    pub decisions: Vec<TieDecisionReport>,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TieDecisionReport {
    /// The tied option ranked below the first one.
    pub over: String,
    /// `priorities` or `preference_order`.
    pub decided_by: &'static str,
    /// The priority level that decided (when `priorities`).
    pub level: Option<LevelReport>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LevelReport {
    /// The weight of the level's criteria.
    pub weight: i64,
    /// True when it is the highest weight in use.
    pub top: bool,
    /// The criteria of the level on which the two options differ (ids, and names).
    pub criteria: Vec<String>,
    pub names: Vec<String>,
    /// Σ weight × impact over the level's criteria, for the first option and for `over`.
    pub preferred_value: i64,
    pub other_value: i64,
}

/// The tie among `tied` (options in play sharing the top score `score`, in ranking order, two
/// or more), explained under `weights`.
pub fn tie_report(
    tree: &LoadedTree,
    m: &ImpactMatrix,
    weights: &[i64],
    tied: &[usize],
    score: i64,
) -> TieReport {
    let t = &tree.tree;
    let first = tied[0];
    let top_weight = weights.iter().copied().max().unwrap_or(0);
    let decisions: Vec<TieDecisionReport> = tied[1..]
        .iter()
        .map(|&o| match m.tie_decision(first, o, weights) {
            TieDecision::Priorities(Level { weight, a, b }) => {
                let ks: Vec<usize> = (0..m.criteria.len())
                    .filter(|&k| weights[k] == weight && m.impact(first, k) != m.impact(o, k))
                    .collect();
                TieDecisionReport {
                    over: t.options[o].id.clone(),
                    decided_by: "priorities",
                    level: Some(LevelReport {
                        weight,
                        top: weight == top_weight,
                        criteria: ks.iter().map(|&k| t.criteria[k].id.clone()).collect(),
                        names: ks.iter().map(|&k| t.criteria[k].name.clone()).collect(),
                        preferred_value: a,
                        other_value: b,
                    }),
                }
            }
            TieDecision::PreferenceOrder => TieDecisionReport {
                over: t.options[o].id.clone(),
                decided_by: "preference_order",
                level: None,
            },
        })
        .collect();
    let name = |id: &str| {
        tree.option_ix(id)
            .map_or(id.to_string(), |o| t.options[o].name.clone())
    };
    let names: Vec<String> = tied.iter().map(|&o| t.options[o].name.clone()).collect();
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let why = &t.tie_break.why;
    let clause = |d: &TieDecisionReport| match &d.level {
        Some(l) => {
            let which = if l.top { "top" } else { "next" };
            let higher = if l.top {
                String::new()
            } else {
                "; equal at every higher weight".to_string()
            };
            let crits: Vec<&str> = l.names.iter().map(String::as_str).collect();
            format!(
                "decided by your {which} priorities ({}, weight {}: {:+} vs {:+}{higher})",
                join_names(&crits),
                l.weight,
                l.preferred_value,
                l.other_value
            )
        }
        None if m.priorities_first => {
            format!("tied at every priority level; decided by the tree's preference order: {why}")
        }
        None => format!("decided by the tree's preference order: {why}"),
    };
    let text = if let [d] = decisions.as_slice() {
        match d.level {
            Some(_) => format!("{} tied at {score}; {}", join_names(&refs), clause(d)),
            None => format!(
                "{} tied at {score}{}; decided by the tree's preference order, which puts {} first: {why}",
                join_names(&refs),
                if m.priorities_first {
                    " and at every priority level"
                } else {
                    ""
                },
                names[0]
            ),
        }
    } else if decisions.iter().all(|d| d.level.is_none()) {
        format!(
            "{} tied at {score}{}; decided by the tree's preference order, which puts {} first: {why}",
            join_names(&refs),
            if m.priorities_first {
                " and at every priority level"
            } else {
                ""
            },
            names[0]
        )
    } else {
        let parts: Vec<String> = decisions
            .iter()
            .map(|d| format!("over {}: {}", name(&d.over), clause(d)))
            .collect();
        format!(
            "{} tied at {score}; {} ranks first — {}",
            join_names(&refs),
            names[0],
            parts.join("; ")
        )
    };
    TieReport {
        options: tied.iter().map(|&o| t.options[o].id.clone()).collect(),
        preferred: t.options[first].id.clone(),
        score,
        why: why.clone(),
        decided_by: decisions[0].decided_by,
        decisions,
        text,
    }
}
