//! Text that crosses a trust boundary: from tree files, session files or the user to a terminal
//! or a Mermaid diagram. One home for the sanitizer so the CLI, the TUI and the renderers cannot
//! drift apart on what "safe to print" means.

/// Text with every control character (escape, newline, tab...) replaced by a space, so it
/// cannot drive a terminal (no OSC 52 clipboard writes, no cursor movement).
pub fn sanitize(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// Mermaid labels in quotes: quotes and the characters Mermaid treats specially become entity
/// codes.
pub fn mermaid_escape(s: &str) -> String {
    sanitize(s)
        .replace('"', "#quot;")
        .replace('<', "#lt;")
        .replace('>', "#gt;")
        .replace('|', "#124;")
        .replace('`', "#96;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_never_survive() {
        assert_eq!(sanitize("a\u{1b}]52;c;x\u{7}b\tc"), "a ]52;c;x b c");
        assert_eq!(
            mermaid_escape("a \"b\" <c>|`"),
            "a #quot;b#quot; #lt;c#gt;#124;#96;"
        );
    }
}
