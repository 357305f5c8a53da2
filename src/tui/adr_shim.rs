//! TEMPORARY stand-in for `crate::adr` with the agreed signatures, until the ADR export lands on
//! main. Delete this file and point `tui::adr` at `crate::adr` after merging main.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::report::DecisionReport;
use crate::session::RecordDraft;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    Madr,
}

#[derive(Debug, Clone)]
#[allow(dead_code)]
pub struct Target {
    pub dir: PathBuf,
    pub dialect: Dialect,
    pub warnings: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct RecordMeta {
    pub title: String,
    pub status: String,
    pub date: String,
    pub deciders: Vec<String>,
    pub context: String,
    pub related: Vec<PathBuf>,
}

impl RecordMeta {
    pub fn for_decision(report: &DecisionReport, draft: &RecordDraft) -> RecordMeta {
        RecordMeta {
            title: draft.title.clone().unwrap_or_else(|| {
                report
                    .outcome
                    .as_ref()
                    .map(|o| o.title.clone())
                    .unwrap_or_default()
            }),
            status: draft.status.clone().unwrap_or_else(|| "proposed".into()),
            date: std::env::var("TRADEOFFS_DATE").unwrap_or_else(|_| "2025-01-01".into()),
            deciders: draft.deciders.clone(),
            context: draft.context.clone(),
            related: Vec::new(),
        }
    }
}

pub fn locate(start: &Path, adr_dir: Option<&Path>, _format: Option<Dialect>) -> Result<Target> {
    Ok(Target {
        dir: adr_dir.map_or_else(|| start.join("docs/decisions"), Path::to_path_buf),
        dialect: Dialect::Madr,
        warnings: Vec::new(),
    })
}

pub fn render(report: &DecisionReport, meta: &RecordMeta, _target: &Target) -> Result<String> {
    Ok(format!(
        "# {}\n\nStatus: {}\nDate: {}\nDeciders: {}\n\n## Context\n\n{}\n\n{}",
        meta.title,
        meta.status,
        meta.date,
        meta.deciders.join(", "),
        meta.context,
        report.to_text()
    ))
}

pub fn export(report: &DecisionReport, meta: &RecordMeta, target: &Target) -> Result<PathBuf> {
    let text = render(report, meta, target)?;
    std::fs::create_dir_all(&target.dir)
        .with_context(|| format!("cannot create {}", target.dir.display()))?;
    let slug: String = meta
        .title
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let path = target.dir.join(format!("0001-{slug}.md"));
    std::fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(path)
}
