//! Property tests (proptest):
//! - the loader never panics, on random bytes or on randomly mutated copies of the shipped trees
//!   (and of the test fixtures); a mutated tree that still validates can be walked, ranked and
//!   reported without a panic;
//! - sensitivity: the reported single-weight change flips leader and runner-up, and no smaller
//!   single-weight change within 0..=5 does; `Stable` means no single change within range does;
//! - raising a criterion on which A beats B never lowers A's margin over B;
//! - ranking does not depend on the order options are listed in;
//! - with `priorities_first`, ties at equal score are decided by the user's priorities: the
//!   winner is the winner under the weights nudged to w·(1 + ε^r) (r = rank of the weight's
//!   level from the top), computed in exact integer arithmetic, and the tree's tie-break order
//!   decides only between options equal at every priority level; without it, the tie-break
//!   order decides; never the id. Every robustness and analyze property below runs in both
//!   modes;
//! - robustness: acceptability shares sum to 1 and match brute force; the weight intervals and
//!   the nearest weight change match brute force over all options and weights; the smallest
//!   impact change matches brute force;
//! - `trees analyze` counts equal a brute-force enumeration through `Walk` on generated trees
//!   (multi-answer questions included), in exact and in sampled mode;
//! - a planted check violation is found, with a valid shortest example path.

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
    // The shipped trees are exercised once (`unmutated_seeds_load_and_walk`); here only the
    // mutated one, so each case costs one walk, not ten.
    exercise_only(&catalog, |t| t.origin == "mutated.json");
}

/// Walks every loaded tree along the first answers to an outcome, then builds its report.
fn exercise(catalog: &Catalog) {
    exercise_only(catalog, |_| true);
}

