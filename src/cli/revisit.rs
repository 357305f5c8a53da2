//! `tradeoffs revisit N`: find the ADR, rebuild its session on the current tree
//! ([`tradeoffs::revisit`]), then open the TUI on it, print the change report and the
//! re-ranked decision (`--print`, `--format`), or write the superseding ADR (`--export`).

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};

use tradeoffs::adr;
use tradeoffs::engine::Engine;
use tradeoffs::report::DecisionReport;
use tradeoffs::revisit::{self, Revisit};
use tradeoffs::store::Store;
use tradeoffs::tree::Catalog;

use super::args::{RevisitArgs, RevisitFormat, parse_weight};
use super::{bad, out};

pub fn run(catalog: Catalog, args: &RevisitArgs, no_mouse: bool) -> Result<ExitCode> {
    args.record.check()?;
    let cwd = std::env::current_dir().context("cannot read the current directory")?;
    let start = match &args.directory {
        Some(d) if !d.is_dir() => {
            return Err(bad(format!(
                "-C {}: there is no such directory; check the path",
                d.display()
            )));
        }
        Some(d) => d.clone(),
        None => cwd.clone(),
    };
    let target = adr::locate_in(
        &start,
        args.adr_dir.as_deref(),
        None,
        args.package.as_deref(),
    )?;
    let path = revisit::find(&target.dir, &args.adr, &cwd)?;
    let recorded = revisit::read(&path, &args.adr)?;
    let engine = Engine::new(&catalog);
    let now = tradeoffs::tui::now();
    let mut rv = revisit::rebuild(&catalog, &engine, recorded, &args.adr, "revisit", now)?;
    apply_flags(&catalog, &mut rv, args)?;
    let mut report = engine.evaluate(&catalog, &rv.session, 0)?;
    // The ADR directory the superseding ADR goes to is the revisited ADR's own.
    let dir = path.parent().map_or(target.dir.clone(), Path::to_path_buf);
    if engine.can_clash(&report) {
        let accepted = adr::decision_data::accepted_choices(&dir);
        engine.check_accepted(&catalog, &rv.session, &mut report, &accepted);
    }

    if args.print || args.format.is_some() {
        print(&rv, &report, args.format.unwrap_or(RevisitFormat::Text))?;
        return Ok(ExitCode::SUCCESS);
    }
    if args.export {
        return export(&rv, &report, args, &target, &dir, &start);
    }
    open_tui(catalog, rv, &report, args, &cwd, no_mouse)
}

/// `--weight` and `--option`, applied to the rebuilt decision like `decide` applies them.
fn apply_flags(catalog: &Catalog, rv: &mut Revisit, args: &RevisitArgs) -> Result<()> {
    for spec in &args.weights {
        let (criterion, weight) = parse_weight(spec).map_err(bad)?;
        rv.session
            .set_weight_by_id(catalog, criterion, weight)
            .map_err(|e| bad(format!("--weight {spec}: {e}")))?;
    }
    if let Some(option) = &args.option {
        rv.session
            .choose_by_id(catalog, option)
            .map_err(|e| bad(format!("--option {option}: {e}")))?;
    }
    Ok(())
}

fn print(rv: &Revisit, report: &DecisionReport, format: RevisitFormat) -> Result<()> {
    match format {
        RevisitFormat::Json => {
            let value = serde_json::json!({
                "adr": {
                    "number": rv.recorded.adr.number,
                    "title": rv.recorded.adr.title,
                    "file": rv.recorded.adr.file,
                    "path": rv.recorded.path.display().to_string(),
                    "status": rv.recorded.status,
                },
                "recorded": rv.recorded.data,
                "changes": rv.changes,
                "decision": report,
            });
            out::json(&serde_json::to_string_pretty(&value)?);
        }
        RevisitFormat::Text => {
            let text = format!(
                "{}\n----\n\n{}",
                rv.changes.to_text(&rv.recorded, report),
                report.to_text()
            );
            for line in text.lines() {
                out::line(line);
            }
        }
    }
    Ok(())
}

fn export(
    rv: &Revisit,
    report: &DecisionReport,
    args: &RevisitArgs,
    target: &adr::Target,
    dir: &Path,
    start: &Path,
) -> Result<ExitCode> {
    if rv.recorded.status.as_deref() == Some("superseded") {
        return Err(bad(format!(
            "revisit {}: {} is already superseded; revisit the ADR that supersedes it",
            args.adr,
            rv.recorded.adr.label()
        )));
    }
    if let Some(q) = &report.pending {
        return Err(bad(format!(
            "revisit {}: the tree changed and the recorded answers stop at \"{q}\"; answer it in the TUI (`tradeoffs revisit {}`) or with `tradeoffs decide`",
            args.adr, args.adr
        )));
    }
    report.check_option_in_play()?;
    let decision = &rv.session.decisions[0];
    let meta = args.record.meta_for(report, &decision.record, start)?;
    for c in &report.accepted_conflicts {
        out::warn(&format!("conflict with an accepted decision: {}", c.text));
    }
    let mut target = target.clone();
    target.dir = dir.to_path_buf();
    let done = adr::export_all(&[(report, &meta)], &target, Some(&rv.recorded.adr.file))?;
    for p in &done.written {
        out::line(&p.display().to_string());
    }
    for p in &done.changed {
        out::err_line(&format!("changed: {}", p.display()));
    }
    Ok(ExitCode::SUCCESS)
}

/// Saves the rebuilt session and opens the TUI on it, on the change report's screen; the
/// report is printed first too, so it stays on the terminal after the TUI ends.
fn open_tui(
    catalog: Catalog,
    mut rv: Revisit,
    report: &DecisionReport,
    args: &RevisitArgs,
    cwd: &Path,
    no_mouse: bool,
) -> Result<ExitCode> {
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        bail!(
            "revisit {} opens the TUI, which needs a terminal on stdin and stdout; for scripts use `tradeoffs revisit {} --print` or `--export`",
            args.adr,
            args.adr
        );
    }
    let store = Store::open_default()?;
    let saved = store.list(&catalog);
    let taken: Vec<&str> = saved.iter().map(|s| s.id.as_str()).collect();
    let id = tradeoffs::store::new_id(rv.session.created, &taken);
    rv.session.id = id.clone();
    rv.session.repo = Some(cwd.display().to_string());
    store.save(&rv.session)?;
    for line in rv.changes.to_text(&rv.recorded, report).lines() {
        out::err_line(line);
    }
    let options = tradeoffs::tui::Options {
        resume: Some(Some(id)),
        no_mouse,
        adr_dir: args.adr_dir.clone().or_else(|| {
            rv.recorded
                .path
                .parent()
                .map(PathBuf::from)
                .filter(|d| d.is_dir())
        }),
        // The ADR's own folder (`adr_dir`) already says which package it is.
        package: None,
        revisit: Some((rv.recorded, rv.changes)),
    };
    tradeoffs::tui::run(catalog, options)?;
    Ok(ExitCode::SUCCESS)
}
