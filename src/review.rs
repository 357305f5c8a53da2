//! The design-review pack: one document that prepares an architecture review from a saved
//! session (issue 14). It says what was decided across the areas, on which priorities, where the
//! decisions pull against each other, how robust each is, and what the meeting must settle, in
//! the shape reviewers know from ATAM (utility tree, sensitivity and trade-off points, risks and
//! non-risks) and arc42 §9/§11.
//!
//! [`build`] reads the session's decision objects ([`crate::report::DecisionReport`], through
//! the same [`Engine`] `tradeoffs decide` uses) and turns their results (robustness intervals,
//! acceptability, conflicts, rule-outs, notes, relations) into one [`Pack`]; nothing here
//! re-ranks or re-derives what the engine computed. The pack then renders as Markdown
//! ([`to_markdown`], Mermaid graph, passes markdownlint), HTML ([`to_html`], one
//! self-contained file with an inline SVG laid out here) or JSON (the [`Pack`] serialised).
//! No terminal code lives here.

mod build;
mod html;
mod markdown;
mod model;
mod svg;

use std::path::Path;

pub use build::{SMALL_CHANGE, build};
pub use html::to_html;
// The sentences every rendering (and the TUI screen) shares.
pub use markdown::{chosen_cell, intro, risk_label, source_text, to_markdown, verdict_cell};
pub use model::*;

/// The pack cannot be built: the session holds nothing to review. The message is one line,
/// worded for the user (what is missing and what to do).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct ReviewError(pub String);

/// The output formats of the pack.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Html,
    Json,
}

impl Format {
    /// The format a file name asks for (`.md`, `.html`/`.htm`, `.json`), if it names one.
    pub fn from_path(path: &Path) -> Option<Format> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            "json" => Some(Format::Json),
            _ => None,
        }
    }

    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Json => "json",
        }
    }
}

/// The pack in `format`. `base` is the directory the output will live in, so links to the
/// session's ADRs are written relative to it (`None`: as the session recorded them).
pub fn render(pack: &Pack, format: Format, base: Option<&Path>) -> String {
    match format {
        Format::Markdown => to_markdown(pack, base),
        Format::Html => to_html(pack, base),
        Format::Json => {
            let mut s = serde_json::to_string_pretty(pack).expect("a pack always serialises");
            s.push('\n');
            s
        }
    }
}

impl Pack {
    /// Marks each ADR link with whether its file is still there. A relative path recorded by
    /// the session is looked up from the session's directory (`repo`), else from `cwd`.
    pub fn check_adr_files(&mut self, cwd: &Path) {
        let root = self.repo.clone();
        for d in &mut self.decisions {
            if let Some(a) = &mut d.adr {
                let p = Path::new(&a.path);
                let full = if p.is_absolute() {
                    p.to_path_buf()
                } else {
                    root.as_deref()
                        .map_or_else(|| cwd.to_path_buf(), Into::into)
                        .join(p)
                };
                a.exists = Some(full.is_file());
            }
        }
    }
}

/// Writes the pack to `path` in `format`, atomically (a temporary file renamed over the
/// target), with ADR links relative to the file's directory.
pub fn write(pack: &Pack, format: Format, path: &Path) -> Result<(), ReviewError> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty());
    let base = match dir {
        Some(d) if d.is_absolute() => d.to_path_buf(),
        Some(d) => std::env::current_dir().unwrap_or_default().join(d),
        None => std::env::current_dir().unwrap_or_default(),
    };
    let mut text = render(pack, format, Some(&base));
    if format == Format::Json {
        text = crate::text::json_escape_unsafe(&text);
    }
    crate::atomic::replace(path, text.as_bytes(), crate::atomic::Visibility::Shared).map_err(|e| {
        let (crate::atomic::WriteError::Temp(e) | crate::atomic::WriteError::Commit(e)) = e;
        ReviewError(format!(
            "cannot write the review pack to {}: {}; check that the directory exists and is writable",
            path.display(),
            crate::atomic::without_temp_path(&e)
        ))
    })
}

/// The file name a pack of session `id` is written to by default: `design-review-<id>.<ext>`.
pub fn default_file_name(session: &str, format: Format) -> String {
    format!("design-review-{session}.{}", format.extension())
}

/// `to` written relative to the directory `from` when both are absolute or both relative
/// (`../adr/0001-x.md`); `to` unchanged otherwise.
pub(crate) fn relative_link(from: Option<&Path>, to: &str) -> String {
    let target = Path::new(to);
    let Some(from) = from else {
        return to.to_string();
    };
    if from.is_absolute() != target.is_absolute() {
        return to.to_string();
    }
    let a: Vec<_> = from.components().collect();
    let b: Vec<_> = target.components().collect();
    let common = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    if from.is_absolute() && common == 0 {
        return to.to_string();
    }
    let mut parts: Vec<String> = vec!["..".to_string(); a.len() - common];
    parts.extend(
        b[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_are_relative_to_the_pack() {
        assert_eq!(
            relative_link(Some(Path::new("/r/docs")), "/r/docs/decisions/0001-a.md"),
            "decisions/0001-a.md"
        );
        assert_eq!(
            relative_link(Some(Path::new("/r/review")), "/r/docs/decisions/0001-a.md"),
            "../docs/decisions/0001-a.md"
        );
        assert_eq!(
            relative_link(Some(Path::new("/r")), "docs/0001-a.md"),
            "docs/0001-a.md"
        );
        assert_eq!(relative_link(None, "/x/0001-a.md"), "/x/0001-a.md");
    }

    #[test]
    fn formats_follow_file_names() {
        assert_eq!(
            Format::from_path(Path::new("pack.HTML")),
            Some(Format::Html)
        );
        assert_eq!(
            Format::from_path(Path::new("a/pack.md")),
            Some(Format::Markdown)
        );
        assert_eq!(Format::from_path(Path::new("pack.txt")), None);
        assert_eq!(
            default_file_name("s1", Format::Json),
            "design-review-s1.json"
        );
    }
}
