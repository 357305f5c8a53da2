//! Every structural rule a tree must satisfy, checked at once so an author sees all problems in
//! one run. Checks and outcome promises are not structural: they need every path evaluated and
//! live in [`super::analyze`], run by `trees validate` and `trees analyze`, never at load.
//!
//! No graph algorithm here recurses per node (a 1,000,000-deep chain validates): cycles come
//! from petgraph's Kosaraju SCC (iterative DFS), reachability and depth from explicit stacks
//! and a topological order.

use std::collections::{HashMap, HashSet};
use std::fmt;

use petgraph::algo::kosaraju_scc;
use petgraph::graph::{DiGraph, NodeIndex};

use super::model::{
    Effect, FORMAT_VERSION, IMPACT_RANGE, MAX_ANSWERS, MAX_MULTI_ANSWERS, Node, Tree, WEIGHT_RANGE,
};

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

/// True for ids of nodes, options, criteria, facts and checks: ASCII letters, digits, `-`, `_`
/// and `.` only, so an id can never carry a control character or Markdown into an output.
pub fn is_safe_id(value: &str) -> bool {
    !value.is_empty()
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
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
    check_slug(&mut out, "area.id", &tree.area.id);
    if tree.area.title.trim().is_empty() {
        out.push("area.title", "the area needs a title");
    }
    if tree.area.position < 1 {
        out.push(
            "area.position",
            format!(
                "position {} must be 1 or more (1-based order of the tree within its area)",
                tree.area.position
            ),
        );
    }

    let prefix = format!("{}.", tree.namespace);
    let mut criteria: HashSet<&str> = HashSet::new();
    for (i, c) in tree.criteria.iter().enumerate() {
        let place = format!("criteria[{i}]");
        if !criteria.insert(&c.id) {
            out.push(&place, format!("duplicate criterion id \"{}\"", c.id));
        }
        check_id(&mut out, &format!("{place}.id"), &c.id);
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
        check_id(&mut out, &format!("options[{i}].id"), &o.id);
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
        if o.confirmation
            .as_deref()
            .is_some_and(|c| c.trim().is_empty())
        {
            out.push(
                format!("{place}.confirmation"),
                "confirmation is empty; say how the team will know the decision holds",
            );
        }
        for (r, rel) in o.relations.iter().enumerate() {
            if !known_options.contains(rel.target.as_str())
                && !tree.options.iter().any(|x| x.id == rel.target)
            {
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
    check_tie_break(&mut out, tree, &options);
    check_nodes(&mut out, tree, &criteria, &options);
    check_checks(&mut out, tree, &options);
    out.list
}

/// Shipped trees must say, per option, how the team will confirm the decision.
pub fn require_confirmation(tree: &Tree, file: &str) -> Vec<Problem> {
    let mut out = Problems {
        file,
        list: Vec::new(),
    };
    for o in &tree.options {
        if o.confirmation.is_none() {
            out.push(
                format!("options[\"{}\"].confirmation", o.id),
                "a shipped tree needs a confirmation per option: how the team will know the decision holds (fitness functions, tests, metrics)",
            );
        }
    }
    out.list
}

fn check_tie_break(out: &mut Problems<'_>, tree: &Tree, options: &HashSet<&str>) {
    let mut seen: HashSet<&str> = HashSet::new();
    for (i, id) in tree.tie_break.order.iter().enumerate() {
        let place = format!("tie_break.order[{i}]");
        if !options.contains(id.as_str()) {
            out.push(&place, format!("unknown option \"{id}\""));
        } else if !seen.insert(id) {
            out.push(
                &place,
                format!("option \"{id}\" is listed twice; list every option exactly once"),
            );
        }
    }
    let missing: Vec<&str> = tree
        .options
        .iter()
        .map(|o| o.id.as_str())
        .filter(|id| !seen.contains(id))
        .collect();
    if !missing.is_empty() {
        out.push(
            "tie_break.order",
            format!(
                "every option must be listed exactly once; missing: {}",
                missing.join(", ")
            ),
        );
    }
    if tree.tie_break.why.trim().is_empty() {
        out.push(
            "tie_break.why",
            "say why this order decides a tie (it is shown to the user)",
        );
    }
}

fn check_checks(out: &mut Problems<'_>, tree: &Tree, options: &HashSet<&str>) {
    let questions: HashMap<&str, &super::model::Question> = tree
        .nodes
        .iter()
        .filter_map(|n| match n {
            Node::Question(q) => Some((q.id.as_str(), q)),
            Node::Outcome(_) => None,
        })
        .collect();
    let mut names: HashSet<&str> = HashSet::new();
    for (i, c) in tree.checks.iter().enumerate() {
        let place = format!("checks[{i}]");
        check_id(out, &format!("{place}.name"), &c.name);
        if !names.insert(&c.name) {
            out.push(
                format!("{place}.name"),
                format!("duplicate check name \"{}\"", c.name),
            );
        }
        for (qid, labels) in &c.when {
            let wplace = format!("{place}.when[\"{qid}\"]");
            let Some(q) = questions.get(qid.as_str()) else {
                out.push(&wplace, format!("unknown question \"{qid}\""));
                continue;
            };
            if labels.is_empty() {
                out.push(
                    &wplace,
                    "list at least one answer label (leave the question out to match any answer)",
                );
            }
            for label in labels {
                if !q.answers.iter().any(|a| &a.label == label) {
                    out.push(
                        &wplace,
                        format!(
                            "question \"{qid}\" has no answer \"{label}\" (labels must match exactly)"
                        ),
                    );
                }
            }
        }
        let eplace = format!("{place}.expect.{}", c.expect.kind());
        if c.expect.options().is_empty() {
            out.push(&eplace, "list at least one option");
        }
        for id in c.expect.options() {
            if !options.contains(id.as_str()) {
                out.push(&eplace, format!("unknown option \"{id}\""));
            }
        }
        if c.why.trim().is_empty() {
            out.push(
                format!("{place}.why"),
                "say why the check holds (it is shown when it fails)",
            );
        }
    }
}

fn check_slug(out: &mut Problems<'_>, place: &str, value: &str) {
    let ok = !value.is_empty()
        && value
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !ok {
        out.push(
            place,
            format!(
                "\"{}\" must be lowercase letters, digits and '-'",
                value.escape_default()
            ),
        );
    }
}

fn check_id(out: &mut Problems<'_>, place: &str, value: &str) {
    if !is_safe_id(value) {
        out.push(
            place,
            format!(
                "id \"{}\" may only contain ASCII letters, digits, '-', '_' and '.'",
                value.escape_default()
            ),
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
        check_id(out, &format!("nodes[{i}].id"), node.id());
        if index.insert(node.id(), ix).is_some() {
            out.push(
                format!("nodes[{i}].id"),
                format!("duplicate node id \"{}\"", node.id()),
            );
        }
    }
    let mut link = |out: &mut Problems<'_>, from: NodeIndex, next: &str, place: String| match index
        .get(next)
    {
        Some(&to) => {
            graph.add_edge(from, to, ());
        }
        None => out.push(place, format!("unknown node \"{next}\"")),
    };
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
                let limit = if q.multi {
                    MAX_MULTI_ANSWERS
                } else {
                    MAX_ANSWERS
                };
                if q.answers.len() > limit {
                    out.push(
                        format!("{place}.answers"),
                        format!(
                            "a {} question may have at most {limit} answers, this one has {}",
                            if q.multi {
                                "multi-answer"
                            } else {
                                "single-answer"
                            },
                            q.answers.len()
                        ),
                    );
                }
                if let Some(fact) = &q.fact {
                    check_id(out, &format!("{place}.fact"), fact);
                }
                match (&q.next, q.multi) {
                    (Some(next), true) => link(out, from, next, format!("{place}.next")),
                    (None, true) => out.push(
                        format!("{place}.next"),
                        "a multi-answer question needs \"next\" (its answers have none)",
                    ),
                    (Some(_), false) => out.push(
                        format!("{place}.next"),
                        "only a multi-answer question has \"next\"; give each answer its own \"next\"",
                    ),
                    (None, false) => {}
                }
                let mut labels: HashSet<&str> = HashSet::new();
                for (a, ans) in q.answers.iter().enumerate() {
                    let aplace = format!("{place}.answers[{a}]");
                    if !labels.insert(&ans.label) {
                        out.push(
                            format!("{aplace}.label"),
                            format!("duplicate answer label \"{}\" in this question", ans.label),
                        );
                    }
                    if ans.exclusive && !q.multi {
                        out.push(
                            format!("{aplace}.exclusive"),
                            "\"exclusive\" is only meaningful in a multi-answer question",
                        );
                    }
                    match (&ans.next, q.multi) {
                        (None, false) => out.push(
                            format!("{aplace}.next"),
                            "path ends without an outcome: the answer has no \"next\" node",
                        ),
                        (Some(next), false) => link(out, from, next, format!("{aplace}.next")),
                        (Some(_), true) => out.push(
                            format!("{aplace}.next"),
                            "answers of a multi-answer question have no \"next\"; the question's \"next\" applies",
                        ),
                        (None, true) => {}
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
                        "an outcome must promise at least one option",
                    );
                }
                for (i, opt) in o.options.iter().enumerate() {
                    if !options.contains(opt.as_str()) {
                        out.push(
                            format!("{place}.options[{i}]"),
                            format!("unknown option \"{opt}\""),
                        );
                    }
                }
            }
        }
    }

    let Some(&root) = index.get(tree.root.as_str()) else {
        out.push("root", format!("unknown node \"{}\"", tree.root));
        return;
    };
    if matches!(tree.nodes[graph[root]], Node::Outcome(_)) {
        // The TUI could not show such a tree (an empty question screen with no way on).
        out.push(
            "root",
            format!(
                "the root \"{}\" is an outcome; a tree starts with a question",
                tree.root
            ),
        );
    }
    let mut cycles: Vec<(String, String)> = Vec::new();
    for scc in kosaraju_scc(&graph) {
        let self_loop = scc.len() == 1 && graph.contains_edge(scc[0], scc[0]);
        if scc.len() > 1 || self_loop {
            let mut names: Vec<&str> = scc.iter().map(|&ix| tree.nodes[graph[ix]].id()).collect();
            names.sort_unstable();
            cycles.push((
                format!("nodes.{}", names[0]),
                format!("cycle through nodes {}", names.join(" → ")),
            ));
        }
    }
    cycles.sort();
    for (place, message) in cycles {
        out.push(place, message);
    }
    // Reachability with an explicit stack.
    let mut reached = vec![false; tree.nodes.len()];
    let mut stack = vec![root];
    reached[graph[root]] = true;
    while let Some(ix) = stack.pop() {
        for n in graph.neighbors(ix) {
            if !reached[graph[n]] {
                reached[graph[n]] = true;
                stack.push(n);
            }
        }
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
        Effect::RuleOut { option, reason } => {
            if !options.contains(option.as_str()) {
                out.push(
                    format!("{place}.option"),
                    format!("unknown option \"{option}\""),
                );
            }
            if reason.trim().is_empty() {
                out.push(
                    format!("{place}.reason"),
                    "a rule-out needs a reason the user can accept (it is shown with the answer)",
                );
            }
        }
        Effect::Note { if_chosen, .. } => {
            for (i, id) in if_chosen.iter().enumerate() {
                if !options.contains(id.as_str()) {
                    out.push(
                        format!("{place}.if_chosen[{i}]"),
                        format!("unknown option \"{id}\" (if_chosen names options of this tree)"),
                    );
                }
            }
        }
    }
}

/// Rules that need every tree of a catalog: one namespace per tree id, areas with one title
/// and unique positions, and shared facts asked with identical labels and `multi`. Returns
/// problems per tree index; a tree with problems here is not loaded.
pub fn validate_catalog(trees: &[(&Tree, &str)]) -> Vec<(usize, Problem)> {
    let mut out: Vec<(usize, Problem)> = Vec::new();
    let mut push = |i: usize, place: String, message: String| {
        out.push((
            i,
            Problem {
                file: trees[i].1.to_string(),
                place,
                message,
            },
        ));
    };
    let mut namespaces: HashMap<&str, (usize, &str)> = HashMap::new();
    let mut areas: HashMap<&str, (usize, &str)> = HashMap::new();
    let mut positions: HashMap<(&str, i64), (usize, &str)> = HashMap::new();
    type FactDef<'a> = (usize, &'a str, bool, Vec<&'a str>);
    let mut facts: HashMap<&str, FactDef<'_>> = HashMap::new();
    for (i, (t, _)) in trees.iter().enumerate() {
        match namespaces.get(t.namespace.as_str()) {
            Some(&(j, other)) if other != t.id => push(
                i,
                "namespace".into(),
                format!(
                    "namespace \"{}\" belongs to tree \"{other}\" ({}); a namespace belongs to one tree",
                    t.namespace, trees[j].1
                ),
            ),
            Some(_) => {}
            None => {
                namespaces.insert(&t.namespace, (i, &t.id));
            }
        }
        match areas.get(t.area.id.as_str()) {
            Some(&(j, title)) if title != t.area.title => push(
                i,
                "area.title".into(),
                format!(
                    "area \"{}\" is titled \"{title}\" in tree \"{}\"; every tree of an area uses the same title",
                    t.area.id, trees[j].0.id
                ),
            ),
            Some(_) => {}
            None => {
                areas.insert(&t.area.id, (i, &t.area.title));
            }
        }
        match positions.get(&(t.area.id.as_str(), t.area.position)) {
            Some(&(_, other)) if other != t.id => push(
                i,
                "area.position".into(),
                format!(
                    "position {} in area \"{}\" is taken by tree \"{other}\"",
                    t.area.position, t.area.id
                ),
            ),
            Some(_) => {}
            None => {
                positions.insert((&t.area.id, t.area.position), (i, &t.id));
            }
        }
        for n in &t.nodes {
            let Node::Question(q) = n else { continue };
            let Some(fact) = q.fact.as_deref() else {
                continue;
            };
            let labels: Vec<&str> = q.answers.iter().map(|a| a.label.as_str()).collect();
            match facts.get(fact) {
                Some((j, qid, multi, first)) => {
                    if *multi != q.multi || *first != labels {
                        push(
                            i,
                            format!("nodes.{}", q.id),
                            format!(
                                "fact \"{fact}\" is asked by question \"{qid}\" of tree \"{}\" with {}; a fact needs identical answer labels (same order) and the same \"multi\" everywhere",
                                trees[*j].0.id,
                                if *multi != q.multi {
                                    format!("multi = {multi}")
                                } else {
                                    format!("labels: {}", first.join(" | "))
                                }
                            ),
                        );
                    }
                }
                None => {
                    facts.insert(fact, (i, &q.id, q.multi, labels));
                }
            }
        }
    }
    out
}

/// Most questions on one path from the root to an outcome. Only meaningful for a valid tree.
pub fn max_depth(tree: &Tree) -> usize {
    let index: HashMap<&str, usize> = tree
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id(), i))
        .collect();
    let n = tree.nodes.len();
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut indegree = vec![0usize; n];
    for (i, node) in tree.nodes.iter().enumerate() {
        if let Node::Question(q) = node {
            let nexts: Vec<&str> = if q.multi {
                q.next.as_deref().into_iter().collect()
            } else {
                q.answers.iter().filter_map(|a| a.next.as_deref()).collect()
            };
            for next in nexts {
                if let Some(&j) = index.get(next) {
                    children[i].push(j);
                    indegree[j] += 1;
                }
            }
        }
    }
    // Kahn's topological order; a cycle leaves nodes out and the depth is meaningless (0).
    let mut order = Vec::with_capacity(n);
    let mut ready: Vec<usize> = (0..n).filter(|&i| indegree[i] == 0).collect();
    while let Some(i) = ready.pop() {
        order.push(i);
        for &j in &children[i] {
            indegree[j] -= 1;
            if indegree[j] == 0 {
                ready.push(j);
            }
        }
    }
    if order.len() != n {
        return 0;
    }
    let mut depth = vec![0usize; n];
    for &i in order.iter().rev() {
        if matches!(tree.nodes[i], Node::Question(_)) {
            depth[i] = 1 + children[i].iter().map(|&c| depth[c]).max().unwrap_or(0);
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
