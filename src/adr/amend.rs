//! Amending ADRs that are already written, in their own dialect: adding a "Relates to" link
//! (so links between the ADRs of one session go both ways) and marking an ADR superseded.
//! These are text edits on files another tool may have written, so each one finds its place
//! by the dialect's own headings and leaves every other line as it was.

use std::path::Path;

use super::existing::{Existing, FrontMatter, classify};
use super::markdown::md;
use super::{AdrError, Dialect, Link, Spelling};

/// An existing ADR's text with a "Relates to" link to `link` added where its dialect keeps
/// links; `None` when it already links there or its dialect cannot be told.
pub(super) fn with_link(path: &Path, link: &Link) -> Result<Option<String>, AdrError> {
    let text = crate::fileread::read_text(path, crate::fileread::ADR_LIMIT)
        .map_err(|e| AdrError::Failed(format!("cannot read {}: {e}", path.display())))?;
    if text.contains(&format!("]({})", link.file)) {
        return Ok(None);
    }
    let title = md(&link.title);
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let next_heading = |from: usize, prefix: &str| {
        lines
            .iter()
            .skip(from)
            .position(|l| l.starts_with(prefix))
            .map(|p| p + from)
    };
    // What is appended goes before the decision-data comment, which stays last.
    let mut end = lines
        .iter()
        .rposition(|l| l.trim_start().starts_with(super::decision_data::MARKER))
        .unwrap_or(lines.len());
    while end > 0 && lines[end - 1].trim().is_empty() {
        end -= 1;
    }
    match classify(&text).map(|(d, _)| d) {
        Some(Dialect::Nygard) => {
            let Some(h) = lines.iter().position(|l| l.trim_end() == "## Status") else {
                return Ok(None);
            };
            let at = next_heading(h + 1, "## ").unwrap_or(lines.len());
            let entry = format!(
                "Relates to [{}. {title}]({})",
                link.number.unwrap_or(0),
                link.file
            );
            lines.splice(at..at, [entry, String::new()]);
        }
        Some(Dialect::Madr) => {
            let entry = format!(
                "* Relates to ADR-{:04} [{title}]({})",
                link.number.unwrap_or(0),
                link.file
            );
            match lines.iter().position(|l| l == "### Related decisions") {
                Some(h) => {
                    let end = next_heading(h + 1, "#").unwrap_or(lines.len());
                    let last_item = (h + 1..end).rev().find(|&i| lines[i].starts_with("* "));
                    let at = last_item.map_or(h + 2, |i| i + 1);
                    lines.insert(at.min(lines.len()), entry);
                }
                None => match lines.iter().position(|l| l == "### Trade-off graph") {
                    Some(at) => {
                        lines.splice(
                            at..at,
                            [
                                "### Related decisions".to_string(),
                                String::new(),
                                entry,
                                String::new(),
                            ],
                        );
                    }
                    None => {
                        lines.splice(
                            end..end,
                            [
                                String::new(),
                                "### Related decisions".to_string(),
                                String::new(),
                                entry,
                            ],
                        );
                    }
                },
            }
        }
        Some(Dialect::Log4brains) => {
            let slug = link.file.trim_end_matches(".md");
            let entry = format!("- Relates to [{}]({})", md(slug), link.file);
            match lines.iter().position(|l| l == "## Links") {
                Some(_) => lines.insert(end, entry),
                None => {
                    lines.splice(
                        end..end,
                        [String::new(), "## Links".to_string(), String::new(), entry],
                    );
                }
            }
        }
        _ => return Ok(None),
    }
    Ok(Some(lines.join("\n") + "\n"))
}

