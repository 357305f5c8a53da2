//! The pack as Markdown: GitHub-flavoured, passes `markdownlint-cli2` with its default rules
//! except line length (MD013), and draws the trade-off graph as a fenced Mermaid flowchart,
//! which GitHub renders. Every text from a tree or a session goes through the ADR writer's
//! escaping (`adr::markdown`), so it cannot open a heading, a list, a link or close the fence.

use std::fmt::Write as _;
use std::path::Path;

use crate::adr::markdown::{md, url};
use crate::text::mermaid_escape;

use super::build::signed;
use super::model::*;
use super::relative_link;

/// The pack as one Markdown document. Links to ADRs are relative to `base` (the directory the
/// document will be written to) when given.
pub fn to_markdown(pack: &Pack, base: Option<&Path>) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "# Design review: session {}\n", md(&pack.session));
    let _ = writeln!(s, "{}\n", text(&intro(pack)));

    let _ = writeln!(s, "## Summary\n");
    let _ = writeln!(
        s,
        "| # | Decision | Area | Chosen option | Robustness | ADR |\n| --- | --- | --- | --- | --- | --- |"
    );
    for d in &pack.decisions {
        let _ = writeln!(
            s,
            "| D{} | {} | {} | {} | {} | {} |",
            d.number,
            cell(&d.title),
            cell(&d.area),
            cell(&chosen_cell(d)),
            cell(&verdict_cell(d)),
            adr_cell(d, base)
        );
    }
    s.push('\n');

    let _ = writeln!(s, "## Utility tree\n");
    let _ = writeln!(
        s,
        "The quality attributes each decision was weighed on (weights 0–5; importance high 4–5, medium 2–3, low 0–1), and the answers that set them.\n"
    );
    for area in &pack.utility {
        let _ = writeln!(s, "### Area: {}\n", md(&area.area));
        for d in &area.decisions {
            let _ = writeln!(s, "#### D{} {}\n", d.number, md(&d.title));
            if d.attributes.is_empty() {
                let _ = writeln!(s, "No criterion carries weight in this decision.\n");
                continue;
            }
            for a in &d.attributes {
                let _ = writeln!(
                    s,
                    "- **{}**: weight {} ({}{}){}",
                    md(&a.name),
                    a.weight,
                    a.importance,
                    if a.weight == a.default_weight {
                        String::new()
                    } else {
                        format!(", default {}", a.default_weight)
                    },
                    if a.sensitive {
                        ", sensitivity point"
                    } else {
                        ""
                    }
                );
                for src in &a.set_by {
                    let _ = writeln!(s, "  - {}", text(&source_text(src)));
                }
            }
            s.push('\n');
        }
    }

    let _ = writeln!(s, "## Sensitivity points\n");
    if pack.sensitivity.is_empty() {
        let _ = writeln!(
            s,
            "No weight change of up to {} steps changes any decision.\n",
            super::SMALL_CHANGE
        );
    } else {
        let _ = writeln!(
            s,
            "Criteria whose weight, changed by up to {} steps with the others fixed, changes a decision. Each change was computed, not estimated.\n",
            super::SMALL_CHANGE
        );
        let _ = writeln!(
            s,
            "| Decision | Criterion | Weight | Change to | New winner | Winner holds for |\n| --- | --- | --- | --- | --- | --- |"
        );
        for p in &pack.sensitivity {
            let _ = writeln!(
                s,
                "| D{} | {} | {} | {} | {} (instead of {}) | {}..{} |",
                p.decision,
                cell(&p.name),
                p.from,
                p.to,
                cell(&p.new_winner_name),
                cell(&p.winner_name),
                p.holds_from,
                p.holds_to
            );
        }
        s.push('\n');
    }

    let _ = writeln!(s, "## Trade-off points\n");
    list(
        &mut s,
        pack.tradeoffs.iter().map(|t| t.text.clone()),
        "No criterion pulls the chosen options and their strong rivals, or two decisions, in opposite directions.",
    );

    let _ = writeln!(s, "## Risks\n");
    list(
        &mut s,
        pack.risks
            .iter()
            .map(|r| format!("{}: {}", risk_label(r.kind), r.text)),
        "No risk found.",
    );

    let _ = writeln!(s, "## Non-risks\n");
    list(
        &mut s,
        pack.non_risks.iter().map(|r| r.text.clone()),
        "No decision was found robust.",
    );

    let _ = writeln!(s, "## Questions for the review\n");
    if pack.questions.is_empty() {
        let _ = writeln!(s, "The findings above raise no question.\n");
    } else {
        for (i, q) in pack.questions.iter().enumerate() {
            let _ = writeln!(s, "{}. {}", i + 1, text(&q.text));
        }
        s.push('\n');
    }

    let _ = writeln!(s, "## Trade-off graph\n");
    let _ = writeln!(
        s,
        "Per decision: the chosen option (✔), its strong rivals and the criteria that decide between them (solid: helps, dotted: hurts); thick arrows are relations between options, ⚠ marks a conflict or unmet requirement of this session.\n"
    );
    s.push_str(&mermaid(&pack.graph));
    s
}

