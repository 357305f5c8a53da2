//! Renders a decision as an ADR in one dialect. The skeletons live in `assets/templates/` (embedded
//! at build time); this module fills their `{{slots}}` with sections built from the decision
//! object. Every string from the user or a tree file goes through [`md`] or [`yaml`] first, so
//! it cannot break the Markdown structure or the front matter.

use std::fmt::Write as _;

use super::markdown::{link_text, md, md_paragraph, url, yaml};
use super::{Dialect, Link, RecordMeta, Spelling};
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
}

/// Fills the dialect's template with the decision and the record's metadata.
pub fn render(
    report: &DecisionReport,
    meta: &RecordMeta,
    dialect: Dialect,
    place: &Placement<'_>,
) -> String {
    let chosen = report.chosen.as_deref().and_then(|c| report.option(c));
    let slots = Slots {
        report,
        meta,
        chosen,
        place,
        dialect,
    };
    let template = match dialect {
        Dialect::Madr => MADR,
        Dialect::Nygard => NYGARD,
        Dialect::Log4brains => LOG4BRAINS,
    };
    tidy(&fill(template, |name| slots.get(name)))
}

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
            "tags" => md(&format!("{}, tradeoffs", self.report.tree)),
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
        let _ = writeln!(s, "consulted: []");
        let _ = write!(s, "informed: []");
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
            .in_play()
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
        let costs: Vec<String> = chosen
            .contributions
            .iter()
            .filter(|c| c.value < 0)
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
            let _ = write!(s, " and neglected {}", md(&join_and(&neglected)));
        }
        let _ = write!(
            s,
            ", to achieve {}, accepting {}.",
            md(&if gains.is_empty() {
                "the best balance of the weighted criteria".to_string()
            } else {
                join_and(&gains)
            }),
            md(&if costs.is_empty() {
                "no weighted downside beyond the trade-offs listed below".to_string()
            } else {
                format!("a cost in {}", join_and(&costs))
            })
        );
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
            "The decision was worked through with the *{}* decision tree of tradeoffs ({}); these answers led here:\n",
            md(&self.report.tree_title),
            md(&self.report.source)
        );
        for (i, p) in self.report.path.iter().enumerate() {
            let _ = writeln!(
                s,
                "{}. {} **{}** {}",
                i + 1,
                md(&p.question),
                md(&p.answer),
                md(&format!("({})", p.consequence))
            );
        }
        s
    }

    fn drivers(&self) -> String {
        let mut s = String::new();
        for c in self.drivers_sorted() {
            let _ = writeln!(
                s,
                "* {} (weight {} of 5): {}",
                md(&c.name),
                c.weight,
                md(&c.description)
            );
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
        let mut n = 0;
        for r in &self.report.ranking {
            if r.ruled_out.is_none() {
                n += 1;
                let mark = if Some(&r.id) == self.report.chosen.as_ref() {
                    ", chosen"
                } else {
                    ""
                };
                let _ = writeln!(s, "{n}. {} (score {}{mark})", md(&r.name), r.score);
            }
        }
        let out: Vec<&RankedOption> = self
            .report
            .ranking
            .iter()
            .filter(|r| r.ruled_out.is_some())
            .collect();
        if !out.is_empty() {
            let _ = writeln!(s, "\nRuled out:\n");
            for r in out {
                let _ = writeln!(
                    s,
                    "* {} (score {}): {}",
                    md(&r.name),
                    r.score,
                    md(r.ruled_out.as_deref().unwrap_or_default())
                );
            }
        }
        let _ = write!(
            s,
            "\nScore = sum over the criteria of weight (0 to 5) times impact (-2 to +2)."
        );
        s
    }

    fn outcome(&self) -> String {
        let Some(chosen) = self.chosen else {
            return "No option is in play.".into();
        };
        let reasons: Vec<String> = chosen
            .contributions
            .iter()
            .filter(|c| c.value > 0)
            .take(3)
            .map(|c| format!("{} ({})", clause(&c.rationale), lower_name(&c.name)))
            .collect();
        let because = if reasons.is_empty() {
            "it has the highest score of the options in play".to_string()
        } else {
            reasons.join("; ")
        };
        let mut s = format!(
            "Chosen option: \"{}\", because {}.",
            md(&chosen.name),
            md(&because)
        );
        if let Some(top) = self
            .report
            .top
            .as_deref()
            .and_then(|t| self.report.option(t))
            && top.id != chosen.id
        {
            let _ = write!(
                s,
                "\n\nThe deciders chose it over the top-ranked option, {} (score {}), which leads it by {} points on the weighted criteria.",
                md(&top.name),
                top.score,
                top.score - chosen.score
            );
        }
        s
    }

    fn consequences(&self) -> String {
        let Some(chosen) = self.chosen else {
            return String::new();
        };
        let mut s = String::new();
        for c in chosen.contributions.iter().filter(|c| c.impact > 0) {
            let _ = writeln!(
                s,
                "* Good, because {} ({}, impact +{})",
                md(&clause(&c.rationale)),
                md(&c.name),
                c.impact
            );
        }
        for c in chosen.contributions.iter().filter(|c| c.impact < 0) {
            let _ = writeln!(
                s,
                "* Bad, because {} ({}, impact {})",
                md(&clause(&c.rationale)),
                md(&c.name),
                c.impact
            );
        }
        s
    }

    fn confirmation(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(s, "{}\n", md_paragraph(&self.report.sensitivity.text));
        let _ = write!(
            s,
            "Revisit this decision if those priorities change; review the implementation against the requirements under More Information."
        );
        s
    }

    fn pros_cons(&self) -> String {
        let mut s = String::new();
        for r in &self.report.ranking {
            let _ = writeln!(s, "### {}\n", md(&r.name));
            let _ = writeln!(s, "{}\n", md_paragraph(&r.summary));
            if let Some(why) = &r.ruled_out {
                let _ = writeln!(s, "Ruled out: {}\n", md(why));
            }
            let mut rows: Vec<_> = r.contributions.iter().collect();
            rows.sort_by_key(|c| std::cmp::Reverse(c.impact));
            for c in rows {
                let verdict = match c.impact.signum() {
                    1 => "Good",
                    0 => "Neutral",
                    _ => "Bad",
                };
                let _ = writeln!(
                    s,
                    "* {verdict}, because {} ({})",
                    md(&clause(&c.rationale)),
                    md(&c.name)
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
            for n in &r.notes {
                match &n.source {
                    Some(src) => {
                        let _ = writeln!(s, "* {} ([source]({}))", md(&n.text), url(src));
                    }
                    None => {
                        let _ = writeln!(s, "* {}", md(&n.text));
                    }
                }
            }
            s.push('\n');
        }
        let _ = writeln!(s, "### Conflicts with other decisions\n");
        if r.conflicts.is_empty() {
            let _ = writeln!(s, "None found among the decisions of this session.\n");
        } else {
            for c in &r.conflicts {
                let _ = writeln!(s, "* {}", md(&c.text));
            }
            s.push('\n');
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
                let _ = writeln!(s, "* {verb} {num}[{}]({})", link_text(&l.title), l.file);
            }
            s.push('\n');
        }
        let _ = writeln!(s, "### Trade-off graph\n");
        let _ = writeln!(s, "{}", self.mermaid());
        let _ = writeln!(s, "### References\n");
        let mut seen = std::collections::HashSet::new();
        for x in &r.references {
            if seen.insert(&x.url) {
                let name = r
                    .option(&x.option)
                    .map_or(x.option.as_str(), |o| o.name.as_str());
                let _ = writeln!(
                    s,
                    "* {}: [{}]({})",
                    md(name),
                    link_text(&x.title),
                    url(&x.url)
                );
            }
        }
        let path: Vec<String> = r.path.iter().map(|p| p.number.to_string()).collect();
        let _ = write!(
            s,
            "\nGenerated by tradeoffs from the *{}* tree; `tradeoffs decide --tree {} --path {}` replays the walk.",
            md(&r.tree_title),
            r.tree,
            path.join(",")
        );
        s
    }

    /// The considered options, the criteria they bear on, and their relations.
    fn mermaid(&self) -> String {
        let r = self.report;
        let id = |s: &str| s.replace(['.', '-'], "_");
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

/// A rationale as a clause inside a sentence: no final full stop. The case is kept, since a
/// rationale often starts with a product name ("Redis keeps...").
fn clause(s: &str) -> String {
    s.trim().trim_end_matches('.').to_string()
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
    use super::*;

    #[test]
    fn markdown_escaping_neutralises_structure() {
        assert_eq!(md("# a | b ]`c`\nd"), "\\# a \\| b \\]\\`c\\` d");
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
        assert_eq!(clause("Redis is fast. "), "Redis is fast");
    }
}
