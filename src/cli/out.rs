//! The one way CLI text reaches the terminal. Tree files, session files and ADR directories are
//! untrusted: every line printed here has its control characters replaced
//! ([`tradeoffs::text::sanitize`]), so no escape sequence (an OSC 52 clipboard write, a cursor
//! move) in a tree id or title can reach the user's terminal through `trees show` or
//! `trees validate`. JSON needs no exception: serde_json escapes control characters itself.

use tradeoffs::text::sanitize;

/// Prints text to stdout as is, line by line, each line sanitized; a missing final newline
/// stays missing.
pub fn text(s: &str) {
    let mut out = String::with_capacity(s.len());
    for (i, line) in s.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&sanitize(line));
    }
    print!("{out}");
}

/// Prints one line to stdout.
pub fn line(s: &str) {
    text(s);
    println!();
}

/// Prints one line to stderr.
pub fn err_line(s: &str) {
    eprintln!("{}", sanitize(s));
}

/// A `warning: ...` line on stderr.
pub fn warn(s: &str) {
    err_line(&format!("warning: {s}"));
}
