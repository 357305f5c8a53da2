//! The one way CLI text reaches the terminal. Tree files, session files and ADR directories are
//! untrusted: every line printed here has its control characters replaced
//! ([`tradeoffs::text::sanitize`]), so no escape sequence (an OSC 52 clipboard write, a cursor
//! move, a C1 control, BEL) in a tree id or title can reach the user's terminal through
//! `trees show` or `trees validate`. JSON output goes through [`json`], which escapes the
//! characters serde_json leaves raw (C1 controls, bidi and zero-width formatting characters).
//!
//! A closed pipe (`tradeoffs ... | head -1`) ends the program quietly with status 0, as `cat`
//! and `grep` do, instead of panicking in `print!`.

use std::io::Write as _;

use tradeoffs::text::{json_escape_unsafe, sanitize, sanitized};

/// Writes to stdout or stderr; a broken pipe ends the process quietly.
fn write(to_stderr: bool, s: &str) {
    let result = if to_stderr {
        let mut e = std::io::stderr().lock();
        e.write_all(s.as_bytes()).and_then(|()| e.flush())
    } else {
        let mut o = std::io::stdout().lock();
        o.write_all(s.as_bytes()).and_then(|()| o.flush())
    };
    if let Err(e) = result
        && e.kind() == std::io::ErrorKind::BrokenPipe
    {
        std::process::exit(0);
    }
}

/// Prints text to stdout as is, line by line, each line sanitized; a missing final newline
/// stays missing.
pub fn text(s: &str) {
    let mut out = String::with_capacity(s.len());
    for (i, line) in s.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&sanitized(line));
    }
    write(false, &out);
}

/// Prints one line to stdout.
pub fn line(s: &str) {
    text(&format!("{s}\n"));
}

/// Prints serde_json output to stdout, with C1 controls and bidi/zero-width characters written
/// as `\uXXXX` escapes (the same JSON value, but nothing a terminal acts on), and a newline.
pub fn json(s: &str) {
    line(&json_escape_unsafe(s));
}

/// Prints one line to stderr.
pub fn err_line(s: &str) {
    write(true, &format!("{}\n", sanitize(s)));
}

/// A `warning: ...` line on stderr.
pub fn warn(s: &str) {
    err_line(&format!("warning: {s}"));
}
