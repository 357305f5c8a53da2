//! The exported ADR fits the repository: the fixture repositories under
//! `tests/fixtures/house-style/` each keep a house style (SPDX front matter without `title:`, an
//! adr-tools `tag:` block, a log4brains monorepo, a shipped template) and their own markdownlint
//! config. For each, the new ADR copies that style and passes `markdownlint-cli2` run in the
//! repository with the repository's config. CI installs the linter (`.ci/run`).

use crate::util;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use tempfile::TempDir;

const DATE: &str = "2026-11-26";
/// A long walk of a shipped tree: long lines, long lists, every section.
const TREE: [&str; 4] = ["--tree", "data-store", "--path", "6,1,1,1,1,1,1,1,1,1"];

/// A copy of one fixture repository, made a git repository, with an isolated tradeoffs home.
struct Fixture {
    dir: TempDir,
    home: TempDir,
}

impl Fixture {
    fn new(name: &str) -> Fixture {
        let dir = TempDir::new().unwrap();
        util::copy_dir(&util::fixtures().join("house-style").join(name), dir.path());
        let ok = Command::new("git")
            .args(["init", "-q"])
            .current_dir(dir.path())
            .status()
            .unwrap()
            .success();
        assert!(ok);
        Fixture {
            dir,
            home: TempDir::new().unwrap(),
        }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// `tradeoffs decide ARGS` run in `rel` (a folder of the repository).
    fn run(&self, rel: &str, args: &[&str]) -> Output {
        util::tradeoffs(
            &self.home.path().join("config"),
            &self.home.path().join("data"),
        )
        .current_dir(self.path().join(rel))
        .env("TRADEOFFS_DATE", DATE)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .arg("decide")
        .args(args)
        .args(["--decider", "Jo Dev"])
        .output()
        .unwrap()
    }

    /// Exports the long walk from `rel` with `extra` flags; the file written and stderr.
    fn export(&self, rel: &str, extra: &[&str]) -> (PathBuf, String) {
        let mut args = TREE.to_vec();
        args.push("--export");
        args.extend(extra);
        let out = self.run(rel, &args);
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(out.status.success(), "{err}");
        let path = PathBuf::from(String::from_utf8(out.stdout).unwrap().trim());
        assert!(path.is_file(), "{path:?}");
        (path, err)
    }

    /// `markdownlint-cli2` run at the repository root on `file`, with the repository's own
    /// config; panics with the linter's report when it finds anything.
    fn lint(&self, file: &Path) {
        let Some(lint) = linter() else {
            assert!(
                std::env::var_os("CI").is_none(),
                "CI must install markdownlint-cli2 (npm install -g markdownlint-cli2)"
            );
            eprintln!("markdownlint-cli2 not installed: lint skipped outside CI");
            return;
        };
        let rel = file.strip_prefix(self.path()).unwrap();
        let out = Command::new(lint)
            .arg(rel)
            .current_dir(self.path())
            .output()
            .unwrap();
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            out.status.success() && text.contains("0 error(s)"),
            "markdownlint ({}) found problems in {}:\n{text}\n{}",
            rel.display(),
            file.display(),
            fs::read_to_string(file).unwrap()
        );
    }
}

fn linter() -> Option<&'static str> {
    Command::new("markdownlint-cli2")
        .arg("--help")
        .output()
        .is_ok_and(|o| !o.stdout.is_empty() || !o.stderr.is_empty())
        .then_some("markdownlint-cli2")
}

fn front_matter(text: &str) -> Vec<&str> {
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("---"), "{text}");
    lines.take_while(|l| *l != "---").collect()
}

fn headings(text: &str) -> Vec<&str> {
    text.lines().filter(|l| l.starts_with("## ")).collect()
}

