//! State tests: key sequences → the session the core sees. Saving, resuming and exporting go
//! through the real shell with temporary directories.

use crate::util::tui as tui_support;

use std::path::{Path, PathBuf};

use tradeoffs::session::Walk;
use tradeoffs::store::Store;
use tradeoffs::tui::Shell;
use tradeoffs::tui::app::{App, Screen};
use tradeoffs::tui::update::Msg;
use tui_support::*;

/// The real shell, with sessions under `data` and the repository at `repo`.
fn shell_in(repo: &Path, data: &Path, adr_dir: Option<PathBuf>) -> Shell {
    Shell {
        store: Store::new(data.join("sessions")),
        repo: repo.to_path_buf(),
        adr_dir,
        package: None,
        held: Default::default(),
    }
}

fn answers(app: &App) -> Vec<String> {
    let (_, d) = app.active().unwrap();
    d.answers.iter().map(|s| s.labels().join(" + ")).collect()
}

fn labels(app: &App, q: &str) -> Vec<String> {
    let t = app.catalog.get("data-store").unwrap();
    match t.node(t.node_ix(q).unwrap()) {
        tradeoffs::tree::Node::Question(q) => q.answers.iter().map(|a| a.label.clone()).collect(),
        _ => unreachable!(),
    }
}

#[test]
fn answer_back_and_change_an_answer() {
    let mut a = app();
    keys(&mut a, "j<ret>");
    assert_eq!(a.screen, Screen::Question);
    let root = a.catalog.get("data-store").unwrap().tree.root.clone();
    let first = labels(&a, &root);
    keys(&mut a, "j<ret><ret>");
    let after_two = answers(&a);
    assert_eq!(after_two.len(), 2);
    assert_eq!(after_two[0], first[1]);
    // Back pops the last answer and highlights it, so Enter re-gives the same answer...
    keys(&mut a, "<esc>");
    assert_eq!(answers(&a), vec![first[1].clone()]);
    assert_eq!(a.answer_sel, 0);
    keys(&mut a, "<bs>");
    assert!(answers(&a).is_empty());
    assert_eq!(a.answer_sel, 1, "the previous answer is highlighted");
    // ...and moving first changes it (on a "select all that apply" question the previous
    // answer comes back toggled: Space clears it); everything derived is recomputed.
    if a.current_question().unwrap().multi {
        assert_eq!(a.picks, 1 << 1);
        keys(&mut a, "<space>");
    }
    keys(&mut a, "j<ret>");
    assert_eq!(answers(&a), vec![first[2].clone()]);
    let (_, d) = a.active().unwrap();
    let tree = a.catalog.get("data-store").unwrap();
    let walk = Walk::replay(tree, d).unwrap();
    let report = a.report.as_ref().unwrap();
    for (o, r) in tree.tree.options.iter().zip(&walk.ruled_out) {
        let shown = report.option(&o.id).unwrap();
        assert_eq!(shown.ruled_out.is_some(), r.is_some(), "{}", o.id);
    }
}

#[test]
fn back_from_the_first_question_returns_home() {
    let mut a = app();
    keys(&mut a, "<ret><esc>");
    assert_eq!(a.screen, Screen::Home);
    assert!(a.session.is_none());
}

#[test]
fn priorities_change_the_weight_and_the_ranking_at_once() {
    let mut a = app();
    keys(&mut a, "j<ret>p");
    let before = a.report.as_ref().unwrap().criteria[0].weight;
    keys(&mut a, "<left><left>");
    let (_, d) = a.active().unwrap();
    let id = a.report.as_ref().unwrap().criteria[0].id.clone();
    assert_eq!(d.overrides.get(&id), Some(&(before - 2).max(0)));
    assert_eq!(
        a.report.as_ref().unwrap().criteria[0].weight,
        (before - 2).max(0)
    );
    keys(&mut a, "r");
    let (_, d) = a.active().unwrap();
    assert!(d.overrides.is_empty());
    keys(&mut a, "<esc>");
    assert_eq!(a.screen, Screen::Question);
}

