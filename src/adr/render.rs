//! Renders a decision as an ADR in one dialect. The skeletons live in `assets/templates/` (embedded
//! at build time); this module fills their `{{slots}}` with sections built from the decision
//! object. Every string from the user or a tree file goes through [`md`] or [`yaml`] first, so
//! it cannot break the Markdown structure or the front matter.

use std::fmt::Write as _;

use super::markdown::{link_text, md, md_paragraph, url, yaml};
use super::{Detail, Dialect, Link, RecordMeta, Spelling};
use crate::report::{DecisionReport, RankedOption};
use crate::text::mermaid_escape;
use crate::tree::RelationKind;

const MADR: &str = include_str!("../../assets/templates/madr.md");
const NYGARD: &str = include_str!("../../assets/templates/nygard.md");
const LOG4BRAINS: &str = include_str!("../../assets/templates/log4brains.md");

/// Everything a renderer needs beyond the decision and the record's metadata.
#[derive(Debug, Clone, Default)]
pub struct Placement<'a> {
    pub number: Option<u32>,
    pub adrs_front_matter: bool,
    pub spelling: Option<Spelling>,
    pub links: &'a [Link],
    /// The repository's house style and lint rules; `None` renders the dialect's defaults.
    pub style: Option<&'a super::Style>,
}

/// Fills the dialect's template with the decision and the record's metadata.
pub fn render(
    report: &DecisionReport,
    meta: &RecordMeta,
    dialect: Dialect,
    place: &Placement<'_>,
) -> String {
    let chosen = report.chosen.as_deref().and_then(|c| report.option(c));
    let template = match dialect {
        Dialect::Madr => MADR,
        Dialect::Nygard => NYGARD,
        Dialect::Log4brains => LOG4BRAINS,
    };
    let levels: &[Level] = match meta.detail {
        Detail::Full => &[Level::FULL],
        Detail::Short => &LEVELS,
    };
    // The richest level that fits the word budget; the last one is always taken.
    let mut text = String::new();
    for &level in levels {
        let slots = Slots {
            level,
            report,
            meta,
            chosen,
            place,
            dialect,
        };
        text = tidy(&fill(template, |name| slots.get(name)));
        if words(&text) <= SHORT_WORDS {
            break;
        }
    }
    let mut text = match place.style {
        Some(style) => super::restyle::restyle(
            &text,
            dialect,
            place.adrs_front_matter,
            style,
            super::restyle::Facts {
                status: meta.status.as_str(),
                date: &meta.date,
                tag: &report.tree,
            },
        ),
        None => text,
    };
    // The decision data goes last, after any house style: restyling never touches it.
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(&super::decision_data::encode(
        &super::decision_data::DecisionData::of(report),
    ));
    text
}

/// Most words of a short ADR: what a reviewer reads in about two minutes.
pub const SHORT_WORDS: usize = 1000;

/// Words as a reader counts them: whitespace-separated tokens, the decision-data comment
/// (invisible in the rendered ADR) left out.
pub fn words(text: &str) -> usize {
    super::decision_data::strip(text).split_whitespace().count()
}

/// How much a rendering keeps; short ADRs step down these levels until they fit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Level {
    full: bool,
    /// Options discussed with pros and cons.
    considered: usize,
    /// Good and bad points per considered option.
    pros: usize,
    cons: usize,
    /// Requirements raised by the answers: whole, first sentence or first clause.
    notes: Cut,
    /// Reasons in the one-line entries of the other options.
    behind_reasons: bool,
    /// Relations of the chosen option listed under Consequences.
    relations: usize,
    /// Requirements listed; the rest are counted and left to the full ADR.
    notes_max: usize,
    /// Reasons given for the chosen option, and references listed.
    reasons: usize,
    /// Drivers listed one per line (the rest on one line).
    drivers: usize,
    /// Each ruled-out option with its reason, or only the answers that ruled them out.
    ruled_out_reasons: bool,
    /// The Context's list of answers with their questions, or the answers alone.
    questions: bool,
    refs_max: usize,
}

impl Level {
    const FULL: Level = Level {
        full: true,
        considered: usize::MAX,
        pros: usize::MAX,
        cons: usize::MAX,
        notes: Cut::Whole,
        behind_reasons: true,
        relations: usize::MAX,
        notes_max: usize::MAX,
        reasons: 3,
        drivers: usize::MAX,
        ruled_out_reasons: true,
        questions: true,
        refs_max: usize::MAX,
    };
}

/// How much of a long text a level keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cut {
    Whole,
    Sentence,
    Clause,
}

impl Cut {
    fn apply(self, s: &str) -> String {
        match self {
            Cut::Whole => s.to_string(),
            Cut::Sentence => first_sentence(s),
            Cut::Clause => match first_sentence(s).split_once("; ") {
                Some((head, _)) => sentence(head),
                None => first_sentence(s),
            },
        }
    }
}