#[test]
fn spdx_front_matter_without_title_is_kept_and_their_lint_passes() {
    let f = Fixture::new("spdx-adrs");
    for detail in ["short", "full"] {
        let (p, _) = f.export(".", &["--detail", detail]);
        let text = fs::read_to_string(&p).unwrap();
        let fm = front_matter(&text);
        // Their comments first, their key order, the dialect's number kept, no title.
        assert_eq!(
            fm[..2],
            [
                "# SPDX-FileCopyrightText: 2025 Example Payments GmbH",
                "# SPDX-License-Identifier: CC-BY-SA-4.0"
            ],
            "{text}"
        );
        let keys: Vec<&str> = fm[2..]
            .iter()
            .map(|l| l.split(':').next().unwrap())
            .collect();
        assert_eq!(keys, ["number", "date", "status", "decision-makers"]);
        assert!(fm.contains(&"status: proposed"), "{fm:?}");
        assert!(!text.contains("\ntitle:"), "{text}");
        // Their list marker and emphasis.
        assert!(
            text.contains("\n* Transactional integrity (weight 5 of 5)"),
            "{text}"
        );
        assert!(!text.lines().any(|l| l.starts_with("- ")), "{text}");
        assert!(text.contains("__In short:__"), "{text}");
        assert!(text.contains("_System-of-record data store_"), "{text}");
        f.lint(&p);
    }
    let names: Vec<String> = fs::read_dir(f.path().join("doc/adr"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("000"))
        .collect();
    assert!(names.iter().any(|n| n.starts_with("0004-")), "{names:?}");
    assert!(names.iter().any(|n| n.starts_with("0005-")), "{names:?}");
}

#[test]
fn adr_tools_tag_block_status_and_date_follow_the_log_and_lines_fit_100_columns() {
    let f = Fixture::new("adr-tools-tag");
    for detail in ["short", "full"] {
        let (p, _) = f.export(".", &["--detail", detail, "--status", "accepted"]);
        let text = fs::read_to_string(&p).unwrap();
        let n = if detail == "short" { 26 } else { 27 };
        assert!(
            text.starts_with(&format!(
                "---\ntag:Blast\n---\n# {n}. Use PostgreSQL (single primary, managed or self-hosted)\n\nDate: 26.11.2026\n\n## Status\n\nAccepted.\n"
            )),
            "{text}"
        );
        // Nygard's sections keep their place; adr-tools reads them.
        assert_eq!(
            headings(&text)[..4],
            ["## Status", "## Context", "## Decision", "## Consequences"]
        );
        // MD013 at 100 columns (code blocks exempt in their config): prose is wrapped; only
        // a word that cannot be broken (a long link) may reach past, as MD013 allows.
        let mut fence = false;
        let mut wrapped = 0;
        for l in text.lines() {
            if l.starts_with("```") {
                fence = !fence;
            }
            if l.starts_with("  ") && !fence {
                wrapped += 1;
            }
            assert!(
                fence || l.starts_with('#') || !l.chars().skip(100).any(char::is_whitespace),
                "{l:?}"
            );
        }
        assert!(wrapped > 5, "{text}");
        f.lint(&p);
    }
    // The tag block does not hide the log from numbering or from superseding.
    let out = f.run(
        ".",
        &[
            "--tree",
            "data-store",
            "--path",
            "6,1,1,1,1,1,1,1,1,1",
            "--export",
            "--supersedes",
            "25",
            "--title",
            "Replace Valkey",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let old = fs::read_to_string(
        f.path()
            .join("doc/architecture/decisions/0025-use-valkey-for-the-lookup-cache.md"),
    )
    .unwrap();
    assert!(old.contains("Superseded by [28. Replace Valkey]"), "{old}");
}

#[test]
fn log4brains_monorepo_package_is_picked_by_name_or_folder_or_asked_for() {
    let f = Fixture::new("log4brains-monorepo");
    let mut args = TREE.to_vec();
    args.push("--export");
    // At the root, nothing says which folder: an error listing the choices, nothing written.
    let out = f.run(".", &args);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        "error: this repository has several ADR folders: global (docs/adr), backend (packages/backend/adr), frontend (packages/frontend/adr); pass --package NAME or run from inside one"
    );
    let out = f.run(".", &[&args[..], &["--package", "mobile"]].concat());
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        "error: --package mobile: no such package; choose one of global (docs/adr), backend (packages/backend/adr), frontend (packages/frontend/adr)"
    );
    let (p, _) = f.export(".", &["--package", "backend"]);
    assert!(
        p.starts_with(f.path().join("packages/backend/adr")),
        "{p:?}"
    );
    assert_eq!(
        p.file_name().unwrap(),
        "20261126-use-postgresql-single-primary-managed-or-self-hosted.md"
    );
    let (q, _) = f.export("packages/frontend", &[]);
    assert!(
        q.starts_with(f.path().join("packages/frontend/adr")),
        "{q:?}"
    );
    let (g, _) = f.export(".", &["--package", "global"]);
    assert!(g.starts_with(f.path().join("docs/adr")), "{g:?}");
    for p in [&p, &q, &g] {
        let text = fs::read_to_string(p).unwrap();
        // MD004 asterisk in their config; log4brains still reads the bullets.
        assert!(
            text.contains("\n* Status: proposed\n* Deciders: Jo Dev\n* Date: 2026-11-26\n"),
            "{text}"
        );
        f.lint(p);
    }
}

#[test]
fn a_repository_template_gives_headings_front_matter_and_header() {
    let f = Fixture::new("template-madr");
    let (p, err) = f.export(".", &["--explain-style"]);
    let text = fs::read_to_string(&p).unwrap();
    assert_eq!(
        front_matter(&text),
        [
            "status: \"proposed\"",
            "date: 2026-11-26",
            "deciders: [\"Jo Dev\"]"
        ]
    );
    assert!(
        text.contains("---\n\n<!-- SPDX-License-Identifier: CC0-1.0 -->\n\n# Use PostgreSQL"),
        "{text}"
    );
    // The template's sections in its order and words; ours it lacks keep their place.
    assert_eq!(
        headings(&text),
        [
            "## Context",
            "## Decision Drivers",
            "## Decision",
            "## Alternatives",
            "## Pros and Cons of the Options",
            "## More Information"
        ]
    );
    assert!(text.contains("__In short:__"), "{text}");
    assert!(
        err.contains("style: section headings and order: Context / Decision / Alternatives / Consequences, from docs/decisions/template.md"),
        "{err}"
    );
    assert!(
        err.contains("style: emphasis `_text_`, from MD049 in .markdownlint-cli2.jsonc"),
        "{err}"
    );
    f.lint(&p);
}

#[test]
fn explain_style_alone_names_each_source_file() {
    let f = Fixture::new("spdx-adrs");
    let out = f.run(".", &[&TREE[..], &["--explain-style"]].concat());
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let newest = "doc/adr/0003-publish-domain-events-through-an-outbox.md";
    for want in [
        format!(
            "front matter: keys number, date, status, decision-makers in that order (no title, consulted, informed), from {newest}"
        ),
        format!(
            "front matter comments (# SPDX-FileCopyrightText: 2025 Example Payments GmbH / # SPDX-License-Identifier: CC-BY-SA-4.0), from {newest}"
        ),
        format!("list marker `*`, from {newest}"),
        "nested lists indented 4 spaces, from MD007 in .markdownlint-cli2.yaml".to_string(),
        "line length not limited (MD013 off in .markdownlint-cli2.yaml)".to_string(),
    ] {
        assert!(
            text.lines().any(|l| l == want),
            "missing {want:?} in\n{text}"
        );
    }
    // Nothing was written.
    assert_eq!(fs::read_dir(f.path().join("doc/adr")).unwrap().count(), 3);
}

#[test]
fn package_flag_in_an_ordinary_repository_is_refused() {
    let f = Fixture::new("spdx-adrs");
    let out = f.run(
        ".",
        &[&TREE[..], &["--export", "--package", "api"]].concat(),
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        "error: --package api: this repository has one ADR folder (no packages: in .log4brains.yml, no second adrs.toml or .adr-dir); leave --package out"
    );
}

#[test]
fn several_adrs_markers_are_packages_named_by_their_folder() {
    let f = Fixture::new("spdx-adrs");
    for svc in ["services/api", "services/billing"] {
        let d = f.path().join(svc);
        fs::create_dir_all(&d).unwrap();
        fs::write(d.join(".adr-dir"), "docs/adr\n").unwrap();
    }
    fs::remove_file(f.path().join("adrs.toml")).unwrap();
    let mut args = TREE.to_vec();
    args.push("--export");
    let out = f.run(".", &args);
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        "error: this repository has several ADR folders: services/api (services/api/docs/adr), services/billing (services/billing/docs/adr); pass --package NAME or run from inside one"
    );
    // The last part of the folder name is enough when it is unique.
    let (p, _) = f.export(".", &["--package", "billing"]);
    assert!(
        p.starts_with(f.path().join("services/billing/docs/adr")),
        "{p:?}"
    );
    assert!(
        p.file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("0001-")
    );
    let (q, _) = f.export("services/api", &[]);
    assert!(
        q.starts_with(f.path().join("services/api/docs/adr")),
        "{q:?}"
    );
}