#[test]
fn choosing_a_ruled_out_option_is_refused_with_the_reason() {
    let mut a = app();
    let tree = a.catalog.get("data-store").unwrap().clone();
    let path = path_to(&tree, "store.postgresql").unwrap();
    keys(&mut a, &format!("j<ret>{}", answer_keys(&path)));
    let r = a.report.as_ref().unwrap();
    let out = r
        .ranking
        .iter()
        .position(|o| o.ruled_out.is_some())
        .unwrap();
    keys(&mut a, &format!("{}<ret>", "j".repeat(out)));
    assert_eq!(a.screen, Screen::Outcome);
    assert!(a.notice.as_deref().unwrap().contains("is ruled out"));
    assert_eq!(a.active().unwrap().1.chosen, None);
}

#[test]
fn letters_in_the_form_are_text_and_ctrl_c_always_quits() {
    let mut a = app();
    let tree = a.catalog.get("data-store").unwrap().clone();
    let path = path_to(&tree, "store.postgresql").unwrap();
    keys(&mut a, &format!("j<ret>{}<ret>", answer_keys(&path)));
    assert_eq!(a.screen, Screen::Record);
    // Ctrl-U clears the pre-filled title (readline habit), Ctrl-Z brings it back.
    let prefilled = a.form.as_ref().unwrap().title.lines()[0].clone();
    keys(&mut a, "<c-u>");
    assert_eq!(a.form.as_ref().unwrap().title.lines()[0], "");
    keys(&mut a, "<c-z>");
    assert_eq!(a.form.as_ref().unwrap().title.lines()[0], prefilled);
    // Clear it again and type one with q, j, k and ? in it.
    keys(&mut a, "<c-u>quick jokes?");
    assert!(!a.quit && !a.help);
    keys(
        &mut a,
        "<tab><right><tab><tab><tab><tab>line one<ret>line two<c-c>",
    );
    assert!(a.quit);
    let d = a.active().unwrap().1;
    assert_eq!(d.record.title.as_deref(), Some("quick jokes?"));
    assert_eq!(d.record.status.as_deref(), Some("accepted"));
    assert_eq!(d.record.deciders, vec!["Ada Lovelace".to_string()]);
    assert_eq!(d.record.context, "line one\nline two");
}

#[test]
fn sessions_autosave_and_resume_where_they_stopped() {
    let data = tempfile::tempdir().unwrap();
    let repo = tempfile::tempdir().unwrap();
    let shell = shell_in(repo.path(), data.path(), None);
    let mut a = app();
    keys_via(&shell, &mut a, "j<ret>j<ret><ret>");
    let saved = answers(&a);
    let id = a.session.as_ref().unwrap().id.clone();
    assert_eq!(id, "20231114-221320");
    // A new app lists the session on the home screen and resumes it with Tab, Enter.
    let mut b = App::new(shipped(), shell.store.list(&shipped()), None, NOW + 60);
    assert_eq!(b.saved.len(), 1);
    assert_eq!(b.saved[0].answered, 2);
    keys_via(&shell, &mut b, "<tab><ret>");
    assert_eq!(b.screen, Screen::Question);
    assert_eq!(answers(&b), saved);
    // Going on from the resumed state works like before.
    keys_via(&shell, &mut b, "<esc>");
    assert_eq!(answers(&b).len(), 1);
    let on_disk = shell.store.load(&id, &b.catalog).unwrap();
    assert_eq!(on_disk.decisions[0].answers.len(), 1, "back is saved too");
}

