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
fn tie_break_must_list_every_option() {
    assert_only(
        "tie-break-missing-option.json",
        "tie_break.order",
        "every option must be listed exactly once; missing: sm.d",
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
        "format 3 is not supported; this build reads format 2",
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
    // criteria[1].default_weight is the string "2" on line 21.
    assert_only(
        "type-error.json",
        "line 21 column 27",
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
    let (sources, unreadable) = Source::read_dir(&dir).unwrap();
    assert!(unreadable.is_empty());
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

// --- format 2 rules -------------------------------------------------------------------------

/// Every single-problem rule of format 2, with its fixture, place and exact message.
const FORMAT2_RULES: &[(&str, &str, &str)] = &[
    (
        "area-bad-id.json",
        "area.id",
        "\"Small Area\" must be lowercase letters, digits and '-'",
    ),
    (
        "area-position-zero.json",
        "area.position",
        "position 0 must be 1 or more (1-based order of the tree within its area)",
    ),
    ("area-no-title.json", "area.title", "the area needs a title"),
    (
        "unsafe-node-id.json",
        "nodes[2].id",
        "id \"o\\u{1b}[31mone\" may only contain ASCII letters, digits, '-', '_' and '.'",
    ),
    (
        "tie-break-duplicate.json",
        "tie_break.order[3]",
        "option \"sm.a\" is listed twice; list every option exactly once",
    ),
    (
        "tie-break-unknown-option.json",
        "tie_break.order[3]",
        "unknown option \"sm.z\"",
    ),
    (
        "tie-break-no-why.json",
        "tie_break.why",
        "say why this order decides a tie (it is shown to the user)",
    ),
    (
        "duplicate-answer-label.json",
        "nodes.q-second.answers[1].label",
        "duplicate answer label \"One\" in this question",
    ),
    (
        "single-with-next.json",
        "nodes.q-second.next",
        "only a multi-answer question has \"next\"; give each answer its own \"next\"",
    ),
    (
        "exclusive-on-single.json",
        "nodes.q-second.answers[0].exclusive",
        "\"exclusive\" is only meaningful in a multi-answer question",
    ),
    (
        "too-many-multi-answers.json",
        "nodes.q-first.answers",
        "a multi-answer question may have at most 12 answers, this one has 13",
    ),
    (
        "unsafe-fact.json",
        "nodes.q-first.fact",
        "id \"compli ance\" may only contain ASCII letters, digits, '-', '_' and '.'",
    ),
    (
        "rule-out-without-reason.json",
        "nodes.q-first.answers[0].effects[1].reason",
        "a rule-out needs a reason the user can accept (it is shown with the answer)",
    ),
    (
        "if-chosen-unknown-option.json",
        "nodes.q-first.answers[0].effects[2].if_chosen[0]",
        "unknown option \"ot.x\" (if_chosen names options of this tree)",
    ),
    (
        "if-chosen-on-rule-out.json",
        "line 150 column 4",
        "unknown field `if_chosen`, expected `option` or `reason`; \"if_chosen\" is only allowed on a note effect (a weight or rule-out that depended on the chosen option would make the ranking circular)",
    ),
    (
        "empty-confirmation.json",
        "options[\"sm.a\"].confirmation",
        "confirmation is empty; say how the team will know the decision holds",
    ),
    ("format-1.json", "format", tradeoffs::tree::FORMAT1_MESSAGE),
    (
        "no-format.json",
        "format",
        "the file has no \"format\" field; add \"format\": 2 (see decision-trees/schema.json)",
    ),
    (
        "missing-area.json",
        "line 188 column 1",
        "missing field `area`",
    ),
];

#[test]
fn every_format2_rule_reports_its_place_and_message() {
    for (file, place, message) in FORMAT2_RULES {
        assert_only(file, place, message);
    }
}

#[test]
fn a_format_1_tree_gets_one_error_that_names_what_to_change() {
    let got = problems_of("invalid/format-1.json");
    assert_eq!(got.len(), 1);
    for part in [
        "format 1",
        "\"format\": 2",
        "\"area\"",
        "\"tie_break\"",
        "promise, not a filter",
        "rule_out",
    ] {
        assert!(got[0].1.contains(part), "missing {part:?} in {}", got[0].1);
    }
}

#[test]
fn multi_answer_questions_have_one_next_and_answers_without() {
    let got = problems_of("invalid/multi-answers-with-next.json");
    let msg =
        "answers of a multi-answer question have no \"next\"; the question's \"next\" applies";
    assert_eq!(
        got,
        vec![
            ("nodes.q-first.answers[0].next".to_string(), msg.to_string()),
            ("nodes.q-first.answers[1].next".to_string(), msg.to_string()),
        ]
    );
    let got = problems_of("invalid/multi-without-next.json");
    assert_eq!(
        got[0],
        (
            "nodes.q-first.next".to_string(),
            "a multi-answer question needs \"next\" (its answers have none)".to_string()
        )
    );
    // Without `next` the rest of the tree is cut off, and that is said too.
    assert_eq!(
        got[1..].iter().map(|(p, _)| p.as_str()).collect::<Vec<_>>(),
        vec!["nodes.q-second", "nodes.o-one", "nodes.o-two"]
    );
}

#[test]
fn invalid_checks_are_reported_one_problem_each() {
    let got = problems_of("invalid/checks-invalid.json");
    let want = [
        (
            "checks[0].name",
            "id \"bad name!\" may only contain ASCII letters, digits, '-', '_' and '.'",
        ),
        ("checks[0].when[\"q-nope\"]", "unknown question \"q-nope\""),
        ("checks[0].expect.never", "list at least one option"),
        (
            "checks[0].why",
            "say why the check holds (it is shown when it fails)",
        ),
        (
            "checks[1].when[\"q-first\"]",
            "question \"q-first\" has no answer \"Nope\" (labels must match exactly)",
        ),
        (
            "checks[1].when[\"q-second\"]",
            "list at least one answer label (leave the question out to match any answer)",
        ),
        ("checks[1].expect.winner_in", "unknown option \"sm.z\""),
        ("checks[2].name", "duplicate check name \"dup\""),
    ];
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(p, m)| (p.to_string(), m.to_string()))
        .collect();
    assert_eq!(got, want);
}

fn text_of(rel: &str) -> String {
    std::fs::read_to_string(fixture(rel)).unwrap()
}

fn source(label: &str, text: String) -> Source {
    Source {
        label: label.into(),
        text,
    }
}

#[test]
fn shipped_trees_need_a_confirmation_per_option() {
    let text =
        text_of("valid/small.json").replacen(" \"confirmation\": \"A test proves it.\",", "", 1);
    let (catalog, problems) = Catalog::build(vec![source("shipped.json", text.clone())], 1);
    assert!(catalog.trees().is_empty());
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].place, "options[\"sm.a\"].confirmation");
    assert_eq!(
        problems[0].message,
        "a shipped tree needs a confirmation per option: how the team will know the decision holds (fitness functions, tests, metrics)"
    );
    // A user tree may leave it out.
    let (catalog, problems) = Catalog::build(vec![source("user.json", text)], 0);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(catalog.ids(), vec!["small"]);
}

