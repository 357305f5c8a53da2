//! `tradeoffs log` and `tradeoffs log index` on fixture logs shaped the way adr-tools, adrs
//! (compatible and NextGen), MADR with adr-log, log4brains and a mixture of them lay theirs out
//! (`tests/fixtures/logs/<shape>/`). Each test copies its fixture into a temporary directory
//! that is not a git repository, so neither this repository's branches nor its files leak in.

use std::path::{Path, PathBuf};

use serde_json::Value;
use tempfile::TempDir;

use crate::util::{self, fixtures};

/// A fixture log copied into a fresh temporary directory.
pub struct Repo {
    pub dir: TempDir,
    home: TempDir,
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_tree(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}

impl Repo {
    /// `tests/fixtures/logs/<shape>` in a temporary directory.
    pub fn fixture(shape: &str) -> Repo {
        let r = Repo::empty();
        copy_tree(&fixtures().join("logs").join(shape), r.dir.path());
        r
    }

    pub fn empty() -> Repo {
        Repo {
            dir: TempDir::new().unwrap(),
            home: TempDir::new().unwrap(),
        }
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).unwrap()
    }

    /// Runs the binary in the repository's directory.
    pub fn run(&self, args: &[&str]) -> Run {
        let out = util::tradeoffs(&self.home.path().join("c"), &self.home.path().join("d"))
            .current_dir(self.dir.path())
            .env("TRADEOFFS_DATE", "2026-11-30")
            .args(args)
            .output()
            .unwrap();
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8(out.stdout).unwrap(),
            stderr: String::from_utf8(out.stderr).unwrap(),
        }
    }
}

