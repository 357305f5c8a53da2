//! The TUI's revisit screen: what `tradeoffs revisit` found, shown before the replayed decision.
//! Recordings of a data-store decision replayed on the shipped tree, as they were (nothing
//! changed) and doctored the way a changed tree shows (content hash, an answer's consequence,
//! options added and removed, a weight whose criterion is gone, another winner); key tests
//! through `update`, and insta snapshots at 100×30, at 80×24 (the floor) and scrolled.

use crate::util::tui as tui_support;

use tradeoffs::adr::decision_data::{DecisionData, Recorded};
use tradeoffs::engine::Engine;
use tradeoffs::report::AdrRef;
use tradeoffs::revisit::{self, Revisit};
use tradeoffs::session::{Decision, Session};
use tradeoffs::tui::app::{App, Screen};
use tradeoffs::tui::keys::Context;
use tradeoffs::tui::update::{open_revisit, open_session};
use tui_support::*;

fn assert_snap(name: &str, backend: &ratatui::backend::TestBackend) {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| insta::assert_snapshot!(format!("tui_revisit__{name}"), backend));
}

fn snap(name: &str, app: &mut App, (w, h): (u16, u16)) {
    let t = draw(app, w, h);
    assert_snap(&format!("{name}_{w}x{h}"), t.backend());
}

/// ADR 7, accepted, recorded from the data-store walk that keeps PostgreSQL in play; `doctor`
/// edits its decision data before it is replayed.
fn recorded(app: &App, doctor: impl FnOnce(&mut DecisionData)) -> Recorded {
    let tree = app.catalog.get("data-store").unwrap();
    let path = path_to(tree, "store.postgresql").unwrap();
    let mut d = Decision::new("data-store");
    for n in path {
        d.answer(tree, n - 1).unwrap();
    }
    d.choose(tree, "store.postgresql").unwrap();
    let mut s = Session::new("then", NOW);
    s.decisions.push(d);
    let report = Engine::new(&app.catalog)
        .evaluate(&app.catalog, &s, 0)
        .unwrap();
    let mut data = DecisionData::of(&report);
    doctor(&mut data);
    Recorded {
        path: "docs/decisions/0007-use-postgresql-for-orders.md".into(),
        adr: AdrRef {
            number: Some(7),
            title: "Use PostgreSQL for orders".into(),
            file: "0007-use-postgresql-for-orders.md".into(),
        },
        status: Some("accepted".into()),
        data,
    }
}

/// What `tradeoffs revisit 7` does: rebuild, then open the TUI on the session and the report.
fn revisit(doctor: impl FnOnce(&mut DecisionData)) -> (App, Revisit) {
    let mut a = app();
    let rec = recorded(&a, doctor);
    let engine = Engine::new(&a.catalog);
    let rv = revisit::rebuild(&a.catalog, &engine, rec, "7", "revisit", NOW).unwrap();
    open_session(&mut a, rv.session.clone());
    open_revisit(&mut a, &rv.recorded, &rv.changes);
    (a, rv)
}

/// The tree changed since ADR 7: another content hash, the second answer's consequence,
/// MySQL is new, "store.couchdb" is gone, a hand-set weight's criterion is gone, and the ADR
/// had decided for MySQL.
fn changed(d: &mut DecisionData) {
    d.tree_hash = "0123456789abcdef".into();
    d.prints[1].consequence = "an older consequence".into();
    d.options.retain(|o| o != "store.mysql");
    d.options.push("store.couchdb".into());
    d.weights.insert("store.licence".into(), 4);
    d.chosen = Some("store.mysql".into());
    d.top = Some("store.mysql".into());
}

fn unchanged(_: &mut DecisionData) {}

/// The whole report on one tall screen, for `contains` assertions.
fn whole(app: &mut App) -> String {
    let (w, h) = app.size;
    let text = render(app, 100, 80);
    app.size = (w, h);
    text
}

#[test]
fn nothing_changed_says_so_and_enter_goes_on_to_the_outcome_with_the_replayed_answers() {
    let (mut a, rv) = revisit(unchanged);
    assert!(rv.changes.is_unchanged());
    assert_eq!(a.screen, Screen::Revisit);
    assert_eq!(a.context(), Context::Revisit);
    let text = render(&mut a, 100, 30);
    assert!(
        text.contains(
            "✓ Nothing changed since ADR 7: the same tree, answers, options and decision."
        ),
        "{text}"
    );
    assert!(!text.contains("Lines marked"), "{text}");
    assert!(
        text.contains(
            "Enter or Esc goes on to the outcome; an ADR exported from this decision supersedes ADR 7."
        ),
        "{text}"
    );
    assert!(
        text.contains("Revisiting ADR 7: what changed (line 1/"),
        "{text}"
    );
    keys(&mut a, "<ret>");
    assert_eq!(a.screen, Screen::Outcome);
    let (_, d) = a.active().unwrap();
    assert_eq!(d.answers, rv.recorded.data.answers);
    assert_eq!(
        a.report.as_ref().unwrap().chosen.as_deref(),
        Some("store.postgresql")
    );
    // The notice keeps the report's gist on the outcome: exporting supersedes the ADR.
    assert_eq!(
        a.notice.as_deref(),
        Some(
            "Revisiting ADR 7 \"Use PostgreSQL for orders\" (0007-use-postgresql-for-orders.md); the tree is unchanged; exporting supersedes it"
        )
    );
}

