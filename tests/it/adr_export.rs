//! `tradeoffs decide --export`: directory discovery, dialects, numbering, concurrency,
//! superseding, session exports and every error a user can hit, checked on real files with
//! readers that follow what adr-tools, adrs and log4brains expect.

use crate::util::{self, adr_formats};

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use tempfile::TempDir;

const DATE: &str = "2026-11-26";

fn fixtures() -> PathBuf {
    util::fixtures().join("valid")
}

/// A git repository in a temporary directory, with an isolated tradeoffs config.
struct Repo {
    dir: TempDir,
    home: TempDir,
}

impl Repo {
    fn new() -> Repo {
        let dir = TempDir::new().unwrap();
        let status = Command::new("git")
            .args(["init", "-q"])
            .current_dir(dir.path())
            .status()
            .unwrap();
        assert!(status.success());
        Repo {
            dir,
            home: TempDir::new().unwrap(),
        }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn cmd(&self) -> Command {
        let mut c = util::tradeoffs(
            &self.home.path().join("config"),
            &self.home.path().join("data"),
        );
        c.current_dir(self.path())
            .env("TRADEOFFS_DATE", DATE)
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .arg("--trees")
            .arg(fixtures());
        c
    }

    /// `decide --tree small --path P --export` plus extra arguments.
    fn export(&self, path: &str, extra: &[&str]) -> Output {
        self.cmd()
            .args(["decide", "--tree", "small", "--path", path, "--export"])
            .args(extra)
            .output()
            .unwrap()
    }

    fn write(&self, rel: &str, text: &str) {
        let p = self.path().join(rel);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, text).unwrap();
    }

    fn read(&self, rel: &str) -> String {
        fs::read_to_string(self.path().join(rel)).unwrap()
    }

