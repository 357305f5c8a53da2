//! The pack's data: what every rendering (Markdown, HTML, JSON, the TUI screen) reads. Plain
//! serialisable types, so `--format json` is this model as it is.

use serde::Serialize;

/// One design-review pack for a session.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pack {
    /// Version of this JSON shape.
    pub format: u32,
    pub session: String,
    /// The directory the session was started in.
    pub repo: Option<String>,
    /// Seconds since the Unix epoch of the session's last change.
    pub updated: u64,
    /// One entry per decision of the session, in session order (the one-page summary).
    pub decisions: Vec<DecisionSummary>,
    /// Quality attributes that drove the decisions, grouped by area.
    pub utility: Vec<UtilityArea>,
    pub sensitivity: Vec<SensitivityPoint>,
    pub tradeoffs: Vec<TradeoffPoint>,
    pub risks: Vec<Risk>,
    pub non_risks: Vec<NonRisk>,
    pub questions: Vec<ReviewQuestion>,
    /// The session's combined trade-off graph.
    pub graph: SessionGraph,
}

/// Where a decision stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DecisionState {
    /// At an outcome with an option in play.
    Decided,
    /// At an outcome, every option ruled out.
    DeadEnd,
    /// A question is still open.
    Open,
}

/// A row of the one-page summary.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DecisionSummary {
    /// 1-based, as the pack names it ("D2").
    pub number: usize,
    pub tree: String,
    pub title: String,
    pub area: String,
    pub state: DecisionState,
    pub chosen: Option<String>,
    pub chosen_name: Option<String>,
    /// The user chose an option other than the top-ranked one.
    pub against_ranking: bool,
    /// The top-ranked option's name (the robustness figures are its own).
    pub top_name: Option<String>,
    pub score: Option<i64>,
    pub runner_up: Option<String>,
    pub runner_up_name: Option<String>,
    pub margin: Option<i64>,
    /// `robust` or `fragile` (the engine's verdict).
    pub verdict: Option<String>,
    /// The winner's share of the weightings within ±1 of the decision's weights.
    pub acceptability: Option<f64>,
    /// The engine's robustness sentence.
    pub robustness: Option<String>,
    /// The question still open, for an open decision.
    pub pending: Option<String>,
    /// The outcome's suggested ADR title.
    pub outcome: Option<String>,
    /// The ADR written for this decision, if it was exported.
    pub adr: Option<AdrLink>,
}

/// The ADR file a session recorded for a decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AdrLink {
    /// As the session recorded it.
    pub path: String,
    /// Whether the file is still there (`None`: not checked).
    pub exists: Option<bool>,
}

impl AdrLink {
    /// The file name, for link text.
    pub fn file_name(&self) -> String {
        std::path::Path::new(&self.path)
            .file_name()
            .map_or_else(|| self.path.clone(), |f| f.to_string_lossy().into_owned())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UtilityArea {
    pub area: String,
    pub decisions: Vec<UtilityDecision>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UtilityDecision {
    pub number: usize,
    pub title: String,
    /// Criteria with a weight above 0 or changed from the tree's default, heaviest first.
    pub attributes: Vec<Attribute>,
}

/// One quality attribute (criterion) of one decision: a leaf of the utility tree.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Attribute {
    pub criterion: String,
    pub name: String,
    pub description: String,
    pub weight: i64,
    pub default_weight: i64,
    /// ATAM's importance: `high` (4–5), `medium` (2–3), `low` (0–1).
    pub importance: &'static str,
    /// A small change of this weight changes the decision (see the sensitivity points).
    pub sensitive: bool,
    /// The answers (and hand-set weights) that moved it from its default, in path order.
    pub set_by: Vec<WeightSource>,
}

/// What moved a weight.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WeightSource {
    /// The question's prompt (`None` for a weight set by hand).
    pub question: Option<String>,
    /// The answer's label.
    pub answer: Option<String>,
    /// The answer's consequence: the scenario the tree gives for it.
    pub scenario: Option<String>,
    /// "raised by 2", "set to 5", "set by hand to 4".
    pub effect: String,
}

/// A criterion whose small weight change alters a decision (the winner changes).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SensitivityPoint {
    pub decision: usize,
    pub tree: String,
    pub criterion: String,
    pub name: String,
    pub from: i64,
    pub to: i64,
    pub winner: String,
    pub winner_name: String,
    pub new_winner: String,
    pub new_winner_name: String,
    /// The interval of this weight over which the winner holds (others fixed).
    pub holds_from: i64,
    pub holds_to: i64,
    pub text: String,
}

