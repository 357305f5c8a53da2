//! Reading a decision log of 1,000 ADRs (adr-tools layout, every tenth superseded): the parse
//! alone, the directory read (files from the page cache), the table, the index plan and lint.
//! Issue 13 asks `tradeoffs log` and `log index` on 1,000 ADRs to take at most half the time
//! of `adrs list` / `adrs generate toc` (whole-process timing: tools/gen-adr-log.sh and
//! hyperfine, see the README's Decision log section).

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use tradeoffs::log::{self, DecisionLog};

fn adr(i: u32, n: u32) -> String {
    let status = if i.is_multiple_of(10) && i < n {
        format!(
            "Superceded by [{}. Decision {}](0{:03}-decision-{}.md)",
            i + 1,
            i + 1,
            i + 1,
            i + 1
        )
    } else {
        "Accepted".to_string()
    };
    format!(
        "# {i}. Decision {i}\n\nDate: 2026-01-01\n\n## Status\n\n{status}\n\n## Context\n\nService {i} needs a decision; see [the design](0001-decision-1.md).\n\n## Decision\n\nOption {}.\n\n## Consequences\n\nOne more tool to run.\n",
        i % 4
    )
}

fn write_log(dir: &Path, n: u32) {
    for i in 1..=n {
        std::fs::write(dir.join(format!("{i:04}-decision-{i}.md")), adr(i, n)).unwrap();
    }
}

fn reading(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    write_log(dir.path(), 1000);
    let texts: Vec<(std::path::PathBuf, String)> = (1..=1000)
        .map(|i| {
            let p = dir.path().join(format!("{i:04}-decision-{i}.md"));
            let t = std::fs::read_to_string(&p).unwrap();
            (p, t)
        })
        .collect();
    let mut g = c.benchmark_group("decision log, 1,000 ADRs");
    g.sample_size(30);
    g.bench_function("parse (text in memory)", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|(p, t)| log::parse_entry(p, t))
                .collect::<Vec<_>>()
        })
    });
    g.bench_function("read_log (directory)", |b| {
        b.iter(|| black_box(log::read_log(dir.path()).unwrap()))
    });
    let l: DecisionLog = log::read_log(dir.path()).unwrap();
    let all = log::list::select(&l, None);
    g.bench_function("table", |b| {
        b.iter(|| black_box(log::list::render_table(&l, &all)))
    });
    g.bench_function("index plan", |b| {
        b.iter(|| black_box(log::index::plan_index(&l)))
    });
    g.bench_function("lint (no branches)", |b| {
        b.iter(|| black_box(log::lint::lint(&l, None, &[], &[])))
    });
    g.finish();
}

criterion_group!(benches, reading);
criterion_main!(benches);
