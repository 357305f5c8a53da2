//! The TUI's decision-log screen: key sequences through the real shell on copies of the fixture
//! logs (state), and insta snapshots of the list, the search, the reader and its help at 80×24
//! and 120×40 (review with `cargo insta review`).

use crate::log::Repo;
use crate::util::tui as tui_support;

use tradeoffs::store::Store;
use tradeoffs::tui::Shell;
use tradeoffs::tui::app::{App, Screen};
use tradeoffs::tui::keys::Context;
use tradeoffs::tui::update::Msg;
use tui_support::*;

/// The shell and app on a copy of `tests/fixtures/logs/<shape>`.
fn on(shape: &str) -> (Repo, Shell, App) {
    let r = Repo::fixture(shape);
    let data = r.path(".data");
    let shell = Shell {
        store: Store::new(data.join("sessions")),
        repo: r.dir.path().to_path_buf(),
        adr_dir: None,
        package: None,
        held: Default::default(),
    };
    let mut a = app();
    a.repo = Some(r.dir.path().display().to_string());
    (r, shell, a)
}

fn titles(a: &App) -> Vec<String> {
    let v = &a.log_view;
    v.visible()
        .iter()
        .map(|&i| v.entries()[i].title_text().to_string())
        .collect()
}

fn reading(a: &App) -> Option<String> {
    let r = a.log_view.reader.as_ref()?;
    Some(a.log_view.entries()[r.entry].file.clone())
}

#[test]
fn home_opens_the_log_and_back_returns() {
    let (_r, shell, mut a) = on("adr-tools");
    keys_via(&shell, &mut a, "L");
    assert_eq!(a.screen, Screen::Log);
    assert_eq!(a.context(), Context::Log);
    assert_eq!(
        titles(&a),
        [
            "Record architecture decisions",
            "Use MySQL for payments",
            "Use PostgreSQL for payments",
            "Keep decisions short"
        ]
    );
    keys_via(&shell, &mut a, "<esc>");
    assert_eq!(a.screen, Screen::Home);
}

#[test]
fn the_status_filter_cycles_through_the_statuses_the_log_uses() {
    let (_r, shell, mut a) = on("adr-tools");
    keys_via(&shell, &mut a, "L");
    keys_via(&shell, &mut a, "s");
    assert_eq!(a.log_view.status.as_deref(), Some("proposed"));
    assert_eq!(titles(&a), ["Keep decisions short"]);
    keys_via(&shell, &mut a, "s");
    assert_eq!(a.log_view.status.as_deref(), Some("accepted"));
    assert_eq!(titles(&a).len(), 2);
    keys_via(&shell, &mut a, "s");
    assert_eq!(titles(&a), ["Use MySQL for payments"]);
    keys_via(&shell, &mut a, "s");
    assert_eq!(a.log_view.status, None);
    assert_eq!(titles(&a).len(), 4);
}

#[test]
fn typing_searches_titles_and_letters_are_text_not_commands() {
    let (_r, shell, mut a) = on("adr-tools");
    keys_via(&shell, &mut a, "L/");
    assert_eq!(a.context(), Context::LogSearch);
    // `q`, `s` and `j` are letters of the search, not quit, filter or move.
    keys_via(&shell, &mut a, "for payments");
    assert!(!a.quit);
    assert_eq!(a.log_view.query_text(), "for payments");
    assert_eq!(
        titles(&a),
        ["Use MySQL for payments", "Use PostgreSQL for payments"]
    );
    // Arrows move while typing; Enter keeps the search and leaves the field.
    keys_via(&shell, &mut a, "<down><ret>");
    assert_eq!(a.context(), Context::Log);
    assert_eq!(a.log_view.sel, 1);
    assert_eq!(titles(&a).len(), 2);
    // Esc in the field clears the search.
    keys_via(&shell, &mut a, "/<bs><bs><bs>xyz");
    assert!(titles(&a).is_empty());
    keys_via(&shell, &mut a, "<esc>");
    assert_eq!(a.log_view.query_text(), "");
    assert_eq!(titles(&a).len(), 4);
    // Numbers are searched too.
    keys_via(&shell, &mut a, "/0004<ret>");
    assert_eq!(titles(&a), ["Keep decisions short"]);
}

