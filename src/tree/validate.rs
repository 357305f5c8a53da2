//! Every rule a tree must satisfy, checked at once so an author sees all problems in one run.
//! The node graph is built with petgraph: cycles come from strongly connected components,
//! reachability from a DFS, depth from a topological order.

use std::collections::{HashMap, HashSet};
use std::fmt;

use petgraph::algo::{tarjan_scc, toposort};
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::Dfs;

use super::model::{Effect, FORMAT_VERSION, IMPACT_RANGE, Node, Tree, WEIGHT_RANGE};

/// One thing wrong with a tree file: where, and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    /// Place in the tree, e.g. `nodes.q-scale.answers[1].next`; empty for file-level problems.
    pub place: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.place.is_empty() {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(f, "{}: {}: {}", self.file, self.place, self.message)
        }
    }
}

/// Checks one tree. `known_options` holds the option ids of every loaded tree, so relations
/// may point into other trees.
pub fn validate(tree: &Tree, file: &str, known_options: &HashSet<&str>) -> Vec<Problem> {
    let mut out = Problems {
        file,
        list: Vec::new(),
    };
    if tree.format != FORMAT_VERSION {
        out.push(
            "format",
            format!(
                "format {} is not supported; this build reads format {FORMAT_VERSION}",
                tree.format
            ),
        );
    }
    check_slug(&mut out, "id", &tree.id);
    check_slug(&mut out, "namespace", &tree.namespace);

    let prefix = format!("{}.", tree.namespace);
    let mut criteria: HashSet<&str> = HashSet::new();
    for (i, c) in tree.criteria.iter().enumerate() {
        let place = format!("criteria[{i}]");
        if !criteria.insert(&c.id) {
            out.push(&place, format!("duplicate criterion id \"{}\"", c.id));
        }
        if !c.id.starts_with(&prefix) {
            out.push(
                &place,
                format!(
                    "criterion id \"{}\" must start with the tree namespace \"{prefix}\"",
                    c.id
                ),
            );
        }
        if !WEIGHT_RANGE.contains(&c.default_weight) {
            out.push(
                format!("{place}.default_weight"),
                format!(
                    "weight {} is out of range {}..{}",
                    c.default_weight,
                    WEIGHT_RANGE.start(),
                    WEIGHT_RANGE.end()
                ),
            );
        }
    }
    if tree.criteria.is_empty() {
        out.push("criteria", "a tree needs at least one criterion");
    }

    let mut options: HashSet<&str> = HashSet::new();
    for (i, o) in tree.options.iter().enumerate() {
        if !options.insert(&o.id) {
            out.push(
                format!("options[{i}]"),
                format!("duplicate option id \"{}\"", o.id),
            );
        }
        let place = format!("options[\"{}\"]", o.id);
        if !o.id.starts_with(&prefix) {
            out.push(
                &place,
                format!(
                    "option id \"{}\" must start with the tree namespace \"{prefix}\"",
                    o.id
                ),
            );
        }
        for (crit, imp) in &o.impacts {
            let iplace = format!("{place}.impacts[\"{crit}\"]");
            if !criteria.contains(crit.as_str()) {
                out.push(
                    &iplace,
                    format!("impact names unknown criterion \"{crit}\""),
                );
            }
            if !IMPACT_RANGE.contains(&imp.impact) {
                out.push(
                    format!("{iplace}.impact"),
                    format!(
                        "impact {} is out of range {}..{}",
                        imp.impact,
                        IMPACT_RANGE.start(),
                        IMPACT_RANGE.end()
                    ),
                );
            }
            if imp.rationale.trim().is_empty() {
                out.push(
                    format!("{iplace}.rationale"),
                    "every impact needs a one-line rationale",
                );
            }
        }
        for c in &tree.criteria {
            if !o.impacts.contains_key(&c.id) {
                out.push(
                    format!("{place}.impacts"),
                    format!(
                        "option does not rate criterion \"{}\" (give an impact, 0 if neutral, with a rationale)",
                        c.id
                    ),
                );
            }
        }
        for (r, rel) in o.relations.iter().enumerate() {
            if !known_options.contains(rel.target.as_str()) && !options_in(tree, &rel.target) {
                out.push(
                    format!("{place}.relations[{r}].target"),
                    format!(
                        "relation {} names unknown option \"{}\"",
                        rel.kind.as_str(),
                        rel.target
                    ),
                );
            }
            if rel.target == o.id {
                out.push(
                    format!("{place}.relations[{r}].target"),
                    "an option cannot relate to itself",
                );
            }
        }
    }
    if tree.options.is_empty() {
        out.push("options", "a tree needs at least one option");
    }

    check_nodes(&mut out, tree, &criteria, &options);
    out.list
}

