//! The trade-off engine on 500 options × 20 criteria: ranking with explanations (every
//! option's contributions, sorted), and single-weight sensitivity for the leader and runner-up.
//! Issue 3 asks for < 1 ms (ranking) and < 5 ms (sensitivity).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use tradeoffs::tradeoff::{ImpactMatrix, rank, sensitivity};
use tradeoffs::tree::synthetic::impact;

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

criterion_group!(benches, engine);
criterion_main!(benches);
