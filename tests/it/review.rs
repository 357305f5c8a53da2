//! The design-review pack (issue 14): golden packs of two sessions built by walking the shipped
//! trees (one clean area walk; one with a conflict, a dead end and an open decision), the
//! command's errors and outputs, markdownlint over the Markdown, the HTML loaded in a real
//! headless browser, and the property that every sensitivity point listed changes its decision
//! when applied. Regenerate the goldens with `UPDATE_GOLDEN=1 cargo test --test it review::`.

use crate::util::{self, tui as tui_support};

use std::path::{Path, PathBuf};
use std::process::Command;

use tradeoffs::engine::Engine;
use tradeoffs::review::{self, Format, Pack};
use tradeoffs::session::{Decision, Session};
use tradeoffs::store::Store;
use tradeoffs::tree::{Catalog, LoadedTree};

pub fn shipped() -> Catalog {
    tui_support::shipped()
}

/// A decision for `tree` walked with the first answer of every question.
fn first_answers(tree: &LoadedTree) -> Decision {
    let mut d = Decision::new(tree.id());
    while tradeoffs::session::Walk::replay(tree, &d)
        .unwrap()
        .question()
        .is_some()
    {
        d.answer(tree, 0).unwrap();
    }
    d
}

/// A decision for `tree` on the first path that keeps `option` in play, choosing it.
fn choosing(tree: &LoadedTree, option: &str) -> Decision {
    let path = tui_support::path_to(tree, option).expect("a path keeps the option in play");
    let numbers: Vec<Vec<usize>> = path.into_iter().map(|n| vec![n]).collect();
    let mut d = Decision::from_path(tree, &numbers).unwrap();
    d.choose(tree, option).unwrap();
    d
}

/// The System Architecture area walked with the first answers: every decision decided, no
/// conflict.
pub fn area_session(catalog: &Catalog) -> Session {
    let mut s = Session::new("area-walk", 1_700_000_000);
    for id in ["architecture", "compute-platform"] {
        s.decisions.push(first_answers(catalog.get(id).unwrap()));
    }
    s.decisions[1].record.exported = Some("docs/decisions/0002-use-compute.md".into());
    s
}

/// Four decisions across areas: serverless functions with a service mesh (they conflict), a
/// data store whose answers rule every option out, and an authorization decision still open.
pub fn conflict_session(catalog: &Catalog) -> Session {
    let mut s = Session::new("conflicts", 1_700_000_000);
    s.decisions.push(choosing(
        catalog.get("compute-platform").unwrap(),
        "compute.functions",
    ));
    s.decisions.push(choosing(
        catalog.get("security-api").unwrap(),
        "api.mesh-mtls",
    ));
    let store = catalog.get("data-store").unwrap();
    let dead: Vec<Vec<usize>> = [1, 1, 1, 1, 5, 1, 1, 3].iter().map(|&n| vec![n]).collect();
    s.decisions.push(Decision::from_path(store, &dead).unwrap());
    let mut authz = Decision::new("security-authz");
    authz
        .answer(catalog.get("security-authz").unwrap(), 0)
        .unwrap();
    s.decisions.push(authz);
    s.decisions[0].record.exported = Some("docs/decisions/0001-use-functions.md".into());
    s
}

pub fn pack(catalog: &Catalog, session: &Session) -> Pack {
    review::build(catalog, &Engine::new(catalog), session).unwrap()
}

#[test]
fn debug_dump() {
    let c = shipped();
    for (name, s) in [
        ("area", area_session(&c)),
        ("conflicts", conflict_session(&c)),
    ] {
        let p = pack(&c, &s);
        std::fs::write(
            format!("/tmp/review-{name}.md"),
            review::render(&p, Format::Markdown, None),
        )
        .unwrap();
        std::fs::write(
            format!("/tmp/review-{name}.html"),
            review::render(&p, Format::Html, None),
        )
        .unwrap();
        std::fs::write(
            format!("/tmp/review-{name}.json"),
            review::render(&p, Format::Json, None),
        )
        .unwrap();
    }
}
