//! Snapshot tests of every TUI screen at 80×24 (the floor) and 120×40, drawn into ratatui's
//! `TestBackend`. Review changes with `cargo insta review`.

use crate::util::tui as tui_support;

use tradeoffs::adr::{Dialect, RecordMeta, render_standalone};
use tradeoffs::store::Summary;
use tradeoffs::tui::app::{App, PreviewText};
use tradeoffs::tui::update::{Msg, update};
use tui_support::*;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

/// Snapshots keep the names and the directory they had when this was its own test binary
/// (`tests/snapshots/tui_snapshots__NAME.snap`), so moving into `tests/it/` changed no file.
fn assert_snap(name: &str, backend: &ratatui::backend::TestBackend) {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| insta::assert_snapshot!(format!("tui_snapshots__{name}"), backend));
}

fn snap(name: &str, app: &mut App) {
    for (w, h) in SIZES {
        let t = draw(app, w, h);
        assert_snap(&format!("{name}_{w}x{h}"), t.backend());
    }
}

/// The database tree: second answer first (an existing PostgreSQL/MySQL schema), then the
/// first answer of every question, which ends at a shortlist of PostgreSQL and MySQL.
fn at_database_outcome() -> App {
    let mut a = app();
    let tree = a.catalog.get("data-store").unwrap().clone();
    let path = path_to(&tree, "store.mysql").expect("a path keeps MySQL in play");
    keys(&mut a, &format!("j<ret>{}", answer_keys(&path)));
    assert!(a.report.as_ref().unwrap().outcome.is_some());
    a
}

#[test]
fn home() {
    snap("home", &mut app());
}

#[test]
fn home_with_saved_sessions() {
    let mut a = app();
    a.saved = vec![
        Summary {
            id: "20231114-221320".into(),
            trees: vec![
                "Architecture style".into(),
                "System-of-record data store".into(),
            ],
            answered: 14,
            decided: 2,
            decisions: 2,
            updated: NOW,
            problem: None,
            repo: Some("/home/ada/orders-service".into()),
            areas: vec!["System Architecture".into(), "Database Design".into()],
        },
        Summary {
            id: "20231101-090000".into(),
            trees: vec![],
            answered: 0,
            decided: 0,
            decisions: 0,
            updated: NOW - 86_400 * 13,
            problem: Some("tree \"database\" changed: question \"q-old\" no longer exists".into()),
            repo: None,
            areas: vec![],
        },
    ];
    keys(&mut a, "<tab>");
    snap("home_sessions", &mut a);
}

#[test]
fn question() {
    let mut a = app();
    keys(&mut a, "j<ret>j<ret>");
    snap("question", &mut a);
}

#[test]
fn question_with_ranking_focused() {
    let mut a = app();
    keys(&mut a, "j<ret>j<ret><tab>j");
    snap("question_ranking_focus", &mut a);
}

#[test]
fn priorities() {
    let mut a = app();
    keys(&mut a, "j<ret>j<ret>pjj<right><right>");
    snap("priorities", &mut a);
}

#[test]
fn outcome() {
    snap("outcome", &mut at_database_outcome());
}

#[test]
fn outcome_with_conflict_between_decisions() {
    let mut a = app();
    // A session that decided for functions as the compute platform and for service-mesh
    // mTLS between services: the two conflict (no sidecar runs on a function platform).
    let mut session = tradeoffs::session::Session::new("20231114-221320", NOW);
    for (tree, option) in [
        ("compute-platform", "compute.functions"),
        ("security-api", "api.mesh-mtls"),
    ] {
        let t = a.catalog.get(tree).unwrap().clone();
        let path = path_to(&t, option).unwrap_or_else(|| panic!("{option} reachable"));
        let mut d = tradeoffs::session::Decision::new(tree);
        for n in path {
            d.answer(&t, n - 1).unwrap();
        }
        d.choose(&t, option).unwrap();
        session.decisions.push(d);
    }
    session.active = 1;
    tradeoffs::tui::update::open_session(&mut a, session);
    let r = a.report.as_ref().unwrap();
    assert_eq!(r.tree, "security-api");
    assert!(
        r.conflicts.iter().any(|c| c.to == "compute.functions"),
        "mesh mTLS and functions conflict: {:?}",
        r.conflicts
    );
    snap("outcome_conflict", &mut a);
}

