//! End-to-end: the real binary in a pseudo-terminal (portable-pty), its screen parsed by vt100.
//! Walks a full path of the database tree by keys, edits the title, exports into a temporary
//! git repository, quits, then checks the ADR file and that the terminal was restored.
//!
//! Waits are for screen content, not for a time, but each has a generous deadline
//! ([`WAIT`]): a program that hangs while alive (or exits) fails the test with the last screen
//! and is killed, instead of blocking CI until its global time limit.

use crate::util::tui as tui_support;

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::process::Command;
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use portable_pty::{ChildKiller, CommandBuilder, PtySize, native_pty_system};

/// How long one wait for screen content may take. Far above a normal run (milliseconds), so it
/// only fires on a hang, even on a loaded CI machine; not a performance assertion.
const WAIT: Duration = Duration::from_secs(60);

/// The tests of this file run one at a time. `openpty` makes its two descriptors
/// close-on-exec only after opening them, so a program another test starts in that instant
/// inherits them; if that program is a TUI under test, it holds this test's terminal open
/// and a test that closes the terminal (or waits for the program's end) hangs until it
/// quits. Seen once in a full `cargo test` run under load.
static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn one_at_a_time() -> std::sync::MutexGuard<'static, ()> {
    ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

struct Term {
    parser: vt100::Parser,
    rx: Receiver<Vec<u8>>,
    writer: Box<dyn Write + Send>,
    killer: Box<dyn ChildKiller + Send + Sync>,
    eof: bool,
    /// Every byte the program wrote, for checks on the raw stream.
    raw: Vec<u8>,
}

impl Term {
    fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    /// Reads output until `pred` holds for the screen; panics with the screen at end of output,
    /// or after [`WAIT`] (killing the program first).
    fn wait(&mut self, what: &str, pred: impl Fn(&vt100::Screen) -> bool) {
        let deadline = Instant::now() + WAIT;
        while !pred(self.parser.screen()) {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.rx.recv_timeout(left) {
                Ok(bytes) => {
                    self.parser.process(&bytes);
                    self.raw.extend_from_slice(&bytes);
                }
                Err(RecvTimeoutError::Timeout) => {
                    let _ = self.killer.kill();
                    panic!(
                        "no {what} after {}s; the program was killed; screen:\n{}",
                        WAIT.as_secs(),
                        self.screen()
                    );
                }
                Err(RecvTimeoutError::Disconnected) => {
                    self.eof = true;
                    assert!(
                        pred(self.parser.screen()),
                        "output ended before {what}; screen:\n{}",
                        self.screen()
                    );
                    return;
                }
            }
        }
    }

    fn wait_text(&mut self, text: &str) {
        let t = text.to_string();
        self.wait(text, move |s| s.contents().contains(&t));
    }

    fn send(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }
}

