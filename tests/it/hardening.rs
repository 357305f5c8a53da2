//! Hostile input and faults (issue 11, reviews/hostile.md): a tree with terminal escape
//! payloads in every text field run through every CLI command, files that are not tree files,
//! numbering at its limits, sessions that lie, broken pipes. Each test asserts the exact
//! message a user sees.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;
use tempfile::TempDir;

use crate::util::{self, fixtures};

/// OSC 52 (clipboard write), OSC 0 (title), OSC 8 (link), CSI (clear, cursor), C1 CSI and C1
/// OSC, BEL, and a bidi override.
pub(crate) const PAYLOAD: &str = "\u{1b}]52;c;SGVsbG8=\u{7}\u{1b}]0;pwned\u{7}\u{1b}]8;;http://evil\u{1b}\\x\u{1b}]8;;\u{1b}\\\u{1b}[2J\u{1b}[7777D\u{9b}31m\u{9d}0;t\u{9c}\u{7}\u{202e}";

fn small() -> Value {
    serde_json::from_str(&std::fs::read_to_string(fixtures().join("valid/small.json")).unwrap())
        .unwrap()
}

/// Appends the payload to every string under `v` whose key is not an id or reference.
fn poison(v: &mut Value, key: &str) {
    const KEEP: &[&str] = &[
        "id",
        "namespace",
        "root",
        "next",
        "criterion",
        "option",
        "target",
        "kind",
        "op",
        "url",
        "source",
        "options",
        "order",
    ];
    match v {
        Value::String(s) if !KEEP.contains(&key) => s.push_str(PAYLOAD),
        Value::Array(a) => a.iter_mut().for_each(|x| poison(x, key)),
        Value::Object(o) => {
            for (k, x) in o.iter_mut() {
                if k == "impacts" {
                    // Keys are criterion ids; only the rationales are text.
                    for r in x.as_object_mut().unwrap().values_mut() {
                        poison(r, "impact");
                    }
                } else {
                    poison(x, k);
                }
            }
        }
        _ => {}
    }
}

/// The hostile tree: the small fixture with the payload in every text field.
pub(crate) fn hostile_tree(dir: &Path) -> PathBuf {
    let mut t = small();
    poison(&mut t, "");
    t["id"] = "hostile".into();
    t["source"] = format!("Fixture{PAYLOAD}").into();
    let path = dir.join("hostile.json");
    std::fs::write(&path, serde_json::to_string_pretty(&t).unwrap()).unwrap();
    path
}

struct Run {
    code: i32,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
}

impl Run {
    fn out(&self) -> String {
        String::from_utf8_lossy(&self.stdout).into_owned()
    }
    fn err(&self) -> String {
        String::from_utf8_lossy(&self.stderr).into_owned()
    }
}

struct Env {
    config: TempDir,
    data: TempDir,
    repo: TempDir,
}

impl Env {
    fn new() -> Env {
        let repo = TempDir::new().unwrap();
        std::fs::create_dir(repo.path().join(".git")).unwrap();
        Env {
            config: TempDir::new().unwrap(),
            data: TempDir::new().unwrap(),
            repo,
        }
    }

    fn cmd(&self, args: &[&str]) -> Command {
        let mut c = util::tradeoffs(self.config.path(), self.data.path());
        c.args(args)
            .current_dir(self.repo.path())
            .env("TRADEOFFS_DATE", "2026-01-02")
            .stdin(Stdio::null());
        c
    }

    fn run(&self, args: &[&str]) -> Run {
        let out = self.cmd(args).output().unwrap();
        Run {
            code: out.status.code().expect("exited, not killed"),
            stdout: out.stdout,
            stderr: out.stderr,
        }
    }
}

/// ESC, BEL, C1 controls (U+0080..U+009F) or bidi controls in a byte string.
fn raw_controls(bytes: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(bytes);
    text.char_indices()
        .filter(|&(_, c)| {
            c == '\u{1b}'
                || c == '\u{7}'
                || ('\u{80}'..='\u{9f}').contains(&c)
                || tradeoffs::text::is_invisible_format(c)
        })
        .map(|(i, c)| format!("U+{:04X} at {i}", c as u32))
        .collect()
}

