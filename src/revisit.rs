//! Revisiting a decision recorded in an ADR: its decision data
//! ([`crate::adr::decision_data`]) is replayed on the tree as it is now, into a session the TUI
//! can open (or `tradeoffs revisit --print` can rank), and what changed in the tree since is
//! reported: the tree's content hash, answers whose question or answer is gone or whose
//! consequence or effects changed, options added or removed, the winner then and now.
//!
//! A walk the tree no longer allows is kept up to the first answer that no longer fits; the
//! user answers from there. Nothing is dropped silently: every answer, weight or choice that
//! could not be carried over is in [`Changes`].

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::adr::decision_data::{self, Recorded};
use crate::adr::{self, AdrError};
use crate::engine::Engine;
use crate::report::DecisionReport;
use crate::session::{Decision, Session, Walk, list_answers};
use crate::tree::{Catalog, LoadedTree, Node};

/// A recorded decision, rebuilt on the current tree.
#[derive(Debug, Clone)]
pub struct Revisit {
    pub recorded: Recorded,
    /// One decision, its record draft marked as superseding the ADR.
    pub session: Session,
    pub changes: Changes,
}

/// What changed between the decision as recorded and the tree as it is now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Changes {
    pub tree: String,
    pub tree_hash_then: String,
    pub tree_hash_now: String,
    pub tree_changed: bool,
    /// Recorded answers, and how many of them were carried over.
    pub answers_recorded: usize,
    pub answers_kept: usize,
    /// Only the answers that changed or could not be carried over.
    pub answers: Vec<AnswerChange>,
    pub options_added: Vec<String>,
    pub options_removed: Vec<String>,
    /// Hand-set weights whose criterion is gone (criterion ids).
    pub weights_dropped: Vec<String>,
    /// The deciders' own choice (not the top-ranked option), when it cannot be chosen now.
    pub choice_dropped: Option<String>,
    pub winner_then: Option<String>,
    /// `None` while the walk has not reached an outcome.
    pub winner_now: Option<String>,
    /// The question the walk stops at, when the recorded answers do not reach an outcome now.
    pub pending: Option<String>,
}

/// The ADR in a few words: "ADR 3", or `ADR "Title"` in a folder whose files have no number.
pub fn adr_name(recorded: &Recorded) -> String {
    match recorded.adr.number {
        Some(n) => format!("ADR {n}"),
        None => format!("ADR \"{}\"", recorded.adr.title),
    }
}

/// One recorded answer that the tree changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AnswerChange {
    /// 1-based position in the recorded walk.
    pub step: usize,
    pub question: String,
    /// The question as the tree asks it now, when it still has that question (the report
    /// shows it instead of the id).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prompt: Option<String>,
    /// The recorded label(s), joined with "; ".
    pub answer: String,
    /// `question_gone`, `not_on_path`, `answer_gone`, `path_ends`, `not_replayed` (after an
    /// answer that could not be replayed), `consequence_changed`, `effects_changed`.
    pub kind: &'static str,
    pub text: String,
}

impl AnswerChange {
    /// The question in quotes as the tree asks it now, else its id (it is gone from the tree).
    pub fn asked(&self) -> String {
        self.prompt
            .as_ref()
            .map_or_else(|| self.question.clone(), |p| format!("\"{p}\""))
    }
}

/// The ADR file `which` names: a path to a file, else a number or file name in `dir`.
pub fn find(dir: &Path, which: &str, cwd: &Path) -> Result<PathBuf, AdrError> {
    let as_path = cwd.join(which);
    if (which.contains('/') || which.ends_with(".md")) && as_path.is_file() {
        return Ok(as_path);
    }
    if !dir.is_dir() {
        return Err(AdrError::Invalid(format!(
            "revisit {which}: there is no ADR directory here ({} does not exist); run it in the repository, or pass -C DIR or --adr-dir DIR",
            dir.display()
        )));
    }
    Ok(adr::existing::find_adr(dir, which, &format!("revisit {which}"))?.path)
}

