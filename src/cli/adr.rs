//! `tradeoffs adr new|status|link`: ADRs written and kept up by hand. The files are written by
//! `tradeoffs::adr` (`new_plain`, `set_status`, `link`); this module turns flags into those
//! calls, prints what changed (stdout: the files written, one per line, for scripts; stderr:
//! what happened) and opens the editor on a new ADR.

use std::io::IsTerminal as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, Result, anyhow, bail};

use tradeoffs::adr::{self, RecordMeta, Target};
use tradeoffs::log::LinkKind;

use super::args::{AdrCommand, AdrNewArgs, LogPlace};
use super::log::shown;
use super::{bad, out};

pub fn run(
    command: AdrCommand,
    top_adr_dir: &Option<PathBuf>,
    top_package: &Option<String>,
) -> Result<ExitCode> {
    // `tradeoffs --adr-dir DIR adr ...` means the same as `adr ... --adr-dir DIR`.
    let with_dir = |mut place: LogPlace| {
        place.or_top(top_adr_dir, top_package);
        place
    };
    match command {
        AdrCommand::New(mut args) => {
            args.place = with_dir(args.place.clone());
            new(&args)
        }
        AdrCommand::Status {
            adr,
            status,
            by,
            place,
        } => status_cmd(&with_dir(place), &adr, &status, by.as_deref()),
        AdrCommand::Link {
            from,
            to,
            kind,
            place,
        } => link_cmd(&with_dir(place), &from, &to, kind),
    }
}

fn start(place: &LogPlace) -> Result<PathBuf> {
    match &place.directory {
        Some(d) if !d.is_dir() => Err(bad(format!(
            "-C {}: there is no such directory; check the path",
            d.display()
        ))),
        Some(d) => Ok(d.clone()),
        None => std::env::current_dir().context("cannot read the current directory"),
    }
}

/// The repository's ADR directory, with the locator's warnings printed (but "it will be
/// created": only `adr new` creates it, and says so itself). `new` also needs the dialect to
/// write (read from the ADRs there); status and links are edited in each file's own.
fn target(
    place: &LogPlace,
    start: &Path,
    new: bool,
    format: Option<adr::Dialect>,
) -> Result<Target> {
    let target = if new {
        adr::locate_in(
            start,
            place.adr_dir.as_deref(),
            format,
            place.package.as_deref(),
        )?
    } else {
        adr::locate_dir(start, place.adr_dir.as_deref(), place.package.as_deref())?
    };
    for w in &target.warnings {
        if !w.contains("does not exist yet") {
            out::warn(w);
        }
    }
    Ok(target)
}

fn new(args: &AdrNewArgs) -> Result<ExitCode> {
    let mut meta = RecordMeta {
        consulted: args.consulted.clone(),
        informed: args.informed.clone(),
        ..adr::plain_meta(&args.title)
    };
    if let Some(s) = &args.status {
        meta.set_status_flag(s)?;
    }
    if let Some(d) = &args.date {
        meta.set_date_flag(d)?;
    }
    let start = start(&args.place)?;
    meta.deciders = args
        .deciders
        .iter()
        .map(|d| d.trim().to_string())
        .filter(|d| !d.is_empty())
        .collect();
    if meta.deciders.is_empty() {
        meta.deciders.extend(adr::git_user_name(&start));
    }
    let target = target(&args.place, &start, true, args.format.map(|f| f.dialect()))?;
    if !target.dir.is_dir() {
        out::warn(&format!(
            "the ADR directory {} does not exist yet; it will be created",
            shown(&target.dir)
        ));
    }
    let mut links: Vec<(LinkKind, String)> = Vec::new();
    if let Some(s) = &args.supersedes {
        links.push((LinkKind::Supersedes, s.clone()));
    }
    links.extend(args.links.iter().map(|l| (LinkKind::RelatesTo, l.clone())));
    let written = adr::new_plain(&target, &meta, &links)?;
    out::line(&shown(&written.path));
    for p in &written.changed {
        out::err_line(&format!("changed: {}", shown(p)));
    }
    index_note(&target.dir);
    edit(&written.path, args.no_edit)?;
    Ok(ExitCode::SUCCESS)
}