/// Prose from trees and sessions: [`md`]-escaped, except that web addresses become autolinks
/// (`<https://...>`), which GitHub shows as links and markdownlint accepts (MD034 refuses bare
/// URLs).
fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for (i, word) in s.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        match split_url(word) {
            Some((link, rest)) => {
                out.push('<');
                out.push_str(&url(link));
                out.push('>');
                out.push_str(&md(rest));
            }
            None => out.push_str(&md(word)),
        }
    }
    out
}

/// A word that is a web address: the address and the punctuation after it.
pub(super) fn split_url(word: &str) -> Option<(&str, &str)> {
    if !(word.starts_with("https://") || word.starts_with("http://")) {
        return None;
    }
    let end = word
        .trim_end_matches(['.', ',', ';', ':', ')', '!', '?', '"', '\''])
        .len();
    let (link, rest) = word.split_at(end);
    (link.len() > "https://".len()
        && link.chars().all(|c| {
            !c.is_control()
                && !crate::text::is_invisible_format(c)
                && !matches!(c, '<' | '>' | '`' | '"')
        }))
    .then_some((link, rest))
}

/// A table cell: [`text`], and every pipe escaped, also inside a code span (GFM splits cells on
/// a bare pipe even there).
fn cell(s: &str) -> String {
    let t = text(s);
    let mut out = String::with_capacity(t.len() + 4);
    let mut escaped = false;
    for c in t.chars() {
        if c == '|' && !escaped {
            out.push('\\');
        }
        escaped = c == '\\' && !escaped;
        out.push(c);
    }
    out
}

