//! A generator of large valid trees for benchmarks and tests: any number of nodes, options and
//! criteria, deterministic (the same sizes always give the same tree), no randomness crate.
//!
//! Shape: node `i` is a question when it has children in a binary-heap layout (`2i+1 < nodes`),
//! otherwise an outcome. A question answers to `2i+1`, `2i+2` and, where it exists, `2i+3`, so
//! subtrees are shared and the graph is a DAG (every edge goes to a higher index) in which every
//! node is reachable and every path ends at an outcome. Outcomes offer consecutive runs of
//! options so that every option is offered somewhere.

use std::collections::BTreeMap;

use super::model::{
    Answer, Area, Check, Criterion, Effect, Expect, FORMAT_VERSION, Impact, Node, OptionDef,
    Outcome, Question, Reference, Relation, RelationKind, TieBreak, Tree,
};

/// Sizes of a generated tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spec {
    /// Total nodes (questions and outcomes); at least 2 (a lone outcome is not a valid tree:
    /// the root must be a question).
    pub nodes: usize,
    /// At least 1.
    pub options: usize,
    /// At least 1.
    pub criteria: usize,
    /// When > 0, every `multi`-th question (where the shape allows) is a multi-answer question
    /// with an exclusive last answer.
    pub multi: usize,
    /// The generated tree's `tie_break.priorities_first`.
    pub priorities_first: bool,
}

impl Spec {
    pub fn new(nodes: usize, options: usize, criteria: usize) -> Self {
        Spec {
            nodes: nodes.max(2),
            options: options.max(1),
            criteria: criteria.max(1),
            multi: 0,
            priorities_first: false,
        }
    }

    /// Lets the user's priorities decide ties before the tie-break order.
    pub fn with_priorities_first(mut self, on: bool) -> Self {
        self.priorities_first = on;
        self
    }

    /// Makes every `every`-th question a multi-answer question where the shape allows. At least
    /// every third: two neighbouring multi questions would cut nodes off.
    pub fn with_multi(mut self, every: usize) -> Self {
        self.multi = if every == 0 { 0 } else { every.max(3) };
        self
    }
}

/// A small deterministic mixer (SplitMix64 finaliser) standing in for a random generator.
fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

fn option_id(j: usize) -> String {
    format!("syn.o{j}")
}

fn criterion_id(k: usize) -> String {
    format!("syn.c{k}")
}

fn node_id(i: usize, nodes: usize) -> String {
    if is_question(i, nodes) {
        format!("q{i}")
    } else {
        format!("o{i}")
    }
}

fn is_question(i: usize, nodes: usize) -> bool {
    2 * i + 1 < nodes
}

/// The impact of option `j` on criterion `k`, in −2..=2.
pub fn impact(j: usize, k: usize) -> i64 {
    (mix(((j as u64) << 32) ^ k as u64) % 5) as i64 - 2
}

