//! `tradeoffs adr new|status|link` on copies of the fixture logs shaped the way adr-tools, adrs
//! (compatible and NextGen), MADR and log4brains write theirs (`tests/fixtures/logs/<shape>/`):
//! what each writes, in each file's own dialect and wording, that doing it twice changes
//! nothing, and every message a user can get. The editor is exercised in a pseudo-terminal.

use std::path::Path;

use tradeoffs::log::{LinkKind, LogDialect, parse_entry, read_log};

use crate::log::{Repo, Run};

fn ok(run: &Run) {
    assert_eq!(
        run.code, 0,
        "stdout: {}\nstderr: {}",
        run.stdout, run.stderr
    );
}

fn files(r: &Repo, dir: &str) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(r.path(dir))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// Every file of a directory with its text, to prove a failed command changed nothing.
fn snapshot(r: &Repo, dir: &str) -> Vec<(String, String)> {
    files(r, dir)
        .into_iter()
        .filter(|f| f.ends_with(".md"))
        .map(|f| {
            let t = r.read(&format!("{dir}/{f}"));
            (f, t)
        })
        .collect()
}

#[test]
fn new_writes_the_next_adr_in_each_repositorys_dialect() {
    for (shape, dir, name, dialect) in [
        (
            "adr-tools",
            "doc/adr",
            "0005-use-kafka-for-events.md",
            LogDialect::Nygard,
        ),
        (
            "adrs",
            "doc/adr",
            "0004-use-kafka-for-events.md",
            LogDialect::Nygard,
        ),
        (
            "adrs-ng",
            "doc/adr",
            "0004-use-kafka-for-events.md",
            LogDialect::Adrs,
        ),
        (
            "madr",
            "docs/decisions",
            "0004-use-kafka-for-events.md",
            LogDialect::Madr,
        ),
        (
            "log4brains",
            "docs/adr",
            "20261130-use-kafka-for-events.md",
            LogDialect::Log4brains,
        ),
    ] {
        let r = Repo::fixture(shape);
        let run = r.run(&[
            "adr",
            "new",
            "Use Kafka for events",
            "--no-edit",
            "--decider",
            "Ada",
        ]);
        ok(&run);
        assert_eq!(run.stdout, format!("{dir}/{name}\n"), "{shape}");
        // Where the log keeps an index, it says the index lacks the new ADR (lint would).
        let index = match shape {
            "adr-tools" | "adrs" => Some("doc/adr/README.md"),
            "madr" => Some("docs/decisions/index.md"),
            _ => None,
        };
        let note = index.map_or(String::new(), |i| {
            format!(
                "note: the index {i} does not list {name} yet; `tradeoffs log index` updates it\n"
            )
        });
        assert_eq!(run.stderr, note, "{shape}");
        let text = r.read(&format!("{dir}/{name}"));
        let e = parse_entry(Path::new(name), &text);
        assert_eq!(e.dialect, Some(dialect), "{shape}: {text}");
        assert_eq!(e.title_text(), "Use Kafka for events", "{shape}");
        assert_eq!(e.status_text(), "proposed", "{shape}");
        assert_eq!(e.date.as_ref().unwrap().value, "2026-11-30", "{shape}");
        assert!(e.problem.is_none(), "{shape}: {:?}", e.problem);
        // The whole log still reads, with one more entry and no problems added.
        let log = read_log(&r.path(dir)).unwrap();
        assert!(log.entries.iter().all(|e| e.problem.is_none()), "{shape}");
    }
}