#[test]
fn a_namespace_belongs_to_one_tree() {
    let small = text_of("valid/small.json");
    let thief = small
        .replacen("\"id\": \"small\"", "\"id\": \"thief\"", 1)
        .replacen("\"position\": 1", "\"position\": 2", 1);
    let (catalog, problems) = Catalog::build(
        vec![source("small.json", small), source("thief.json", thief)],
        0,
    );
    assert_eq!(catalog.ids(), vec!["small"]);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].file, "thief.json");
    assert_eq!(problems[0].place, "namespace");
    assert_eq!(
        problems[0].message,
        "namespace \"sm\" belongs to tree \"small\" (small.json); a namespace belongs to one tree"
    );
}

#[test]
fn a_shipped_tree_wins_a_clash_with_a_user_tree() {
    // Same namespace, different tree id: the user tree is the one left out, with its reason.
    let small = text_of("valid/small.json");
    let user = small
        .replacen("\"id\": \"small\"", "\"id\": \"newer\"", 1)
        .replacen("\"position\": 1", "\"position\": 2", 1);
    let (catalog, problems) = Catalog::build(
        vec![
            source("shipped/small.json", small),
            source("user/newer.json", user),
        ],
        1,
    );
    assert_eq!(catalog.ids(), vec!["small"]);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].file, "user/newer.json");
}

