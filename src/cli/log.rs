//! `tradeoffs log` (alias `list`): the decision log as a table or JSON; `tradeoffs log index`:
//! write or check the log's index. The work is in `tradeoffs::log`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, Result};

use tradeoffs::log::{self, DecisionLog};

use super::args::{LogArgs, LogCommand, LogPlace};
use super::{bad, out};

/// The log of the repository `place` names (`-C`, `--adr-dir`), with the locator's warnings
/// printed; a directory that does not exist is an empty log.
pub(super) fn open(place: &LogPlace) -> Result<DecisionLog> {
    let start = match &place.directory {
        Some(d) if !d.is_dir() => {
            return Err(bad(format!(
                "-C {}: there is no such directory; check the path",
                d.display()
            )));
        }
        Some(d) => d.clone(),
        None => std::env::current_dir().context("cannot read the current directory")?,
    };
    let target =
        tradeoffs::adr::locate_dir(&start, place.adr_dir.as_deref(), place.package.as_deref())?;
    for w in &target.warnings {
        // "It will be created" is for exports; reading says so below.
        if !w.contains("does not exist yet") {
            out::warn(w);
        }
    }
    if !target.dir.is_dir() {
        return Ok(DecisionLog {
            dir: target.dir,
            entries: Vec::new(),
            index_files: None,
        });
    }
    Ok(log::read_log_through_cache(&target.dir)?)
}

/// A path as the user reads it: relative to the current directory when it is below it.
pub(super) fn shown(p: &Path) -> String {
    let rel = std::env::current_dir()
        .ok()
        .and_then(|cwd| p.strip_prefix(&cwd).ok().map(PathBuf::from));
    rel.unwrap_or_else(|| p.to_path_buf()).display().to_string()
}

pub fn run(args: &LogArgs) -> Result<ExitCode> {
    match args.command {
        Some(LogCommand::Index { check }) => index(&args.place, check),
        None => list(args),
    }
}

fn list(args: &LogArgs) -> Result<ExitCode> {
    let log = open(&args.place)?;
    let selected = log::list::select(&log, args.status.as_deref());
    if let Some(s) = &args.status {
        let norm = log::normalize_status(s);
        let present = log.entries.iter().any(|e| e.status_text() == norm);
        if !present && !log::KNOWN_STATUSES.contains(&norm.as_str()) {
            let mut statuses: Vec<&str> = log
                .entries
                .iter()
                .map(|e| e.status_text())
                .filter(|s| !s.is_empty())
                .collect();
            statuses.sort_unstable();
            statuses.dedup();
            return Err(bad(format!(
                "--status {s}: no ADR has that status; use one of {}",
                if statuses.is_empty() {
                    log::KNOWN_STATUSES.join(", ")
                } else {
                    statuses.join(", ")
                }
            )));
        }
    }
    if args.json {
        out::json(&serde_json::to_string_pretty(&log::list::json_entries(
            &log, &selected,
        ))?);
        return Ok(ExitCode::SUCCESS);
    }
    if log.entries.is_empty() {
        out::err_line(&format!("no ADRs in {}", shown(&log.dir)));
        return Ok(ExitCode::SUCCESS);
    }
    if selected.is_empty() {
        out::err_line(&format!(
            "no ADR in {} has status {}",
            shown(&log.dir),
            args.status.as_deref().unwrap_or_default()
        ));
        return Ok(ExitCode::SUCCESS);
    }
    out::text(&log::list::render_table(&log, &selected));
    let unreadable = log.entries.iter().filter(|e| e.problem.is_some()).count();
    if unreadable > 0 {
        out::warn(&format!(
            "{unreadable} file(s) could not be read as ADRs (status ?); run `tradeoffs lint` for details"
        ));
    }
    // The process ends here: freeing a thousand entries one string at a time is work the
    // exit does for free.
    std::mem::forget(log);
    Ok(ExitCode::SUCCESS)
}

fn index(place: &LogPlace, check: bool) -> Result<ExitCode> {
    let log = open(place)?;
    if !log.dir.is_dir() {
        anyhow::bail!(
            "there is no ADR directory {}; nothing to index (pass --adr-dir to name it)",
            shown(&log.dir)
        );
    }
    let plan = log::index::plan_index(&log);
    let path = shown(&plan.path);
    if check {
        if !plan.is_stale() {
            return Ok(ExitCode::SUCCESS);
        }
        let why = if plan.current.is_none() {
            format!("there is no index ({path})")
        } else if !plan.has_list {
            format!("the index {path} has no list of the ADRs")
        } else if !plan.missing.is_empty() {
            format!("the index {path} does not list {}", plan.missing.join(", "))
        } else if !plan.extra.is_empty() {
            format!(
                "the index {path} lists {}, which is not in the log",
                plan.extra.join(", ")
            )
        } else {
            format!("the index {path} is out of date")
        };
        out::err_line(&format!("{why}; run `tradeoffs log index` to update it"));
        return Ok(ExitCode::from(1));
    }
    if !plan.is_stale() {
        out::line(&format!(
            "{path} is up to date ({} ADRs)",
            log.entries.len()
        ));
        // Exit frees it all at once (see `list`).
        std::mem::forget(log);
        return Ok(ExitCode::SUCCESS);
    }
    log::index::write_index(&plan)?;
    out::line(&format!(
        "{} {path} ({} ADRs)",
        if plan.current.is_some() {
            "updated"
        } else {
            "wrote"
        },
        log.entries.len()
    ));
    std::mem::forget(log);
    Ok(ExitCode::SUCCESS)
}
