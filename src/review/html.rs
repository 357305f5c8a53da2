//! The pack as one self-contained HTML file: inline CSS (screen and print), the graph as inline
//! SVG, no script, no font, image or style sheet from the network (a Content-Security-Policy
//! says so to the browser). Every text from a tree or a session goes through [`esc`].

use std::fmt::Write as _;
use std::path::Path;

use super::markdown::{chosen_cell, intro, risk_label, source_text, verdict_cell};
use super::model::*;
use super::relative_link;

/// Text for HTML content and attribute values: control characters become spaces, bidi and
/// zero-width characters are dropped (they would reorder what a reviewer reads), and the five
/// HTML-significant characters are written as entities.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in crate::text::sanitize(s).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Prose with its web addresses as links (`http` and `https` only).
pub fn esc_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for (i, word) in s.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        match super::markdown::split_url(word) {
            Some((link, rest)) => {
                let _ = write!(
                    out,
                    "<a href=\"{}\">{}</a>{}",
                    esc(link),
                    esc(link),
                    esc(rest)
                );
            }
            None => out.push_str(&esc(word)),
        }
    }
    out
}

/// Whether `path` starts with a URL scheme (`javascript:`, `data:`, `https:`), which an ADR
/// path recorded by a session never should; a Windows drive letter (`C:`) is not one.
pub(super) fn has_scheme(path: &str) -> bool {
    path.split_once(':').is_some_and(|(s, _)| {
        s.len() > 1
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    })
}

/// A link target: `javascript:` and other schemes are refused (a session file could hold
/// anything in `exported`); a plain path is percent-encoded where HTML or URLs need it.
fn href(path: &str) -> Option<String> {
    if has_scheme(path) {
        return None;
    }
    Some(
        crate::text::sanitize(path)
            .chars()
            .map(|c| match c {
                ' ' => "%20".to_string(),
                '"' => "%22".to_string(),
                '\'' => "%27".to_string(),
                '<' => "%3C".to_string(),
                '>' => "%3E".to_string(),
                '#' => "%23".to_string(),
                '?' => "%3F".to_string(),
                '&' => "&amp;".to_string(),
                c => c.to_string(),
            })
            .collect(),
    )
}