/// Each level is the one before it with one more thing dropped, so a level is only ever
/// shorter (`short_levels_only_ever_keep_less`).
const L0: Level = Level {
    full: false,
    considered: 3,
    pros: 3,
    cons: 2,
    notes: Cut::Whole,
    behind_reasons: true,
    relations: 3,
    notes_max: usize::MAX,
    reasons: 3,
    drivers: usize::MAX,
    ruled_out_reasons: true,
    questions: true,
    refs_max: usize::MAX,
};
const L1: Level = Level {
    pros: 2,
    cons: 1,
    ..L0
};
const L2: Level = Level {
    notes: Cut::Sentence,
    relations: 2,
    ..L1
};
const L3: Level = Level {
    considered: 2,
    behind_reasons: false,
    ..L2
};
const L4: Level = Level { pros: 1, ..L3 };
const L5: Level = Level {
    notes: Cut::Clause,
    relations: 1,
    ..L4
};
const L6: Level = Level {
    considered: 1,
    ..L5
};
const L7: Level = Level { notes_max: 6, ..L6 };
const L8: Level = Level {
    cons: 0,
    notes_max: 4,
    reasons: 2,
    drivers: 5,
    refs_max: 2,
    ..L7
};
const L9: Level = Level {
    ruled_out_reasons: false,
    ..L8
};
const L10: Level = Level {
    notes_max: 3,
    drivers: 3,
    questions: false,
    refs_max: 1,
    ..L9
};
const LEVELS: [Level; 11] = [L0, L1, L2, L3, L4, L5, L6, L7, L8, L9, L10];

