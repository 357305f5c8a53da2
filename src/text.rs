//! Text that crosses a trust boundary: from tree files, session files or the user to a terminal
//! or a Mermaid diagram. One home for the sanitizer so the CLI, the TUI and the renderers cannot
//! drift apart on what "safe to print" means.

/// Text with every control character (escape, newline, tab, C1 controls such as U+009B...)
/// replaced by a space, so it cannot drive a terminal (no OSC 52 clipboard writes, no cursor
/// movement), and bidi and zero-width formatting characters dropped, so it cannot reorder
/// what the reader sees (U+202E "right-to-left override").
pub fn sanitize(s: &str) -> String {
    sanitized(s).into_owned()
}

/// [`sanitize`] without a copy when there is nothing to replace (almost every line: printing
/// a 1,000-ADR log copied each line for nothing).
pub fn sanitized(s: &str) -> std::borrow::Cow<'_, str> {
    // Printable ASCII, almost every line, is settled bytewise (decoding characters for the
    // general check costs a 1,000-ADR `tradeoffs log` 8 % more instructions).
    let printable_ascii = s.bytes().all(|b| (0x20..0x7f).contains(&b));
    if printable_ascii || !s.chars().any(is_unsafe_char) {
        return std::borrow::Cow::Borrowed(s);
    }
    std::borrow::Cow::Owned(
        s.chars()
            .filter(|&c| !is_invisible_format(c))
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect(),
    )
}

/// Bidi embedding, override and isolate controls, marks, and zero-width characters: invisible
/// characters that change how the text around them is shown.
pub fn is_invisible_format(c: char) -> bool {
    matches!(c,
        '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{061C}'
        | '\u{FEFF}')
}

/// Characters JSON may carry but a terminal or a reader should not get raw: C0/C1 controls and
/// the invisible formatting characters of [`is_invisible_format`].
pub fn is_unsafe_char(c: char) -> bool {
    c.is_control() || is_invisible_format(c)
}

/// serde_json output with every [`is_unsafe_char`] written as a `\uXXXX` escape. serde_json
/// escapes only U+0000–U+001F; C1 controls (U+0080–U+009F, which some terminals obey as CSI or
/// OSC) and bidi overrides pass raw. Outside strings JSON holds only ASCII, so the escaping
/// applies within strings only, and the value read back is unchanged.
pub fn json_escape_unsafe(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if c != '\n' && c != '\t' && c != '\r' && is_unsafe_char(c) {
            let mut buf = [0u16; 2];
            for unit in c.encode_utf16(&mut buf) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The widest column the plain-text tables pad to. `format!` widths must fit in a `u16` (a
/// 65,536-character name would panic "Formatting argument out of range"), and a column wider
/// than this is not a table anyone reads; longer cells are printed whole, unpadded.
pub const MAX_PAD: usize = 1000;

/// A column width for `{:<w$}`, capped at [`MAX_PAD`].
pub fn pad_width(w: usize) -> usize {
    w.min(MAX_PAD)
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
    fn json_keeps_its_value_without_raw_controls() {
        let v = serde_json::json!({"a": "x\u{9b}31m\u{202e}y\u{1b}"});
        let text = json_escape_unsafe(&serde_json::to_string_pretty(&v).unwrap());
        assert!(
            !text.chars().any(|c| c != '\n' && is_unsafe_char(c)),
            "{text}"
        );
        assert!(text.contains("\\u009b"), "{text}");
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, v);
    }

    #[test]
    fn bidi_and_zero_width_are_dropped() {
        assert_eq!(sanitize("a\u{202e}b\u{200b}c\u{9b}d"), "abc d");
    }

    #[test]
    fn control_characters_never_survive() {
        assert_eq!(sanitize("a\u{1b}]52;c;x\u{7}b\tc"), "a ]52;c;x b c");
        assert_eq!(
            mermaid_escape("a \"b\" <c>|`"),
            "a #quot;b#quot; #lt;c#gt;#124;#96;"
        );
    }
}