    fn listing(&self, rel: &str) -> Vec<String> {
        let mut v: Vec<String> = fs::read_dir(self.path().join(rel))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The one path printed on stdout, checked to be inside `dir`.
fn written(o: &Output, dir: &Path) -> PathBuf {
    assert!(o.status.success(), "export failed: {}", stderr(o));
    let out = stdout(o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 1, "stdout must hold only the path: {out:?}");
    let p = PathBuf::from(lines[0]);
    assert_eq!(
        p.parent().unwrap(),
        dir,
        "written outside the ADR directory"
    );
    p
}

const NYGARD_0001: &str = "# 1. Record architecture decisions\n\nDate: 2026-01-02\n\n## Status\n\nAccepted\n\n## Context\n\nWe need to record the architectural decisions made on this project.\n\n## Decision\n\nWe will use Architecture Decision Records.\n\n## Consequences\n\nSee Michael Nygard's article.\n";

#[test]
fn new_repository_gets_madr_in_docs_decisions() {
    let repo = Repo::new();
    let o = repo.export("1,1", &["--decider", "Ann Example"]);
    let dir = repo.path().join("docs/decisions");
    let p = written(&o, &fs::canonicalize(&dir).unwrap_or(dir.clone()));
    assert_eq!(p.file_name().unwrap(), "0001-use-option-a.md");
    assert!(stderr(&o).contains("will be created"), "{}", stderr(&o));
    let text = fs::read_to_string(&p).unwrap();
    let seen = adr_formats::madr(&text).unwrap();
    assert_eq!(seen.title, "Use Option A");
    assert_eq!(seen.status, "proposed");
    assert_eq!(seen.date, DATE);
    assert!(text.contains("decision-makers: [\"Ann Example\"]"));
    assert!(text.contains("Chosen option: \"Option A\""));
    assert!(text.contains("- Option C: C is too slow. (ruled out by answer 1)"));
}

#[test]
fn adr_tools_directory_gets_nygard_numbered_after_existing() {
    let repo = Repo::new();
    repo.write(".adr-dir", "doc/architecture/decisions\n");
    repo.write(
        "doc/architecture/decisions/0001-record-architecture-decisions.md",
        NYGARD_0001,
    );
    // A file that does not parse still holds its number.
    repo.write("doc/architecture/decisions/0007-broken.md", "garbage\n");
    let sub = repo.path().join("src/deep");
    fs::create_dir_all(&sub).unwrap();
    let o = repo
        .cmd()
        .current_dir(&sub)
        .args([
            "decide",
            "--tree",
            "small",
            "--path",
            "1,1",
            "--export",
            "--title",
            "Pick A | B for #speed",
        ])
        .output()
        .unwrap();
    let dir = repo.path().join("doc/architecture/decisions");
    let p = written(&o, &dir);
    assert_eq!(p.file_name().unwrap(), "0008-pick-a-b-for-speed.md");
    let seen = adr_formats::adr_tools(&fs::read_to_string(&p).unwrap()).unwrap();
    assert_eq!(seen.number, Some(8));
    assert_eq!(seen.status, "Proposed");
    assert_eq!(seen.date, DATE);
    assert_eq!(seen.title, "Pick A \\| B for \\#speed");
}

#[test]
fn existing_madr_front_matter_with_number_means_adrs_front_matter() {
    let repo = Repo::new();
    // Quoted status, as MADR writes it: the new ADR copies the house's quoting (house_style.rs).
    repo.write(
        "doc/adr/0003-use-rust.md",
        "---\nnumber: 3\ntitle: Use Rust\ndate: 2026-01-01\nstatus: \"accepted\"\n---\n\n# Use Rust\n",
    );
    let dir = repo.path().join("doc/adr");
    let p = written(&repo.export("1,1", &[]), &dir);
    assert_eq!(p.file_name().unwrap(), "0004-use-option-a.md");
    let seen = adr_formats::adrs_front_matter(&fs::read_to_string(&p).unwrap()).unwrap();
    assert_eq!(seen.number, Some(4));
    assert_eq!(seen.title, "Use Option A");
}

#[test]
fn log4brains_folder_gets_dated_names_and_bullets() {
    let repo = Repo::new();
    repo.write(
        ".log4brains.yml",
        "---\nproject:\n  name: demo\n  adrFolder: ./docs/adr\n",
    );
    repo.write("docs/adr/template.md", "# Title\n\n- Status: draft\n");
    repo.write(
        "docs/adr/20260101-use-log4brains.md",
        "# Use Log4brains\n\n- Status: accepted\n- Date: 2026-01-01\n",
    );
    let dir = repo.path().join("docs/adr");
    let p = written(&repo.export("1,1", &["--status", "accepted"]), &dir);
    assert_eq!(p.file_name().unwrap(), "20261126-use-option-a.md");
    let seen = adr_formats::log4brains(&fs::read_to_string(&p).unwrap()).unwrap();
    assert_eq!(seen.title, "Use Option A");
    assert_eq!(seen.status, "accepted");
    // The same title again the same day gets a distinct name.
    let p2 = written(&repo.export("1,1", &[]), &dir);
    assert_eq!(p2.file_name().unwrap(), "20261126-use-option-a-2.md");
}

#[test]
fn adr_dir_flag_overrides_markers_and_format_picks_new_dialect() {
    let repo = Repo::new();
    repo.write(".adr-dir", "doc/adr\n");
    let o = repo.export("1,1", &["--adr-dir", "records", "--format", "log4brains"]);
    let p = written(&o, &repo.path().join("records"));
    adr_formats::log4brains(&fs::read_to_string(p).unwrap()).unwrap();
}

#[test]
fn eight_simultaneous_exports_get_eight_consecutive_numbers() {
    let repo = Repo::new();
    repo.write(
        "docs/decisions/0001-first.md",
        "---\nstatus: \"accepted\"\ndate: 2026-01-01\n---\n\n# First\n",
    );
    let titles: Vec<String> = (0..8)
        .map(|i| format!("Concurrent export {}", (b'a' + i) as char))
        .collect();
    let children: Vec<_> = titles
        .iter()
        .map(|t| {
            repo.cmd()
                .args([
                    "decide", "--tree", "small", "--path", "1,1", "--export", "--title", t,
                ])
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for c in children {
        let o = c.wait_with_output().unwrap();
        assert!(o.status.success(), "{}", stderr(&o));
    }
    let files = repo.listing("docs/decisions");
    assert_eq!(files.len(), 9, "{files:?}");
    let mut numbers: Vec<u32> = files.iter().map(|f| f[..4].parse().unwrap()).collect();
    numbers.sort();
    assert_eq!(numbers, (1..=9).collect::<Vec<_>>());
    for f in files.iter().filter(|f| f.contains("concurrent")) {
        let text = repo.read(&format!("docs/decisions/{f}"));
        let seen = adr_formats::madr(&text).unwrap();
        // Each file holds its own title, whole: nothing mixed or cut.
        assert_eq!(super_slug(&seen.title), f[5..f.len() - 3]);
        assert!(text.ends_with("replays the walk.\n"), "{f} is truncated");
    }
}

fn super_slug(title: &str) -> String {
    tradeoffs::adr::write::slug(title)
}

#[test]
fn supersedes_updates_a_nygard_adr_and_links_both_ways() {
    let repo = Repo::new();
    repo.write(".adr-dir", "doc/adr\n");
    repo.write("doc/adr/0001-record-architecture-decisions.md", NYGARD_0001);
    let dir = repo.path().join("doc/adr");
    let p = written(&repo.export("1,1", &["--supersedes", "1"]), &dir);
    let new = adr_formats::adr_tools(&fs::read_to_string(&p).unwrap()).unwrap();
    assert_eq!(
        new.links,
        vec![(
            "Supersedes".to_string(),
            "0001-record-architecture-decisions.md".to_string()
        )]
    );
    let old = adr_formats::adr_tools(&repo.read("doc/adr/0001-record-architecture-decisions.md"))
        .unwrap();
    assert_eq!(
        old.status,
        "Superseded by [2. Use Option A](0002-use-option-a.md)"
    );
    assert_eq!(
        old.links,
        vec![(
            "Superseded by".to_string(),
            "0002-use-option-a.md".to_string()
        )]
    );
    assert!(
        !repo
            .read("doc/adr/0001-record-architecture-decisions.md")
            .contains("\nAccepted\n")
    );
}

#[test]
fn supersedes_keeps_adr_tools_spelling_when_the_repository_uses_it() {
    let repo = Repo::new();
    repo.write(".adr-dir", "doc/adr\n");
    repo.write("doc/adr/0001-record-architecture-decisions.md", NYGARD_0001);
    repo.write(
        "doc/adr/0002-old.md",
        "# 2. Old\n\nDate: 2026-01-02\n\n## Status\n\nSuperceded by [3. Newer](0003-newer.md)\n",
    );
    repo.write("doc/adr/0003-newer.md", "# 3. Newer\n\nDate: 2026-01-03\n\n## Status\n\nAccepted\n\nSupercedes [2. Old](0002-old.md)\n");
    let p = written(
        &repo.export("1,1", &["--supersedes", "3"]),
        &repo.path().join("doc/adr"),
    );
    assert!(
        fs::read_to_string(p)
            .unwrap()
            .contains("\nSupercedes [3. Newer](0003-newer.md)\n")
    );
    assert!(
        repo.read("doc/adr/0003-newer.md")
            .contains("Superceded by [4. Use Option A](0004-use-option-a.md)")
    );
}

#[test]
fn supersedes_in_madr_and_log4brains() {
    let repo = Repo::new();
    repo.write(
        "docs/decisions/0001-first.md",
        "---\nstatus: \"accepted\"\ndate: 2026-01-01\n---\n\n# First\n",
    );
    written(
        &repo.export("1,1", &["--supersedes", "0001-first.md"]),
        &repo.path().join("docs/decisions"),
    );
    let old = adr_formats::madr_status(&repo.read("docs/decisions/0001-first.md"));
    assert_eq!(old, "\"superseded by ADR-0002\"");

    let l4b = Repo::new();
    l4b.write(".log4brains.yml", "project:\n  adrFolder: ./adr\n");
    l4b.write(
        "adr/20260101-first.md",
        "# First\n\n- Status: accepted\n- Date: 2026-01-01\n",
    );
    let p = written(
        &l4b.export("1,1", &["--supersedes", "20260101-first"]),
        &l4b.path().join("adr"),
    );
    let new = adr_formats::log4brains(&fs::read_to_string(p).unwrap()).unwrap();
    assert_eq!(
        new.links,
        vec![("Supersedes".to_string(), "20260101-first.md".to_string())]
    );
    let old = adr_formats::log4brains(&l4b.read("adr/20260101-first.md")).unwrap();
    assert_eq!(
        old.status,
        "superseded by [20261126-use-option-a](20261126-use-option-a.md)"
    );
}

#[test]
fn supersedes_an_unknown_or_ambiguous_adr_changes_nothing() {
    let repo = Repo::new();
    repo.write("doc/adr/0001-a.md", NYGARD_0001);
    repo.write("doc/adr/0001-b.md", NYGARD_0001);
    let before = repo.listing("doc/adr");
    let o = repo.export("1,1", &["--supersedes", "9"]);
    // Bad input, like every other bad flag value: exit status 2 (it was 1 before the error
    // kinds were typed).
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("--supersedes 9: no ADR with that number or name"),
        "{err}"
    );
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    let o = repo.export("1,1", &["--supersedes", "1"]);
    assert!(
        stderr(&o).contains("--supersedes 1: 2 ADRs match (0001-a.md, 0001-b.md)"),
        "{}",
        stderr(&o)
    );
    assert_eq!(repo.listing("doc/adr"), before);
    assert_eq!(repo.read("doc/adr/0001-a.md"), NYGARD_0001);
}

#[test]
fn a_session_with_two_decisions_exports_two_linked_adrs() {
    let repo = Repo::new();
    repo.write(".adr-dir", "doc/adr\n");
    let session = r#"{"format":1,"id":"s","decisions":[
        {"tree":"small","answers":[{"question":"q-first","answer":"Fast"},{"question":"q-second","answer":"One"}],
         "record":{"title":"Pick the fast one"}},
        {"tree":"small","answers":[{"question":"q-first","answer":"Cheap"},{"question":"q-second","answer":"Two"}],
         "record":{"title":"Pick the cheap one","status":"accepted"}}]}"#;
    repo.write("session.json", session);
    let o = repo
        .cmd()
        .args(["decide", "--answers", "session.json", "--export"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let names: Vec<&str> = out.lines().map(|l| l.rsplit('/').next().unwrap()).collect();
    assert_eq!(
        names,
        vec!["0001-pick-the-fast-one.md", "0002-pick-the-cheap-one.md"]
    );
    let first = adr_formats::adr_tools(&repo.read("doc/adr/0001-pick-the-fast-one.md")).unwrap();
    let second = adr_formats::adr_tools(&repo.read("doc/adr/0002-pick-the-cheap-one.md")).unwrap();
    assert_eq!(
        first.links,
        vec![(
            "Relates to".to_string(),
            "0002-pick-the-cheap-one.md".to_string()
        )]
    );
    assert_eq!(
        second.links,
        vec![(
            "Relates to".to_string(),
            "0001-pick-the-fast-one.md".to_string()
        )]
    );
    assert_eq!(second.status, "Accepted");
}

fn assert_one_line_error(o: &Output, expected: &str) {
    assert!(!o.status.success());
    let err = stderr(o);
    let lines: Vec<&str> = err.lines().filter(|l| !l.starts_with("warning:")).collect();
    assert_eq!(lines.len(), 1, "{err}");
    assert!(
        lines[0].contains(expected),
        "expected {expected:?} in {err:?}"
    );
}

#[test]
fn bad_titles_are_refused_before_anything_is_written() {
    let repo = Repo::new();
    for (title, msg) in [
        ("   ", "the ADR title is empty"),
        ("!!! ???", "has no letters or digits to make a file name"),
        ("Line one\nline two", "control characters"),
        ("Bell \u{7} here", "control characters"),
    ] {
        let o = repo.export("1,1", &["--title", title]);
        assert_eq!(o.status.code(), Some(2), "{title:?}");
        assert_one_line_error(&o, msg);
    }
    assert!(!repo.path().join("docs/decisions").exists());
    // `/` and `..` never leave the directory: the slug is a plain file name.
    let dir = repo.path().join("docs/decisions");
    let p = written(
        &repo.export("1,1", &["--title", "../../etc/Slash/Slash"]),
        &dir,
    );
    assert_eq!(p.file_name().unwrap(), "0001-etc-slash-slash.md");
}

#[test]
fn a_directory_that_cannot_be_created_is_a_clear_error() {
    let repo = Repo::new();
    repo.write("blocker", "a file, not a directory\n");
    let o = repo.export("1,1", &["--adr-dir", "blocker/adr"]);
    assert_one_line_error(&o, "cannot create the ADR directory");
    assert!(stderr(&o).contains("pass --adr-dir to choose another"));
}

/// A tmpfs mounted for one test (root only), unmounted on drop.
struct Mount(PathBuf);

impl Mount {
    fn tmpfs(at: &Path, opts: &str) -> Option<Mount> {
        fs::create_dir_all(at).unwrap();
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", opts, "tmpfs"])
            .arg(at)
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        ok.then(|| Mount(at.to_path_buf()))
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

#[test]
fn a_read_only_directory_is_a_clear_error_and_nothing_is_written() {
    let repo = Repo::new();
    let dir = repo.path().join("ro");
    // As root, permission bits do not stop writes: use a read-only mount. Otherwise chmod.
    let _mount = Mount::tmpfs(&dir, "ro,size=64k");
    if _mount.is_none() {
        fs::create_dir_all(&dir).unwrap();
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&dir, fs::Permissions::from_mode(0o555)).unwrap();
        if fs::write(dir.join("probe"), "x").is_ok() {
            panic!("cannot make a read-only directory here: not root and chmod is ignored");
        }
    }
    let o = repo.export("1,1", &["--adr-dir", "ro"]);
    assert_one_line_error(&o, "cannot write into");
    assert!(stderr(&o).contains("nothing was written"));
    assert!(fs::read_dir(&dir).unwrap().next().is_none());
}

#[test]
fn a_full_disk_leaves_no_half_written_file() {
    let repo = Repo::new();
    let dir = repo.path().join("full");
    let Some(_mount) = Mount::tmpfs(&dir, "size=16k") else {
        eprintln!("skipped: mounting a small tmpfs needs root");
        return;
    };
    // Fill the filesystem.
    let _ = fs::write(dir.join("filler.bin"), vec![0u8; 64 * 1024]);
    let o = repo.export("1,1", &["--adr-dir", "full"]);
    assert_one_line_error(&o, "nothing was written");
    let left: Vec<String> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(left, vec!["filler.bin".to_string()]);
}

#[test]
fn rendering_to_stdout_without_export_writes_nothing() {
    let repo = Repo::new();
    for (format, check) in [
        (
            "madr",
            adr_formats::madr as fn(&str) -> Result<adr_formats::Seen, String>,
        ),
        ("nygard", adr_formats::adr_tools),
        ("log4brains", adr_formats::log4brains),
    ] {
        let o = repo
            .cmd()
            .args([
                "decide", "--tree", "small", "--path", "1,1", "--format", format,
            ])
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", stderr(&o));
        check(&stdout(&o)).unwrap_or_else(|e| panic!("{format}: {e}"));
    }
    assert!(!repo.path().join("docs").exists());
}

#[test]
fn bad_status_date_and_export_format_are_refused() {
    let repo = Repo::new();
    assert_one_line_error(
        &repo.export("1,1", &["--status", "maybe"]),
        "--status maybe: use one of proposed, accepted, rejected, deprecated",
    );
    assert_one_line_error(
        &repo.export("1,1", &["--date", "26/11/2026"]),
        "--date 26/11/2026: use YYYY-MM-DD",
    );
    assert_one_line_error(
        &repo.export("1,1", &["--format", "json"]),
        "--export writes Markdown",
    );
}

#[test]
fn another_option_than_the_top_one_is_recorded_with_the_gap() {
    let repo = Repo::new();
    let dir = repo.path().join("docs/decisions");
    let p = written(&repo.export("1,1", &["--option", "sm.b"]), &dir);
    let text = fs::read_to_string(p).unwrap();
    adr_formats::madr(&text).unwrap();
    assert!(
        text.contains("Chosen option: \"Option B\", because"),
        "{text}"
    );
    assert!(
        text.contains("over the top-ranked option, Option A (score 8), which leads it by 1 point"),
        "{text}"
    );
    assert!(text.contains("2. Option B (score 7, chosen)"));
}

#[test]
fn quotes_colons_and_markdown_in_user_text_cannot_break_the_file() {
    let repo = Repo::new();
    let dir = repo.path().join("docs/decisions");
    let o = repo.export(
        "1,1",
        &[
            "--decider",
            "Ann \"The Hammer\": Lee",
            "--title",
            "Use A: the [fast] one | `now` #1",
            "--context=---\n# Not a heading\n* not a bullet: [x](y)\n1. not a list",
        ],
    );
    let text = fs::read_to_string(written(&o, &dir)).unwrap();
    let seen = adr_formats::madr(&text).unwrap();
    assert_eq!(seen.title, "Use A: the \\[fast\\] one \\| `now` \\#1");
    assert!(
        text.contains("decision-makers: [\"Ann \\\"The Hammer\\\": Lee\"]"),
        "{text}"
    );
    // The context stays paragraphs of text: no new heading, rule or list item appears.
    assert!(text.contains("\n\\---\n\n\\# Not a heading\n"), "{text}");
    assert!(text.contains("\n\\* not a bullet: \\[x\\](y)\n"), "{text}");
    assert!(text.contains("\n1\\. not a list\n"), "{text}");
    assert_eq!(text.matches("\n# ").count(), 1, "one H1 only");
}

/// Exports decision `path` of the small tree through the library, with `related` files.
fn export_related(repo: &Repo, path: &[usize], title: &str, related: Vec<PathBuf>) -> PathBuf {
    use tradeoffs::{adr, report, session, tradeoff, tree};
    let source = tree::Source::read(&fixtures().join("small.json")).unwrap();
    let (catalog, problems) = tree::Catalog::build(vec![source], 0);
    assert!(problems.is_empty());
    let graph = tradeoff::TradeoffGraph::build(&catalog);
    let t = catalog.get("small").unwrap();
    let mut decision = session::Decision::new("small");
    for &a in path {
        decision.answer(t, a).unwrap();
    }
    let mut s = session::Session::new("s", 0);
    s.decisions.push(decision);
    let r = report::build(&catalog, &graph, &s, 0).unwrap();
    let mut meta = adr::RecordMeta::for_decision_in(&r, &s.decisions[0].record, None).unwrap();
    meta.title = title.into();
    meta.date = DATE.into();
    meta.related = related;
    let target = adr::locate(repo.path(), None, None).unwrap();
    adr::export(&r, &meta, &target).unwrap().written.remove(0)
}

#[test]
fn a_later_export_of_the_session_links_back_from_the_earlier_adr() {
    type Check = fn(&str) -> Result<adr_formats::Seen, String>;
    let setups: [(&str, &str, Check); 3] = [
        (".adr-dir", "doc/adr\n", adr_formats::adr_tools),
        (
            ".madrrc.json",
            "{\"madrDirectory\": \"docs/decisions\"}",
            adr_formats::madr,
        ),
        (
            ".log4brains.yml",
            "project:\n  adrFolder: ./adr\n",
            adr_formats::log4brains,
        ),
    ];
    for (marker, content, check) in setups {
        let repo = Repo::new();
        repo.write(marker, content);
        let first = export_related(&repo, &[0, 0], "First decision", Vec::new());
        let second = export_related(&repo, &[1, 1], "Second decision", vec![first.clone()]);
        let first_text = fs::read_to_string(&first).unwrap();
        let second_text = fs::read_to_string(&second).unwrap();
        let second_name = second.file_name().unwrap().to_string_lossy().into_owned();
        let first_name = first.file_name().unwrap().to_string_lossy().into_owned();
        assert!(
            first_text.contains(&format!("]({second_name})")),
            "{marker}: {first_text}"
        );
        assert!(
            second_text.contains(&format!("]({first_name})")),
            "{marker}: {second_text}"
        );
        // Both still read correctly in their tool; Nygard and log4brains see the link itself.
        let seen = check(&first_text).unwrap_or_else(|e| panic!("{marker}: {e}"));
        if marker != ".madrrc.json" {
            assert_eq!(
                seen.links,
                vec![("Relates to".to_string(), second_name.clone())],
                "{marker}"
            );
        }
        // A second export of the same link is not duplicated.
        assert_eq!(first_text.matches(&format!("]({second_name})")).count(), 1);
    }
}

#[test]
fn a_walk_that_rules_every_option_out_is_not_recorded() {
    let repo = Repo::new();
    let narrow = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/narrow");
    let run = |extra: &[&str]| {
        repo.cmd()
            .arg("--trees")
            .arg(&narrow)
            .args(["decide", "--tree", "narrow", "--path", "2,2"])
            .args(extra)
            .output()
            .unwrap()
    };
    let text = run(&[]);
    assert!(text.status.success(), "{}", stderr(&text));
    assert!(stdout(&text).contains("No option is in play: the answers ruled every option out"));
    let json: serde_json::Value =
        serde_json::from_slice(&run(&["--format", "json"]).stdout).unwrap();
    assert_eq!(json["chosen"], serde_json::Value::Null);
    assert_eq!(json["sensitivity"]["kind"], "none");
    for extra in [&["--export"][..], &["--format", "madr"][..]] {
        let o = run(extra);
        assert_eq!(o.status.code(), Some(2));
        assert_one_line_error(&o, "no option is in play for tree \"narrow\"");
    }
    assert!(!repo.path().join("docs").exists());
}

#[test]
fn a_bad_status_in_a_session_is_bad_input_whether_printed_or_exported() {
    let repo = Repo::new();
    let session = r#"{"format":1,"id":"s","decisions":[
        {"tree":"small","answers":[{"question":"q-first","answer":"Fast"},{"question":"q-second","answer":"One"}],
         "record":{"status":"bogus"}}]}"#;
    repo.write("session.json", session);
    for extra in [&["--format", "madr"][..], &["--export"][..]] {
        let o = repo
            .cmd()
            .args(["decide", "--answers", "session.json"])
            .args(extra)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2), "{extra:?}: {}", stderr(&o));
        assert_eq!(
            stderr(&o).trim(),
            "error: session.json: decision 1 (tree \"small\"): the record status \"bogus\" is not one of proposed, accepted, rejected, deprecated",
            "{extra:?}"
        );
    }
    assert!(!repo.path().join("docs").exists());
}

