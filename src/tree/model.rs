//! Serde types of a decision-tree file. They mirror `decision-trees/schema.json`; numbers that
//! have a range (weights, impacts) are read as plain integers so that an out-of-range value is
//! reported by the validator with its place, not as an opaque type error.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The only tree file format this build reads.
pub const FORMAT_VERSION: u32 = 1;
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
    pub criteria: Vec<Criterion>,
    pub options: Vec<OptionDef>,
    pub root: String,
    pub nodes: Vec<Node>,
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
    pub answers: Vec<Answer>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    pub label: String,
    pub consequence: String,
    /// Missing `next` is a validation error ("path ends without an outcome"), not a parse error.
    #[serde(default)]
    pub next: Option<String>,
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
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    pub id: String,
    /// The shortlist still in play at this outcome.
    pub options: Vec<String>,
    /// Suggested ADR title.
    pub title: String,
    /// Context sentence for the ADR.
    pub context: String,
}
