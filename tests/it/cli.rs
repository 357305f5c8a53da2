//! End-to-end tests of the `tradeoffs` binary: `trees list|validate|show`, `decide`, user tree
//! directories, and every user-facing error (one line, the right exit status, no panic or debug
//! dump). Each run gets its own empty config and data directories, so nothing on the machine
//! leaks in. Most tests use the fixture trees (tests/fixtures/valid) through `--trees`, so their
//! expected numbers are exact; tests about shipped trees read them through the crate.

use std::io::Write as _;
use std::path::PathBuf;
use std::process::{Output, Stdio};

use serde_json::Value;
use tempfile::TempDir;

use tradeoffs::session::{Decision, Session, Step};
use tradeoffs::tree::Catalog;

use crate::util::{self, fixtures};

fn valid_dir() -> String {
    fixtures().join("valid").display().to_string()
}

struct Env {
    config: TempDir,
    data: TempDir,
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Env {
    fn new() -> Self {
        Env {
            config: TempDir::new().unwrap(),
            data: TempDir::new().unwrap(),
        }
    }

    fn run(&self, args: &[&str]) -> Run {
        self.run_with_stdin(args, None)
    }

    /// `decide --answers -` on the valid fixtures, the session coming from stdin.
    fn decide_stdin(&self, session: &str, extra: &[&str]) -> Run {
        let dir_arg = valid_dir();
        let mut args = vec!["--trees", &dir_arg, "decide", "--answers", "-"];
        args.extend_from_slice(extra);
        self.run_with_stdin(&args, Some(session))
    }

    fn run_with_stdin(&self, args: &[&str], stdin: Option<&str>) -> Run {
        let mut child = util::tradeoffs(self.config.path(), self.data.path())
            .args(args)
            .stdin(if stdin.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the binary runs");
        if let Some(text) = stdin {
            child
                .stdin
                .take()
                .unwrap()
                .write_all(text.as_bytes())
                .unwrap();
        }
        let Output {
            status,
            stdout,
            stderr,
        } = child.wait_with_output().unwrap();
        let run = Run {
            code: status.code().expect("exited, not killed by a signal"),
            stdout: String::from_utf8(stdout).unwrap(),
            stderr: String::from_utf8(stderr).unwrap(),
        };
        for text in [&run.stdout, &run.stderr] {
            assert!(!text.contains("panicked"), "panic: {text}");
            assert!(!text.contains("RUST_BACKTRACE"), "panic: {text}");
            assert!(
                !text.contains("Os {") && !text.contains("Error {"),
                "debug dump: {text}"
            );
        }
        run
    }

    /// `--trees tests/fixtures/valid` then `args`.
    fn with_fixtures(&self, args: &[&str]) -> Run {
        let dir = valid_dir();
        let mut all = vec!["--trees", dir.as_str()];
        all.extend_from_slice(args);
        self.run(&all)
    }

    fn trees_dir(&self) -> PathBuf {
        let dir = self.config.path().join("trees");
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }
}

impl Run {
    /// A failed run: the given status, nothing on stdout, exactly one line on stderr.
    #[track_caller]
    fn one_line_error(&self, code: i32) -> &str {
        assert_eq!(
            self.code, code,
            "stdout: {}\nstderr: {}",
            self.stdout, self.stderr
        );
        assert_eq!(self.stdout, "", "stdout of a failed run");
        let lines: Vec<&str> = self.stderr.lines().collect();
        assert_eq!(lines.len(), 1, "stderr: {}", self.stderr);
        lines[0]
    }

    #[track_caller]
    fn ok(&self) -> &str {
        assert_eq!(
            self.code, 0,
            "stdout: {}\nstderr: {}",
            self.stdout, self.stderr
        );
        assert_eq!(self.stderr, "", "stderr of a successful run");
        &self.stdout
    }

    #[track_caller]
    fn json(&self) -> Value {
        serde_json::from_str(self.ok()).expect("stdout is JSON")
    }
}

fn shipped() -> Catalog {
    let (catalog, problems) = Catalog::shipped();
    assert!(
        problems.is_empty(),
        "shipped trees are invalid: {problems:?}"
    );
    catalog
}

fn small_text() -> String {
    std::fs::read_to_string(fixtures().join("valid/small.json")).unwrap()
}

// --- trees list -----------------------------------------------------------------------------

#[test]
fn trees_list_json_has_the_keys_and_correct_counts() {
    let env = Env::new();
    let list = env.with_fixtures(&["trees", "list", "--json"]).json();
    let list = list.as_array().unwrap();
    let find = |id: &str| {
        list.iter()
            .find(|t| t["id"] == id)
            .unwrap_or_else(|| panic!("{id} not listed"))
    };
    for t in list {
        for key in [
            "id",
            "title",
            "source",
            "questions",
            "outcomes",
            "options",
            "criteria",
            "max_depth",
        ] {
            assert!(t.get(key).is_some(), "{key} missing in {t}");
        }
    }
    let small = find("small");
    assert_eq!(small["title"], "Small test tree");
    assert_eq!(small["source"], "Test fixture");
    let counts = |t: &Value| {
        ["questions", "outcomes", "options", "criteria", "max_depth"]
            .map(|k| t[k].as_u64().unwrap())
    };
    assert_eq!(counts(small), [2, 2, 3, 2, 2]);
    assert_eq!(counts(find("other")), [1, 1, 2, 2, 1]);
    // Shipped trees are listed with the counts the crate computes.
    let catalog = shipped();
    for t in catalog.trees() {
        let row = find(t.id());
        assert_eq!(row["title"], t.tree.title.as_str());
        assert_eq!(row["source"], t.tree.source.as_str());
        assert_eq!(
            counts(row),
            [
                t.questions() as u64,
                t.outcomes() as u64,
                t.tree.options.len() as u64,
                t.tree.criteria.len() as u64,
                t.max_depth as u64
            ]
        );
    }
    assert_eq!(list.len(), catalog.trees().len() + 2);
}

#[test]
fn trees_list_text_shows_one_row_per_tree() {
    let env = Env::new();
    let run = env.with_fixtures(&["trees", "list"]);
    let out = run.ok();
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].starts_with("ID"), "{out}");
    assert_eq!(lines.len(), 1 + shipped().trees().len() + 2, "{out}");
    let small = lines.iter().find(|l| l.starts_with("small ")).unwrap();
    let cols: Vec<&str> = small.split_whitespace().collect();
    // id, title (3 words), Q, OUT, OPT, CRI, DEPTH, source (2 words)
    assert_eq!(
        cols,
        [
            "small", "Small", "test", "tree", "2", "2", "3", "2", "2", "Test", "fixture"
        ]
    );
}

// --- trees validate -------------------------------------------------------------------------

#[test]
fn trees_validate_valid_file_prints_a_one_line_summary() {
    let env = Env::new();
    let path = fixtures().join("valid/small.json");
    let out = env
        .run(&["trees", "validate", path.to_str().unwrap()])
        .ok()
        .to_string();
    assert_eq!(out, "ok: 1 tree file(s) valid (small)\n");
}

