//! One bad tree per validation rule (tests/fixtures/invalid/, each derived from
//! tests/fixtures/valid/small.json): the loader reports exactly the expected problem, at the
//! expected place, with the expected message, and reports every problem of a file at once.

use std::path::{Path, PathBuf};

use tradeoffs::tree::{Catalog, Problem, Source};

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

/// Loads one file on its own and returns its problems as (place, message) pairs, checking that
/// every problem names the file.
fn problems_of(rel: &str) -> Vec<(String, String)> {
    let path = fixture(rel);
    let source = Source::read(&path).expect("fixture is readable");
    let label = source.label.clone();
    let (catalog, problems) = Catalog::build(vec![source], 0);
    if !problems.is_empty() {
        assert!(
            catalog.trees().is_empty(),
            "an invalid tree must not be loaded: {rel}"
        );
    }
    problems
        .into_iter()
        .map(|p: Problem| {
            assert_eq!(p.file, label, "problem names the wrong file: {p}");
            assert!(p.file.ends_with(rel.rsplit('/').next().unwrap()));
            (p.place, p.message)
        })
        .collect()
}

#[track_caller]
fn assert_only(rel: &str, place: &str, message: &str) {
    let got = problems_of(&format!("invalid/{rel}"));
    assert_eq!(
        got,
        vec![(place.to_string(), message.to_string())],
        "fixture {rel}"
    );
}

#[test]
fn the_valid_fixtures_have_no_problems() {
    assert_eq!(problems_of("valid/small.json"), vec![]);
    let (catalog, problems) = Catalog::build(
        vec![
            Source::read(&fixture("valid/small.json")).unwrap(),
            Source::read(&fixture("valid/other.json")).unwrap(),
        ],
        0,
    );
    assert_eq!(problems, vec![]);
    assert_eq!(catalog.ids(), vec!["small", "other"]);
}

// --- unknown references ---------------------------------------------------------------------

#[test]
fn unknown_next_node() {
    assert_only(
        "unknown-next.json",
        "nodes.q-second.answers[1].next",
        "unknown node \"o-missing\"",
    );
}

#[test]
fn unknown_root() {
    assert_only("unknown-root.json", "root", "unknown node \"q-nope\"");
}

#[test]
fn unknown_option_in_outcome() {
    assert_only(
        "unknown-outcome-option.json",
        "nodes.o-one.options[1]",
        "unknown option \"sm.zzz\"",
    );
}

#[test]
fn unknown_criterion_in_effect() {
    assert_only(
        "unknown-effect-criterion.json",
        "nodes.q-first.answers[0].effects[0].criterion",
        "unknown criterion \"sm.nope\"",
    );
}

#[test]
fn unknown_option_in_effect() {
    assert_only(
        "unknown-effect-option.json",
        "nodes.q-first.answers[0].effects[1].option",
        "unknown option \"sm.nope\"",
    );
}

// --- duplicate ids --------------------------------------------------------------------------

#[test]
fn duplicate_node_id() {
    assert_only(
        "duplicate-node.json",
        "nodes[4].id",
        "duplicate node id \"q-second\"",
    );
}

#[test]
fn duplicate_option_id() {
    assert_only(
        "duplicate-option.json",
        "options[3]",
        "duplicate option id \"sm.c\"",
    );
}

#[test]
fn duplicate_criterion_id() {
    assert_only(
        "duplicate-criterion.json",
        "criteria[2]",
        "duplicate criterion id \"sm.cost\"",
    );
}

// --- graph shape ----------------------------------------------------------------------------

#[test]
fn cycle_names_the_nodes_on_it() {
    let got = problems_of("invalid/cycle.json");
    assert_eq!(got.len(), 1, "{got:?}");
    let (place, message) = &got[0];
    assert_eq!(place, "nodes.q-second");
    assert_eq!(message, "cycle through nodes q-second → q-third");
    // Nodes that are not on the cycle are not named.
    assert!(!message.contains("q-first") && !message.contains("o-two"));
}

