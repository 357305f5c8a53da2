//! Area walks in the TUI: home lists areas, starting one walks its decisions in order, shared
//! facts are answered once, "select all that apply" questions toggle, dead ends lead back to
//! the answers that caused them, and a tie at the top needs a confirmation.

use crate::util::tui as tui_support;

use tradeoffs::tree::{Catalog, Source};
use tradeoffs::tui::app::{App, Screen};
use tui_support::*;

const MULTI: &str = include_str!("../fixtures/format2/multi.json");
const PCI: &str = "PCI DSS: payment card numbers (PAN) are stored, processed or transmitted";
const HIPAA: &str = "HIPAA: protected health information of US patients";

/// The multi-answer fixture and a copy of it (`multi-b`) as the area's second decision; both
/// ask the shared `compliance` fact first. `edit` changes the second tree's text.
fn area_app(edit: impl Fn(String) -> String) -> App {
    let b = MULTI
        .replacen("\"id\": \"multi\"", "\"id\": \"multi-b\"", 1)
        .replacen(
            "\"title\": \"Multi-answer test tree\"",
            "\"title\": \"Second decision\"",
            1,
        )
        .replacen("\"namespace\": \"mu\"", "\"namespace\": \"mb\"", 1)
        .replace("\"mu.", "\"mb.")
        .replacen("\"position\": 1", "\"position\": 2", 1);
    let sources = vec![
        Source {
            label: "multi.json".into(),
            text: MULTI.into(),
        },
        Source {
            label: "multi-b.json".into(),
            text: edit(b),
        },
    ];
    let (catalog, problems) = Catalog::build(sources, 0);
    assert!(problems.is_empty(), "{problems:?}");
    App::new(catalog, Vec::new(), None, NOW)
}

fn labels(app: &App, decision: usize) -> Vec<Vec<String>> {
    let s = app.session.as_ref().unwrap();
    s.decisions[decision]
        .answers
        .iter()
        .map(|st| st.labels().into_iter().map(str::to_string).collect())
        .collect()
}

#[test]
fn home_lists_areas_and_enter_starts_every_decision_of_the_area_in_order() {
    let mut a = area_app(|b| b);
    let screen = render(&mut a, 100, 30);
    assert!(screen.contains("Decision areas"), "{screen}");
    assert!(screen.contains("Testing"), "{screen}");
    assert!(screen.contains("2 decisions"), "{screen}");
    assert!(screen.contains("1. Multi-answer test tree"), "{screen}");
    assert!(screen.contains("2. Second decision"), "{screen}");
    keys(&mut a, "<ret>");
    let s = a.session.as_ref().unwrap();
    let trees: Vec<&str> = s.decisions.iter().map(|d| d.tree.as_str()).collect();
    assert_eq!(trees, ["multi", "multi-b"]);
    assert_eq!(s.active, 0);
    assert_eq!(a.screen, Screen::Question);
}

#[test]
fn space_toggles_answers_and_enter_confirms_them_all() {
    let mut a = area_app(|b| b);
    keys(&mut a, "<ret>");
    let screen = render(&mut a, 100, 30);
    assert!(screen.contains("Select all that apply"), "{screen}");
    assert!(screen.contains("[ ] 1. PCI DSS"), "{screen}");
    keys(&mut a, "<space>j<space>");
    let screen = render(&mut a, 100, 30);
    assert!(screen.contains("[x] 1. PCI DSS"), "{screen}");
    assert!(screen.contains("[x] 2. HIPAA"), "{screen}");
    keys(&mut a, "<ret>");
    assert_eq!(
        labels(&a, 0),
        vec![vec![PCI.to_string(), HIPAA.to_string()]]
    );
}

#[test]
fn an_exclusive_answer_clears_the_others_and_is_cleared_by_them() {
    let mut a = area_app(|b| b);
    keys(&mut a, "<ret><space>jj<space>");
    assert_eq!(a.picks, 0b100, "None of these alone");
    keys(&mut a, "k<space>");
    assert_eq!(a.picks, 0b010, "HIPAA clears None of these");
    keys(&mut a, "<space>");
    assert_eq!(a.picks, 0, "toggling again clears it");
    // Enter with nothing toggled answers the highlighted answer alone.
    keys(&mut a, "<ret>");
    assert_eq!(labels(&a, 0), vec![vec![HIPAA.to_string()]]);
}

#[test]
fn back_over_a_multi_answer_step_shows_its_answers_toggled() {
    let mut a = area_app(|b| b);
    keys(&mut a, "<ret><space>j<space><ret><esc>");
    assert!(labels(&a, 0).is_empty());
    assert_eq!(a.picks, 0b011);
}

#[test]
fn the_next_decision_reuses_the_shared_fact_and_says_so() {
    let mut a = area_app(|b| b);
    // Decision 1: PCI, then "Yes" to speed: the outcome.
    keys(&mut a, "<ret><space><ret><ret>");
    assert_eq!(a.screen, Screen::Outcome);
    keys(&mut a, "n");
    let s = a.session.as_ref().unwrap();
    assert_eq!(s.active, 1);
    assert_eq!(labels(&a, 1), vec![vec![PCI.to_string()]]);
    assert_eq!(
        s.decisions[1].answers[0].reused_from.as_deref(),
        Some("multi")
    );
    let notice = a.notice.clone().unwrap();
    assert!(
        notice.contains("answered as in \"Multi-answer test tree\": PCI DSS"),
        "{notice}"
    );
    assert!(notice.contains("to change"), "{notice}");
    assert_eq!(a.screen, Screen::Question);
    assert_eq!(a.current_question().unwrap().id, "q-speed");
    // Back pops the reused answer: the fact is asked again and can be changed.
    keys(&mut a, "<esc>");
    assert_eq!(a.current_question().unwrap().id, "q-compliance");
    assert_eq!(a.picks, 0b001, "the reused answer is shown toggled");
    keys(&mut a, "<space>jj<space><ret>");
    assert_eq!(labels(&a, 1), vec![vec!["None of these".to_string()]]);
    assert_eq!(
        a.session.as_ref().unwrap().decisions[1].answers[0].reused_from,
        None
    );
}

