//! Finding a repository's ADR directory and the dialect its ADRs are written in, by the rules of
//! ADR-CONVENTIONS.md sections 1 and 2 (the same places adr-tools, adrs, log4brains and MADR look).

use std::path::{Path, PathBuf};

use super::Dialect;
use super::existing::{adr_files, classify, read_head};

/// Where ADRs go and how they must look there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub dir: PathBuf,
    pub dialect: Dialect,
    /// The repository uses the `adrs` tool's front matter (`number:` and `title:` keys).
    pub adrs_front_matter: bool,
    /// Things the user should know (markers that disagree, a directory that will be created).
    pub warnings: Vec<String>,
}

/// How the repository spells the supersede link (adr-tools writes "Superceded").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spelling {
    Correct,
    AdrTools,
}

/// One marker found while walking up: the directory it names and the dialect it implies.
struct Found {
    dir: PathBuf,
    by: String,
    dialect: Option<Dialect>,
    adrs_front_matter: bool,
}

/// Finds the ADR directory for a repository containing `start`. `adr_dir` (the `--adr-dir`
/// flag) wins over everything; `format` is used when neither existing files nor markers say
/// which dialect to write.
pub fn locate(
    start: &Path,
    adr_dir: Option<&Path>,
    format: Option<Dialect>,
) -> Result<Target, super::AdrError> {
    locate_with(start, adr_dir, format, true)
}

/// [`locate`] for readers of the log, which need the directory but not the dialect to write:
/// the ADRs are not read to detect it (the dialect is what the markers imply, else MADR).
pub fn locate_dir(start: &Path, adr_dir: Option<&Path>) -> Result<Target, super::AdrError> {
    locate_with(start, adr_dir, None, false)
}

fn locate_with(
    start: &Path,
    adr_dir: Option<&Path>,
    format: Option<Dialect>,
    detect: bool,
) -> Result<Target, super::AdrError> {
    let mut warnings = Vec::new();
    let found = if let Some(dir) = adr_dir {
        Found {
            dir: absolute(start, dir),
            by: "--adr-dir".into(),
            dialect: None,
            adrs_front_matter: false,
        }
    } else if let Some(dir) = std::env::var_os("ADR_DIRECTORY").filter(|v| !v.is_empty()) {
        Found {
            dir: absolute(start, Path::new(&dir)),
            by: "ADR_DIRECTORY".into(),
            dialect: None,
            adrs_front_matter: false,
        }
    } else if let Some(cfg) = std::env::var_os("ADRS_CONFIG").filter(|v| !v.is_empty()) {
        let cfg = absolute(start, Path::new(&cfg));
        let base = cfg.parent().unwrap_or(start).to_path_buf();
        adrs_toml(&cfg, &base)
    } else {
        let found = walk_up(start, &mut warnings);
        check_inside_repository(start, &found)?;
        found
    };
    // `adrFolder: ./docs/adr` names docs/adr: no `/./` in the paths the user sees.
    let mut found = found;
    found.dir = found
        .dir
        .components()
        .filter(|c| !matches!(c, std::path::Component::CurDir))
        .collect();
    let missing = !found.dir.is_dir();
    if missing && found.dir.symlink_metadata().is_ok() {
        // A file, or a symlink to nowhere: "it will be created" would be false.
        return Err(super::AdrError::Failed(format!(
            "the ADR directory {} exists but is not a directory (a file or a dangling symlink); remove it or pass --adr-dir to choose another",
            found.dir.display()
        )));
    }
    if missing {
        warnings.push(format!(
            "the ADR directory {} does not exist yet; it will be created",
            found.dir.display()
        ));
    }
    let existing = if missing || !detect {
        None
    } else {
        detect_dialect(&found.dir)
    };
    let (dialect, adrs_front_matter) = match existing {
        Some((d, fm)) => {
            if let Some(f) = format
                && f != d
            {
                warnings.push(format!(
                    "the ADRs in {} are {}; writing {} to match them instead of {}",
                    found.dir.display(),
                    d.name(),
                    d.name(),
                    f.name()
                ));
            }
            (d, fm || found.adrs_front_matter)
        }
        None => (
            found.dialect.or(format).unwrap_or(Dialect::Madr),
            found.adrs_front_matter,
        ),
    };
    Ok(Target {
        dir: found.dir,
        dialect,
        adrs_front_matter,
        warnings,
    })
}