fn options_in(tree: &Tree, id: &str) -> bool {
    tree.options.iter().any(|o| o.id == id)
}

fn check_slug(out: &mut Problems<'_>, place: &str, value: &str) {
    let ok = !value.is_empty()
        && value
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !ok {
        out.push(
            place,
            format!("\"{value}\" must be lowercase letters, digits and '-'"),
        );
    }
}

fn check_nodes(
    out: &mut Problems<'_>,
    tree: &Tree,
    criteria: &HashSet<&str>,
    options: &HashSet<&str>,
) {
    let mut graph: DiGraph<usize, ()> = DiGraph::with_capacity(tree.nodes.len(), tree.nodes.len());
    let mut index: HashMap<&str, NodeIndex> = HashMap::with_capacity(tree.nodes.len());
    for (i, node) in tree.nodes.iter().enumerate() {
        let ix = graph.add_node(i);
        if index.insert(node.id(), ix).is_some() {
            out.push(
                format!("nodes[{i}].id"),
                format!("duplicate node id \"{}\"", node.id()),
            );
        }
    }
    let mut offered: HashSet<&str> = HashSet::new();
    for node in &tree.nodes {
        let from = index[node.id()];
        let place = format!("nodes.{}", node.id());
        match node {
            Node::Question(q) => {
                if q.answers.len() < 2 {
                    out.push(
                        format!("{place}.answers"),
                        format!(
                            "a question needs at least two answers, this one has {}",
                            q.answers.len()
                        ),
                    );
                }
                for (a, ans) in q.answers.iter().enumerate() {
                    let aplace = format!("{place}.answers[{a}]");
                    match &ans.next {
                        None => out.push(
                            format!("{aplace}.next"),
                            "path ends without an outcome: the answer has no \"next\" node",
                        ),
                        Some(next) => match index.get(next.as_str()) {
                            Some(&to) => {
                                graph.add_edge(from, to, ());
                            }
                            None => out
                                .push(format!("{aplace}.next"), format!("unknown node \"{next}\"")),
                        },
                    }
                    for (e, effect) in ans.effects.iter().enumerate() {
                        check_effect(
                            out,
                            &format!("{aplace}.effects[{e}]"),
                            effect,
                            criteria,
                            options,
                        );
                    }
                }
            }
            Node::Outcome(o) => {
                if o.options.is_empty() {
                    out.push(
                        format!("{place}.options"),
                        "an outcome must offer at least one option",
                    );
                }
                for (i, opt) in o.options.iter().enumerate() {
                    if options.contains(opt.as_str()) {
                        offered.insert(opt);
                    } else {
                        out.push(
                            format!("{place}.options[{i}]"),
                            format!("unknown option \"{opt}\""),
                        );
                    }
                }
            }
        }
    }
    for o in &tree.options {
        if !offered.contains(o.id.as_str()) {
            out.push(
                format!("options[\"{}\"]", o.id),
                "option is never offered by any outcome",
            );
        }
    }

    let Some(&root) = index.get(tree.root.as_str()) else {
        out.push("root", format!("unknown node \"{}\"", tree.root));
        return;
    };
    for scc in tarjan_scc(&graph) {
        let self_loop = scc.len() == 1 && graph.contains_edge(scc[0], scc[0]);
        if scc.len() > 1 || self_loop {
            let mut names: Vec<&str> = scc.iter().map(|&ix| tree.nodes[graph[ix]].id()).collect();
            names.sort_unstable();
            out.push(
                format!("nodes.{}", names[0]),
                format!("cycle through nodes {}", names.join(" → ")),
            );
        }
    }
    let mut reached = vec![false; tree.nodes.len()];
    let mut dfs = Dfs::new(&graph, root);
    while let Some(ix) = dfs.next(&graph) {
        reached[graph[ix]] = true;
    }
    for (i, node) in tree.nodes.iter().enumerate() {
        if !reached[i] && index.get(node.id()) == Some(&NodeIndex::new(i)) {
            out.push(
                format!("nodes.{}", node.id()),
                format!("node is unreachable from the root \"{}\"", tree.root),
            );
        }
    }
}

