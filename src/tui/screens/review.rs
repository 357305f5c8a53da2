//! Review: the design-review pack of a session (`crate::review`), scrollable, with keys to
//! write it as Markdown or HTML next to the ADRs. Reached from the outcome screen (the session
//! being worked on) and from home (any saved session, read without opening it).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::review::{DecisionState, Format, Pack, RiskKind};
use crate::session::Session;
use crate::text::sanitize as plain;
use crate::tui::app::{App, Screen};
use crate::tui::keys::{self, Action, Context};
use crate::tui::scroll;
use crate::tui::theme::{accent, bold, good, muted, warn};
use crate::tui::update::Effect;
use crate::tui::widgets::{panel, wrap};

/// Builds the pack of `session` through the library and shows it; `back` is where Esc returns.
/// A session with nothing to review stays where it was, with the reason as a notice.
pub(crate) fn open(app: &mut App, session: &Session, back: Screen) {
    match crate::review::build(&app.catalog, &app.engine, session) {
        Ok(pack) => {
            app.review = Some(pack);
            app.review_scroll = 0;
            app.review_return = back;
            app.screen = Screen::Review;
            app.notice = Some(format!(
                "{} writes it as Markdown, {} as HTML",
                keys::hint(Context::Review, Action::WriteReviewMd),
                keys::hint(Context::Review, Action::WriteReviewHtml)
            ));
        }
        Err(e) => app.notice = Some(e.to_string()),
    }
}