/// Generates a valid tree of the given sizes.
pub fn generate(spec: Spec) -> Tree {
    let Spec {
        nodes: n,
        options: m,
        criteria: c,
        multi,
        priorities_first,
    } = spec;
    let criteria: Vec<Criterion> = (0..c)
        .map(|k| Criterion {
            id: criterion_id(k),
            name: format!("Criterion {k}"),
            description: format!("Generated criterion number {k}."),
            default_weight: (mix(k as u64) % 5) as i64 + 1,
        })
        .collect();
    let options: Vec<OptionDef> = (0..m)
        .map(|j| {
            let impacts: BTreeMap<String, Impact> = (0..c)
                .map(|k| {
                    (
                        criterion_id(k),
                        Impact {
                            impact: impact(j, k),
                            rationale: format!("Generated impact of option {j} on criterion {k}."),
                        },
                    )
                })
                .collect();
            let mut relations = Vec::new();
            if m > 1 && j % 10 == 0 {
                relations.push(Relation {
                    kind: if j % 20 == 0 {
                        RelationKind::ConflictsWith
                    } else {
                        RelationKind::Complements
                    },
                    target: option_id((j + 1) % m),
                    rationale: format!("Generated relation of option {j}."),
                });
            }
            OptionDef {
                id: option_id(j),
                name: format!("Option {j}"),
                summary: format!("Generated option number {j}."),
                impacts,
                relations,
                references: vec![Reference {
                    title: format!("Option {j} documentation"),
                    url: format!("https://example.org/options/{j}"),
                }],
                confirmation: Some(format!("Generated confirmation of option {j}.")),
            }
        })
        .collect();

    let outcomes = (0..n).filter(|&i| !is_question(i, n)).count();
    let run = m.div_ceil(outcomes).clamp(3.min(m), m);
    let mut outcome_no = 0usize;
    let nodes: Vec<Node> = (0..n)
        .map(|i| {
            if is_question(i, n) {
                let targets: Vec<usize> = [2 * i + 1, 2 * i + 2, 2 * i + 3]
                    .into_iter()
                    .filter(|&t| t < n)
                    .collect();
                // Two answers at least, even when only one child exists.
                let targets = if targets.len() == 1 {
                    vec![targets[0], targets[0]]
                } else {
                    targets
                };
                // A multi question leads only to 2i+2; 2i+1 stays reachable from i-1 (its
                // 2(i-1)+3) and 2i+3 from i+1 (its 2(i+1)+1), so only where both are questions.
                let is_multi = multi > 0
                    && i >= 1
                    && i % multi == multi - 1
                    && is_question(i + 1, n)
                    && targets.len() == 3;
                let answers = targets
                    .iter()
                    .enumerate()
                    .map(|(a, &t)| {
                        let k = (i + a) % c;
                        let mut effects = vec![if a % 2 == 0 {
                            Effect::Raise {
                                criterion: criterion_id(k),
                                by: 1,
                            }
                        } else {
                            Effect::Lower {
                                criterion: criterion_id(k),
                                by: 1,
                            }
                        }];
                        if a == 2 {
                            effects.push(Effect::Set {
                                criterion: criterion_id((k + 1) % c),
                                weight: (i % 6) as i64,
                            });
                        }
                        if m > 3 && i % 7 == 3 && a == 1 {
                            effects.push(Effect::RuleOut {
                                option: option_id(mix(i as u64) as usize % m),
                                reason: format!("Ruled out by answer {a} of question {i}."),
                            });
                        }
                        Answer {
                            label: format!("Answer {a}"),
                            consequence: format!("Leads to node {t}."),
                            next: (!is_multi).then(|| node_id(t, n)),
                            exclusive: false,
                            effects,
                        }
                    })
                    .collect::<Vec<_>>();
                let mut answers = answers;
                if is_multi {
                    answers.push(Answer {
                        label: "None of these".into(),
                        consequence: "Nothing changes.".into(),
                        next: None,
                        exclusive: true,
                        effects: Vec::new(),
                    });
                }
                Node::Question(Question {
                    id: node_id(i, n),
                    prompt: format!("Generated question {i}?"),
                    help: format!("Why question {i} matters."),
                    fact: None,
                    multi: is_multi,
                    next: is_multi.then(|| node_id(2 * i + 2, n)),
                    answers,
                })
            } else {
                let first = outcome_no * run;
                outcome_no += 1;
                Node::Outcome(Outcome {
                    id: node_id(i, n),
                    options: (0..run).map(|t| option_id((first + t) % m)).collect(),
                    title: format!("Outcome {i}"),
                    context: format!("Generated outcome {i}."),
                })
            }
        })
        .collect();

    Tree {
        schema: None,
        format: FORMAT_VERSION,
        id: "synthetic".into(),
        namespace: "syn".into(),
        title: format!("Synthetic tree ({n} nodes, {m} options, {c} criteria)"),
        description: "Generated for benchmarks and tests.".into(),
        source: "Generated".into(),
        references: Vec::new(),
        area: Area {
            id: "synthetic".into(),
            title: "Synthetic".into(),
            position: 1,
        },
        // Reverse id order, so a test can tell a tie-break order from an id order.
        tie_break: TieBreak {
            order: (0..m).rev().map(option_id).collect(),
            why: "Generated: the last option is preferred in a tie.".into(),
            priorities_first,
        },
        criteria,
        options,
        root: node_id(0, n),
        nodes,
        checks: Vec::new(),
    }
}

/// A chain of `questions` two-answer questions (both answers lead to the next one) ending at
/// one outcome: the deepest possible tree, for the no-recursion tests. Text is kept minimal
/// so a million nodes fit in memory comfortably.
pub fn chain(questions: usize) -> Tree {
    let mut tree = generate(Spec::new(3, 2, 1));
    tree.id = "chain".into();
    tree.namespace = "syn".into();
    let outcome = Node::Outcome(Outcome {
        id: "end".into(),
        options: vec![option_id(0)],
        title: "End".into(),
        context: "End of the chain.".into(),
    });
    let mut nodes: Vec<Node> = Vec::with_capacity(questions + 1);
    for i in 0..questions {
        let next = if i + 1 == questions {
            "end".to_string()
        } else {
            format!("q{}", i + 1)
        };
        let answer = |label: &str| Answer {
            label: label.into(),
            consequence: String::new(),
            next: Some(next.clone()),
            exclusive: false,
            effects: Vec::new(),
        };
        nodes.push(Node::Question(Question {
            id: format!("q{i}"),
            prompt: String::new(),
            help: String::new(),
            fact: None,
            multi: false,
            next: None,
            answers: vec![answer("a"), answer("b")],
        }));
    }
    nodes.push(outcome);
    tree.root = "q0".into();
    tree.nodes = nodes;
    tree
}

/// A check over a generated tree, for tests that plant a violation.
pub fn never_check(name: &str, when: Vec<(String, Vec<String>)>, never: Vec<String>) -> Check {
    Check {
        name: name.into(),
        when: when.into_iter().collect(),
        expect: Expect::Never(never),
        why: "Planted by a test.".into(),
        source: None,
    }
}

/// The generated tree as the JSON text of a tree file.
pub fn json(spec: Spec) -> String {
    serde_json::to_string_pretty(&generate(spec)).expect("a tree always serialises")
}