const STYLE: &str = r#"
:root { color-scheme: light; --fg: #1b1f24; --muted: #57606a; --line: #d0d7de; --bg-alt: #f6f8fa; --gain: #1a7f37; --loss: #cf222e; --rel: #0550ae; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--fg); margin: 0; }
main { max-width: 62rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.7rem; margin: 0 0 .5rem; }
h2 { font-size: 1.3rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; margin-top: 2rem; }
h3 { font-size: 1.1rem; margin-bottom: .3rem; }
h4 { font-size: 1rem; margin: .8rem 0 .2rem; }
nav ol { columns: 2; padding-left: 1.2rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: var(--bg-alt); }
.muted, .scenario { color: var(--muted); }
.tag { display: inline-block; font-size: .8rem; font-weight: 600; border: 1px solid currentColor; border-radius: 3px; padding: 0 .3rem; margin-right: .3rem; }
.verdict-fragile, .risk .tag { color: var(--loss); }
.verdict-robust, .non-risk .tag { color: var(--gain); }
.sensitive { font-weight: 600; }
li { margin: .15rem 0; }
figure { margin: 1rem 0; overflow-x: auto; }
svg.graph { max-width: 100%; height: auto; font: 12px system-ui, sans-serif; }
svg .band-bg { fill: #fff; } svg .band-bg.alt { fill: var(--bg-alt); }
svg .band-title, svg .band-number { font-weight: 700; font-size: 13px; fill: var(--fg); }
svg .note { font-style: italic; fill: var(--muted); }
svg .node rect { fill: #fff; stroke: var(--fg); stroke-width: 1; }
svg .node.chosen rect { stroke-width: 3; }
svg .node.required rect { stroke-dasharray: 5 3; }
svg .node.criterion rect { fill: #fff8c5; }
svg .node text { fill: var(--fg); }
svg .edge line, svg .edge path { fill: none; stroke-width: 1.5; }
svg .edge.gain line { stroke: var(--gain); }
svg .edge.loss line { stroke: var(--loss); stroke-dasharray: 4 3; }
svg .edge.gain text { fill: var(--gain); } svg .edge.loss text { fill: var(--loss); }
svg .edge.relation path, svg .edge.relation line { stroke: var(--rel); stroke-width: 2.5; }
svg .edge.relation text { fill: var(--rel); text-anchor: middle; font-size: 11px; }
svg .edge.finding path, svg .edge.finding line { stroke: var(--loss); stroke-width: 3; stroke-dasharray: 8 3; }
svg .edge.finding text { fill: var(--loss); font-weight: 700; }
svg .edge text { paint-order: stroke; stroke: #fff; stroke-width: 3px; }
svg .legend > text { font-weight: 700; }
svg .legend text { text-anchor: start; }
svg marker path { fill: var(--muted); }
@media print {
  @page { margin: 14mm; }
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  nav { display: none; }
  h2 { break-after: avoid; }
  tr, li, figure { break-inside: avoid; }
  a { color: inherit; }
  a[href]::after { content: " (" attr(href) ")"; font-size: .85em; color: var(--muted); }
  th { background: none; }
}
"#;

/// The pack as one HTML document. Links to ADRs are relative to `base` when given.
pub fn to_html(pack: &Pack, base: Option<&Path>) -> String {
    let mut s = String::new();
    let title = format!("Design review: session {}", pack.session);
    let _ = write!(
        s,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"tradeoffs review\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n<h1>{}</h1>\n<p class=\"intro\">{}</p>\n",
        esc(&title),
        esc(&title),
        esc(&intro(pack))
    );
    let sections = [
        ("summary", "Summary"),
        ("utility-tree", "Utility tree"),
        ("sensitivity-points", "Sensitivity points"),
        ("tradeoff-points", "Trade-off points"),
        ("risks", "Risks"),
        ("non-risks", "Non-risks"),
        ("questions", "Questions for the review"),
        ("graph", "Trade-off graph"),
    ];
    s.push_str("<nav aria-label=\"Contents\"><ol>");
    for (id, name) in sections {
        let _ = write!(s, "<li><a href=\"#{id}\">{name}</a></li>");
    }
    s.push_str("</ol></nav>\n");

    // Summary.
    s.push_str("<section id=\"summary\">\n<h2>Summary</h2>\n<table class=\"summary\">\n<thead><tr><th>#</th><th>Decision</th><th>Area</th><th>Chosen option</th><th>Robustness</th><th>ADR</th></tr></thead>\n<tbody>\n");
    for d in &pack.decisions {
        // The verdict's colour only when it is the chosen option's own.
        let verdict_class = d
            .verdict
            .as_deref()
            .filter(|_| !d.against_ranking)
            .map(|v| format!(" class=\"verdict-{}\"", esc(v)))
            .unwrap_or_default();
        let adr = match &d.adr {
            None => "<span class=\"muted\">not exported</span>".to_string(),
            Some(a) => {
                let missing = if a.exists == Some(false) {
                    " <span class=\"muted\">(file missing)</span>"
                } else {
                    ""
                };
                match href(&relative_link(base, &a.path)) {
                    Some(h) => format!("<a href=\"{h}\">{}</a>{missing}", esc(&a.file_name())),
                    None => format!("{}{missing}", esc(&a.file_name())),
                }
            }
        };
        let _ = writeln!(
            s,
            "<tr data-decision=\"{}\" data-state=\"{}\"><td>D{}</td><td>{}</td><td>{}</td><td>{}</td><td{verdict_class}>{}</td><td>{adr}</td></tr>",
            d.number,
            match d.state {
                DecisionState::Decided => "decided",
                DecisionState::DeadEnd => "dead_end",
                DecisionState::Open => "open",
            },
            d.number,
            esc(&d.title),
            esc(&d.area),
            esc(&chosen_cell(d)),
            esc(&verdict_cell(d))
        );
    }
    s.push_str("</tbody>\n</table>\n</section>\n");

    // Utility tree.
    s.push_str("<section id=\"utility-tree\">\n<h2>Utility tree</h2>\n<p class=\"muted\">The quality attributes each decision was weighed on (weights 0–5; importance high 4–5, medium 2–3, low 0–1), and the answers that set them.</p>\n");
    for area in &pack.utility {
        let _ = writeln!(s, "<h3>Area: {}</h3>", esc(&area.area));
        for d in &area.decisions {
            let _ = writeln!(
                s,
                "<h4 data-decision=\"{}\">D{} {}</h4>",
                d.number,
                d.number,
                esc(&d.title)
            );
            if d.attributes.is_empty() {
                s.push_str(
                    "<p class=\"muted\">No criterion carries weight in this decision.</p>\n",
                );
                continue;
            }
            s.push_str("<ul class=\"attributes\">\n");
            for a in &d.attributes {
                let _ = write!(
                    s,
                    "<li class=\"attribute{}\" data-criterion=\"{}\"><strong>{}</strong>: weight {} ({}{}){}",
                    if a.sensitive { " sensitive" } else { "" },
                    esc(&a.criterion),
                    esc(&a.name),
                    a.weight,
                    a.importance,
                    if a.weight == a.default_weight {
                        String::new()
                    } else {
                        format!(", default {}", a.default_weight)
                    },
                    if a.sensitive {
                        " <span class=\"tag\">sensitivity point</span>"
                    } else {
                        ""
                    }
                );
                if !a.set_by.is_empty() {
                    s.push_str("<ul>");
                    for src in &a.set_by {
                        let _ = write!(
                            s,
                            "<li class=\"scenario\">{}</li>",
                            esc_text(&source_text(src))
                        );
                    }
                    s.push_str("</ul>");
                }
                s.push_str("</li>\n");
            }
            s.push_str("</ul>\n");
        }
    }
    s.push_str("</section>\n");

    // Sensitivity points.
    s.push_str("<section id=\"sensitivity-points\">\n<h2>Sensitivity points</h2>\n");
    if pack.sensitivity.is_empty() {
        let _ = writeln!(
            s,
            "<p>No weight change of up to {} steps changes any decision.</p>",
            super::SMALL_CHANGE
        );
    } else {
        let _ = writeln!(
            s,
            "<p class=\"muted\">Criteria whose weight, changed by up to {} steps with the others fixed, changes a decision. Each change was computed, not estimated.</p>",
            super::SMALL_CHANGE
        );
        s.push_str("<table class=\"sensitivity\">\n<thead><tr><th>Decision</th><th>Criterion</th><th>Weight</th><th>Change to</th><th>New winner</th><th>Winner holds for</th></tr></thead>\n<tbody>\n");
        for p in &pack.sensitivity {
            let _ = writeln!(
                s,
                "<tr data-decision=\"{}\" data-criterion=\"{}\"><td>D{}</td><td>{}</td><td>{}</td><td>{}</td><td>{} (instead of {})</td><td>{}..{}</td></tr>",
                p.decision,
                esc(&p.criterion),
                p.decision,
                esc(&p.name),
                p.from,
                p.to,
                esc(&p.new_winner_name),
                esc(&p.winner_name),
                p.holds_from,
                p.holds_to
            );
        }
        s.push_str("</tbody>\n</table>\n");
    }
    s.push_str("</section>\n");

    list_section(
        &mut s,
        "tradeoff-points",
        "Trade-off points",
        "tradeoff",
        pack.tradeoffs.iter().map(|t| {
            (
                match t.kind {
                    TradeoffKind::Options => "options",
                    TradeoffKind::Decisions => "decisions",
                },
                t.text.clone(),
            )
        }),
        "No criterion pulls the chosen options and their strong rivals, or two decisions, in opposite directions.",
    );

    // Risks.
    s.push_str("<section id=\"risks\">\n<h2>Risks</h2>\n");
    if pack.risks.is_empty() {
        s.push_str("<p>No risk found.</p>\n");
    } else {
        s.push_str("<ul class=\"risks\">\n");
        for r in &pack.risks {
            let kind = serde_json::to_value(r.kind)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default();
            let _ = writeln!(
                s,
                "<li class=\"risk\" data-kind=\"{}\"><span class=\"tag\">{}</span>{}</li>",
                esc(&kind),
                risk_label(r.kind),
                esc_text(&r.text)
            );
        }
        s.push_str("</ul>\n");
    }
    s.push_str("</section>\n");

    list_section(
        &mut s,
        "non-risks",
        "Non-risks",
        "non-risk",
        pack.non_risks.iter().map(|r| ("robust", r.text.clone())),
        "No decision was found robust.",
    );

    // Questions.
    s.push_str("<section id=\"questions\">\n<h2>Questions for the review</h2>\n");
    if pack.questions.is_empty() {
        s.push_str("<p>The findings above raise no question.</p>\n");
    } else {
        s.push_str("<ol class=\"questions\">\n");
        for q in &pack.questions {
            let _ = writeln!(
                s,
                "<li class=\"question\" data-from=\"{}\">{}</li>",
                esc(&q.from),
                esc_text(&q.text)
            );
        }
        s.push_str("</ol>\n");
    }
    s.push_str("</section>\n");

    // Graph.
    s.push_str("<section id=\"graph\">\n<h2>Trade-off graph</h2>\n<p class=\"muted\">Per decision: the chosen option (✔, thick border), its strong rivals and the criteria that decide between them, with each option's signed impact (solid: helps, dashed: hurts). Arcs on the left are relations between options; ⚠ marks a conflict or unmet requirement of this session.</p>\n<figure>\n");
    s.push_str(&super::svg::render(&pack.graph));
    s.push_str("\n</figure>\n</section>\n</main>\n</body>\n</html>\n");
    s
}

fn list_section(
    s: &mut String,
    id: &str,
    title: &str,
    class: &str,
    items: impl Iterator<Item = (&'static str, String)>,
    empty: &str,
) {
    let _ = writeln!(s, "<section id=\"{id}\">\n<h2>{title}</h2>");
    let items: Vec<(&str, String)> = items.collect();
    if items.is_empty() {
        let _ = writeln!(s, "<p>{empty}</p>");
    } else {
        let _ = writeln!(s, "<ul class=\"{class}s\">");
        for (kind, text) in items {
            let _ = writeln!(
                s,
                "<li class=\"{class}\" data-kind=\"{kind}\">{}</li>",
                esc_text(&text)
            );
        }
        s.push_str("</ul>\n");
    }
    s.push_str("</section>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_text_stays_text() {
        assert_eq!(
            esc("<script>alert('x')</script> & \"q\"\u{202e}\u{1b}[31m"),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot; [31m"
        );
    }

    #[test]
    fn only_plain_paths_become_links() {
        assert_eq!(href("javascript:alert(1)"), None);
        assert_eq!(href("data:text/html,x"), None);
        assert_eq!(
            href("docs/a b/0001-x\".md"),
            Some("docs/a%20b/0001-x%22.md".into())
        );
        assert_eq!(href("/abs/0001-a.md"), Some("/abs/0001-a.md".into()));
    }
}
