//! The design-review pack (issue 14): golden packs of two sessions built by walking the shipped
//! trees (one clean area walk; one with a conflict, a dead end and an open decision), the
//! command's errors and outputs, markdownlint over the Markdown, the HTML loaded in a real
//! headless browser, and the property that every sensitivity point listed changes its decision
//! when applied. Regenerate the goldens with `UPDATE_GOLDEN=1 cargo test --test it review::`.

use crate::util::{self, tui as tui_support};

use std::path::{Path, PathBuf};
use std::process::Command;

use proptest::prelude::*;
use serde_json::Value;
use tempfile::TempDir;

use tradeoffs::engine::Engine;
use tradeoffs::review::{self, Format, Pack};
use tradeoffs::session::{Decision, Session, Walk};
use tradeoffs::store::Store;
use tradeoffs::tree::{Catalog, LoadedTree, Source};

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

/// Every shipped tree decided with its first answers: a session across all areas.
pub fn every_tree_session(catalog: &Catalog) -> Session {
    let mut s = Session::new("every-tree", 1_700_000_000);
    for t in catalog.trees() {
        s.decisions.push(first_answers(t));
    }
    s
}

pub fn pack(catalog: &Catalog, session: &Session) -> Pack {
    review::build(catalog, &Engine::new(catalog), session).unwrap()
}

// ---------------------------------------------------------------------------------------------
// Goldens.

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

#[test]
fn packs_match_the_golden_files() {
    let catalog = shipped();
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut mismatched = Vec::new();
    for (name, session) in [
        ("area-walk", area_session(&catalog)),
        ("conflicts", conflict_session(&catalog)),
    ] {
        let p = pack(&catalog, &session);
        for format in [Format::Markdown, Format::Json, Format::Html] {
            let got = review::render(&p, format, None);
            let file = golden_dir().join(format!("review-{name}.{}", format.extension()));
            if update {
                std::fs::write(&file, &got).unwrap();
                continue;
            }
            let want = std::fs::read_to_string(&file)
                .unwrap_or_else(|e| panic!("{}: {e}; run with UPDATE_GOLDEN=1", file.display()));
            if got != want {
                mismatched.push(file.display().to_string());
            }
        }
    }
    assert!(
        mismatched.is_empty(),
        "review packs differ from {mismatched:?}; run UPDATE_GOLDEN=1 cargo test --test it review:: and review the diff"
    );
}

#[test]
fn the_conflict_session_reports_its_conflict_dead_end_and_open_decision() {
    let catalog = shipped();
    let p = pack(&catalog, &conflict_session(&catalog));
    let kinds: Vec<Value> = p
        .risks
        .iter()
        .map(|r| serde_json::to_value(r.kind).unwrap())
        .collect();
    for k in ["conflict", "dead_end", "open", "against_ranking"] {
        assert!(kinds.contains(&Value::from(k)), "{k} missing: {kinds:?}");
    }
    let conflict = &p.risks[0];
    assert_eq!(conflict.decisions, vec![1, 2]);
    assert!(
        conflict.text.contains("conflicts with"),
        "{}",
        conflict.text
    );
    assert_eq!(
        p.decisions.iter().map(|d| d.state).collect::<Vec<_>>(),
        vec![
            review::DecisionState::Decided,
            review::DecisionState::Decided,
            review::DecisionState::DeadEnd,
            review::DecisionState::Open
        ]
    );
    assert_eq!(
        p.decisions[0].adr.as_ref().unwrap().path,
        "docs/decisions/0001-use-functions.md"
    );
    // The conflict is drawn between the two chosen options.
    assert!(
        p.graph
            .edges
            .iter()
            .any(|e| e.finding && e.kind == review::EdgeKind::ConflictsWith),
        "{:#?}",
        p.graph.edges
    );
}

// ---------------------------------------------------------------------------------------------
// A hostile session: the two fixture trees with markup, Markdown and terminal payloads in every
// text, and ADR paths that try to become scripts.

const MARKUP: &str = "<script>alert(1)</script><img src=x onerror=alert(2)></td></tr></table></svg>&amp;\"'`|*_[x](javascript:alert(3))\n# H\n```\u{1b}[2J\u{9b}31m\u{202e}";

