//! Golden files: each shipped tree, walked along a fixed path, rendered in each dialect with a
//! fixed date and decider, must match `tests/golden/` byte for byte. A change to the trees or
//! the renderers shows up here as a reviewable diff. Regenerate with
//! `UPDATE_GOLDEN=1 cargo test --test it adr_golden` and read the diff before committing.

use crate::util::{self, adr_formats};

use std::path::Path;

/// (tree, path) walks that reach an outcome through several questions.
const WALKS: &[(&str, &str)] = &[
    ("data-store", "6,1,1,1,1,1,1,1,1,1"),
    ("security-identity", "1+3,1,1,1,1,1,1,1,1"),
    ("data-caching", "1,1,1,1,1,1,1,1,1"),
];

/// (format, detail): every dialect short, the Markdown dialects also in full, and the JSON.
const VARIANTS: &[(&str, &str)] = &[
    ("madr", "short"),
    ("nygard", "short"),
    ("log4brains", "short"),
    ("madr", "full"),
    ("nygard", "full"),
    ("log4brains", "full"),
    ("json", "short"),
];

fn render(tree: &str, path: &str, format: &str) -> String {
    render_detail(tree, path, format, "short")
}

fn render_detail(tree: &str, path: &str, format: &str, detail: &str) -> String {
    let empty = tempfile::TempDir::new().unwrap();
    let out = util::tradeoffs(&empty.path().join("config"), &empty.path().join("data"))
        .current_dir(empty.path())
        .env("TRADEOFFS_DATE", "2026-11-26")
        .args(["decide", "--tree", tree, "--path", path, "--format", format])
        .args(["--detail", detail])
        .args(["--decider", "Golden Tester", "--adr-dir", "adr"])
        .args([
            "--context",
            "Golden context: the checkout service | needs #care.",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{tree} {format}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn rendered_adrs_match_the_golden_files() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut mismatched = Vec::new();
    for (tree, path) in WALKS {
        for (dialect, detail) in VARIANTS {
            let got = render_detail(tree, path, dialect, detail);
            let file = match (*dialect, *detail) {
                ("json", _) => dir.join(format!("{tree}.json.json")),
                (_, "short") => dir.join(format!("{tree}.{dialect}.md")),
                _ => dir.join(format!("{tree}.{dialect}.{detail}.md")),
            };
            if update {
                std::fs::create_dir_all(&dir).unwrap();
                std::fs::write(&file, &got).unwrap();
                continue;
            }
            let want = std::fs::read_to_string(&file)
                .unwrap_or_else(|e| panic!("{}: {e}; run with UPDATE_GOLDEN=1", file.display()));
            if got != want {
                mismatched.push(file.display().to_string());
            }
        }
    }
    assert!(
        mismatched.is_empty(),
        "rendered ADRs differ from {mismatched:?}; run UPDATE_GOLDEN=1 cargo test --test it adr_golden and review the diff"
    );
}

#[test]
fn golden_renderings_read_correctly_in_every_tool() {
    for (tree, path) in WALKS {
        let madr = adr_formats::madr(&render(tree, path, "madr")).unwrap();
        assert_eq!(madr.status, "proposed");
        let nygard = adr_formats::adr_tools(&render(tree, path, "nygard")).unwrap();
        assert_eq!(nygard.number, Some(1));
        assert_eq!(nygard.title, madr.title, "{tree}");
        let l4b = adr_formats::log4brains(&render(tree, path, "log4brains")).unwrap();
        assert_eq!(l4b.title, madr.title);
        assert_eq!(l4b.date, "2026-11-26");
        let json: serde_json::Value = serde_json::from_str(&render(tree, path, "json")).unwrap();
        assert_eq!(json["tree"], *tree);
        assert_eq!(json["chosen"], json["top"]);
    }
}