/// Reads the ADR at `path` and its decision data; an ADR without any is an error that says
/// so (it was not written by tradeoffs).
pub fn read(path: &Path, which: &str) -> Result<Recorded, AdrError> {
    match decision_data::read_recorded(path) {
        Ok(Some(r)) => Ok(r),
        Ok(None) => Err(AdrError::Invalid(format!(
            "revisit {which}: {} has no tradeoffs decision data, so it was not written by tradeoffs; to decide it with a tree, run `tradeoffs decide`",
            path.display()
        ))),
        Err(AdrError::Invalid(e)) => Err(AdrError::Invalid(format!(
            "revisit {which}: {e}; repair the comment at the end of the file, or decide again with `tradeoffs decide`"
        ))),
        Err(e) => Err(e),
    }
}

/// Rebuilds the session of `recorded` on the catalog's tree (session id `id`, time `now`).
pub fn rebuild(
    catalog: &Catalog,
    engine: &Engine,
    recorded: Recorded,
    which: &str,
    id: &str,
    now: u64,
) -> Result<Revisit, AdrError> {
    let data = &recorded.data;
    let tree = catalog.get(&data.tree).ok_or_else(|| {
        AdrError::Invalid(format!(
            "revisit {which}: the ADR was decided with the tree \"{}\", which is not loaded (available: {}); pass the tree's file or directory with --trees",
            data.tree,
            catalog.ids().join(", ")
        ))
    })?;
    let (decision, answers, kept) = replay(tree, &recorded);
    let mut decision = decision;
    let mut weights_dropped = Vec::new();
    for (criterion, &weight) in &data.weights {
        let clamped = weight.clamp(
            *crate::tree::WEIGHT_RANGE.start(),
            *crate::tree::WEIGHT_RANGE.end(),
        );
        if decision.set_weight(tree, criterion, clamped).is_err() {
            weights_dropped.push(criterion.clone());
        }
    }
    let mut choice_dropped = None;
    if data.chosen_by_hand()
        && let Some(c) = &data.chosen
        && decision.choose(tree, c).is_err()
    {
        choice_dropped = Some(c.clone());
    }
    decision.record.supersedes = Some(recorded.path.display().to_string());
    let mut session = Session::new(id, now);
    session.decisions.push(decision);
    let report = engine
        .evaluate(catalog, &session, 0)
        .map_err(|e| AdrError::Invalid(format!("revisit {which}: {e}")))?;
    let now_options: Vec<&str> = tree.tree.options.iter().map(|o| o.id.as_str()).collect();
    let mut options_added: Vec<String> = now_options
        .iter()
        .filter(|o| !data.options.iter().any(|x| x == *o))
        .map(|o| (*o).to_string())
        .collect();
    options_added.sort();
    let options_removed: Vec<String> = data
        .options
        .iter()
        .filter(|o| !now_options.contains(&o.as_str()))
        .cloned()
        .collect();
    let changes = Changes {
        tree: data.tree.clone(),
        tree_hash_then: data.tree_hash.clone(),
        tree_hash_now: tree.content_hash().to_string(),
        tree_changed: data.tree_hash != tree.content_hash(),
        answers_recorded: data.answers.len(),
        answers_kept: kept,
        answers,
        // A recording without the option list (hand-made) cannot say what was added.
        options_added: if data.options.is_empty() {
            Vec::new()
        } else {
            options_added
        },
        options_removed,
        weights_dropped,
        choice_dropped,
        winner_then: data.chosen.clone(),
        winner_now: report.chosen.clone(),
        pending: report.pending.clone(),
    };
    Ok(Revisit {
        recorded,
        session,
        changes,
    })
}