fn exercise_only(catalog: &Catalog, which: impl Fn(&tradeoffs::tree::LoadedTree) -> bool) {
    let graph = TradeoffGraph::build(catalog);
    for t in catalog.trees().iter().filter(|t| which(t)) {
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
            // Ids in a shuffled order, so the id order is not the listing order.
            Just((0..n).collect::<Vec<usize>>()).prop_shuffle(),
            // And a tie-break order that is neither.
            Just((0..n).collect::<Vec<usize>>()).prop_shuffle(),
            // Whether the user's priorities decide ties first.
            proptest::bool::ANY,
        )
            .prop_map(move |(impacts, weights, ruled_out, ids, ties, pf)| Case {
                m: ImpactMatrix::new(
                    ids.iter().map(|i| format!("t.opt{i}")).collect(),
                    (0..c).map(|k| format!("t.c{k}")).collect(),
                    impacts,
                )
                .with_tie_rank(ties)
                .with_priorities_first(pf),
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
        )
        // The tie-break order travels with the options: it is part of the tree, not of the
        // listing.
        .with_tie_rank(perm.iter().map(|&o| m.tie_rank[o]).collect())
        .with_priorities_first(m.priorities_first);
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

// --- ties, robustness and analyze -------------------------------------------------------------

use std::collections::{BTreeMap, HashMap};

use tradeoffs::tradeoff::rank::{TieDecision, tie_level};
use tradeoffs::tradeoff::robustness::{
    acceptability, acceptability_with_limit, impact_change, robustness, weight_interval,
};
use tradeoffs::tree::synthetic::{self, Spec};
use tradeoffs::tree::{LoadedTree, Node, analyze};

/// 1/ε for the nudge: larger than twice any level's contribution difference (weights ≤ 5,
/// impacts within ±2, fewer than 100 criteria), so the nudge orders exactly lexicographically.
const INV_EPS: i128 = 10_000;

/// Scores under the weights nudged toward the user's own order: w ↦ w·(1 + ε^r), where r is
/// the rank of w among the distinct positive weights (1 = highest), scaled by (1/ε)^R (R = the
/// number of levels) so everything stays an exact integer.
/// Without `priorities_first`, the plain scores.
fn nudged_scores(m: &ImpactMatrix, w: &[i64]) -> Vec<i128> {
    if !m.priorities_first {
        return (0..m.options.len())
            .map(|o| i128::from(m.score(o, w)))
            .collect();
    }
    let mut levels: Vec<i64> = w.iter().copied().filter(|&x| x > 0).collect();
    levels.sort_unstable_by(|a, b| b.cmp(a));
    levels.dedup();
    let big = INV_EPS.pow(levels.len() as u32);
    let nudged: Vec<i128> = w
        .iter()
        .map(|&x| match levels.iter().position(|&l| l == x) {
            Some(r) => i128::from(x) * (big + INV_EPS.pow((levels.len() - 1 - r) as u32)),
            None => 0,
        })
        .collect();
    (0..m.options.len())
        .map(|o| {
            (0..m.criteria.len())
                .map(|k| i128::from(m.impact(o, k)) * nudged[k])
                .sum()
        })
        .collect()
}

/// The winner by definition: the highest score under the nudged weights (which, for ε this
/// small, never reorders unequal scores), then the earliest in the tie-break order.
fn brute_winner(m: &ImpactMatrix, w: &[i64], in_play: &[bool]) -> Option<usize> {
    let s = nudged_scores(m, w);
    let best = (0..m.options.len())
        .filter(|&o| in_play[o])
        .map(|o| s[o])
        .max()?;
    (0..m.options.len())
        .filter(|&o| in_play[o] && s[o] == best)
        .min_by_key(|&o| m.tie_rank[o])
}

/// Every weight vector within ±1 of `w`, clamped to 0..=5.
fn neighbourhood(w: &[i64]) -> Vec<Vec<i64>> {
    let mut out = vec![Vec::new()];
    for &x in w {
        let mut next = Vec::new();
        for v in &out {
            for y in (x - 1).max(0)..=(x + 1).min(5) {
                let mut v = v.clone();
                v.push(y);
                next.push(v);
            }
        }
        out = next;
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, .. ProptestConfig::default() })]

    #[test]
    fn no_tie_is_resolved_by_id(c in case()) {
        let Case { m, weights, ruled_out } = c;
        let in_play: Vec<bool> = ruled_out.iter().map(|r| !r).collect();
        let r = rank(&m, &weights, &ruled_out);
        let top = r.iter().find(|x| !x.ruled_out).map(|x| x.option);
        prop_assert_eq!(top, brute_winner(&m, &weights, &in_play));
        prop_assert_eq!(m.winner(&weights, &in_play), top);
        // Among equal scores the ranking follows the nudged scores, then the tie-break order,
        // whatever the ids.
        let nudged = nudged_scores(&m, &weights);
        for pair in r.windows(2) {
            let (a, b) = (pair[0].option, pair[1].option);
            if pair[0].ruled_out == pair[1].ruled_out && pair[0].score == pair[1].score {
                prop_assert!(nudged[a] > nudged[b] || (nudged[a] == nudged[b] && m.tie_rank[a] < m.tie_rank[b]));
            }
        }
        let tied = tradeoffs::tradeoff::top_tie(&r);
        if !tied.is_empty() {
            prop_assert_eq!(Some(tied[0]), top);
            prop_assert!(tied.windows(2).all(|p| m.score(p[0], &weights) == m.score(p[1], &weights)));
        }
    }

    #[test]
    fn the_preference_order_decides_only_when_equal_at_every_priority_level(
        c in case(), perm_seed in any::<u64>(),
    ) {
        let Case { m, weights, ruled_out } = c;
        let n = m.options.len();
        // Any other tie-break order.
        let mut ranks = m.tie_rank.clone();
        let mut x = perm_seed;
        for i in (1..n).rev() {
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            ranks.swap(i, (x >> 33) as usize % (i + 1));
        }
        let other = m.clone().with_tie_rank(ranks);
        let (p, q) = (positions(&m, &weights, &ruled_out), positions(&other, &weights, &ruled_out));
        for a in 0..n {
            for b in 0..n {
                if a == b || ruled_out[a] != ruled_out[b] || m.score(a, &weights) != m.score(b, &weights) {
                    continue;
                }
                let level = tie_level(m.row(a), m.row(b), &weights).filter(|_| m.priorities_first);
                match level {
                    // The priorities decide, whatever the tree's order, in the direction of
                    // the higher contribution at the first level that differs.
                    Some(l) => {
                        prop_assert_eq!(p[a] < p[b], q[a] < q[b]);
                        prop_assert_eq!(p[a] < p[b], l.a > l.b);
                        prop_assert_eq!(m.tie_decision(a, b, &weights), TieDecision::Priorities(l));
                        // The level is the highest weight at which they differ.
                        for hw in (l.weight + 1)..=5 {
                            let sum = |o: usize| (0..m.criteria.len()).filter(|&k| weights[k] == hw).map(|k| hw * m.impact(o, k)).sum::<i64>();
                            prop_assert_eq!(sum(a), sum(b));
                        }
                    }
                    // Equal at every level: exactly the tree's order decides.
                    None => {
                        prop_assert_eq!(p[a] < p[b], m.tie_rank[a] < m.tie_rank[b]);
                        prop_assert_eq!(q[a] < q[b], other.tie_rank[a] < other.tie_rank[b]);
                        prop_assert_eq!(m.tie_decision(a, b, &weights), TieDecision::PreferenceOrder);
                    }
                }
            }
        }
    }

    #[test]
    fn acceptability_sums_to_one_and_matches_brute_force(c in case()) {
        let Case { m, weights, ruled_out } = c;
        let in_play: Vec<bool> = ruled_out.iter().map(|r| !r).collect();
        let a = acceptability(&m, &weights, &in_play);
        if !in_play.iter().any(|&p| p) {
            prop_assert_eq!(a.evaluated, 0);
            return Ok(());
        }
        let sum: f64 = a.shares.iter().sum();
        prop_assert!((sum - 1.0).abs() < 1e-9, "sum {}", sum);
        let vectors = neighbourhood(&weights);
        prop_assert_eq!(a.vectors, vectors.len() as u64);
        prop_assert_eq!(a.seed, None);
        let mut wins = vec![0u64; m.options.len()];
        for v in &vectors {
            wins[brute_winner(&m, v, &in_play).unwrap()] += 1;
        }
        for (share, win) in a.shares.iter().zip(&wins) {
            prop_assert!((share - *win as f64 / vectors.len() as f64).abs() < 1e-12);
        }
        // The seeded sample (forced here) also sums to 1 and stays close to the exact shares.
        let s = acceptability_with_limit(&m, &weights, &in_play, 0, 20_000);
        prop_assert!(s.seed.is_some());
        let sum: f64 = s.shares.iter().sum();
        prop_assert!((sum - 1.0).abs() < 1e-9);
        for (x, y) in s.shares.iter().zip(&a.shares) {
            prop_assert!((x - y).abs() < 0.05, "{} vs {}", x, y);
        }
    }

    #[test]
    fn weight_intervals_and_nearest_change_match_brute_force(c in case()) {
        let Case { m, weights, ruled_out } = c;
        let in_play: Vec<bool> = ruled_out.iter().map(|r| !r).collect();
        let Some(winner) = brute_winner(&m, &weights, &in_play) else {
            prop_assert!(robustness(&m, &weights, &in_play).is_none());
            return Ok(());
        };
        let r = robustness(&m, &weights, &in_play).unwrap();
        prop_assert_eq!(r.winner, winner);
        let mut nearest: Option<(i64, usize, i64, usize)> = None; // (|Δ|, k, to, new winner)
        for k in 0..m.criteria.len() {
            let at = |x: i64| brute_winner(&m, &with_weight(&weights, k, x), &in_play).unwrap();
            let holds: Vec<i64> = (0..=5).filter(|&x| at(x) == winner).collect();
            let i = weight_interval(&m, &weights, &in_play, winner, k);
            prop_assert_eq!(&i, &r.intervals[k]);
            // The winner's weights form one interval (scores are linear in one weight).
            prop_assert_eq!(holds.clone(), (i.lo..=i.hi).collect::<Vec<_>>());
            // The nearest weight that changes the winner, lower one first on equal distance.
            let want = (0..=5)
                .filter(|&x| at(x) != winner)
                .min_by_key(|&x| ((x - weights[k]).abs(), x))
                .map(|x| (x, at(x)));
            prop_assert_eq!(i.change.as_ref().map(|c| (c.to, c.new_winner)), want);
            if let Some((x, o)) = want {
                let d = (x - weights[k]).abs();
                if nearest.is_none_or(|(nd, ..)| d < nd) {
                    nearest = Some((d, k, x, o));
                }
            }
        }
        prop_assert_eq!(
            r.nearest_weight_change.as_ref().map(|c| ((c.to - c.from).abs(), c.criterion, c.to, c.new_winner)),
            nearest
        );
        // Fragile exactly when acceptability < 60 % or margin <= 1.
        let margin = r.margin;
        prop_assert_eq!(r.fragile, r.acceptability.shares[winner] < 0.6 || margin.is_some_and(|x| x <= 1));
    }

    #[test]
    fn the_smallest_impact_change_matches_brute_force(c in case()) {
        let Case { m, weights, ruled_out } = c;
        let in_play: Vec<bool> = ruled_out.iter().map(|r| !r).collect();
        let Some(winner) = brute_winner(&m, &weights, &in_play) else { return Ok(()); };
        let n = m.options.len();
        let cn = m.criteria.len();
        let mut best: Option<i64> = None;
        for o in (0..n).filter(|&o| in_play[o]) {
            for k in 0..cn {
                for v in -2..=2i64 {
                    let mut impacts: Vec<i64> = (0..n).flat_map(|x| (0..cn).map(move |y| (x, y))).map(|(x, y)| m.impact(x, y)).collect();
                    impacts[o * cn + k] = v;
                    let changed = ImpactMatrix::new(m.options.clone(), m.criteria.clone(), impacts).with_tie_rank(m.tie_rank.clone()).with_priorities_first(m.priorities_first);
                    if brute_winner(&changed, &weights, &in_play) != Some(winner) {
                        let size = (v - m.impact(o, k)).abs();
                        best = Some(best.map_or(size, |b| b.min(size)));
                    }
                }
            }
        }
        let got = impact_change(&m, &weights, &in_play, winner);
        prop_assert_eq!(got.as_ref().map(|c| (c.to - c.from).abs()), best);
        if let Some(c) = got {
            // The reported change does make the reported option win.
            let mut impacts: Vec<i64> = (0..n).flat_map(|x| (0..cn).map(move |y| (x, y))).map(|(x, y)| m.impact(x, y)).collect();
            impacts[c.option * cn + c.criterion] = c.to;
            let changed = ImpactMatrix::new(m.options.clone(), m.criteria.clone(), impacts).with_tie_rank(m.tie_rank.clone()).with_priorities_first(m.priorities_first);
            prop_assert_eq!(brute_winner(&changed, &weights, &in_play), Some(c.new_winner));
            prop_assert_eq!(c.from, m.impact(c.option, c.criterion));
        }
    }
}

