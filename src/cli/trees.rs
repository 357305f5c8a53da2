//! `tradeoffs trees list | validate | show`.

use std::process::ExitCode;

use anyhow::{Result, bail};

use tradeoffs::tree::{Catalog, LoadOptions, Problem, Source, TreeSummary, render};

use super::args::ShowFormat;
use super::out;

pub fn list(catalog: &Catalog, as_json: bool) -> Result<ExitCode> {
    let rows: Vec<TreeSummary> = catalog.trees().iter().map(TreeSummary::of).collect();
    if as_json {
        out::line(&serde_json::to_string_pretty(&rows)?);
        return Ok(ExitCode::SUCCESS);
    }
    let idw = rows.iter().map(|t| t.id.len()).max().unwrap_or(2).max(2);
    let tw = rows
        .iter()
        .map(|t| tradeoffs::text::sanitize(&t.title).chars().count())
        .max()
        .unwrap_or(5)
        .max(5);
    out::line(&format!(
        "{:<idw$}  {:<tw$}  {:>3} {:>3} {:>3} {:>3} {:>5}  SOURCE",
        "ID", "TITLE", "Q", "OUT", "OPT", "CRI", "DEPTH"
    ));
    for t in &rows {
        out::line(&format!(
            "{:<idw$}  {:<tw$}  {:>3} {:>3} {:>3} {:>3} {:>5}  {}",
            t.id,
            tradeoffs::text::sanitize(&t.title),
            t.questions,
            t.outcomes,
            t.options,
            t.criteria,
            t.max_depth,
            t.source
        ));
    }
    Ok(ExitCode::SUCCESS)
}

/// Checks the given files, or every loaded tree; exit status 1 when any problem is found.
pub fn validate(options: &LoadOptions, paths: &[std::path::PathBuf]) -> Result<ExitCode> {
    let loaded = options.sources()?;
    let mut sources = loaded.sources;
    let mut problems: Vec<Problem> = Vec::new();
    let mut checked: Vec<String> = Vec::new();
    if paths.is_empty() {
        checked.extend(sources.iter().map(|s| s.label.clone()));
    } else {
        for p in paths {
            match Source::read(p) {
                Ok(s) => {
                    checked.push(s.label.clone());
                    sources.push(s);
                }
                Err(problem) => problems.push(Problem {
                    message: format!("{}; check the path", problem.message),
                    ..problem
                }),
            }
        }
    }
    let (catalog, found) = Catalog::build(sources, loaded.shipped);
    problems.extend(found.into_iter().filter(|p| checked.contains(&p.file)));
    for p in catalog
        .dangling()
        .iter()
        .filter(|p| checked.contains(&p.file))
    {
        out::warn(&p.to_string());
    }
    if problems.is_empty() {
        let ids: Vec<&str> = catalog
            .trees()
            .iter()
            .filter(|t| checked.contains(&t.origin))
            .map(|t| t.id())
            .collect();
        out::line(&format!(
            "ok: {} tree file(s) valid ({})",
            checked.len(),
            ids.join(", ")
        ));
        Ok(ExitCode::SUCCESS)
    } else {
        for p in &problems {
            out::line(&p.to_string());
        }
        out::err_line(&format!("{} problem(s) found", problems.len()));
        Ok(ExitCode::FAILURE)
    }
}

pub fn unknown_tree(catalog: &Catalog, id: &str) -> String {
    format!(
        "unknown tree \"{id}\"; available: {} (see `tradeoffs trees list`)",
        catalog.ids().join(", ")
    )
}

pub fn show(catalog: &Catalog, id: &str, format: ShowFormat) -> Result<ExitCode> {
    let Some(tree) = catalog.get(id) else {
        bail!(unknown_tree(catalog, id));
    };
    let text = match format {
        ShowFormat::Text => render::outline(tree),
        ShowFormat::Dot => render::dot(tree),
        ShowFormat::Mermaid => render::mermaid(tree),
    };
    out::text(&text);
    Ok(ExitCode::SUCCESS)
}