#[test]
fn back_at_the_first_question_of_a_later_decision_returns_to_the_previous_one() {
    let mut a = area_app(|b| b);
    keys(&mut a, "<ret><space><ret><ret>n<esc><esc>");
    let s = a.session.as_ref().unwrap();
    assert_eq!(s.decisions.len(), 2, "the area keeps its decisions");
    assert_eq!(s.active, 0);
    assert_eq!(a.screen, Screen::Outcome);
}

#[test]
fn a_dead_end_names_the_conflicting_answers_and_enter_goes_back_to_one() {
    let mut a = area_app(|b| b);
    // HIPAA rules out Fast; "No" rules out Simple and Safe.
    keys(&mut a, "<ret>j<ret>j<ret>");
    assert_eq!(a.screen, Screen::Outcome);
    let r = a.report.clone().unwrap();
    assert!(r.dead_end.is_some());
    let screen = render(&mut a, 120, 40);
    assert!(screen.contains("Dead end"), "{screen}");
    assert!(screen.contains("Every option is ruled out"), "{screen}");
    // The first ruled-out option in the list; Enter goes back to the answer that ruled it out.
    let first = r.ranking[0].rule_out.clone().unwrap().by;
    keys(&mut a, "<ret>");
    assert_eq!(a.screen, Screen::Question);
    let q = a.current_question().unwrap();
    assert_eq!(q.id, first.question_id);
    assert_eq!(q.answers[a.answer_sel].label, first.answer);
    assert!(a.notice.as_deref().unwrap().contains("change it"));
}

#[test]
fn a_tie_at_the_top_is_shown_and_needs_a_second_enter() {
    // In the first tree, Fast rates like Simple: they always tie, and Simple comes first in
    // the tie-break order.
    let mut tree: serde_json::Value = serde_json::from_str(MULTI).unwrap();
    let fast = &mut tree["options"][2];
    assert_eq!(fast["id"], "mu.fast");
    fast["impacts"]["mu.speed"]["impact"] = 1.into();
    fast["impacts"]["mu.safety"]["impact"] = 1.into();
    let tied = tree.to_string();
    let (catalog, problems) = Catalog::build(
        vec![Source {
            label: "multi.json".into(),
            text: tied,
        }],
        0,
    );
    assert!(problems.is_empty(), "{problems:?}");
    let mut a = App::new(catalog, Vec::new(), None, NOW);
    // "None of these", then "Yes": Simple 7 = Fast 7 > Safe 4.
    keys(&mut a, "<ret>jj<ret><ret>");
    assert_eq!(a.screen, Screen::Outcome);
    let tie = a.report.as_ref().unwrap().tie.clone().expect("a tie");
    assert_eq!(tie.options, ["mu.simple", "mu.fast"]);
    let screen = render(&mut a, 120, 40);
    assert!(screen.contains("Tie"), "{screen}");
    keys(&mut a, "<ret>");
    assert_eq!(a.screen, Screen::Outcome, "the first Enter asks");
    let notice = a.notice.clone().unwrap();
    assert!(notice.contains("again decides for Simple"), "{notice}");
    // The confirmation says what decided the tie: Simple and Fast rate alike on every
    // criterion, so the tree's order did.
    assert!(
        notice
            .contains("tied at 7; decided by the tree's preference order, which puts Simple first"),
        "{notice}"
    );
    keys(&mut a, "<ret>");
    assert_eq!(a.screen, Screen::Record, "the second Enter decides");
}

#[test]
fn q_during_an_unfinished_walk_asks_first_and_names_what_is_open() {
    let mut a = area_app(|b| b);
    keys(&mut a, "<ret><space><ret>q");
    assert!(!a.quit, "q asks first when a walk is not finished");
    assert!(a.confirm_quit);
    let screen = render(&mut a, 100, 30);
    assert!(screen.contains("1 decision is not finished"), "{screen}");
    keys(&mut a, "n");
    assert!(!a.quit && !a.confirm_quit);
    // On a fresh home screen there is nothing to lose: q quits at once.
    let mut b = area_app(|b| b);
    keys(&mut b, "q");
    assert!(b.quit);
}

#[test]
fn deciders_and_context_carry_over_to_the_next_decision_of_the_session() {
    let mut a = area_app(|b| b);
    // Decision 1: walk to the outcome, decide, fill deciders and context.
    keys(&mut a, "<ret><space><ret><ret><ret>");
    assert_eq!(a.screen, Screen::Record);
    keys(
        &mut a,
        "<tab><tab><c-u>Ada, Grace<tab>Bob<tab><tab>Checkout rewrite.<esc>",
    );
    let d0 = &a.session.as_ref().unwrap().decisions[0].record;
    assert_eq!(d0.deciders, ["Ada", "Grace"]);
    // Decision 2: its form starts with the same people and context.
    keys(&mut a, "<esc>n<ret><ret>");
    assert_eq!(a.session.as_ref().unwrap().active, 1);
    assert_eq!(a.screen, Screen::Record, "{:?}", a.notice);
    let form = a.form.as_ref().unwrap();
    assert_eq!(form.deciders.lines()[0], "Ada, Grace");
    assert_eq!(form.consulted.lines()[0], "Bob");
    assert_eq!(form.context.lines()[0], "Checkout rewrite.");
}
