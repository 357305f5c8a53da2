//! ADR numbers taken on other git branches, so that two branches never hand out the same
//! number (the most requested fix in the field research: no ADR tool checks other branches).
//!
//! Read with git, without a checkout, in two processes whatever the number of branches:
//! `git for-each-ref` lists the local and remote-tracking branches, one `git cat-file --batch`
//! prints the ADR directory's tree on each of their commits. Without git, outside a
//! repository, or when git fails, there are no branch numbers: callers fall back to the
//! directory alone.

use std::collections::BTreeMap;
use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::adr::existing::name_number;

/// An ADR file on one branch.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct BranchFile {
    /// `main`, `origin/feature-x`.
    pub branch: String,
    /// The file name in the ADR directory on that branch.
    pub file: String,
    pub number: u32,
    /// The branch is the one checked out, or the branch it tracks: its files are this
    /// checkout's own (renamed or deleted here, perhaps), not another line of work.
    pub own: bool,
}

/// The numbered ADR files in `dir` on every local and remote-tracking branch of the
/// repository containing it, ordered by branch then file. Empty without git or a repository.
pub fn branch_files(dir: &Path) -> Vec<BranchFile> {
    let Some((root, prefix)) = repo_prefix(dir) else {
        return Vec::new();
    };
    let Some(refs) = list_refs(&root) else {
        return Vec::new();
    };
    // Several branches often point at one commit: ask for each commit once.
    let mut by_commit: BTreeMap<&str, Vec<(&str, bool)>> = BTreeMap::new();
    for r in &refs {
        by_commit
            .entry(r.oid.as_str())
            .or_default()
            .push((r.name.as_str(), r.own));
    }
    let commits: Vec<&str> = by_commit.keys().copied().collect();
    let Some(trees) = read_trees(&root, &commits, &prefix) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (commit, names) in commits.iter().zip(&trees) {
        for file in names {
            let Some(number) = name_number(file).filter(|_| file.ends_with(".md")) else {
                continue;
            };
            for (branch, own) in &by_commit[commit] {
                out.push(BranchFile {
                    branch: (*branch).to_string(),
                    file: file.clone(),
                    number,
                    own: *own,
                });
            }
        }
    }
    out.sort_by(|a, b| (&a.branch, &a.file).cmp(&(&b.branch, &b.file)));
    out
}

/// The highest ADR number in `dir` on any branch, with the file and branch that hold it.
pub fn highest_on_branches(dir: &Path) -> Option<BranchFile> {
    branch_files(dir).into_iter().max_by_key(|f| f.number)
}

/// The repository's top directory and `dir`'s path inside it (`doc/adr`, `/`-separated, empty
/// for the top itself).
fn repo_prefix(dir: &Path) -> Option<(PathBuf, String)> {
    let dir = dir.canonicalize().ok()?;
    let root = dir.ancestors().find(|d| d.join(".git").exists())?;
    let rel = dir.strip_prefix(root).ok()?;
    let mut parts = Vec::new();
    for c in rel.components() {
        parts.push(c.as_os_str().to_str()?.to_string());
    }
    Some((root.to_path_buf(), parts.join("/")))
}

fn git(root: &Path) -> Command {
    let mut c = Command::new("git");
    c.arg("-C")
        .arg(root)
        // Never take locks or run hooks from a read-only query.
        .env("GIT_OPTIONAL_LOCKS", "0")
        .stderr(Stdio::null());
    c
}

/// A branch: its commit, short name, and whether it is the checked-out branch or its upstream.
struct Ref {
    oid: String,
    name: String,
    own: bool,
}

/// Every local and remote-tracking branch, symbolic `origin/HEAD` left out.
fn list_refs(root: &Path) -> Option<Vec<Ref>> {
    let out = git(root)
        .args([
            "for-each-ref",
            "--format=%(objectname)%00%(HEAD)%00%(refname)%00%(upstream)",
            "refs/heads",
            "refs/remotes",
        ])
        .stdin(Stdio::null())
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    Some(parse_refs(&String::from_utf8_lossy(&out.stdout)))
}

fn parse_refs(text: &str) -> Vec<Ref> {
    let rows: Vec<Vec<&str>> = text.lines().map(|l| l.split('\0').collect()).collect();
    let upstream: Option<&str> = rows
        .iter()
        .find(|f| f.get(1) == Some(&"*"))
        .and_then(|f| f.get(3).copied())
        .filter(|u| !u.is_empty());
    rows.iter()
        .filter_map(|f| {
            let [oid, head, name, ..] = f.as_slice() else {
                return None;
            };
            let short = name
                .strip_prefix("refs/heads/")
                .or_else(|| name.strip_prefix("refs/remotes/"))?;
            (!short.ends_with("/HEAD")).then(|| Ref {
                oid: (*oid).to_string(),
                name: short.to_string(),
                own: *head == "*" || upstream == Some(*name),
            })
        })
        .collect()
}

