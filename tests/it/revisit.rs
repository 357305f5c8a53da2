//! `tradeoffs revisit N`: export → revisit gives back the same answers, weights and winner;
//! a changed tree is reported; the superseding export; every error a user can hit; and the
//! check of a new decision against the accepted ADRs tradeoffs wrote in the repository.

use crate::util;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;
use tempfile::TempDir;
use tradeoffs::adr::decision_data;

/// A repository in a temporary directory (no git: revisit does not need it), with an
/// isolated tradeoffs config and the test trees.
struct Repo {
    dir: TempDir,
    home: TempDir,
}

impl Repo {
    fn new() -> Repo {
        Repo {
            dir: TempDir::new().unwrap(),
            home: TempDir::new().unwrap(),
        }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// The binary in the repository, without trees beyond the shipped ones.
    fn bare(&self) -> Command {
        let mut c = util::tradeoffs(
            &self.home.path().join("config"),
            &self.home.path().join("data"),
        );
        c.current_dir(self.path())
            .env("TRADEOFFS_DATE", "2026-12-01")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1");
        c
    }

    /// The binary with the test trees (`small`, `other`).
    fn cmd(&self) -> Command {
        let mut c = self.bare();
        c.arg("--trees").arg(util::fixtures().join("valid"));
        c
    }

    fn run(&self, args: &[&str]) -> Output {
        self.cmd().args(args).output().unwrap()
    }

    /// Runs and expects success; returns stdout.
    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// Exports a decision; returns the file written.
    fn export(&self, tree: &str, path: &str, extra: &[&str]) -> PathBuf {
        let mut args = vec![
            "decide",
            "--tree",
            tree,
            "--path",
            path,
            "--export",
            "--decider",
            "Revisit Tester",
        ];
        args.extend(extra);
        PathBuf::from(self.ok(&args).trim())
    }

    fn adr(&self, name: &str) -> PathBuf {
        self.path().join("docs/decisions").join(name)
    }
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap()
}

/// Asserts a one-line error with exit status 2 and returns it.
fn bad_input(out: &Output) -> String {
    assert_eq!(out.status.code(), Some(2), "{}", stderr(out));
    let err = stderr(out);
    assert_eq!(err.lines().count(), 1, "{err}");
    err
}

#[test]
fn export_then_revisit_gives_the_same_answers_weights_and_winner() {
    let repo = Repo::new();
    // Weights set by hand and a choice other than the top-ranked option both survive.
    let first = repo.export(
        "small",
        "1,1",
        &["--weight", "sm.cost=4", "--weight", "sm.speed=2"],
    );
    let second = repo.export("small", "1,1", &["--option", "sm.b"]);
    let then = decision_data::decode(&fs::read_to_string(&first).unwrap())
        .unwrap()
        .unwrap();
    assert_eq!(then.path, "1,1");
    assert_eq!(then.weights.len(), 2);

    let v = json(&repo.ok(&["revisit", "1", "--format", "json"]));
    let d = &v["decision"];
    let numbers: Vec<&Value> = d["path"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| &p["number"])
        .collect();
    assert_eq!(numbers, [&Value::from(1), &Value::from(1)]);
    assert_eq!(
        d["overrides"],
        serde_json::json!({"sm.cost": 4, "sm.speed": 2})
    );
    assert_eq!(d["chosen"], Value::from(then.chosen.clone().unwrap()));
    assert_eq!(v["recorded"], serde_json::to_value(&then).unwrap());
    let c = &v["changes"];
    assert_eq!(c["tree_changed"], false);
    assert_eq!(c["answers_kept"], 2);
    assert_eq!(c["answers"], serde_json::json!([]));
    assert_eq!(c["winner_then"], c["winner_now"]);
    assert_eq!(v["adr"]["number"], 1);
    assert_eq!(v["adr"]["status"], "proposed");

    // The deciders' own choice over the top-ranked option is kept.
    let v = json(&repo.ok(&[
        "revisit",
        second.file_name().unwrap().to_str().unwrap(),
        "--format",
        "json",
    ]));
    assert_eq!(v["decision"]["top"], "sm.a");
    assert_eq!(v["decision"]["chosen"], "sm.b");
    assert_eq!(v["decision"]["chosen_by_user"], true);

    // The text report says the same in words; a path to the file works too.
    let text = repo.ok(&["revisit", first.to_str().unwrap(), "--print"]);
    assert!(
        text.starts_with(
            "Revisiting ADR 1 \"Use Option B\" (0001-use-option-b.md), decided with the tree \"small\".\nIts status: proposed.\nThe tree is unchanged since.\nAnswers carried over: 2 of 2.\nDecision then and now: Option B.\n"
        ),
        "{text}"
    );
    assert!(text.contains("Cost   4 (default 2)"), "{text}");
}

#[test]
fn revisit_export_writes_an_adr_that_supersedes_the_old_one_with_the_same_data() {
    let repo = Repo::new();
    let first = repo.export("small", "2,1", &["--weight", "sm.cost=5"]);
    let out = repo.run(&["revisit", "1", "--export", "--decider", "Second Look"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let written = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
    assert_eq!(written, repo.adr("0002-use-option-b.md"));
    assert!(
        stderr(&out).contains(&format!("changed: {}", first.display())),
        "{}",
        stderr(&out)
    );
    let old = fs::read_to_string(&first).unwrap();
    assert!(old.contains("status: \"superseded by ADR-0002\""), "{old}");
    let new = fs::read_to_string(&written).unwrap();
    assert!(
        new.contains("- Supersedes ADR-0001 [Use Option B](0001-use-option-b.md)"),
        "{new}"
    );
    let (a, b) = (
        decision_data::decode(&old).unwrap().unwrap(),
        decision_data::decode(&new).unwrap().unwrap(),
    );
    assert_eq!(
        (a.answers, a.weights, a.chosen),
        (b.answers, b.weights, b.chosen)
    );
    // Superseding it again is refused: the newer ADR is the one to revisit.
    let out = repo.run(&["revisit", "1", "--export"]);
    let err = bad_input(&out);
    assert!(err.contains("is already superseded"), "{err}");
}

/// `revisit --export` takes every ADR flag `decide` takes (one shared set): the people
/// consulted and informed go into the superseding ADR.
#[test]
fn revisit_export_takes_decides_record_flags() {
    let repo = Repo::new();
    repo.export("small", "2,1", &[]);
    let out = repo.run(&[
        "revisit",
        "1",
        "--export",
        "--decider",
        "Second Look",
        "--consulted",
        "Data Team",
        "--informed",
        "Support Desk",
        "--title",
        "Keep Option B",
        "--status",
        "accepted",
        "--date",
        "2026-12-24",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let written = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
    assert_eq!(written, repo.adr("0002-keep-option-b.md"));
    let new = fs::read_to_string(&written).unwrap();
    assert!(
        new.starts_with(
            "---\nstatus: \"accepted\"\ndate: 2026-12-24\ndecision-makers: [\"Second Look\"]\nconsulted: [\"Data Team\"]\ninformed: [\"Support Desk\"]\n---\n\n# Keep Option B\n"
        ),
        "{new}"
    );
    // A bad value is refused before anything is read or written, as by `decide`.
    let out = repo.run(&["revisit", "1", "--export", "--status", "approved"]);
    assert_eq!(
        bad_input(&out).trim_end(),
        "error: --status approved: use one of proposed, accepted, rejected, deprecated"
    );
}

/// A copy of the small tree with one answer renamed, one consequence reworded and an option
/// added, in its own directory.
fn changed_small_tree(dir: &Path) -> PathBuf {
    let text = fs::read_to_string(util::fixtures().join("valid/small.json")).unwrap();
    let option_d = r#"{
      "id": "sm.d", "name": "Option D", "summary": "New.", "confirmation": "A test proves it.",
      "impacts": {
        "sm.speed": { "impact": 0, "rationale": "D is average." },
        "sm.cost": { "impact": 0, "rationale": "D is average." }
      },
      "references": []
    },
    {
      "id": "sm.c","#;
    let changed = text
        .replace(
            r#"{ "label": "One", "consequence": "A or B.""#,
            r#"{ "label": "Uno", "consequence": "A or B.""#,
        )
        .replace(
            "Speed counts more; C is out.",
            "Speed counts most; C is out.",
        )
        .replace(
            r#""order": ["sm.a", "sm.b", "sm.c"]"#,
            r#""order": ["sm.a", "sm.b", "sm.c", "sm.d"]"#,
        )
        .replace(
            r#""options": ["sm.a", "sm.b"]"#,
            r#""options": ["sm.a", "sm.b", "sm.d"]"#,
        )
        .replacen(
            r#"{
      "id": "sm.c","#,
            option_d,
            1,
        );
    assert_ne!(changed, text);
    let trees = dir.join("changed-trees");
    fs::create_dir_all(&trees).unwrap();
    fs::write(trees.join("small.json"), changed).unwrap();
    trees
}

#[test]
fn a_changed_tree_is_reported_and_the_walk_stops_where_it_no_longer_fits() {
    let repo = Repo::new();
    repo.export("small", "1,1", &[]);
    let trees = changed_small_tree(repo.path());
    let run = |args: &[&str]| {
        repo.bare()
            .arg("--trees")
            .arg(&trees)
            .args(args)
            .output()
            .unwrap()
    };
    let out = run(&["revisit", "1", "--print"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    let report = text.split("----").next().unwrap();
    assert!(
        report.contains("The tree changed since (content hash "),
        "{report}"
    );
    assert!(report.contains("Answers carried over: 1 of 2."), "{report}");
    assert!(
        report.contains(
            "  ! answer 1 (\"Fast\" to \"What matters most?\"): the answer's consequence changed\n"
        ),
        "{report}"
    );
    assert!(
        report.contains("  ! answer 2 (\"One\" to \"Which shortlist?\"): the question no longer has this answer (answers now: 1) Uno  2) Two)\n"),
        "{report}"
    );
    assert!(
        report.contains("Options added since: Option D.\n"),
        "{report}"
    );
    assert!(
        report.contains("Decision then: Option A; now: open, the walk stops at \"Which shortlist?\" (answer it in the TUI: `tradeoffs revisit 1`).\n"),
        "{report}"
    );
    let v = json(&String::from_utf8(run(&["revisit", "1", "--format", "json"]).stdout).unwrap());
    let kinds: Vec<&str> = v["changes"]["answers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["consequence_changed", "answer_gone"]);
    // The question as the tree asks it now, beside its id.
    assert_eq!(v["changes"]["answers"][0]["question"], "q-first");
    assert_eq!(v["changes"]["answers"][0]["prompt"], "What matters most?");
    assert_eq!(v["changes"]["options_added"], serde_json::json!(["sm.d"]));
    assert_eq!(v["changes"]["winner_now"], Value::Null);

    // Exporting needs an outcome: the user answers the open question first.
    let err = bad_input(&run(&["revisit", "1", "--export"]));
    assert_eq!(
        err,
        "error: revisit 1: the tree changed and the recorded answers stop at \"Which shortlist?\"; answer it in the TUI (`tradeoffs revisit 1`) or with `tradeoffs decide`\n"
    );
}

#[test]
fn revisit_errors_are_one_line_with_status_2() {
    let repo = Repo::new();
    // No ADR directory at all.
    let err = bad_input(&repo.run(&["revisit", "1", "--print"]));
    assert!(
        err.starts_with("error: revisit 1: there is no ADR directory here (")
            && err.ends_with(
                "does not exist); run it in the repository, or pass -C DIR or --adr-dir DIR\n"
            ),
        "{err}"
    );
    let first = repo.export("small", "1,1", &[]);
    // No such ADR.
    let err = bad_input(&repo.run(&["revisit", "7", "--print"]));
    assert!(
        err.starts_with("error: revisit 7: no ADR with that number or name in "),
        "{err}"
    );
    // An ADR tradeoffs did not write.
    fs::write(
        repo.adr("0002-by-hand.md"),
        "---\nstatus: \"accepted\"\ndate: 2026-01-01\n---\n\n# By hand\n\nWe decided.\n",
    )
    .unwrap();
    let err = bad_input(&repo.run(&["revisit", "2", "--print"]));
    assert!(
        err.ends_with("0002-by-hand.md has no tradeoffs decision data, so it was not written by tradeoffs; to decide it with a tree, run `tradeoffs decide`\n"),
        "{err}"
    );
    // A tree that is not loaded any more.
    let out = repo
        .bare()
        .args(["revisit", "1", "--print"])
        .output()
        .unwrap();
    let err = bad_input(&out);
    assert!(
        err.starts_with("error: revisit 1: the ADR was decided with the tree \"small\", which is not loaded (available: ")
            && err.ends_with("); pass the tree's file or directory with --trees\n"),
        "{err}"
    );
    // Damaged data.
    let text = fs::read_to_string(&first).unwrap();
    fs::write(&first, text.replace("\"answers\":[", "\"answers\":[[")).unwrap();
    let err = bad_input(&repo.run(&["revisit", "1", "--print"]));
    assert!(
        err.contains("0001-use-option-a.md: its decision data is not valid (JSON line ")
            && err.ends_with("repair the comment at the end of the file, or decide again with `tradeoffs decide`\n"),
        "{err}"
    );
    // No terminal for the TUI.
    fs::write(&first, text).unwrap();
    let out = repo.run(&["revisit", "1"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        "error: revisit 1 opens the TUI, which needs a terminal on stdin and stdout; for scripts use `tradeoffs revisit 1 --print` or `--export`\n"
    );
}

#[test]
fn a_new_decision_is_checked_against_the_accepted_adrs() {
    let repo = Repo::new();
    // ADR 1 accepted Option A of the small tree.
    repo.export("small", "1,1", &["--status", "accepted"]);
    // Option X of the other tree conflicts with A.
    let text = repo.ok(&["decide", "--tree", "other", "--path", "1"]);
    assert!(
        text.contains("\nConflicts:\n  ! Option X conflicts with Option A, accepted in ADR 1 \"Use Option A\" (0001-use-option-a.md): X cannot run next to A.\n"),
        "{text}"
    );
    // Option Y requires B, which the accepted ADR did not choose.
    let text = repo.ok(&["decide", "--tree", "other", "--path", "2"]);
    assert!(
        text.contains("  ! Option Y requires Option B, but ADR 1 \"Use Option A\" (0001-use-option-a.md) chose Option A: Y builds on B.\n"),
        "{text}"
    );
    let v = json(&repo.ok(&[
        "decide", "--tree", "other", "--path", "1", "--format", "json",
    ]));
    assert_eq!(
        v["accepted_conflicts"][0]["adr"]["file"],
        "0001-use-option-a.md"
    );
    assert_eq!(v["accepted_conflicts"][0]["kind"], "conflicts_with");

    // The export warns and records it, with a relative link to the ADR.
    let out = repo.run(&["decide", "--tree", "other", "--path", "1", "--export"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("warning: conflict with an accepted decision: Option X conflicts with Option A, accepted in ADR 1"),
        "{}",
        stderr(&out)
    );
    let adr = fs::read_to_string(repo.adr("0002-use-option-x.md")).unwrap();
    assert!(
        adr.contains("- Conflict with the accepted [ADR-0001 Use Option A](0001-use-option-a.md): Option X conflicts with Option A: X cannot run next to A.\n"),
        "{adr}"
    );
    // A decision checked against its own accepted ADR finds nothing (revisiting ADR 1).
    let text = repo.ok(&["revisit", "1", "--print"]);
    assert!(!text.contains("  ! "), "{text}");
}

#[test]
fn superseded_rejected_and_proposed_adrs_do_not_count() {
    let repo = Repo::new();
    let a = repo.export("small", "1,1", &["--status", "rejected"]);
    let conflicts = |repo: &Repo| {
        let v = json(&repo.ok(&[
            "decide", "--tree", "other", "--path", "1", "--format", "json",
        ]));
        v["accepted_conflicts"].as_array().unwrap().len()
    };
    assert_eq!(conflicts(&repo), 0, "a rejected ADR");
    let text = fs::read_to_string(&a).unwrap();
    fs::write(
        &a,
        text.replace("status: \"rejected\"", "status: \"proposed\""),
    )
    .unwrap();
    assert_eq!(conflicts(&repo), 0, "a proposed ADR");
    fs::write(
        &a,
        text.replace("status: \"rejected\"", "status: \"accepted\""),
    )
    .unwrap();
    assert_eq!(conflicts(&repo), 1, "the accepted ADR");
    // Superseded by a decision for B: A no longer counts, B does not conflict with X.
    repo.ok(&[
        "decide",
        "--tree",
        "small",
        "--path",
        "2,1",
        "--export",
        "--supersedes",
        "1",
        "--status",
        "accepted",
    ]);
    assert_eq!(conflicts(&repo), 0, "a superseded ADR");
}

/// An adr-tools ADR whose `## Status` kept "Accepted" beside a hand-added "Superceded by"
/// link is superseded for revisit and the accepted-decision check, as for `tradeoffs log`
/// (one status reader for all of them).
#[test]
fn accepted_beside_superceded_by_does_not_count_as_accepted() {
    let repo = Repo::new();
    let dir = "doc/adr";
    fs::create_dir_all(repo.path().join(dir)).unwrap();
    let a = repo.export(
        "small",
        "1,1",
        &[
            "--adr-dir",
            dir,
            "--format",
            "nygard",
            "--status",
            "accepted",
        ],
    );
    let conflicts = |repo: &Repo| {
        let v = json(&repo.ok(&[
            "decide",
            "--tree",
            "other",
            "--path",
            "1",
            "--adr-dir",
            dir,
            "--format",
            "json",
        ]));
        v["accepted_conflicts"].as_array().unwrap().len()
    };
    assert_eq!(conflicts(&repo), 1, "while accepted");
    // The tag block some adr-tools logs keep above the title leaves the status to the body.
    let text = fs::read_to_string(&a).unwrap();
    fs::write(&a, format!("---\ntag:Blast\n---\n{text}")).unwrap();
    assert_eq!(conflicts(&repo), 1, "accepted under a tag block");
    let log = json(&repo.ok(&["log", "--adr-dir", dir, "--json"]));
    assert_eq!(
        (&log[0]["status"], &log[0]["dialect"]),
        (&Value::from("accepted"), &Value::from("nygard"))
    );
    assert!(text.contains("## Status\n\nAccepted\n\n## "), "{text}");
    fs::write(
        &a,
        text.replacen(
            "## Status\n\nAccepted\n",
            "## Status\n\nAccepted\n\nSuperceded by [2. Use B](0002-use-b.md)\n",
            1,
        ),
    )
    .unwrap();
    assert_eq!(conflicts(&repo), 0, "accepted beside superceded by");
    let name = a.file_name().unwrap().to_str().unwrap();
    let v = json(&repo.ok(&["revisit", name, "--adr-dir", dir, "--format", "json"]));
    assert_eq!(v["adr"]["status"], "superseded");
    let log = json(&repo.ok(&["log", "--adr-dir", dir, "--json"]));
    assert_eq!(log[0]["status"], "superseded");
    assert_eq!(log[0]["status_raw"], "Accepted");
}

#[test]
fn nygard_and_log4brains_adrs_are_revisited_and_read_for_status_too() {
    for (format, dir) in [("nygard", "doc/adr"), ("log4brains", "docs/adr")] {
        let repo = Repo::new();
        fs::create_dir_all(repo.path().join(dir)).unwrap();
        let written = repo.export(
            "small",
            "1,1",
            &["--adr-dir", dir, "--format", format, "--status", "accepted"],
        );
        let name = written.file_name().unwrap().to_str().unwrap();
        let v = json(&repo.ok(&["revisit", name, "--adr-dir", dir, "--format", "json"]));
        assert_eq!(v["adr"]["status"], "accepted", "{format}");
        assert_eq!(v["changes"]["tree_changed"], false, "{format}");
        let v = json(&repo.ok(&[
            "decide",
            "--tree",
            "other",
            "--path",
            "1",
            "--adr-dir",
            dir,
            "--format",
            "json",
        ]));
        assert_eq!(v["accepted_conflicts"][0]["adr"]["file"], name, "{format}");
    }
}

#[test]
fn a_saved_revisit_session_replayed_by_decide_supersedes_its_adr() {
    let repo = Repo::new();
    let first = repo.export("small", "2,1", &[]);
    // What `tradeoffs revisit 1` saves before it opens the TUI: the decision, marked as
    // superseding the ADR it came from.
    let session = serde_json::json!({
        "format": 2,
        "id": "revisit",
        "decisions": [{
            "tree": "small",
            "answers": [
                {"question": "q-first", "answer": "Cheap"},
                {"question": "q-second", "answer": "One"}
            ],
            "overrides": {"sm.cost": 0},
            "record": {"supersedes": first.display().to_string()}
        }]
    });
    let file = repo.path().join("session.json");
    fs::write(&file, session.to_string()).unwrap();
    let out = repo.run(&["decide", "--answers", file.to_str().unwrap(), "--export"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let old = fs::read_to_string(&first).unwrap();
    assert!(old.contains("status: \"superseded by ADR-0002\""), "{old}");
}

/// `decide --tree` loads only the shipped trees it needs; the trees of the accepted ADRs are
/// among them, so a relation declared on their side (security-api's mesh mTLS conflicts with
/// compute-platform's functions) is found from the other tree too.
#[test]
fn a_relation_declared_by_the_accepted_adrs_tree_counts_with_shipped_trees() {
    let repo = Repo::new();
    let catalog = crate::util::tui::shipped();
    let path = |tree: &str, option: &str| -> String {
        crate::util::tui::path_to(catalog.get(tree).unwrap(), option)
            .unwrap_or_else(|| panic!("{option} reachable"))
            .iter()
            .map(usize::to_string)
            .collect::<Vec<_>>()
            .join(",")
    };
    let mesh = path("security-api", "api.mesh-mtls");
    let functions = path("compute-platform", "compute.functions");
    let decide = |tree: &str, p: &str, extra: &[&str]| {
        let out = repo
            .bare()
            .args(["decide", "--tree", tree, "--path", p])
            .args(extra)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        String::from_utf8(out.stdout).unwrap()
    };
    decide(
        "security-api",
        &mesh,
        &[
            "--option",
            "api.mesh-mtls",
            "--export",
            "--status",
            "accepted",
            "--decider",
            "T",
        ],
    );
    let v = json(&decide(
        "compute-platform",
        &functions,
        &["--option", "compute.functions", "--format", "json"],
    ));
    let found = v["accepted_conflicts"].as_array().unwrap();
    assert_eq!(found.len(), 1, "{v:#}");
    assert_eq!(found[0]["from"], "api.mesh-mtls");
    assert_eq!(found[0]["to"], "compute.functions");
}