#[test]
fn trees_validate_without_paths_checks_the_trees_of_the_trees_flag() {
    let env = Env::new();
    let out = env.with_fixtures(&["trees", "validate"]).ok().to_string();
    // Only the `--trees` files are checked (a tree author's directory), not the shipped trees.
    assert_eq!(out, "ok: 2 tree file(s) valid (other, small)\n");
}

#[test]
fn trees_validate_bad_file_prints_one_line_per_problem_and_exits_1() {
    let env = Env::new();
    let path = fixtures().join("invalid/several-problems.json");
    let p = path.to_str().unwrap();
    let run = env.run(&["trees", "validate", p]);
    assert_eq!(run.code, 1);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(
        lines,
        [
            format!("{p}: criteria[2]: duplicate criterion id \"sm.speed\""),
            format!(
                "{p}: options[\"sm.c\"].impacts[\"sm.cost\"].impact: impact 5 is out of range -2..2"
            ),
            format!(
                "{p}: nodes.q-first.answers: a question needs at least two answers, this one has 1"
            ),
            format!("{p}: nodes.q-second.answers[1].next: unknown node \"o-missing\""),
            format!("{p}: nodes.o-two: node is unreachable from the root \"q-first\""),
        ]
    );
    assert_eq!(run.stderr, "5 problem(s) found\n");
}

#[test]
fn trees_validate_reports_every_file_even_with_the_same_tree_id() {
    let env = Env::new();
    let a = fixtures().join("invalid/unknown-root.json");
    let b = fixtures().join("invalid/cycle.json");
    let c = fixtures().join("valid/small.json");
    let run = env.run(&[
        "trees",
        "validate",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        c.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{}", run.stdout);
    assert!(lines[0].ends_with("unknown-root.json: root: unknown node \"q-nope\""));
    assert!(
        lines[1].ends_with("cycle.json: nodes.q-second: cycle through nodes q-second → q-third")
    );
}

#[test]
fn trees_validate_json_syntax_error_names_line_and_column() {
    let env = Env::new();
    let path = fixtures().join("invalid/syntax-error.json");
    let p = path.to_str().unwrap();
    let run = env.run(&["trees", "validate", p]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stdout,
        format!("{p}: line 6 column 3: expected `,` or `}}`\n")
    );
}

// --- trees show -----------------------------------------------------------------------------

#[test]
fn trees_show_text_is_an_outline() {
    let env = Env::new();
    let out = env
        .with_fixtures(&["trees", "show", "small", "--format", "text"])
        .ok()
        .to_string();
    assert!(out.starts_with("Small test tree (small)\n"), "{out}");
    assert!(
        out.contains(
            "  ? [q-first] What matters most?\n    1) Fast\n      ? [q-second] Which shortlist?\n"
        ),
        "{out}"
    );
    assert!(out.contains("=> [o-one] Use A or B: sm.a, sm.b"), "{out}");
    assert!(out.contains("-> [q-second] (shown above)"), "{out}");
    // text is the default format
    assert_eq!(env.with_fixtures(&["trees", "show", "small"]).ok(), out);
}

#[test]
fn trees_show_dot_is_a_graphviz_graph() {
    let env = Env::new();
    let out = env
        .with_fixtures(&["trees", "show", "small", "--format", "dot"])
        .ok()
        .to_string();
    assert!(out.starts_with("digraph \"small\" {\n"), "{out}");
    assert!(out.trim_end().ends_with('}'));
    for edge in [
        "\"q-first\" -> \"q-second\" [label=\"Fast\"];",
        "\"q-first\" -> \"q-second\" [label=\"Cheap\"];",
        "\"q-second\" -> \"o-one\" [label=\"One\"];",
        "\"q-second\" -> \"o-two\" [label=\"Two\"];",
    ] {
        assert!(out.contains(edge), "{edge} missing:\n{out}");
    }
    assert_eq!(out.matches(" -> ").count(), 4);
}

#[test]
fn trees_show_mermaid_is_a_flowchart() {
    let env = Env::new();
    let out = env
        .with_fixtures(&["trees", "show", "small", "--format", "mermaid"])
        .ok()
        .to_string();
    assert!(out.starts_with("flowchart TD\n"), "{out}");
    assert!(out.contains("q_first -->|\"Fast\"| q_second"), "{out}");
    assert!(out.contains("q_second -->|\"Two\"| o_two"), "{out}");
    assert!(out.contains("o_one([\"Use A or B\"])"), "{out}");
    assert_eq!(out.matches("-->").count(), 4);
}

#[test]
fn trees_show_works_for_every_shipped_tree_in_every_format() {
    let env = Env::new();
    for t in shipped().trees() {
        for format in ["text", "dot", "mermaid"] {
            let out = env
                .run(&["trees", "show", t.id(), "--format", format])
                .ok()
                .to_string();
            assert!(!out.is_empty());
            // Every question prompt's node id appears in the graph formats, every prompt in text.
            if format == "text" {
                assert!(out.contains(&t.tree.title));
            }
        }
    }
}

// --- where trees come from ------------------------------------------------------------------

#[test]
fn trees_flag_adds_a_tree_and_replaces_a_shipped_id() {
    let env = Env::new();
    let catalog = shipped();
    let shipped_id = catalog
        .trees()
        .first()
        .expect("at least one shipped tree")
        .id();
    let dir = TempDir::new().unwrap();
    std::fs::write(dir.path().join("small.json"), small_text()).unwrap();
    let replacement =
        small_text().replacen("\"id\": \"small\"", &format!("\"id\": \"{shipped_id}\""), 1);
    let replacement = replacement.replacen("Small test tree", "Replacement tree", 1);
    // A namespace belongs to one tree and an area position to one tree: the replacement gets
    // its own.
    let replacement = replacement
        .replace("\"sm.", "\"rp.")
        .replacen("\"namespace\": \"sm\"", "\"namespace\": \"rp\"", 1)
        .replacen("\"position\": 1", "\"position\": 2", 1);
    std::fs::write(dir.path().join("replacement.json"), replacement).unwrap();
    let list = env
        .run(&[
            "--trees",
            dir.path().to_str().unwrap(),
            "trees",
            "list",
            "--json",
        ])
        .json();
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), catalog.trees().len() + 1);
    let row = list.iter().find(|t| t["id"] == shipped_id).unwrap();
    assert_eq!(row["title"], "Replacement tree");
    assert_eq!(row["questions"], 2);
    assert!(
        row["origin"]
            .as_str()
            .unwrap()
            .ends_with("replacement.json")
    );
    assert!(list.iter().any(|t| t["id"] == "small"));
    // A single file works as well as a directory.
    let file = dir.path().join("small.json");
    let list = env
        .run(&["--trees", file.to_str().unwrap(), "trees", "list", "--json"])
        .json();
    assert_eq!(list.as_array().unwrap().len(), catalog.trees().len() + 1);
}