#[test]
fn export_writes_the_adr_and_an_error_keeps_everything() {
    let data = tempfile::tempdir().unwrap();
    let repo = tempfile::tempdir().unwrap();
    // `--adr-dir records/adr` where `records` is a file: the directory cannot be created, an
    // error that does not depend on permissions (root ignores those).
    let blocker = repo.path().join("records");
    std::fs::write(&blocker, "a file, not a directory\n").unwrap();
    let shell = shell_in(repo.path(), data.path(), Some(PathBuf::from("records/adr")));
    let mut a = app();
    let tree = a.catalog.get("data-store").unwrap().clone();
    let path = path_to(&tree, "store.postgresql").unwrap();
    keys_via(
        &shell,
        &mut a,
        &format!("j<ret>{}<ret>", answer_keys(&path)),
    );
    keys_via(&shell, &mut a, "<c-s>");
    assert_eq!(a.screen, Screen::Preview);
    let preview = a.preview.clone().unwrap().unwrap();
    assert!(preview.dir.contains("records/adr"), "{}", preview.dir);

    // The error is shown, the session and the draft stay.
    keys_via(&shell, &mut a, "<ret>");
    assert_eq!(a.screen, Screen::Exported);
    let Some(Err(message)) = a.export.clone() else {
        panic!("expected an export error, got {:?}", a.export)
    };
    assert!(
        message.contains("cannot create the ADR directory"),
        "{message}"
    );
    assert!(a.session.is_some() && a.form.is_some());

    // Enter retries once the problem is fixed.
    std::fs::remove_file(&blocker).unwrap();
    keys_via(&shell, &mut a, "<ret>");
    let Some(Ok(done)) = a.export.clone() else {
        panic!("export failed: {:?}", a.export)
    };
    assert!(done.changed.is_empty(), "{done:?}");
    let written = done.written[0].display().to_string();
    assert!(
        Path::new(&written).starts_with(repo.path().join("records/adr")),
        "{written}"
    );
    let text = std::fs::read_to_string(&written).unwrap();
    assert!(text.contains("PostgreSQL"), "{text}");
    let id = a.session.as_ref().unwrap().id.clone();
    let on_disk = shell.store.load(&id, &a.catalog).unwrap();
    assert_eq!(
        on_disk.decisions[0].record.exported.as_deref(),
        Some(written.as_str())
    );
    // Nothing left unexported: q quits without asking.
    keys_via(&shell, &mut a, "q");
    assert!(a.quit && !a.confirm_quit);
}

#[test]
fn mouse_click_on_an_answer_answers_it() {
    let mut a = app();
    keys(&mut a, "j<ret>");
    let t = draw(&mut a, 120, 40);
    let screen = format!("{}", t.backend());
    // Find the row where answer 3 is drawn and click it.
    let row = screen
        .lines()
        .position(|l| l.contains("] 3. ") || l.contains("  3. "))
        .expect("answer 3 drawn") as u16;
    let root = a.catalog.get("data-store").unwrap().tree.root.clone();
    let third = labels(&a, &root)[2].clone();
    let multi = a.current_question().unwrap().multi;
    tradeoffs::tui::update::update(&mut a, Msg::Click { column: 10, row });
    if multi {
        // A click toggles an answer of a "select all that apply" question; Enter confirms.
        assert_eq!(a.picks, 1 << 2);
        keys(&mut a, "<ret>");
    }
    assert_eq!(answers(&a), vec![third]);
}

#[test]
fn decide_another_adds_a_decision_and_esc_on_an_empty_one_drops_it() {
    let mut a = app();
    let tree = a.catalog.get("data-store").unwrap().clone();
    let path = path_to(&tree, "store.postgresql").unwrap();
    // The Database Design area: four decisions, the first walked to its outcome.
    keys(&mut a, &format!("j<ret>{}", answer_keys(&path)));
    let n = a.session.as_ref().unwrap().decisions.len();
    assert_eq!(n, 4);
    keys(&mut a, "a");
    assert_eq!(a.screen, Screen::Home);
    let arch = a
        .catalog
        .trees()
        .iter()
        .position(|t| t.id() == "architecture")
        .unwrap();
    keys(
        &mut a,
        &format!("{}{}<ret>", "k".repeat(10), "j".repeat(arch)),
    );
    let s = a.session.as_ref().unwrap();
    assert_eq!((s.decisions.len(), s.active), (n + 1, n));
    assert_eq!(s.decisions[n].tree, "architecture");
    // Shared facts answered in the data-store walk were reused; Esc takes them back one by
    // one, and Esc on the first question drops the added decision and returns where the user
    // was.
    let reused = a.session.as_ref().unwrap().decisions[n].answers.len();
    assert!(
        a.session.as_ref().unwrap().decisions[n]
            .answers
            .iter()
            .all(|s| s.reused_from.as_deref() == Some("data-store"))
    );
    keys(&mut a, &"<esc>".repeat(reused + 1));
    let s = a.session.as_ref().unwrap();
    assert_eq!((s.decisions.len(), s.active), (n, 0));
    assert_eq!(a.screen, Screen::Outcome);
}