#[test]
fn trees_of_an_area_share_its_title_and_have_unique_positions() {
    let small = text_of("valid/small.json");
    let other = text_of("valid/other.json").replacen(
        "\"area\": { \"id\": \"other\", \"title\": \"Test area other\", \"position\": 1 }",
        "\"area\": { \"id\": \"small\", \"title\": \"Another title\", \"position\": 1 }",
        1,
    );
    let (catalog, problems) = Catalog::build(
        vec![source("small.json", small), source("other.json", other)],
        0,
    );
    assert_eq!(catalog.ids(), vec!["small"]);
    let got: Vec<(&str, &str)> = problems
        .iter()
        .map(|p| (p.place.as_str(), p.message.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            (
                "area.title",
                "area \"small\" is titled \"Test area small\" in tree \"small\"; every tree of an area uses the same title"
            ),
            (
                "area.position",
                "position 1 in area \"small\" is taken by tree \"small\""
            ),
        ]
    );
}

#[test]
fn a_shared_fact_has_the_same_labels_and_multi_everywhere() {
    let small = text_of("valid/small.json").replacen(
        "\"id\": \"q-second\",",
        "\"id\": \"q-second\", \"fact\": \"shortlist\",",
        1,
    );
    assert!(small.contains("\"fact\": \"shortlist\""));
    let other = text_of("valid/other.json");
    let other_q = other
        .find("\"kind\": \"question\"")
        .expect("other has a question");
    let mut other = other.clone();
    other.insert_str(other_q, "\"fact\": \"shortlist\", ");
    let (catalog, problems) = Catalog::build(
        vec![source("small.json", small), source("other.json", other)],
        0,
    );
    assert_eq!(catalog.ids(), vec!["small"]);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].file, "other.json");
    assert!(problems[0].place.starts_with("nodes."), "{:?}", problems[0]);
    assert!(
        problems[0].message.starts_with(
            "fact \"shortlist\" is asked by question \"q-second\" of tree \"small\" with labels: One | Two; a fact needs identical answer labels (same order) and the same \"multi\" everywhere"
        ),
        "{}",
        problems[0].message
    );
}

#[test]
fn a_million_deep_chain_validates_without_recursion() {
    use tradeoffs::tree::synthetic;
    let tree = synthetic::chain(1_000_000);
    let problems = tradeoffs::tree::validate(&tree, "chain.json", &Default::default());
    assert!(
        problems.is_empty(),
        "{:?}",
        &problems[..problems.len().min(3)]
    );
    assert_eq!(tradeoffs::tree::max_depth(&tree), 1_000_000);
}

#[test]
fn a_deep_chain_analyzes_without_recursion_on_a_capped_sample() {
    use tradeoffs::tree::{analyze, synthetic};
    // 2^200000 paths: sampled, and few paths because each is 200,000 steps long.
    let text = serde_json::to_string(&synthetic::chain(200_000)).unwrap();
    let (catalog, problems) = Catalog::build(
        vec![Source {
            label: "chain.json".into(),
            text,
        }],
        0,
    );
    assert!(problems.is_empty(), "{problems:?}");
    let a = analyze::analyze(&catalog.trees()[0]);
    assert_eq!(a.paths, u64::MAX);
    assert_eq!(
        a.sampled.as_ref().map(|s| s.evaluated),
        Some(analyze::SAMPLE_STEPS / 200_000)
    );
    assert_eq!(
        a.winners.values().map(|w| w.count).sum::<u64>(),
        a.evaluated()
    );
}