#[test]
fn the_reader_scrolls_follows_links_and_goes_back_the_way_it_came() {
    let (_r, shell, mut a) = on("adr-tools");
    keys_via(&shell, &mut a, "Ljj<ret>");
    assert_eq!(a.context(), Context::LogReader);
    assert_eq!(
        reading(&a).as_deref(),
        Some("0003-use-postgresql-for-payments.md")
    );
    let r = a.log_view.reader.as_ref().unwrap();
    let text = r.text.clone().unwrap().unwrap();
    assert!(text.starts_with("# 3. Use PostgreSQL for payments\n"));
    let links = a.log_view.links();
    assert_eq!(links.len(), 1);
    assert_eq!(links[0].label, "Supersedes");
    // Scrolling stops at the last line.
    keys_via(&shell, &mut a, "jjj");
    assert_eq!(a.log_view.reader.as_ref().unwrap().scroll, 3);
    keys_via(&shell, &mut a, "G");
    let lines = text.lines().count() as u16;
    assert_eq!(a.log_view.reader.as_ref().unwrap().scroll, lines - 1);
    // Follow "Supersedes" to 0002, whose "Superceded by" leads back to 0003.
    keys_via(&shell, &mut a, "<ret>");
    assert_eq!(
        reading(&a).as_deref(),
        Some("0002-use-mysql-for-payments.md")
    );
    assert_eq!(a.log_view.links()[0].label, "Superseded by");
    keys_via(&shell, &mut a, "<ret>");
    assert_eq!(
        reading(&a).as_deref(),
        Some("0003-use-postgresql-for-payments.md")
    );
    // Back retraces the links, then returns to the list on the ADR first opened.
    keys_via(&shell, &mut a, "<esc>");
    assert_eq!(
        reading(&a).as_deref(),
        Some("0002-use-mysql-for-payments.md")
    );
    keys_via(&shell, &mut a, "<bs>");
    assert_eq!(
        reading(&a).as_deref(),
        Some("0003-use-postgresql-for-payments.md")
    );
    keys_via(&shell, &mut a, "<esc>");
    assert_eq!(reading(&a), None);
    assert_eq!(a.context(), Context::Log);
    assert_eq!(a.log_view.sel, 2);
}

#[test]
fn a_click_highlights_a_row_and_enter_reads_it() {
    let (_r, shell, mut a) = on("adr-tools");
    keys_via(&shell, &mut a, "L");
    let screen = render(&mut a, 80, 24);
    let row = screen
        .lines()
        .position(|l| l.contains("Keep decisions short"))
        .unwrap() as u16;
    shell.dispatch(&mut a, Msg::Click { column: 20, row });
    assert_eq!(a.log_view.sel, 3);
    keys_via(&shell, &mut a, "<ret>");
    assert_eq!(reading(&a).as_deref(), Some("0004-keep-decisions-short.md"));
    // Clicks in the reader do nothing.
    shell.dispatch(&mut a, Msg::Click { column: 20, row });
    assert_eq!(reading(&a).as_deref(), Some("0004-keep-decisions-short.md"));
}

#[test]
fn a_link_to_an_adr_not_in_the_log_says_so() {
    let (r, shell, mut a) = on("adr-tools");
    std::fs::write(
        r.path("doc/adr/0005-use-kafka.md"),
        "# 5. Use Kafka\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n\nAmends [9. Gone](0009-gone.md)\n",
    )
    .unwrap();
    std::fs::write(
        r.path("doc/adr/0006-use-nats.md"),
        "# 6. Use NATS\n\nDate: 2026-01-02\n\n## Status\n\nProposed\n",
    )
    .unwrap();
    keys_via(&shell, &mut a, "LGk<ret><ret>");
    assert_eq!(reading(&a).as_deref(), Some("0005-use-kafka.md"));
    assert_eq!(
        a.notice.as_deref(),
        Some("Amends 0009-gone.md: no ADR of this log has that name or number")
    );
    // An ADR without links: Enter says there is nothing to follow.
    keys_via(&shell, &mut a, "<esc>G<ret><ret>");
    assert_eq!(reading(&a).as_deref(), Some("0006-use-nats.md"));
    assert_eq!(a.notice.as_deref(), Some("this ADR links to no other ADR"));
}