#[test]
fn n_switches_between_the_decisions_of_a_session() {
    let mut a = app();
    let tree = a.catalog.get("data-store").unwrap().clone();
    let path = path_to(&tree, "store.postgresql").unwrap();
    keys(&mut a, &format!("j<ret>{}", answer_keys(&path)));
    assert_eq!(a.report.as_ref().unwrap().tree, "data-store");
    keys(&mut a, "n");
    let s = a.session.as_ref().unwrap();
    assert_eq!(s.active, 1);
    assert_eq!(a.report.as_ref().unwrap().tree, "data-design");
    assert!(a.notice.as_deref().unwrap().starts_with("decision 2 of 4"));
    keys(&mut a, "nnn");
    assert_eq!(a.session.as_ref().unwrap().active, 0, "n wraps around");
    assert_eq!(a.screen, Screen::Outcome);
    assert_eq!(a.report.as_ref().unwrap().tree, "data-store");
}

#[test]
fn the_preview_toggles_short_and_full_and_jumps_to_the_ends() {
    let repo = tempfile::TempDir::new().unwrap();
    let data = tempfile::TempDir::new().unwrap();
    let shell = shell_in(repo.path(), data.path(), None);
    let mut a = app();
    let tree = a.catalog.get("data-store").unwrap().clone();
    let path = path_to(&tree, "store.postgresql").unwrap();
    keys_via(
        &shell,
        &mut a,
        &format!("j<ret>{}<ret><c-s>", answer_keys(&path)),
    );
    assert_eq!(a.screen, Screen::Preview);
    let short = a.preview.clone().unwrap().unwrap().text;
    assert!(!short.contains("```mermaid"), "the short ADR has no graph");
    keys_via(&shell, &mut a, "d");
    let full = a.preview.clone().unwrap().unwrap().text;
    assert!(full.contains("```mermaid"), "the full ADR keeps the graph");
    assert!(tradeoffs::adr::words(&full) > tradeoffs::adr::words(&short));
    assert!(
        a.active().unwrap().1.record.full_detail,
        "the choice is saved"
    );
    keys_via(&shell, &mut a, "G");
    let lines = full.lines().count() as u16;
    assert!(a.preview_scroll > 0 && a.preview_scroll < lines);
    keys_via(&shell, &mut a, "g");
    assert_eq!(a.preview_scroll, 0);
    keys_via(&shell, &mut a, "<end>");
    assert!(a.preview_scroll > 0);
    keys_via(&shell, &mut a, "<home>");
    assert_eq!(a.preview_scroll, 0);
    keys_via(&shell, &mut a, "d");
    assert_eq!(a.preview.clone().unwrap().unwrap().text, short);
}