#[test]
fn new_keeps_each_tools_wording_and_fields() {
    let r = Repo::fixture("adr-tools");
    ok(&r.run(&[
        "adr",
        "new",
        "Use Kafka",
        "--no-edit",
        "--status",
        "accepted",
    ]));
    assert!(r.read("doc/adr/0005-use-kafka.md").starts_with(
        "# 5. Use Kafka\n\nDate: 2026-11-30\n\n## Status\n\nAccepted\n\n## Context\n"
    ));

    // MADR without a template of its own: MADR 4's sections.
    let r = Repo::fixture("madr");
    std::fs::remove_file(r.path("docs/decisions/adr-template.md")).unwrap();
    ok(&r.run(&[
        "adr",
        "new",
        "Use Kafka",
        "--no-edit",
        "--deciders",
        "Ada,Grace",
        "--date",
        "2026-01-05",
    ]));
    let text = r.read("docs/decisions/0004-use-kafka.md");
    assert!(
        // In the house style, as exports are: this log's newest ADR writes its status bare
        // and keeps only status and date in front matter.
        text.starts_with("---\nstatus: proposed\ndate: 2026-01-05\n---\n\n# Use Kafka\n\n## Context and Problem Statement\n"),
        "{text}"
    );
    for section in [
        "## Decision Drivers",
        "## Considered Options",
        "## Decision Outcome",
        "### Consequences",
        "### Confirmation",
        "## Pros and Cons of the Options",
        "## More Information",
    ] {
        assert!(text.contains(&format!("\n{section}\n")), "{section}");
    }

    // MADR with the repository's `adr-template.md`: its text, its front matter filled in.
    let r = Repo::fixture("madr");
    ok(&r.run(&["adr", "new", "Use Kafka", "--no-edit", "--decider", "Ada"]));
    assert_eq!(
        r.read("docs/decisions/0004-use-kafka.md"),
        "---\nstatus: \"proposed\"\ndate: 2026-11-30\ndecision-makers: [\"Ada\"]\nconsulted: []\ninformed: []\n---\n\n# Use Kafka\n\n## Context and Problem Statement\n\n{Describe the context and problem statement.}\n"
    );

    let r = Repo::fixture("adrs-ng");
    ok(&r.run(&["adr", "new", "Use Kafka", "--no-edit", "--decider", "Ada"]));
    assert!(
        r.read("doc/adr/0004-use-kafka.md").starts_with(
            "---\nnumber: 4\ntitle: \"Use Kafka\"\ndate: 2026-11-30\nstatus: proposed\n"
        )
    );

    // log4brains: the folder's own template.md, filled in.
    let r = Repo::fixture("log4brains");
    ok(&r.run(&["adr", "new", "Use NATS", "--no-edit", "--decider", "Ada"]));
    assert_eq!(
        r.read("docs/adr/20261130-use-nats.md"),
        "# Use NATS\n\n- Status: proposed\n- Deciders: Ada\n- Date: 2026-11-30\n- Tags: [space and/or comma separated list of tags]\n\n## Context and Problem Statement\n\n[Describe the context and problem statement.]\n"
    );
}

#[test]
fn new_uses_adr_tools_own_template_file() {
    let r = Repo::fixture("adr-tools");
    std::fs::create_dir_all(r.path("doc/adr/templates")).unwrap();
    std::fs::write(
        r.path("doc/adr/templates/template.md"),
        "# NUMBER. TITLE\n\nDate: DATE\n\n## Status\n\nSTATUS\n\n## Context\n\nOur own prompt.\n",
    )
    .unwrap();
    ok(&r.run(&["adr", "new", "Use Kafka", "--no-edit"]));
    assert_eq!(
        r.read("doc/adr/0005-use-kafka.md"),
        "# 5. Use Kafka\n\nDate: 2026-11-30\n\n## Status\n\nProposed\n\n## Context\n\nOur own prompt.\n"
    );
}

#[test]
fn new_in_an_empty_repository_creates_the_madr_directory_and_says_so() {
    let r = Repo::empty();
    let run = r.run(&[
        "adr",
        "new",
        "First decision",
        "--no-edit",
        "--decider",
        "Ada",
    ]);
    ok(&run);
    assert_eq!(run.stdout, "docs/decisions/0001-first-decision.md\n");
    assert!(
        run.stderr.starts_with(
            "warning: the ADR directory docs/decisions does not exist yet; it will be created\n"
        ),
        "{}",
        run.stderr
    );
    let r = Repo::empty();
    let run = r.run(&["adr", "new", "First", "--no-edit", "--format", "nygard"]);
    ok(&run);
    assert!(
        r.read("docs/decisions/0001-first.md")
            .starts_with("# 1. First\n")
    );
}

#[test]
fn new_off_a_terminal_does_not_open_the_editor_and_says_so() {
    let r = Repo::fixture("adr-tools");
    let run = r.run(&["adr", "new", "Use Kafka"]);
    ok(&run);
    assert_eq!(run.stdout, "doc/adr/0005-use-kafka.md\n");
    assert_eq!(
        run.stderr,
        "note: the index doc/adr/README.md does not list 0005-use-kafka.md yet; `tradeoffs log index` updates it\n\
         not opening an editor: stdin or stdout is not a terminal (pass --no-edit to leave this note out)\n"
    );
    // `log index` then lists it: the note is right.
    ok(&r.run(&["log", "index"]));
    assert!(r.read("doc/adr/README.md").contains("(0005-use-kafka.md)"));
}