/// Replays the recorded answers as far as the tree allows; returns the decision, the answers
/// that changed or could not be replayed, and how many were replayed.
fn replay(tree: &LoadedTree, recorded: &Recorded) -> (Decision, Vec<AnswerChange>, usize) {
    let data = &recorded.data;
    let mut d = Decision::new(tree.id());
    let mut changes = Vec::new();
    let mut broken = false;
    for (i, step) in data.answers.iter().enumerate() {
        let labels = step.labels();
        let prompt = tree
            .node_ix(&step.question)
            .and_then(|ix| match tree.node(ix) {
                Node::Question(q) => Some(q.prompt.clone()),
                Node::Outcome(_) => None,
            });
        let mut change = |kind: &'static str, text: String| {
            changes.push(AnswerChange {
                step: i + 1,
                question: step.question.clone(),
                prompt: prompt.clone(),
                answer: labels.join("; "),
                kind,
                text,
            });
        };
        if broken {
            change(
                "not_replayed",
                "not replayed: an earlier answer no longer fits the tree".into(),
            );
            continue;
        }
        let Ok(walk) = Walk::replay(tree, &d) else {
            broken = true;
            change("not_replayed", "not replayed".into());
            continue;
        };
        let q = match tree.node(walk.current) {
            Node::Outcome(o) => {
                broken = true;
                change(
                    "path_ends",
                    format!(
                        "the walk now reaches the outcome \"{}\" before this question",
                        o.title
                    ),
                );
                continue;
            }
            Node::Question(q) if q.id != step.question => {
                broken = true;
                if tree.node_ix(&step.question).is_some() {
                    change(
                        "not_on_path",
                        format!(
                            "the question is no longer on this path (the walk now asks \"{}\")",
                            q.prompt
                        ),
                    );
                } else {
                    change(
                        "question_gone",
                        format!(
                            "the question no longer exists (the walk now asks \"{}\")",
                            q.prompt
                        ),
                    );
                }
                continue;
            }
            Node::Question(q) => q,
        };
        let picks: Option<Vec<usize>> = labels
            .iter()
            .map(|l| q.answers.iter().position(|a| a.label == *l))
            .collect();
        let Some(picks) = picks else {
            broken = true;
            change(
                "answer_gone",
                // The report shows the question beside it.
                format!(
                    "the question no longer has this answer (answers now: {})",
                    list_answers(q)
                ),
            );
            continue;
        };
        if let Err(e) = d.answer_set(tree, &picks) {
            broken = true;
            change("answer_gone", format!("the answer no longer fits: {e}"));
            continue;
        }
        if let (Some(then), Some((consequence, effects))) =
            (data.prints.get(i), crate::report::answer_prints(q, &labels))
        {
            if then.consequence != consequence {
                change(
                    "consequence_changed",
                    "the answer's consequence changed".into(),
                );
            }
            if then.effects != effects {
                change(
                    "effects_changed",
                    "the answer's effects on weights and options changed".into(),
                );
            }
        }
    }
    let kept = d.answers.len();
    (d, changes, kept)
}

/// One part of the change report as a screen lays it out: a heading and its lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportSection {
    pub title: &'static str,
    pub items: Vec<ReportItem>,
}

/// One line of a [`ReportSection`]; `changed` marks what differs from the ADR.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportItem {
    pub changed: bool,
    pub text: String,
}

impl ReportItem {
    fn same(text: impl Into<String>) -> ReportItem {
        ReportItem {
            changed: false,
            text: text.into(),
        }
    }

    fn changed(text: impl Into<String>) -> ReportItem {
        ReportItem {
            changed: true,
            text: text.into(),
        }
    }
}

impl Changes {
    /// True when nothing the ADR recorded differs now: the same tree, every answer carried
    /// over as it was, the same options, weights and choice, the same winner.
    pub fn is_unchanged(&self) -> bool {
        !self.tree_changed
            && self.answers.is_empty()
            && self.answers_kept == self.answers_recorded
            && self.options_added.is_empty()
            && self.options_removed.is_empty()
            && self.weights_dropped.is_empty()
            && self.choice_dropped.is_none()
            && self.pending.is_none()
            && self.winner_now == self.winner_then
    }