/// The ADR says what decided a tie: here the user's top priority, on a tree that puts
/// priorities before its own order (which prefers B).
#[test]
fn an_exported_adr_says_how_a_tie_was_decided() {
    let repo = Repo::new();
    let o = util::tradeoffs(
        &repo.home.path().join("config"),
        &repo.home.path().join("data"),
    )
    .current_dir(repo.path())
    .env("TRADEOFFS_DATE", DATE)
    .env("GIT_CONFIG_GLOBAL", "/dev/null")
    .env("GIT_CONFIG_NOSYSTEM", "1")
    .arg("--trees")
    .arg(util::fixtures().join("format2").join("priorities.json"))
    .args([
        "decide",
        "--tree",
        "prio",
        "--path",
        "2,1",
        "--weight",
        "sm.speed=4",
        "--export",
    ])
    .output()
    .unwrap();
    let dir = repo.path().join("docs/decisions");
    let p = written(&o, &fs::canonicalize(&dir).unwrap_or(dir.clone()));
    let text = fs::read_to_string(&p).unwrap();
    assert!(text.contains("Chosen option: \"Option A\""), "{text}");
    assert!(
        text.contains(
            "Tie: Option A and Option B tied at 6; decided by your top priorities (Speed, weight 4: +8 vs +4)."
        ),
        "{text}"
    );
}