#[test]
fn new_supersedes_and_links_both_sides_in_the_repositorys_spelling() {
    let r = Repo::fixture("adr-tools");
    let run = r.run(&[
        "adr",
        "new",
        "Use CockroachDB for payments",
        "--no-edit",
        "--supersedes",
        "3",
        "--link",
        "4",
    ]);
    ok(&run);
    assert_eq!(run.stdout, "doc/adr/0005-use-cockroachdb-for-payments.md\n");
    assert_eq!(
        run.stderr,
        "changed: doc/adr/0003-use-postgresql-for-payments.md\nchanged: doc/adr/0004-keep-decisions-short.md\n\
         note: the index doc/adr/README.md does not list 0005-use-cockroachdb-for-payments.md yet; `tradeoffs log index` updates it\n"
    );
    let new = r.read("doc/adr/0005-use-cockroachdb-for-payments.md");
    // The repository writes adr-tools' "Supercedes": so does this.
    assert!(new.contains(
        "## Status\n\nProposed\n\nSupercedes [3. Use PostgreSQL for payments](0003-use-postgresql-for-payments.md)\n\nRelates to [4. Keep decisions short](0004-keep-decisions-short.md)\n\n## Context\n"
    ), "{new}");
    let old = r.read("doc/adr/0003-use-postgresql-for-payments.md");
    assert!(old.contains(
        "## Status\n\nSuperceded by [5. Use CockroachDB for payments](0005-use-cockroachdb-for-payments.md)\n\nSupercedes [2. Use MySQL for payments](0002-use-mysql-for-payments.md)\n\n## Context"
    ), "{old}");
    assert!(!old.contains("Accepted"));
    assert!(
        r.read("doc/adr/0004-keep-decisions-short.md")
            .contains("\n\nRelates to [5. Use CockroachDB for payments](0005-use-cockroachdb-for-payments.md)\n\n## Context")
    );
}