#[test]
fn exporting_an_exported_decision_again_asks_and_updates_in_place_or_writes_anew() {
    let repo = tempfile::TempDir::new().unwrap();
    let data = tempfile::TempDir::new().unwrap();
    let shell = shell_in(repo.path(), data.path(), Some(PathBuf::from("adr")));
    let mut a = app();
    let tree = a.catalog.get("data-store").unwrap().clone();
    let path = path_to(&tree, "store.postgresql").unwrap();
    keys_via(
        &shell,
        &mut a,
        &format!("j<ret>{}<ret><c-s><ret>", answer_keys(&path)),
    );
    let first = a.export.clone().unwrap().unwrap().written[0].clone();
    // Back to the form, fix the title, preview again: Enter asks instead of duplicating.
    keys_via(
        &shell,
        &mut a,
        "<esc><c-u>Use PostgreSQL for orders<c-s><ret>",
    );
    assert_eq!(a.screen, Screen::Preview);
    let notice = a.notice.clone().unwrap();
    assert!(notice.contains("this decision was exported as"), "{notice}");
    assert!(
        notice.contains("u updates it in place, w writes a new ADR"),
        "{notice}"
    );
    // u rewrites the same file.
    keys_via(&shell, &mut a, "u");
    let done = a.export.clone().unwrap().unwrap();
    assert!(done.written.is_empty());
    assert_eq!(done.changed, vec![first.clone()]);
    let text = std::fs::read_to_string(&first).unwrap();
    assert!(text.contains("# Use PostgreSQL for orders"), "{text}");
    assert_eq!(
        std::fs::read_dir(repo.path().join("adr")).unwrap().count(),
        1
    );
    // w writes a second ADR with the next number.
    keys_via(&shell, &mut a, "<esc><c-s>w");
    let done = a.export.clone().unwrap().unwrap();
    assert_eq!(done.written.len(), 1);
    assert_ne!(done.written[0], first);
    assert_eq!(
        std::fs::read_dir(repo.path().join("adr")).unwrap().count(),
        2
    );
}

#[test]
fn a_saved_session_is_named_by_its_repository_and_deleted_by_pressing_d_twice() {
    let repo = tempfile::TempDir::new().unwrap();
    let data = tempfile::TempDir::new().unwrap();
    let shell = shell_in(repo.path(), data.path(), None);
    let mut a = app();
    a.repo = Some(repo.path().display().to_string());
    keys_via(&shell, &mut a, "j<ret><ret>");
    let id = a.session.as_ref().unwrap().id.clone();
    assert_eq!(
        a.session.as_ref().unwrap().repo.as_deref(),
        Some(repo.path().display().to_string().as_str())
    );
    // Back home: the session is listed under its repository's name and its area.
    let mut b = App::new(shipped(), shell.store.list(&shipped()), None, NOW + 60);
    let name = repo
        .path()
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    let screen = render(&mut b, 120, 40);
    assert!(
        screen.contains(&format!("{name} · Database Design")),
        "{screen}"
    );
    // Resumed from another directory, it says where it was started.
    b.repo = Some("/somewhere/else".into());
    keys_via(&shell, &mut b, "<tab><ret>");
    assert!(
        b.notice
            .as_deref()
            .unwrap()
            .contains("this session was started in"),
        "{:?}",
        b.notice
    );
    // Delete: the first D asks, a second D deletes the file.
    let mut c = App::new(shipped(), shell.store.list(&shipped()), None, NOW + 60);
    keys_via(&shell, &mut c, "<tab>D");
    assert!(
        c.notice
            .as_deref()
            .unwrap()
            .contains("again to delete session")
    );
    assert_eq!(shell.store.list(&shipped()).len(), 1);
    keys_via(&shell, &mut c, "D");
    assert!(shell.store.list(&shipped()).is_empty());
    assert!(c.saved.is_empty());
    assert!(shell.store.load(&id, &shipped()).is_err());
}

