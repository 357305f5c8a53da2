//! The session's trade-off graph as inline SVG, laid out here (no layout engine, no script): one
//! horizontal band per decision, its options on the left and its criteria on the right, impact
//! edges between them (solid for a gain, dashed for a loss, the signed impact written on each);
//! relations between options, within or across decisions, are arcs in the left margin with
//! their kind written along them. Nothing is told by colour alone: the chosen option carries ✔
//! and a thick border, losses are dashed, findings carry ⚠.

use std::fmt::Write as _;

use super::build::signed;
use super::html::esc;
use super::model::*;

const X_OPT: i64 = 200;
const W_OPT: i64 = 300;
const X_CRIT: i64 = X_OPT + W_OPT + 150;
const W_CRIT: i64 = 260;
const WIDTH: i64 = X_CRIT + W_CRIT + 20;
const NODE_H: i64 = 28;
const ROW: i64 = NODE_H + 10;
const HEAD: i64 = 30;
const FOOT: i64 = 14;
/// Characters that fit in a node at 12px.
const OPT_CHARS: usize = 44;
const CRIT_CHARS: usize = 36;

fn clip(s: &str, n: usize) -> String {
    let s = crate::text::sanitize(s);
    if s.chars().count() <= n {
        s
    } else {
        let mut t: String = s.chars().take(n.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

/// Where each node landed: key → (x, y) of its top-left corner and its kind.
struct Placed {
    key: String,
    x: i64,
    y: i64,
    /// Its row in the band.
    index: i64,
    option: bool,
}

/// The graph as an `<svg>` element (no XML declaration: it is inlined into the HTML).
pub fn render(g: &SessionGraph) -> String {
    let mut body = String::new();
    let mut placed: Vec<Placed> = Vec::new();
    let mut y = 10;
    for (bi, group) in g.groups.iter().enumerate() {
        let rows = group.options.len().max(group.criteria.len()).max(1) as i64;
        let h = HEAD + rows * ROW + FOOT;
        let _ = write!(
            body,
            "<g class=\"band\" data-decision=\"{}\"><rect class=\"band-bg{}\" x=\"0\" y=\"{y}\" width=\"{WIDTH}\" height=\"{h}\"/>",
            group.decision,
            if bi % 2 == 1 { " alt" } else { "" }
        );
        // The number in the margin, the title above the options: the margin belongs to the
        // relation arcs, which must not cross the title.
        let _ = write!(
            body,
            "<text class=\"band-number\" x=\"10\" y=\"{}\">D{}</text><text class=\"band-title\" x=\"{X_OPT}\" y=\"{}\">{}</text>",
            y + 19,
            group.decision,
            y + 19,
            esc(&clip(&group.title, 90))
        );
        if let Some(note) = &group.note {
            let _ = write!(
                body,
                "<text class=\"note\" x=\"{X_OPT}\" y=\"{}\">{}</text>",
                y + HEAD + 18,
                esc(&clip(note, 90))
            );
        }
        body.push_str("</g>");
        for (i, o) in group.options.iter().enumerate() {
            let ny = y + HEAD + i as i64 * ROW;
            let (class, text) = match o.role {
                NodeRole::Chosen => (
                    "node option chosen",
                    format!(
                        "✔ {} · {}",
                        clip(&o.label, OPT_CHARS - 8),
                        o.value.unwrap_or(0)
                    ),
                ),
                NodeRole::Required => (
                    "node option required",
                    format!("{} (required)", clip(&o.label, OPT_CHARS - 11)),
                ),
                _ => (
                    "node option rival",
                    format!(
                        "{} · {}",
                        clip(&o.label, OPT_CHARS - 6),
                        o.value.unwrap_or(0)
                    ),
                ),
            };
            node(
                &mut body, class, &o.key, &o.label, X_OPT, ny, W_OPT, 4, &text,
            );
            placed.push(Placed {
                key: o.key.clone(),
                x: X_OPT,
                y: ny,
                index: i as i64,
                option: true,
            });
        }
        for (i, c) in group.criteria.iter().enumerate() {
            let ny = y + HEAD + i as i64 * ROW;
            let text = format!(
                "{} · w{}",
                clip(&c.label, CRIT_CHARS - 5),
                c.value.unwrap_or(0)
            );
            node(
                &mut body,
                "node criterion",
                &c.key,
                &c.label,
                X_CRIT,
                ny,
                W_CRIT,
                14,
                &text,
            );
            placed.push(Placed {
                key: c.key.clone(),
                x: X_CRIT,
                y: ny,
                index: i as i64,
                option: false,
            });
        }
        y += h;
    }
    let at = |key: &str| placed.iter().find(|p| p.key == key);
    let mut edges = String::new();
    let mut lane = 0i64;
    for e in &g.edges {
        let (Some(a), Some(b)) = (at(&e.from), at(&e.to)) else {
            continue;
        };
        let (ya, yb) = (a.y + NODE_H / 2, b.y + NODE_H / 2);
        match e.kind {
            EdgeKind::Impact => {
                let (x1, x2) = (a.x + W_OPT, b.x);
                let impact = e.impact.unwrap_or(0);
                let class = if impact > 0 {
                    "impact gain"
                } else {
                    "impact loss"
                };
                // Labels of the edges into one criterion would meet at its end: each option's
                // labels sit at their own distance along the edge.
                let pct = 48 + 16 * (a.index % 3);
                let (lx, ly) = (x1 + (x2 - x1) * pct / 100, ya + (yb - ya) * pct / 100);
                let _ = write!(
                    edges,
                    "<g class=\"edge {class}\" data-from=\"{}\" data-to=\"{}\"><line x1=\"{x1}\" y1=\"{ya}\" x2=\"{x2}\" y2=\"{yb}\" marker-end=\"url(#arrow)\"/><text x=\"{lx}\" y=\"{}\">{}</text></g>",
                    esc(&e.from),
                    esc(&e.to),
                    ly - 3,
                    signed(impact)
                );
            }
            _ if a.option && b.option => {
                let lx = X_OPT - 40 - 26 * (lane % 6);
                lane += 1;
                let kind = match e.kind {
                    EdgeKind::Requires => "requires",
                    EdgeKind::ConflictsWith => "conflicts",
                    _ => "complements",
                };
                let label = format!("{}{}", if e.finding { "⚠ " } else { "" }, e.label);
                let mid = (ya + yb) / 2;
                // The cubic's leftmost point, where the label sits along the arc.
                let tx = X_OPT + (lx - X_OPT) * 3 / 4 + 4;
                let _ = write!(
                    edges,
                    "<g class=\"edge relation {kind}{}\" data-from=\"{}\" data-to=\"{}\"><title>{}</title><path d=\"M{X_OPT} {ya} C{lx} {ya} {lx} {yb} {X_OPT} {yb}\" marker-end=\"url(#arrow)\"/><text transform=\"rotate(-90 {tx} {mid})\" x=\"{tx}\" y=\"{mid}\">{}</text></g>",
                    if e.finding { " finding" } else { "" },
                    esc(&e.from),
                    esc(&e.to),
                    esc(&label),
                    esc(&label)
                );
            }
            _ => {}
        }
    }
    // Legend.
    let ly = y + 16;
    let legend = format!(
        "<g class=\"legend\"><text x=\"10\" y=\"{}\">Legend:</text>\
<g class=\"edge impact gain\"><line x1=\"80\" y1=\"{l}\" x2=\"130\" y2=\"{l}\"/><text x=\"136\" y=\"{t}\">helps (+)</text></g>\
<g class=\"edge impact loss\"><line x1=\"220\" y1=\"{l}\" x2=\"270\" y2=\"{l}\"/><text x=\"276\" y=\"{t}\">hurts (−)</text></g>\
<g class=\"edge relation\"><line x1=\"360\" y1=\"{l}\" x2=\"410\" y2=\"{l}\"/><text x=\"416\" y=\"{t}\">relation</text></g>\
<g class=\"edge relation finding\"><line x1=\"520\" y1=\"{l}\" x2=\"570\" y2=\"{l}\"/><text x=\"576\" y=\"{t}\">⚠ conflict or unmet requirement</text></g></g>",
        ly + 4,
        l = ly,
        t = ly + 4
    );
    let height = ly + 20;
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"graph\" viewBox=\"0 0 {WIDTH} {height}\" width=\"{WIDTH}\" height=\"{height}\" role=\"img\" aria-labelledby=\"graph-title\"><title id=\"graph-title\">Trade-off graph of the session</title>\
<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerUnits=\"userSpaceOnUse\" markerWidth=\"9\" markerHeight=\"9\" orient=\"auto-start-reverse\"><path d=\"M0 0 L10 5 L0 10 z\"/></marker></defs>\
{body}{edges}{legend}</svg>"
    )
}

#[allow(clippy::too_many_arguments)]
fn node(
    out: &mut String,
    class: &str,
    key: &str,
    full: &str,
    x: i64,
    y: i64,
    w: i64,
    rx: i64,
    text: &str,
) {
    let _ = write!(
        out,
        "<g class=\"{class}\" data-key=\"{}\"><title>{}</title><rect x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{NODE_H}\" rx=\"{rx}\"/><text x=\"{}\" y=\"{}\">{}</text></g>",
        esc(key),
        esc(full),
        x + 8,
        y + 18,
        esc(text)
    );
}