/// Every valid selection of a question, as 0-based answer sets, computed from the definition
/// (not from the analyzer's own enumeration).
fn selections(q: &tradeoffs::tree::Question) -> Vec<Vec<usize>> {
    let n = q.answers.len();
    if !q.multi {
        return (0..n).map(|a| vec![a]).collect();
    }
    (1u64..(1 << n))
        .map(|mask| (0..n).filter(|a| mask >> a & 1 == 1).collect::<Vec<_>>())
        .filter(|set: &Vec<usize>| set.len() == 1 || set.iter().all(|&a| !q.answers[a].exclusive))
        .collect()
}

#[derive(Debug, Default, PartialEq)]
struct Brute {
    paths: u64,
    wins: BTreeMap<String, u64>,
    ties: u64,
    /// Ties the tree's preference order decided (equal at every priority level).
    order_ties: u64,
    narrow: u64,
    dead: u64,
    mismatches: u64,
    /// Shortest path length per violating winner of check 0 (if any).
    check_fail: HashMap<String, usize>,
    check_applicable: u64,
}

/// Enumerates every path by replaying each one through `Decision` and `Walk` (explicit stack
/// of partial paths), and evaluates it with `rank`.
fn brute_force(t: &LoadedTree) -> Brute {
    let graph = TradeoffGraph::build(&Catalog::default());
    let _ = graph;
    let m = t.matrix();
    let mut out = Brute::default();
    let mut stack: Vec<Vec<Vec<usize>>> = vec![Vec::new()];
    while let Some(path) = stack.pop() {
        let mut d = Decision::new(t.id());
        for set in &path {
            d.answer_set(t, set).unwrap();
        }
        let walk = Walk::replay(t, &d).unwrap();
        if let Some(q) = walk.question() {
            for s in selections(q) {
                let mut p = path.clone();
                p.push(s);
                stack.push(p);
            }
            continue;
        }
        out.paths += 1;
        let flags = walk.ruled_out_flags();
        let r = rank(&m, &walk.weights, &flags);
        let in_play: Vec<_> = r.iter().filter(|x| !x.ruled_out).collect();
        let Some(top) = in_play.first() else {
            out.dead += 1;
            continue;
        };
        let id = m.options[top.option].clone();
        *out.wins.entry(id.clone()).or_default() += 1;
        if in_play.len() > 1 {
            let margin = top.score - in_play[1].score;
            if margin == 0 {
                out.ties += 1;
                let nudged = nudged_scores(&m, &walk.weights);
                if in_play[1..]
                    .iter()
                    .any(|x| nudged[x.option] == nudged[top.option])
                {
                    out.order_ties += 1;
                }
            }
            if margin <= 1 {
                out.narrow += 1;
            }
        }
        if let Node::Outcome(o) = t.node(walk.current)
            && !o.options.contains(&id)
        {
            out.mismatches += 1;
        }
        if let Some(check) = t.tree.checks.first() {
            let applies = check.when.iter().all(|(qid, labels)| {
                walk.steps.iter().any(|s| {
                    let Node::Question(q) = t.node(s.node) else {
                        return false;
                    };
                    &q.id == qid
                        && s.answers
                            .iter()
                            .any(|&a| labels.contains(&q.answers[a].label))
                })
            });
            if applies {
                out.check_applicable += 1;
                if check.expect.options().contains(&id) {
                    let e = out.check_fail.entry(id).or_insert(usize::MAX);
                    *e = (*e).min(path.len());
                }
            }
        }
    }
    out
}