#[test]
fn unreachable_node() {
    assert_only(
        "unreachable-node.json",
        "nodes.o-orphan",
        "node is unreachable from the root \"q-first\"",
    );
}

#[test]
fn question_with_one_answer() {
    assert_only(
        "one-answer.json",
        "nodes.q-second.answers",
        "a question needs at least two answers, this one has 1",
    );
}

#[test]
fn answer_without_next_is_a_path_without_an_outcome() {
    assert_only(
        "answer-without-next.json",
        "nodes.q-second.answers[1].next",
        "path ends without an outcome: the answer has no \"next\" node",
    );
}

#[test]
fn option_never_offered() {
    assert_only(
        "option-never-offered.json",
        "options[\"sm.d\"]",
        "option is never offered by any outcome",
    );
}

// --- impacts, relations, ranges -------------------------------------------------------------

#[test]
fn impact_on_unknown_criterion() {
    assert_only(
        "impact-unknown-criterion.json",
        "options[\"sm.a\"].impacts[\"sm.nope\"]",
        "impact names unknown criterion \"sm.nope\"",
    );
}

#[test]
fn relation_to_unknown_option() {
    assert_only(
        "relation-unknown-option.json",
        "options[\"sm.b\"].relations[0].target",
        "relation complements names unknown option \"sm.zzz\"",
    );
}

#[test]
fn relation_resolves_against_other_loaded_trees() {
    // other.json's options relate to sm.a and sm.b: alone they are unknown, next to small.json
    // they resolve.
    let alone = problems_of("valid/other.json");
    assert_eq!(
        alone,
        vec![
            (
                "options[\"ot.x\"].relations[0].target".to_string(),
                "relation conflicts_with names unknown option \"sm.a\"".to_string()
            ),
            (
                "options[\"ot.y\"].relations[0].target".to_string(),
                "relation requires names unknown option \"sm.b\"".to_string()
            ),
        ]
    );
}

#[test]
fn default_weight_out_of_range() {
    assert_only(
        "weight-out-of-range-default.json",
        "criteria[0].default_weight",
        "weight 7 is out of range 0..5",
    );
}

#[test]
fn set_effect_weight_out_of_range() {
    assert_only(
        "weight-out-of-range-effect.json",
        "nodes.q-first.answers[1].effects[0].weight",
        "weight 9 is out of range 0..5",
    );
}

#[test]
fn impact_out_of_range() {
    assert_only(
        "impact-out-of-range.json",
        "options[\"sm.c\"].impacts[\"sm.speed\"].impact",
        "impact -3 is out of range -2..2",
    );
}

#[test]
fn option_that_does_not_rate_a_criterion() {
    assert_only(
        "option-missing-rating.json",
        "options[\"sm.b\"].impacts",
        "option does not rate criterion \"sm.cost\" (give an impact, 0 if neutral, with a rationale)",
    );
}

#[test]
fn option_outside_the_namespace() {
    assert_only(
        "namespace-violation.json",
        "options[\"xx.c\"]",
        "option id \"xx.c\" must start with the tree namespace \"sm.\"",
    );
}

#[test]
fn wrong_format_version() {
    assert_only(
        "wrong-format-version.json",
        "format",
        "format 2 is not supported; this build reads format 1",
    );
}

// --- JSON errors ----------------------------------------------------------------------------

#[test]
fn json_syntax_error_names_file_line_and_column() {
    // Line 5 lost its trailing comma, so the parser trips on the key that starts line 6.
    assert_only(
        "syntax-error.json",
        "line 6 column 3",
        "expected `,` or `}`",
    );
    let p = Catalog::build(
        vec![Source::read(&fixture("invalid/syntax-error.json")).unwrap()],
        0,
    )
    .1
    .remove(0);
    assert!(
        p.to_string()
            .ends_with("syntax-error.json: line 6 column 3: expected `,` or `}`"),
        "{p}"
    );
}

