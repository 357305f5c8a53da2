//! All loaded trees as one graph: option and criterion nodes, option → criterion impact edges,
//! option → option relation edges. Relations may cross trees (`arch.microservices` →
//! `sec.mtls-service-identity`), which is why there is one graph and not one per tree.

use std::collections::HashMap;

use petgraph::Direction;
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;

use super::rank::ImpactMatrix;
use crate::tree::{Catalog, LoadedTree, RelationKind};

#[derive(Debug, Clone, PartialEq)]
pub enum GNode {
    Option { id: String, tree: String },
    Criterion { id: String, tree: String },
}

impl GNode {
    pub fn id(&self) -> &str {
        match self {
            GNode::Option { id, .. } | GNode::Criterion { id, .. } => id,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum GEdge {
    /// Rationales stay in the tree, where the report reads them; the graph needs the number.
    Impact { impact: i64 },
    Relation {
        kind: RelationKind,
        rationale: String,
    },
}

/// One option → option relation, as read back from the graph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelationEdge<'g> {
    pub from: &'g str,
    pub to: &'g str,
    pub kind: RelationKind,
    pub rationale: &'g str,
}

#[derive(Debug, Clone, Default)]
pub struct TradeoffGraph {
    graph: DiGraph<GNode, GEdge>,
    index: HashMap<String, NodeIndex>,
}

impl TradeoffGraph {
    pub fn build(catalog: &Catalog) -> Self {
        let mut g = TradeoffGraph::default();
        for t in catalog.trees() {
            for c in &t.tree.criteria {
                g.add(GNode::Criterion {
                    id: c.id.clone(),
                    tree: t.id().to_string(),
                });
            }
            for o in &t.tree.options {
                g.add(GNode::Option {
                    id: o.id.clone(),
                    tree: t.id().to_string(),
                });
            }
        }
        for t in catalog.trees() {
            for o in &t.tree.options {
                let from = g.index[&o.id];
                for (crit, imp) in &o.impacts {
                    if let Some(&to) = g.index.get(crit) {
                        g.graph
                            .add_edge(from, to, GEdge::Impact { impact: imp.impact });
                    }
                }
                for rel in &o.relations {
                    if let Some(&to) = g.index.get(&rel.target) {
                        g.graph.add_edge(
                            from,
                            to,
                            GEdge::Relation {
                                kind: rel.kind,
                                rationale: rel.rationale.clone(),
                            },
                        );
                    }
                }
            }
        }
        g
    }

    fn add(&mut self, node: GNode) {
        if !self.index.contains_key(node.id()) {
            let id = node.id().to_string();
            let ix = self.graph.add_node(node);
            self.index.insert(id, ix);
        }
    }

    /// The tree that holds an option or criterion id.
    pub fn tree_of(&self, id: &str) -> Option<&str> {
        self.index.get(id).map(|&ix| match &self.graph[ix] {
            GNode::Option { tree, .. } | GNode::Criterion { tree, .. } => tree.as_str(),
        })
    }

    /// The tree's options × criteria impacts, read from the graph's edges (criteria without an
    /// edge count as 0).
    pub fn matrix(&self, tree: &LoadedTree) -> ImpactMatrix {
        let options: Vec<String> = tree.tree.options.iter().map(|o| o.id.clone()).collect();
        let criteria: Vec<String> = tree.tree.criteria.iter().map(|c| c.id.clone()).collect();
        let mut impacts = vec![0i64; options.len() * criteria.len()];
        for (i, o) in options.iter().enumerate() {
            let Some(&ix) = self.index.get(o) else {
                continue;
            };
            for e in self.graph.edges_directed(ix, Direction::Outgoing) {
                if let GEdge::Impact { impact, .. } = e.weight()
                    && let Some(k) = tree.criterion_ix(self.graph[e.target()].id())
                {
                    impacts[i * criteria.len() + k] = *impact;
                }
            }
        }
        ImpactMatrix::new(options, criteria, impacts)
            .with_tie_rank(tree.tie_rank.clone())
            .with_priorities_first(tree.tree.tie_break.priorities_first)
    }

    /// Relations leaving an option, in declaration order.
    pub fn relations_from<'g>(&'g self, option: &str) -> Vec<RelationEdge<'g>> {
        let Some(&ix) = self.index.get(option) else {
            return Vec::new();
        };
        let mut out: Vec<RelationEdge<'g>> = self
            .graph
            .edges_directed(ix, Direction::Outgoing)
            .filter_map(|e| match e.weight() {
                GEdge::Relation { kind, rationale } => Some(RelationEdge {
                    from: self.graph[ix].id(),
                    to: self.graph[e.target()].id(),
                    kind: *kind,
                    rationale,
                }),
                GEdge::Impact { .. } => None,
            })
            .collect();
        // petgraph lists outgoing edges newest first; give them back in file order.
        out.reverse();
        out
    }
}
