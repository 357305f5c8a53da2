//! Conflicts between a decision and the accepted ADRs tradeoffs wrote in the repository: the
//! options those ADRs chose (from their decision data) are checked with the same
//! [`tradeoff::find_conflicts`] as the decisions of one session, so a relation means the same
//! thing whether the other decision is in this session or already in the decision log.

use serde::Serialize;

use super::{DecisionReport, option_name};
use crate::tradeoff::{self, TradeoffGraph};
use crate::tree::{Catalog, RelationKind};

/// An ADR of the repository, as a conflict names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AdrRef {
    /// `None` in a log4brains folder (its files are named by date, not numbered).
    pub number: Option<u32>,
    pub title: String,
    /// File name, relative to the ADR directory.
    pub file: String,
}

impl AdrRef {
    /// `ADR 3 "Use Kafka" (0003-use-kafka.md)`, for the terminal.
    pub fn label(&self) -> String {
        match self.number {
            Some(n) => format!("ADR {n} \"{}\" ({})", self.title, self.file),
            None => format!("ADR \"{}\" ({})", self.title, self.file),
        }
    }
}

/// An option an accepted ADR decided for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AcceptedChoice {
    /// The tree the ADR was decided with (it must be loaded for its relations to count).
    pub tree: String,
    pub option: String,
    pub adr: AdrRef,
}

/// A `conflicts_with` or unmet `requires` relation between this decision and an accepted ADR.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AcceptedConflictReport {
    pub kind: RelationKind,
    pub from: String,
    pub to: String,
    pub rationale: String,
    pub adr: AdrRef,
    /// The clash in words without the ADR (an ADR renders its own link to the other one).
    pub summary: String,
    /// The clash and the ADR it is with, for the terminal.
    pub text: String,
}