/// A marker file (`.adr-dir`, `adrs.toml`, `.log4brains.yml`, `.madrrc.json`) is part of the
/// repository's content, which may come from anyone: the directory it names must be inside the
/// repository (lexically, and through symlinks when it exists). Writing elsewhere needs
/// `--adr-dir`, which the user types.
fn check_inside_repository(start: &Path, found: &Found) -> Result<(), super::AdrError> {
    if found.by == "default" {
        return Ok(());
    }
    let Some(root) = repo_root(start) else {
        return Ok(());
    };
    let lexical = normalize(&found.dir);
    let mut inside = lexical.starts_with(normalize(&root));
    if inside && let (Ok(dir), Ok(root)) = (found.dir.canonicalize(), root.canonicalize()) {
        inside = dir.starts_with(root);
    }
    if inside {
        Ok(())
    } else {
        Err(super::AdrError::Invalid(format!(
            "{} names the ADR directory {}, which is outside the repository {}; pass --adr-dir to write there",
            found.by,
            found.dir.display(),
            root.display()
        )))
    }
}

/// `a/b/../c` → `a/c`, without touching the file system.
fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            c => out.push(c),
        }
    }
    out
}

fn absolute(base: &Path, p: &Path) -> PathBuf {
    if p.is_absolute() {
        p.to_path_buf()
    } else {
        base.join(p)
    }
}

/// Walks from `start` up to the directory holding `.git`, taking the first marker found.
fn walk_up(start: &Path, warnings: &mut Vec<String>) -> Found {
    let mut dir = Some(start);
    while let Some(d) = dir {
        let markers = markers_at(d);
        if let Some(first) = markers.first() {
            for other in &markers[1..] {
                if other.dir != first.dir {
                    warnings.push(format!(
                        "{} names {} but {} names {}; using the first",
                        first.by,
                        first.dir.display(),
                        other.by,
                        other.dir.display()
                    ));
                }
            }
            return markers.into_iter().next().expect("non-empty");
        }
        if d.join(".git").exists() {
            break;
        }
        dir = d.parent();
    }
    // Nothing found: the MADR default, at the repository root when there is one.
    let root = repo_root(start).unwrap_or_else(|| start.to_path_buf());
    Found {
        dir: root.join("docs/decisions"),
        by: "default".into(),
        dialect: None,
        adrs_front_matter: false,
    }
}

fn repo_root(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .find(|d| d.join(".git").exists())
        .map(Path::to_path_buf)
}

/// Every marker present in one directory, in precedence order.
fn markers_at(d: &Path) -> Vec<Found> {
    let mut out = Vec::new();
    for name in ["adrs.toml", ".adrs.toml"] {
        let cfg = d.join(name);
        if cfg.is_file() {
            out.push(adrs_toml(&cfg, d));
            break;
        }
    }
    let adr_dir = d.join(".adr-dir");
    if adr_dir.is_file()
        && let Ok(text) = crate::fileread::read_text(&adr_dir, crate::fileread::ADR_LIMIT)
        && let Some(line) = text.lines().next().map(str::trim).filter(|l| !l.is_empty())
    {
        out.push(Found {
            dir: d.join(line),
            by: ".adr-dir".into(),
            // adr-tools manages this directory: never front matter there.
            dialect: Some(Dialect::Nygard),
            adrs_front_matter: false,
        });
    }
    let l4b = d.join(".log4brains.yml");
    if l4b.is_file()
        && let Ok(text) = crate::fileread::read_text(&l4b, crate::fileread::ADR_LIMIT)
        && let Some(folder) = yaml_value(&text, "adrFolder")
    {
        out.push(Found {
            dir: d.join(folder),
            by: ".log4brains.yml".into(),
            dialect: Some(Dialect::Log4brains),
            adrs_front_matter: false,
        });
    }
    let madrrc = d.join(".madrrc.json");
    if madrrc.is_file()
        && let Ok(text) = crate::fileread::read_text(&madrrc, crate::fileread::ADR_LIMIT)
        && let Ok(v) = serde_json::from_str::<serde_json::Value>(&text)
        && let Some(folder) = v.get("madrDirectory").and_then(|f| f.as_str())
    {
        out.push(Found {
            dir: d.join(folder),
            by: ".madrrc.json".into(),
            dialect: Some(Dialect::Madr),
            adrs_front_matter: false,
        });
    }
    for (rel, dialect) in [
        ("doc/adr", None),
        ("docs/decisions", Some(Dialect::Madr)),
        ("docs/adr", None),
        ("docs/adrs", None),
        ("docs/architecture-decisions", None),
        ("doc/adrs", None),
        ("adr", None),
        ("adrs", None),
    ] {
        let p = d.join(rel);
        if p.is_dir() {
            out.push(Found {
                dir: p,
                by: format!("existing {rel}/"),
                dialect,
                adrs_front_matter: false,
            });
            break;
        }
    }
    out
}

