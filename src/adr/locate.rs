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
    /// The house style of the ADRs already there and the repository's markdownlint rules.
    pub style: super::Style,
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
    locate_with(start, adr_dir, format, None, true)
}

/// [`locate`] for readers of the log, which need the directory but not how to write there:
/// no ADR is read to detect the dialect (it is what the markers imply, else MADR) or learn
/// the house style (left at its default).
pub fn locate_dir(
    start: &Path,
    adr_dir: Option<&Path>,
    package: Option<&str>,
) -> Result<Target, super::AdrError> {
    locate_with(start, adr_dir, None, package, false)
}

/// [`locate`] in a repository with several ADR folders (a log4brains `packages:` list, or
/// several `adrs.toml`/`.adr-dir` markers): `package` names one (`--package`); without it the
/// folder `start` is inside is taken, and anywhere else is ambiguous, an error listing the
/// choices ([`packages`] lists them for a picker).
pub fn locate_in(
    start: &Path,
    adr_dir: Option<&Path>,
    format: Option<Dialect>,
    package: Option<&str>,
) -> Result<Target, super::AdrError> {
    locate_with(start, adr_dir, format, package, true)
}

fn locate_with(
    start: &Path,
    adr_dir: Option<&Path>,
    format: Option<Dialect>,
    package: Option<&str>,
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
        let found = match pick_package(start, package)? {
            Some(f) => f,
            None => walk_up(start, &mut warnings),
        };
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
    let root = repo_root(start);
    let stop = root.clone().unwrap_or_else(|| start.to_path_buf());
    // Readers of the log (`detect` off) write nothing: no house style to learn.
    let style = if detect {
        super::Style {
            house: if missing {
                super::style::HouseStyle::default()
            } else {
                super::style::house_style(&found.dir, Some(&stop))
            },
            lint: super::lint_config::load(&found.dir, &stop),
        }
    } else {
        super::Style::default()
    };
    Ok(Target {
        dir: found.dir,
        dialect,
        adrs_front_matter,
        warnings,
        style,
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

/// One ADR folder of a repository with several: its name for `--package`, where it is, and the
/// directory that belongs to it (a package's `path`, a marker's directory).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Package {
    pub name: String,
    pub dir: PathBuf,
    home: PathBuf,
    dialect: Option<Dialect>,
    adrs_front_matter: bool,
    by: String,
}

/// The name of the repository-wide folder among packages (log4brains' `project.adrFolder`, or
/// a marker at the repository root).
pub const GLOBAL: &str = "global";

/// Directories never searched for markers (dependencies, build output).
const SKIP: &[&str] = &["node_modules", "target", "vendor", "dist", "build"];

/// How deep under the repository root markers are looked for (`packages/api/adrs.toml` is 2).
const DEPTH: usize = 3;

/// The ADR folders of a repository with several; empty (or one) for an ordinary repository.
pub fn packages(start: &Path) -> Vec<Package> {
    let root = repo_root(start).unwrap_or_else(|| start.to_path_buf());
    let mut out: Vec<Package> = Vec::new();
    let l4b = root.join(".log4brains.yml");
    if let Ok(text) = crate::fileread::read_text(&l4b, crate::fileread::ADR_LIMIT)
        && let Some(v) = super::yaml::parse(&text)
        && let Some(project) = v.get("project")
    {
        let str_of =
            |v: &serde_json::Value, k: &str| v.get(k).and_then(|x| x.as_str()).map(str::to_string);
        let mut push = |name: String, folder: &str, home: PathBuf| {
            out.push(Package {
                name,
                dir: clean(&root.join(folder)),
                home: clean(&home),
                dialect: Some(Dialect::Log4brains),
                adrs_front_matter: false,
                by: ".log4brains.yml".into(),
            });
        };
        if let Some(folder) = str_of(project, "adrFolder") {
            push(GLOBAL.into(), &folder, root.clone());
        }
        for p in project
            .get("packages")
            .and_then(|p| p.as_array())
            .into_iter()
            .flatten()
        {
            if let (Some(name), Some(folder)) = (str_of(p, "name"), str_of(p, "adrFolder")) {
                let home = str_of(p, "path").map_or_else(|| root.join(&folder), |h| root.join(h));
                push(name, &folder, home);
            }
        }
    }
    if out.len() > 1 {
        return out;
    }
    // Several adrs/adr-tools markers, each naming its own folder.
    let mut markers = Vec::new();
    scan_markers(&root, &root, 0, &mut markers);
    if markers.len() > 1 {
        return markers;
    }
    out
}

fn scan_markers(root: &Path, d: &Path, depth: usize, out: &mut Vec<Package>) {
    let here: Vec<Found> = markers_at(d)
        .into_iter()
        .filter(|f| matches!(f.by.as_str(), "adrs.toml" | ".adrs.toml" | ".adr-dir"))
        .collect();
    if let Some(f) = here.into_iter().next() {
        let rel = d.strip_prefix(root).unwrap_or(d);
        out.push(Package {
            name: if rel.as_os_str().is_empty() {
                GLOBAL.into()
            } else {
                rel.display().to_string()
            },
            dir: clean(&f.dir),
            home: d.to_path_buf(),
            dialect: f.dialect,
            adrs_front_matter: f.adrs_front_matter,
            by: format!("{}/{}", rel.display(), f.by)
                .trim_start_matches('/')
                .to_string(),
        });
    }
    if depth >= DEPTH {
        return;
    }
    let Ok(entries) = std::fs::read_dir(d) else {
        return;
    };
    let mut dirs: Vec<PathBuf> = entries
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .filter(|e| {
            let n = e.file_name().to_string_lossy().into_owned();
            !n.starts_with('.') && !SKIP.contains(&n.as_str())
        })
        .map(|e| e.path())
        .collect();
    dirs.sort();
    for sub in dirs {
        // A nested repository is another project; a folder a marker names holds ADRs, not
        // packages (and listing a log of 1,000 ADRs here would cost more than the rest).
        if out.iter().any(|p| p.dir == sub) {
            continue;
        }
        if !sub.join(".git").exists() {
            scan_markers(root, &sub, depth + 1, out);
        }
    }
}

/// `./a/./b` → `a/b`.
fn clean(p: &Path) -> PathBuf {
    p.components()
        .filter(|c| !matches!(c, std::path::Component::CurDir))
        .collect()
}

/// `name (dir)` for each package, for messages.
pub fn package_list(packages: &[Package], root: &Path) -> String {
    packages
        .iter()
        .map(|p| {
            format!(
                "{} ({})",
                p.name,
                p.dir.strip_prefix(root).unwrap_or(&p.dir).display()
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The package `name` names, or the one `start` is inside; `None` in a repository without
/// packages; an error when the name matches none, or when nothing picks one.
fn pick_package(start: &Path, name: Option<&str>) -> Result<Option<Found>, super::AdrError> {
    let root = repo_root(start).unwrap_or_else(|| start.to_path_buf());
    let found = |p: &Package| Found {
        dir: p.dir.clone(),
        by: format!("{} (package {})", p.by, p.name),
        dialect: p.dialect,
        adrs_front_matter: p.adrs_front_matter,
    };
    if name.is_none() && inside_marked_folder(start, &root) {
        // The folder you run from has its own marker: `walk_up` takes it, no scan needed.
        return Ok(None);
    }
    let all = packages(start);
    if let Some(name) = name {
        if all.len() < 2 {
            return Err(super::AdrError::Invalid(format!(
                "--package {name}: this repository has one ADR folder (no packages: in .log4brains.yml, no second adrs.toml or .adr-dir); leave --package out"
            )));
        }
        let last = |p: &Package| p.name.rsplit('/').next() == Some(name);
        let pick = all.iter().find(|p| p.name == name).or_else(|| {
            match all.iter().filter(|p| last(p)).collect::<Vec<_>>()[..] {
                [one] => Some(one),
                _ => None,
            }
        });
        return match pick {
            Some(p) => Ok(Some(found(p))),
            None => Err(super::AdrError::Invalid(format!(
                "--package {name}: no such package; choose one of {}",
                package_list(&all, &root)
            ))),
        };
    }
    if all.len() < 2 {
        return Ok(None);
    }
    let start = clean(start);
    let inside = all
        .iter()
        .filter(|p| p.name != GLOBAL && (start.starts_with(&p.home) || start.starts_with(&p.dir)))
        .max_by_key(|p| p.home.components().count());
    match inside {
        Some(p) => Ok(Some(found(p))),
        None => Err(super::AdrError::Invalid(format!(
            "this repository has several ADR folders: {}; pass --package NAME or run from inside one",
            package_list(&all, &root)
        ))),
    }
}

/// Whether `start` or a folder above it, below the repository root, holds an `adrs.toml`,
/// `.adrs.toml` or `.adr-dir`.
fn inside_marked_folder(start: &Path, root: &Path) -> bool {
    start
        .ancestors()
        .take_while(|d| *d != root && d.starts_with(root))
        .any(|d| {
            ["adrs.toml", ".adrs.toml", ".adr-dir"]
                .iter()
                .any(|m| d.join(m).is_file())
        })
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