#[test]
fn new_refuses_bad_input_and_writes_nothing() {
    let r = Repo::fixture("adr-tools");
    let before = snapshot(&r, "doc/adr");
    let dir = r.path("doc/adr");
    let cases: [(&[&str], String); 6] = [
        (
            &["--supersedes", "9"],
            format!(
                "error: --supersedes 9: no ADR with that number or name in {}",
                dir.display()
            ),
        ),
        (
            &["--link", "0009-nothing.md"],
            format!(
                "error: --link 0009-nothing.md: no ADR with that number or name in {}",
                dir.display()
            ),
        ),
        (
            &["--supersedes", "2"],
            format!(
                "error: {} is already superseded (\"Superceded by [3. Use PostgreSQL for payments](0003-use-postgresql-for-payments.md)\"); supersede the newer ADR instead; nothing was written",
                dir.join("0002-use-mysql-for-payments.md").display()
            ),
        ),
        (
            &["--status", "superseded"],
            "error: --status superseded: use one of proposed, accepted, rejected, deprecated"
                .to_string(),
        ),
        (
            &["--date", "2026-02-30"],
            "error: --date 2026-02-30: there is no such day; use an existing date as YYYY-MM-DD"
                .to_string(),
        ),
        (
            &["-C", "no/such/dir"],
            "error: -C no/such/dir: there is no such directory; check the path".to_string(),
        ),
    ];
    for (extra, message) in cases {
        let mut args = vec!["adr", "new", "Use Kafka", "--no-edit"];
        args.extend(extra);
        let run = r.run(&args);
        assert_eq!(run.code, 2, "{extra:?}: {}", run.stderr);
        assert_eq!(run.stderr.trim_end(), message, "{extra:?}");
        assert_eq!(run.stdout, "");
        assert_eq!(snapshot(&r, "doc/adr"), before, "{extra:?}");
    }
    let run = r.run(&["adr", "new", "  ", "--no-edit"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr.trim_end(),
        "error: the ADR title is empty; pass --title \"...\""
    );

    let empty = Repo::empty();
    let run = empty.run(&["adr", "new", "X", "--no-edit", "--link", "1"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr.trim_end(),
        format!(
            "warning: the ADR directory docs/decisions does not exist yet; it will be created\nerror: --link: the ADR directory {} does not exist",
            empty.path("docs/decisions").display()
        )
    );
    assert!(!empty.path("docs").exists());
}

#[test]
fn status_changes_each_dialect_in_its_own_wording() {
    let r = Repo::fixture("adr-tools");
    let run = r.run(&["adr", "status", "4", "accepted"]);
    ok(&run);
    assert_eq!(run.stdout, "doc/adr/0004-keep-decisions-short.md\n");
    assert_eq!(
        run.stderr,
        "doc/adr/0004-keep-decisions-short.md: status \"Proposed\" → \"Accepted\"\n"
    );
    let text = r.read("doc/adr/0004-keep-decisions-short.md");
    assert!(
        text.contains("## Status\n\nAccepted\n\nAmends [1."),
        "{text}"
    );
    // Twice: nothing changes, and it says so.
    let run = r.run(&["adr", "status", "0004-keep-decisions-short.md", "Accepted"]);
    ok(&run);
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        "doc/adr/0004-keep-decisions-short.md is already accepted; nothing changed\n"
    );
    assert_eq!(r.read("doc/adr/0004-keep-decisions-short.md"), text);

    // MADR front matter keeps its quoting: bare here.
    let r = Repo::fixture("madr");
    ok(&r.run(&["adr", "status", "3", "rejected"]));
    assert!(
        r.read("docs/decisions/0003-cache-product-pages.md")
            .starts_with("---\nstatus: rejected\ndate: 2024-07-02\n---\n")
    );

    // adrs front matter.
    let r = Repo::fixture("adrs-ng");
    ok(&r.run(&["adr", "status", "3", "deprecated"]));
    assert!(
        r.read("doc/adr/0003-bill-in-advance.md")
            .contains("\ndate: 2025-12-01\nstatus: deprecated\nlinks:\n")
    );

    // log4brains' `- Status:` line.
    let r = Repo::fixture("log4brains");
    ok(&r.run(&[
        "adr",
        "status",
        "20240520-use-kafka-for-pick-lists",
        "deprecated",
    ]));
    assert!(
        r.read("docs/adr/20240520-use-kafka-for-pick-lists.md")
            .contains("\n- Status: deprecated\n")
    );
}

#[test]
fn status_under_a_supersede_line_with_the_word_below_leaves_one_word() {
    // A hand edit put the link above the old status word: the new status is one word line.
    let r = Repo::fixture("adr-tools");
    let file = "doc/adr/0002-use-mysql-for-payments.md";
    let link =
        "Superceded by [3. Use PostgreSQL for payments](0003-use-postgresql-for-payments.md)";
    let text = r.read(file).replace(link, &format!("{link}\n\nAccepted"));
    std::fs::write(r.path(file), text).unwrap();
    ok(&r.run(&["adr", "status", "2", "deprecated"]));
    let text = r.read(file);
    assert!(
        text.contains("## Status\n\nDeprecated\n\n## Context"),
        "{text}"
    );
    let v: serde_json::Value = serde_json::from_str(&r.run(&["log", "--json"]).stdout).unwrap();
    assert_eq!(v[1]["status"], "deprecated");
}

#[test]
fn status_superseded_links_the_replacement_and_other_statuses_are_refused() {
    let r = Repo::fixture("adrs");
    let run = r.run(&["adr", "status", "1", "superseded", "--by", "3"]);
    ok(&run);
    assert_eq!(
        run.stdout,
        "doc/adr/0003-use-opensearch.md\ndoc/adr/0001-record-architecture-decisions.md\n"
    );
    assert_eq!(
        run.stderr,
        "doc/adr/0001-record-architecture-decisions.md: status \"Accepted\" → \"Superseded\"\n"
    );
    // This repository keeps the "Superseded" word above the link, as adrs writes it.
    assert!(r.read("doc/adr/0001-record-architecture-decisions.md").contains(
        "## Status\n\nSuperseded\n\nSuperseded by [3. Use OpenSearch](0003-use-opensearch.md)\n\n## Context"
    ));
    assert!(r.read("doc/adr/0003-use-opensearch.md").contains(
        "\n\nSupersedes [1. Record architecture decisions](0001-record-architecture-decisions.md)\n"
    ));

    let before = snapshot(&r, "doc/adr");
    let dir = r.path("doc/adr");
    let cases: [(&[&str], String); 5] = [
        (
            &["2", "maybe"],
            "error: status \"maybe\" is not one of the lifecycle's: draft, proposed, accepted, rejected, deprecated, superseded".into(),
        ),
        (
            &["2", "superseded"],
            "error: status superseded needs the ADR that replaces it: add --by M, or run `tradeoffs adr link M 2 --kind supersedes`".into(),
        ),
        (
            &["2", "accepted", "--by", "3"],
            "error: --by names the ADR that supersedes this one; it goes with status superseded, not accepted".into(),
        ),
        (
            &["9", "accepted"],
            format!("error: ADR 9: no ADR with that number or name in {}", dir.display()),
        ),
        (
            &["2", "superseded", "--by", "7"],
            format!("error: --by 7: no ADR with that number or name in {}", dir.display()),
        ),
    ];
    for (args, message) in cases {
        let mut all = vec!["adr", "status"];
        all.extend(args);
        let run = r.run(&all);
        assert_eq!(run.code, 2, "{args:?}");
        assert_eq!(run.stderr.trim_end(), message, "{args:?}");
        assert_eq!(snapshot(&r, "doc/adr"), before, "{args:?}");
    }

    // Leaving "superseded" warns that the replacement still claims it.
    let run = r.run(&["adr", "status", "2", "accepted"]);
    ok(&run);
    assert_eq!(
        run.stderr,
        "doc/adr/0002-use-elasticsearch.md: status \"Superseded\" → \"Accepted\"\nwarning: 0002-use-elasticsearch.md said it was superseded by 0003-use-opensearch.md; that ADR still says it supersedes this one\n"
    );
    // The link under the word goes with it: a section holding "Accepted" and "Superseded by"
    // would still read as superseded.
    assert!(
        r.read("doc/adr/0002-use-elasticsearch.md")
            .contains("## Status\n\nAccepted\n\n## Context")
    );
    let v: serde_json::Value = serde_json::from_str(&r.run(&["log", "--json"]).stdout).unwrap();
    assert_eq!(v[1]["status"], "accepted");

    let empty = Repo::empty();
    let run = empty.run(&["adr", "status", "1", "accepted"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr.trim_end(),
        format!(
            "error: the ADR directory {} does not exist; write an ADR first (`tradeoffs adr new \"Title\"`) or pass --adr-dir",
            empty.path("docs/decisions").display()
        )
    );
}

#[test]
fn link_writes_both_sides_once_in_adr_tools_wording() {
    let r = Repo::fixture("adr-tools");
    let run = r.run(&["adr", "link", "4", "3", "--kind", "amends"]);
    ok(&run);
    assert_eq!(
        run.stdout,
        "doc/adr/0004-keep-decisions-short.md\ndoc/adr/0003-use-postgresql-for-payments.md\n"
    );
    let four = r.read("doc/adr/0004-keep-decisions-short.md");
    assert!(four.contains(
        "Amends [1. Record architecture decisions](0001-record-architecture-decisions.md)\n\nAmends [3. Use PostgreSQL for payments](0003-use-postgresql-for-payments.md)\n\n## Context"
    ), "{four}");
    let three = r.read("doc/adr/0003-use-postgresql-for-payments.md");
    assert!(three.contains(
        "Supercedes [2. Use MySQL for payments](0002-use-mysql-for-payments.md)\n\nAmended by [4. Keep decisions short](0004-keep-decisions-short.md)\n\n## Context"
    ), "{three}");
    let run = r.run(&["adr", "link", "4", "3", "--kind", "amends"]);
    ok(&run);
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        "ADR 4 and ADR 3 are already linked that way; nothing changed\n"
    );
    assert_eq!(r.read("doc/adr/0004-keep-decisions-short.md"), four);
    assert_eq!(r.read("doc/adr/0003-use-postgresql-for-payments.md"), three);

    // The log reads the links both ways.
    let log = read_log(&r.path("doc/adr")).unwrap();
    let e4 = log.by_number(4).next().unwrap();
    assert_eq!(e4.links_of(LinkKind::Amends).count(), 2);
    let e3 = log.by_number(3).next().unwrap();
    assert_eq!(e3.links_of(LinkKind::AmendedBy).count(), 1);

    // Clarifies, and the default kind, relates.
    ok(&r.run(&["adr", "link", "1", "4", "--kind", "clarifies"]));
    ok(&r.run(&["adr", "link", "1", "2"]));
    let one = r.read("doc/adr/0001-record-architecture-decisions.md");
    assert!(one.contains("\n\nClarifies [4. Keep decisions short](0004-keep-decisions-short.md)\n\nRelates to [2. Use MySQL for payments](0002-use-mysql-for-payments.md)\n"), "{one}");
    assert!(
        r.read("doc/adr/0004-keep-decisions-short.md")
            .contains("\n\nClarified by [1. Record architecture decisions](0001-record-architecture-decisions.md)\n")
    );
}

#[test]
fn link_supersedes_in_madr_adrs_and_log4brains() {
    let r = Repo::fixture("madr");
    ok(&r.run(&["adr", "link", "3", "0", "--kind", "supersedes"]));
    assert!(
        r.read("docs/decisions/0000-use-markdown-architectural-decision-records.md")
            .starts_with("---\nstatus: superseded by ADR-0003\n")
    );
    let three = r.read("docs/decisions/0003-cache-product-pages.md");
    assert!(
        three.ends_with("### Related decisions\n\n* Supersedes ADR-0000 [Use Markdown Architectural Decision Records](0000-use-markdown-architectural-decision-records.md)\n"),
        "{three}"
    );

    let r = Repo::fixture("adrs-ng");
    ok(&r.run(&["adr", "link", "3", "1", "--kind", "clarifies"]));
    assert!(r.read("doc/adr/0003-bill-in-advance.md").contains(
        "links:\n  - target: 2\n    kind: supersedes\n  - target: 1\n    kind: clarifies\n---"
    ));
    assert!(
        r.read("doc/adr/0001-record-architecture-decisions.md")
            .contains("  kind: clarifiedby\n---")
    );

    let r = Repo::fixture("log4brains");
    ok(&r.run(&[
        "adr",
        "link",
        "20240520-use-kafka-for-pick-lists.md",
        "20240105-use-log4brains-to-manage-the-adrs.md",
        "--kind",
        "relates",
    ]));
    assert!(
        r.read("docs/adr/20240520-use-kafka-for-pick-lists.md").contains(
            "- Supersedes [20240212-use-rabbitmq-for-pick-lists](20240212-use-rabbitmq-for-pick-lists.md)\n- Relates to [20240105-use-log4brains-to-manage-the-adrs](20240105-use-log4brains-to-manage-the-adrs.md)\n"
        )
    );
}

#[test]
fn link_refusals_name_the_problem_and_change_nothing() {
    let r = Repo::fixture("madr");
    std::fs::write(
        r.path("docs/decisions/0004-notes.md"),
        "# Notes\n\nJust notes.\n",
    )
    .unwrap();
    let before = snapshot(&r, "docs/decisions");
    let dir = r.path("docs/decisions");
    let cases: [(&[&str], i32, String); 4] = [
        (
            &["2", "2"],
            2,
            "error: cannot link 0002-use-adyen-for-payments.md to itself; name two different ADRs"
                .into(),
        ),
        (
            &["3", "1", "--kind", "supersedes"],
            2,
            format!(
                "error: {} is already superseded (\"status: \"superseded by ADR-0002\"\"); supersede the newer ADR instead; nothing was written",
                dir.join("0001-use-stripe-for-payments.md").display()
            ),
        ),
        (
            &["3", "12"],
            2,
            format!(
                "error: ADR 12: no ADR with that number or name in {}",
                dir.display()
            ),
        ),
        (
            &["3", "4"],
            1,
            format!(
                "error: cannot tell the format of {} (no front matter, no `## Status` section, no `- Status:` line); edit it by hand",
                dir.join("0004-notes.md").display()
            ),
        ),
    ];
    for (args, code, message) in cases {
        let mut all = vec!["adr", "link"];
        all.extend(args);
        let run = r.run(&all);
        assert_eq!(run.code, code, "{args:?}: {}", run.stderr);
        assert_eq!(run.stderr.trim_end(), message, "{args:?}");
        assert_eq!(snapshot(&r, "docs/decisions"), before, "{args:?}");
    }
    let run = r.run(&["adr", "link", "3", "1", "--kind", "follows"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr.trim_end(),
        "error: invalid value 'follows' for '--kind <KIND>' (see `tradeoffs adr link --help`)"
    );
}

/// The editor, in a pseudo-terminal (it is only opened when a user is at one).
mod editor {
    use std::io::Read as _;
    use std::path::Path;
    use std::sync::mpsc::channel;
    use std::time::{Duration, Instant};

    use portable_pty::{CommandBuilder, PtySize, native_pty_system};

    /// Generous: only fires on a hang.
    const WAIT: Duration = Duration::from_secs(60);

    /// Runs `tradeoffs adr new TITLE` in `dir` in a pty with `env`; returns the exit code and
    /// everything it printed.
    fn run_in_pty(dir: &Path, env: &[(&str, &str)]) -> (u32, String) {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols: 200,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let home = tempfile::tempdir().unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_tradeoffs"));
        cmd.cwd(dir);
        cmd.args(["adr", "new", "Use Kafka"]);
        cmd.env("TRADEOFFS_DATA_DIR", home.path().join("d"));
        cmd.env("TRADEOFFS_CONFIG_DIR", home.path().join("c"));
        cmd.env("TRADEOFFS_DATE", "2026-11-30");
        cmd.env_remove("ADR_DIRECTORY");
        cmd.env_remove("ADRS_CONFIG");
        cmd.env_remove("VISUAL");
        cmd.env_remove("EDITOR");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let mut child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut out = Vec::new();
            let mut buf = [0u8; 4096];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                out.extend_from_slice(&buf[..n]);
            }
            let _ = tx.send(out);
        });
        let deadline = Instant::now() + WAIT;
        let status = loop {
            if let Some(s) = child.try_wait().unwrap() {
                break s;
            }
            if Instant::now() > deadline {
                child.kill().unwrap();
                panic!("`adr new` did not end");
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        drop(pair.master);
        let out = rx.recv_timeout(WAIT).unwrap_or_default();
        (
            status.exit_code(),
            String::from_utf8_lossy(&out).replace("\r\n", "\n"),
        )
    }

    #[test]
    fn the_editor_opens_on_the_new_file_and_failures_keep_it() {
        let r = crate::log::Repo::fixture("adr-tools");
        // No index, so no note about it: the output is the path and the editor's messages.
        std::fs::remove_file(r.path("doc/adr/README.md")).unwrap();
        let file = "doc/adr/0005-use-kafka.md";
        // The editor gets the path: `touch` leaves a mark beside it.
        let script = r.path("editor.sh");
        std::fs::write(&script, "#!/bin/sh\necho \"edited $1\" > \"$1.seen\"\n").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
        let (code, out) = run_in_pty(r.dir.path(), &[("EDITOR", script.to_str().unwrap())]);
        assert_eq!(code, 0, "{out}");
        assert_eq!(out, format!("{file}\n"));
        assert_eq!(
            r.read(&format!("{file}.seen")),
            format!("edited {}\n", r.path(file).display())
        );
        std::fs::remove_file(r.path(&format!("{file}.seen"))).unwrap();
        std::fs::remove_file(r.path(file)).unwrap();

        let (code, out) = run_in_pty(
            r.dir.path(),
            &[("VISUAL", "false --wait"), ("EDITOR", "true")],
        );
        assert_eq!(code, 1, "{out}");
        assert_eq!(
            out,
            format!(
                "{file}\nerror: the editor \"false --wait\" ($VISUAL) exited with exit status: 1; the ADR was written and is kept: {file}\n"
            )
        );
        assert!(r.path(file).is_file());
        std::fs::remove_file(r.path(file)).unwrap();

        let (code, out) = run_in_pty(r.dir.path(), &[("EDITOR", "/no/such/editor")]);
        assert_eq!(code, 1, "{out}");
        assert_eq!(
            out,
            format!(
                "{file}\nerror: cannot start the editor \"/no/such/editor\" ($EDITOR): No such file or directory; the ADR was written and is kept: {file}\n"
            )
        );
        assert!(r.path(file).is_file());
        std::fs::remove_file(r.path(file)).unwrap();

        let (code, out) = run_in_pty(r.dir.path(), &[]);
        assert_eq!(code, 1, "{out}");
        assert_eq!(
            out,
            format!(
                "{file}\nerror: no editor to open {file}: set $VISUAL or $EDITOR, or pass --no-edit; the ADR was written and is kept\n"
            )
        );
        assert!(r.path(file).is_file());
    }
}

#[test]
fn ambiguous_unnumbered_and_read_only_adrs_are_refused_with_nothing_written() {
    // Two files with one number: the number names neither.
    let r = Repo::fixture("adr-tools");
    std::fs::write(
        r.path("doc/adr/0002-use-mariadb.md"),
        "# 2. Use MariaDB\n\nDate: 2025-03-05\n\n## Status\n\nProposed\n",
    )
    .unwrap();
    let run = r.run(&["adr", "status", "2", "accepted"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr.trim_end(),
        "error: ADR 2: 2 ADRs match (0002-use-mariadb.md, 0002-use-mysql-for-payments.md); rename one or pass the file name"
    );
    ok(&r.run(&["adr", "status", "0002-use-mariadb.md", "accepted"]));

    // `adrs` front matter links by number: a file without one cannot be its target.
    let r = Repo::fixture("adrs-ng");
    std::fs::write(
        r.path("doc/adr/20260101-notes.md"),
        "# Notes\n\n- Status: accepted\n- Date: 2026-01-01\n",
    )
    .unwrap();
    let before = snapshot(&r, "doc/adr");
    let run = r.run(&["adr", "link", "3", "20260101-notes.md"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr.trim_end(),
        "error: 20260101-notes.md has no number, and `adrs` front matter links by number; give it one first"
    );
    assert_eq!(snapshot(&r, "doc/adr"), before);

    // A read-only ADR is never half-linked.
    let r = Repo::fixture("adr-tools");
    let three = r.path("doc/adr/0003-use-postgresql-for-payments.md");
    let mut perms = std::fs::metadata(&three).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&three, perms).unwrap();
    let before = snapshot(&r, "doc/adr");
    let run = r.run(&["adr", "link", "4", "3", "--kind", "amends"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr.trim_end(),
        format!(
            "error: {} is read-only; make it writable (chmod u+w) so it can be updated, or leave it out; nothing was written",
            three.display()
        )
    );
    assert_eq!(snapshot(&r, "doc/adr"), before);
}

#[test]
fn new_adrs_read_as_the_peer_tools_read_them() {
    use crate::util::adr_formats;
    // A new directory in each format we write, and an `adrs` NextGen one.
    for (format, file) in [
        ("madr", "docs/decisions/0001-use-kafka.md"),
        ("nygard", "docs/decisions/0001-use-kafka.md"),
        ("log4brains", "docs/decisions/20261130-use-kafka.md"),
    ] {
        let r = Repo::empty();
        ok(&r.run(&[
            "adr",
            "new",
            "Use Kafka",
            "--no-edit",
            "--format",
            format,
            "--decider",
            "Ada",
        ]));
        let text = r.read(file);
        let seen = match format {
            "madr" => adr_formats::madr(&text),
            "nygard" => adr_formats::adr_tools(&text),
            _ => adr_formats::log4brains(&text),
        }
        .unwrap_or_else(|e| panic!("{format}: {e}\n{text}"));
        assert_eq!(
            seen.title.trim_start_matches("1. "),
            "Use Kafka",
            "{format}"
        );
        assert_eq!(seen.date, "2026-11-30");
        assert_eq!(seen.status.to_lowercase(), "proposed", "{format}");
    }
    let r = Repo::empty();
    std::fs::write(
        r.path("adrs.toml"),
        "adr_dir = \"doc/adr\"\nmode = \"ng\"\n",
    )
    .unwrap();
    ok(&r.run(&["adr", "new", "Use Kafka", "--no-edit", "--decider", "Ada"]));
    let seen = adr_formats::adrs_front_matter(&r.read("doc/adr/0001-use-kafka.md")).unwrap();
    assert_eq!((seen.number, seen.title.as_str()), (Some(1), "Use Kafka"));

    // Superseding in an adr-tools log: both files as adr-tools reads them.
    let r = Repo::fixture("adr-tools");
    ok(&r.run(&["adr", "new", "Use Kafka", "--no-edit", "--supersedes", "4"]));
    let new = adr_formats::adr_tools(&r.read("doc/adr/0005-use-kafka.md")).unwrap();
    assert_eq!(
        new.links,
        [(
            "Supercedes".to_string(),
            "0004-keep-decisions-short.md".to_string()
        )]
    );
    let old = adr_formats::adr_tools(&r.read("doc/adr/0004-keep-decisions-short.md")).unwrap();
    assert_eq!(
        old.status,
        "Superceded by [5. Use Kafka](0005-use-kafka.md)"
    );

    // log4brains: the new ADR's `## Links`, the old one's status.
    let r = Repo::fixture("log4brains");
    ok(&r.run(&[
        "adr",
        "new",
        "Use NATS",
        "--no-edit",
        "--supersedes",
        "20240520-use-kafka-for-pick-lists",
    ]));
    let new = adr_formats::log4brains(&r.read("docs/adr/20261130-use-nats.md")).unwrap();
    assert_eq!(
        new.links,
        [(
            "Supersedes".to_string(),
            "20240520-use-kafka-for-pick-lists.md".to_string()
        )]
    );
    let old =
        adr_formats::log4brains(&r.read("docs/adr/20240520-use-kafka-for-pick-lists.md")).unwrap();
    assert_eq!(
        old.status,
        "superseded by [20261130-use-nats](20261130-use-nats.md)"
    );
}
