//! `tradeoffs decide`: build the session the flags describe, evaluate it, then print it as text
//! or JSON, print an ADR rendering, or export ADRs. All rules live in the library; this module
//! only turns flags into library calls and results into output.

use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};

use tradeoffs::adr::{self, RecordMeta};
use tradeoffs::engine::Engine;
use tradeoffs::report::DecisionReport;
use tradeoffs::session::{Decision, Session};
use tradeoffs::tree::Catalog;

use super::args::{DecideArgs, DecideFormat, parse_path, parse_weight};
use super::{bad, out, trees::unknown_tree};

/// Builds the session a `decide` invocation describes: from `--path` or a saved session file,
/// then the `--weight` and `--option` overrides.
fn session(catalog: &Catalog, args: &DecideArgs) -> Result<Session> {
    let mut session = if let Some(file) = &args.answers {
        let (label, text) = if file == "-" {
            let mut text = String::new();
            std::io::stdin()
                .read_to_string(&mut text)
                .context("reading the session from stdin")?;
            ("stdin".to_string(), text)
        } else {
            let text =
                tradeoffs::fileread::read_text(Path::new(file), tradeoffs::fileread::SESSION_LIMIT)
                    .map_err(|e| bad(format!("cannot read answers file {file}: {e}")))?;
            (file.clone(), text)
        };
        Session::from_json(&text, catalog).map_err(|e| bad(format!("{label}: {e}")))?
    } else {
        let id = args.tree.as_deref().unwrap_or_default();
        let tree = catalog
            .get(id)
            .ok_or_else(|| bad(unknown_tree(catalog, id)))?;
        let numbers = parse_path(args.path.as_deref().unwrap_or("")).map_err(bad)?;
        let mut s = Session::new("cli", 0);
        s.decisions.push(Decision::from_path(tree, &numbers)?);
        s
    };
    for spec in &args.weights {
        let (criterion, weight) = parse_weight(spec).map_err(bad)?;
        session
            .set_weight_by_id(catalog, criterion, weight)
            .map_err(|e| bad(format!("--weight {spec}: {e}")))?;
    }
    if let Some(option) = &args.option {
        session
            .choose_by_id(catalog, option)
            .map_err(|e| bad(format!("--option {option}: {e}")))?;
    }
    Ok(session)
}

/// The accepted ADRs tradeoffs wrote in the repository `decide` runs in (none without an ADR
/// directory, or when its markers cannot be read: the export says why then). Read before the
/// trees are loaded, so the trees those ADRs were decided with are loaded too: a relation
/// declared on their side must count.
pub fn accepted(args: &DecideArgs) -> Vec<tradeoffs::report::AcceptedChoice> {
    let Ok(start) = start_dir(args) else {
        return Vec::new();
    };
    adr::locate_in(
        &start,
        args.adr_dir.as_deref(),
        None,
        args.package.as_deref(),
    )
    .map(|t| adr::decision_data::accepted_choices(&t.dir))
    .unwrap_or_default()
}

