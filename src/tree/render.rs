//! A tree as text for people and diagram tools: an indented outline, Graphviz DOT, Mermaid.
//! Shared subtrees are drawn once; the outline points back to them instead of repeating them.

use std::collections::HashSet;
use std::fmt::Write as _;

use super::{LoadedTree, Node};
use crate::text::{mermaid_escape, sanitize as plain};

/// Indented outline: questions, their answers and where each leads.
pub fn outline(t: &LoadedTree) -> String {
    let mut out = String::new();
    let tree = &t.tree;
    let _ = writeln!(out, "{} ({})", plain(&tree.title), plain(&tree.id));
    let _ = writeln!(out, "{}", plain(&tree.description));
    let _ = writeln!(out, "Source: {}", plain(&tree.source));
    let _ = writeln!(out, "\nCriteria (default weight):");
    for c in &tree.criteria {
        let _ = writeln!(
            out,
            "  {:<28} {}  {}",
            plain(&c.id),
            c.default_weight,
            plain(&c.name)
        );
    }
    let _ = writeln!(out, "\nOptions:");
    for o in &tree.options {
        let _ = writeln!(out, "  {:<28} {}", plain(&o.id), plain(&o.name));
    }
    let _ = writeln!(out, "\nQuestions:");
    outline_questions(t, &mut out);
    out
}

/// One step of the outline walk: a node to print at a depth, or a line already formatted.
enum Step {
    Node(usize, usize),
    Line(String),
}

/// The question outline, depth first, with an explicit stack instead of recursion, so a chain
/// of any depth (a 1,000,000-question tree) cannot overflow the stack.
fn outline_questions(t: &LoadedTree, out: &mut String) {
    let mut seen = HashSet::new();
    let mut stack = vec![Step::Node(t.root_ix(), 1)];
    while let Some(step) = stack.pop() {
        let (ix, depth) = match step {
            Step::Line(line) => {
                out.push_str(&line);
                continue;
            }
            Step::Node(ix, depth) => (ix, depth),
        };
        let pad = indent(depth);
        match t.node(ix) {
            Node::Outcome(o) => {
                let _ = writeln!(
                    out,
                    "{pad}=> [{}] {}: {}",
                    plain(&o.id),
                    plain(&o.title),
                    plain(&o.options.join(", "))
                );
            }
            Node::Question(q) => {
                if !seen.insert(ix) {
                    let _ = writeln!(out, "{pad}-> [{}] (shown above)", plain(&q.id));
                    continue;
                }
                let _ = writeln!(out, "{pad}? [{}] {}", plain(&q.id), plain(&q.prompt));
                // Pushed in reverse so they pop in reading order.
                let mut later: Vec<Step> = Vec::new();
                for (i, a) in q.answers.iter().enumerate() {
                    later.push(Step::Line(format!(
                        "{pad}  {}) {}\n",
                        i + 1,
                        plain(&a.label)
                    )));
                    if q.multi {
                        continue;
                    }
                    if let Some(next) = a.next.as_deref().and_then(|n| t.node_ix(n)) {
                        later.push(Step::Node(next, depth + 2));
                    }
                }
                // A multi-answer question ("select all that apply") has one `next` for all
                // answers.
                if q.multi {
                    later.push(Step::Line(format!(
                        "{pad}  (select all that apply, then:)\n"
                    )));
                    if let Some(next) = q.next.as_deref().and_then(|n| t.node_ix(n)) {
                        later.push(Step::Node(next, depth + 2));
                    }
                }
                stack.extend(later.into_iter().rev());
            }
        }
    }
}

/// Deeper than this, lines stop moving right (a 50,000-deep chain would otherwise print
/// gigabytes of spaces) and carry their level instead.
const MAX_INDENT: usize = 40;

fn indent(depth: usize) -> String {
    if depth <= MAX_INDENT {
        "  ".repeat(depth)
    } else {
        format!("{}[level {}] ", "  ".repeat(MAX_INDENT), depth / 2 + 1)
    }
}

/// Every answer as an edge: (question id, answer label, next node id).
fn edges(t: &LoadedTree) -> impl Iterator<Item = (&str, &str, &str)> {
    t.tree.nodes.iter().flat_map(|node| match node {
        Node::Question(q) => q
            .answers
            .iter()
            .enumerate()
            .filter_map(|(i, a)| Some((q.id.as_str(), a.label.as_str(), q.next_of(i)?)))
            .collect(),
        Node::Outcome(_) => Vec::new(),
    })
}

/// Graphviz DOT: questions as boxes, outcomes as rounded boxes, answers as edge labels.
pub fn dot(t: &LoadedTree) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "digraph \"{}\" {{", dot_escape(&t.tree.id));
    let _ = writeln!(out, "  rankdir=LR;\n  node [fontname=\"Helvetica\"];");
    for node in &t.tree.nodes {
        match node {
            Node::Question(q) => {
                let _ = writeln!(
                    out,
                    "  \"{}\" [shape=box, label=\"{}\"];",
                    dot_escape(&q.id),
                    dot_escape(&q.prompt)
                );
            }
            Node::Outcome(o) => {
                let _ = writeln!(
                    out,
                    "  \"{}\" [shape=box, style=\"rounded,filled\", fillcolor=\"#e8f4e8\", label=\"{}\\n{}\"];",
                    dot_escape(&o.id),
                    dot_escape(&o.title),
                    dot_escape(&o.options.join(", "))
                );
            }
        }
    }
    for (from, label, to) in edges(t) {
        let _ = writeln!(
            out,
            "  \"{}\" -> \"{}\" [label=\"{}\"];",
            dot_escape(from),
            dot_escape(to),
            dot_escape(label)
        );
    }
    out.push_str("}\n");
    out
}

/// Mermaid flowchart (GitHub renders it in Markdown).
pub fn mermaid(t: &LoadedTree) -> String {
    let mut out = String::from("flowchart TD\n");
    let id = |s: &str| plain(&s.replace('-', "_"));
    for node in &t.tree.nodes {
        match node {
            Node::Question(q) => {
                let _ = writeln!(out, "  {}[\"{}\"]", id(&q.id), mermaid_escape(&q.prompt));
            }
            Node::Outcome(o) => {
                let _ = writeln!(out, "  {}([\"{}\"])", id(&o.id), mermaid_escape(&o.title));
            }
        }
    }
    for (from, label, to) in edges(t) {
        let _ = writeln!(
            out,
            "  {} -->|\"{}\"| {}",
            id(from),
            mermaid_escape(label),
            id(to)
        );
    }
    out
}

fn dot_escape(s: &str) -> String {
    plain(s).replace('\\', "\\\\").replace('"', "\\\"")
}