#[test]
fn json_type_error_names_line_and_column() {
    // criteria[1].default_weight is the string "2" on line 19.
    assert_only(
        "type-error.json",
        "line 19 column 27",
        "invalid type: string \"2\", expected i64",
    );
}

// --- all at once ----------------------------------------------------------------------------

#[test]
fn several_problems_are_all_reported_at_once() {
    let got = problems_of("invalid/several-problems.json");
    let want = [
        ("criteria[2]", "duplicate criterion id \"sm.speed\""),
        (
            "options[\"sm.c\"].impacts[\"sm.cost\"].impact",
            "impact 5 is out of range -2..2",
        ),
        (
            "nodes.q-first.answers",
            "a question needs at least two answers, this one has 1",
        ),
        (
            "nodes.q-second.answers[1].next",
            "unknown node \"o-missing\"",
        ),
        (
            "nodes.o-two",
            "node is unreachable from the root \"q-first\"",
        ),
    ];
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(p, m)| (p.to_string(), m.to_string()))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn every_invalid_fixture_is_reported_when_loaded_together() {
    // All fixtures share the tree id "small": each file's problems must still be reported, not
    // only those of the last file with that id.
    let dir = fixture("invalid");
    let sources = Source::read_dir(&dir).unwrap();
    let n = sources.len();
    assert!(n >= 23, "expected one fixture per rule, found {n}");
    let labels: Vec<String> = sources.iter().map(|s| s.label.clone()).collect();
    let (catalog, problems) = Catalog::build(sources, 0);
    assert!(catalog.trees().is_empty());
    for label in &labels {
        assert!(
            problems.iter().any(|p| &p.file == label),
            "no problem reported for {label}"
        );
    }
}

#[test]
fn an_invalid_replacement_keeps_the_valid_tree_with_that_id() {
    let valid = Source::read(&fixture("valid/small.json")).unwrap();
    let invalid = Source::read(&fixture("invalid/unknown-next.json")).unwrap();
    let (catalog, problems) = Catalog::build(vec![valid.clone(), invalid.clone()], 1);
    assert_eq!(problems.len(), 1);
    let t = catalog.get("small").expect("the valid tree stays loaded");
    assert_eq!(t.origin, valid.label);
    assert!(t.shipped);
    // A valid later tree with the same id does replace it.
    let mut later = valid.clone();
    later.label = "user/small.json".into();
    let (catalog, problems) = Catalog::build(vec![valid, later], 1);
    assert!(problems.is_empty());
    assert_eq!(catalog.trees().len(), 1);
    assert_eq!(catalog.get("small").unwrap().origin, "user/small.json");
    assert!(!catalog.get("small").unwrap().shipped);
}

#[test]
fn unreadable_file_is_a_problem_not_a_panic() {
    let p = Source::read(&fixture("invalid")).unwrap_err();
    assert!(p.message.starts_with("cannot read the file:"), "{p}");
    let p = Source::read(&fixture("does-not-exist.json")).unwrap_err();
    assert!(p.message.starts_with("cannot read the file:"), "{p}");
    assert!(p.file.ends_with("does-not-exist.json"));
}

#[test]
fn relations_into_a_tree_that_failed_to_load_are_reported_and_ignored() {
    // other.json relates to small's options; here `small` is broken (a cycle), so those
    // relations have no target: the tree still loads, and the loss is reported.
    let sources = vec![
        Source::read(&fixture("invalid/cycle.json")).unwrap(),
        Source::read(&fixture("valid/other.json")).unwrap(),
    ];
    let (catalog, problems) = Catalog::build(sources, 0);
    assert_eq!(catalog.ids(), vec!["other"]);
    assert!(problems.iter().all(|p| p.file.ends_with("cycle.json")));
    let dangling = catalog.dangling();
    assert_eq!(dangling.len(), 2, "{dangling:?}");
    assert_eq!(dangling[0].place, "options[\"ot.x\"].relations[0].target");
    assert_eq!(
        dangling[0].message,
        "relation conflicts_with names option \"sm.a\", whose tree is not loaded; the relation is ignored"
    );
}