fn load_generated(tree: tradeoffs::tree::Tree) -> LoadedTree {
    let text = serde_json::to_string(&tree).unwrap();
    let (catalog, problems) = Catalog::build(
        vec![Source {
            label: "generated.json".into(),
            text,
        }],
        0,
    );
    assert!(problems.is_empty(), "{problems:?}");
    catalog.trees()[0].clone()
}

fn brute_of(a: &analyze::Analysis) -> Brute {
    Brute {
        paths: a.evaluated(),
        wins: a
            .winners
            .iter()
            .filter(|(_, s)| s.count > 0)
            .map(|(k, s)| (k.clone(), s.count))
            .collect(),
        ties: a.ties.count,
        order_ties: a.ties.by_preference_order.count,
        narrow: a.narrow.count,
        dead: a.dead_ends.iter().map(|d| d.count).sum(),
        mismatches: a.outcome_mismatches.iter().map(|o| o.count).sum(),
        check_fail: HashMap::new(),
        check_applicable: a.checks.first().map_or(0, |c| c.applicable),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, .. ProptestConfig::default() })]

    #[test]
    fn analyze_counts_equal_a_brute_force_enumeration(
        nodes in 3usize..24, options in 1usize..7, criteria in 1usize..5, multi in 0usize..4,
        pf in proptest::bool::ANY,
    ) {
        let t = load_generated(synthetic::generate(
            Spec::new(nodes, options, criteria).with_multi(multi).with_priorities_first(pf),
        ));
        prop_assert_eq!(t.matrix().priorities_first, pf);
        let a = analyze::analyze(&t);
        prop_assert_eq!(a.sampled.clone(), None);
        let brute = brute_force(&t);
        prop_assert_eq!(a.paths, brute.paths);
        prop_assert_eq!(brute_of(&a), Brute { check_fail: HashMap::new(), ..brute });
        // Sampled mode (forced): every draw is a real path, and the shares are close.
        let s = analyze::analyze_with_limit(&t, 0, 4_000);
        prop_assert_eq!(s.sampled.as_ref().map(|x| x.evaluated), Some(4_000));
        prop_assert_eq!(s.paths, a.paths);
        for (id, w) in &a.winners {
            prop_assert!((s.winners[id].share - w.share).abs() < 0.06, "{}: {} vs {}", id, s.winners[id].share, w.share);
        }
    }

    #[test]
    fn a_planted_check_violation_is_found_with_a_shortest_valid_path(
        nodes in 3usize..24, options in 2usize..7, criteria in 1usize..5, multi in 0usize..4, pick in 0usize..100,
    ) {
        let mut tree = synthetic::generate(Spec::new(nodes, options, criteria).with_multi(multi));
        let plain = load_generated(tree.clone());
        let before = analyze::analyze(&plain);
        let winners: Vec<&String> = before.winners.iter().filter(|(_, s)| s.count > 0).map(|(k, _)| k).collect();
        prop_assume!(!winners.is_empty());
        let victim = winners[pick % winners.len()].clone();
        // Condition on the root's first answer, so the check covers only some paths.
        let Node::Question(root) = &tree.nodes[0] else { unreachable!() };
        let when = vec![(root.id.clone(), vec![root.answers[0].label.clone()])];
        tree.checks = vec![synthetic::never_check("planted", when, vec![victim.clone()])];
        let t = load_generated(tree);
        let a = analyze::analyze(&t);
        let brute = brute_force(&t);
        let c = &a.checks[0];
        prop_assert_eq!(c.applicable, brute.check_applicable);
        match brute.check_fail.get(&victim) {
            None => prop_assert!(c.ok),
            Some(&shortest) => {
                prop_assert!(!c.ok);
                let f = c.failures.iter().find(|f| f.winner == victim).unwrap();
                // The example is a valid `--path` that ends where the victim wins, and no
                // violating path is shorter.
                let steps: Vec<Vec<usize>> = f.example_path.split(',').map(|s| s.split('+').map(|n| n.parse::<usize>().unwrap() - 1).collect()).collect();
                prop_assert_eq!(steps.len(), shortest);
                let mut d = Decision::new(t.id());
                for s in &steps {
                    d.answer_set(&t, s).unwrap();
                }
                let walk = Walk::replay(&t, &d).unwrap();
                prop_assert!(walk.at_outcome());
                let m = t.matrix();
                let r = rank(&m, &walk.weights, &walk.ruled_out_flags());
                prop_assert_eq!(&m.options[r[0].option], &victim);
                prop_assert!(a.violations() >= 1);
            }
        }
    }
}