/// The old ADR's text with its status changed to "superseded", in its own dialect.
pub(super) fn superseded_content(
    old: &Existing,
    new_number: Option<u32>,
    new_title: &str,
    new_file: &str,
    spelling: Spelling,
) -> Result<String, AdrError> {
    let text = crate::fileread::read_text(&old.path, crate::fileread::ADR_LIMIT)
        .map_err(|e| AdrError::Failed(format!("cannot read {}: {e}", old.path.display())))?;
    // Superseding twice would leave two ADRs both claiming to replace it.
    if let Some(line) = text.lines().find(|l| {
        let t = l
            .trim_start_matches(['-', '*', ' '])
            .trim()
            .to_ascii_lowercase();
        [
            "superseded by",
            "superceded by",
            "status: superseded",
            "status: \"superseded",
        ]
        .iter()
        .any(|p| t.starts_with(p))
    }) {
        return Err(AdrError::Invalid(format!(
            "--supersedes: {} is already superseded (\"{}\"); supersede the newer ADR instead; nothing was written",
            old.path.display(),
            crate::text::sanitize(line.trim())
        )));
    }
    let dialect = classify(&text).map(|(d, _)| d);
    let link_title = md(new_title);
    let out = match dialect {
        Some(Dialect::Nygard) => {
            let label = match spelling {
                Spelling::AdrTools => "Superceded by",
                Spelling::Correct => "Superseded by",
            };
            let link = format!(
                "{label} [{}. {link_title}]({new_file})",
                new_number.unwrap_or(0)
            );
            let lines: Vec<&str> = text.lines().collect();
            let Some(h) = lines.iter().position(|l| l.trim_end() == "## Status") else {
                return Err(AdrError::Failed(format!(
                    "{} has no \"## Status\" section to update",
                    old.path.display()
                )));
            };
            let mut out: Vec<String> = lines[..=h].iter().map(|s| s.to_string()).collect();
            let mut rest = lines[h + 1..].iter().peekable();
            while rest.peek().is_some_and(|l| l.trim().is_empty()) {
                rest.next();
            }
            out.push(String::new());
            // A bare status word (Accepted, Proposed...) gives way to the link, as adr-tools does.
            if rest
                .peek()
                .is_some_and(|l| !l.trim().is_empty() && !l.trim().contains(' '))
            {
                rest.next();
            }
            // One blank line after the link, as adr-tools leaves it (never two: MD012).
            while rest.peek().is_some_and(|l| l.trim().is_empty()) {
                rest.next();
            }
            out.push(link);
            out.push(String::new());
            out.extend(rest.map(|s| s.to_string()));
            out.join("\n") + "\n"
        }
        Some(Dialect::Madr) => {
            let status = format!(
                "status: \"superseded by ADR-{:04}\"",
                new_number.unwrap_or(0)
            );
            let end = FrontMatter::of(&text).and_then(|fm| fm.end).unwrap_or(1);
            let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
            match lines[1..end].iter().position(|l| l.starts_with("status:")) {
                Some(p) => lines[p + 1] = status,
                None => lines.insert(1, status),
            }
            lines.join("\n") + "\n"
        }
        Some(Dialect::Log4brains) => {
            let slug = new_file.trim_end_matches(".md");
            let status = format!("- Status: superseded by [{slug}]({new_file})");
            let mut done = false;
            let out: Vec<String> = text
                .lines()
                .map(|l| {
                    if !done && l.starts_with("- Status:") {
                        done = true;
                        status.clone()
                    } else {
                        l.to_string()
                    }
                })
                .collect();
            out.join("\n") + "\n"
        }
        _ => {
            return Err(AdrError::Failed(format!(
                "cannot tell the format of {}; mark it superseded by hand",
                old.path.display()
            )));
        }
    };
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::adr::LinkKind;

    /// A link added to an ADR that ends with its decision data goes before the comment, after
    /// a blank line, so the comment stays last and the Markdown stays lint-clean.
    #[test]
    fn links_are_added_before_the_decision_data() {
        let dir = tempfile::TempDir::new().unwrap();
        let block = "\n<!-- tradeoffs decision data: x\n{\"format\":1}\n-->\n";
        let link = Link {
            kind: LinkKind::RelatesTo,
            number: Some(2),
            title: "Two".into(),
            file: "0002-two.md".into(),
        };
        let cases = [
            (
                "---\nstatus: \"proposed\"\ndate: 2026-01-01\n---\n\n# One\n\nBody.\n",
                "Body.\n\n### Related decisions\n\n* Relates to ADR-0002 [Two](0002-two.md)\n\n<!-- tradeoffs",
            ),
            (
                "# One\n\n- Status: proposed\n- Date: 2026-01-01\n\nBody.\n",
                "Body.\n\n## Links\n\n- Relates to [0002-two](0002-two.md)\n\n<!-- tradeoffs",
            ),
            (
                "# One\n\n- Status: proposed\n\nBody.\n\n## Links\n\n- Supersedes [x](x.md)\n",
                "- Supersedes [x](x.md)\n- Relates to [0002-two](0002-two.md)\n\n<!-- tradeoffs",
            ),
        ];
        for (i, (text, want)) in cases.into_iter().enumerate() {
            let p = dir.path().join(format!("000{i}-one.md"));
            std::fs::write(&p, format!("{text}{block}")).unwrap();
            let out = with_link(&p, &link).unwrap().unwrap();
            assert!(out.contains(want), "{out}");
            assert!(out.ends_with("-->\n"), "{out}");
        }
    }
}