/// The opening paragraph: how many decisions, in which areas, in what state.
pub fn intro(pack: &Pack) -> String {
    let mut areas: Vec<&str> = Vec::new();
    for d in &pack.decisions {
        if !areas.contains(&d.area.as_str()) {
            areas.push(&d.area);
        }
    }
    let count = |st: DecisionState| pack.decisions.iter().filter(|d| d.state == st).count();
    let fragile = pack
        .decisions
        .iter()
        .filter(|d| d.verdict.as_deref() == Some("fragile"))
        .count();
    let mut s = format!(
        "{} across {}: {} decided ({} fragile), {} open, {} at a dead end. {} sensitivity point{}, {} trade-off point{}, {} risk{}, {} question{} for the meeting.",
        plural(pack.decisions.len(), "decision"),
        areas.join(", "),
        count(DecisionState::Decided),
        fragile,
        count(DecisionState::Open),
        count(DecisionState::DeadEnd),
        pack.sensitivity.len(),
        if pack.sensitivity.len() == 1 { "" } else { "s" },
        pack.tradeoffs.len(),
        if pack.tradeoffs.len() == 1 { "" } else { "s" },
        pack.risks.len(),
        if pack.risks.len() == 1 { "" } else { "s" },
        pack.questions.len(),
        if pack.questions.len() == 1 { "" } else { "s" },
    );
    if let Some(repo) = &pack.repo {
        let _ = write!(s, " Repository: {repo}.");
    }
    s
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// The summary's "chosen option" cell: the option and its score, the dead end or the open question.
pub fn chosen_cell(d: &DecisionSummary) -> String {
    match (d.state, &d.chosen_name) {
        (DecisionState::Decided, Some(name)) => {
            let mut s = format!("{name} (score {})", d.score.unwrap_or(0));
            if d.against_ranking {
                s.push_str(", chosen against the ranking");
            }
            s
        }
        (DecisionState::DeadEnd, _) => "none: every option ruled out".into(),
        _ => format!("open: {}", d.pending.as_deref().unwrap_or("?")),
    }
}

/// The summary's robustness cell: verdict, acceptability and lead.
pub fn verdict_cell(d: &DecisionSummary) -> String {
    match (&d.verdict, d.acceptability) {
        (Some(v), Some(share)) if d.against_ranking => format!(
            "not the ranking's choice: {} ranks first ({v}, wins {:.0} % of weightings within ±1)",
            d.top_name.as_deref().unwrap_or("?"),
            100.0 * share
        ),
        (Some(v), Some(share)) => {
            let lead = match (&d.runner_up_name, d.margin) {
                (Some(r), Some(m)) => format!(", leads {r} by {m}"),
                _ => ", only option in play".into(),
            };
            format!(
                "{v}: wins {:.0} % of weightings within ±1{lead}",
                100.0 * share
            )
        }
        _ => "—".into(),
    }
}

fn adr_cell(d: &DecisionSummary, base: Option<&Path>) -> String {
    match &d.adr {
        None => "not exported".into(),
        Some(a) => {
            let missing = if a.exists == Some(false) {
                " (file missing)"
            } else {
                ""
            };
            let name = cell(&a.file_name());
            if super::html::has_scheme(&a.path) {
                // `javascript:` and friends: shown, never linked.
                return format!("{name}{missing}");
            }
            format!(
                "[{name}]({}){missing}",
                url(&relative_link(base, &a.path)).replace('|', "%7C")
            )
        }
    }
}

/// What set a weight, as a sentence ("Raised by 2 by \"A\" (to \"Q\"). Scenario: ...").
pub fn source_text(src: &WeightSource) -> String {
    match (&src.question, &src.answer) {
        (Some(q), Some(a)) => {
            let scenario = src
                .scenario
                .as_deref()
                .filter(|c| !c.trim().is_empty())
                .map(|c| format!(" Scenario: {c}"))
                .unwrap_or_default();
            format!(
                "{} by \"{a}\" (to \"{q}\").{scenario}",
                capital(&src.effect)
            )
        }
        _ => format!("{}.", capital(&src.effect)),
    }
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

/// The risk kind as a reader sees it.
pub fn risk_label(kind: RiskKind) -> &'static str {
    match kind {
        RiskKind::Conflict => "Conflict",
        RiskKind::UnmetRequirement => "Unmet requirement",
        RiskKind::DeadEnd => "Dead end",
        RiskKind::Open => "Open decision",
        RiskKind::Fragile => "Fragile winner",
        RiskKind::Tie => "Tie",
        RiskKind::AgainstRanking => "Against the ranking",
        RiskKind::BrokenPromise => "Outcome text",
        RiskKind::Assumption => "Assumption",
        RiskKind::Requirement => "Requirement",
    }
}

fn list(s: &mut String, items: impl Iterator<Item = String>, empty: &str) {
    let mut any = false;
    for i in items {
        any = true;
        let _ = writeln!(s, "- {}", text(&i));
    }
    if !any {
        let _ = writeln!(s, "{empty}");
    }
    s.push('\n');
}

/// Mermaid node ids: only `[A-Za-z0-9_]`, so nothing from a tree can close the fence or break
/// the syntax.
fn mid(key: &str) -> String {
    key.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect()
}

fn mermaid(g: &SessionGraph) -> String {
    let mut s = String::from("```mermaid\nflowchart LR\n");
    for group in &g.groups {
        let _ = writeln!(
            s,
            "  subgraph d{}[\"D{} {}\"]",
            group.decision,
            group.decision,
            mermaid_escape(&group.title)
        );
        if let Some(note) = &group.note {
            let _ = writeln!(
                s,
                "    d{}_note[\"{}\"]",
                group.decision,
                mermaid_escape(note)
            );
        }
        for o in &group.options {
            let label = match o.role {
                NodeRole::Chosen => {
                    format!("✔ {} · {}", mermaid_escape(&o.label), o.value.unwrap_or(0))
                }
                NodeRole::Required => format!("{} (required)", mermaid_escape(&o.label)),
                _ => format!("{} · {}", mermaid_escape(&o.label), o.value.unwrap_or(0)),
            };
            let _ = writeln!(s, "    {}[\"{label}\"]", mid(&o.key));
        }
        for c in &group.criteria {
            let _ = writeln!(
                s,
                "    {}{{{{\"{} · w{}\"}}}}",
                mid(&c.key),
                mermaid_escape(&c.label),
                c.value.unwrap_or(0)
            );
        }
        let _ = writeln!(s, "  end");
    }
    for e in &g.edges {
        let (from, to) = (mid(&e.from), mid(&e.to));
        match e.kind {
            EdgeKind::Impact => {
                let impact = e.impact.unwrap_or(0);
                let arrow = if impact > 0 { "-->" } else { "-.->" };
                let _ = writeln!(s, "  {from} {arrow}|\"{}\"| {to}", signed(impact));
            }
            _ => {
                let mark = if e.finding { "⚠ " } else { "" };
                let _ = writeln!(s, "  {from} ==>|\"{mark}{}\"| {to}", e.label);
            }
        }
    }
    let chosen: Vec<String> = g
        .groups
        .iter()
        .flat_map(|gr| &gr.options)
        .filter(|o| o.role == NodeRole::Chosen)
        .map(|o| mid(&o.key))
        .collect();
    if !chosen.is_empty() {
        let _ = writeln!(s, "  classDef chosen stroke-width:3px");
        let _ = writeln!(s, "  class {} chosen", chosen.join(","));
    }
    s.push_str("```\n");
    s
}