/// Whether a trade-off point is inside one decision or between two.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TradeoffKind {
    /// The winner and a strong rival have impacts of opposite sign on the criterion.
    Options,
    /// Two decisions' chosen options push the same quality attribute in opposite directions.
    Decisions,
}

/// One side of a trade-off: an option and its impact on the criterion.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pull {
    pub decision: usize,
    pub option: String,
    pub name: String,
    pub impact: i64,
    pub weight: i64,
}

/// A criterion that pulls two options or two decisions in opposite directions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TradeoffPoint {
    pub kind: TradeoffKind,
    /// Criterion ids (one per decision involved).
    pub criteria: Vec<String>,
    pub name: String,
    /// Options that gain when the criterion weighs more.
    pub favoured: Vec<Pull>,
    /// Options that lose.
    pub against: Vec<Pull>,
    pub text: String,
}

/// What kind of risk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RiskKind {
    /// Two chosen options conflict.
    Conflict,
    /// A chosen option requires an option another decision did not choose.
    UnmetRequirement,
    /// The answers ruled every option out.
    DeadEnd,
    /// A question is still open.
    Open,
    /// The winner is fragile.
    Fragile,
    /// The top is a tie broken by the tree's preference.
    Tie,
    /// The user chose against the ranking.
    AgainstRanking,
    /// The chosen option is not one the outcome was written for.
    BrokenPromise,
    /// An answer the decision rests on.
    Assumption,
    /// A requirement an answer raised for the chosen option, not yet shown to be met.
    Requirement,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Risk {
    pub kind: RiskKind,
    /// The decisions it concerns (1-based).
    pub decisions: Vec<usize>,
    pub text: String,
}

/// A decision checked and found robust.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NonRisk {
    pub decisions: Vec<usize>,
    pub text: String,
}

/// A question for the review meeting, with the finding it comes from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReviewQuestion {
    pub decisions: Vec<usize>,
    /// `sensitivity`, `tradeoff`, or a risk kind.
    pub from: String,
    pub text: String,
}

/// The session's combined trade-off graph: per decision its chosen option, its strong rivals
/// and the criteria that decide between them; relations between options across decisions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SessionGraph {
    pub groups: Vec<GraphGroup>,
    pub edges: Vec<GraphEdge>,
}

/// One decision's part of the graph.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GraphGroup {
    pub decision: usize,
    pub title: String,
    /// Options: the chosen one first.
    pub options: Vec<GraphNode>,
    pub criteria: Vec<GraphNode>,
    /// For a decision without a choice: why (open question, dead end).
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NodeRole {
    Chosen,
    Rival,
    /// An option another decision's choice requires, which this decision did not choose.
    Required,
    Criterion,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GraphNode {
    /// Unique in the graph: `d<decision>.<id>`.
    pub key: String,
    pub id: String,
    pub label: String,
    pub role: NodeRole,
    /// Score for options, weight for criteria.
    pub value: Option<i64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EdgeKind {
    Impact,
    Requires,
    ConflictsWith,
    Complements,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GraphEdge {
    pub from: String,
    pub to: String,
    pub kind: EdgeKind,
    /// The impact, for impact edges.
    pub impact: Option<i64>,
    /// A conflict or unmet requirement of this session (drawn as a finding).
    pub finding: bool,
    pub label: String,
}

impl Pack {
    /// The summary row of decision `number` (1-based).
    pub fn decision(&self, number: usize) -> Option<&DecisionSummary> {
        self.decisions.get(number.wrapping_sub(1))
    }

    /// "D2 Data store".
    pub fn label(&self, number: usize) -> String {
        match self.decision(number) {
            Some(d) => format!("D{number} {}", d.title),
            None => format!("D{number}"),
        }
    }
}