#[test]
fn record_form() {
    let mut a = at_database_outcome();
    keys(
        &mut a,
        "<ret><tab><right><tab><tab><tab><tab>Orders need joins.<ret>Second line.",
    );
    snap("record", &mut a);
}

#[test]
fn preview() {
    let mut a = at_database_outcome();
    keys(&mut a, "<ret><c-s>");
    let (_, d) = a.active().unwrap();
    let mut meta =
        RecordMeta::for_decision_in(a.report.as_ref().unwrap(), &d.record, None).unwrap();
    meta.date = "2024-01-31".into();
    let text = render_standalone(a.report.as_ref().unwrap(), &meta, Dialect::Madr);
    update(
        &mut a,
        Msg::Previewed(Ok(PreviewText {
            text,
            dir: "docs/decisions (MADR)".into(),
            warnings: vec![],
            style: None,
            packages: vec![],
        })),
    );
    keys(&mut a, "jjj");
    snap("preview", &mut a);
}

#[test]
fn preview_asks_for_the_adr_folder_and_names_the_house_style() {
    let mut a = at_database_outcome();
    keys(&mut a, "<ret><c-s>");
    let folders = |names: &[(&str, &str)]| {
        names
            .iter()
            .map(|(n, d)| ((*n).to_string(), (*d).to_string()))
            .collect()
    };
    update(
        &mut a,
        Msg::Previewed(Ok(PreviewText {
            text: String::new(),
            dir: String::new(),
            warnings: vec![],
            style: None,
            packages: folders(&[
                ("global", "docs/adr"),
                ("backend", "packages/backend/adr"),
                ("frontend", "packages/frontend/adr"),
            ]),
        })),
    );
    keys(&mut a, "j");
    snap("preview_folder_picker", &mut a);
    update(
        &mut a,
        Msg::Previewed(Ok(PreviewText {
            text: "# Use PostgreSQL\n\n* Status: proposed\n".into(),
            dir: "packages/backend/adr (log4brains)".into(),
            warnings: vec![],
            style: Some(
                "house style from packages/backend/adr/20240215-use-kotlin.md; markdownlint rules from .markdownlint.yaml".into(),
            ),
            packages: vec![],
        })),
    );
    snap("preview_style_line", &mut a);
}

#[test]
fn exported_and_export_failed() {
    let mut a = at_database_outcome();
    keys(&mut a, "<ret><c-s>");
    update(
        &mut a,
        Msg::Exported(Ok(tradeoffs::adr::Exported {
            written: vec!["docs/decisions/0002-use-postgresql.md".into()],
            changed: vec!["docs/decisions/0001-use-a-modular-monolith.md".into()],
        })),
    );
    snap("exported", &mut a);
    let mut a = at_database_outcome();
    keys(&mut a, "<ret><c-s>");
    update(
        &mut a,
        Msg::Exported(Err(
            "cannot create docs/decisions/0001-x.md: Permission denied (os error 13)".into(),
        )),
    );
    snap("export_failed", &mut a);
}

#[test]
fn help_overlay_lists_the_screens_keys() {
    let mut a = app();
    keys(&mut a, "j<ret>?");
    snap("help_question", &mut a);
}

#[test]
fn quit_asks_when_a_decision_is_not_exported() {
    let mut a = at_database_outcome();
    keys(&mut a, "q");
    assert!(a.confirm_quit && !a.quit);
    snap("confirm_quit", &mut a);
}

#[test]
fn too_small_terminal_shows_a_message() {
    let mut a = app();
    let t = draw(&mut a, 60, 20);
    assert_snap("too_small_60x20", t.backend());
}

#[test]
fn control_characters_from_trees_never_reach_the_screen() {
    let mut sources = tradeoffs::tree::Source::shipped();
    let mut tree: tradeoffs::tree::Tree = serde_json::from_str(&sources[0].text).unwrap();
    tree.title = "Evil\u{1b}[2J\u{7}title".into();
    sources[0].text = serde_json::to_string(&tree).unwrap();
    let n = sources.len();
    let (cat, problems) = tradeoffs::tree::Catalog::build(sources, n);
    assert!(problems.is_empty(), "{problems:?}");
    let mut a = App::new(cat, Vec::new(), None, NOW);
    let t = draw(&mut a, 80, 24);
    let shown = format!("{}", t.backend());
    assert!(shown.contains("Evil [2J title"), "{shown}");
    assert!(!shown.contains('\u{1b}') && !shown.contains('\u{7}'));
}