#[test]
fn several_adr_folders_are_chosen_in_the_preview_and_the_style_is_named() {
    let data = tempfile::tempdir().unwrap();
    let repo = tempfile::tempdir().unwrap();
    crate::util::copy_dir(
        &crate::util::fixtures().join("house-style/log4brains-monorepo"),
        repo.path(),
    );
    let shell = shell_in(repo.path(), data.path(), None);
    let mut a = app();
    let tree = a.catalog.get("data-store").unwrap().clone();
    let path = path_to(&tree, "store.postgresql").unwrap();
    keys_via(
        &shell,
        &mut a,
        &format!("j<ret>{}<ret>", answer_keys(&path)),
    );
    keys_via(&shell, &mut a, "<c-s>");
    assert_eq!(a.screen, Screen::Preview);
    let p = a.preview.clone().unwrap().unwrap();
    assert_eq!(
        p.packages,
        [
            ("global".to_string(), "docs/adr".to_string()),
            ("backend".to_string(), "packages/backend/adr".to_string()),
            ("frontend".to_string(), "packages/frontend/adr".to_string()),
        ]
    );
    // Other keys wait for the choice; down and Enter pick the backend's folder.
    keys_via(&shell, &mut a, "u");
    assert_eq!(a.notice.as_deref(), Some("choose the ADR folder first"));
    keys_via(&shell, &mut a, "j<ret>");
    assert_eq!(a.adr_package.as_deref(), Some("backend"));
    let p = a.preview.clone().unwrap().unwrap();
    assert!(p.packages.is_empty());
    assert!(p.dir.starts_with("packages/backend/adr"), "{}", p.dir);
    assert_eq!(
        p.style.as_deref(),
        Some(
            "house style from packages/backend/adr/20240215-use-kotlin.md; markdownlint rules from .markdownlint.yaml"
        )
    );
    assert!(p.text.contains("\n* Status: proposed\n"), "{}", p.text);
    keys_via(&shell, &mut a, "<ret>");
    let Some(Ok(done)) = a.export.clone() else {
        panic!("export failed: {:?}", a.export)
    };
    assert!(done.written[0].starts_with(repo.path().join("packages/backend/adr")));
}

#[test]
fn a_revisited_decision_opens_on_its_report_then_its_outcome_and_its_export_supersedes_the_adr() {
    let repo = tempfile::TempDir::new().unwrap();
    let data = tempfile::TempDir::new().unwrap();
    let shell = shell_in(repo.path(), data.path(), Some(PathBuf::from("adr")));
    let mut a = app();
    let tree = a.catalog.get("data-store").unwrap().clone();
    let path = path_to(&tree, "store.postgresql").unwrap();
    keys_via(
        &shell,
        &mut a,
        &format!("j<ret>{}<ret><c-s><ret>", answer_keys(&path)),
    );
    let first = a.export.clone().unwrap().unwrap().written[0].clone();
    let first_answers = a.active().unwrap().1.answers.clone();

    // What `tradeoffs revisit 1` does before it opens the TUI.
    let dir = repo.path().join("adr");
    let found = tradeoffs::revisit::find(&dir, "1", repo.path()).unwrap();
    assert_eq!(found, first);
    let recorded = tradeoffs::revisit::read(&found, "1").unwrap();
    let mut b = app();
    let engine = tradeoffs::engine::Engine::new(&b.catalog);
    let rv =
        tradeoffs::revisit::rebuild(&b.catalog, &engine, recorded, "1", "revisit", NOW).unwrap();
    assert!(!rv.changes.tree_changed);
    assert_eq!(rv.session.decisions[0].answers, first_answers);
    tradeoffs::tui::update::open_session(&mut b, rv.session);
    tradeoffs::tui::update::open_revisit(&mut b, &rv.recorded, &rv.changes);
    assert_eq!(b.screen, Screen::Revisit);
    keys_via(&shell, &mut b, "<ret>");
    assert_eq!(b.screen, Screen::Outcome);
    assert_eq!(b.active().unwrap().1.answers, first_answers);
    assert_eq!(
        b.report.as_ref().unwrap().chosen.as_deref(),
        Some("store.postgresql")
    );
    // Decide, record, export: the new ADR supersedes the old one.
    keys_via(&shell, &mut b, "<ret><c-s><ret>");
    let done = b.export.clone().unwrap().unwrap();
    assert_eq!(done.changed, vec![first.clone()], "{done:?}");
    let old = std::fs::read_to_string(&first).unwrap();
    assert!(old.contains("status: \"superseded by ADR-0002\""), "{old}");
    let new = std::fs::read_to_string(&done.written[0]).unwrap();
    assert!(new.contains("Supersedes ADR-0001"), "{new}");
}