#[test]
fn user_config_trees_dir_is_read_and_the_flag_wins_over_it() {
    let env = Env::new();
    let cfg = env.trees_dir();
    std::fs::write(
        cfg.join("small.json"),
        small_text().replacen("Small test tree", "Config tree", 1),
    )
    .unwrap();
    let list = env.run(&["trees", "list", "--json"]).json();
    let row = list
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == "small")
        .expect("tree from the config dir is listed")
        .clone();
    assert_eq!(row["title"], "Config tree");
    assert!(
        row["origin"]
            .as_str()
            .unwrap()
            .starts_with(cfg.to_str().unwrap())
    );
    // --trees comes after the config dir, so its tree with the same id wins.
    let list = env.with_fixtures(&["trees", "list", "--json"]).json();
    let rows: Vec<&Value> = list
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["id"] == "small")
        .collect();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["title"], "Small test tree");
}

#[test]
fn an_invalid_user_tree_is_skipped_with_a_one_line_warning() {
    let env = Env::new();
    std::fs::copy(
        fixtures().join("invalid/unknown-next.json"),
        env.trees_dir().join("broken.json"),
    )
    .unwrap();
    let run = env.run(&["trees", "list", "--json"]);
    assert_eq!(run.code, 0);
    let list: Value = serde_json::from_str(&run.stdout).unwrap();
    assert!(!list.as_array().unwrap().iter().any(|t| t["id"] == "small"));
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(lines.len(), 1, "{}", run.stderr);
    assert!(
        lines[0].starts_with("warning: skipped 1 invalid tree file(s)")
            && lines[0].contains("broken.json")
            && lines[0].contains("tradeoffs trees validate"),
        "{}",
        lines[0]
    );
}

// --- user-facing errors of `trees` ----------------------------------------------------------

#[test]
fn missing_path_is_one_line_and_non_zero() {
    let env = Env::new();
    let run = env.run(&["trees", "validate", "/no/such/tree.json"]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stdout.lines().count(), 1, "{}", run.stdout);
    assert!(
        run.stdout
            .starts_with("/no/such/tree.json: cannot read the file: ")
            && run.stdout.trim_end().ends_with("; check the path"),
        "{}",
        run.stdout
    );
    let line = env
        .run(&["--trees", "/no/such/dir", "trees", "list"])
        .one_line_error(1)
        .to_string();
    assert!(line.starts_with("error: --trees /no/such/dir: "), "{line}");
    assert!(
        line.ends_with("pass a directory of tree files or one tree file"),
        "{line}"
    );
}

#[test]
fn unreadable_path_is_one_line_and_non_zero() {
    let env = Env::new();
    // Not UTF-8: unreadable as text whoever runs the test (root reads files of any mode).
    let dir = TempDir::new().unwrap();
    let bad = dir.path().join("latin1.json");
    std::fs::write(&bad, b"{\"title\": \"caf\xe9\"}").unwrap();
    let run = env.run(&["trees", "validate", bad.to_str().unwrap()]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stdout.lines().count(), 1, "{}", run.stdout);
    assert!(
        run.stdout.contains("latin1.json: cannot read the file: "),
        "{}",
        run.stdout
    );
    // A directory where a file is expected.
    let run = env.run(&["trees", "validate", dir.path().to_str().unwrap()]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stdout.lines().count(), 1, "{}", run.stdout);
    assert!(run.stdout.contains("cannot read the file: "));
    let line = env
        .run(&["--trees", bad.to_str().unwrap(), "trees", "list"])
        .one_line_error(1)
        .to_string();
    assert!(line.starts_with("error: --trees "), "{line}");
}

#[test]
fn unknown_tree_id_is_one_line_and_non_zero() {
    let env = Env::new();
    let line = env
        .with_fixtures(&["trees", "show", "nope"])
        .one_line_error(1)
        .to_string();
    assert!(
        line.starts_with("error: unknown tree \"nope\"; available: "),
        "{line}"
    );
    assert!(line.contains("small") && line.contains("other"), "{line}");
    assert!(line.ends_with("(see `tradeoffs trees list`)"), "{line}");
}

#[test]
fn bad_flags_are_one_line_and_non_zero() {
    let env = Env::new();
    for args in [
        &["trees", "list", "--bogus"][..],
        &["trees", "show", "small", "--format", "pdf"],
        &["trees", "frobnicate"],
        &["decide", "--path", "1,1"],
    ] {
        let line = env.run(args).one_line_error(2).to_string();
        // The help of the subcommand the arguments were for.
        let command = args
            .iter()
            .take_while(|a| !a.starts_with('-') && **a != "small" && **a != "frobnicate")
            .copied()
            .collect::<Vec<_>>()
            .join(" ");
        let help = format!("(see `tradeoffs {command} --help`)");
        assert!(
            line.starts_with("error: ") && line.ends_with(&help),
            "{args:?}: {line}"
        );
    }
}

#[test]
fn no_terminal_gives_a_one_line_hint() {
    let env = Env::new();
    let line = env.run(&[]).one_line_error(1).to_string();
    assert!(line.contains("needs a terminal"), "{line}");
    assert!(line.contains("tradeoffs decide"), "{line}");
}

// --- decide ---------------------------------------------------------------------------------

fn decide_json(env: &Env, args: &[&str]) -> Value {
    let mut all = vec!["decide"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json"]);
    env.with_fixtures(&all).json()
}

fn ranking(report: &Value) -> Vec<(String, i64, bool)> {
    report["ranking"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["id"].as_str().unwrap().to_string(),
                r["score"].as_i64().unwrap(),
                !r["ruled_out"].is_null(),
            )
        })
        .collect()
}