fn poison(v: &mut Value, key: &str) {
    const KEEP: &[&str] = &[
        "id",
        "namespace",
        "root",
        "next",
        "criterion",
        "option",
        "target",
        "kind",
        "op",
        "url",
        "source",
        "options",
        "order",
        "$schema",
    ];
    match v {
        Value::String(s) if !KEEP.contains(&key) => s.push_str(MARKUP),
        Value::Array(a) => a.iter_mut().for_each(|x| poison(x, key)),
        Value::Object(o) => {
            for (k, x) in o.iter_mut() {
                if k == "impacts" {
                    for r in x.as_object_mut().unwrap().values_mut() {
                        poison(r, "impact");
                    }
                } else {
                    poison(x, k);
                }
            }
        }
        _ => {}
    }
}

fn hostile_catalog() -> Catalog {
    let sources = ["small", "other"]
        .iter()
        .map(|name| {
            let path = util::fixtures().join(format!("valid/{name}.json"));
            let mut v: Value =
                serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
            poison(&mut v, "");
            Source {
                label: format!("{name}.json"),
                text: serde_json::to_string(&v).unwrap(),
            }
        })
        .collect();
    let (c, problems) = Catalog::build(sources, 0);
    assert!(problems.is_empty(), "{problems:?}");
    c
}

/// A fragile decision, a conflict, an unmet requirement, a choice against the ranking.
fn hostile_session(c: &Catalog) -> Session {
    let (small, other) = (c.get("small").unwrap(), c.get("other").unwrap());
    let mut s = Session::new("hostile", 0);
    s.decisions
        .push(Decision::from_path(small, &[vec![1], vec![1]]).unwrap());
    s.decisions
        .push(Decision::from_path(other, &[vec![1]]).unwrap());
    let mut y = Decision::from_path(other, &[vec![1]]).unwrap();
    y.choose(other, "ot.y").unwrap();
    s.decisions.push(y);
    s.decisions[0].record.exported = Some("javascript:alert(4)".into());
    s.decisions[1].record.exported = Some(format!("docs/<b>{MARKUP}</b>.md"));
    s
}

// ---------------------------------------------------------------------------------------------
// markdownlint.

fn linter() -> Option<&'static str> {
    let found = Command::new("markdownlint-cli2")
        .arg("--help")
        .output()
        .is_ok_and(|o| !o.stdout.is_empty() || !o.stderr.is_empty());
    found.then_some("markdownlint-cli2")
}

#[test]
fn markdown_packs_pass_markdownlint_except_line_length() {
    let Some(lint) = linter() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must install markdownlint-cli2 (npm install -g markdownlint-cli2)"
        );
        eprintln!("markdownlint-cli2 not installed: skipped outside CI");
        return;
    };
    let dir = TempDir::new().unwrap();
    let catalog = shipped();
    let hostile = hostile_catalog();
    let packs = [
        ("area-walk", pack(&catalog, &area_session(&catalog))),
        ("conflicts", pack(&catalog, &conflict_session(&catalog))),
        ("hostile", pack(&hostile, &hostile_session(&hostile))),
        ("every-tree", pack(&catalog, &every_tree_session(&catalog))),
    ];
    for (name, p) in &packs {
        std::fs::write(
            dir.path().join(format!("{name}.md")),
            review::to_markdown(p, None),
        )
        .unwrap();
    }
    std::fs::write(
        dir.path().join(".markdownlint-cli2.jsonc"),
        r#"{ "config": { "MD013": false } }"#,
    )
    .unwrap();
    let out = Command::new(lint)
        .arg("*.md")
        .current_dir(dir.path())
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "markdownlint found problems:\n{text}");
    assert!(text.contains("Linting: 4 file(s)"), "{text}");
    assert!(text.contains("0 error(s)"), "{text}");
}

#[test]
fn hostile_text_cannot_break_the_markdown() {
    let c = hostile_catalog();
    let md = review::to_markdown(&pack(&c, &hostile_session(&c)), None);
    // Exactly one fence opens the graph and one closes it; no heading but the pack's own; no
    // link but the pack's own; no raw HTML; no control or bidi character.
    let fences: Vec<&str> = md.lines().filter(|l| l.starts_with("```")).collect();
    assert_eq!(fences, vec!["```mermaid", "```"], "{md}");
    for line in md.lines().filter(|l| l.starts_with('#')) {
        assert!(
            line.starts_with("# Design review")
                || ["## ", "### Area: ", "#### D"]
                    .iter()
                    .any(|p| line.starts_with(p)),
            "{line}"
        );
    }
    // Outside the Mermaid block (where text is a quoted label with entities, never Markdown).
    let prose = &md[..md.find("```mermaid").unwrap()];
    let raw = |pattern: &str| regex::Regex::new(pattern).unwrap().is_match(prose);
    assert!(!raw(r"(^|[^\\])<script"), "{md}");
    assert!(!raw(r"(^|[^\\])\]\(javascript"), "{md}");
    assert!(
        !md.chars()
            .any(|c| c != '\n' && tradeoffs::text::is_unsafe_char(c))
    );
}

