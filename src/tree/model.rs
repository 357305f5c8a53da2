//! Serde types of a decision-tree file. They mirror `decision-trees/schema.json`; numbers that
//! have a range (weights, impacts) are read as plain integers so that an out-of-range value is
//! reported by the validator with its place, not as an opaque type error.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The only tree file format this build reads (format 2: `/work/plan/FORMAT2.md`, README).
pub const FORMAT_VERSION: u32 = 2;
/// Most answers a question may have (selections are kept in a 64-bit mask).
pub const MAX_ANSWERS: usize = 64;
/// Most answers a multi-answer question may have: every combination is a path, so 12 answers
/// already make 4,096 combinations at one question.
pub const MAX_MULTI_ANSWERS: usize = 12;
/// Inclusive range of a criterion weight.
pub const WEIGHT_RANGE: std::ops::RangeInclusive<i64> = 0..=5;
/// Inclusive range of an option's impact on a criterion.
pub const IMPACT_RANGE: std::ops::RangeInclusive<i64> = -2..=2;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tree {
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    pub format: u32,
    pub id: String,
    /// Prefix of every option and criterion id, so relations can point across trees.
    pub namespace: String,
    pub title: String,
    pub description: String,
    /// The persona section this tree derives from.
    pub source: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<Reference>,
    /// The persona section this tree belongs to, and its place among that section's trees.
    pub area: Area,
    /// The preference order that decides a tie at the top of the ranking.
    pub tie_break: TieBreak,
    pub criteria: Vec<Criterion>,
    pub options: Vec<OptionDef>,
    pub root: String,
    pub nodes: Vec<Node>,
    /// The tree's own tests, evaluated by `trees validate` and `trees analyze`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checks: Vec<Check>,
}

/// Trees of one area are walked in `position` order; all share the area's `title`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Area {
    pub id: String,
    pub title: String,
    /// 1-based, unique within the area.
    pub position: i64,
}

/// When the top score is shared, the first of the tied options in `order` wins, and every
/// output says so with `why`. Never decided by id. With `priorities_first`, the user's own
/// priorities decide first (the highest weight level at which the tied options' contributions
/// differ; see [`crate::tradeoff::rank`]), and `order` only between options equal at every
/// level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TieBreak {
    /// Every option id of the tree, exactly once, most preferred first.
    pub order: Vec<String>,
    pub why: String,
    /// Opt-in, because it changes recommendations: a tree turns it on once its checks pass
    /// under it (`trees analyze --priorities-first` shows the effect before the edit).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub priorities_first: bool,
}

/// A statement the tree's author makes about its advice, checked over every applicable path.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Check {
    pub name: String,
    /// Question id → answer labels. A path matches when every question listed was asked on it
    /// and (one of) its answer(s) is among the labels. Empty: every path.
    #[serde(default)]
    pub when: BTreeMap<String, Vec<String>>,
    pub expect: Expect,
    pub why: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Expect {
    /// None of these options may win on an applicable path.
    Never(Vec<String>),
    /// On every applicable path that is not a dead end, the winner is one of these.
    WinnerIn(Vec<String>),
}

impl Expect {
    pub fn options(&self) -> &[String] {
        match self {
            Expect::Never(v) | Expect::WinnerIn(v) => v,
        }
    }

    pub fn kind(&self) -> &'static str {
        match self {
            Expect::Never(_) => "never",
            Expect::WinnerIn(_) => "winner_in",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    pub title: String,
    pub url: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    pub id: String,
    pub name: String,
    pub description: String,
    pub default_weight: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OptionDef {
    pub id: String,
    pub name: String,
    pub summary: String,
    /// Criterion id → impact. Every criterion of the tree must be rated.
    pub impacts: BTreeMap<String, Impact>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub relations: Vec<Relation>,
    pub references: Vec<Reference>,
    /// How the team will know the decision holds (fitness functions, tests, metrics). Required
    /// in shipped trees; optional in user trees.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confirmation: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Impact {
    pub impact: i64,
    pub rationale: String,
}

/// How one option bears on another, possibly in another tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RelationKind {
    Requires,
    ConflictsWith,
    Complements,
}

impl RelationKind {
    pub fn as_str(self) -> &'static str {
        match self {
            RelationKind::Requires => "requires",
            RelationKind::ConflictsWith => "conflicts_with",
            RelationKind::Complements => "complements",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Relation {
    pub kind: RelationKind,
    pub target: String,
    pub rationale: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Node {
    Question(Question),
    Outcome(Outcome),
}

impl Node {
    pub fn id(&self) -> &str {
        match self {
            Node::Question(q) => &q.id,
            Node::Outcome(o) => &o.id,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    pub prompt: String,
    /// Why the question matters; shown under the prompt.
    pub help: String,
    /// The fact this question asks about; a session asks a fact once and reuses the answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fact: Option<String>,
    /// "Select all that apply": the effects of every selected answer apply, in answer order.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub multi: bool,
    /// Where a multi-answer question leads (its answers have no `next`); forbidden otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
    pub answers: Vec<Answer>,
}

impl Question {
    /// The node the walk goes to after `answer` (any answer of a multi-answer question).
    pub fn next_of(&self, answer: usize) -> Option<&str> {
        if self.multi {
            self.next.as_deref()
        } else {
            self.answers.get(answer).and_then(|a| a.next.as_deref())
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    pub label: String,
    pub consequence: String,
    /// Missing `next` is a validation error ("path ends without an outcome"), not a parse error.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
    /// Multi-answer questions only: this answer can only be selected alone ("None of these").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub exclusive: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub effects: Vec<Effect>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case", deny_unknown_fields)]
pub enum Effect {
    Set {
        criterion: String,
        weight: i64,
    },
    Raise {
        criterion: String,
        by: i64,
    },
    Lower {
        criterion: String,
        by: i64,
    },
    RuleOut {
        option: String,
        reason: String,
    },
    Note {
        text: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        source: Option<String>,
        /// The note applies only when the chosen option is one of these (options of this tree).
        /// Only notes can be conditional: a weight or rule-out that depended on the winner would
        /// make the ranking circular.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        if_chosen: Vec<String>,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    pub id: String,
    /// A promise, not a filter: the options the title and context are written for. Every
    /// option stays ranked; `trees validate` reports paths to this outcome won by another.
    pub options: Vec<String>,
    /// Suggested ADR title.
    pub title: String,
    /// Context sentence for the ADR.
    pub context: String,
}
