//! Loading and validating trees: the shipped trees (parse + validate, as every run does), and
//! generated trees of 1,000, 5,000 and 10,000 nodes with 500 options and 20 criteria, to show
//! how the cost grows. Issue 2 asks for < 5 ms (shipped) and < 100 ms (10,000 nodes).

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use tradeoffs::tree::synthetic::{Spec, json};
use tradeoffs::tree::{Catalog, Source};

fn shipped(c: &mut Criterion) {
    c.bench_function("load+validate shipped trees", |b| {
        b.iter(|| {
            let (catalog, problems) = Catalog::shipped();
            assert!(problems.is_empty());
            black_box(catalog)
        })
    });
}

fn generated(c: &mut Criterion) {
    let mut group = c.benchmark_group("load+validate generated tree (500 options, 20 criteria)");
    group.sample_size(20);
    for nodes in [1_000, 5_000, 10_000] {
        let text = json(Spec::new(nodes, 500, 20));
        group.bench_with_input(BenchmarkId::from_parameter(nodes), &text, |b, text| {
            b.iter(|| {
                let source = Source {
                    label: "synthetic.json".into(),
                    text: text.clone(),
                };
                let (catalog, problems) = Catalog::build(vec![source], 0);
                assert!(problems.is_empty());
                black_box(catalog)
            })
        });
    }
    group.finish();
}

criterion_group!(benches, shipped, generated);
criterion_main!(benches);
