//! `tradeoffs lint`: each rule with a failing and a passing fixture
//! (`tests/fixtures/logs/rules/<rule>/{fail,pass}`), clean logs of every tool's shape, JSON
//! output, and the git rules on a repository with two branches that both add an ADR.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

use crate::log::Repo;
use crate::util;

/// Lints a rule's fixture (its ADR directory is the fixture itself, or `adr/` in it).
fn lint_rule(rule: &str, kind: &str) -> crate::log::Run {
    let r = Repo::fixture(&format!("rules/{rule}/{kind}"));
    let dir = if r.path("adr").is_dir() { "adr" } else { "." };
    r.run(&["lint", "--adr-dir", dir])
}

#[test]
fn each_rule_fails_its_failing_fixture_and_passes_its_passing_one() {
    let cases = [
        (
            "unparseable",
            "0002-queue-notes.md:1: unparseable: not readable as an ADR: it has no title (no `# Title` line and no `title:` in front matter); ADR tools skip such files and may reuse its number\n",
        ),
        (
            "duplicate-number",
            "0002-use-sqs.md:1: duplicate-number: number 0002 is also used by 0002-use-sns.md; renumber one of them (the next free number is 0003)\n",
        ),
        (
            "gap",
            "0004-use-sns.md:1: gap: no ADRs are numbered 0002 to 0003 (the log goes from 0001 to 0004); restore the missing record (a rejected decision is still a record)\n",
        ),
        (
            "unknown-status",
            "0001-use-queues.md:7: unknown-status: status \"Approved\" is not one of draft, proposed, accepted, rejected, deprecated, superseded; pass --allow-status \"approved\" if your team uses it\n",
        ),
        (
            "broken-link",
            "adr/0001-use-queues.md:9: broken-link: the link target 0002-use-sqs-queues.md does not exist\n\
             adr/0002-use-sqs.md:15: broken-link: the link target ../design/api.md does not exist\n",
        ),
        (
            "one-sided-supersede",
            "0002-use-streams.md:9: one-sided-supersede: supersedes 0001-use-queues.md, but its status is \"Accepted\", not superseded; mark it superseded by 0002-use-streams.md\n",
        ),
        (
            "stale-index",
            "README.md:3: stale-index: the index does not list 0002-use-sqs.md; run `tradeoffs log index`\n",
        ),
    ];
    for (rule, expected) in cases {
        let fail = lint_rule(rule, "fail");
        assert_eq!(fail.code, 1, "{rule}: {}", fail.stderr);
        assert_eq!(fail.stdout, expected, "{rule}");
        assert_eq!(fail.stderr, "", "{rule}");
        let pass = lint_rule(rule, "pass");
        assert_eq!(pass.code, 0, "{rule} passing fixture: {}", pass.stdout);
        assert_eq!(pass.stdout, "", "{rule}");
    }
}