    /// Why the winner now differs from the ADR's, when it does: the old winner is gone from
    /// the tree, ruled out now (with the answer's reason), or outscored (both scores).
    pub fn winner_reason(&self, report: &DecisionReport) -> Option<String> {
        let then = self.winner_then.as_deref()?;
        let now = self.winner_now.as_deref()?;
        if then == now {
            return None;
        }
        let old = report.option(then);
        let new = report.option(now)?;
        Some(match old {
            None => format!("{then} is no longer an option of the tree"),
            Some(o) => match (&o.rule_out, &o.ruled_out) {
                (Some(r), _) => format!(
                    "{} is ruled out now by answer {} (\"{}\" to \"{}\"): {}",
                    o.name, r.by.number, r.by.answer, r.by.question, r.reason
                ),
                (None, Some(why)) => format!("{} is ruled out now: {why}", o.name),
                (None, None) if report.chosen_by_user => {
                    format!(
                        "the deciders chose {} ({} ranks at {})",
                        new.name, o.name, o.score
                    )
                }
                (None, None) => format!(
                    "{} now scores {}, {} {}",
                    new.name, new.score, o.name, o.score
                ),
            },
        })
    }

    /// The change report in sections for a screen: the ADR, the tree, the answers, the
    /// options, the weights and choice (only when some were dropped), the decision.
    pub fn sections(&self, recorded: &Recorded, report: &DecisionReport) -> Vec<ReportSection> {
        let name = |id: &str| {
            report
                .option(id)
                .map_or_else(|| id.to_string(), |o| o.name.clone())
        };
        let mut out = Vec::new();
        let mut adr = vec![ReportItem::same(format!(
            "{}, decided with the tree \"{}\"",
            recorded.adr.label(),
            self.tree
        ))];
        if let Some(st) = &recorded.status {
            adr.push(ReportItem::same(format!("Its status: {st}")));
        }
        out.push(ReportSection {
            title: "The ADR",
            items: adr,
        });
        out.push(ReportSection {
            title: "The tree",
            items: vec![if self.tree_changed {
                ReportItem::changed(format!(
                    "Changed since: content hash {} then, {} now",
                    self.tree_hash_then, self.tree_hash_now
                ))
            } else {
                ReportItem::same(format!(
                    "Unchanged since (content hash {})",
                    self.tree_hash_now
                ))
            }],
        });
        let mut answers = vec![ReportItem {
            changed: self.answers_kept != self.answers_recorded,
            text: format!(
                "Carried over: {} of {}",
                self.answers_kept, self.answers_recorded
            ),
        }];
        answers.extend(self.answers.iter().map(|a| {
            ReportItem::changed(format!(
                "Answer {} (\"{}\" to {}): {}",
                a.step,
                a.answer,
                a.asked(),
                a.text
            ))
        }));
        out.push(ReportSection {
            title: "Answers",
            items: answers,
        });
        let mut options = Vec::new();
        if !self.options_added.is_empty() {
            let names: Vec<String> = self.options_added.iter().map(|o| name(o)).collect();
            options.push(ReportItem::changed(format!("Added: {}", names.join(", "))));
        }
        if !self.options_removed.is_empty() {
            options.push(ReportItem::changed(format!(
                "Removed: {}",
                self.options_removed.join(", ")
            )));
        }
        if options.is_empty() {
            options.push(ReportItem::same("None added or removed"));
        }
        out.push(ReportSection {
            title: "Options",
            items: options,
        });
        let mut dropped = Vec::new();
        if !self.weights_dropped.is_empty() {
            dropped.push(ReportItem::changed(format!(
                "Weights set by hand whose criterion is gone (dropped): {}",
                self.weights_dropped.join(", ")
            )));
        }
        if let Some(c) = &self.choice_dropped {
            dropped.push(ReportItem::changed(format!(
                "The deciders' choice {} cannot be chosen now; the top-ranked option stands in",
                name(c)
            )));
        }
        if !dropped.is_empty() {
            out.push(ReportSection {
                title: "Weights and choice",
                items: dropped,
            });
        }
        let then = self.winner_then.as_deref().map_or("none".into(), name);
        let mut decision = vec![ReportItem::same(format!("Then: {then}"))];
        decision.push(match (&self.winner_now, &self.pending) {
            (Some(now), _) if Some(now) == self.winner_then.as_ref() => {
                ReportItem::same(format!("Now: {} (the same)", name(now)))
            }
            (Some(now), _) => ReportItem::changed(format!("Now: {}", name(now))),
            (None, Some(q)) => ReportItem::changed(format!(
                "Now: open, the walk stops at \"{q}\" (answer it to reach an outcome)"
            )),
            (None, None) => ReportItem::changed("Now: no option is in play"),
        });
        if let Some(why) = self.winner_reason(report) {
            decision.push(ReportItem::changed(format!("Why: {why}")));
        }
        out.push(ReportSection {
            title: "Decision",
            items: decision,
        });
        out
    }