// ---------------------------------------------------------------------------------------------
// The HTML in a real browser.

/// The headless browser: `chromium` (Debian), else `chromium-browser` or Chrome.
fn browser() -> Option<String> {
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find(|b| {
            Command::new(b)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
        .map(|b| b.to_string())
}

/// The DOM after the browser parsed `html`: what a reader's browser builds from the file.
fn dump_dom(browser: &str, html: &str, dir: &Path, name: &str) -> String {
    let file = dir.join(format!("{name}.html"));
    std::fs::write(&file, html).unwrap();
    let out = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
        ])
        .arg(format!(
            "--user-data-dir={}",
            dir.join(format!("profile-{name}")).display()
        ))
        .arg("--dump-dom")
        .arg(format!("file://{}", file.display()))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{browser} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn count(dom: &str, pattern: &str) -> usize {
    regex::Regex::new(pattern).unwrap().find_iter(dom).count()
}

/// The structure every pack's DOM must have: the eight sections in order, one summary row per
/// decision, one SVG with one node per graph node and one band per decision, and nothing
/// active (no script, no image, no frame, no event handler attribute, no javascript: link).
fn check_structure(dom: &str, p: &Pack) {
    let ids: Vec<&str> = regex::Regex::new(r#"<section id="([a-z-]+)""#)
        .unwrap()
        .captures_iter(dom)
        .map(|c| c.get(1).unwrap().as_str())
        .collect();
    assert_eq!(
        ids,
        vec![
            "summary",
            "utility-tree",
            "sensitivity-points",
            "tradeoff-points",
            "risks",
            "non-risks",
            "questions",
            "graph"
        ]
    );
    assert_eq!(
        count(dom, r#"<tr data-decision="\d+" data-state="#),
        p.decisions.len()
    );
    assert_eq!(count(dom, r"<svg\b"), 1);
    let nodes: usize = p
        .graph
        .groups
        .iter()
        .map(|g| g.options.len() + g.criteria.len())
        .sum();
    assert_eq!(count(dom, r#"<g class="node "#), nodes);
    assert_eq!(count(dom, r#"<g class="band""#), p.decisions.len());
    assert_eq!(count(dom, r#"<li class="risk""#), p.risks.len());
    assert_eq!(count(dom, r#"<li class="question""#), p.questions.len());
    if !p.sensitivity.is_empty() {
        assert_eq!(
            count(dom, r#"<tr data-decision="\d+" data-criterion="#),
            p.sensitivity.len()
        );
    }
    for active in [
        r"<script\b",
        r"<img\b",
        r"<iframe\b",
        r"<[a-zA-Z][^>]*\son[a-z]+=",
        r#"href="javascript:"#,
    ] {
        assert_eq!(count(dom, active), 0, "{active} in the DOM");
    }
    assert!(dom.contains("@media print"), "print styles");
}

#[test]
fn the_html_pack_loads_in_a_headless_browser_with_its_structure() {
    let Some(browser) = browser() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must install chromium (apt-get install -y chromium) for the HTML pack test"
        );
        eprintln!("chromium not installed: skipped outside CI");
        return;
    };
    let dir = TempDir::new().unwrap();
    let catalog = shipped();
    let p = pack(&catalog, &conflict_session(&catalog));
    let dom = dump_dom(
        &browser,
        &review::to_html(&p, None),
        dir.path(),
        "conflicts",
    );
    check_structure(&dom, &p);
    // The conflict is drawn as a finding between the two chosen options.
    assert_eq!(
        count(&dom, r#"<g class="edge relation conflicts finding""#),
        1
    );
    assert_eq!(count(&dom, r#"<g class="node option chosen""#), 2);
    // The ADR link is relative and kept; the unexported decisions say so.
    assert!(
        dom.contains(r#"<a href="docs/decisions/0001-use-functions.md">0001-use-functions.md</a>"#)
    );
    assert_eq!(count(&dom, "not exported"), 3);

    // A session across every area and tree.
    let every = pack(&catalog, &every_tree_session(&catalog));
    assert_eq!(every.decisions.len(), catalog.trees().len());
    let dom = dump_dom(
        &browser,
        &review::to_html(&every, None),
        dir.path(),
        "every-tree",
    );
    check_structure(&dom, &every);

    // Hostile text stays text: the payload is in the DOM as characters, never as elements.
    let hc = hostile_catalog();
    let hp = pack(&hc, &hostile_session(&hc));
    let html = review::to_html(&hp, None);
    let dom = dump_dom(&browser, &html, dir.path(), "hostile");
    check_structure(&dom, &hp);
    assert!(
        dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "payload not shown as text"
    );
    assert!(
        !dom.contains("javascript:alert(4)\""),
        "the javascript: ADR path became a link"
    );
    assert!(
        !html
            .chars()
            .any(|c| c != '\n' && tradeoffs::text::is_unsafe_char(c))
    );
}

// ---------------------------------------------------------------------------------------------
// The command.

struct Cmd {
    home: TempDir,
}

impl Cmd {
    fn new(sessions: &[&Session]) -> Cmd {
        let home = TempDir::new().unwrap();
        let store = Store::new(home.path().join("data/sessions"));
        for s in sessions {
            store.save(s).unwrap();
        }
        Cmd { home }
    }

    fn run(&self, args: &[&str]) -> (i32, String, String) {
        let out = util::tradeoffs(
            &self.home.path().join("config"),
            &self.home.path().join("data"),
        )
        .current_dir(self.home.path())
        .arg("review")
        .args(args)
        .output()
        .unwrap();
        (
            out.status.code().unwrap(),
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    }
}

#[test]
fn empty_and_unknown_sessions_get_one_line_and_exit_2() {
    let none = Cmd::new(&[]);
    let (code, out, err) = none.run(&[]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    let dir = none.home.path().join("data/sessions");
    assert_eq!(
        err,
        format!(
            "error: no saved session in {}; run `tradeoffs` to start one, then `tradeoffs review`\n",
            dir.display()
        )
    );
    let (code, _, err) = none.run(&["--session", "nope"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        format!(
            "error: no saved session \"nope\" in {}; run `tradeoffs` to see the saved sessions\n",
            dir.display()
        )
    );
    let catalog = shipped();
    let mut empty = Session::new("empty", 1);
    empty.decisions.push(Decision::new("data-store"));
    let cmd = Cmd::new(&[&empty]);
    for args in [&[][..], &["--session", "empty"][..]] {
        let (code, out, err) = cmd.run(args);
        assert_eq!(code, 2, "{args:?}");
        assert!(out.is_empty());
        assert_eq!(
            err,
            "error: session \"empty\" has no answered question yet, so there is nothing to review; answer its questions with `tradeoffs --resume empty`\n"
        );
    }
    let (code, _, err) = cmd.run(&["--session", "../x"]);
    assert_eq!(code, 2);
    assert_eq!(err.lines().count(), 1, "{err}");
    let _ = catalog;
}

#[test]
fn a_single_decision_reviews_on_stdout_in_every_format() {
    let catalog = shipped();
    let mut s = Session::new("single", 5);
    s.decisions
        .push(first_answers(catalog.get("data-store").unwrap()));
    let cmd = Cmd::new(&[&s]);
    let (code, md, err) = cmd.run(&[]);
    assert_eq!(code, 0, "{err}");
    assert!(
        md.starts_with(
            "# Design review: session single\n\n1 decision across Database Design: 1 decided"
        ),
        "{md}"
    );
    assert!(md.contains("\n## Questions for the review\n"));
    assert!(md.contains("```mermaid\nflowchart LR\n"));
    let (code, json, _) = cmd.run(&["--session", "single", "--format", "json"]);
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["session"], "single");
    assert_eq!(v["decisions"][0]["tree"], "data-store");
    assert_eq!(v["decisions"][0]["state"], "decided");
    let (code, html, _) = cmd.run(&["--format", "html"]);
    assert_eq!(code, 0);
    assert!(html.starts_with("<!DOCTYPE html>"));
}

#[test]
fn out_writes_the_file_its_extension_names_and_the_latest_session_is_the_default() {
    let catalog = shipped();
    let mut older = area_session(&catalog);
    older.id = "older".into();
    older.updated = 10;
    let mut newer = conflict_session(&catalog);
    newer.updated = 20;
    let cmd = Cmd::new(&[&older, &newer]);
    let file = cmd.home.path().join("pack.html");
    let (code, out, err) = cmd.run(&["--out", file.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, format!("{}\n", file.display()));
    let html = std::fs::read_to_string(&file).unwrap();
    assert!(html.contains("<title>Design review: session conflicts</title>"));
    // The recorded ADR does not exist here: the pack says so.
    assert!(
        html.contains("(file missing)"),
        "the missing ADR is not flagged"
    );
    let md = cmd.home.path().join("older.md");
    let (code, _, _) = cmd.run(&["--session", "older", "--out", md.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(
        std::fs::read_to_string(&md)
            .unwrap()
            .starts_with("# Design review: session older\n")
    );
    // A directory that does not exist: exit 1 and a one-line message naming the file.
    let bad = cmd.home.path().join("no/such/dir/pack.md");
    let (code, _, err) = cmd.run(&["--out", bad.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert_eq!(err.lines().count(), 1);
    assert!(
        err.starts_with(&format!(
            "error: cannot write the review pack to {}: ",
            bad.display()
        )),
        "{err}"
    );
    assert!(
        err.ends_with("; check that the directory exists and is writable\n"),
        "{err}"
    );
}

// ---------------------------------------------------------------------------------------------
// Sensitivity points are real.

/// A random walk through `tree`: at each question the answer `pick % answers`.
fn random_walk(tree: &LoadedTree, picks: &[usize]) -> Decision {
    let mut d = Decision::new(tree.id());
    let mut i = 0;
    while let Some(q) = Walk::replay(tree, &d).unwrap().question() {
        let n = q.answers.len();
        let pick = picks.get(i).copied().unwrap_or(0) % n;
        d.answer(tree, pick).unwrap();
        i += 1;
    }
    d
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, .. ProptestConfig::default() })]

    /// Applying any listed sensitivity point (setting that weight by hand) makes its named new
    /// winner the top-ranked option of that decision, in place of the old winner.
    #[test]
    fn every_sensitivity_point_changes_its_decision_when_applied(
        trees in proptest::collection::vec((0usize..10, proptest::collection::vec(0usize..64, 24)), 1..4),
        nudge in proptest::option::of((0usize..20, 0i64..=5)),
    ) {
        let catalog = shipped();
        let engine = Engine::new(&catalog);
        let ids: Vec<&str> = catalog.trees().iter().map(|t| t.id()).collect();
        let mut s = Session::new("prop", 0);
        for (t, picks) in &trees {
            let tree = catalog.get(ids[t % ids.len()]).unwrap();
            let mut d = random_walk(tree, picks);
            if let Some((k, w)) = nudge {
                let c = &tree.tree.criteria[k % tree.tree.criteria.len()];
                d.set_weight(tree, &c.id, w).unwrap();
            }
            s.decisions.push(d);
        }
        let p = review::build(&catalog, &engine, &s).unwrap();
        for point in &p.sensitivity {
            let i = point.decision - 1;
            let before = engine.evaluate(&catalog, &s, i).unwrap();
            prop_assert_eq!(before.top.as_deref(), Some(point.winner.as_str()));
            prop_assert!((point.to - point.from).abs() <= review::SMALL_CHANGE);
            let mut changed = s.clone();
            let tree = catalog.get(&changed.decisions[i].tree).unwrap();
            changed.decisions[i].set_weight(tree, &point.criterion, point.to).unwrap();
            let after = engine.evaluate(&catalog, &changed, i).unwrap();
            prop_assert_eq!(after.top.as_deref(), Some(point.new_winner.as_str()));
            prop_assert_ne!(after.top.as_deref(), Some(point.winner.as_str()));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The TUI review screen.

use tradeoffs::tui::Shell;
use tradeoffs::tui::app::{App, Screen};
use tradeoffs::tui::update::{Msg, open_session, update};

fn assert_snap(name: &str, backend: &ratatui::backend::TestBackend) {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| insta::assert_snapshot!(format!("review__{name}"), backend));
}

fn snap(name: &str, app: &mut App) {
    for (w, h) in [(80, 24), (120, 40)] {
        let t = tui_support::draw(app, w, h);
        assert_snap(&format!("{name}_{w}x{h}"), t.backend());
    }
}

/// The app on the area session's outcome (its active decision is the first).
fn at_outcome() -> App {
    let mut app = tui_support::app();
    let s = area_session(&app.catalog);
    open_session(&mut app, s);
    assert_eq!(app.screen, Screen::Outcome);
    app
}

#[test]
fn review_screen_from_the_outcome_scrolls_and_goes_back() {
    let mut app = at_outcome();
    tui_support::keys(&mut app, "v");
    assert_eq!(app.screen, Screen::Review);
    snap("from_outcome", &mut app);
    let top = tui_support::render(&mut app, 80, 24);
    assert!(
        top.contains("Design review: session area-walk (line 1/"),
        "{top}"
    );
    assert!(
        top.contains("m write .md"),
        "the status bar names the write keys: {top}"
    );
    tui_support::keys(&mut app, "jjj");
    assert_eq!(app.review_scroll, 3);
    tui_support::keys(&mut app, "G");
    snap("end", &mut app);
    let end = tui_support::render(&mut app, 80, 24);
    assert!(end.contains("Trade-off graph"), "{end}");
    // The offset is clamped to the text, so one key up moves at once.
    let at_end = app.review_scroll;
    tui_support::keys(&mut app, "k");
    assert_eq!(app.review_scroll, at_end - 1);
    tui_support::keys(&mut app, "g<esc>");
    assert_eq!(app.screen, Screen::Outcome);
    // The help overlay lists the review keys.
    tui_support::keys(&mut app, "v?");
    let help = tui_support::render(&mut app, 120, 40);
    assert!(help.contains("Write the pack as Markdown"), "{help}");
}

#[test]
fn review_screen_opens_any_saved_session_from_home_and_writes_the_pack() {
    let repo = TempDir::new().unwrap();
    let data = TempDir::new().unwrap();
    let shell = Shell {
        store: Store::new(data.path().join("sessions")),
        repo: repo.path().to_path_buf(),
        adr_dir: None,
        package: None,
        held: Default::default(),
    };
    let catalog = shipped();
    shell.store.save(&conflict_session(&catalog)).unwrap();
    let mut empty = Session::new("empty", 1);
    empty.decisions.push(Decision::new("security-api"));
    shell.store.save(&empty).unwrap();
    let mut app = tui_support::app();
    app.saved = shell.store.list(&app.catalog);
    // On the trees list, `v` says what to do.
    tui_support::keys_via(&shell, &mut app, "v");
    assert_eq!(
        app.notice.as_deref(),
        Some("highlight a saved session (Tab switches to the list) to see its review pack")
    );
    // A session with nothing answered: its one-line reason, and home stays.
    let empty_at = app.saved.iter().position(|s| s.id == "empty").unwrap();
    tui_support::keys_via(&shell, &mut app, &format!("<tab>{}v", "j".repeat(empty_at)));
    assert_eq!(app.screen, Screen::Home);
    assert_eq!(
        app.notice.as_deref(),
        Some(
            "session \"empty\" has no answered question yet, so there is nothing to review; answer its questions with `tradeoffs --resume empty`"
        )
    );
    let at = app.saved.iter().position(|s| s.id == "conflicts").unwrap();
    app.session_sel = at;
    tui_support::keys_via(&shell, &mut app, "v");
    assert_eq!(app.screen, Screen::Review);
    assert!(app.session.is_none(), "reviewing does not open the session");
    snap("from_home", &mut app);
    // No ADR directory and the recorded ADR is missing: the pack goes to the working directory.
    tui_support::keys_via(&shell, &mut app, "m");
    let md = repo.path().join("design-review-conflicts.md");
    assert_eq!(
        app.notice.as_deref(),
        Some(format!("review pack written to {}", md.display()).as_str())
    );
    let text = std::fs::read_to_string(&md).unwrap();
    assert!(text.starts_with("# Design review: session conflicts\n"));
    assert!(text.contains("(file missing)"));
    // With an ADR directory, the HTML goes next to the ADRs.
    std::fs::create_dir_all(repo.path().join("docs/decisions")).unwrap();
    tui_support::keys_via(&shell, &mut app, "h");
    let html = repo
        .path()
        .join("docs/decisions/design-review-conflicts.html");
    assert!(
        std::fs::read_to_string(&html)
            .unwrap()
            .starts_with("<!DOCTYPE html>")
    );
    tui_support::keys_via(&shell, &mut app, "<esc>");
    assert_eq!(app.screen, Screen::Home);
    // A write that fails says why and keeps the screen.
    tui_support::keys_via(&shell, &mut app, "v");
    std::fs::remove_dir_all(repo.path().join("docs")).unwrap();
    let _ = update(&mut app, Msg::ReviewWritten(Err("disk full".into())));
    assert_eq!(
        app.notice.as_deref(),
        Some("the review pack was not written: disk full")
    );
    assert_eq!(app.screen, Screen::Review);
}