#[test]
fn control_characters_in_adrs_never_reach_the_terminal() {
    let (r, shell, mut a) = on("adr-tools");
    std::fs::write(
        r.path("doc/adr/0005-use-kafka.md"),
        "# 5. Use \u{1b}]52;c;ZXZpbA==\u{7}Kafka\u{9b}2J\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nBell \u{7} and escape \u{1b}[31m here.\n",
    )
    .unwrap();
    keys_via(&shell, &mut a, "L");
    let list = render(&mut a, 80, 24);
    keys_via(&shell, &mut a, "G<ret>");
    let reader = render(&mut a, 80, 24);
    for screen in [list, reader] {
        assert!(screen.contains("Kafka"), "{screen}");
        assert!(
            !screen.chars().any(|c| c.is_control() && c != '\n'),
            "{screen:?}"
        );
    }
}

#[test]
fn a_log_that_cannot_be_read_or_is_empty_says_what_to_do() {
    let mut a = app();
    a.screen = Screen::Log;
    tradeoffs::tui::update::update(
        &mut a,
        Msg::LogLoaded(Err(
            "cannot list the ADR directory doc/adr: permission denied".into(),
        )),
    );
    let s = render(&mut a, 80, 24);
    assert!(
        s.contains("✗ The decision log cannot be read: cannot list the ADR"),
        "{s}"
    );
    let r = Repo::empty();
    let shell = Shell {
        store: Store::new(r.path("sessions")),
        repo: r.dir.path().to_path_buf(),
        adr_dir: None,
        package: None,
        held: Default::default(),
    };
    let mut a = app();
    keys_via(&shell, &mut a, "L");
    let s = render(&mut a, 80, 24);
    assert!(s.contains("No ADRs here yet."), "{s}");
}

mod snapshots {
    use super::*;

    const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

    fn assert_snap(name: &str, backend: &ratatui::backend::TestBackend) {
        let mut settings = insta::Settings::clone_current();
        settings.set_snapshot_path("../snapshots");
        settings.set_prepend_module_to_snapshot(false);
        settings.bind(|| insta::assert_snapshot!(format!("tui_log__{name}"), backend));
    }

    fn snap(name: &str, app: &mut App) {
        for (w, h) in SIZES {
            let t = draw(app, w, h);
            assert_snap(&format!("{name}_{w}x{h}"), t.backend());
        }
    }

    #[test]
    fn log_list() {
        let (_r, shell, mut a) = on("adr-tools");
        keys_via(&shell, &mut a, "Lj");
        snap("list", &mut a);
    }

    #[test]
    fn log_list_of_log4brains_filtered_and_searched() {
        let (_r, shell, mut a) = on("log4brains");
        keys_via(&shell, &mut a, "L/pick<ret>");
        snap("search", &mut a);
        keys_via(&shell, &mut a, "s");
        snap("search_and_status", &mut a);
    }

    #[test]
    fn log_searching() {
        let (_r, shell, mut a) = on("madr");
        keys_via(&shell, &mut a, "L/pay");
        snap("searching", &mut a);
    }

    #[test]
    fn log_reader_with_links() {
        let (_r, shell, mut a) = on("adr-tools");
        keys_via(&shell, &mut a, "Ljj<ret>");
        snap("reader", &mut a);
    }

    #[test]
    fn log_help() {
        let (_r, shell, mut a) = on("adr-tools");
        keys_via(&shell, &mut a, "L?");
        snap("help", &mut a);
    }
}