fn check_effect(
    out: &mut Problems<'_>,
    place: &str,
    effect: &Effect,
    criteria: &HashSet<&str>,
    options: &HashSet<&str>,
) {
    let weight_range = format!("{}..{}", WEIGHT_RANGE.start(), WEIGHT_RANGE.end());
    match effect {
        Effect::Set { criterion, weight } => {
            if !criteria.contains(criterion.as_str()) {
                out.push(
                    format!("{place}.criterion"),
                    format!("unknown criterion \"{criterion}\""),
                );
            }
            if !WEIGHT_RANGE.contains(weight) {
                out.push(
                    format!("{place}.weight"),
                    format!("weight {weight} is out of range {weight_range}"),
                );
            }
        }
        Effect::Raise { criterion, by } | Effect::Lower { criterion, by } => {
            if !criteria.contains(criterion.as_str()) {
                out.push(
                    format!("{place}.criterion"),
                    format!("unknown criterion \"{criterion}\""),
                );
            }
            if !(1..=*WEIGHT_RANGE.end()).contains(by) {
                out.push(
                    format!("{place}.by"),
                    format!("step {by} is out of range 1..{}", WEIGHT_RANGE.end()),
                );
            }
        }
        Effect::RuleOut { option, .. } => {
            if !options.contains(option.as_str()) {
                out.push(
                    format!("{place}.option"),
                    format!("unknown option \"{option}\""),
                );
            }
        }
        Effect::Note { .. } => {}
    }
}

/// Most questions on one path from the root to an outcome. Only meaningful for a valid tree.
pub fn max_depth(tree: &Tree) -> usize {
    let index: HashMap<&str, usize> = tree
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id(), i))
        .collect();
    let mut graph: DiGraph<usize, ()> = DiGraph::new();
    let ixs: Vec<NodeIndex> = (0..tree.nodes.len()).map(|i| graph.add_node(i)).collect();
    for (i, node) in tree.nodes.iter().enumerate() {
        if let Node::Question(q) = node {
            for next in q.answers.iter().filter_map(|a| a.next.as_deref()) {
                if let Some(&j) = index.get(next) {
                    graph.add_edge(ixs[i], ixs[j], ());
                }
            }
        }
    }
    let Ok(order) = toposort(&graph, None) else {
        return 0;
    };
    // Longest path counted in questions, computed from the leaves upwards.
    let mut depth = vec![0usize; tree.nodes.len()];
    for &ix in order.iter().rev() {
        let i = graph[ix];
        if matches!(tree.nodes[i], Node::Question(_)) {
            depth[i] = 1 + graph
                .neighbors(ix)
                .map(|n| depth[graph[n]])
                .max()
                .unwrap_or(0);
        }
    }
    index.get(tree.root.as_str()).map_or(0, |&r| depth[r])
}

struct Problems<'a> {
    file: &'a str,
    list: Vec<Problem>,
}

impl Problems<'_> {
    fn push(&mut self, place: impl Into<String>, message: impl Into<String>) {
        self.list.push(Problem {
            file: self.file.to_string(),
            place: place.into(),
            message: message.into(),
        });
    }
}
