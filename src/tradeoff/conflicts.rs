//! Clashes between the decisions of one session: a `conflicts_with` edge between two chosen
//! options, or a `requires` edge whose target's tree was decided for something else.

use std::collections::HashSet;

use serde::Serialize;

use super::graph::TradeoffGraph;
use crate::tree::RelationKind;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Conflict {
    /// `conflicts_with` or `requires`.
    pub kind: RelationKind,
    pub from: String,
    pub to: String,
    pub rationale: String,
}

/// `chosen` holds the option chosen in each decided tree of the session.
pub fn find_conflicts(graph: &TradeoffGraph, chosen: &[&str]) -> Vec<Conflict> {
    let chosen_set: HashSet<&str> = chosen.iter().copied().collect();
    let decided_trees: HashSet<&str> = chosen.iter().filter_map(|o| graph.tree_of(o)).collect();
    let mut seen: HashSet<(String, String)> = HashSet::new();
    let mut out = Vec::new();
    for &option in chosen {
        for rel in graph.relations_from(option) {
            let hit = match rel.kind {
                RelationKind::ConflictsWith => chosen_set.contains(rel.to),
                RelationKind::Requires => {
                    !chosen_set.contains(rel.to)
                        && graph
                            .tree_of(rel.to)
                            .is_some_and(|t| decided_trees.contains(t))
                }
                RelationKind::Complements => false,
            };
            if !hit {
                continue;
            }
            // A conflict declared on both sides is reported once.
            let key = if rel.kind == RelationKind::ConflictsWith && rel.to < rel.from {
                (rel.to.to_string(), rel.from.to_string())
            } else {
                (rel.from.to_string(), rel.to.to_string())
            };
            if seen.insert(key) {
                out.push(Conflict {
                    kind: rel.kind,
                    from: rel.from.to_string(),
                    to: rel.to.to_string(),
                    rationale: rel.rationale.to_string(),
                });
            }
        }
    }
    out
}