/// The pack as wrapped lines for a panel `width` columns wide.
pub(crate) fn lines(pack: &Pack, width: usize) -> Vec<Line<'static>> {
    let width = width.max(10);
    let mut out: Vec<Line<'static>> = Vec::new();
    let heading = |out: &mut Vec<Line<'static>>, text: &str| {
        if !out.is_empty() {
            out.push(Line::default());
        }
        out.push(Line::from(Span::styled(plain(text), accent())));
    };
    // A paragraph wrapped with a hanging indent after its marker.
    let para = |out: &mut Vec<Line<'static>>, marker: &str, text: &str, style: Style| {
        let indent = " ".repeat(marker.chars().count());
        for (i, l) in wrap(text, width.saturating_sub(indent.len()))
            .into_iter()
            .enumerate()
        {
            let lead = if i == 0 {
                marker.to_string()
            } else {
                indent.clone()
            };
            out.push(Line::from(vec![Span::raw(lead), Span::styled(l, style)]));
        }
    };
    para(&mut out, "", &crate::review::intro(pack), Style::new());

    heading(&mut out, "Summary");
    for d in &pack.decisions {
        let (mark, style) = match (d.state, d.verdict.as_deref()) {
            (DecisionState::Decided, _) if d.against_ranking => ("! ", warn()),
            (DecisionState::Decided, Some("fragile")) => ("! ", warn()),
            (DecisionState::Decided, _) => ("✓ ", good()),
            (DecisionState::DeadEnd, _) => ("✗ ", warn()),
            (DecisionState::Open, _) => ("… ", muted()),
        };
        para(
            &mut out,
            mark,
            &format!(
                "D{} {}: {}",
                d.number,
                d.title,
                crate::review::chosen_cell(d)
            ),
            bold().patch(style),
        );
        let mut detail = crate::review::verdict_cell(d);
        if let Some(a) = &d.adr {
            detail = format!("{detail} · ADR {}", a.file_name()).replacen("— · ", "", 1);
        }
        if detail != "—" {
            para(&mut out, "  ", &detail, muted());
        }
    }

    heading(&mut out, "Utility tree");
    for area in &pack.utility {
        para(&mut out, "", &format!("Area: {}", area.area), bold());
        for d in &area.decisions {
            para(
                &mut out,
                "  ",
                &format!("D{} {}", d.number, d.title),
                bold(),
            );
            for a in &d.attributes {
                para(
                    &mut out,
                    "    • ",
                    &format!(
                        "{}: weight {} ({}){}",
                        a.name,
                        a.weight,
                        a.importance,
                        if a.sensitive {
                            " — sensitivity point"
                        } else {
                            ""
                        }
                    ),
                    Style::new(),
                );
                for s in &a.set_by {
                    para(
                        &mut out,
                        "        ",
                        &crate::review::source_text(s),
                        muted(),
                    );
                }
            }
        }
    }

    heading(&mut out, "Sensitivity points");
    if pack.sensitivity.is_empty() {
        para(
            &mut out,
            "",
            "No small weight change alters any decision.",
            muted(),
        );
    }
    for p in &pack.sensitivity {
        para(
            &mut out,
            "• ",
            &format!("D{} {}", p.decision, p.text),
            Style::new(),
        );
    }

    heading(&mut out, "Trade-off points");
    if pack.tradeoffs.is_empty() {
        para(&mut out, "", "None found.", muted());
    }
    for t in &pack.tradeoffs {
        para(&mut out, "• ", &t.text, Style::new());
    }

    heading(&mut out, "Risks");
    if pack.risks.is_empty() {
        para(&mut out, "", "No risk found.", muted());
    }
    for r in &pack.risks {
        let style = match r.kind {
            RiskKind::Conflict
            | RiskKind::UnmetRequirement
            | RiskKind::DeadEnd
            | RiskKind::Fragile => warn(),
            _ => Style::new(),
        };
        para(
            &mut out,
            "! ",
            &format!("{}: {}", crate::review::risk_label(r.kind), r.text),
            style,
        );
    }

    heading(&mut out, "Non-risks");
    if pack.non_risks.is_empty() {
        para(&mut out, "", "None found.", muted());
    }
    for r in &pack.non_risks {
        para(&mut out, "✓ ", &r.text, Style::new());
    }

    heading(&mut out, "Questions for the review");
    for (i, q) in pack.questions.iter().enumerate() {
        para(&mut out, &format!("{:>2}. ", i + 1), &q.text, Style::new());
    }

    heading(&mut out, "Trade-off graph");
    para(
        &mut out,
        "",
        "Drawn in the written files (Mermaid in .md, SVG in .html). Relations between the options shown:",
        muted(),
    );
    let name = |key: &str| -> String {
        pack.graph
            .groups
            .iter()
            .flat_map(|g| g.options.iter().map(move |o| (g.decision, o)))
            .find(|(_, o)| o.key == key)
            .map_or_else(|| key.to_string(), |(n, o)| format!("D{n} {}", o.label))
    };
    let relations: Vec<_> = pack
        .graph
        .edges
        .iter()
        .filter(|e| e.kind != crate::review::EdgeKind::Impact)
        .collect();
    if relations.is_empty() {
        para(&mut out, "  ", "none", muted());
    }
    for e in relations {
        para(
            &mut out,
            if e.finding { "⚠ " } else { "  " },
            &format!("{} {} {}", name(&e.from), e.label, name(&e.to)),
            if e.finding { warn() } else { Style::new() },
        );
    }
    out
}

/// The inner width of the review panel at the terminal's current size.
fn inner_width(app: &App) -> usize {
    app.size.0.saturating_sub(2) as usize
}

pub(crate) fn draw(app: &App, body: Rect, buf: &mut Buffer) {
    let Some(pack) = &app.review else {
        Paragraph::new("No review pack.")
            .block(panel("Design review", true))
            .render(body, buf);
        return;
    };
    let all = lines(pack, body.width.saturating_sub(2) as usize);
    scroll::draw(
        all,
        app.review_scroll,
        |top, total| {
            format!(
                "Design review: session {} (line {top}/{total})",
                plain(&pack.session)
            )
        },
        body,
        buf,
    );
}

pub(crate) fn update(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Back => {
            app.screen = app.review_return;
            return Vec::new();
        }
        Action::WriteReviewMd => return vec![Effect::WriteReview(Format::Markdown)],
        Action::WriteReviewHtml => return vec![Effect::WriteReview(Format::Html)],
        _ => {}
    }
    scroll::apply(&mut app.review_scroll, action, scroll::page(app.size.1));
    let total = app
        .review
        .as_ref()
        .map_or(0, |p| lines(p, inner_width(app)).len());
    app.review_scroll = scroll::clamp(app.review_scroll, total, app.size.1);
    Vec::new()
}