fn assert_clean(what: &str, r: &Run) {
    let out = raw_controls(&r.stdout);
    let err = raw_controls(&r.stderr);
    assert!(
        out.is_empty() && err.is_empty(),
        "{what}: raw controls on stdout {out:?} / stderr {err:?}\n{}\n{}",
        r.out(),
        r.err()
    );
}

fn headings(text: &str) -> Vec<String> {
    text.lines()
        .filter(|l| l.starts_with('#'))
        .map(|l| l.split_whitespace().next().unwrap_or("").to_string())
        .collect()
}

#[test]
fn no_escape_from_a_hostile_tree_reaches_the_terminal_or_the_adr() {
    let env = Env::new();
    let file = hostile_tree(env.config.path());
    let f = file.display().to_string();
    let t = ["--trees", f.as_str()];
    let with = |rest: &[&str]| -> Vec<String> {
        t.iter()
            .chain(rest.iter())
            .map(|s| (*s).to_string())
            .collect()
    };
    let mut commands: Vec<Vec<String>> = vec![
        vec!["trees".into(), "validate".into(), f.clone()],
        with(&["trees", "list"]),
        with(&["trees", "list", "--json"]),
        with(&["trees", "show", "hostile"]),
        with(&["trees", "show", "hostile", "--format", "dot"]),
        with(&["trees", "show", "hostile", "--format", "mermaid"]),
        with(&["trees", "analyze", "hostile"]),
        with(&["trees", "analyze", "hostile", "--json"]),
        with(&["decide", "--tree", "hostile", "--path", "1,9"]),
        with(&["decide", "--tree", "hostile", "--path", "1,1,1"]),
        with(&["decide", "--tree", "hostile", "--path", "1"]),
        with(&[
            "decide", "--tree", "hostile", "--path", "1,1", "--weight", "x=1",
        ]),
        with(&[
            "decide", "--tree", "hostile", "--path", "1,2", "--option", "sm.a",
        ]),
    ];
    for format in ["text", "json", "madr", "nygard", "log4brains"] {
        commands.push(with(&[
            "decide", "--tree", "hostile", "--path", "1,1", "--format", format,
        ]));
    }
    for args in &commands {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let r = env.run(&args);
        assert_clean(&args.join(" "), &r);
        assert!(
            r.code == 0 || r.code == 1 || r.code == 2,
            "{args:?}: {}",
            r.err()
        );
    }
    // Exported in every dialect: no control character in the file, and the same headings as
    // the same decision on the clean fixture.
    for format in ["madr", "nygard", "log4brains"] {
        let clean = Env::new();
        let plain = fixtures().join("valid/small.json").display().to_string();
        let base = [
            "decide",
            "--tree",
            "small",
            "--path",
            "1,1",
            "--export",
            "--format",
            format,
            "--title",
            "Same title",
        ];
        let r = clean.run(&[&["--trees", plain.as_str()][..], &base[..]].concat());
        assert_eq!(r.code, 0, "{}", r.err());
        let clean_text = std::fs::read_to_string(r.out().trim()).unwrap();
        let hostile = Env::new();
        let file = hostile_tree(hostile.config.path());
        let f = file.display().to_string();
        let mut args = vec!["--trees", f.as_str()];
        args.extend(
            base.iter()
                .map(|a| if *a == "small" { "hostile" } else { *a }),
        );
        let r = hostile.run(&args);
        assert_clean(format, &r);
        assert_eq!(r.code, 0, "{}", r.err());
        let text = std::fs::read_to_string(r.out().trim()).unwrap();
        assert!(
            raw_controls(text.as_bytes()).is_empty(),
            "{format}: {:?}",
            raw_controls(text.as_bytes())
        );
        assert_eq!(headings(&text), headings(&clean_text), "{format}:\n{text}");
        assert_eq!(
            text.matches("```").count(),
            clean_text.matches("```").count(),
            "{format}: fences"
        );
    }
}

