//! Property tests (proptest):
//! - the loader never panics, on random bytes or on randomly mutated copies of the shipped trees
//!   (and of the test fixtures); a mutated tree that still validates can be walked, ranked and
//!   reported without a panic;
//! - sensitivity: the reported single-weight change flips leader and runner-up, and no smaller
//!   single-weight change within 0..=5 does; `Stable` means no single change within range does;
//! - raising a criterion on which A beats B never lowers A's margin over B;
//! - ranking does not depend on the order options are listed in.

use proptest::prelude::*;
use serde_json::Value;

use tradeoffs::report;
use tradeoffs::session::{Decision, Session, Walk};
use tradeoffs::tradeoff::{ImpactMatrix, Sensitivity, TradeoffGraph, rank, sensitivity};
use tradeoffs::tree::{Catalog, Source, WEIGHT_RANGE};

// --- loader robustness ----------------------------------------------------------------------

/// Texts to mutate: every shipped tree, plus the valid fixtures so the test has material even
/// while no tree is shipped.
fn seeds() -> Vec<String> {
    let mut out: Vec<String> = Source::shipped().into_iter().map(|s| s.text).collect();
    out.push(include_str!("../fixtures/valid/small.json").to_string());
    out.push(include_str!("../fixtures/valid/other.json").to_string());
    out
}

/// Loads `text` as one user tree next to the shipped ones; if it validates, exercise it.
fn load_and_exercise(text: String) {
    let mut sources = Source::shipped();
    let shipped = sources.len();
    sources.push(Source {
        label: "mutated.json".into(),
        text,
    });
    let (catalog, problems) = Catalog::build(sources, shipped);
    for p in &problems {
        // Every problem renders to one line.
        assert!(!p.to_string().contains('\n'), "{p}");
    }
    exercise(&catalog);
}

/// Walks every loaded tree along the first answers to an outcome, then builds its report.
fn exercise(catalog: &Catalog) {
    let graph = TradeoffGraph::build(catalog);
    for t in catalog.trees() {
        let mut d = Decision::new(t.id());
        for _ in 0..t.tree.nodes.len() {
            let w = Walk::replay(t, &d).expect("a fresh walk replays");
            if w.at_outcome() {
                break;
            }
            d.answer(t, 0).expect("answer 1 exists on every question");
        }
        let mut s = Session::new("prop", 0);
        s.decisions.push(d);
        let r = report::build(catalog, &graph, &s, 0).expect("report of a valid walk");
        assert!(
            r.outcome.is_some(),
            "tree {} did not reach an outcome",
            t.id()
        );
        let _ = r.to_text();
    }
}

#[derive(Debug, Clone)]
enum Mutation {
    Delete(u64),
    Duplicate(u64),
    Replace(u64, Value),
    RenameKey(u64, String),
    SwapStrings(u64, u64),
}

fn any_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        (-10i64..10).prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        "[a-z.-]{0,8}".prop_map(Value::from),
        Just(Value::from("\u{1b}[31mred\u{0}")),
        Just(Value::Array(vec![])),
        Just(serde_json::json!({})),
        Just(serde_json::json!([{"x": 1}])),
    ]
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any::<u64>().prop_map(Mutation::Delete),
        any::<u64>().prop_map(Mutation::Duplicate),
        (any::<u64>(), any_value()).prop_map(|(p, v)| Mutation::Replace(p, v)),
        (any::<u64>(), "[a-z_$]{1,10}").prop_map(|(p, k)| Mutation::RenameKey(p, k)),
        (any::<u64>(), any::<u64>()).prop_map(|(a, b)| Mutation::SwapStrings(a, b)),
    ]
}

/// Every (container) location in the document, as paths of keys/indices.
#[derive(Debug, Clone)]
enum Step {
    Key(String),
    Ix(usize),
}

