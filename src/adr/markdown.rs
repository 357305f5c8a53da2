//! Escaping for everything a renderer or an amendment puts into an ADR: Markdown inline text and
//! paragraphs, YAML scalars, link text and URLs. Every string from the user or a tree file goes
//! through one of these, so it cannot break the Markdown structure or the front matter. (No
//! crate escapes Markdown; these are small and tested through the golden files.)

/// Inline Markdown text: control characters and newlines become spaces, and every character
/// that could start Markdown syntax is backslash-escaped.
pub fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        // A balanced `code span` on one line is kept as code (`__Host-`), since nothing inside
        // a code span is Markdown syntax.
        if c == '`'
            && let Some(len) = chars[i + 1..].iter().position(|&x| x == '`')
            && len > 0
            && chars[i + 1..i + 1 + len]
                .iter()
                .all(|x| !x.is_control() && *x != '`')
        {
            out.extend(&chars[i..i + len + 2]);
            i += len + 2;
            continue;
        }
        i += 1;
        match c {
            c if c.is_control() => out.push(' '),
            // Bidi overrides and zero-width characters would reorder or hide what a reviewer
            // reads in the rendered ADR.
            c if crate::text::is_invisible_format(c) => {}
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '!' | '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// A paragraph of text: [`md`], plus an escape at the start of the line where Markdown would
/// otherwise read a list item, a thematic break or a setext underline (`- `, `+ `, `---`,
/// `===`, `1. `).
pub fn md_paragraph(s: &str) -> String {
    let text = md(s.trim());
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    if text.starts_with(['-', '+', '=']) {
        format!("\\{text}")
    } else if digits > 0 && text[digits..].starts_with(['.', ')']) {
        format!("{}\\{}", &text[..digits], &text[digits..])
    } else {
        text
    }
}

/// A YAML double-quoted scalar.
pub fn yaml(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push(' '),
            c if crate::text::is_invisible_format(c) => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Link text inside `[...]`: like [`md`], which already escapes brackets.
pub fn link_text(s: &str) -> String {
    md(s)
}

/// A URL inside `(...)`: spaces and parentheses would end the link, so they are encoded.
pub fn url(u: &str) -> String {
    u.chars()
        .filter(|&c| !c.is_control() && !crate::text::is_invisible_format(c))
        .map(|c| match c {
            ' ' => "%20".to_string(),
            '(' => "%28".to_string(),
            ')' => "%29".to_string(),
            '<' => "%3C".to_string(),
            '>' => "%3E".to_string(),
            c => c.to_string(),
        })
        .collect()
}