/// "Accepted" left beside adr-tools' "Superceded by" link: both ADRs link to each other, so
/// `one-sided-supersede` has nothing to say (the status reads superseded; no rule fires on the
/// leftover word). Without the link back, it names the side that says it, as for any
/// superseded ADR.
#[test]
fn accepted_beside_superceded_by_is_not_one_sided() {
    let r = Repo::fixture("hand-edited");
    let run = r.run(&["lint"]);
    assert_eq!((run.code, run.stdout.as_str()), (0, ""), "{}", run.stderr);
    let new = "doc/adr/0003-use-postgresql-for-payments.md";
    std::fs::write(
        r.path(new),
        r.read(new).replace(
            "Supercedes [2. Use MySQL for payments](0002-use-mysql-for-payments.md)\n\n",
            "",
        ),
    )
    .unwrap();
    let run = r.run(&["lint"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stdout,
        "doc/adr/0002-use-mysql-for-payments.md:9: one-sided-supersede: says it is superseded by 0003-use-postgresql-for-payments.md, which does not link back; add \"Supersedes\" with a link to 0002-use-mysql-for-payments.md there\n"
    );
}

#[test]
fn a_status_the_team_uses_can_be_allowed() {
    let r = Repo::fixture("rules/unknown-status/fail");
    let run = r.run(&["lint", "--adr-dir", ".", "--allow-status", "Approved"]);
    assert_eq!((run.code, run.stdout.as_str()), (0, ""));
}

#[test]
fn logs_as_each_tool_writes_them_are_clean() {
    for shape in [
        "adr-tools",
        "adrs",
        "adrs-ng",
        "madr",
        "log4brains",
        "mixed",
        "hand-edited",
    ] {
        let r = Repo::fixture(shape);
        let run = r.run(&["lint"]);
        assert_eq!(run.code, 0, "{shape}:\n{}{}", run.stdout, run.stderr);
        assert_eq!(run.stdout, "", "{shape}");
        // An index written by `log index` stays clean.
        r.run(&["log", "index"]);
        let after = r.run(&["lint"]);
        assert_eq!(after.code, 0, "{shape} after log index:\n{}", after.stdout);
    }
}

#[test]
fn a_managed_index_that_is_out_of_date_is_reported() {
    let r = Repo::fixture("adr-tools");
    r.run(&["log", "index"]);
    let adr = r.read("doc/adr/0004-keep-decisions-short.md");
    std::fs::write(
        r.path("doc/adr/0004-keep-decisions-short.md"),
        adr.replace("# 4. Keep decisions short", "# 4. Keep decisions shorter"),
    )
    .unwrap();
    let run = r.run(&["lint"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stdout,
        "doc/adr/README.md:3: stale-index: the index is out of date (a title, status or order changed); run `tradeoffs log index`\n"
    );
}

#[test]
fn lint_json_lists_the_findings() {
    let r = Repo::fixture("rules/duplicate-number/fail");
    let run = r.run(&["lint", "--adr-dir", ".", "--json"]);
    assert_eq!(run.code, 1);
    let v: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(
        v,
        serde_json::json!([{
            "path": "0002-use-sqs.md",
            "line": 1,
            "rule": "duplicate-number",
            "message": "number 0002 is also used by 0002-use-sns.md; renumber one of them (the next free number is 0003)",
        }])
    );
    let clean =
        Repo::fixture("rules/duplicate-number/pass").run(&["lint", "--adr-dir", ".", "--json"]);
    assert_eq!((clean.code, clean.stdout.as_str()), (0, "[]\n"));
}

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .current_dir(dir)
        .args(["-c", "user.name=T", "-c", "user.email=t@example.com"])
        .args([
            "-c",
            "init.defaultBranch=main",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn nygard(n: u32, title: &str) -> String {
    format!("# {n}. {title}\n\nDate: 2026-01-0{n}\n\n## Status\n\nAccepted\n\n## Context\n\nWhy.\n")
}

/// Two branches that both add ADR 0002: the next export on one skips the number the other
/// used, and lint names the clash. Nothing is checked out to read the other branch.
#[test]
fn numbers_taken_on_other_branches_are_skipped_and_reported() {
    let r = Repo::empty();
    let root = r.dir.path();
    git(root, &["init", "-q"]);
    std::fs::write(root.join(".adr-dir"), "doc/adr\n").unwrap();
    std::fs::create_dir_all(root.join("doc/adr")).unwrap();
    std::fs::write(
        root.join("doc/adr/0001-record-decisions.md"),
        nygard(1, "Record decisions"),
    )
    .unwrap();
    git(root, &["add", "-A"]);
    git(root, &["commit", "-qm", "first"]);
    git(root, &["checkout", "-qb", "feature-queues"]);
    std::fs::write(
        root.join("doc/adr/0002-use-queues.md"),
        nygard(2, "Use queues"),
    )
    .unwrap();
    git(root, &["add", "-A"]);
    git(root, &["commit", "-qm", "queues"]);
    git(root, &["checkout", "-q", "main"]);
    std::fs::write(
        root.join("doc/adr/0002-use-streams.md"),
        nygard(2, "Use streams"),
    )
    .unwrap();
    git(root, &["add", "-A"]);
    git(root, &["commit", "-qm", "streams"]);

    let run = r.run(&["lint"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "doc/adr/0002-use-streams.md:1: number-on-branch: number 0002 is also taken by 0002-use-queues.md on branch feature-queues; renumber one of them before merging (the next free number is 0003)\n"
    );
    assert_eq!(r.run(&["lint", "--no-branches"]).code, 0);

    // Renaming the ADR here (not yet committed) is no clash with the checked-out branch.
    std::fs::rename(
        root.join("doc/adr/0002-use-streams.md"),
        root.join("doc/adr/0002-use-event-streams.md"),
    )
    .unwrap();
    let run = r.run(&["lint"]);
    assert_eq!(run.stdout.lines().count(), 1, "{}", run.stdout);
    assert!(
        run.stdout
            .contains("0002-use-queues.md on branch feature-queues")
    );
    std::fs::rename(
        root.join("doc/adr/0002-use-event-streams.md"),
        root.join("doc/adr/0002-use-streams.md"),
    )
    .unwrap();

    // Without git on the PATH, the directory alone counts: nothing to report, no error.
    let no_git = util::tradeoffs(&root.join(".h/c"), &root.join(".h/d"))
        .current_dir(root)
        .env("PATH", root.join(".h/empty"))
        .arg("lint")
        .output()
        .unwrap();
    assert_eq!(no_git.status.code(), Some(0));
    assert!(no_git.stdout.is_empty() && no_git.stderr.is_empty());

    // The export on main takes 0003: 0002 is used here and on the other branch.
    let out = util::tradeoffs(&root.join(".h/c"), &root.join(".h/d"))
        .current_dir(root)
        .env("TRADEOFFS_DATE", "2026-11-30")
        .arg("--trees")
        .arg(util::fixtures().join("valid"))
        .args(["decide", "--tree", "small", "--path", "1,1", "--export"])
        .args(["--decider", "T", "--title", "Use a broker"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(root.join("doc/adr/0003-use-a-broker.md").is_file());

    // On the feature branch, a second ADR skips both 0002 and the 0003 committed on main.
    git(root, &["add", "-A"]);
    git(root, &["commit", "-qm", "broker"]);
    git(root, &["checkout", "-q", "feature-queues"]);
    let out = util::tradeoffs(&root.join(".h/c"), &root.join(".h/d"))
        .current_dir(root)
        .arg("--trees")
        .arg(util::fixtures().join("valid"))
        .args(["decide", "--tree", "small", "--path", "1,1", "--export"])
        .args(["--decider", "T", "--title", "Use dead letters"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(root.join("doc/adr/0004-use-dead-letters.md").is_file());
    // The gap 0003 is not reported on this branch: main holds it.
    let run = r.run(&["lint"]);
    assert!(!run.stdout.contains(": gap:"), "{}", run.stdout);
}

/// What tradeoffs itself writes (an export, then one superseding it) is a clean log in every
/// dialect and detail, and `log` shows the chain.
#[test]
fn exports_and_supersedes_written_by_tradeoffs_lint_clean() {
    for format in ["madr", "nygard", "log4brains"] {
        for detail in ["short", "full"] {
            let r = Repo::empty();
            let export = |extra: &[&str]| {
                let out = util::tradeoffs(&r.path(".h/c"), &r.path(".h/d"))
                    .current_dir(r.dir.path())
                    .env("TRADEOFFS_DATE", "2026-11-30")
                    .arg("--trees")
                    .arg(util::fixtures().join("valid"))
                    .args([
                        "decide", "--tree", "small", "--path", "1,1", "--export", "--new",
                    ])
                    .args(["--adr-dir", "adr", "--format", format, "--detail", detail])
                    .args(["--decider", "T"])
                    .args(extra)
                    .output()
                    .unwrap();
                assert!(
                    out.status.success(),
                    "{}",
                    String::from_utf8_lossy(&out.stderr)
                );
                String::from_utf8(out.stdout).unwrap()
            };
            let first = export(&[]);
            let stem = Path::new(first.lines().last().unwrap().trim())
                .file_stem()
                .unwrap()
                .to_string_lossy()
                .into_owned();
            export(&["--supersedes", &stem, "--title", "Second thoughts"]);
            let run = r.run(&["lint", "--adr-dir", "adr"]);
            assert_eq!(run.code, 0, "{format} {detail}:\n{}", run.stdout);
            let log = r.run(&["log", "--adr-dir", "adr"]);
            assert!(
                log.stdout.contains(" → superseded by "),
                "{format} {detail}:\n{}",
                log.stdout
            );
        }
    }
}