#[test]
fn analyze_of_the_shipped_trees_reports_every_path_once() {
    let (catalog, problems) = Catalog::shipped();
    assert!(problems.is_empty(), "{problems:?}");
    for t in catalog.trees() {
        let a = analyze::analyze(t);
        let counted: u64 = a.winners.values().map(|w| w.count).sum::<u64>()
            + a.dead_ends.iter().map(|d| d.count).sum::<u64>();
        assert_eq!(counted, a.paths, "{}", t.id());
        assert_eq!(a.sampled, None);
    }
}

// --- session loader robustness (issue 11) -----------------------------------------------------

/// A saved session over the small fixture: a full walk, an override, a choice, a record draft.
fn session_seed() -> String {
    serde_json::json!({
        "format": 2, "id": "seed", "created": 1, "updated": 2, "active": 0,
        "decisions": [{
            "tree": "small",
            "answers": [{"question": "q-first", "answer": "Fast"}, {"question": "q-second", "answer": "One"}],
            "overrides": {"sm.cost": 4},
            "chosen": "sm.b",
            "record": {"title": "T", "status": "accepted", "deciders": ["A"], "context": "c", "exported": "docs/decisions/0001-t.md"}
        }]
    })
    .to_string()
}

fn fixture_catalog() -> Catalog {
    let sources = vec![
        Source {
            label: "small.json".into(),
            text: include_str!("../fixtures/valid/small.json").into(),
        },
        Source {
            label: "other.json".into(),
            text: include_str!("../fixtures/valid/other.json").into(),
        },
    ];
    let (catalog, problems) = Catalog::build(sources, 0);
    assert!(problems.is_empty(), "{problems:?}");
    catalog
}