/// Runs `decide`. `accepted`: the repository's accepted choices when already read (see
/// [`accepted`]); `None` reads them here, when a relation touches the decision.
pub fn run(
    catalog: &Catalog,
    args: &DecideArgs,
    accepted: Option<Vec<tradeoffs::report::AcceptedChoice>>,
) -> Result<ExitCode> {
    // The ADR flags are checked the same way whatever the output format, so a bad value is
    // never accepted silently by the text or JSON output.
    args.record.check()?;
    let session = session(catalog, args)?;
    let start = start_dir(args)?;
    let engine = Engine::new(catalog);
    let mut reports = engine.evaluate_all(catalog, &session)?;
    // Checked against the accepted ADRs tradeoffs wrote here, whatever the output. A
    // repository without an ADR directory (or with unreadable markers) has none to check, and
    // a decision no relation touches cannot conflict: the log is not read then.
    let accepted = match accepted {
        Some(a) => a,
        None if reports.iter().any(|r| engine.can_clash(r)) => self::accepted(args),
        None => Vec::new(),
    };
    if !accepted.is_empty() {
        for r in &mut reports {
            engine.check_accepted(catalog, &session, r, &accepted);
        }
    }
    for r in &reports {
        r.check_reached_outcome()?;
    }
    let format = args.format.unwrap_or(DecideFormat::Text);
    if args.explain_style && !args.export && format.dialect().is_none() {
        let target = adr::locate_in(
            &start_dir(args)?,
            args.adr_dir.as_deref(),
            None,
            args.package.as_deref(),
        )?;
        for line in target
            .style
            .explain(target.dialect, target.adrs_front_matter)
        {
            out::line(&line);
        }
        return Ok(ExitCode::SUCCESS);
    }
    if format.dialect().is_some() || args.export {
        for r in &reports {
            r.check_option_in_play()?;
        }
    }
    if !args.export && format.dialect().is_none() {
        if format == DecideFormat::Json {
            let text = if reports.len() == 1 {
                serde_json::to_string_pretty(&reports[0])?
            } else {
                serde_json::to_string_pretty(&reports)?
            };
            out::json(&text);
        } else {
            let texts: Vec<String> = reports.iter().map(DecisionReport::to_text).collect();
            for line in texts.join("\n----\n\n").lines() {
                out::line(line);
            }
        }
        return Ok(ExitCode::SUCCESS);
    }
    if args.export && format.dialect().is_none() && args.format.is_some() {
        return Err(bad(
            "--export writes Markdown; use --format madr, nygard or log4brains, or leave --format out",
        ));
    }
    if args.record.title.is_some() && session.decisions.len() > 1 {
        return Err(bad(format!(
            "--title names one ADR but the session holds {} decisions; set titles in the session file",
            session.decisions.len()
        )));
    }
    let metas: Vec<RecordMeta> = reports
        .iter()
        .zip(&session.decisions)
        .map(|(r, d)| Ok(args.record.meta_for(r, &d.record, &start)?))
        .collect::<Result<_>>()?;
    let mut target = adr::locate_in(
        &start,
        args.adr_dir.as_deref(),
        format.dialect(),
        args.package.as_deref(),
    )?;
    if args.explain_style {
        for line in target
            .style
            .explain(target.dialect, target.adrs_front_matter)
        {
            out::err_line(&format!("style: {line}"));
        }
    }
    if !args.export {
        // Print exactly the rendering asked for, numbered as it would be in this repository.
        if let Some(dialect) = format.dialect() {
            target.dialect = dialect;
        }
        let texts: Vec<String> = reports
            .iter()
            .zip(&metas)
            .map(|(r, m)| adr::preview(r, m, &target))
            .collect::<Result<_, _>>()?;
        for w in texts.iter().flat_map(|t| target.style.check(t)) {
            out::warn(&w);
        }
        out::text(&texts.join("\n"));
        return Ok(ExitCode::SUCCESS);
    }
    for w in &target.warnings {
        out::warn(w);
    }
    for c in reports.iter().flat_map(|r| &r.accepted_conflicts) {
        out::warn(&format!("conflict with an accepted decision: {}", c.text));
    }
    // A decision of a session file may have been exported before: never a silent duplicate.
    let earlier: Vec<Option<PathBuf>> = session
        .decisions
        .iter()
        .map(|d| {
            d.record
                .exported
                .as_ref()
                .map(PathBuf::from)
                .filter(|p| p.is_file())
        })
        .collect();
    if let Some((i, Some(p))) = earlier.iter().enumerate().find(|(_, p)| p.is_some())
        && !args.update
        && !args.new
    {
        return Err(bad(format!(
            "decision {} was already exported as {}; add --update to rewrite it in place or --new to write another ADR",
            i + 1,
            p.display()
        )));
    }
    let mut done = adr::Exported::default();
    let mut fresh: Vec<(&DecisionReport, &RecordMeta)> = Vec::new();
    for ((r, m), e) in reports.iter().zip(&metas).zip(&earlier) {
        match e {
            Some(path) if args.update => {
                let updated = adr::update_in_place(r, m, &target, path)?;
                done.changed.extend(updated.changed);
            }
            _ => fresh.push((r, m)),
        }
    }
    if !fresh.is_empty() {
        // A revisited decision (`tradeoffs revisit`, saved as a session) supersedes its ADR.
        let revisited = session
            .decisions
            .first()
            .filter(|d| d.record.exported.is_none())
            .and_then(|d| d.record.supersedes.as_deref())
            .and_then(|p| Path::new(p).file_name())
            .map(|n| n.to_string_lossy().into_owned());
        let supersedes = args.supersedes.clone().or(revisited);
        let new = adr::export_all(&fresh, &target, supersedes.as_deref())?;
        done.written.extend(new.written);
        done.changed.extend(new.changed);
    }
    // Stdout: the files written, one per line (scripts read it); stderr: every other file
    // the export changed, so no edit is silent.
    for p in &done.written {
        out::line(&p.display().to_string());
    }
    for p in &done.changed {
        out::err_line(&format!("changed: {}", p.display()));
    }
    if let Some(text) = done
        .main_path()
        .and_then(|p| tradeoffs::fileread::read_text(p, tradeoffs::fileread::ADR_LIMIT).ok())
    {
        for w in target.style.check(&text) {
            out::warn(&w);
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Where to look for the repository's ADR directory: `-C DIR` or the current directory.
fn start_dir(args: &DecideArgs) -> Result<PathBuf> {
    match &args.directory {
        Some(d) if !d.is_dir() => Err(bad(format!(
            "-C {}: there is no such directory; check the path",
            d.display()
        ))),
        Some(d) => Ok(d.clone()),
        None => std::env::current_dir().context("cannot read the current directory"),
    }
}
