//! `tradeoffs trees list | validate | analyze | show`.

use std::process::ExitCode;

use std::path::Path;

use anyhow::{Result, anyhow, bail};

use tradeoffs::tree::{
    Catalog, LoadOptions, LoadedTree, Problem, Source, TreeSummary, analyze, render,
};

use super::args::ShowFormat;
use super::out;

pub fn list(catalog: &Catalog, as_json: bool) -> Result<ExitCode> {
    let rows: Vec<TreeSummary> = catalog.trees().iter().map(TreeSummary::of).collect();
    if as_json {
        out::json(&serde_json::to_string_pretty(&rows)?);
        return Ok(ExitCode::SUCCESS);
    }
    let idw = tradeoffs::text::pad_width(rows.iter().map(|t| t.id.len()).max().unwrap_or(2).max(2));
    let tw = rows
        .iter()
        .map(|t| tradeoffs::text::sanitize(&t.title).chars().count())
        .max()
        .unwrap_or(5)
        .clamp(5, tradeoffs::text::MAX_PAD);
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
        // Files of the directories being checked that could not be read at all.
        problems.extend(loaded.unreadable.iter().cloned());
    }
    if paths.is_empty() && !options.extra.is_empty() {
        // `--trees DIR trees validate`: check the trees given, not the shipped or user ones.
        let own = LoadOptions {
            extra: Vec::new(),
            ..options.clone()
        }
        .sources()?
        .sources
        .len();
        checked.extend(sources[own..].iter().map(|s| s.label.clone()));
    } else if paths.is_empty() {
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
    let mut notes: Vec<String> = Vec::new();
    for t in catalog
        .trees()
        .iter()
        .filter(|t| checked.contains(&t.origin))
    {
        let (found, note) = analysis_problems(t);
        problems.extend(found);
        notes.extend(note);
    }
    for n in &notes {
        out::err_line(&format!("note: {n}"));
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

/// Checks and outcome promises of one loaded tree as problems (one per violated check and per
/// broken promise, each with a shortest example `--path`), plus a note when only a sample of
/// the paths could be evaluated.
fn analysis_problems(t: &LoadedTree) -> (Vec<Problem>, Option<String>) {
    let a = analyze::analyze(t);
    let mut found = Vec::new();
    for (i, c) in a.checks.iter().enumerate() {
        if c.ok {
            continue;
        }
        let f = &c.failures[0];
        let others = if c.failures.len() > 1 {
            format!(
                " (also: {})",
                c.failures[1..]
                    .iter()
                    .map(|f| format!("{} on {}", f.winner, f.count))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        } else {
            String::new()
        };
        found.push(Problem {
            file: t.origin.clone(),
            place: format!("checks[{i}]"),
            message: format!(
                "check \"{}\" fails ({} {}): {} wins on {} of {} applicable path(s){others}; shortest example: --path {}; why: {}",
                c.name,
                c.expect,
                c.options.join(", "),
                f.winner,
                c.violations,
                c.applicable,
                f.example_path,
                c.why
            ),
        });
    }
    for o in &a.outcome_mismatches {
        found.push(Problem {
            file: t.origin.clone(),
            place: format!("nodes.{}.options", o.outcome),
            message: format!(
                "outcome \"{}\" promises {} but {} wins on {} path(s) to it; shortest example: --path {}",
                o.outcome,
                o.promised.join(", "),
                o.winner,
                o.count,
                o.example_path
            ),
        });
    }
    let note = a.sampled.as_ref().map(|s| {
        format!(
            "{}: {} paths, more than {}; checks and promises were evaluated on a seeded sample of {}",
            t.origin,
            a.paths,
            analyze::EXACT_LIMIT,
            s.evaluated
        )
    });
    (found, note)
}

/// `trees analyze ID|FILE`: a tree id from the catalog, or a tree file (loaded with the
/// catalog so its relations resolve).
pub fn analyze(
    options: &LoadOptions,
    target: &str,
    as_json: bool,
    priorities_first: bool,
) -> Result<ExitCode> {
    let loaded = options.sources()?;
    let mut sources = loaded.sources;
    let path = Path::new(target);
    let file_label = if path.is_file() || target.ends_with(".json") {
        let s = Source::read(path).map_err(|p| anyhow!("{p}; check the path"))?;
        let label = s.label.clone();
        sources.push(s);
        Some(label)
    } else {
        None
    };
    let (catalog, problems) = Catalog::build(sources, loaded.shipped);
    let tree = match &file_label {
        Some(label) => {
            let mine: Vec<&Problem> = problems.iter().filter(|p| &p.file == label).collect();
            if !mine.is_empty() {
                for p in &mine {
                    out::line(&p.to_string());
                }
                out::err_line(&format!(
                    "{} problem(s) found; fix them before analyzing (see `tradeoffs trees validate`)",
                    mine.len()
                ));
                return Ok(ExitCode::FAILURE);
            }
            catalog
                .trees()
                .iter()
                .find(|t| &t.origin == label)
                .ok_or_else(|| anyhow!("{label}: the tree did not load"))?
        }
        None => catalog
            .get(target)
            .ok_or_else(|| anyhow!(unknown_tree(&catalog, target)))?,
    };
    let forced;
    let tree = if priorities_first && !tree.tree.tie_break.priorities_first {
        let mut t = tree.clone();
        t.tree.tie_break.priorities_first = true;
        forced = t;
        &forced
    } else {
        tree
    };
    let a = analyze::analyze(tree);
    if as_json {
        out::json(&serde_json::to_string_pretty(&a)?);
    } else {
        out::text(&a.to_text());
    }
    Ok(ExitCode::SUCCESS)
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
