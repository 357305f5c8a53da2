//! Exported ADRs pass `markdownlint-cli2` with its default rules except line length (MD013),
//! in every dialect, short and full, including files rewritten by a supersede and ADRs that
//! name a conflict with an accepted ADR (and all of them end with the decision-data comment). CI installs the
//! linter (`.ci/run`); without it this test says so and passes only outside CI.

use crate::util;

use std::path::Path;
use std::process::Command;

use tempfile::TempDir;

fn linter() -> Option<&'static str> {
    // It exits 2 after printing its help; what matters is that it runs at all.
    let found = Command::new("markdownlint-cli2")
        .arg("--help")
        .output()
        .is_ok_and(|o| !o.stdout.is_empty() || !o.stderr.is_empty());
    found.then_some("markdownlint-cli2")
}

/// Two exports into a fresh repository in `format`, the second superseding the first.
fn export_pair(root: &Path, format: &str, detail: &str) {
    let repo = root.join(format!("{format}-{detail}"));
    std::fs::create_dir_all(&repo).unwrap();
    let home = root.join(format!("home-{format}-{detail}"));
    let run = |extra: &[&str]| {
        let out = util::tradeoffs(&home.join("config"), &home.join("data"))
            .current_dir(&repo)
            .env("TRADEOFFS_DATE", "2026-11-26")
            .arg("--trees")
            .arg(util::fixtures().join("valid"))
            .args(["decide", "--tree", "small", "--path", "1,1", "--export"])
            .args(["--adr-dir", "adr", "--format", format, "--detail", detail])
            .args(["--decider", "Lint Tester"])
            .args(extra)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let first = run(&[]);
    let name = Path::new(first.trim())
        .file_stem()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    run(&[
        "--supersedes",
        &name,
        "--title",
        "Second thoughts",
        "--status",
        "accepted",
    ]);
    // A decision that conflicts with the accepted one: its ADR links to it.
    let out = util::tradeoffs(&home.join("config"), &home.join("data"))
        .current_dir(&repo)
        .env("TRADEOFFS_DATE", "2026-11-26")
        .arg("--trees")
        .arg(util::fixtures().join("valid"))
        .args(["decide", "--tree", "other", "--path", "1", "--export"])
        .args(["--adr-dir", "adr", "--detail", detail])
        .args(["--decider", "Lint Tester"])
        .output()
        .unwrap();
    assert!(
        out.status.success() && String::from_utf8_lossy(&out.stderr).contains("conflict"),
        "{format}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn exported_adrs_pass_markdownlint_except_line_length() {
    let Some(lint) = linter() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must install markdownlint-cli2 (npm install -g markdownlint-cli2)"
        );
        eprintln!("markdownlint-cli2 not installed: skipped outside CI");
        return;
    };
    let root = TempDir::new().unwrap();
    for format in ["madr", "nygard", "log4brains"] {
        for detail in ["short", "full"] {
            export_pair(root.path(), format, detail);
        }
    }
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    for e in std::fs::read_dir(&golden).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "md") {
            std::fs::copy(&p, root.path().join(p.file_name().unwrap())).unwrap();
        }
    }
    std::fs::write(
        root.path().join(".markdownlint-cli2.jsonc"),
        r#"{ "config": { "MD013": false } }"#,
    )
    .unwrap();
    let out = Command::new(lint)
        .arg("**/*.md")
        .current_dir(root.path())
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "markdownlint found problems:\n{text}");
    assert!(text.contains("0 error(s)"), "{text}");
}
