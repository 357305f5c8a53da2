//! The short ADR is a two-minute read: at most `SHORT_WORDS` words on every path of every
//! shipped tree, in every dialect. Every tree's first path and a fixed-seed sample of random
//! paths are rendered through the library (the same calls the CLI and TUI make); the full
//! enumeration is a release-build measurement (see the README).

use tradeoffs::adr::{self, Detail, Dialect, RecordMeta, Status};
use tradeoffs::report;
use tradeoffs::session::{Decision, Session, Walk};
use tradeoffs::tradeoff::TradeoffGraph;
use tradeoffs::tree::{Catalog, LoadedTree, Node};

/// Random paths per tree, on top of the first path.
const SAMPLES: usize = 25;

/// xorshift64: a fixed seed, so a failure names a path that fails again.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

/// Walks `tree` to an outcome, answering with `pick(question answer count)`; on a
/// multi-answer question it selects one answer, or two when `pick` says so.
fn walk(tree: &LoadedTree, rng: &mut Option<Rng>) -> Decision {
    let mut d = Decision::new(tree.id());
    loop {
        let w = Walk::replay(tree, &d).unwrap();
        let Node::Question(q) = tree.node(w.current) else {
            return d;
        };
        let n = q.answers.len();
        let first = rng.as_mut().map_or(0, |r| r.below(n));
        let mut set = vec![first];
        if q.multi
            && !q.answers[first].exclusive
            && let Some(r) = rng.as_mut()
        {
            let second = r.below(n);
            if second != first && !q.answers[second].exclusive {
                set.push(second);
                set.sort_unstable();
            }
        }
        if q.multi {
            d.answer_set(tree, &set).unwrap();
        } else {
            d.answer(tree, first).unwrap();
        }
    }
}

fn meta(title: String, detail: Detail) -> RecordMeta {
    RecordMeta {
        title,
        status: Status::Proposed,
        date: "2026-12-01".into(),
        deciders: vec!["Word Counter".into()],
        consulted: Vec::new(),
        informed: Vec::new(),
        context: String::new(),
        related: Vec::new(),
        detail,
    }
}

#[test]
fn short_adrs_stay_within_the_word_budget_on_sampled_paths_of_every_shipped_tree() {
    let (catalog, problems) = Catalog::shipped();
    assert!(problems.is_empty(), "{problems:?}");
    let graph = TradeoffGraph::build(&catalog);
    let mut over = Vec::new();
    let mut checked = 0;
    for tree in catalog.trees() {
        let mut rng = None;
        for i in 0..=SAMPLES {
            let d = walk(tree, &mut rng);
            if i == 0 {
                rng = Some(Rng(0x9E37_79B9_7F4A_7C15 ^ tree.id().len() as u64));
            }
            let mut s = Session::new("words", 0);
            s.decisions.push(d);
            let r = report::build(&catalog, &graph, &s, 0).unwrap();
            if r.chosen.is_none() {
                continue; // a dead end writes no ADR
            }
            for dialect in [Dialect::Madr, Dialect::Nygard, Dialect::Log4brains] {
                let text =
                    adr::render_standalone(&r, &meta(r.default_title(), Detail::Short), dialect);
                let words = adr::words(&text);
                checked += 1;
                if words > adr::SHORT_WORDS {
                    over.push(format!(
                        "{} {dialect:?} {words} words: {}",
                        tree.id(),
                        adr::replay_command(&r)
                    ));
                }
                let full =
                    adr::render_standalone(&r, &meta(r.default_title(), Detail::Full), dialect);
                assert!(
                    adr::words(&full) >= words,
                    "the full ADR holds at least what the short one does"
                );
            }
        }
    }
    assert!(checked > 0);
    assert!(
        over.is_empty(),
        "short ADRs over budget:\n{}",
        over.join("\n")
    );
}