#[test]
fn an_outcome_promises_at_least_one_option_and_questions_have_at_most_64_answers() {
    let mut t: serde_json::Value = serde_json::from_str(&text_of("valid/small.json")).unwrap();
    t["nodes"][2]["options"] = serde_json::json!([]);
    let answers: Vec<serde_json::Value> = (0..65)
        .map(|i| serde_json::json!({"label": format!("A{i}"), "consequence": "c", "next": "o-one"}))
        .collect();
    t["nodes"][1]["answers"] = serde_json::Value::Array(answers);
    let (_, problems) = Catalog::build(vec![source("big.json", t.to_string())], 0);
    let got: Vec<(&str, &str)> = problems
        .iter()
        .map(|p| (p.place.as_str(), p.message.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            (
                "nodes.q-second.answers",
                "a single-answer question may have at most 64 answers, this one has 65"
            ),
            (
                "nodes.o-one.options",
                "an outcome must promise at least one option"
            ),
            (
                "nodes.o-two",
                "node is unreachable from the root \"q-first\""
            ),
        ]
    );
}

#[test]
fn areas_list_their_trees_in_position_order() {
    let small = text_of("valid/small.json").replacen(
        "\"area\": { \"id\": \"small\", \"title\": \"Test area small\", \"position\": 1 }",
        "\"area\": { \"id\": \"tests\", \"title\": \"Tests\", \"position\": 2 }",
        1,
    );
    let other = text_of("valid/other.json").replacen(
        "\"area\": { \"id\": \"other\", \"title\": \"Test area other\", \"position\": 1 }",
        "\"area\": { \"id\": \"tests\", \"title\": \"Tests\", \"position\": 1 }",
        1,
    );
    let (catalog, problems) = Catalog::build(
        vec![source("small.json", small), source("other.json", other)],
        0,
    );
    assert!(problems.is_empty(), "{problems:?}");
    let areas = catalog.areas();
    assert_eq!(areas.len(), 1);
    assert_eq!((areas[0].id, areas[0].title), ("tests", "Tests"));
    let ids: Vec<&str> = areas[0].trees.iter().map(|t| t.id()).collect();
    assert_eq!(ids, vec!["other", "small"]);
}

/// A user tree that clashes with the shipped trees is the one left out, with its reason; a
/// shipped decision never disappears because of a user file.
#[test]
fn a_user_tree_that_clashes_with_a_shipped_tree_is_left_out() {
    let shipped = tradeoffs::tree::Source::shipped();
    let n = shipped.len();
    let (_, api) = tradeoffs::tree::SHIPPED
        .iter()
        .find(|(name, _)| name.starts_with("security-api"))
        .unwrap();
    // Same namespace and area position as security-api, under another id.
    let clash = api.replacen("\"id\": \"security-api\"", "\"id\": \"my-api\"", 1);
    assert_ne!(&clash, api, "the id was replaced");
    let mut sources = shipped.clone();
    sources.push(tradeoffs::tree::Source {
        label: "my-api.json".into(),
        text: clash,
    });
    let (catalog, problems) = tradeoffs::tree::Catalog::build(sources, n);
    assert!(
        catalog.get("security-api").is_some(),
        "the shipped tree stays"
    );
    assert!(
        catalog.get("my-api").is_none(),
        "the clashing user tree is left out"
    );
    assert!(
        problems.iter().all(|p| p.file == "my-api.json") && !problems.is_empty(),
        "{problems:?}"
    );
}

#[test]
fn a_user_override_left_out_for_a_clash_keeps_the_shipped_tree() {
    let shipped = tradeoffs::tree::Source::shipped();
    let n = shipped.len();
    let (_, api) = tradeoffs::tree::SHIPPED
        .iter()
        .find(|(name, _)| name.starts_with("security-api"))
        .unwrap();
    // Replaces security-api by id but takes security-authz's area position.
    let v: serde_json::Value = serde_json::from_str(api).unwrap();
    let mut v = v;
    v["area"]["position"] = 3.into();
    let mut sources = shipped.clone();
    sources.push(tradeoffs::tree::Source {
        label: "override.json".into(),
        text: v.to_string(),
    });
    let (catalog, problems) = tradeoffs::tree::Catalog::build(sources, n);
    let t = catalog
        .get("security-api")
        .expect("security-api is still there");
    assert!(t.shipped, "the shipped security-api is restored");
    assert!(catalog.get("security-authz").is_some());
    assert!(
        problems.iter().any(|p| p.file == "override.json"),
        "{problems:?}"
    );
}