/// The conflicts of `report`'s chosen option with the `accepted` choices, leaving out the ADRs
/// whose file name is in `exclude` (the session's own ADRs, the one being superseded).
pub fn accepted_conflicts(
    catalog: &Catalog,
    graph: &TradeoffGraph,
    report: &DecisionReport,
    accepted: &[AcceptedChoice],
    exclude: &[&str],
) -> Vec<AcceptedConflictReport> {
    let Some(mine) = report.chosen.as_deref() else {
        return Vec::new();
    };
    let accepted: Vec<&AcceptedChoice> = accepted
        .iter()
        .filter(|a| !exclude.contains(&a.adr.file.as_str()))
        .collect();
    let mut chosen: Vec<&str> = vec![mine];
    for a in &accepted {
        if !chosen.contains(&a.option.as_str()) {
            chosen.push(&a.option);
        }
    }
    let my_tree = graph.tree_of(mine);
    let name = |id: &str| option_name(catalog, id).to_string();
    let mut out = Vec::new();
    for c in tradeoff::find_conflicts(graph, &chosen) {
        // (the ADRs on the other end, the clash without and with the ADR)
        let found: Vec<(&AcceptedChoice, String, String)> = match c.kind {
            RelationKind::ConflictsWith if c.from == mine || c.to == mine => {
                let other = if c.from == mine { &c.to } else { &c.from };
                let summary = format!(
                    "{} conflicts with {}: {}",
                    name(&c.from),
                    name(&c.to),
                    c.rationale
                );
                accepted
                    .iter()
                    .filter(|a| &a.option == other)
                    .map(|a| {
                        let text = format!(
                            "{} conflicts with {}, accepted in {}: {}",
                            name(mine),
                            name(other),
                            a.adr.label(),
                            c.rationale
                        );
                        (*a, summary.clone(), text)
                    })
                    .collect()
            }
            RelationKind::Requires if c.from == mine => {
                let wanted = graph.tree_of(&c.to);
                accepted
                    .iter()
                    .filter(|a| wanted.is_some() && graph.tree_of(&a.option) == wanted)
                    .map(|a| {
                        let head = format!("{} requires {}", name(mine), name(&c.to));
                        (
                            *a,
                            format!(
                                "{head}, but the accepted decision chose {}: {}",
                                name(&a.option),
                                c.rationale
                            ),
                            format!(
                                "{head}, but {} chose {}: {}",
                                a.adr.label(),
                                name(&a.option),
                                c.rationale
                            ),
                        )
                    })
                    .collect()
            }
            RelationKind::Requires if my_tree.is_some() && graph.tree_of(&c.to) == my_tree => {
                accepted
                    .iter()
                    .filter(|a| a.option == c.from)
                    .map(|a| {
                        (
                            *a,
                            format!(
                                "{} (accepted) requires {}, which this decision did not choose: {}",
                                name(&c.from),
                                name(&c.to),
                                c.rationale
                            ),
                            format!(
                                "{}, accepted in {}, requires {}, which this decision did not choose: {}",
                                name(&c.from),
                                a.adr.label(),
                                name(&c.to),
                                c.rationale
                            ),
                        )
                    })
                    .collect()
            }
            _ => Vec::new(),
        };
        for (a, summary, text) in found {
            out.push(AcceptedConflictReport {
                kind: c.kind,
                from: c.from.clone(),
                to: c.to.clone(),
                rationale: c.rationale.clone(),
                adr: a.adr.clone(),
                summary,
                text,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Engine;
    use crate::session::{Decision, Session};

    /// The `small` and `other` fixtures: X conflicts with A; Y requires B.
    fn catalog() -> Catalog {
        crate::tree::fixtures::small_and_other()
    }

    fn accepted(option: &str, file: &str) -> AcceptedChoice {
        AcceptedChoice {
            tree: option.split('.').next().unwrap_or_default().into(),
            option: option.into(),
            adr: AdrRef {
                number: Some(1),
                title: "Earlier".into(),
                file: file.into(),
            },
        }
    }

    /// The report of the `other` tree answered with answer `n` (0: X wins, 1: Y wins), checked
    /// against `acc` with the files in `exclude` left out.
    fn check(n: usize, acc: &[AcceptedChoice], exclude: &[&str]) -> Vec<AcceptedConflictReport> {
        let c = catalog();
        let mut d = Decision::new("other");
        d.answer(c.get("other").unwrap(), n).unwrap();
        let mut s = Session::new("s", 0);
        s.decisions.push(d);
        let engine = Engine::new(&c);
        let r = engine.evaluate(&c, &s, 0).unwrap();
        let graph = crate::tradeoff::TradeoffGraph::build(&c);
        accepted_conflicts(&c, &graph, &r, acc, exclude)
    }

    #[test]
    fn conflicts_and_unmet_requirements_name_the_adr() {
        let a = [accepted("sm.a", "0001-earlier.md")];
        let found = check(0, &a, &[]);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].kind, RelationKind::ConflictsWith);
        assert_eq!(
            found[0].text,
            "Option X conflicts with Option A, accepted in ADR 1 \"Earlier\" (0001-earlier.md): X cannot run next to A."
        );
        assert_eq!(
            found[0].summary,
            "Option X conflicts with Option A: X cannot run next to A."
        );
        let found = check(1, &a, &[]);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].kind, RelationKind::Requires);
        assert_eq!(
            found[0].text,
            "Option Y requires Option B, but ADR 1 \"Earlier\" (0001-earlier.md) chose Option A: Y builds on B."
        );
        // B accepted: X does not conflict with it, and Y's requirement is met.
        let b = [accepted("sm.b", "0001-earlier.md")];
        assert!(check(0, &b, &[]).is_empty());
        assert!(check(1, &b, &[]).is_empty());
        // An excluded ADR (the session's own, the one superseded) does not count.
        assert!(check(0, &a, &["0001-earlier.md"]).is_empty());
    }

    #[test]
    fn an_accepted_option_that_requires_another_choice_here_is_named() {
        let c = catalog();
        let t = c.get("small").unwrap();
        let mut d = Decision::new("small");
        d.answer(t, 0).unwrap();
        d.answer(t, 0).unwrap();
        let mut s = Session::new("s", 0);
        s.decisions.push(d);
        let r = Engine::new(&c).evaluate(&c, &s, 0).unwrap();
        assert_eq!(r.chosen.as_deref(), Some("sm.a"));
        let graph = crate::tradeoff::TradeoffGraph::build(&c);
        let found = accepted_conflicts(&c, &graph, &r, &[accepted("ot.y", "0001-earlier.md")], &[]);
        let texts: Vec<&str> = found.iter().map(|f| f.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Option Y, accepted in ADR 1 \"Earlier\" (0001-earlier.md), requires Option B, which this decision did not choose: Y builds on B."
            ]
        );
    }

    /// The shortcut `decide` takes: an option no relation touches never conflicts, whatever
    /// the accepted ADRs chose (here: every other option of the shipped trees).
    #[test]
    fn an_option_that_cannot_clash_finds_no_conflict_with_any_accepted_choice() {
        let (c, problems) = Catalog::shipped();
        assert!(problems.is_empty(), "{problems:?}");
        let graph = crate::tradeoff::TradeoffGraph::build(&c);
        let all: Vec<&str> = c
            .trees()
            .iter()
            .flat_map(|t| t.tree.options.iter().map(|o| o.id.as_str()))
            .collect();
        let mut d = Decision::new("data-store");
        let t = c.get("data-store").unwrap();
        while let Ok(w) = crate::session::Walk::replay(t, &d) {
            if w.at_outcome() {
                break;
            }
            d.answer(t, 0).unwrap();
        }
        let mut s = Session::new("s", 0);
        s.decisions.push(d);
        let mut r = super::super::build(&c, &graph, &s, 0).unwrap();
        let (mut skipped, mut found) = (0, 0);
        for &o in &all {
            r.chosen = Some(o.to_string());
            let acc: Vec<AcceptedChoice> = all
                .iter()
                .filter(|&&x| x != o)
                .enumerate()
                .map(|(i, x)| accepted(x, &format!("{i:04}-x.md")))
                .collect();
            let conflicts = accepted_conflicts(&c, &graph, &r, &acc, &[]);
            if graph.can_clash(o) {
                found += usize::from(!conflicts.is_empty());
            } else {
                skipped += 1;
                assert!(conflicts.is_empty(), "{o}: {conflicts:?}");
            }
        }
        assert!(skipped > 0 && found > 0, "skipped {skipped}, found {found}");
    }
}