/// Loads a session text: an error or a session; a session that loads can be walked, ranked
/// and saved again without a panic.
fn load_session(catalog: &Catalog, graph: &TradeoffGraph, text: &str) {
    let Ok(s) = Session::from_json(text, catalog) else {
        return;
    };
    assert!(s.active < s.decisions.len());
    for i in 0..s.decisions.len() {
        let _ = report::build(catalog, graph, &s, i);
    }
    let again =
        Session::from_json(&s.to_json(), catalog).expect("a loaded session saves and loads");
    assert_eq!(again, s);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, .. ProptestConfig::default() })]

    #[test]
    fn mutated_sessions_never_panic_the_loader(
        mutations in proptest::collection::vec(mutation(), 1..6),
        cut in any::<u16>(),
        truncate in any::<bool>(),
    ) {
        let catalog = fixture_catalog();
        let graph = TradeoffGraph::build(&catalog);
        let mut doc: Value = serde_json::from_str(&session_seed()).unwrap();
        load_session(&catalog, &graph, &session_seed());
        for m in &mutations {
            apply(&mut doc, m);
        }
        let mut out = serde_json::to_string(&doc).unwrap();
        if truncate {
            let mut at = usize::from(cut) % (out.len() + 1);
            while !out.is_char_boundary(at) {
                at -= 1;
            }
            out.truncate(at);
        }
        load_session(&catalog, &graph, &out);
    }

    #[test]
    fn random_bytes_never_panic_the_session_loader(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let catalog = fixture_catalog();
        let graph = TradeoffGraph::build(&catalog);
        load_session(&catalog, &graph, &String::from_utf8_lossy(&bytes));
    }
}
