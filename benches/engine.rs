//! The trade-off engine on 500 options × 20 criteria: ranking with explanations (every
//! option's contributions, sorted), and single-weight sensitivity for the leader and runner-up.
//! Issue 3 asks for < 1 ms (ranking) and < 5 ms (sensitivity). Issue 9: acceptability and the
//! whole robustness analysis for 12 criteria × 10 options (3^12 = 531,441 weight vectors,
//! exact) under 10 ms; `trees analyze` of the shipped architecture tree (374,410 paths) under 2 s.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use tradeoffs::tradeoff::robustness::{
    EXACT_VECTORS, SAMPLE_VECTORS, acceptability, acceptability_with_limit, robustness,
};
use tradeoffs::tradeoff::{ImpactMatrix, rank, sensitivity};
use tradeoffs::tree::synthetic::impact;
use tradeoffs::tree::{Catalog, analyze};

const OPTIONS: usize = 500;
const CRITERIA: usize = 20;

fn matrix() -> (ImpactMatrix, Vec<i64>, Vec<bool>) {
    let m = ImpactMatrix::new(
        (0..OPTIONS).map(|j| format!("syn.o{j}")).collect(),
        (0..CRITERIA).map(|k| format!("syn.c{k}")).collect(),
        (0..OPTIONS)
            .flat_map(|j| (0..CRITERIA).map(move |k| impact(j, k)))
            .collect(),
    );
    let weights = (0..CRITERIA).map(|k| (k % 6) as i64).collect();
    let ruled_out = (0..OPTIONS).map(|j| j % 17 == 0).collect();
    (m, weights, ruled_out)
}

fn engine(c: &mut Criterion) {
    let (m, w, out) = matrix();
    c.bench_function("rank 500x20 with explanations", |b| {
        b.iter(|| black_box(rank(black_box(&m), black_box(&w), black_box(&out))))
    });
    let ranking = rank(&m, &w, &out);
    c.bench_function("sensitivity 500x20", |b| {
        b.iter(|| {
            black_box(sensitivity(
                black_box(&m),
                black_box(&w),
                black_box(&ranking),
            ))
        })
    });
    c.bench_function("rank + sensitivity 500x20", |b| {
        b.iter(|| {
            let r = rank(&m, &w, &out);
            black_box(sensitivity(&m, &w, &r))
        })
    });
}

/// 12 criteria × 10 options with mid-range weights, so every criterion has three values.
fn robustness_case() -> (ImpactMatrix, Vec<i64>, Vec<bool>) {
    let (o, c) = (10, 12);
    let m = ImpactMatrix::new(
        (0..o).map(|j| format!("syn.o{j}")).collect(),
        (0..c).map(|k| format!("syn.c{k}")).collect(),
        (0..o)
            .flat_map(|j| (0..c).map(move |k| impact(j, k)))
            .collect(),
    );
    let weights = (0..c).map(|k| 1 + (k % 4) as i64).collect();
    (m, weights, vec![true; o])
}

fn issue9(c: &mut Criterion) {
    let (m, w, in_play) = robustness_case();
    // `acceptability_with_limit` bypasses the one-entry memo that `acceptability` keeps, so this
    // measures the computation, not a cache hit.
    c.bench_function("acceptability 12 criteria x 10 options (3^12 exact)", |b| {
        b.iter(|| {
            black_box(acceptability_with_limit(
                black_box(&m),
                black_box(&w),
                black_box(&in_play),
                EXACT_VECTORS,
                SAMPLE_VECTORS,
            ))
        })
    });
    c.bench_function("acceptability, repeated inputs (memo hit)", |b| {
        b.iter(|| {
            black_box(acceptability(
                black_box(&m),
                black_box(&w),
                black_box(&in_play),
            ))
        })
    });
    // Alternating weights defeat the memo: the full robustness analysis each time.
    let mut w2 = w.clone();
    w2[0] += 1;
    let mut flip = false;
    c.bench_function("robustness 12 criteria x 10 options", |b| {
        b.iter(|| {
            flip = !flip;
            let w = if flip { &w } else { &w2 };
            black_box(robustness(black_box(&m), black_box(w), black_box(&in_play)))
        })
    });
    let (catalog, _) = Catalog::shipped();
    // The decision object at an outcome (ranking, sensitivity, robustness): what the TUI
    // recomputes on a change. The data-store tree has the most criteria (17) and options (17)
    // of the shipped trees.
    if let Some(t) = catalog.get("data-store") {
        let graph = tradeoffs::tradeoff::TradeoffGraph::build(&catalog);
        let mut d = tradeoffs::session::Decision::new("data-store");
        while tradeoffs::session::Walk::replay(t, &d)
            .unwrap()
            .question()
            .is_some()
        {
            d.answer(t, 0).unwrap();
        }
        let mut s = tradeoffs::session::Session::new("bench", 0);
        s.decisions.push(d);
        c.bench_function("report::build at a data-store outcome", |b| {
            b.iter(|| black_box(tradeoffs::report::build(&catalog, &graph, black_box(&s), 0)))
        });
    }
    if let Some(t) = catalog.get("architecture") {
        let mut g = c.benchmark_group("analyze");
        g.sample_size(10);
        g.bench_function("trees analyze architecture", |b| {
            b.iter(|| black_box(analyze::analyze(black_box(t))))
        });
        g.finish();
    }
}

/// Issue 14: the design-review pack of a session with every shipped tree decided (the first
/// answer to every question), built from the decision objects and rendered as HTML. The whole
/// process is timed with hyperfine (README, `examples/review_session.rs`).
fn review_pack(c: &mut Criterion) {
    use tradeoffs::engine::Engine;
    use tradeoffs::session::{Decision, Session, Walk};
    let (catalog, _) = Catalog::shipped();
    let engine = Engine::new(&catalog);
    let mut session = Session::new("bench", 0);
    for t in catalog.trees() {
        let mut d = Decision::new(t.id());
        while Walk::replay(t, &d).unwrap().question().is_some() {
            d.answer(t, 0).unwrap();
        }
        session.decisions.push(d);
    }
    c.bench_function(
        "review pack, every shipped tree, built and rendered as HTML",
        |b| {
            b.iter(|| {
                let pack =
                    tradeoffs::review::build(&catalog, &engine, black_box(&session)).unwrap();
                black_box(tradeoffs::review::to_html(&pack, None))
            })
        },
    );
}

criterion_group!(benches, engine, issue9, review_pack);
criterion_main!(benches);