#[test]
fn decide_path_walks_the_tree_and_json_has_the_keys() {
    let env = Env::new();
    let r = decide_json(&env, &["--tree", "small", "--path", "1,1"]);
    for key in [
        "tree",
        "path",
        "weights",
        "ranking",
        "chosen",
        "sensitivity",
        "conflicts",
    ] {
        assert!(r.get(key).is_some(), "{key} missing");
    }
    assert_eq!(r["tree"], "small");
    let path: Vec<(&str, &str)> = r["path"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["question"].as_str().unwrap(),
                s["answer"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        path,
        [("What matters most?", "Fast"), ("Which shortlist?", "One")]
    );
    // "Fast" raises speed 3 → 5; C is ruled out by the answer.
    assert_eq!(
        r["weights"],
        serde_json::json!({"sm.speed": 5, "sm.cost": 2})
    );
    assert_eq!(
        ranking(&r),
        [
            ("sm.a".into(), 8, false),
            ("sm.b".into(), 7, false),
            ("sm.c".into(), -6, true)
        ]
    );
    let top = &r["ranking"][0];
    for key in ["id", "name", "score", "ruled_out", "contributions"] {
        assert!(top.get(key).is_some(), "ranking.{key} missing");
    }
    assert_eq!(top["name"], "Option A");
    assert!(top["ruled_out"].is_null());
    assert_eq!(r["ranking"][2]["ruled_out"], "C is too slow.");
    let contributions: Vec<(&str, i64)> = top["contributions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["criterion"].as_str().unwrap(),
                c["value"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(contributions, [("sm.speed", 10), ("sm.cost", -2)]);
    assert_eq!(r["chosen"], "sm.a");
    // Gap 1: raising cost 2 → 3 gives A 7, B 8 (a step of 1); lowering speed needs 2.
    let s = &r["sensitivity"];
    assert_eq!(s["kind"], "flip");
    assert_eq!(
        (
            &s["leader"],
            &s["runner_up"],
            &s["criterion"],
            &s["from"],
            &s["to"]
        ),
        (
            &Value::from("sm.a"),
            &Value::from("sm.b"),
            &Value::from("sm.cost"),
            &Value::from(2),
            &Value::from(3)
        )
    );
    assert_eq!(r["conflicts"], serde_json::json!([]));
}

#[test]
fn decide_text_output_has_path_ranking_explanation_sensitivity_and_conflicts() {
    let env = Env::new();
    let out = env
        .with_fixtures(&["decide", "--tree", "small", "--path", "1,1"])
        .ok()
        .to_string();
    for part in [
        "Path:\n  1. What matters most?\n     → Fast\n  2. Which shortlist?\n     → One\n",
        "Outcome: Use A or B",
        "Ranking:\n * 1. Option A",
        "ruled out by \"Fast\" (to \"What matters most?\"): C is too slow.",
        "Why Option A:\n   +10  Speed (weight 5 × impact +2): A is fast.\n    -2  Cost (weight 2 × impact -1): A is dear.\n",
        "Sensitivity:\n  Option A leads Option B by 1; Option B overtakes Option A if the weight of Cost rises from 2 to 3.",
        "Conflicts:\n  none",
        "Notes:\n  - Measure latency before launch.",
    ] {
        assert!(out.contains(part), "missing {part:?} in:\n{out}");
    }
}

#[test]
fn decide_weight_override_changes_the_ranking() {
    let env = Env::new();
    let r = decide_json(
        &env,
        &["--tree", "small", "--path", "1,1", "--weight", "sm.cost=5"],
    );
    assert_eq!(r["weights"]["sm.cost"], 5);
    assert_eq!(
        ranking(&r)[..2],
        [("sm.b".into(), 10, false), ("sm.a".into(), 5, false)]
    );
    assert_eq!(r["chosen"], "sm.b");
    // Repeatable.
    let r = decide_json(
        &env,
        &[
            "--tree",
            "small",
            "--path",
            "1,1",
            "--weight",
            "sm.cost=0",
            "--weight",
            "sm.speed=1",
        ],
    );
    assert_eq!(
        r["weights"],
        serde_json::json!({"sm.speed": 1, "sm.cost": 0})
    );
    assert_eq!(
        ranking(&r)[..2],
        [("sm.a".into(), 2, false), ("sm.b".into(), 1, false)]
    );
}

#[test]
fn decide_option_chooses_another_option() {
    let env = Env::new();
    let r = decide_json(
        &env,
        &["--tree", "small", "--path", "1,1", "--option", "sm.b"],
    );
    assert_eq!(r["chosen"], "sm.b");
    assert_eq!(r["chosen_by_user"], true);
    // The ranking itself does not change.
    assert_eq!(ranking(&r)[0].0, "sm.a");
    let out = env
        .with_fixtures(&[
            "decide", "--tree", "small", "--path", "1,1", "--option", "sm.b",
        ])
        .ok()
        .to_string();
    assert!(
        out.contains("Why Option B (chosen by you over the top-ranked option):"),
        "{out}"
    );
}

fn session_file(decisions: Vec<Decision>) -> String {
    let mut s = Session::new("test-session", 1_700_000_000);
    s.decisions = decisions;
    s.to_json()
}

fn decision(tree: &str, steps: &[(&str, &str)]) -> Decision {
    let mut d = Decision::new(tree);
    d.answers = steps.iter().map(|(q, a)| Step::single(*q, *a)).collect();
    d
}

#[test]
fn decide_answers_file_and_stdin_replay_a_saved_session() {
    let env = Env::new();
    let mut d = decision("small", &[("q-first", "Cheap"), ("q-second", "Two")]);
    d.overrides.insert("sm.speed".into(), 4);
    let text = session_file(vec![d]);
    let dir = TempDir::new().unwrap();
    let file = dir.path().join("session.json");
    std::fs::write(&file, &text).unwrap();
    let from_file = decide_json(&env, &["--answers", file.to_str().unwrap()]);
    // Cheap → Two: B or C; speed overridden to 4, cost 2: B = 4+2 = 6, C = -8+4 = -4.
    assert_eq!(from_file["tree"], "small");
    assert_eq!(from_file["path"][1]["answer"], "Two");
    assert_eq!(
        ranking(&from_file),
        [
            ("sm.b".into(), 6, false),
            ("sm.c".into(), -4, false),
            ("sm.a".into(), 6, true)
        ]
    );
    assert_eq!(from_file["chosen"], "sm.b");
    // The same session through stdin gives the same object, and equals the --path walk.
    let run = env.decide_stdin(&text, &["--format", "json"]);
    assert_eq!(run.json(), from_file);
    let by_path = decide_json(
        &env,
        &["--tree", "small", "--path", "2,2", "--weight", "sm.speed=4"],
    );
    assert_eq!(by_path, from_file);
}

#[test]
fn decide_session_with_two_trees_reports_the_cross_tree_conflict() {
    let env = Env::new();
    // small → A (path Fast, One); other → X (Safety). ot.x conflicts_with sm.a.
    let text = session_file(vec![
        decision("small", &[("q-first", "Fast"), ("q-second", "One")]),
        decision("other", &[("q-only", "Safety")]),
    ]);
    let run = env.decide_stdin(&text, &["--format", "json"]);
    let reports = run.json();
    let reports = reports.as_array().expect("one report per decision");
    assert_eq!(reports.len(), 2);
    assert_eq!(reports[0]["chosen"], "sm.a");
    assert_eq!(reports[1]["chosen"], "ot.x");
    for r in reports {
        let c = r["conflicts"].as_array().unwrap();
        assert_eq!(c.len(), 1, "{r}");
        assert_eq!(c[0]["kind"], "conflicts_with");
        assert_eq!(
            (&c[0]["from"], &c[0]["to"]),
            (&"ot.x".into(), &"sm.a".into())
        );
        assert_eq!(c[0]["rationale"], "X cannot run next to A.");
    }
    // Effort → Y, which requires sm.b; the small tree was decided for A.
    let text = session_file(vec![
        decision("small", &[("q-first", "Fast"), ("q-second", "One")]),
        decision("other", &[("q-only", "Effort")]),
    ]);
    let run = env.decide_stdin(&text, &[]);
    let out = run.ok();
    assert!(
        out.contains(
            "! Option Y requires Option B, which this session did not choose: Y builds on B."
        ),
        "{out}"
    );
}

// --- decide: bad input, each one line with exit status 2 ------------------------------------

fn decide_error(env: &Env, args: &[&str]) -> String {
    let mut all = vec!["decide"];
    all.extend_from_slice(args);
    env.with_fixtures(&all).one_line_error(2).to_string()
}

#[test]
fn decide_answer_number_out_of_range() {
    let env = Env::new();
    assert_eq!(
        decide_error(&env, &["--tree", "small", "--path", "1,3"]),
        "error: answer 3 at step 2 is out of range for \"Which shortlist?\"; choose 1..2: 1) One  2) Two"
    );
    assert_eq!(
        decide_error(&env, &["--tree", "small", "--path", "0"]),
        "error: answer 0 at step 1 is out of range for \"What matters most?\"; choose 1..2: 1) Fast  2) Cheap"
    );
    let line = decide_error(&env, &["--tree", "small", "--path", "1,x"]);
    assert!(line.contains("\"x\" is not an answer number"), "{line}");
}

#[test]
fn decide_path_that_stops_before_an_outcome() {
    let env = Env::new();
    assert_eq!(
        decide_error(&env, &["--tree", "small", "--path", "1"]),
        "error: the path stops before an outcome, at question 2 \"Which shortlist?\"; add one of: 1) One  2) Two"
    );
    let line = decide_error(&env, &["--tree", "small"]);
    assert!(
        line.contains("at question 1 \"What matters most?\"; add one of: 1) Fast  2) Cheap"),
        "{line}"
    );
}

#[test]
fn decide_path_longer_than_the_tree() {
    let env = Env::new();
    assert_eq!(
        decide_error(&env, &["--tree", "small", "--path", "1,1,2,1"]),
        "error: the path is longer than the tree: after 2 answer(s) it reached the outcome \"Use A or B\"; drop the last 2 number(s)"
    );
}

#[test]
fn decide_unknown_tree_criterion_or_option() {
    let env = Env::new();
    let line = decide_error(&env, &["--tree", "nope", "--path", "1"]);
    assert!(
        line.starts_with("error: unknown tree \"nope\"; available: "),
        "{line}"
    );
    let line = decide_error(
        &env,
        &["--tree", "small", "--path", "1,1", "--weight", "sm.nope=3"],
    );
    assert_eq!(
        line,
        "error: --weight sm.nope=3: unknown criterion \"sm.nope\"; known: sm.speed, sm.cost"
    );
    let line = decide_error(
        &env,
        &["--tree", "small", "--path", "1,1", "--weight", "sm.cost=9"],
    );
    assert!(line.contains("out of range 0..5"), "{line}");
    let line = decide_error(
        &env,
        &["--tree", "small", "--path", "1,1", "--weight", "sm.cost"],
    );
    assert!(line.contains("expected CRITERION=N"), "{line}");
    let line = decide_error(
        &env,
        &["--tree", "small", "--path", "1,1", "--option", "sm.zzz"],
    );
    assert!(
        line.starts_with("error: --option sm.zzz: unknown option"),
        "{line}"
    );
    // Known but ruled out by an answer.
    let line = decide_error(
        &env,
        &["--tree", "small", "--path", "1,1", "--option", "sm.c"],
    );
    assert_eq!(
        line,
        "error: --option sm.c: option \"sm.c\" is ruled out: C is too slow."
    );
}

#[test]
fn decide_malformed_answers_file_names_file_line_and_column() {
    let env = Env::new();
    let dir = TempDir::new().unwrap();
    let file = dir.path().join("broken.json");
    std::fs::write(
        &file,
        "{\n  \"format\": 1,\n  \"id\": \"x\"\n  \"decisions\": []\n}\n",
    )
    .unwrap();
    let f = file.to_str().unwrap();
    assert_eq!(
        decide_error(&env, &["--answers", f]),
        format!("error: {f}: line 4 column 3: expected `,` or `}}`")
    );
    // A type error has a place too.
    std::fs::write(&file, "{\"format\": 1, \"id\": \"x\", \"decisions\": 7}").unwrap();
    let line = decide_error(&env, &["--answers", f]);
    assert!(
        line.starts_with(&format!("error: {f}: line 1 column ")),
        "{line}"
    );
    assert!(line.contains("invalid type: integer `7`"), "{line}");
    // From stdin the label says so.
    let run = env.decide_stdin("{ nope", &[]);
    let line = run.one_line_error(2);
    assert!(
        line.starts_with("error: stdin: line 1 column 3: "),
        "{line}"
    );
    // A missing answers file.
    let line = decide_error(&env, &["--answers", "/no/such/session.json"]);
    assert!(
        line.starts_with("error: cannot read answers file /no/such/session.json: "),
        "{line}"
    );
}

#[test]
fn decide_session_whose_tree_changed_names_what_no_longer_exists() {
    let env = Env::new();
    let run = |text: String| env.decide_stdin(&text, &[]).one_line_error(2).to_string();
    let line = run(session_file(vec![decision(
        "small",
        &[("q-first", "Fast"), ("q-second", "Three")],
    )]));
    assert_eq!(
        line,
        "error: stdin: tree \"small\" changed: question \"q-second\" no longer has the answer \"Three\" (answers now: 1) One  2) Two)"
    );
    let line = run(session_file(vec![decision("small", &[("q-gone", "Fast")])]));
    assert!(
        line.contains("answer 1 is for question \"q-gone\", which no longer exists"),
        "{line}"
    );
    let line = run(session_file(vec![decision("removed-tree", &[])]));
    assert!(
        line.contains("the session uses tree \"removed-tree\", which is not loaded"),
        "{line}"
    );
    let mut d = decision("small", &[("q-first", "Fast"), ("q-second", "One")]);
    d.overrides.insert("sm.gone".into(), 3);
    let line = run(session_file(vec![d]));
    assert!(line.contains("unknown criterion \"sm.gone\""), "{line}");
    let mut d = decision("small", &[("q-first", "Fast"), ("q-second", "One")]);
    d.chosen = Some("sm.gone".into());
    let line = run(session_file(vec![d]));
    assert!(line.contains("unknown option \"sm.gone\""), "{line}");
}

#[test]
fn decide_works_on_every_shipped_tree() {
    let env = Env::new();
    for t in shipped().trees() {
        // Follow answer 1 to an outcome.
        let mut d = Decision::new(t.id());
        let mut path = Vec::new();
        while !tradeoffs::session::Walk::replay(t, &d)
            .unwrap()
            .at_outcome()
        {
            d.answer(t, 0).unwrap();
            path.push("1");
        }
        let path = path.join(",");
        let r = env
            .run(&[
                "decide",
                "--tree",
                t.id(),
                "--path",
                &path,
                "--format",
                "json",
            ])
            .json();
        assert_eq!(r["tree"], t.id());
        assert_eq!(r["path"].as_array().unwrap().len(), d.answers.len());
        assert!(r["chosen"].is_string(), "{}", r["chosen"]);
        assert_eq!(r["ranking"].as_array().unwrap().len(), t.tree.options.len());
    }
}

#[test]
fn control_characters_from_tree_files_never_reach_the_terminal() {
    let env = Env::new();
    let dir = TempDir::new().unwrap();
    let mut tree: Value = serde_json::from_str(&small_text()).unwrap();
    tree["title"] = "Small \u{1b}]0;pwned\u{7} tree".into();
    tree["source"] = "Test\u{1b}[2J fixture".into();
    tree["nodes"][0]["prompt"] = "What \u{1b}[31mmatters\u{1b}[0m most?".into();
    tree["nodes"][0]["answers"][0]["label"] = "Fast\u{8}\u{8}\u{8}".into();
    tree["options"][0]["name"] = "Option \u{1b}[2JA".into();
    tree["options"][0]["impacts"]["sm.speed"]["rationale"] = "A is\r fast.".into();
    std::fs::write(dir.path().join("small.json"), tree.to_string()).unwrap();
    let d = dir.path().to_str().unwrap();
    let runs = [
        env.run(&["--trees", d, "trees", "list"]),
        env.run(&["--trees", d, "trees", "show", "small"]),
        env.run(&["--trees", d, "trees", "show", "small", "--format", "dot"]),
        env.run(&[
            "--trees", d, "trees", "show", "small", "--format", "mermaid",
        ]),
        env.run(&["--trees", d, "decide", "--tree", "small", "--path", "1,1"]),
        env.run(&[
            "--trees", d, "decide", "--tree", "small", "--path", "1,1", "--format", "json",
        ]),
    ];
    for run in &runs {
        let out = run.ok();
        assert!(
            !out.chars().any(|c| c.is_control() && c != '\n'),
            "control character in output:\n{out:?}"
        );
    }
    // The words are still there.
    assert!(
        runs[4].stdout.contains("Why Option  [2JA:"),
        "{}",
        runs[4].stdout
    );
}

// --- format 2: checks, promises, analyze, multi-answer paths, ties --------------------------

fn format2(name: &str) -> String {
    fixtures().join("format2").join(name).display().to_string()
}

#[test]
fn trees_validate_reports_a_failed_check_with_a_shortest_path() {
    let env = Env::new();
    let file = format2("multi.json");
    let out = env.run(&["trees", "validate", &file]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(
        out.stdout,
        format!(
            "{file}: checks[0]: check \"pci-never-fast\" fails (never mu.fast): mu.fast wins on 2 of 4 applicable path(s); shortest example: --path 1,1; why: Fast is not PCI ready.\n"
        )
    );
    assert_eq!(out.stderr, "1 problem(s) found\n");
}

#[test]
fn trees_validate_reports_a_broken_outcome_promise_but_the_tree_still_loads() {
    let env = Env::new();
    // Without the rule-out that keeps A off the B-or-C outcome, A wins there.
    let text = small_text().replacen(
        "{ \"op\": \"rule_out\", \"option\": \"sm.a\", \"reason\": \"A is not on the B-or-C shortlist.\" }",
        "{ \"op\": \"note\", \"text\": \"B or C.\" }",
        1,
    );
    assert_ne!(text, small_text());
    let dir = TempDir::new().unwrap();
    let file = dir.path().join("small.json");
    std::fs::write(&file, text).unwrap();
    let file = file.display().to_string();
    let out = env.run(&["trees", "validate", &file]);
    assert_eq!(out.code, 1);
    assert_eq!(
        out.stdout,
        format!(
            "{file}: nodes.o-two.options: outcome \"o-two\" promises sm.b, sm.c but sm.a wins on 1 path(s) to it; shortest example: --path 1,2\n"
        )
    );
    // A broken promise is not a load error: the tree is listed and decides.
    let r = env
        .run(&[
            "--trees", &file, "decide", "--tree", "small", "--path", "1,2", "--format", "json",
        ])
        .json();
    assert_eq!(r["chosen"], "sm.a");
    assert_eq!(r["outcome"]["promise_kept"], false);
}

#[test]
fn trees_analyze_a_file_as_json_has_exactly_the_documented_keys() {
    let env = Env::new();
    let a = env
        .run(&["trees", "analyze", &format2("multi.json"), "--json"])
        .json();
    let keys: Vec<&str> = a.as_object().unwrap().keys().map(String::as_str).collect();
    let mut want = vec![
        "tree",
        "priorities_first",
        "paths",
        "sampled",
        "winners",
        "never_win",
        "ties",
        "narrow",
        "dead_ends",
        "outcome_mismatches",
        "checks",
    ];
    want.sort_unstable();
    assert_eq!(keys, want);
    assert_eq!(a["tree"], "multi");
    // 4 selections at the multi question (1, 2, 1+2, 3 alone) × 2 answers.
    assert_eq!(a["paths"], 8);
    assert_eq!(a["sampled"], Value::Null);
    assert_eq!(a["winners"]["mu.fast"]["count"], 4);
    assert_eq!(a["never_win"], serde_json::json!(["mu.safe"]));
    assert_eq!(a["dead_ends"][0]["count"], 2);
    assert_eq!(a["dead_ends"][0]["example_path"], "2,2");
    assert_eq!(
        a["dead_ends"][0]["answers"],
        serde_json::json!([
            {"question": "q-compliance", "answer": "HIPAA: protected health information of US patients"},
            {"question": "q-speed", "answer": "No"}
        ])
    );
    assert_eq!(a["checks"][0]["ok"], false);
    assert_eq!(a["checks"][0]["failures"][0]["example_path"], "1,1");
    assert_eq!(a["checks"][1]["ok"], true);
    // The text form, by id through --trees.
    let text = env
        .run(&[
            "--trees",
            &format2("multi.json"),
            "trees",
            "analyze",
            "multi",
        ])
        .ok()
        .to_string();
    assert!(
        text.starts_with("multi: 8 paths (all evaluated)\n"),
        "{text}"
    );
    assert!(
        text.contains("FAIL pci-never-fast (never mu.fast): mu.fast wins on 2 of 4 applicable path(s), e.g. --path 1,1"),
        "{text}"
    );
    assert!(text.lines().count() <= 40, "one screen: {text}");
    let e = env.run(&["trees", "analyze", "nope"]);
    assert_eq!(e.code, 1);
    assert!(
        e.stderr.starts_with("error: unknown tree \"nope\""),
        "{}",
        e.stderr
    );
}

#[test]
fn decide_takes_multi_answer_steps_joined_with_plus() {
    let env = Env::new();
    let trees = format2("multi.json");
    let r = env
        .run(&[
            "--trees", &trees, "decide", "--tree", "multi", "--path", "1+2,2", "--format", "json",
        ])
        .json();
    assert_eq!(r["path"][0]["numbers"], serde_json::json!([1, 2]));
    assert_eq!(r["path"][0]["multi"], true);
    assert_eq!(r["chosen"], Value::Null);
    assert_eq!(r["dead_end"]["answers"][0]["number"], 2);
    assert_eq!(r["dead_end"]["answers"][1]["answer"], "No");
    assert_eq!(r["ranking"][0]["rule_out"]["by"]["question_id"], "q-speed");
    let e = env.run(&[
        "--trees", &trees, "decide", "--tree", "multi", "--path", "1+3,1",
    ]);
    assert_eq!(
        e.one_line_error(2),
        "error: step 1: \"None of these\" (answer 3) can only be selected alone"
    );
    let e = env.run(&[
        "--trees", &trees, "decide", "--tree", "multi", "--path", "1,1+2",
    ]);
    assert_eq!(
        e.one_line_error(2),
        "error: step 2 joins answers with '+', but \"Does speed matter?\" takes one answer; choose one of: 1) Yes  2) No"
    );
    let e = env.run(&[
        "--trees", &trees, "decide", "--tree", "multi", "--path", "1+x,1",
    ]);
    assert!(
        e.one_line_error(2)
            .contains("\"x\" is not an answer number"),
        "{}",
        e.stderr
    );
    // The conditional note reaches only the option it names.
    let text = env
        .run(&[
            "--trees", &trees, "decide", "--tree", "multi", "--path", "1,1",
        ])
        .ok()
        .to_string();
    assert!(
        text.contains("Notes:\n  - Fast needs a PCI segment."),
        "{text}"
    );
    assert!(text.contains("Robustness:\n  Fragile: Fast wins"), "{text}");
    assert!(
        text.contains("Confirmation:\n  A load test passes."),
        "{text}"
    );
    let r = env
        .run(&[
            "--trees",
            &trees,
            "decide",
            "--tree",
            "multi",
            "--path",
            "1,1",
            "--option",
            "mu.simple",
            "--format",
            "json",
        ])
        .json();
    assert_eq!(r["notes"], serde_json::json!([]));
}

#[test]
fn decide_reports_a_tie_and_the_trees_preference() {
    let env = Env::new();
    // Speed 4, cost 2 on "Cheap, One": A = 8 - 2 = 6, B = 4 + 2 = 6.
    let args = [
        "decide",
        "--tree",
        "small",
        "--path",
        "2,1",
        "--weight",
        "sm.speed=4",
    ];
    let text = env.with_fixtures(&args).ok().to_string();
    assert!(
        text.contains("Tie:\n  Option A and Option B tied at 6; decided by the tree's preference order, which puts Option A first: Test fixture: listing order."),
        "{text}"
    );
    let mut json_args = args.to_vec();
    json_args.extend(["--format", "json"]);
    let r = env.with_fixtures(&json_args).json();
    assert_eq!(r["tie"]["options"], serde_json::json!(["sm.a", "sm.b"]));
    assert_eq!(r["tie"]["preferred"], "sm.a");
    assert_eq!(r["tie"]["decided_by"], "preference_order");
    assert_eq!(r["tie"]["decisions"][0]["over"], "sm.b");
    assert_eq!(r["tie"]["decisions"][0]["level"], Value::Null);
    assert_eq!(r["chosen"], "sm.a");
    assert_eq!(r["robustness"]["verdict"], "fragile");
}

/// A tree with `tie_break.priorities_first`: the user's priorities decide a tie before the
/// tree's order (which here prefers B), and the outputs say which decided.
#[test]
fn decide_reports_a_tie_decided_by_the_users_priorities() {
    let env = Env::new();
    let file = format2("priorities.json");
    // Speed 4, cost 2: A = 8 − 2 = 6, B = 4 + 2 = 6. At weight 4 A has +8, B +4.
    let args = [
        "--trees",
        &file,
        "decide",
        "--tree",
        "prio",
        "--path",
        "2,1",
        "--weight",
        "sm.speed=4",
    ];
    let text = env.run(&args).ok().to_string();
    assert!(
        text.contains("Tie:\n  Option A and Option B tied at 6; decided by your top priorities (Speed, weight 4: +8 vs +4)\n"),
        "{text}"
    );
    let mut json_args = args.to_vec();
    json_args.extend(["--format", "json"]);
    let r = env.run(&json_args).json();
    assert_eq!(r["chosen"], "sm.a");
    assert_eq!(r["tie"]["options"], serde_json::json!(["sm.a", "sm.b"]));
    assert_eq!(r["tie"]["decided_by"], "priorities");
    let level = &r["tie"]["decisions"][0]["level"];
    assert_eq!(level["weight"], 4);
    assert_eq!(level["top"], true);
    assert_eq!(level["criteria"], serde_json::json!(["sm.speed"]));
    assert_eq!(
        (
            level["preferred_value"].as_i64(),
            level["other_value"].as_i64()
        ),
        (Some(8), Some(4))
    );
    // Every weight 0: all three tie at every level, so the tree's order decides (B first).
    let text = env
        .run(&[
            "--trees",
            &file,
            "decide",
            "--tree",
            "prio",
            "--path",
            "2,1",
            "--weight",
            "sm.speed=0",
            "--weight",
            "sm.cost=0",
        ])
        .ok()
        .to_string();
    assert!(
        text.contains("Option B, Option A and Option C tied at 0 and at every priority level; decided by the tree's preference order, which puts Option B first: Test fixture: B is the middle of the road."),
        "{text}"
    );
}

#[test]
fn trees_analyze_reports_ties_decided_by_priorities_and_by_the_order() {
    let env = Env::new();
    // data-caching is off by default: every tie goes to the tree's order.
    let a = env
        .run(&["trees", "analyze", "data-caching", "--json"])
        .json();
    assert_eq!(a["priorities_first"], false);
    let count = a["ties"]["count"].as_u64().unwrap();
    assert!(count > 0);
    assert_eq!(a["ties"]["by_priorities"]["count"], 0);
    assert_eq!(a["ties"]["by_preference_order"]["count"], count);
    let text = env
        .run(&["trees", "analyze", "data-caching"])
        .ok()
        .to_string();
    assert!(
        text.contains("all decided by tie_break.order (priorities_first is off; --priorities-first shows its effect)"),
        "{text}"
    );
    // --priorities-first: the same ties, most decided by the user's priorities.
    let p = env
        .run(&[
            "trees",
            "analyze",
            "data-caching",
            "--json",
            "--priorities-first",
        ])
        .json();
    assert_eq!(p["priorities_first"], true);
    assert_eq!(p["ties"]["count"], count);
    let (by_p, by_o) = (
        p["ties"]["by_priorities"]["count"].as_u64().unwrap(),
        p["ties"]["by_preference_order"]["count"].as_u64().unwrap(),
    );
    assert_eq!(by_p + by_o, count);
    assert!(by_o < by_p, "{by_o} by order, {by_p} by priorities");
    let groups: u64 = p["ties"]["by_preference"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["count"].as_u64().unwrap())
        .sum();
    assert_eq!(groups, by_o);
    let text = env
        .run(&["trees", "analyze", "data-caching", "--priorities-first"])
        .ok()
        .to_string();
    assert!(
        text.contains(&format!("decided by the user's priorities: {by_p} (")),
        "{text}"
    );
}

#[test]
fn trees_show_follows_the_next_of_a_multi_answer_question() {
    let env = Env::new();
    let trees = format2("multi.json");
    let text = env
        .run(&["--trees", &trees, "trees", "show", "multi"])
        .ok()
        .to_string();
    assert!(
        text.contains("    3) None of these\n    (select all that apply, then:)\n      ? [q-speed] Does speed matter?\n"),
        "{text}"
    );
    let dot = env
        .run(&[
            "--trees", &trees, "trees", "show", "multi", "--format", "mermaid",
        ])
        .ok()
        .to_string();
    assert!(
        dot.contains("q_compliance -->|\"None of these\"| q_speed"),
        "{dot}"
    );
}

// --- untrusted tree text never drives the terminal -----------------------------------------

#[test]
fn escape_sequences_in_tree_ids_never_reach_the_terminal() {
    // An OSC 52 clipboard write hidden in a node id: valid JSON, a valid tree.
    let payload = "\\u001b]52;c;aGVsbG8=\\u0007";
    let env = Env::new();
    let dir = TempDir::new().unwrap();
    let evil = dir.path().join("small.json");
    std::fs::write(
        &evil,
        small_text().replace("\"q-first\"", &format!("\"q-first{payload}\"")),
    )
    .unwrap();
    let d = dir.path().to_str().unwrap();
    // The same payload as an unknown `next`, so validation quotes it in a problem.
    let broken = dir.path().join("broken.json");
    let text = small_text();
    let at = text.find("\"next\": \"").expect("the fixture has a next");
    let broken_text = format!(
        "{}\"next\": \"nowhere{payload}\"{}",
        &text[..at],
        &text[at + text[at..].find("\",").unwrap() + 1..]
    );
    std::fs::write(&broken, broken_text).unwrap();
    let runs = [
        env.run(&["--trees", d, "trees", "validate"]),
        env.run(&[
            "--trees", d, "trees", "show", "small", "--format", "mermaid",
        ]),
        env.run(&["trees", "validate", broken.to_str().unwrap()]),
    ];
    // Ids are restricted to a safe character set, so the tree is refused with the id quoted
    // escaped (so the check below is about escaping, not absence).
    assert!(
        runs[0]
            .stdout
            .contains(r#"id "q-first\u{1b}]52;c;aGVsbG8=\u{7}" may only contain ASCII letters"#),
        "{}",
        runs[0].stdout
    );
    assert!(
        runs[2].stdout.contains("nowhere ]52;c;aGVsbG8="),
        "{}",
        runs[2].stdout
    );
    for run in &runs {
        for text in [&run.stdout, &run.stderr] {
            assert!(
                !text.chars().any(|c| c.is_control() && c != '\n'),
                "a control character reached the terminal: {text:?}"
            );
        }
    }
}

#[test]
fn missing_and_unknown_arguments_name_what_is_wrong_and_the_subcommand_help() {
    let env = Env::new();
    let r = env.run(&["decide"]);
    assert_eq!(
        r.one_line_error(2),
        "error: the following required arguments were not provided: --tree <ID> (see `tradeoffs decide --help`)"
    );
    let r = env.run(&["decide", "--path", "1"]);
    assert!(r.one_line_error(2).contains("--tree <ID>"));
    let r = env.run(&["trees", "shw"]);
    assert_eq!(
        r.one_line_error(2),
        "error: unrecognized subcommand 'shw' (see `tradeoffs trees --help`)"
    );
}

#[test]
fn status_and_date_flags_are_checked_in_every_output_format() {
    let env = Env::new();
    for format in ["text", "json", "madr", "nygard", "log4brains"] {
        let r = env.with_fixtures(&[
            "decide",
            "--tree",
            "small",
            "--path",
            "1,1",
            "--format",
            format,
            "--status",
            "superseded",
        ]);
        assert_eq!(
            r.one_line_error(2),
            "error: --status superseded: use one of proposed, accepted, rejected, deprecated",
            "{format}"
        );
        let r = env.with_fixtures(&[
            "decide",
            "--tree",
            "small",
            "--path",
            "1,1",
            "--format",
            format,
            "--date",
            "2026-13-01",
        ]);
        assert_eq!(
            r.one_line_error(2),
            "error: --date 2026-13-01: use YYYY-MM-DD",
            "{format}"
        );
    }
}

#[test]
fn exporting_a_session_decision_again_needs_update_or_new() {
    let env = Env::new();
    let repo = TempDir::new().unwrap();
    let dir = valid_dir();
    let run = |extra: &[&str], stdin: &str| {
        let mut args = vec![
            "--trees",
            dir.as_str(),
            "decide",
            "--answers",
            "-",
            "--export",
        ];
        args.extend_from_slice(&["--adr-dir", repo.path().to_str().unwrap()]);
        args.extend_from_slice(extra);
        env.run_with_stdin(&args, Some(stdin))
    };
    // A session whose decision was exported as the ADR written first.
    let session = |exported: &str| {
        format!(
            r#"{{"format":2,"id":"s","created":0,"updated":0,"active":0,"decisions":[{{"tree":"small","answers":[{{"question":"q-first","answer":"Fast"}},{{"question":"q-second","answer":"One"}}],"record":{{"exported":"{exported}"}}}}]}}"#
        )
    };
    let first = run(&[], &session("/nonexistent.md"));
    let written = first.ok().trim().to_string();
    let again = run(&[], &session(&written));
    assert_eq!(
        again.one_line_error(2),
        format!(
            "error: decision 1 was already exported as {written}; add --update to rewrite it in place or --new to write another ADR"
        )
    );
    let updated = run(&["--update"], &session(&written));
    assert_eq!(updated.code, 0, "{}", updated.stderr);
    assert_eq!(updated.stdout, "");
    assert_eq!(updated.stderr, format!("changed: {written}\n"));
    let new = run(&["--new"], &session(&written));
    assert_ne!(new.ok().trim(), written);
    assert_eq!(std::fs::read_dir(repo.path()).unwrap().count(), 2);
}

#[test]
fn consulted_and_informed_reach_the_madr_front_matter() {
    let env = Env::new();
    let out = env
        .with_fixtures(&[
            "decide",
            "--tree",
            "small",
            "--path",
            "1,1",
            "--format",
            "madr",
            "--consulted",
            "Bob",
            "--consulted",
            "Ops team",
            "--informed",
            "Support",
        ])
        .ok()
        .to_string();
    assert!(
        out.contains("consulted: [\"Bob\", \"Ops team\"]\n"),
        "{out}"
    );
    assert!(out.contains("informed: [\"Support\"]\n"), "{out}");
}