#[test]
fn changed_lines_are_marked_and_counted() {
    let (mut a, rv) = revisit(changed);
    let ch = &rv.changes;
    assert!(ch.tree_changed);
    assert_eq!(ch.options_added, ["store.mysql"]);
    assert_eq!(ch.options_removed, ["store.couchdb"]);
    assert_eq!(ch.weights_dropped, ["store.licence"]);
    let text = whole(&mut a);
    // Tree, answer, added, removed, weight, winner, reason.
    assert!(text.contains("! 7 changes since ADR 7."), "{text}");
    assert!(text.contains("Lines marked ! differ from ADR 7."), "{text}");
    assert!(
        text.contains("! Changed since: content hash 0123456789abcdef then,"),
        "{text}"
    );
    assert!(text.contains("! Added: MySQL"), "{text}");
    assert!(text.contains("! Removed: store.couchdb"), "{text}");
    assert!(text.contains("  Then: MySQL"), "{text}");
    assert!(text.contains("! Now: PostgreSQL"), "{text}");
    assert!(text.contains("! Why: "), "{text}");
    // Esc goes on too.
    keys(&mut a, "<esc>");
    assert_eq!(a.screen, Screen::Outcome);
    assert!(
        a.notice.as_deref().unwrap().contains("the tree changed"),
        "{:?}",
        a.notice
    );
}

#[test]
fn a_walk_that_stops_goes_on_to_its_question() {
    let (mut a, rv) = revisit(|d| {
        let q = d.answers[1].question.clone();
        d.answers[1] = tradeoffs::session::Step::single(q, "An answer the tree no longer has");
    });
    assert!(rv.changes.pending.is_some());
    assert_eq!(a.revisit_return, Screen::Question);
    let text = whole(&mut a);
    assert!(
        text.contains("Enter or Esc goes on to the question where the walk now stops;"),
        "{text}"
    );
    assert!(text.contains("! Now: open, the walk stops at"), "{text}");
    keys(&mut a, "<ret>");
    assert_eq!(a.screen, Screen::Question);
    assert_eq!(a.active().unwrap().1.answers.len(), 1);
}

#[test]
fn the_report_scrolls_within_its_text_and_help_names_its_keys() {
    let (mut a, _) = revisit(changed);
    let text = render(&mut a, 80, 24);
    assert!(
        text.contains("▼ more") && !text.contains("▲ more"),
        "{text}"
    );
    keys(&mut a, "G");
    let text = render(&mut a, 80, 24);
    assert!(
        text.contains("▲ more") && !text.contains("▼ more"),
        "{text}"
    );
    let end = a.revisit_scroll;
    assert!(end > 0, "the changed report is longer than 80×24 shows");
    // At the end, one step up moves at once (the offset never runs past the text).
    keys(&mut a, "k");
    assert_eq!(a.revisit_scroll, end - 1);
    keys(&mut a, "g");
    assert_eq!(a.revisit_scroll, 0);
    keys(&mut a, "?");
    let text = render(&mut a, 80, 24);
    assert!(text.contains("Keys: Revisit (? or Esc closes)"), "{text}");
    assert!(
        text.contains("Go on to the replayed decision: its outcome, or the question"),
        "{text}"
    );
    keys(&mut a, "?");
    assert!(!a.help);
    assert_eq!(a.screen, Screen::Revisit);
}

#[test]
fn without_a_decision_to_compare_the_summary_goes_to_the_notice() {
    let mut a = app();
    let rec = recorded(&a, unchanged);
    let engine = Engine::new(&a.catalog);
    let rv = revisit::rebuild(&a.catalog, &engine, rec, "7", "revisit", NOW).unwrap();
    // No session opened: nothing evaluated, so no report to lay out.
    open_revisit(&mut a, &rv.recorded, &rv.changes);
    assert_eq!(a.screen, Screen::Home);
    assert!(a.revisit.is_none());
    assert_eq!(
        a.notice.as_deref(),
        Some(
            "Revisiting ADR 7 \"Use PostgreSQL for orders\" (0007-use-postgresql-for-orders.md); the tree is unchanged; exporting supersedes it"
        )
    );
}

#[test]
fn snapshots() {
    let (mut a, _) = revisit(changed);
    snap("changed", &mut a, (100, 30));
    snap("changed", &mut a, (80, 24));
    keys(&mut a, "G");
    snap("changed_end", &mut a, (80, 24));
    let (mut a, _) = revisit(unchanged);
    snap("unchanged", &mut a, (100, 30));
}