#[test]
fn escape_sequences_in_json_keys_and_ids_are_not_echoed_raw() {
    let env = Env::new();
    let dir = env.config.path();
    std::fs::write(
        dir.join("f.json"),
        "{\"format\":2,\"\\u001b]52;c;SGVsbG8=\\u0007\":1}",
    )
    .unwrap();
    let mut t = small();
    t["nodes"][1]["id"] = format!("q-second{PAYLOAD}").into();
    std::fs::write(dir.join("id.json"), t.to_string()).unwrap();
    for name in ["f.json", "id.json"] {
        let p = dir.join(name).display().to_string();
        let r = env.run(&["trees", "validate", &p]);
        assert_eq!(r.code, 1);
        assert_clean(name, &r);
    }
    let session = dir.join("s.json");
    std::fs::write(
        &session,
        "{\"format\":2,\"id\":\"x\",\"decisions\":[{\"tree\":\"\\u001b]0;pwned\\u0007\"}]}",
    )
    .unwrap();
    let r = env.run(&["decide", "--answers", &session.display().to_string()]);
    assert_eq!(r.code, 2);
    assert_clean("session", &r);
}

#[test]
fn a_deep_chain_validates_shows_and_decides_without_overflow() {
    let env = Env::new();
    let mut t = small();
    let n = 200_000;
    let mut nodes: Vec<Value> = (0..n)
        .map(|i| {
            let next = if i + 1 < n { format!("q{}", i + 1) } else { "o".into() };
            serde_json::json!({"id": format!("q{i}"), "kind": "question", "prompt": "p", "help": "h",
                "answers": [{"label": "A", "consequence": "c", "next": next},
                            {"label": "B", "consequence": "c", "next": "o"}]})
        })
        .collect();
    nodes.push(serde_json::json!({"id": "o", "kind": "outcome", "options": ["sm.a", "sm.b", "sm.c"], "title": "T", "context": "c"}));
    t["id"] = "chain".into();
    t["root"] = "q0".into();
    t["nodes"] = nodes.into();
    let p = env.config.path().join("chain.json");
    std::fs::write(&p, t.to_string()).unwrap();
    let f = p.display().to_string();
    for args in [
        vec!["trees", "validate", f.as_str()],
        vec!["--trees", f.as_str(), "trees", "show", "chain"],
        vec![
            "--trees",
            f.as_str(),
            "trees",
            "show",
            "chain",
            "--format",
            "mermaid",
        ],
        vec![
            "--trees",
            f.as_str(),
            "decide",
            "--tree",
            "chain",
            "--path",
            "2",
        ],
    ] {
        let r = env.run(&args);
        assert_eq!(r.code, 0, "{args:?}: {}", r.err());
    }
    let r = env.run(&["--trees", f.as_str(), "trees", "show", "chain"]);
    assert!(
        r.out().contains("[level 200000] "),
        "indent is capped and the level shown"
    );
}

#[test]
fn a_20000_step_path_is_linear() {
    let env = Env::new();
    let mut t = small();
    let n = 20_000;
    let mut nodes: Vec<Value> = (0..n)
        .map(|i| {
            let next = if i + 1 < n { format!("q{}", i + 1) } else { "o".into() };
            serde_json::json!({"id": format!("q{i}"), "kind": "question", "prompt": "p", "help": "h",
                "answers": [{"label": "A", "consequence": "c", "next": next},
                            {"label": "B", "consequence": "c", "next": "o"}]})
        })
        .collect();
    nodes.push(serde_json::json!({"id": "o", "kind": "outcome", "options": ["sm.a", "sm.b", "sm.c"], "title": "T", "context": "c"}));
    t["id"] = "chain".into();
    t["root"] = "q0".into();
    t["nodes"] = nodes.into();
    let p = env.config.path().join("chain.json");
    std::fs::write(&p, t.to_string()).unwrap();
    let path = vec!["1"; n].join(",");
    let start = std::time::Instant::now();
    let r = env.run(&[
        "--trees",
        &p.display().to_string(),
        "decide",
        "--tree",
        "chain",
        "--path",
        &path,
    ]);
    assert_eq!(r.code, 0, "{}", r.err());
    // Quadratic replay took minutes; linear takes well under a second even in a debug build.
    assert!(start.elapsed().as_secs() < 20, "{:?}", start.elapsed());
}