    /// The change report in words; option ids are named with `name` where the tree knows them.
    pub fn to_text(&self, recorded: &Recorded, report: &DecisionReport) -> String {
        use std::fmt::Write as _;
        let name = |id: &str| {
            report
                .option(id)
                .map_or_else(|| id.to_string(), |o| o.name.clone())
        };
        let mut s = String::new();
        let _ = writeln!(
            s,
            "Revisiting {}, decided with the tree \"{}\".",
            recorded.adr.label(),
            self.tree
        );
        if let Some(st) = &recorded.status {
            let _ = writeln!(s, "Its status: {st}.");
        }
        if self.tree_changed {
            let _ = writeln!(
                s,
                "The tree changed since (content hash {} then, {} now).",
                self.tree_hash_then, self.tree_hash_now
            );
        } else {
            let _ = writeln!(s, "The tree is unchanged since.");
        }
        let _ = writeln!(
            s,
            "Answers carried over: {} of {}.",
            self.answers_kept, self.answers_recorded
        );
        for a in &self.answers {
            let _ = writeln!(
                s,
                "  ! answer {} (\"{}\" to {}): {}",
                a.step,
                a.answer,
                a.asked(),
                a.text
            );
        }
        if !self.options_added.is_empty() {
            let names: Vec<String> = self.options_added.iter().map(|o| name(o)).collect();
            let _ = writeln!(s, "Options added since: {}.", names.join(", "));
        }
        if !self.options_removed.is_empty() {
            let _ = writeln!(
                s,
                "Options removed since: {}.",
                self.options_removed.join(", ")
            );
        }
        if !self.weights_dropped.is_empty() {
            let _ = writeln!(
                s,
                "Weights set by hand whose criterion is gone (dropped): {}.",
                self.weights_dropped.join(", ")
            );
        }
        if let Some(c) = &self.choice_dropped {
            let _ = writeln!(
                s,
                "The deciders' choice {} cannot be chosen now; the top-ranked option stands in.",
                name(c)
            );
        }
        let then = self.winner_then.as_deref().map_or("none".into(), name);
        match (&self.winner_now, &self.pending) {
            (Some(now), _) if Some(now) == self.winner_then.as_ref() => {
                let _ = writeln!(s, "Decision then and now: {then}.");
            }
            (Some(now), _) => {
                let _ = writeln!(s, "Decision then: {then}; now: {}.", name(now));
            }
            (None, Some(q)) => {
                let _ = writeln!(
                    s,
                    "Decision then: {then}; now: open, the walk stops at \"{q}\" (answer it in the TUI: `tradeoffs revisit {}`).",
                    recorded
                        .adr
                        .number
                        .map_or_else(|| recorded.adr.file.clone(), |n| n.to_string())
                );
            }
            (None, None) => {
                let _ = writeln!(s, "Decision then: {then}; now: no option is in play.");
            }
        }
        s
    }

    /// The report's first line: "Nothing changed since ADR 1: …", or how many of the lines of
    /// `sections` (this report's) differ from the ADR.
    pub fn headline(&self, recorded: &Recorded, sections: &[ReportSection]) -> String {
        let adr = adr_name(recorded);
        if self.is_unchanged() {
            return format!(
                "Nothing changed since {adr}: the same tree, answers, options and decision."
            );
        }
        let n = sections
            .iter()
            .flat_map(|s| &s.items)
            .filter(|i| i.changed)
            .count();
        format!(
            "{n} {} since {adr}.",
            if n == 1 { "change" } else { "changes" }
        )
    }