/// The entry names of `<commit>:<prefix>` for each commit (empty where the directory does not
/// exist on that commit), from one `git cat-file --batch`.
fn read_trees(root: &Path, commits: &[&str], prefix: &str) -> Option<Vec<Vec<String>>> {
    if commits.is_empty() {
        return Some(Vec::new());
    }
    let mut child = git(root)
        .args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .ok()?;
    let input: String = commits.iter().map(|c| format!("{c}:{prefix}\n")).collect();
    let mut stdin = child.stdin.take()?;
    // Written from another thread: git answers while it reads, and a full pipe either way
    // would otherwise stall both.
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(input.as_bytes());
    });
    let mut bytes = Vec::new();
    let read = child.stdout.take()?.read_to_end(&mut bytes);
    let _ = writer.join();
    let status = child.wait().ok()?;
    if read.is_err() || !status.success() {
        return None;
    }
    parse_batch(&bytes, commits.len())
}

/// Parses `cat-file --batch` output: per request a header `<oid> <type> <size>` and the
/// object, or `<name> missing`. Tree objects are `<mode> <name>\0<binary id>` entries.
fn parse_batch(bytes: &[u8], count: usize) -> Option<Vec<Vec<String>>> {
    let mut out = Vec::with_capacity(count);
    let mut at = 0;
    for _ in 0..count {
        let nl = at + bytes[at..].iter().position(|b| *b == b'\n')?;
        let header = std::str::from_utf8(&bytes[at..nl]).ok()?;
        at = nl + 1;
        let fields: Vec<&str> = header.split(' ').collect();
        match fields.as_slice() {
            [oid, kind, size] => {
                let size: usize = size.parse().ok()?;
                let body = bytes.get(at..at + size)?;
                at += size + 1;
                if *kind == "tree" {
                    out.push(tree_names(body, oid.len() / 2)?);
                } else {
                    out.push(Vec::new());
                }
            }
            // "<name> missing" (no such directory there) or "ambiguous".
            _ => out.push(Vec::new()),
        }
    }
    Some(out)
}

fn tree_names(mut body: &[u8], id_len: usize) -> Option<Vec<String>> {
    let mut names = Vec::new();
    while !body.is_empty() {
        let sp = body.iter().position(|b| *b == b' ')?;
        let nul = body.iter().position(|b| *b == 0)?;
        let mode = &body[..sp];
        let name = String::from_utf8_lossy(&body[sp + 1..nul]).into_owned();
        // Files (100644, 100755) and symlinks (120000); not subdirectories (40000).
        if mode.starts_with(b"10") || mode.starts_with(b"12") {
            names.push(name);
        }
        body = body.get(nul + 1 + id_len..)?;
    }
    Some(names)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batch_output_with_a_tree_and_a_missing_path() {
        let mut tree = Vec::new();
        tree.extend_from_slice(b"100644 0001-a.md\0");
        tree.extend_from_slice(&[7u8; 20]);
        tree.extend_from_slice(b"40000 sub\0");
        tree.extend_from_slice(&[8u8; 20]);
        let mut bytes = format!("{} tree {}\n", "a".repeat(40), tree.len()).into_bytes();
        bytes.extend_from_slice(&tree);
        bytes.extend_from_slice(b"\nabc:doc/adr missing\n");
        let parsed = parse_batch(&bytes, 2).unwrap();
        assert_eq!(parsed, vec![vec!["0001-a.md".to_string()], vec![]]);
    }

    #[test]
    fn the_checked_out_branch_and_its_upstream_are_marked_own() {
        let text = "a\0*\0refs/heads/main\0refs/remotes/origin/main\n\
                    b\0 \0refs/heads/feature\0\n\
                    a\0 \0refs/remotes/origin/main\0\n\
                    a\0 \0refs/remotes/origin/HEAD\0\n";
        let refs = parse_refs(text);
        let got: Vec<(&str, bool)> = refs.iter().map(|r| (r.name.as_str(), r.own)).collect();
        assert_eq!(
            got,
            [("main", true), ("feature", false), ("origin/main", true)]
        );
    }

    #[test]
    fn outside_a_repository_there_are_no_branch_numbers() {
        let dir = tempfile::tempdir().unwrap();
        assert!(branch_files(dir.path()).is_empty());
        assert!(branch_files(&dir.path().join("missing")).is_empty());
    }
}
