//! The synthetic tree generator used by the benchmarks produces valid trees of the requested
//! sizes, deterministically.

use tradeoffs::tree::synthetic::{Spec, generate, json};
use tradeoffs::tree::{Catalog, Node, Source};

fn load(spec: Spec) -> Catalog {
    let (catalog, problems) = Catalog::build(
        vec![Source {
            label: "synthetic.json".into(),
            text: json(spec),
        }],
        0,
    );
    assert!(
        problems.is_empty(),
        "{spec:?}: {}",
        problems
            .iter()
            .take(5)
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    );
    catalog
}

#[test]
fn generated_trees_validate_at_many_sizes() {
    // (A single node would be a lone outcome, which is not a valid tree.)
    for nodes in [2, 3, 4, 5, 10, 11, 100, 1001] {
        for options in [1, 2, 3, 7, 50] {
            for criteria in [1, 3] {
                let spec = Spec::new(nodes, options, criteria);
                let catalog = load(spec);
                let t = catalog.get("synthetic").unwrap();
                assert_eq!(t.tree.nodes.len(), nodes, "{spec:?}");
                assert_eq!(t.tree.options.len(), options, "{spec:?}");
                assert_eq!(t.tree.criteria.len(), criteria, "{spec:?}");
            }
        }
    }
}

#[test]
fn the_benchmark_tree_has_the_requested_shape() {
    let catalog = load(Spec::new(10_000, 500, 20));
    let t = catalog.get("synthetic").unwrap();
    assert_eq!(t.tree.nodes.len(), 10_000);
    assert_eq!(t.tree.options.len(), 500);
    assert_eq!(t.questions() + t.outcomes(), 10_000);
    assert!(t.questions() >= 4_000, "{}", t.questions());
    // Binary-heap layout: the longest path is about log2(10_000) questions.
    assert_eq!(t.max_depth, 13);
    // Subtrees are shared: some node has more than one parent.
    let mut parents = vec![0usize; t.tree.nodes.len()];
    for n in &t.tree.nodes {
        if let Node::Question(q) = n {
            for a in &q.answers {
                parents[t.node_ix(a.next.as_deref().unwrap()).unwrap()] += 1;
            }
        }
    }
    assert!(parents.iter().any(|&p| p > 1));
    assert_eq!(parents[t.root_ix()], 0);
}

#[test]
fn generation_is_deterministic() {
    let spec = Spec::new(257, 31, 6);
    assert_eq!(generate(spec), generate(spec));
    assert_eq!(json(spec), json(spec));
    assert_ne!(json(spec), json(Spec::new(257, 32, 6)));
}