    /// One line for the TUI's notice.
    pub fn summary(&self, recorded: &Recorded) -> String {
        let mut parts = vec![format!("Revisiting {}", recorded.adr.label())];
        parts.push(if self.tree_changed {
            format!(
                "the tree changed ({} of {} answers carried over, {} changed)",
                self.answers_kept,
                self.answers_recorded,
                self.answers.len()
            )
        } else {
            "the tree is unchanged".to_string()
        });
        parts.push("exporting supersedes it".into());
        parts.join("; ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::adr::decision_data::DecisionData;
    use crate::report::AdrRef;

    use crate::tree::fixtures::SMALL;

    fn catalog(text: &str) -> Catalog {
        crate::tree::fixtures::catalog_of(&[("small.json", text)])
    }

    /// The decision data of small, answers (Fast, One), cost set to 4 by hand.
    fn recorded() -> Recorded {
        let c = catalog(SMALL);
        let t = c.get("small").unwrap();
        let mut d = Decision::new("small");
        d.answer(t, 0).unwrap();
        d.answer(t, 0).unwrap();
        d.set_weight(t, "sm.cost", 4).unwrap();
        let mut s = Session::new("s", 0);
        s.decisions.push(d);
        let r = Engine::new(&c).evaluate(&c, &s, 0).unwrap();
        Recorded {
            path: "adr/0001-use-option-b.md".into(),
            adr: AdrRef {
                number: Some(1),
                title: "Use Option B".into(),
                file: "0001-use-option-b.md".into(),
            },
            status: Some("accepted".into()),
            data: DecisionData::of(&r),
        }
    }

    #[test]
    fn an_unchanged_tree_gives_back_the_same_session() {
        let c = catalog(SMALL);
        let engine = Engine::new(&c);
        let rec = recorded();
        let rv = rebuild(&c, &engine, rec.clone(), "1", "r", 0).unwrap();
        let d = &rv.session.decisions[0];
        assert_eq!(d.answers, rec.data.answers);
        assert_eq!(d.overrides, rec.data.weights);
        assert_eq!(
            d.record.supersedes.as_deref(),
            Some("adr/0001-use-option-b.md")
        );
        let ch = &rv.changes;
        assert!(!ch.tree_changed && ch.answers.is_empty());
        assert_eq!((ch.answers_kept, ch.answers_recorded), (2, 2));
        assert_eq!(ch.winner_now.as_deref(), Some("sm.b"));
        assert_eq!(ch.winner_now, ch.winner_then);
    }

    /// The report's items as `+ text` (changed) and `  text` (the same), under their titles.
    fn shown(sections: &[ReportSection]) -> String {
        let mut out = String::new();
        for s in sections {
            out.push_str(&format!("{}\n", s.title));
            for i in &s.items {
                out.push_str(&format!(
                    "{} {}\n",
                    if i.changed { "+" } else { " " },
                    i.text
                ));
            }
        }
        out
    }

    #[test]
    fn the_report_of_an_unchanged_tree_says_so_in_every_section() {
        let c = catalog(SMALL);
        let engine = Engine::new(&c);
        let rv = rebuild(&c, &engine, recorded(), "1", "r", 0).unwrap();
        let report = engine.evaluate(&c, &rv.session, 0).unwrap();
        assert!(rv.changes.is_unchanged());
        assert_eq!(rv.changes.winner_reason(&report), None);
        let sections = rv.changes.sections(&rv.recorded, &report);
        assert_eq!(
            rv.changes.headline(&rv.recorded, &sections),
            "Nothing changed since ADR 1: the same tree, answers, options and decision."
        );
        let hash = &rv.changes.tree_hash_now;
        assert_eq!(
            shown(&rv.changes.sections(&rv.recorded, &report)),
            format!(
                "The ADR\n  ADR 1 \"Use Option B\" (0001-use-option-b.md), decided with the tree \"small\"\n  Its status: accepted\nThe tree\n  Unchanged since (content hash {hash})\nAnswers\n  Carried over: 2 of 2\nOptions\n  None added or removed\nDecision\n  Then: Option B\n  Now: Option B (the same)\n"
            )
        );
    }

    #[test]
    fn a_new_winner_comes_with_its_reason() {
        let why = |tree: &str| {
            let c = catalog(tree);
            let engine = Engine::new(&c);
            let rv = rebuild(&c, &engine, recorded(), "1", "r", 0).unwrap();
            let report = engine.evaluate(&c, &rv.session, 0).unwrap();
            assert!(!rv.changes.is_unchanged());
            let text = shown(&rv.changes.sections(&rv.recorded, &report));
            assert!(text.contains("+ Changed since: content hash"), "{text}");
            assert!(
                text.contains("  Then: Option B\n+ Now: Option A\n"),
                "{text}"
            );
            let sections = rv.changes.sections(&rv.recorded, &report);
            let changed = text.lines().filter(|l| l.starts_with('+')).count();
            assert_eq!(
                rv.changes.headline(&rv.recorded, &sections),
                format!("{changed} changes since ADR 1.")
            );
            rv.changes.winner_reason(&report).unwrap()
        };
        // B loses its speed: A outscores it on the same answers and weights.
        let slower = SMALL.replace(
            r#""impact": 1, "rationale": "B is fair.""#,
            r#""impact": -2, "rationale": "B is slow now.""#,
        );
        assert_eq!(why(&slower), "Option A now scores 6, Option B -6");
        // The recorded answer now rules B out.
        let ruled = SMALL.replace(
            r#"{ "op": "rule_out", "option": "sm.c", "reason": "C is too slow." }"#,
            r#"{ "op": "rule_out", "option": "sm.c", "reason": "C is too slow." },
            { "op": "rule_out", "option": "sm.b", "reason": "B is too slow too." }"#,
        );
        assert_eq!(
            why(&ruled),
            "Option B is ruled out now by answer 1 (\"Fast\" to \"What matters most?\"): B is too slow too."
        );
    }

    #[test]
    fn an_adr_is_named_by_number_else_by_title() {
        let mut rec = recorded();
        assert_eq!(adr_name(&rec), "ADR 1");
        rec.adr.number = None;
        assert_eq!(adr_name(&rec), "ADR \"Use Option B\"");
        // One changed line is "1 change".
        let changes = Changes {
            winner_now: Some("sm.a".into()),
            ..rebuild(
                &catalog(SMALL),
                &Engine::new(&catalog(SMALL)),
                recorded(),
                "1",
                "r",
                0,
            )
            .unwrap()
            .changes
        };
        let one = [ReportSection {
            title: "Decision",
            items: vec![ReportItem::changed("Now: Option A")],
        }];
        assert_eq!(
            changes.headline(&rec, &one),
            "1 change since ADR \"Use Option B\"."
        );
    }

    #[test]
    fn a_changed_tree_keeps_what_still_fits_and_names_the_rest() {
        let changed = SMALL
            .replace(r#""label": "One""#, r#""label": "Uno""#)
            .replace("Speed counts more; C is out.", "Speed counts most.")
            .replace(r#""by": 2 }"#, r#""by": 1 }"#);
        let c = catalog(&changed);
        let engine = Engine::new(&c);
        let rv = rebuild(&c, &engine, recorded(), "1", "r", 0).unwrap();
        let ch = &rv.changes;
        assert!(ch.tree_changed);
        let kinds: Vec<&str> = ch.answers.iter().map(|a| a.kind).collect();
        assert_eq!(
            kinds,
            ["consequence_changed", "effects_changed", "answer_gone"]
        );
        assert_eq!(ch.answers_kept, 1);
        assert_eq!(ch.pending.as_deref(), Some("Which shortlist?"));
        assert_eq!(ch.winner_now, None);
        // The hand-set weight is carried over even though the walk stops early.
        assert_eq!(rv.session.decisions[0].overrides.get("sm.cost"), Some(&4));
        // A tree that is not loaded is a one-line error.
        let e = rebuild(
            &catalog(&SMALL.replace("\"id\": \"small\"", "\"id\": \"tiny\"")),
            &engine,
            recorded(),
            "1",
            "r",
            0,
        )
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "revisit 1: the ADR was decided with the tree \"small\", which is not loaded (available: tiny); pass the tree's file or directory with --trees"
        );
    }
}
