//! Keystroke → next complete frame: `update` on the key, then `view` into a reused 80×24
//! `TestBackend` (what the real loop does, minus writing bytes to the terminal).
//!
//! On the shipped data-store tree and on the 10,000-node generated tree (`tree::synthetic`).
//! Each iteration is two keystrokes and two frames.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use tradeoffs::tree::{Catalog, Source, synthetic};
use tradeoffs::tui::app::App;
use tradeoffs::tui::update::{Msg, update};
use tradeoffs::tui::view::view;

fn key(app: &mut App, code: KeyCode) {
    update(app, Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

fn frame(app: &App, t: &mut Terminal<TestBackend>) {
    t.draw(|f| view(black_box(app), f)).unwrap();
}

/// Benches on an app opened on `tree` after `depth` first answers.
/// `area_index`: the home screen's entry to start (its first decision is walked).
fn bench_tree(c: &mut Criterion, label: &str, catalog: Catalog, area_index: usize, depth: usize) {
    let mut app = App::new(catalog, Vec::new(), Some("Bench".into()), 1_700_000_000);
    let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
    for _ in 0..area_index {
        key(&mut app, KeyCode::Down);
    }
    key(&mut app, KeyCode::Enter);
    for _ in 0..depth {
        key(&mut app, KeyCode::Enter);
    }
    assert!(
        app.current_question().is_some(),
        "{label}: still at a question"
    );
    c.bench_function(&format!("{label}: move (j) + frame"), |b| {
        b.iter(|| {
            key(&mut app, KeyCode::Char('j'));
            frame(&app, &mut t);
            key(&mut app, KeyCode::Char('k'));
            frame(&app, &mut t);
        })
    });
    c.bench_function(&format!("{label}: answer + frame, back + frame"), |b| {
        b.iter(|| {
            key(&mut app, KeyCode::Enter);
            frame(&app, &mut t);
            key(&mut app, KeyCode::Esc);
            frame(&app, &mut t);
        })
    });
    key(&mut app, KeyCode::Char('p'));
    c.bench_function(&format!("{label}: weight +/- + frame (re-rank)"), |b| {
        b.iter(|| {
            key(&mut app, KeyCode::Left);
            frame(&app, &mut t);
            key(&mut app, KeyCode::Right);
            frame(&app, &mut t);
        })
    });
}

fn shipped(c: &mut Criterion) {
    let (catalog, problems) = Catalog::shipped();
    assert!(problems.is_empty(), "{problems:?}");
    // Home lists areas; data-store is the first decision of its area.
    let store = catalog
        .areas()
        .iter()
        .position(|a| a.trees[0].id() == "data-store")
        .unwrap();
    bench_tree(c, "data-store (shipped)", catalog, store, 2);
}

/// The 10,000-node generated tree (500 options, 20 criteria) of `tree::synthetic`.
fn generated(c: &mut Criterion) {
    let source = Source {
        label: "synthetic-10000.json".into(),
        text: synthetic::json(synthetic::Spec::new(10_000, 500, 20)),
    };
    let (catalog, problems) = Catalog::build(vec![source], 0);
    assert!(problems.is_empty(), "{problems:?}");
    bench_tree(c, "generated 10000 nodes", catalog, 0, 6);
}

criterion_group!(benches, shipped, generated);
criterion_main!(benches);