#[test]
fn names_of_65536_characters_do_not_panic() {
    let env = Env::new();
    let mut t = small();
    t["title"] = "A".repeat(65_536).into();
    t["options"][0]["name"] = "O".repeat(65_536).into();
    t["criteria"][0]["name"] = "C".repeat(65_536).into();
    let p = env.config.path().join("long.json");
    std::fs::write(&p, t.to_string()).unwrap();
    let f = p.display().to_string();
    for args in [
        vec!["--trees", f.as_str(), "trees", "list"],
        vec![
            "--trees",
            f.as_str(),
            "decide",
            "--tree",
            "small",
            "--path",
            "1,1",
        ],
    ] {
        let r = env.run(&args);
        assert_eq!(r.code, 0, "{args:?}: {}", r.err());
    }
}

#[cfg(unix)]
#[test]
fn unreadable_tree_files_are_skipped_one_by_one_with_their_reason() {
    let env = Env::new();
    let trees = env.config.path().join("trees");
    std::fs::create_dir(&trees).unwrap();
    std::fs::write(trees.join("junk.json"), b"\xff\xfe\x00garbage").unwrap();
    std::fs::create_dir(trees.join("x.json")).unwrap();
    std::os::unix::fs::symlink("loop.json", trees.join("loop.json")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", trees.join("zero.json")).unwrap();
    let fifo = trees.join("fifo.json");
    let c = std::ffi::CString::new(fifo.display().to_string()).unwrap();
    // SAFETY: mkfifo on a path in our temporary directory.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    let mut t = small();
    t["id"] = "bom".into();
    t["namespace"] = "bo".into();
    t["area"]["id"] = "bom".into();
    let text = t.to_string().replace("\"sm.", "\"bo.");
    bom.extend_from_slice(text.as_bytes());
    std::fs::write(trees.join("bom.json"), bom).unwrap();

    let r = env.run(&[
        "decide",
        "--tree",
        "data-store",
        "--path",
        "6,1,1,1,1,1,1,1,1,1",
    ]);
    assert_eq!(r.code, 0, "{}", r.err());
    let d = trees.display();
    assert_eq!(
        r.err().trim(),
        format!(
            "warning: skipped 5 invalid tree file(s) ({d}/fifo.json, {d}/junk.json, {d}/loop.json, {d}/x.json, {d}/zero.json); run `tradeoffs trees validate` for details"
        )
    );
    let r = env.run(&["trees", "validate"]);
    assert_eq!(r.code, 1);
    let out = r.out();
    for line in [
        format!(
            "{d}/fifo.json: cannot read the file: it is a FIFO (named pipe), not a regular file"
        ),
        format!(
            "{d}/junk.json: cannot read the file: it is not UTF-8 text (invalid byte at offset 0)"
        ),
        format!("{d}/x.json: cannot read the file: it is a directory, not a regular file"),
        format!("{d}/zero.json: cannot read the file: it is a device, not a regular file"),
    ] {
        assert!(out.lines().any(|l| l == line), "missing {line:?} in\n{out}");
    }
    assert!(
        out.contains(&format!("{d}/loop.json: cannot read the file: ")),
        "{out}"
    );
    // The BOM file loads.
    let r = env.run(&["trees", "list"]);
    assert!(r.out().contains("\nbom "), "{}", r.out());
}

fn export(env: &Env, title: &str) -> Run {
    env.run(&[
        "decide",
        "--tree",
        "data-store",
        "--path",
        "6,1,1,1,1,1,1,1,1,1",
        "--export",
        "--title",
        title,
    ])
}

#[test]
fn numbers_past_9999_keep_increasing_and_never_loop() {
    let env = Env::new();
    let dir = env.repo.path().join("docs/decisions");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("9999-foo.md"), "# 9999. Foo\n").unwrap();
    for (title, want) in [
        ("After nines", "10000-after-nines.md"),
        ("Second", "10001-second.md"),
        ("After nines", "10002-after-nines.md"),
    ] {
        let r = export(&env, title);
        assert_eq!(r.code, 0, "{}", r.err());
        assert_eq!(r.out().trim(), dir.join(want).display().to_string());
    }
}