/// Reads the few keys of an `adrs.toml` that matter here.
fn adrs_toml(cfg: &Path, base: &Path) -> Found {
    let text = crate::fileread::read_text(cfg, crate::fileread::ADR_LIMIT).unwrap_or_default();
    let mut dir = "doc/adr".to_string();
    let mut ng = false;
    let mut dialect = None;
    for line in text.lines() {
        let Some((key, value)) = line.split_once('=') else {
            continue;
        };
        let value = scalar(value);
        let value = value.as_str();
        match key.trim() {
            "adr_dir" => dir = value.to_string(),
            "mode" => ng = value == "ng",
            "format" => {
                dialect = match value {
                    "madr" => Some(Dialect::Madr),
                    "nygard" => Some(Dialect::Nygard),
                    _ => None,
                }
            }
            _ => {}
        }
    }
    Found {
        dir: base.join(dir),
        by: cfg
            .file_name()
            .map_or("adrs.toml".into(), |n| n.to_string_lossy().into_owned()),
        dialect: Some(dialect.unwrap_or(if ng { Dialect::Madr } else { Dialect::Nygard })),
        adrs_front_matter: ng,
    }
}

/// The value of `key:` anywhere in a simple YAML file (enough for `project.adrFolder`).
fn yaml_value(text: &str, key: &str) -> Option<String> {
    text.lines().find_map(|l| {
        let (k, v) = l.trim().split_once(':')?;
        (k.trim() == key).then(|| scalar(v))
    })
}

/// One scalar value of a `key = value` (TOML) or `key: value` (YAML) line: a quoted string up
/// to its closing quote (TOML/YAML basic escapes `\"` and `\\` in double quotes), or a bare
/// word up to a ` #` comment. Before, a trailing comment became part of the directory name
/// (`adr_dir = "docs/adr" # ADRs` named `docs/adr" # ADRs`).
fn scalar(raw: &str) -> String {
    let v = raw.trim();
    let mut chars = v.chars();
    match chars.next() {
        Some(q @ ('"' | '\'')) => {
            let mut out = String::new();
            let mut escaped = false;
            for c in chars {
                if escaped {
                    out.push(c);
                    escaped = false;
                } else if c == '\\' && q == '"' {
                    escaped = true;
                } else if c == q {
                    break;
                } else {
                    out.push(c);
                }
            }
            out
        }
        _ => {
            let end = v
                .char_indices()
                .find(|&(i, c)| c == '#' && (i == 0 || v[..i].ends_with([' ', '\t'])))
                .map_or(v.len(), |(i, _)| i);
            v[..end].trim().to_string()
        }
    }
}

/// The dialect of the newest recognisable ADR in `dir`, and whether it carries adrs front matter.
pub(super) fn detect_dialect(dir: &Path) -> Option<(Dialect, bool)> {
    let files = adr_files(dir).ok()?;
    files.iter().rev().find_map(|f| {
        let head = read_head(f, 2048)?;
        classify(&head)
    })
}