/// Replaces `{{name}}` in one pass, so slot values are never scanned for slots themselves.
fn fill(template: &str, value: impl Fn(&str) -> String) -> String {
    let mut out = String::with_capacity(template.len() * 4);
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        match after.find("}}") {
            Some(end) => {
                out.push_str(&value(&after[..end]));
                rest = &after[end + 2..];
            }
            None => {
                out.push_str(&rest[start..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// Empty slots leave runs of blank lines; keep at most one, and end with one newline.
fn tidy(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut blank = 0;
    for line in s.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            blank += 1;
            if blank > 1 {
                continue;
            }
        } else {
            blank = 0;
        }
        out.push_str(line);
        out.push('\n');
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

struct Slots<'a> {
    level: Level,
    report: &'a DecisionReport,
    meta: &'a RecordMeta,
    chosen: Option<&'a RankedOption>,
    place: &'a Placement<'a>,
    dialect: Dialect,
}

impl Slots<'_> {
    fn get(&self, name: &str) -> String {
        match name {
            "front_matter" => self.front_matter(),
            "title" => md(&self.meta.title),
            "number" => self.place.number.unwrap_or(1).to_string(),
            "date" => self.meta.date.clone(),
            "status" => self.status_word(),
            "status_links" => self.status_links(),
            "deciders" => {
                if self.meta.deciders.is_empty() {
                    "(not recorded)".into()
                } else {
                    self.meta
                        .deciders
                        .iter()
                        .map(|d| md(d))
                        .collect::<Vec<_>>()
                        .join(", ")
                }
            }
            "tags" => md(&self.report.tree),
            "summary" => self.summary(),
            "context" => self.context(),
            "drivers" => self.drivers(),
            "options" => self.options(),
            "outcome" => self.outcome(),
            "consequences" => self.consequences(),
            "confirmation" => self.confirmation(),
            "pros_cons" => self.pros_cons(),
            "more" => self.more(),
            "links_section" => self.links_section(),
            other => format!("{{{{{other}}}}}"),
        }
    }

    fn front_matter(&self) -> String {
        let mut s = String::new();
        if self.place.adrs_front_matter {
            let _ = writeln!(s, "number: {}", self.place.number.unwrap_or(1));
            let _ = writeln!(s, "title: {}", yaml(&self.meta.title));
        }
        let _ = writeln!(s, "status: {}", yaml(self.meta.status.as_str()));
        let _ = writeln!(s, "date: {}", self.meta.date);
        let list = |v: &[String]| {
            let items: Vec<String> = v.iter().map(|d| yaml(d)).collect();
            format!("[{}]", items.join(", "))
        };
        let _ = writeln!(s, "decision-makers: {}", list(&self.meta.deciders));
        let _ = writeln!(s, "consulted: {}", list(&self.meta.consulted));
        let _ = write!(s, "informed: {}", list(&self.meta.informed));
        s
    }

    fn status_word(&self) -> String {
        let st = self.meta.status.as_str();
        match self.dialect {
            Dialect::Nygard => {
                let mut c = st.chars();
                match c.next() {
                    Some(f) => f.to_uppercase().collect::<String>() + &c.as_str().to_lowercase(),
                    None => "Proposed".into(),
                }
            }
            _ => md(st),
        }
    }

    /// Nygard link paragraphs under `## Status` (adr-tools and adrs read them there).
    fn status_links(&self) -> String {
        if self.dialect != Dialect::Nygard {
            return String::new();
        }
        self.place
            .links
            .iter()
            .map(|l| {
                let label = match (l.kind, self.place.spelling) {
                    (super::LinkKind::Supersedes, Some(Spelling::AdrTools)) => "Supercedes",
                    (super::LinkKind::Supersedes, _) => "Supersedes",
                    (super::LinkKind::RelatesTo, _) => "Relates to",
                };
                format!(
                    "{label} [{}. {}]({})",
                    l.number.unwrap_or(0),
                    link_text(&l.title),
                    l.file
                )
            })
            .collect::<Vec<_>>()
            .join("\n\n")
    }

    fn links_section(&self) -> String {
        if self.dialect != Dialect::Log4brains || self.place.links.is_empty() {
            return String::new();
        }
        let mut s = String::from("## Links\n\n");
        for l in self.place.links {
            let verb = match l.kind {
                super::LinkKind::Supersedes => "Supersedes",
                super::LinkKind::RelatesTo => "Relates to",
            };
            let slug = l.file.trim_end_matches(".md");
            let _ = writeln!(s, "- {verb} [{}]({})", link_text(slug), l.file);
        }
        s
    }

    fn in_play(&self) -> impl Iterator<Item = &RankedOption> {
        self.report.ranking.iter().filter(|r| r.ruled_out.is_none())
    }

    fn drivers_sorted(&self) -> Vec<&crate::report::CriterionWeight> {
        let mut v: Vec<_> = self
            .report
            .criteria
            .iter()
            .filter(|c| c.weight > 0)
            .collect();
        v.sort_by_key(|c| std::cmp::Reverse(c.weight));
        v
    }

    fn full(&self) -> bool {
        self.level.full
    }

    /// The options a reviewer weighs: the top few in play (all of them with full detail).
    fn considered(&self) -> Vec<&RankedOption> {
        let n = self.level.considered;
        let mut v: Vec<&RankedOption> = self.in_play().take(n).collect();
        // A user's choice outside the top few is always considered.
        if let Some(c) = self.chosen
            && !v.iter().any(|o| o.id == c.id)
        {
            v.push(c);
        }
        v
    }

    /// The chosen option's largest weighted cost: `(criterion name, rationale)`.
    fn main_cost(&self) -> Option<(&str, &str)> {
        let chosen = self.chosen?;
        chosen
            .contributions
            .iter()
            .filter(|c| c.value < 0)
            .min_by_key(|c| c.value)
            .map(|c| (c.name.as_str(), c.rationale.as_str()))
    }

    /// The Y-statement (Zdun et al.): context, concern, choice, neglected options, goal, downside.
    fn summary(&self) -> String {
        let Some(chosen) = self.chosen else {
            return String::new();
        };
        let context = self
            .report
            .outcome
            .as_ref()
            .map_or(self.report.tree_title.clone(), |o| {
                format!("{} ({})", lower_name(&self.report.tree_title), o.title)
            });
        let drivers: Vec<String> = self
            .drivers_sorted()
            .iter()
            .take(3)
            .map(|c| lower_name(&c.name))
            .collect();
        let neglected: Vec<&str> = self
            .considered()
            .iter()
            .filter(|r| r.id != chosen.id)
            .map(|r| r.name.as_str())
            .collect();
        let gains: Vec<String> = chosen
            .contributions
            .iter()
            .filter(|c| c.value > 0)
            .take(2)
            .map(|c| lower_name(&c.name))
            .collect();
        let mut s = format!(
            "**In short:** In the context of {}, facing the need for {}, we decided for {}",
            md(&context),
            md(&join_and(&drivers)),
            md(&chosen.name)
        );
        if !neglected.is_empty() {
            let _ = write!(s, " and against {}", md(&join_and(&neglected)));
        }
        let goal = if gains.is_empty() {
            "the best balance of the weighted criteria".to_string()
        } else {
            join_and(&gains)
        };
        let _ = write!(s, ", to achieve {}, ", md(&goal));
        match self.main_cost() {
            Some((name, why)) if self.full() => {
                let _ = write!(
                    s,
                    "accepting its weakest point, {}: {}",
                    md(&lower_name(name)),
                    md(&sentence(why))
                );
            }
            Some((name, _)) => {
                let _ = write!(
                    s,
                    "accepting its weakest point, {} (see Consequences).",
                    md(&lower_name(name))
                );
            }
            None => s.push_str("with no weighted criterion counting against it."),
        }
        s
    }

    fn context(&self) -> String {
        let mut s = String::new();
        if !self.meta.context.trim().is_empty() {
            // The user's text is a paragraph per line, escaped line by line.
            for para in self.meta.context.split('\n') {
                let p = para.trim();
                if !p.is_empty() {
                    let _ = writeln!(s, "{}\n", md_paragraph(p));
                }
            }
        }
        if let Some(o) = &self.report.outcome {
            let _ = writeln!(s, "{}\n", md_paragraph(&o.context));
        }
        let _ = writeln!(
            s,
            "We worked through the *{}* decision tree of tradeoffs. These answers led here:\n",
            md(&self.report.tree_title),
        );
        for (i, p) in self.report.path.iter().enumerate() {
            if !self.level.questions {
                // Last resort for a long walk: the answers alone (they are written as statements).
                let _ = writeln!(s, "{}. **{}**", i + 1, md(&p.answer));
                continue;
            }
            let reused = p
                .reused_from
                .as_deref()
                .map(|t| format!(" (answered in the {t} decision)"))
                .unwrap_or_default();
            let _ = write!(
                s,
                "{}. {} **{}**{}",
                i + 1,
                md(&p.question),
                md(&p.answer),
                md(&reused)
            );
            if self.full() {
                let _ = write!(s, " {}", md(&format!("({})", p.consequence)));
            }
            s.push('\n');
        }
        if !self.report.overrides.is_empty() {
            let set: Vec<String> = self
                .report
                .overrides
                .iter()
                .map(|(id, w)| {
                    let name = self
                        .report
                        .criteria
                        .iter()
                        .find(|c| &c.id == id)
                        .map_or(id.as_str(), |c| c.name.as_str());
                    format!("{} to {w}", lower_name(name))
                })
                .collect();
            let _ = writeln!(
                s,
                "\nWe then set these priorities by hand: {}.",
                md(&join_and(&set))
            );
        }
        s
    }

    fn drivers(&self) -> String {
        let mut s = String::new();
        let sorted = self.drivers_sorted();
        let shown = sorted.len().min(self.level.drivers);
        for c in &sorted[..shown] {
            let by_hand = if self.report.overrides.contains_key(&c.id) {
                ", set by hand"
            } else {
                ""
            };
            if self.full() {
                let _ = writeln!(
                    s,
                    "- {} (weight {} of 5{by_hand}): {}",
                    md(&c.name),
                    c.weight,
                    md(&c.description)
                );
            } else {
                let _ = writeln!(s, "- {} (weight {} of 5{by_hand})", md(&c.name), c.weight);
            }
        }
        if sorted.len() > shown {
            let rest: Vec<String> = sorted[shown..]
                .iter()
                .map(|c| format!("{} ({})", c.name, c.weight))
                .collect();
            let _ = writeln!(s, "\nAlso weighed: {}.", md(&rest.join(", ")));
        }
        let ignored: Vec<&str> = self
            .report
            .criteria
            .iter()
            .filter(|c| c.weight == 0)
            .map(|c| c.name.as_str())
            .collect();
        if !ignored.is_empty() {
            let _ = writeln!(s, "\nNot weighed (weight 0): {}.", md(&ignored.join(", ")));
        }
        s
    }

    fn options(&self) -> String {
        let mut s = String::new();
        let considered = self.considered();
        for (i, r) in considered.iter().enumerate() {
            let mark = if Some(&r.id) == self.report.chosen.as_ref() {
                ", chosen"
            } else {
                ""
            };
            let _ = writeln!(s, "{}. {} (score {}{mark})", i + 1, md(&r.name), r.score);
        }
        let behind: Vec<&RankedOption> = self
            .in_play()
            .filter(|r| !considered.iter().any(|c| c.id == r.id))
            .collect();
        if !behind.is_empty() {
            let _ = writeln!(s, "\nAlso ranked, further behind:\n");
            for r in behind {
                let _ = writeln!(s, "- {}", self.why_behind(r));
            }
        }
        let out: Vec<&RankedOption> = self
            .report
            .ranking
            .iter()
            .filter(|r| r.ruled_out.is_some())
            .collect();
        if !out.is_empty() {
            let _ = writeln!(s, "\nRuled out by the answers:\n");
            // Options ruled out by the same answer for the same reason share one line; the
            // answer is named by its number in the Context's list.
            let mut groups: Vec<(String, String, Vec<&str>)> = Vec::new();
            for r in out {
                let by = match &r.rule_out {
                    Some(x) => match self
                        .report
                        .path
                        .iter()
                        .position(|p| p.question_id == x.by.question_id)
                    {
                        Some(i) => format!("answer {}", i + 1),
                        None => format!("the answer \"{}\"", x.by.answer),
                    },
                    None => String::new(),
                };
                let why = r.ruled_out.clone().unwrap_or_default();
                let why = if self.full() {
                    sentence(&why)
                } else if self.level.notes == Cut::Clause {
                    Cut::Clause.apply(&why)
                } else {
                    first_sentence(&why)
                };
                match groups.iter_mut().find(|g| g.0 == by && g.1 == why) {
                    Some(g) => g.2.push(&r.name),
                    None => groups.push((by, why, vec![&r.name])),
                }
            }
            if !self.level.ruled_out_reasons {
                // Last resort for a long ADR: one line per answer; the full ADR has each reason.
                let mut by_answer: Vec<(String, Vec<&str>)> = Vec::new();
                for (by, _, names) in &groups {
                    match by_answer.iter_mut().find(|g| &g.0 == by) {
                        Some(g) => g.1.extend(names.iter().copied()),
                        None => by_answer.push((by.clone(), names.clone())),
                    }
                }
                for (by, names) in by_answer {
                    let _ = writeln!(
                        s,
                        "- Ruled out by {}: {} (`--detail full` gives each reason).",
                        md(&by),
                        md(&join_and(&names))
                    );
                }
                groups.clear();
            }
            for (by, why, names) in groups {
                let who = md(&join_and(&names));
                if by.is_empty() {
                    let _ = writeln!(s, "- {who}: {}", md(&why));
                } else {
                    let _ = writeln!(s, "- {who}: {} (ruled out by {by})", md(&why));
                }
            }
        }
        let _ = write!(
            s,
            "\nScore = sum over the criteria of weight (0 to 5) times impact (-2 to +2)."
        );
        s
    }

    /// One line for an option in play outside the considered few: where it loses most.
    fn why_behind(&self, r: &RankedOption) -> String {
        let head = format!("{} (score {})", md(&r.name), r.score);
        if !self.level.behind_reasons {
            return head;
        }
        let Some(chosen) = self.chosen else {
            return head;
        };
        let gap = r
            .contributions
            .iter()
            .filter_map(|c| {
                let theirs = chosen
                    .contributions
                    .iter()
                    .find(|x| x.criterion == c.criterion)?;
                Some((theirs.value - c.value, c, theirs))
            })
            .filter(|(d, _, _)| *d > 0)
            .max_by_key(|(d, _, _)| *d);
        match gap {
            Some((_, c, theirs)) => format!(
                "{head}: loses most on {} (impact {:+} against {:+} for {}).",
                md(&lower_name(&c.name)),
                c.impact,
                theirs.impact,
                md(&chosen.name)
            ),
            None => head,
        }
    }

    fn outcome(&self) -> String {
        let Some(chosen) = self.chosen else {
            return match &self.report.dead_end {
                Some(d) => md_paragraph(&d.text),
                None => "No option is in play.".into(),
            };
        };
        let runner = self
            .in_play()
            .find(|o| o.id != chosen.id)
            .map(|o| format!(" ({} against {} for {})", chosen.score, o.score, o.name))
            .unwrap_or_default();
        let mut s = format!(
            "Chosen option: \"{}\", because it scores highest on the weighted drivers{}. Its strongest reasons:\n\n",
            md(&chosen.name),
            md(&runner)
        );
        let mut reasons: Vec<_> = chosen
            .contributions
            .iter()
            .filter(|c| c.value > 0)
            .collect();
        reasons.sort_by_key(|c| std::cmp::Reverse(c.value));
        for c in reasons.iter().take(self.level.reasons) {
            let why = if self.full() {
                sentence(&c.rationale)
            } else {
                first_sentence(&c.rationale)
            };
            let _ = writeln!(s, "- {}: {}", md(&c.name), md(&why));
        }
        if let Some(top) = self
            .report
            .top
            .as_deref()
            .and_then(|t| self.report.option(t))
            && top.id != chosen.id
        {
            let gap = top.score - chosen.score;
            let _ = write!(
                s,
                "\nThe deciders chose it over the top-ranked option, {} (score {}), which leads it by {} {} on the weighted criteria.\n",
                md(&top.name),
                top.score,
                gap,
                if gap == 1 { "point" } else { "points" }
            );
        }
        if let Some(t) = &self.report.tie {
            let _ = write!(
                s,
                "\n{}\n",
                md_paragraph(&format!("Tie: {}", sentence(&t.text)))
            );
        }
        if let Some(r) = &self.report.robustness {
            let _ = write!(s, "\n{}\n", md_paragraph(&r.text));
        }
        s
    }

    /// What follows from the decision beyond its pros: the costs accepted, what it requires or
    /// pairs with, and conflicts with the session's other decisions.
    fn consequences(&self) -> String {
        let Some(chosen) = self.chosen else {
            return String::new();
        };
        let mut s = String::new();
        // The costs accepted: in a short ADR the weighted ones (a weakness on a criterion
        // weighted 0 costs nothing here), largest first.
        let mut costs: Vec<_> = chosen
            .contributions
            .iter()
            .filter(|c| {
                if self.full() {
                    c.impact < 0
                } else {
                    c.value < 0
                }
            })
            .collect();
        costs.sort_by_key(|c| c.value);
        if !self.full() {
            costs.truncate(self.level.cons.saturating_add(1));
        }
        for c in costs {
            let why = if self.full() {
                sentence(&c.rationale)
            } else {
                first_sentence(&c.rationale)
            };
            let _ = writeln!(s, "- Bad ({}): {}", md(&lower_name(&c.name)), md(&why));
        }
        // Short: what the choice requires or rules out elsewhere, not what merely pairs well.
        let rels = self
            .report
            .relations
            .iter()
            .filter(|r| r.from == chosen.id)
            .filter(|r| self.full() || r.kind != RelationKind::Complements)
            .take(self.level.relations);
        for rel in rels {
            let verb = match rel.kind {
                RelationKind::Requires => "Requires",
                RelationKind::Complements => "Pairs well with",
                RelationKind::ConflictsWith => "Conflicts with",
            };
            let why = if self.full() {
                sentence(&rel.rationale)
            } else {
                first_sentence(&rel.rationale)
            };
            let _ = writeln!(s, "- {verb} {}: {}", md(&rel.to_name), md(&why));
        }
        for c in &self.report.conflicts {
            let _ = writeln!(s, "- Conflict with another decision: {}", md(&c.text));
        }
        for c in &self.report.accepted_conflicts {
            let _ = writeln!(
                s,
                "- Conflict with the accepted {}: {}",
                adr_link(&c.adr),
                md(&c.summary)
            );
        }
        if !self.report.notes.is_empty() {
            let _ = writeln!(
                s,
                "- It brings {} requirement{} from the answers, listed under More Information.",
                self.report.notes.len(),
                if self.report.notes.len() == 1 {
                    ""
                } else {
                    "s"
                }
            );
        }
        if s.is_empty() {
            s.push_str("- No weighted criterion counts against it on these answers.\n");
        }
        s
    }

    fn confirmation(&self) -> String {
        let mut s = String::new();
        if let Some(c) = &self.report.confirmation {
            let c = if self.level.notes == Cut::Clause {
                Cut::Clause.apply(c)
            } else {
                c.clone()
            };
            let _ = writeln!(s, "{}\n", md_paragraph(&c));
        }
        let revisit = if self.in_play().count() <= 1 {
            "Revisit it if an answer that ruled out the other options changes.".to_string()
        } else {
            let change = self
                .report
                .robustness
                .as_ref()
                .and_then(|r| r.nearest_weight_change.as_ref())
                .map(|c| c.text.clone())
                .unwrap_or_else(|| self.report.sensitivity.text.clone());
            format!("Revisit it when the priorities change: {change}")
        };
        let _ = write!(s, "{}", md_paragraph(&revisit));
        s
    }

    fn pros_cons(&self) -> String {
        let mut s = String::new();
        let shown: Vec<&RankedOption> = if self.full() {
            self.report.ranking.iter().collect()
        } else {
            self.considered()
        };
        for r in shown {
            let _ = writeln!(s, "### {}\n", md(&r.name));
            let _ = writeln!(s, "{}\n", md_paragraph(&r.summary));
            if !self.full() && Some(&r.id) == self.report.chosen.as_ref() {
                // Its gains are the reasons under Decision Outcome, its costs the Consequences.
                let _ = writeln!(
                    s,
                    "- Good: the reasons under Decision Outcome.\n- Bad: the costs under Consequences.\n"
                );
                continue;
            }
            if let Some(why) = &r.ruled_out {
                let _ = writeln!(s, "Ruled out: {}\n", md(why));
            }
            let mut rows: Vec<_> = if self.full() {
                r.contributions.iter().collect()
            } else {
                // The largest weighted gains and costs only.
                let mut good: Vec<_> = r.contributions.iter().filter(|c| c.value > 0).collect();
                good.sort_by_key(|c| std::cmp::Reverse(c.value));
                let mut bad: Vec<_> = r.contributions.iter().filter(|c| c.value < 0).collect();
                bad.sort_by_key(|c| c.value);
                good.truncate(self.level.pros);
                bad.truncate(self.level.cons);
                good.into_iter().chain(bad).collect()
            };
            rows.sort_by_key(|c| (std::cmp::Reverse(c.impact), std::cmp::Reverse(c.weight)));
            for c in rows {
                let verdict = match c.impact.signum() {
                    1 => "Good",
                    0 => "Neutral",
                    _ => "Bad",
                };
                let _ = writeln!(
                    s,
                    "- {verdict} ({}): {}",
                    md(&lower_name(&c.name)),
                    md(&sentence(&c.rationale))
                );
            }
            s.push('\n');
        }
        s
    }

    fn more(&self) -> String {
        let r = self.report;
        let mut s = String::new();
        if !r.notes.is_empty() {
            let _ = writeln!(s, "### Requirements raised by the answers\n");
            for n in r.notes.iter().take(self.level.notes_max) {
                let text = self.level.notes.apply(&n.text);
                match &n.source {
                    Some(src) => {
                        let _ = writeln!(s, "- {} ([source]({}))", md(&text), url(src));
                    }
                    None => {
                        let _ = writeln!(s, "- {}", md(&text));
                    }
                }
            }
            if r.notes.len() > self.level.notes_max {
                let _ = writeln!(
                    s,
                    "- And {} more: export with full detail (`--detail full`) to list them all.",
                    r.notes.len() - self.level.notes_max
                );
            }
            s.push('\n');
        }
        if self.full() {
            let _ = writeln!(s, "### Conflicts with other decisions\n");
            if r.conflicts.is_empty() && r.accepted_conflicts.is_empty() {
                let _ = writeln!(s, "None found among the decisions of this session.\n");
            } else {
                for c in &r.conflicts {
                    let _ = writeln!(s, "- {}", md(&c.text));
                }
                for c in &r.accepted_conflicts {
                    let _ = writeln!(
                        s,
                        "- With the accepted {}: {}",
                        adr_link(&c.adr),
                        md(&c.summary)
                    );
                }
                s.push('\n');
            }
        }
        let related: Vec<&Link> = self
            .place
            .links
            .iter()
            .filter(|l| self.dialect == Dialect::Madr || l.kind == super::LinkKind::RelatesTo)
            .collect();
        if self.dialect == Dialect::Madr && !related.is_empty() {
            let _ = writeln!(s, "### Related decisions\n");
            for l in related {
                let verb = match l.kind {
                    super::LinkKind::Supersedes => "Supersedes",
                    super::LinkKind::RelatesTo => "Relates to",
                };
                let num = l.number.map(|n| format!("ADR-{n:04} ")).unwrap_or_default();
                let _ = writeln!(s, "- {verb} {num}[{}]({})", link_text(&l.title), l.file);
            }
            s.push('\n');
        }
        if self.full() {
            let _ = writeln!(s, "### Trade-off graph\n");
            let _ = writeln!(s, "{}", self.mermaid());
        }
        let _ = writeln!(s, "### References\n");
        let mut seen = std::collections::HashSet::new();
        let chosen = r.chosen.as_deref();
        for x in &r.references {
            if !self.full() && Some(x.option.as_str()) != chosen {
                continue;
            }
            if seen.len() >= self.level.refs_max {
                break;
            }
            if seen.insert(&x.url) {
                let name = r
                    .option(&x.option)
                    .map_or(x.option.as_str(), |o| o.name.as_str());
                let _ = writeln!(
                    s,
                    "- {}: [{}]({})",
                    md(name),
                    link_text(&x.title),
                    url(&x.url)
                );
            }
        }
        let _ = write!(
            s,
            "\nGenerated by tradeoffs from the *{}* tree; `{}` replays the walk.",
            md(&r.tree_title),
            replay_command(r)
        );
        s
    }

    /// The considered options, the criteria they bear on, and their relations.
    fn mermaid(&self) -> String {
        let r = self.report;
        // Node ids: only [A-Za-z0-9_] (ids are validated as safe, but nothing from a tree may
        // close the fence or start a heading here even if that rule changes).
        let id = |s: &str| -> String {
            s.chars()
                .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
                .collect()
        };
        let mut s = String::from("```mermaid\nflowchart LR\n");
        for c in r.criteria.iter().filter(|c| c.weight > 0) {
            let _ = writeln!(
                s,
                "  {}{{{{\"{} (w{})\"}}}}",
                id(&c.id),
                mermaid_escape(&c.name),
                c.weight
            );
        }
        let considered: Vec<&RankedOption> = self.in_play().collect();
        for o in &considered {
            let label = if Some(&o.id) == r.chosen.as_ref() {
                format!("{} ✔ {}", mermaid_escape(&o.name), o.score)
            } else {
                format!("{} {}", mermaid_escape(&o.name), o.score)
            };
            let _ = writeln!(s, "  {}[\"{}\"]", id(&o.id), label);
        }
        for o in &considered {
            for c in o
                .contributions
                .iter()
                .filter(|c| c.weight > 0 && c.impact != 0)
            {
                let arrow = if c.impact > 0 { "-->" } else { "-.->" };
                let _ = writeln!(
                    s,
                    "  {} {arrow}|\"{:+}\"| {}",
                    id(&o.id),
                    c.impact,
                    id(&c.criterion)
                );
            }
        }
        for rel in &r.relations {
            let in_view = considered.iter().any(|o| o.id == rel.from)
                && (considered.iter().any(|o| o.id == rel.to)
                    || r.conflicts
                        .iter()
                        .any(|c| c.to == rel.to || c.from == rel.to));
            if in_view {
                let _ = writeln!(
                    s,
                    "  {} ==>|\"{}\"| {}",
                    id(&rel.from),
                    match rel.kind {
                        RelationKind::Requires => "requires",
                        RelationKind::ConflictsWith => "conflicts with",
                        RelationKind::Complements => "complements",
                    },
                    id(&rel.to)
                );
                if !considered.iter().any(|o| o.id == rel.to) {
                    let _ = writeln!(s, "  {}[\"{}\"]", id(&rel.to), mermaid_escape(&rel.to_name));
                }
            }
        }
        s.push_str("```\n");
        s
    }
}

/// A relative link to an ADR of the same directory: `[ADR-0003 Use Kafka](0003-use-kafka.md)`.
fn adr_link(adr: &crate::report::AdrRef) -> String {
    let num = adr
        .number
        .map(|n| format!("ADR-{n:04} "))
        .unwrap_or_default();
    format!("[{num}{}]({})", link_text(&adr.title), adr.file)
}

/// The command that reproduces this decision: the path, the hand-set weights and a choice
/// other than the top-ranked option.
pub fn replay_command(r: &DecisionReport) -> String {
    let mut cmd = format!("tradeoffs decide --tree {} --path {}", r.tree, r.path_arg());
    for (id, w) in &r.overrides {
        let _ = write!(cmd, " --weight {id}={w}");
    }
    if r.chosen_by_user
        && r.chosen != r.top
        && let Some(c) = &r.chosen
    {
        let _ = write!(cmd, " --option {c}");
    }
    cmd
}

/// A text as a complete sentence: capitalised start, final full stop.
fn sentence(s: &str) -> String {
    let t = s.trim();
    let mut c = t.chars();
    let mut out = match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => return String::new(),
    };
    if !out.ends_with(['.', '!', '?']) {
        out.push('.');
    }
    out
}

/// Words that end with a full stop inside a sentence ("GDPR Art. 32", "e.g. Spring").
const ABBREVIATIONS: &[&str] = &[
    "e.g", "i.e", "art", "arts", "req", "no", "nos", "sec", "ch", "cf", "vs", "fig", "p", "pp",
    "approx", "incl", "para", "st",
];

/// The first sentence of a text, as a sentence: up to the first ". " that is followed by a
/// capital and does not end an abbreviation, so "GDPR Art. 32 requires ..." stays whole.
fn first_sentence(s: &str) -> String {
    let t = s.trim();
    for (i, _) in t.match_indices(". ") {
        let word = t[..i]
            .rsplit(|c: char| c.is_whitespace() || c == '(')
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        let next_is_capital = t[i + 2..].chars().next().is_some_and(char::is_uppercase);
        if next_is_capital && !ABBREVIATIONS.contains(&word.as_str()) {
            return sentence(&t[..=i]);
        }
    }
    sentence(t)
}

/// A criterion name inside a sentence: first letter lowered unless the first word is an acronym
/// or carries other capitals ("ACID", "PostgreSQL").
fn lower_name(s: &str) -> String {
    let first_word = s.split_whitespace().next().unwrap_or("");
    if first_word.chars().skip(1).any(char::is_uppercase) {
        return s.to_string();
    }
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

fn join_and<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [a, b] => format!("{} and {}", a.as_ref(), b.as_ref()),
        // Names often contain "and" themselves, so the serial comma keeps the list readable.
        [rest @ .., last] => format!(
            "{}, and {}",
            rest.iter()
                .map(AsRef::as_ref)
                .collect::<Vec<_>>()
                .join(", "),
            last.as_ref()
        ),
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn first_sentences_keep_abbreviations_and_lowercase_continuations() {
        assert_eq!(
            first_sentence("GDPR Art. 32 requires encryption. Then more."),
            "GDPR Art. 32 requires encryption."
        );
        assert_eq!(
            first_sentence("Use a framework, e.g. Spring Modulith. Then verify."),
            "Use a framework, e.g. Spring Modulith."
        );
        assert_eq!(first_sentence("One. Two."), "One.");
        assert_eq!(first_sentence("no stop at all"), "No stop at all.");
        assert_eq!(first_sentence("Version 1.2. Next"), "Version 1.2.");
    }
    use super::*;

    #[test]
    fn markdown_escaping_neutralises_structure() {
        assert_eq!(md("# a | b ]`c`\nd"), "\\# a \\| b \\]`c` d");
        // Only balanced one-line code spans stay code; a stray or empty one is escaped.
        assert_eq!(md("a `b"), "a \\`b");
        assert_eq!(md("``"), "\\`\\`");
        assert_eq!(md("`__Host-` cookie"), "`__Host-` cookie");
        assert_eq!(yaml("say: \"hi\"\n"), "\"say: \\\"hi\\\" \"");
    }

    #[test]
    fn paragraphs_cannot_start_blocks() {
        assert_eq!(md_paragraph("---"), "\\---");
        assert_eq!(md_paragraph("- item"), "\\- item");
        assert_eq!(md_paragraph("12. item"), "12\\. item");
        assert_eq!(md_paragraph("2026 was fine."), "2026 was fine.");
        assert_eq!(md_paragraph("# title"), "\\# title");
    }

    #[test]
    fn fill_does_not_rescan_values() {
        let out = fill("a {{x}} b {{y}}", |n| {
            if n == "x" { "{{y}}".into() } else { "Y".into() }
        });
        assert_eq!(out, "a {{y}} b Y");
    }

    #[test]
    fn names_lower_only_when_safe() {
        assert_eq!(lower_name("ACID guarantees"), "ACID guarantees");
        assert_eq!(lower_name("Query performance"), "query performance");
    }

    #[test]
    fn texts_become_whole_sentences_and_cut_cleanly() {
        assert_eq!(sentence("runs exactly once"), "Runs exactly once.");
        assert_eq!(sentence("Redis is fast."), "Redis is fast.");
        assert_eq!(first_sentence("One. Two. Three"), "One.");
        assert_eq!(
            Cut::Clause.apply("Req 8.4.2: MFA; Req 8.5.1: no bypass. More"),
            "Req 8.4.2: MFA."
        );
        assert_eq!(Cut::Sentence.apply("A; b. C"), "A; b.");
        assert_eq!(Cut::Whole.apply("A; b. C"), "A; b. C");
    }

    #[test]
    fn short_levels_only_ever_keep_less() {
        for w in LEVELS.windows(2) {
            let (a, b) = (w[0], w[1]);
            assert!(b.considered <= a.considered && b.pros <= a.pros && b.cons <= a.cons);
            assert!(b.relations <= a.relations && b.notes_max <= a.notes_max);
            assert!(b.reasons <= a.reasons && b.refs_max <= a.refs_max);
            assert!(!b.full && !a.full);
        }
    }
}