#[test]
fn a_huge_front_matter_number_is_an_error_not_a_wrap() {
    let env = Env::new();
    let dir = env.repo.path().join("docs/decisions");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("huge.md"),
        "---\nnumber: 4294967295\n---\n# Huge\n",
    )
    .unwrap();
    let r = export(&env, "First");
    assert_eq!(r.code, 1);
    assert_eq!(
        r.err().trim(),
        format!(
            "error: cannot number the next ADR: huge.md in {} has number 4294967295, the largest this program counts to is 999999999; fix that file's number",
            dir.display()
        )
    );
}

#[cfg(unix)]
#[test]
fn a_dangling_symlink_at_the_next_name_is_an_error_not_a_loop() {
    let env = Env::new();
    let dir = env.repo.path().join("docs/decisions");
    std::fs::create_dir_all(&dir).unwrap();
    std::os::unix::fs::symlink("nowhere", dir.join("0001-first.md")).unwrap();
    let r = export(&env, "First");
    assert_eq!(r.code, 0, "{}", r.err());
    assert_eq!(
        r.out().trim(),
        dir.join("0002-first.md").display().to_string()
    );
    // log4brains: the dangling symlink is skipped by the name probe.
    let env = Env::new();
    std::fs::write(
        env.repo.path().join(".log4brains.yml"),
        "project:\n  adrFolder: docs/adr\n",
    )
    .unwrap();
    let dir = env.repo.path().join("docs/adr");
    std::fs::create_dir_all(&dir).unwrap();
    std::os::unix::fs::symlink("nowhere", dir.join("20260102-first.md")).unwrap();
    let r = export(&env, "First");
    assert_eq!(r.code, 0, "{}", r.err());
    assert_eq!(
        r.out().trim(),
        dir.join("20260102-first-2.md").display().to_string()
    );
}

#[test]
fn impossible_dates_are_refused() {
    let env = Env::new();
    let r = env.run(&[
        "decide",
        "--tree",
        "data-store",
        "--path",
        "6,1,1,1,1,1,1,1,1,1",
        "--format",
        "madr",
        "--date",
        "2026-02-31",
    ]);
    assert_eq!(r.code, 2);
    assert_eq!(
        r.err().trim(),
        "error: --date 2026-02-31: there is no such day; use an existing date as YYYY-MM-DD"
    );
}

