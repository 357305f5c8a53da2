//! Start-up parses only the trees a command needs (`Catalog::load_for`, issue 13): the shipped
//! tree asked for and the shipped trees its relations point into. Every guarantee of the full
//! load holds: the same trees and problems for what is loaded, a user tree replacing a
//! shipped one, the clash rules and shared-fact agreement with user trees (any user tree loads
//! everything), and the same error for an unknown id.

use std::collections::BTreeSet;

use tempfile::TempDir;
use tradeoffs::engine::Engine;
use tradeoffs::session::{Decision, Session};
use tradeoffs::tree::{Catalog, LoadOptions, SHIPPED, SHIPPED_INDEX, Source, parse};

use crate::util;

fn no_user_trees() -> LoadOptions {
    LoadOptions {
        user_dir: Some(TempDir::new().unwrap().path().join("absent")),
        extra: Vec::new(),
    }
}

#[test]
fn the_build_time_index_names_every_shipped_tree_with_its_id_and_namespace() {
    let names: Vec<&str> = SHIPPED.iter().map(|(n, _)| *n).collect();
    let indexed: Vec<&str> = SHIPPED_INDEX.iter().map(|(n, _, _)| *n).collect();
    assert_eq!(indexed, names);
    for (s, (name, id, namespace)) in Source::shipped().iter().zip(SHIPPED_INDEX) {
        let t = parse(s).unwrap();
        assert_eq!(
            (t.id.as_str(), t.namespace.as_str()),
            (*id, *namespace),
            "{name}"
        );
    }
}

#[test]
fn each_shipped_tree_loads_alone_with_the_trees_its_relations_need() {
    let (full, problems) = Catalog::shipped();
    assert!(problems.is_empty());
    for t in full.trees() {
        let (lazy, problems) = Catalog::load_for(&no_user_trees(), &[t.id()]).unwrap();
        assert!(problems.is_empty(), "{}: {problems:?}", t.id());
        let mine = lazy.get(t.id()).expect("the tree asked for is loaded");
        assert_eq!(mine.tree, t.tree);
        assert_eq!(mine.origin, t.origin);
        assert!(mine.shipped);
        // Every relation target resolves, so names and conflicts read as in a full load.
        assert!(
            lazy.dangling().is_empty(),
            "{}: {:?}",
            t.id(),
            lazy.dangling()
        );
        for rel in mine.tree.options.iter().flat_map(|o| &o.relations) {
            let owner = lazy.tree_of_option(&rel.target).expect("target loaded");
            assert_eq!(
                owner.tree,
                full.tree_of_option(&rel.target).unwrap().tree,
                "{}",
                rel.target
            );
        }
        // Only what is needed: the tree and the closure of its relations' trees.
        let mut want: BTreeSet<&str> = BTreeSet::from([t.id()]);
        let mut grew = true;
        while grew {
            grew = false;
            for id in want.clone() {
                for rel in full
                    .get(id)
                    .unwrap()
                    .tree
                    .options
                    .iter()
                    .flat_map(|o| &o.relations)
                {
                    grew |= want.insert(full.tree_of_option(&rel.target).unwrap().id());
                }
            }
        }
        let got: BTreeSet<&str> = lazy.ids().into_iter().collect();
        assert_eq!(got, want);
    }
    // data-caching relates to data-store, so both load, and nothing else.
    let (lazy, _) = Catalog::load_for(&no_user_trees(), &["data-caching"]).unwrap();
    assert_eq!(lazy.ids(), ["data-caching", "data-store"]);
}

#[test]
fn an_id_that_is_not_shipped_loads_everything() {
    let (c, _) = Catalog::load_for(&no_user_trees(), &["nope"]).unwrap();
    assert_eq!(c.trees().len(), SHIPPED.len());
}

/// A user tree directory with one file.
fn user_dir(name: &str, text: &str) -> (TempDir, LoadOptions) {
    let dir = TempDir::new().unwrap();
    std::fs::write(dir.path().join(name), text).unwrap();
    let options = LoadOptions {
        user_dir: Some(dir.path().to_path_buf()),
        extra: Vec::new(),
    };
    (dir, options)
}

fn shipped_text(id: &str) -> serde_json::Value {
    let (name, _, _) = SHIPPED_INDEX.iter().find(|(_, t, _)| *t == id).unwrap();
    let (_, text) = SHIPPED.iter().find(|(n, _)| n == name).unwrap();
    serde_json::from_str(text).unwrap()
}

#[test]
fn a_user_tree_replaces_the_shipped_one_it_names() {
    let mut t = shipped_text("data-caching");
    t["title"] = "Our caching strategy".into();
    let (_dir, options) = user_dir("caching.json", &t.to_string());
    assert!(options.has_user_trees());
    let (c, problems) = Catalog::load_for(&options, &["data-caching"]).unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    let mine = c.get("data-caching").unwrap();
    assert_eq!(mine.tree.title, "Our caching strategy");
    assert!(!mine.shipped);
}

#[test]
fn a_user_tree_that_clashes_with_a_shipped_tree_is_left_out_with_its_reason() {
    // A copy of data-caching under its own id and namespace keeps the shipped tree's place in
    // its area: shipped trees come first, so the user tree is the one left out, even when the
    // command asks only for another tree.
    let text = shipped_text("data-caching")
        .to_string()
        .replace("\"cache.", "\"ours.")
        .replace("\"namespace\":\"cache\"", "\"namespace\":\"ours\"")
        .replace("\"id\":\"data-caching\"", "\"id\":\"our-caching\"");
    let (_dir, options) = user_dir("ours.json", &text);
    let (c, problems) = Catalog::load_for(&options, &["architecture"]).unwrap();
    assert!(c.get("our-caching").is_none());
    assert!(
        problems.iter().any(|p| p.file.ends_with("ours.json")
            && p.place == "area.position"
            && p.message.contains("is taken by tree \"data-caching\"")),
        "{problems:?}"
    );
    let (full, full_problems) = Catalog::load(&options).unwrap();
    assert_eq!(c.ids(), full.ids());
    assert_eq!(problems, full_problems);
}

#[test]
fn decide_with_one_tree_gives_the_same_report_as_with_every_tree() {
    let (full, _) = Catalog::shipped();
    let (lazy, _) = Catalog::load_for(&no_user_trees(), &["data-caching"]).unwrap();
    let report = |c: &Catalog| {
        let mut s = Session::new("t", 0);
        let path: Vec<Vec<usize>> = (0..9).map(|_| vec![1]).collect();
        s.decisions
            .push(Decision::from_path(c.get("data-caching").unwrap(), &path).unwrap());
        Engine::new(c).evaluate_all(c, &s).unwrap()
    };
    let (a, b) = (report(&lazy), report(&full));
    assert_eq!(a, b);
    // The relation into data-store is reported with the target's name.
    let rel = a[0]
        .relations
        .iter()
        .find(|r| r.to.starts_with("store."))
        .expect("a relation into data-store");
    assert!(!rel.to_name.starts_with("store."), "{}", rel.to_name);
    // And through the command line.
    let home = TempDir::new().unwrap();
    let out = util::tradeoffs(&home.path().join("config"), &home.path().join("data"))
        .args([
            "decide",
            "--tree",
            "data-caching",
            "--path",
            "1,1,1,1,1,1,1,1,1",
        ])
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json, serde_json::to_value(&b[0]).unwrap());
}