#[test]
fn prose_and_the_trade_off_graph_fit_80_columns_and_long_headings_are_warned_about() {
    let f = Fixture::new("line-length");
    // The longest option names of the shipped trees: their graph labels are shortened.
    let walk = [
        "--tree",
        "compute-platform",
        "--path",
        "1,1,1,1,1,1,1,1,1,1,1,1,1",
        "--export",
        "--detail",
        "full",
    ];
    let out = f.run(".", &walk);
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{err}");
    let p = PathBuf::from(String::from_utf8(out.stdout).unwrap().trim());
    let text = fs::read_to_string(&p).unwrap();
    assert!(
        text.contains("compute_autopilot_kubernetes[\"Kubernetes with provider-managed nodes ✔"),
        "{text}"
    );
    for l in text.lines().filter(|l| !l.starts_with('#')) {
        assert!(!l.chars().skip(80).any(char::is_whitespace), "{l:?}");
    }
    f.lint(&p);
    // With headings checked too, the title is too long: the export says so and what to do.
    fs::write(f.path().join(".markdownlint.json"), "{}\n").unwrap();
    let out = f.run(".", &[&walk[..], &["--title", "Use Kubernetes with provider-managed nodes (GKE Autopilot, EKS Auto Mode, AKS Automatic)"]].concat());
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(
        err.contains("warning: 5 headings are longer than MD013's 80 columns in .markdownlint.json (lines 9, 194, 291, 329, 383, the longest 90): shorten the title (--title) or the option's name, or let headings run long there (MD013 headings: false)\n"),
        "{err}"
    );
}