#[test]
fn non_latin_and_long_titles_export() {
    let env = Env::new();
    let dir = env.repo.path().join("docs/decisions");
    let r = export(&env, "Использовать базу данных");
    assert_eq!(r.code, 0, "{}", r.err());
    assert_eq!(
        r.out().trim(),
        dir.join("0001-использовать-базу-данных.md")
            .display()
            .to_string()
    );
    let r = export(&env, "使用数据库");
    assert_eq!(
        r.out().trim(),
        dir.join("0002-使用数据库.md").display().to_string()
    );
    let r = export(&env, &"word ".repeat(2000));
    assert_eq!(r.code, 0, "{}", r.err());
    let name = PathBuf::from(r.out().trim())
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    assert_eq!(name, format!("0003-{}word.md", "word-".repeat(19)));
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let env = Env::new();
    for args in [
        &[
            "decide",
            "--tree",
            "data-store",
            "--path",
            "6,1,1,1,1,1,1,1,1,1",
        ][..],
        &["trees", "show", "data-store"][..],
    ] {
        let mut child = env
            .cmd(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Read one byte, then close the pipe, as `head -c1` does.
        let mut out = child.stdout.take().unwrap();
        let mut one = [0u8; 1];
        std::io::Read::read_exact(&mut out, &mut one).unwrap();
        drop(out);
        let o = child.wait_with_output().unwrap();
        assert_eq!(String::from_utf8_lossy(&o.stderr), "", "{args:?}");
        assert!(o.status.success(), "{args:?}: {:?}", o.status);
    }
}

#[test]
fn sessions_that_lie_are_refused_with_the_reason() {
    let env = Env::new();
    let plain = fixtures().join("valid").display().to_string();
    let base = |extra: &str| {
        format!(
            "{{\"format\":2,\"id\":\"x\",\"decisions\":[{{\"tree\":\"small\",\"answers\":[]{extra}]"
        )
    };
    for (session, want) in [
        (
            base("}") + ",\"active\":99}",
            "\"active\" is 99, but the session holds 1 decision(s); set it to a number from 0 to 0",
        ),
        (
            base(",\"overrides\":{\"sm.speed\":999}}") + "}",
            "decision 1 (tree \"small\"): the weight 999 for \"sm.speed\" is outside 0..=5",
        ),
        (
            base(",\"record\":{\"status\":\"bogus\"}}") + "}",
            "decision 1 (tree \"small\"): the record status \"bogus\" is not one of proposed, accepted, rejected, deprecated",
        ),
    ] {
        let p = env.config.path().join("s.json");
        std::fs::write(&p, &session).unwrap();
        let r = env.run(&[
            "--trees",
            &plain,
            "decide",
            "--answers",
            &p.display().to_string(),
        ]);
        assert_eq!(r.code, 2, "{session}");
        assert_eq!(
            r.err().trim(),
            format!("error: {}: {want}", p.display()),
            "{session}"
        );
    }
}

#[test]
fn concurrent_exports_into_a_new_directory_share_one_dialect() {
    let env = Env::new();
    let children: Vec<_> = (0..20)
        .map(|i| {
            env.cmd(&[
                "decide",
                "--tree",
                "data-store",
                "--path",
                "6,1,1,1,1,1,1,1,1,1",
                "--export",
                "--format",
                "nygard",
                "--title",
                &format!("T {i}"),
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
        })
        .collect();
    for c in children {
        assert!(c.wait_with_output().unwrap().status.success());
    }
    let dir = env.repo.path().join("docs/decisions");
    let mut numbers = Vec::new();
    for e in std::fs::read_dir(&dir).unwrap() {
        let p = e.unwrap().path();
        let text = std::fs::read_to_string(&p).unwrap();
        assert!(
            !text.starts_with("---"),
            "MADR front matter in {}",
            p.display()
        );
        let first = text.lines().next().unwrap();
        let n: u32 = first
            .trim_start_matches("# ")
            .split('.')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        numbers.push(n);
    }
    numbers.sort_unstable();
    assert_eq!(numbers, (1..=20).collect::<Vec<_>>());
}

#[test]
fn markers_naming_a_directory_outside_the_repository_are_refused() {
    let env = Env::new();
    std::fs::write(
        env.repo.path().join(".adr-dir"),
        "../../../../../../tmp/outside\n",
    )
    .unwrap();
    let r = export(&env, "First");
    assert_eq!(r.code, 2);
    assert_eq!(
        r.err().trim(),
        format!(
            "error: .adr-dir names the ADR directory {}/../../../../../../tmp/outside, which is outside the repository {}; pass --adr-dir to write there",
            env.repo.path().display(),
            env.repo.path().display()
        )
    );
    let r = env.run(&[
        "decide",
        "--tree",
        "data-store",
        "--path",
        "6,1,1,1,1,1,1,1,1,1",
        "--export",
        "-C",
        "no/such/dir",
    ]);
    assert_eq!(r.code, 2);
    assert_eq!(
        r.err().trim(),
        "error: -C no/such/dir: there is no such directory; check the path"
    );
}

#[test]
fn a_trailing_comment_in_a_marker_is_not_part_of_the_directory() {
    let env = Env::new();
    std::fs::write(
        env.repo.path().join("adrs.toml"),
        "adr_dir = \"records\" # where ADRs live\n",
    )
    .unwrap();
    let r = export(&env, "First");
    assert_eq!(r.code, 0, "{}", r.err());
    assert_eq!(
        r.out().trim(),
        env.repo
            .path()
            .join("records/0001-first.md")
            .display()
            .to_string()
    );
    let env = Env::new();
    std::fs::write(
        env.repo.path().join(".log4brains.yml"),
        "project:\n  adrFolder: ./adr   # here\n",
    )
    .unwrap();
    std::fs::create_dir(env.repo.path().join("adr")).unwrap();
    let r = export(&env, "First");
    assert_eq!(r.code, 0, "{}", r.err());
    assert_eq!(
        r.out().trim(),
        env.repo
            .path()
            .join("adr/20260102-first.md")
            .display()
            .to_string()
    );
}

#[cfg(unix)]
#[test]
fn supersede_keeps_a_symlink_and_refuses_a_read_only_adr() {
    use std::os::unix::fs::PermissionsExt as _;
    let env = Env::new();
    let dir = env.repo.path().join("docs/decisions");
    assert_eq!(export(&env, "Old one").code, 0);
    // The ADR becomes a symlink to a file elsewhere in the repository.
    let real = env.repo.path().join("real.md");
    std::fs::rename(dir.join("0001-old-one.md"), &real).unwrap();
    std::os::unix::fs::symlink(&real, dir.join("0001-old-one.md")).unwrap();
    let r = env.run(&[
        "decide",
        "--tree",
        "data-store",
        "--path",
        "6,1,1,1,1,1,1,1,1,1",
        "--export",
        "--title",
        "New one",
        "--supersedes",
        "1",
    ]);
    assert_eq!(r.code, 0, "{}", r.err());
    assert!(
        dir.join("0001-old-one.md")
            .symlink_metadata()
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        std::fs::read_to_string(&real)
            .unwrap()
            .contains("superseded"),
        "the target was updated"
    );
    // A read-only ADR is refused, and nothing is written.
    let old = dir.join("0002-new-one.md");
    std::fs::set_permissions(&old, std::fs::Permissions::from_mode(0o444)).unwrap();
    let r = env.run(&[
        "decide",
        "--tree",
        "data-store",
        "--path",
        "6,1,1,1,1,1,1,1,1,1",
        "--export",
        "--title",
        "Newer",
        "--supersedes",
        "2",
    ]);
    assert_eq!(r.code, 2);
    assert_eq!(
        r.err().trim(),
        format!(
            "error: {} is read-only; make it writable (chmod u+w) so it can be updated, or leave it out; nothing was written",
            old.display()
        )
    );
    assert!(!dir.join("0003-newer.md").exists());
    assert_eq!(
        std::fs::metadata(&old).unwrap().permissions().mode() & 0o777,
        0o444
    );
}

#[test]
fn a_copied_session_saves_to_its_own_file_and_a_second_holder_is_told() {
    use tradeoffs::session::Session;
    use tradeoffs::store::Store;
    let (catalog, _) = tradeoffs::tree::Catalog::shipped();
    let dir = TempDir::new().unwrap();
    let store = Store::new(dir.path().to_path_buf());
    let mut s = Session::new("victim", 1);
    s.decisions
        .push(tradeoffs::session::Decision::new("data-store"));
    store.save(&s).unwrap();
    std::fs::copy(dir.path().join("victim.json"), dir.path().join("copy.json")).unwrap();
    let copy = store.load("copy", &catalog).unwrap();
    assert_eq!(copy.id, "copy");
    let before = std::fs::read_to_string(dir.path().join("victim.json")).unwrap();
    store.save(&copy).unwrap();
    assert_eq!(
        std::fs::read_to_string(dir.path().join("victim.json")).unwrap(),
        before
    );
    let _held = store.lock("victim").unwrap();
    assert_eq!(
        store.lock("victim").unwrap_err().to_string(),
        "session victim is open in another tradeoffs; changes here are not saved; quit one of them"
    );
    assert!(store.lock("copy").is_ok());
}

#[test]
fn earlier_adrs_that_are_missing_or_outside_the_directory_are_skipped_with_a_warning() {
    let dir = TempDir::new().unwrap();
    let adr = dir.path().join("adr");
    std::fs::create_dir(&adr).unwrap();
    let inside = adr.join("0001-a.md");
    std::fs::write(&inside, "# 1. A\n").unwrap();
    let outside = dir.path().join("notes.md");
    std::fs::write(&outside, "# Notes\n").unwrap();
    let missing = adr.join("0099-deleted.md");
    let (ok, warnings) =
        tradeoffs::adr::usable_related(&[inside.clone(), outside.clone(), missing.clone()], &adr);
    assert_eq!(ok, vec![inside]);
    assert_eq!(
        warnings,
        vec![
            format!(
                "the earlier ADR {} is outside the ADR directory {}; it is not linked or changed",
                outside.display(),
                adr.display()
            ),
            format!(
                "the earlier ADR {} is missing (renamed or deleted?); it is not linked",
                missing.display()
            ),
        ]
    );
}

#[test]
fn a_tree_whose_root_is_an_outcome_is_invalid() {
    let env = Env::new();
    let mut t = small();
    t["root"] = "o-one".into();
    let p = env.config.path().join("root.json");
    std::fs::write(&p, t.to_string()).unwrap();
    let r = env.run(&["trees", "validate", &p.display().to_string()]);
    assert_eq!(r.code, 1);
    let line = format!(
        "{}: root: the root \"o-one\" is an outcome; a tree starts with a question",
        p.display()
    );
    assert!(r.out().lines().any(|l| l == line), "{}", r.out());
}

#[test]
fn term_dumb_gets_a_clear_message_instead_of_escape_codes() {
    let env = Env::new();
    let out = env.cmd(&[]).env("TERM", "dumb").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        "error: TERM=dumb: this terminal cannot show the full-screen TUI (alternate screen, colours, mouse); run it in a full terminal, or use `tradeoffs decide --tree ID --path N,N,...` (see `tradeoffs decide --help`)"
    );
}

#[test]
fn an_adr_directory_that_is_a_file_is_one_error_without_a_false_warning() {
    let env = Env::new();
    std::fs::create_dir(env.repo.path().join("docs")).unwrap();
    std::fs::write(env.repo.path().join("docs/decisions"), "not a directory").unwrap();
    let r = export(&env, "First");
    assert_eq!(r.code, 1);
    assert_eq!(
        r.err().trim(),
        format!(
            "error: the ADR directory {} exists but is not a directory (a file or a dangling symlink); remove it or pass --adr-dir to choose another",
            env.repo.path().join("docs/decisions").display()
        )
    );
}

#[test]
fn keys_do_nothing_behind_the_terminal_too_small_message() {
    let mut a = crate::util::tui::app();
    a.size = (10, 5);
    crate::util::tui::keys(&mut a, "j<ret><ret><ret>");
    assert!(a.session.is_none(), "no tree was started");
    assert_eq!(a.screen, tradeoffs::tui::app::Screen::Home);
    crate::util::tui::keys(&mut a, "<c-c>");
    assert!(a.quit, "Ctrl-C still quits");
}

#[test]
fn an_adr_is_superseded_once() {
    let env = Env::new();
    let dir = env.repo.path().join("docs/decisions");
    assert_eq!(export(&env, "Old one").code, 0);
    let sup = |title: &str| {
        env.run(&[
            "decide",
            "--tree",
            "data-store",
            "--path",
            "6,1,1,1,1,1,1,1,1,1",
            "--export",
            "--title",
            title,
            "--supersedes",
            "1",
        ])
    };
    assert_eq!(sup("New one").code, 0);
    let r = sup("Newer");
    assert_eq!(r.code, 2);
    assert_eq!(
        r.err().trim(),
        format!(
            "error: --supersedes: {} is already superseded (\"status: \"superseded by ADR-0002\"\"); supersede the newer ADR instead; nothing was written",
            dir.join("0001-old-one.md").display()
        )
    );
    assert!(!dir.join("0003-newer.md").exists());
}