/// Says so when the log's index (a `README.md` or `index.md` list of ADRs) now lacks an ADR,
/// which `tradeoffs lint` would report: `tradeoffs log index` brings it up to date.
fn index_note(dir: &Path) {
    // The whole log is read only where an index may be (a 1,000-ADR log costs 1,000 reads).
    let has_index = std::fs::read_dir(dir).is_ok_and(|entries| {
        entries.flatten().any(|e| {
            let name = e.file_name().to_string_lossy().to_lowercase();
            name == "readme.md" || name == "index.md"
        })
    });
    if !has_index {
        return;
    }
    let Ok(log) = tradeoffs::log::read_log_through_cache(dir) else {
        return;
    };
    let plan = tradeoffs::log::index::plan_index(&log);
    if plan.current.is_some() && plan.has_list && !plan.missing.is_empty() {
        out::err_line(&format!(
            "note: the index {} does not list {} yet; `tradeoffs log index` updates it",
            shown(&plan.path),
            plan.missing.join(", ")
        ));
    }
}

/// The editor command from `$VISUAL`, else `$EDITOR` (empty values skipped), as the variable's
/// name and its words (`code --wait` is a program and an argument).
pub(crate) fn editor_command(
    visual: Option<String>,
    editor: Option<String>,
) -> Option<(&'static str, Vec<String>)> {
    [("VISUAL", visual), ("EDITOR", editor)]
        .into_iter()
        .find_map(|(name, v)| {
            let words: Vec<String> = v?.split_whitespace().map(String::from).collect();
            (!words.is_empty()).then_some((name, words))
        })
}

/// Opens the new ADR in the user's editor, unless told not to or nobody is at a terminal. The
/// file stays whatever happens: every failure says so.
fn edit(path: &Path, no_edit: bool) -> Result<()> {
    if no_edit {
        return Ok(());
    }
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        out::err_line(
            "not opening an editor: stdin or stdout is not a terminal (pass --no-edit to leave this note out)",
        );
        return Ok(());
    }
    let shown_path = shown(path);
    let Some((var, words)) =
        editor_command(std::env::var("VISUAL").ok(), std::env::var("EDITOR").ok())
    else {
        bail!(
            "no editor to open {shown_path}: set $VISUAL or $EDITOR, or pass --no-edit; the ADR was written and is kept"
        );
    };
    let status = std::process::Command::new(&words[0])
        .args(&words[1..])
        .arg(path)
        .status()
        .map_err(|e| {
            let why = e.to_string();
            let why = why.split(" (os error").next().unwrap_or_default().to_string();
            anyhow!(
                "cannot start the editor \"{}\" (${var}): {why}; the ADR was written and is kept: {shown_path}",
                words.join(" ")
            )
        })?;
    if !status.success() {
        bail!(
            "the editor \"{}\" (${var}) exited with {status}; the ADR was written and is kept: {shown_path}",
            words.join(" ")
        );
    }
    Ok(())
}

fn status_cmd(place: &LogPlace, which: &str, status: &str, by: Option<&str>) -> Result<ExitCode> {
    let start = start(place)?;
    let dir = target(place, &start, false, None)?.dir;
    let change = adr::set_status(&dir, which, status, by)?;
    let name = shown(&change.path);
    let from = change
        .from
        .as_deref()
        .map_or("no status".to_string(), |f| format!("\"{f}\""));
    if change.changed.is_empty() {
        out::err_line(&format!("{name} is already {}; nothing changed", change.to));
    } else {
        for p in &change.changed {
            out::line(&shown(p));
        }
        out::err_line(&format!("{name}: status {from} → \"{}\"", change.to));
    }
    for n in &change.notes {
        out::warn(n);
    }
    Ok(ExitCode::SUCCESS)
}

fn link_cmd(place: &LogPlace, from: &str, to: &str, kind: adr::LinkChoice) -> Result<ExitCode> {
    let start = start(place)?;
    let dir = target(place, &start, false, None)?.dir;
    let changed = adr::link(&dir, from, to, kind)?;
    if changed.is_empty() {
        out::err_line(&format!(
            "ADR {from} and ADR {to} are already linked that way; nothing changed"
        ));
    }
    for p in &changed {
        out::line(&shown(p));
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_editor_comes_from_visual_then_editor() {
        let s = |v: &str| Some(v.to_string());
        assert_eq!(
            editor_command(s("code --wait"), s("vi")),
            Some(("VISUAL", vec!["code".to_string(), "--wait".to_string()]))
        );
        assert_eq!(
            editor_command(s("  "), s("vi")),
            Some(("EDITOR", vec!["vi".to_string()]))
        );
        assert_eq!(editor_command(None, None), None);
    }
}