#[test]
fn log_lists_an_adr_tools_log_with_its_superseded_chain() {
    let r = Repo::fixture("adr-tools");
    let run = r.run(&["log"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "NUMBER  TITLE                          STATUS      DATE        FORMAT\n\
         0001    Record architecture decisions  accepted    2025-03-01  nygard\n\
         0002    Use MySQL for payments         superseded  2025-03-04  nygard  0002 → superseded by 0003\n\
         0003    Use PostgreSQL for payments    accepted    2025-05-12  nygard\n\
         0004    Keep decisions short           proposed    2025-06-02  nygard\n"
    );
    assert_eq!(run.stderr, "");
    // The alias.
    assert_eq!(r.run(&["list"]).stdout, run.stdout);
}

#[test]
fn log_reads_every_dialect() {
    let cases: [(&str, &[&str]); 5] = [
        (
            "adrs",
            &[
                "0001    Record architecture decisions  accepted    2025-09-10  nygard",
                "0002    Use Elasticsearch              superseded  2025-09-11  nygard  0002 → superseded by 0003",
            ],
        ),
        (
            "adrs-ng",
            &[
                "0002    Bill in arrears                superseded  2025-11-04  adrs    0002 → superseded by 0003",
                "0003    Bill in advance                accepted    2025-12-01  adrs",
            ],
        ),
        (
            "madr",
            &[
                "0000    Use Markdown Architectural Decision Records  accepted    2024-01-15  madr",
                "0001    Use Stripe for payments                      superseded  2024-02-01  madr    0001 → superseded by 0002",
                "0003    Cache product pages at the edge              proposed    2024-07-02  madr",
            ],
        ),
        (
            "log4brains",
            &[
                "-       Use RabbitMQ for pick lists        superseded  2024-02-12  log4brains  20240212-use-rabbitmq-for-pick-lists → superseded by 20240520-use-kafka-for-pick-lists",
                "-       Use Kafka for pick lists           draft       2024-05-20  log4brains",
            ],
        ),
        (
            "mixed",
            &[
                "0001    Record decisions                accepted    2023-04-01  nygard",
                "0002    Use gRPC between services       accepted    2024-02-10  madr",
                "0003    Use REST for the public API     superseded  2024-03-01  log4brains  0003 → superseded by 0004",
                "0004    Use GraphQL for the public API  proposed    2024-09-09  adrs",
            ],
        ),
    ];
    for (shape, rows) in cases {
        let run = Repo::fixture(shape).run(&["log"]);
        assert_eq!(run.code, 0, "{shape}: {}", run.stderr);
        for row in rows {
            assert!(
                run.stdout.lines().any(|l| l == *row),
                "{shape}: no row {row:?} in\n{}",
                run.stdout
            );
        }
        // Index and template files are not ADRs.
        assert!(!run.stdout.contains("template"), "{shape}");
        assert!(!run.stdout.contains("knowledge base"), "{shape}");
    }
}

#[test]
fn log_json_carries_fields_links_and_lines() {
    let r = Repo::fixture("adr-tools");
    let run = r.run(&["log", "--json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let v: Value = serde_json::from_str(&run.stdout).unwrap();
    let all = v.as_array().unwrap();
    assert_eq!(all.len(), 4);
    let second = &all[1];
    assert_eq!(second["number"], 2);
    assert_eq!(second["file"], "0002-use-mysql-for-payments.md");
    assert_eq!(second["status"], "superseded");
    assert_eq!(
        second["status_raw"],
        "Superceded by [3. Use PostgreSQL for payments](0003-use-postgresql-for-payments.md)"
    );
    assert_eq!(second["dialect"], "nygard");
    assert_eq!(
        second["superseded_by"],
        serde_json::json!(["0003-use-postgresql-for-payments.md"])
    );
    assert_eq!(second["links"][0]["kind"], "superseded-by");
    assert_eq!(second["links"][0]["label"], "Superceded by");
    assert_eq!(second["links"][0]["number"], 3);
    assert_eq!(second["lines"]["status"], 7);
    assert_eq!(second["lines"]["date"], 3);
    assert_eq!(all[3]["links"][0]["kind"], "amends");
}

/// adr-tools replaces "Accepted" with the "Superceded by" link; a section that kept both is a
/// hand edit. The decision is no longer in force: the log says superseded, keeps the word as
/// written for display, and follows the chain.
#[test]
fn a_status_section_with_accepted_and_superceded_by_is_superseded() {
    let r = Repo::fixture("hand-edited");
    let run = r.run(&["log"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "NUMBER  TITLE                          STATUS      DATE        FORMAT\n\
         0001    Record architecture decisions  accepted    2025-03-01  nygard\n\
         0002    Use MySQL for payments         superseded  2025-03-04  nygard  0002 → superseded by 0003\n\
         0003    Use PostgreSQL for payments    accepted    2025-05-12  nygard\n"
    );
    let v: Value = serde_json::from_str(&r.run(&["log", "--json"]).stdout).unwrap();
    assert_eq!(v[1]["status"], "superseded");
    assert_eq!(v[1]["status_raw"], "Accepted");
    assert_eq!(v[1]["lines"]["status"], 7);
    assert_eq!(
        v[1]["superseded_by"],
        serde_json::json!(["0003-use-postgresql-for-payments.md"])
    );
    let accepted = r.run(&["log", "--status", "accepted"]);
    assert!(!accepted.stdout.contains("MySQL"), "{}", accepted.stdout);
}

#[test]
fn log_filters_by_status() {
    let r = Repo::fixture("madr");
    let run = r.run(&["log", "--status", "Accepted"]);
    assert_eq!(run.code, 0);
    assert_eq!(run.stdout.lines().count(), 3, "{}", run.stdout);
    assert!(run.stdout.contains("Use Adyen for payments"));
    let json = r.run(&["log", "--status", "superseded", "--json"]);
    let v: Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 1);
    assert_eq!(v[0]["number"], 1);

    let none = r.run(&["log", "--status", "rejected"]);
    assert_eq!(none.code, 0);
    assert_eq!(none.stdout, "");
    assert_eq!(
        none.stderr,
        "no ADR in docs/decisions has status rejected\n"
    );

    let bad = r.run(&["log", "--status", "approved"]);
    assert_eq!(bad.code, 2);
    assert_eq!(
        bad.stderr,
        "error: --status approved: no ADR has that status; use one of accepted, proposed, superseded\n"
    );
}

#[test]
fn log_of_a_repository_without_adrs_says_so() {
    let r = Repo::empty();
    let run = r.run(&["log"]);
    assert_eq!(run.code, 0);
    assert_eq!(run.stdout, "");
    assert_eq!(run.stderr, "no ADRs in docs/decisions\n");
    assert_eq!(r.run(&["log", "--json"]).stdout, "[]\n");
    for args in [&["log", "index"][..], &["log", "index", "--check"]] {
        let index = r.run(args);
        assert_eq!(index.code, 1);
        assert_eq!(
            index.stderr,
            "error: there is no ADR directory docs/decisions; nothing to index (pass --adr-dir to name it)\n"
        );
    }
    assert!(!r.path("docs").exists());
    let missing = r.run(&["log", "-C", "nowhere"]);
    assert_eq!(missing.code, 2);
    assert_eq!(
        missing.stderr,
        "error: -C nowhere: there is no such directory; check the path\n"
    );
}

#[test]
fn log_marks_files_it_cannot_read_and_points_to_lint() {
    let r = Repo::fixture("rules/unparseable/fail");
    let run = r.run(&["log", "--adr-dir", "."]);
    assert_eq!(run.code, 0);
    assert!(
        run.stdout
            .contains("0002    0002-queue-notes  ?         -           -\n"),
        "{}",
        run.stdout
    );
    assert_eq!(
        run.stderr,
        "warning: 1 file(s) could not be read as ADRs (status ?); run `tradeoffs lint` for details\n"
    );
}

#[test]
fn log_index_updates_an_adr_tools_toc_and_keeps_its_heading() {
    let r = Repo::fixture("adr-tools");
    let check = r.run(&["log", "index", "--check"]);
    assert_eq!(check.code, 1);
    assert_eq!(
        check.stderr,
        "the index doc/adr/README.md is out of date; run `tradeoffs log index` to update it\n"
    );
    assert_eq!(
        r.read("doc/adr/README.md").lines().count(),
        6,
        "--check wrote"
    );

    let write = r.run(&["log", "index"]);
    assert_eq!(write.code, 0, "{}", write.stderr);
    assert_eq!(write.stdout, "updated doc/adr/README.md (4 ADRs)\n");
    assert_eq!(
        r.read("doc/adr/README.md"),
        "# Architecture Decision Records\n\n\
         <!-- tradeoffs:index -->\n\n\
         * [1. Record architecture decisions](0001-record-architecture-decisions.md) (accepted)\n\
         * [2. Use MySQL for payments](0002-use-mysql-for-payments.md) (superseded by [3. Use PostgreSQL for payments](0003-use-postgresql-for-payments.md))\n\
         * [3. Use PostgreSQL for payments](0003-use-postgresql-for-payments.md) (accepted)\n\
         * [4. Keep decisions short](0004-keep-decisions-short.md) (proposed)\n\n\
         <!-- tradeoffs:index:end -->\n"
    );
    assert_eq!(r.run(&["log", "index", "--check"]).code, 0);
    let again = r.run(&["log", "index"]);
    assert_eq!(again.stdout, "doc/adr/README.md is up to date (4 ADRs)\n");

    // A status change makes the managed index stale again; text added around it stays.
    let readme = r.read("doc/adr/README.md");
    std::fs::write(
        r.path("doc/adr/README.md"),
        format!("{readme}\nWritten by hand.\n"),
    )
    .unwrap();
    let adr = r.read("doc/adr/0004-keep-decisions-short.md");
    std::fs::write(
        r.path("doc/adr/0004-keep-decisions-short.md"),
        adr.replace("\nProposed\n", "\nAccepted\n"),
    )
    .unwrap();
    assert_eq!(r.run(&["log", "index", "--check"]).code, 1);
    r.run(&["log", "index"]);
    let updated = r.read("doc/adr/README.md");
    assert!(updated.contains("(0004-keep-decisions-short.md) (accepted)"));
    assert!(updated.ends_with("<!-- tradeoffs:index:end -->\n\nWritten by hand.\n"));
}

#[test]
fn log_index_updates_a_madr_index_between_adr_log_markers() {
    let r = Repo::fixture("madr");
    assert_eq!(r.run(&["log", "index"]).code, 0);
    assert_eq!(
        r.read("docs/decisions/index.md"),
        "# Decision log\n\n\
         The decisions behind the shop, newest last.\n\n\
         <!-- adrlog -->\n\n\
         * [ADR-0000](0000-use-markdown-architectural-decision-records.md) - Use Markdown Architectural Decision Records (accepted)\n\
         * [ADR-0001](0001-use-stripe-for-payments.md) - Use Stripe for payments (superseded by [ADR-0002](0002-use-adyen-for-payments.md))\n\
         * [ADR-0002](0002-use-adyen-for-payments.md) - Use Adyen for payments (accepted)\n\
         * [ADR-0003](0003-cache-product-pages.md) - Cache product pages at the edge (proposed)\n\n\
         <!-- adrlogstop -->\n\n\
         New records start from [the template](adr-template.md).\n"
    );
}

#[test]
fn log_index_creates_one_where_there_is_none() {
    let r = Repo::fixture("adrs-ng");
    let check = r.run(&["log", "index", "--check"]);
    assert_eq!(check.code, 1);
    assert_eq!(
        check.stderr,
        "there is no index (doc/adr/README.md); run `tradeoffs log index` to update it\n"
    );
    let write = r.run(&["log", "index"]);
    assert_eq!(write.stdout, "wrote doc/adr/README.md (3 ADRs)\n");
    assert!(
        r.read("doc/adr/README.md")
            .starts_with("# Architecture Decision Records\n\n<!-- tradeoffs:index -->\n\n* [1. Record architecture decisions]")
    );

    // log4brains: its index.md home page gets the list appended, its prose kept.
    let r = Repo::fixture("log4brains");
    let check = r.run(&["log", "index", "--check"]);
    assert_eq!(
        check.stderr,
        "the index docs/adr/index.md has no list of the ADRs; run `tradeoffs log index` to update it\n"
    );
    r.run(&["log", "index"]);
    let index = r.read("docs/adr/index.md");
    assert!(
        index.starts_with("<!-- This file is the home page"),
        "{index}"
    );
    assert!(index.contains(
        "* [Use RabbitMQ for pick lists](20240212-use-rabbitmq-for-pick-lists.md) (superseded by [Use Kafka for pick lists](20240520-use-kafka-for-pick-lists.md))\n"
    ));
    assert_eq!(r.run(&["log", "index", "--check"]).code, 0);
}

#[test]
fn log_lint_and_adr_take_package_in_a_monorepo() {
    let r = Repo::empty();
    util::copy_dir(
        &fixtures().join("house-style").join("log4brains-monorepo"),
        r.dir.path(),
    );
    let git = std::process::Command::new("git")
        .args(["init", "-q"])
        .current_dir(r.dir.path())
        .status()
        .unwrap();
    assert!(git.success());

    // From the root, three folders qualify: the error names them and the flag that picks one.
    let run = r.run(&["log"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: this repository has several ADR folders: global (docs/adr), backend (packages/backend/adr), frontend (packages/frontend/adr); pass --package NAME or run from inside one\n"
    );

    let run = r.run(&["log", "--package", "backend"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("Use Kotlin"), "{}", run.stdout);
    assert!(!run.stdout.contains("Use Svelte"), "{}", run.stdout);

    // The top-level flag means the same, for lint too.
    let run = r.run(&["--package", "frontend", "lint"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);

    let run = r.run(&["log", "--package", "nope"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: --package nope: no such package; choose one of global (docs/adr), backend (packages/backend/adr), frontend (packages/frontend/adr)\n"
    );

    // A plain ADR lands in the package named.
    let run = r.run(&[
        "adr",
        "new",
        "Use Ktor",
        "--no-edit",
        "--package",
        "backend",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout.trim(),
        "packages/backend/adr/20261130-use-ktor.md"
    );
    assert!(
        r.path("packages/backend/adr/20261130-use-ktor.md")
            .is_file()
    );
}