fn paths(v: &Value, prefix: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
    out.push(prefix.clone());
    match v {
        Value::Object(m) => {
            for (k, c) in m {
                prefix.push(Step::Key(k.clone()));
                paths(c, prefix, out);
                prefix.pop();
            }
        }
        Value::Array(a) => {
            for (i, c) in a.iter().enumerate() {
                prefix.push(Step::Ix(i));
                paths(c, prefix, out);
                prefix.pop();
            }
        }
        _ => {}
    }
}

fn at<'v>(v: &'v mut Value, path: &[Step]) -> &'v mut Value {
    path.iter().fold(v, |v, s| match s {
        Step::Key(k) => &mut v[k.as_str()],
        Step::Ix(i) => &mut v[*i],
    })
}

fn get<'v>(v: &'v Value, path: &[Step]) -> &'v Value {
    path.iter().fold(v, |v, s| match s {
        Step::Key(k) => &v[k.as_str()],
        Step::Ix(i) => &v[*i],
    })
}

fn apply(doc: &mut Value, m: &Mutation) {
    let mut all = Vec::new();
    paths(doc, &mut Vec::new(), &mut all);
    let pick = |seed: u64| all[(seed % all.len() as u64) as usize].clone();
    match m {
        Mutation::Delete(p) => {
            let path = pick(*p);
            if let Some((last, parent)) = path.split_last() {
                match (at(doc, parent), last) {
                    (Value::Object(o), Step::Key(k)) => {
                        o.remove(k);
                    }
                    (Value::Array(a), Step::Ix(i)) => {
                        a.remove(*i);
                    }
                    _ => {}
                }
            }
        }
        Mutation::Duplicate(p) => {
            let path = pick(*p);
            if let Some((Step::Ix(i), parent)) = path.split_last()
                && let Value::Array(a) = at(doc, parent)
            {
                let copy = a[*i].clone();
                a.insert(*i, copy);
            }
        }
        Mutation::Replace(p, v) => *at(doc, &pick(*p)) = v.clone(),
        Mutation::RenameKey(p, new) => {
            let path = pick(*p);
            if let Some((Step::Key(k), parent)) = path.split_last()
                && let Value::Object(o) = at(doc, parent)
                && let Some(v) = o.remove(k)
            {
                o.insert(new.clone(), v);
            }
        }
        Mutation::SwapStrings(a, b) => {
            // Swapping two string values produces wrong-but-plausible references.
            let strings: Vec<Vec<Step>> = all
                .iter()
                .filter(|p| get(doc, p).is_string())
                .cloned()
                .collect();
            if strings.len() >= 2 {
                let pa = &strings[(a % strings.len() as u64) as usize];
                let pb = &strings[(b % strings.len() as u64) as usize];
                let va = at(doc, pa).clone();
                let vb = std::mem::replace(at(doc, pb), va);
                *at(doc, pa) = vb;
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, .. ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic_the_loader(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        load_and_exercise(String::from_utf8_lossy(&bytes).into_owned());
    }

    #[test]
    fn mutated_trees_never_panic_the_loader(
        seed in any::<usize>(),
        mutations in proptest::collection::vec(mutation(), 1..6),
        cut in any::<u16>(),
        truncate in any::<bool>(),
    ) {
        let seeds = seeds();
        let text = &seeds[seed % seeds.len()];
        let mut doc: Value = serde_json::from_str(text).expect("seed trees are JSON");
        for m in &mutations {
            apply(&mut doc, m);
        }
        let mut out = serde_json::to_string_pretty(&doc).unwrap();
        if truncate {
            let mut at = usize::from(cut) % (out.len() + 1);
            while !out.is_char_boundary(at) {
                at -= 1;
            }
            out.truncate(at);
        }
        load_and_exercise(out);
    }
}

#[test]
fn unmutated_seeds_load_and_walk() {
    // The fixtures are valid, so `exercise` really walks something in the property above.
    let (catalog, problems) = Catalog::build(
        vec![
            Source {
                label: "small.json".into(),
                text: include_str!("../fixtures/valid/small.json").into(),
            },
            Source {
                label: "other.json".into(),
                text: include_str!("../fixtures/valid/other.json").into(),
            },
        ],
        0,
    );
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(catalog.trees().len(), 2);
    exercise(&catalog);
}

// --- ranking and sensitivity ----------------------------------------------------------------

#[derive(Debug, Clone)]
struct Case {
    m: ImpactMatrix,
    weights: Vec<i64>,
    ruled_out: Vec<bool>,
}

fn case() -> impl Strategy<Value = Case> {
    (1usize..9, 1usize..7).prop_flat_map(|(n, c)| {
        (
            proptest::collection::vec(-2i64..=2, n * c),
            proptest::collection::vec(WEIGHT_RANGE, c),
            proptest::collection::vec(proptest::bool::weighted(0.2), n),
            // Ids in a shuffled order, so the id tie-break is not the listing order.
            Just((0..n).collect::<Vec<usize>>()).prop_shuffle(),
        )
            .prop_map(move |(impacts, weights, ruled_out, ids)| Case {
                m: ImpactMatrix::new(
                    ids.iter().map(|i| format!("t.opt{i}")).collect(),
                    (0..c).map(|k| format!("t.c{k}")).collect(),
                    impacts,
                ),
                weights,
                ruled_out,
            })
    })
}

/// Position of each option in the ranking.
fn positions(m: &ImpactMatrix, w: &[i64], ruled_out: &[bool]) -> Vec<usize> {
    let r = rank(m, w, ruled_out);
    let mut pos = vec![0; m.options.len()];
    for (p, x) in r.iter().enumerate() {
        pos[x.option] = p;
    }
    pos
}

fn with_weight(w: &[i64], k: usize, to: i64) -> Vec<i64> {
    let mut w = w.to_vec();
    w[k] = to;
    w
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, .. ProptestConfig::default() })]

    #[test]
    fn sensitivity_reports_the_smallest_flip(c in case()) {
        let Case { m, weights, ruled_out } = c;
        let ranking = rank(&m, &weights, &ruled_out);
        let in_play: Vec<usize> = ranking.iter().filter(|r| !r.ruled_out).map(|r| r.option).collect();
        let s = sensitivity(&m, &weights, &ranking);
        let flips = |k: usize, to: i64, i: usize, j: usize| {
            let pos = positions(&m, &with_weight(&weights, k, to), &ruled_out);
            pos[j] < pos[i]
        };
        match s {
            Sensitivity::Alone => prop_assert!(in_play.len() < 2),
            Sensitivity::Flip { leader, runner_up, margin, criterion, from, to } => {
                prop_assert_eq!((leader, runner_up), (in_play[0], in_play[1]));
                prop_assert_eq!(margin, m.score(leader, &weights) - m.score(runner_up, &weights));
                prop_assert_eq!(from, weights[criterion]);
                prop_assert!(WEIGHT_RANGE.contains(&to));
                prop_assert!(flips(criterion, to, leader, runner_up),
                    "applying {from}→{to} on criterion {criterion} did not flip");
                let size = (to - from).abs();
                for (k, &current) in weights.iter().enumerate() {
                    for w in WEIGHT_RANGE {
                        if (w - current).abs() < size {
                            prop_assert!(!flips(k, w, leader, runner_up),
                                "a smaller change, criterion {k} to {w}, also flips (reported {size})");
                        }
                    }
                }
            }
            Sensitivity::Stable { leader, runner_up, margin } => {
                prop_assert_eq!((leader, runner_up), (in_play[0], in_play[1]));
                prop_assert_eq!(margin, m.score(leader, &weights) - m.score(runner_up, &weights));
                for k in 0..m.criteria.len() {
                    for w in WEIGHT_RANGE {
                        prop_assert!(!flips(k, w, leader, runner_up),
                            "reported stable, but criterion {k} to {w} flips");
                    }
                }
            }
        }
    }

    #[test]
    fn raising_a_criterion_where_a_beats_b_never_lowers_a_margin(
        c in case(), pick in any::<(usize, usize, usize)>(), raise in 1i64..=5,
        ab in (-1i64..=2).prop_flat_map(|ia| (Just(ia), -2..ia)), start in 0i64..5,
    ) {
        let Case { m, mut weights, ruled_out } = c;
        let n = m.options.len();
        prop_assume!(n >= 2);
        let cn = m.criteria.len();
        let (a, k) = (pick.0 % n, pick.2 % cn);
        let b = (a + 1 + pick.1 % (n - 1)) % n;
        // Force A's impact on k above B's, and a weight on k that can still rise.
        let (ia, ib) = ab;
        let m = ImpactMatrix::new(
            m.options.clone(),
            m.criteria.clone(),
            (0..n)
                .flat_map(|o| (0..cn).map(move |q| (o, q)))
                .map(|(o, q)| match (o, q) {
                    (o, q) if o == a && q == k => ia,
                    (o, q) if o == b && q == k => ib,
                    (o, q) => m.impact(o, q),
                })
                .collect(),
        );
        weights[k] = start;
        let raised = with_weight(&weights, k, (weights[k] + raise).min(*WEIGHT_RANGE.end()));
        let margin = |w: &[i64]| m.score(a, w) - m.score(b, w);
        prop_assert!(margin(&raised) > margin(&weights));
        // The same in the ranking itself: if A ranked above B, it still does.
        let (before, after) = (positions(&m, &weights, &ruled_out), positions(&m, &raised, &ruled_out));
        if before[a] < before[b] {
            prop_assert!(after[a] < after[b]);
        }
        let r = rank(&m, &raised, &ruled_out);
        let score = |o: usize| r.iter().find(|x| x.option == o).unwrap().score;
        prop_assert_eq!(score(a) - score(b), margin(&raised));
    }

    #[test]
    fn ranking_does_not_depend_on_listing_order(
        c in case(), perm_seed in any::<u64>(),
    ) {
        let Case { m, weights, ruled_out } = c;
        let n = m.options.len();
        let cn = m.criteria.len();
        // Fisher–Yates with the seed proptest gave us.
        let mut perm: Vec<usize> = (0..n).collect();
        let mut x = perm_seed;
        for i in (1..n).rev() {
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            perm.swap(i, (x >> 33) as usize % (i + 1));
        }
        let pm = ImpactMatrix::new(
            perm.iter().map(|&o| m.options[o].clone()).collect(),
            m.criteria.clone(),
            perm.iter().flat_map(|&o| (0..cn).map(move |k| (o, k))).map(|(o, k)| m.impact(o, k)).collect(),
        );
        let pro: Vec<bool> = perm.iter().map(|&o| ruled_out[o]).collect();
        let view = |m: &ImpactMatrix, r: Vec<tradeoffs::tradeoff::Ranked>| {
            r.into_iter()
                .map(|x| (m.options[x.option].clone(), x.score, x.ruled_out, x.contributions))
                .collect::<Vec<_>>()
        };
        let original = view(&m, rank(&m, &weights, &ruled_out));
        let permuted = view(&pm, rank(&pm, &weights, &pro));
        prop_assert_eq!(&original, &permuted);
        // Scores are the weighted sums, contributions largest magnitude first.
        for (id, score, _, contributions) in &original {
            let o = m.options.iter().position(|x| x == id).unwrap();
            prop_assert_eq!(*score, m.score(o, &weights));
            prop_assert_eq!(*score, contributions.iter().map(|c| c.value).sum::<i64>());
            prop_assert!(contributions.windows(2).all(|w| w[0].value.abs() >= w[1].value.abs()));
        }
    }
}