#[test]
fn full_walk_edit_export_and_quit_in_a_real_terminal() {
    let _serial = one_at_a_time();
    let repo = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    for args in [
        &["init", "-q"][..],
        &["config", "user.name", "Pty Tester"][..],
    ] {
        let ok = Command::new("git")
            .arg("-C")
            .arg(repo.path())
            .args(args)
            .status()
            .unwrap();
        assert!(ok.success(), "git {args:?}");
    }

    let catalog = tui_support::shipped();
    let tree = catalog.get("data-store").unwrap();
    let path = tui_support::path_to(tree, "store.postgresql").expect("PostgreSQL reachable");

    let pty = native_pty_system();
    let pair = pty
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_tradeoffs"));
    cmd.cwd(repo.path());
    cmd.env("TRADEOFFS_DATA_DIR", data.path());
    cmd.env("TRADEOFFS_CONFIG_DIR", config.path());
    cmd.env("TRADEOFFS_DATE", "2024-02-29");
    cmd.env("TERM", "xterm-256color");
    cmd.env_remove("ADR_DIRECTORY");
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().unwrap();
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let mut t = Term {
        parser: vt100::Parser::new(
            NonZeroU16::new(24).unwrap(),
            NonZeroU16::new(80).unwrap(),
            0,
        ),
        rx,
        writer: pair.master.take_writer().unwrap(),
        killer: child.clone_killer(),
        eof: false,
        raw: Vec::new(),
    };

    t.wait_text("Decision areas");
    assert!(
        t.parser.screen().alternate_screen(),
        "the TUI uses the alternate screen"
    );
    t.send("j");
    t.wait_text("▶ Database Design");
    t.send("\r");
    for (i, n) in path.iter().enumerate() {
        t.wait_text(&format!("question {} ", i + 1));
        for _ in 1..*n {
            t.send("j");
        }
        t.send("\r");
    }
    t.wait_text("Outcome");
    let sel = {
        let (c, _) = tradeoffs::tree::Catalog::shipped();
        let graph = tradeoffs::tradeoff::TradeoffGraph::build(&c);
        let mut d = tradeoffs::session::Decision::new("data-store");
        for n in &path {
            d.answer(c.get("data-store").unwrap(), n - 1).unwrap();
        }
        let mut s = tradeoffs::session::Session::new("x", 0);
        s.decisions.push(d);
        let r = tradeoffs::report::build(&c, &graph, &s, 0).unwrap();
        r.ranking
            .iter()
            .position(|o| o.id == "store.postgresql")
            .unwrap()
    };
    for _ in 0..sel {
        t.send("j");
    }
    t.wait_text("Breakdown: PostgreSQL");
    t.send("\r");
    t.wait_text("Record: PostgreSQL");
    t.wait_text("Pty Tester");
    // Clear the pre-filled title and type a new one.
    t.send(&"\x7f".repeat(120));
    t.send("Use PostgreSQL for orders");
    t.wait_text("Use PostgreSQL for orders");
    t.send("\x13"); // Ctrl-S
    t.wait_text("will be written to docs/decisions");
    t.send("\r");
    t.wait_text("ADR written:");
    t.send("q");
    t.wait("the terminal is restored", |s| !s.alternate_screen());
    let deadline = Instant::now() + WAIT;
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("the program did not exit after q; screen:\n{}", t.screen());
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(status.success(), "exit status {status:?}");
    // Drain what is left, then check the state the program left the terminal in.
    while let Ok(bytes) = t.rx.recv_timeout(WAIT) {
        t.parser.process(&bytes);
    }
    let screen = t.parser.screen();
    assert!(!screen.alternate_screen(), "alternate screen left");
    assert!(!screen.hide_cursor(), "cursor shown again");

    let adr = repo
        .path()
        .join("docs/decisions/0001-use-postgresql-for-orders.md");
    let text = std::fs::read_to_string(&adr)
        .unwrap_or_else(|e| panic!("{}: {e}; screen:\n{}", adr.display(), t.screen()));
    assert!(text.contains("Use PostgreSQL for orders"), "{text}");
    assert!(text.contains("2024-02-29"), "{text}");
    assert!(text.contains("Pty Tester"), "{text}");
    // The session was autosaved and records the export.
    // (The sessions directory also holds the session's hidden lock file.)
    let sessions: Vec<_> = std::fs::read_dir(data.path().join("sessions"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    assert_eq!(sessions.len(), 1);
    let saved = std::fs::read_to_string(&sessions[0]).unwrap();
    assert!(
        saved.contains("0001-use-postgresql-for-orders.md"),
        "{saved}"
    );
}

#[test]
fn without_a_terminal_it_points_to_decide_and_fails() {
    let _serial = one_at_a_time();
    let out = Command::new(env!("CARGO_BIN_EXE_tradeoffs"))
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(err.contains("tradeoffs decide"), "{err}");
}

/// Starts the real binary in a 80×24 pseudo-terminal with its own data and config
/// directories, in `repo`; `trees` adds `--trees`.
fn spawn(
    repo: &std::path::Path,
    data: &std::path::Path,
    config: &std::path::Path,
) -> (
    Term,
    Box<dyn portable_pty::Child + Send + Sync>,
    Box<dyn portable_pty::MasterPty + Send>,
) {
    spawn_with(repo, data, config, &[])
}

fn spawn_with(
    repo: &std::path::Path,
    data: &std::path::Path,
    config: &std::path::Path,
    args: &[&str],
) -> (
    Term,
    Box<dyn portable_pty::Child + Send + Sync>,
    Box<dyn portable_pty::MasterPty + Send>,
) {
    spawn_env(repo, data, config, args, &[])
}

fn spawn_env(
    repo: &std::path::Path,
    data: &std::path::Path,
    config: &std::path::Path,
    args: &[&str],
    env: &[(&str, &str)],
) -> (
    Term,
    Box<dyn portable_pty::Child + Send + Sync>,
    Box<dyn portable_pty::MasterPty + Send>,
) {
    let pty = native_pty_system();
    let pair = pty
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_tradeoffs"));
    cmd.args(args);
    cmd.cwd(repo);
    cmd.env("TRADEOFFS_DATA_DIR", data);
    cmd.env("TRADEOFFS_CONFIG_DIR", config);
    cmd.env("TRADEOFFS_DATE", "2024-02-29");
    cmd.env("TERM", "xterm-256color");
    cmd.env_remove("ADR_DIRECTORY");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().unwrap();
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let t = Term {
        parser: vt100::Parser::new(
            NonZeroU16::new(24).unwrap(),
            NonZeroU16::new(80).unwrap(),
            0,
        ),
        rx,
        writer: pair.master.take_writer().unwrap(),
        killer: child.clone_killer(),
        eof: false,
        raw: Vec::new(),
    };
    (t, child, pair.master)
}

/// Walks the database tree to PostgreSQL's record form and types a title and a context.
fn fill_the_record_form(t: &mut Term) {
    let catalog = tui_support::shipped();
    let tree = catalog.get("data-store").unwrap();
    let path = tui_support::path_to(tree, "store.postgresql").expect("PostgreSQL reachable");
    t.wait_text("Decision areas");
    t.send("j");
    t.wait_text("▶ Database Design");
    t.send("\r");
    for (i, n) in path.iter().enumerate() {
        t.wait_text(&format!("question {} ", i + 1));
        for _ in 1..*n {
            t.send("j");
        }
        t.send("\r");
    }
    t.wait_text("Outcome");
    t.send("\r");
    t.wait_text("Record: ");
    t.send("\x15"); // Ctrl-U clears the pre-filled title
    t.send("Typed before the signal");
    t.wait_text("Typed before the signal");
    t.send("\t\t\t\t\t");
    t.send("Context typed");
    t.wait_text("Context typed");
}

fn wait_exit(
    t: &mut Term,
    child: &mut Box<dyn portable_pty::Child + Send + Sync>,
) -> portable_pty::ExitStatus {
    let deadline = Instant::now() + WAIT;
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("the program did not exit; screen:\n{}", t.screen());
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    while let Ok(bytes) = t.rx.recv_timeout(Duration::from_millis(500)) {
        t.parser.process(&bytes);
    }
    status
}

/// The one saved session's first decision's record draft.
fn saved_record(data: &std::path::Path) -> serde_json::Value {
    let sessions: Vec<_> = std::fs::read_dir(data.join("sessions"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    assert_eq!(sessions.len(), 1, "{sessions:?}");
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&sessions[0]).unwrap()).unwrap();
    v["decisions"][0]["record"].clone()
}

#[cfg(unix)]
#[test]
fn each_signal_restores_the_terminal_and_saves_the_typed_form() {
    let _serial = one_at_a_time();
    for (name, sig) in [
        ("SIGTERM", libc::SIGTERM),
        ("SIGHUP", libc::SIGHUP),
        ("SIGINT", libc::SIGINT),
        ("SIGQUIT", libc::SIGQUIT),
    ] {
        let repo = tempfile::tempdir().unwrap();
        let data = tempfile::tempdir().unwrap();
        let config = tempfile::tempdir().unwrap();
        let (mut t, mut child, _master) = spawn(repo.path(), data.path(), config.path());
        fill_the_record_form(&mut t);
        assert!(t.parser.screen().alternate_screen());
        let pid = child.process_id().expect("a pid") as libc::pid_t;
        // SAFETY: sending a signal to the child we started.
        assert_eq!(unsafe { libc::kill(pid, sig) }, 0);
        let status = wait_exit(&mut t, &mut child);
        assert_eq!(status.exit_code(), 128 + sig as u32, "{name}");
        let screen = t.parser.screen();
        assert!(!screen.alternate_screen(), "{name}: alternate screen left");
        assert!(!screen.hide_cursor(), "{name}: cursor shown again");
        assert_eq!(
            screen.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "{name}: mouse reporting off"
        );
        let record = saved_record(data.path());
        assert_eq!(
            record["title"], "Typed before the signal",
            "{name}: {record}"
        );
        assert_eq!(record["context"], "Context typed", "{name}: {record}");
        assert!(
            t.screen().contains("saved; resume it with"),
            "{name}: {}",
            t.screen()
        );
    }
}

#[cfg(unix)]
#[test]
fn a_closed_terminal_ends_the_program_with_the_form_saved() {
    let _serial = one_at_a_time();
    close_the_terminal_and_expect_the_form_saved(&[]);
}

#[cfg(unix)]
#[test]
fn a_terminal_closed_while_crossterm_reads_still_ends_the_program() {
    let _serial = one_at_a_time();
    // The hang-up reaches crossterm's read loop, which reads end-of-file forever on its own:
    // the watchdog must get the program out, with the form saved.
    close_the_terminal_and_expect_the_form_saved(&[("TRADEOFFS_FAULT_LATE_HANGUP", "1")]);
}

#[cfg(unix)]
fn close_the_terminal_and_expect_the_form_saved(env: &[(&str, &str)]) {
    let repo = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    let (mut t, mut child, master) = spawn_env(repo.path(), data.path(), config.path(), &[], env);
    fill_the_record_form(&mut t);
    // Closing the terminal: the program must end (not spin reading end-of-file) and keep the
    // typed text.
    // The reader thread holds a copy of the master: drop the receiving end, then make the
    // program draw so the thread's next send fails and it closes its copy.
    let Term { rx, mut writer, .. } = t;
    drop(rx);
    // Tab moves the focus, so every press redraws; a few presses over a second wake the
    // reader thread even on a loaded machine.
    for _ in 0..10 {
        writer.write_all(b"\t").unwrap();
        writer.flush().unwrap();
        std::thread::sleep(Duration::from_millis(100));
    }
    drop(writer);
    drop(master);
    let deadline = Instant::now() + WAIT;
    while child.try_wait().unwrap().is_none() {
        if Instant::now() >= deadline {
            // Not left behind spinning (one was, for 18 minutes, after a failed run).
            let _ = child.kill();
            panic!("the program did not end");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let record = saved_record(data.path());
    assert_eq!(record["title"], "Typed before the signal", "{record}");
    assert_eq!(record["context"], "Context typed", "{record}");
}

#[test]
fn no_escape_from_a_hostile_tree_reaches_the_terminal_from_the_tui() {
    let _serial = one_at_a_time();
    let repo = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    let file = crate::hardening::hostile_tree(config.path());
    let f = file.display().to_string();
    let (mut t, mut child, _master) =
        spawn_with(repo.path(), data.path(), config.path(), &["--trees", &f]);
    t.wait_text("Decision areas");
    for _ in 0..10 {
        if t.screen().contains("▶ Test area small") {
            break;
        }
        t.send("j");
        std::thread::sleep(Duration::from_millis(200));
        while let Ok(bytes) = t.rx.recv_timeout(Duration::from_millis(200)) {
            t.parser.process(&bytes);
            t.raw.extend_from_slice(&bytes);
        }
    }
    t.wait_text("▶ Test area small");
    t.send("\r");
    t.wait_text("What matters most?");
    t.send("?");
    t.wait_text("Esc");
    t.send("?");
    t.send("\r");
    t.wait_text("Which shortlist?");
    t.send("\r");
    t.wait_text("Outcome");
    t.send("\r");
    t.wait_text("Record: ");
    t.send("\x13"); // Ctrl-S: the preview
    t.wait_text("will be written to");
    t.send("\x03"); // Ctrl-C
    wait_exit(&mut t, &mut child);
    let raw = String::from_utf8_lossy(&t.raw);
    for marker in [
        "\u{1b}]52;",
        "\u{1b}]0;pwned",
        "\u{1b}]8;;http://evil",
        "\u{1b}[7777D",
        "\u{1b}[2J",
        "\u{9b}",
        "\u{9d}",
        "\u{9c}",
        "\u{7}",
        "\u{202e}",
    ] {
        assert!(!raw.contains(marker), "{marker:?} reached the terminal");
    }
}

#[test]
fn revisit_opens_the_recorded_decision_and_its_export_supersedes_the_adr() {
    let _serial = one_at_a_time();
    let repo = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    let trees = crate::util::fixtures().join("valid");
    let trees = trees.to_str().unwrap();
    let out = crate::util::tradeoffs(config.path(), data.path())
        .current_dir(repo.path())
        .env("TRADEOFFS_DATE", "2024-02-29")
        .args([
            "--trees", trees, "decide", "--tree", "small", "--path", "1,1",
        ])
        .args([
            "--export",
            "--decider",
            "Pty Tester",
            "--weight",
            "sm.cost=4",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (mut t, mut child, _master) = spawn_with(
        repo.path(),
        data.path(),
        config.path(),
        &["--trees", trees, "revisit", "1"],
    );
    // It opens on what revisit found; Enter goes on to the outcome.
    t.wait_text("Revisiting ADR 1: what changed");
    t.wait_text("Nothing changed since ADR 1");
    t.send("\r");
    t.wait_text("Ranking: Use A or B");
    t.send("\r");
    t.wait_text("Record: Option B");
    t.send("\x13"); // Ctrl-S
    t.wait_text("will be written to");
    t.send("\r");
    t.wait_text("ADR written:");
    t.send("q");
    let status = wait_exit(&mut t, &mut child);
    assert!(status.success(), "exit status {status:?}");
    let dir = repo.path().join("docs/decisions");
    let old = std::fs::read_to_string(dir.join("0001-use-option-b.md")).unwrap();
    assert!(old.contains("status: \"superseded by ADR-0002\""), "{old}");
    let new = std::fs::read_to_string(dir.join("0002-use-option-b.md"))
        .unwrap_or_else(|e| panic!("{e}; screen:\n{}", t.screen()));
    assert!(new.contains("Supersedes ADR-0001"), "{new}");
    // The hand-set weight came back with the answers.
    let data = tradeoffs::adr::decision_data::decode(&new)
        .unwrap()
        .unwrap();
    assert_eq!(data.weights.get("sm.cost"), Some(&4));
    assert_eq!(data.path, "1,1");
}
