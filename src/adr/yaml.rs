//! A reader for the subset of YAML that configuration files of ADR and Markdown tools use
//! (`.markdownlint.yaml`, `.markdownlint-cli2.yaml`, `.log4brains.yml`): block mappings and
//! sequences by indentation, one-line flow mappings and sequences, quoted and plain scalars,
//! comments and block scalars. It yields a `serde_json::Value`, so JSON and YAML configs are
//! read by one code path.
//!
//! Why not a crate: serde_yaml is deprecated and unmaintained, its forks are young or disputed,
//! and a full YAML parser is a large dependency for the few keys read here. Anything outside
//! the subset (anchors, tags, multi-document files) reads as a plain string or is skipped; the
//! callers fall back to defaults then.

use serde_json::{Map, Value};

/// Parses `text`; `None` when it is not a mapping or sequence at the top.
pub fn parse(text: &str) -> Option<Value> {
    let lines: Vec<(usize, String)> = text
        .lines()
        .filter(|l| !matches!(l.trim_end(), "---" | "..."))
        .map(|l| (indent(l), strip_comment(l).trim().to_string()))
        .collect();
    // Blank and comment-only lines are dropped, except inside block scalars, which keep them
    // (handled by `Parser::scalar_block` through `raw`).
    let raw: Vec<&str> = text
        .lines()
        .filter(|l| !matches!(l.trim_end(), "---" | "..."))
        .collect();
    let mut p = Parser { lines, raw, at: 0 };
    p.skip_blank();
    let first = p.lines.get(p.at)?.0;
    let v = p.block(first);
    match &v {
        Value::Object(m) if !m.is_empty() => Some(v),
        Value::Array(a) if !a.is_empty() => Some(v),
        _ => None,
    }
}

fn indent(l: &str) -> usize {
    l.len() - l.trim_start_matches(' ').len()
}

/// The line without a `# comment` (a `#` at the start or after a space, outside quotes).
fn strip_comment(l: &str) -> &str {
    let mut quote: Option<char> = None;
    let mut prev = ' ';
    for (i, c) in l.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '"' || c == '\'' => quote = Some(c),
            None if c == '#' && (prev == ' ' || prev == '\t') => return &l[..i],
            None => {}
        }
        prev = c;
    }
    l
}

struct Parser<'a> {
    lines: Vec<(usize, String)>,
    raw: Vec<&'a str>,
    at: usize,
}

impl Parser<'_> {
    fn skip_blank(&mut self) {
        while self.lines.get(self.at).is_some_and(|(_, l)| l.is_empty()) {
            self.at += 1;
        }
    }

    /// The block (mapping or sequence) whose lines start at column `ind`.
    fn block(&mut self, ind: usize) -> Value {
        self.skip_blank();
        let Some((_, l)) = self.lines.get(self.at) else {
            return Value::Null;
        };
        if l == "-" || l.starts_with("- ") {
            self.sequence(ind)
        } else {
            self.mapping(ind)
        }
    }

    fn sequence(&mut self, ind: usize) -> Value {
        let mut out = Vec::new();
        loop {
            self.skip_blank();
            let Some((i, l)) = self.lines.get(self.at).cloned() else {
                break;
            };
            if i != ind || !(l == "-" || l.starts_with("- ")) {
                break;
            }
            let rest = l[1..].trim_start().to_string();
            if rest.is_empty() {
                self.at += 1;
                self.skip_blank();
                match self.lines.get(self.at) {
                    Some(&(n, _)) if n > ind => out.push(self.block(n)),
                    _ => out.push(Value::Null),
                }
            } else if split_key(&rest).is_some() && !rest.starts_with(['{', '[', '"', '\'']) {
                // `- key: value`: a mapping whose first key shares the dash's line.
                let col = ind + (l.len() - rest.len());
                self.lines[self.at] = (col, rest);
                out.push(self.mapping(col));
            } else {
                self.at += 1;
                out.push(scalar_or_flow(&rest));
            }
        }
        Value::Array(out)
    }

    fn mapping(&mut self, ind: usize) -> Value {
        let mut out = Map::new();
        loop {
            self.skip_blank();
            let Some((i, l)) = self.lines.get(self.at).cloned() else {
                break;
            };
            if i != ind {
                break;
            }
            let Some((key, value)) = split_key(&l) else {
                break;
            };
            self.at += 1;
            let v = if value.is_empty() {
                self.skip_blank();
                match self.lines.get(self.at) {
                    Some((n, next)) if *n > ind || (*n == ind && next.starts_with("- ")) => {
                        let n = *n;
                        self.block(n)
                    }
                    _ => Value::Null,
                }
            } else if value.starts_with('|') || value.starts_with('>') {
                self.scalar_block(ind, value.starts_with('>'))
            } else {
                scalar_or_flow(&value)
            };
            out.insert(key, v);
        }
        Value::Object(out)
    }

    /// The lines of a `|` or `>` block scalar (indented deeper than its key).
    fn scalar_block(&mut self, ind: usize, folded: bool) -> Value {
        let mut parts = Vec::new();
        while let Some(raw) = self.raw.get(self.at) {
            if !raw.trim().is_empty() && indent(raw) <= ind {
                break;
            }
            parts.push(raw.trim().to_string());
            self.at += 1;
        }
        Value::String(parts.join(if folded { " " } else { "\n" }))
    }
}

/// `key: value` → (key, value); the key may be quoted.
fn split_key(l: &str) -> Option<(String, String)> {
    let (key, rest) = if let Some(q) = l.chars().next().filter(|c| *c == '"' || *c == '\'') {
        let end = l[1..].find(q)? + 1;
        (l[1..end].to_string(), &l[end + 1..])
    } else {
        let colon = l.char_indices().find(|&(i, c)| {
            c == ':'
                && l[i + 1..]
                    .chars()
                    .next()
                    .is_none_or(|n| n == ' ' || n == '\t')
        })?;
        (l[..colon.0].trim().to_string(), &l[colon.0..])
    };
    let rest = rest.strip_prefix(':')?;
    if !(rest.is_empty() || rest.starts_with([' ', '\t'])) || key.is_empty() {
        return None;
    }
    Some((key, rest.trim().to_string()))
}

fn scalar_or_flow(v: &str) -> Value {
    let mut chars: Vec<char> = v.chars().collect();
    if v.starts_with('{') || v.starts_with('[') {
        let mut at = 0;
        if let Some(value) = flow(&mut chars, &mut at) {
            return value;
        }
    }
    chars.clear();
    scalar(v)
}

/// A flow collection (`{indent: 4, start_indented: true}`, `[a, "b"]`) starting at `at`.
fn flow(c: &mut Vec<char>, at: &mut usize) -> Option<Value> {
    let skip_ws = |at: &mut usize, c: &Vec<char>| {
        while c.get(*at).is_some_and(|x| x.is_whitespace()) {
            *at += 1;
        }
    };
    let item = |at: &mut usize, c: &mut Vec<char>, stops: &[char]| -> Option<Value> {
        skip_ws(at, c);
        match c.get(*at)? {
            '{' | '[' => flow(c, at),
            q @ ('"' | '\'') => {
                let q = *q;
                let start = *at;
                *at += 1;
                while c.get(*at).is_some_and(|x| *x != q) {
                    *at += if c[*at] == '\\' && q == '"' { 2 } else { 1 };
                }
                *at += 1;
                let s: String = c.get(start..(*at).min(c.len()))?.iter().collect();
                Some(scalar(&s))
            }
            _ => {
                let start = *at;
                while c.get(*at).is_some_and(|x| !stops.contains(x)) {
                    *at += 1;
                }
                let s: String = c[start..*at].iter().collect();
                Some(scalar(s.trim()))
            }
        }
    };
    match c.get(*at)? {
        '{' => {
            *at += 1;
            let mut m = Map::new();
            loop {
                skip_ws(at, c);
                match c.get(*at)? {
                    '}' => {
                        *at += 1;
                        return Some(Value::Object(m));
                    }
                    ',' => *at += 1,
                    _ => {
                        let key = item(at, c, &[':', ',', '}'])?;
                        skip_ws(at, c);
                        let value = if c.get(*at) == Some(&':') {
                            *at += 1;
                            item(at, c, &[',', '}'])?
                        } else {
                            Value::Null
                        };
                        let key = match key {
                            Value::String(s) => s,
                            other => other.to_string(),
                        };
                        m.insert(key, value);
                    }
                }
            }
        }
        '[' => {
            *at += 1;
            let mut v = Vec::new();
            loop {
                skip_ws(at, c);
                match c.get(*at)? {
                    ']' => {
                        *at += 1;
                        return Some(Value::Array(v));
                    }
                    ',' => *at += 1,
                    _ => v.push(item(at, c, &[',', ']'])?),
                }
            }
        }
        _ => None,
    }
}

fn scalar(v: &str) -> Value {
    let v = v.trim();
    if let Some(inner) = v.strip_prefix('"').and_then(|s| s.strip_suffix('"')) {
        return Value::String(inner.replace("\\\"", "\"").replace("\\\\", "\\"));
    }
    if let Some(inner) = v.strip_prefix('\'').and_then(|s| s.strip_suffix('\'')) {
        return Value::String(inner.replace("''", "'"));
    }
    match v {
        "true" | "True" | "TRUE" => return Value::Bool(true),
        "false" | "False" | "FALSE" => return Value::Bool(false),
        "null" | "~" | "" => return Value::Null,
        _ => {}
    }
    if let Ok(n) = v.parse::<i64>() {
        return Value::from(n);
    }
    if let Ok(f) = v.parse::<f64>()
        && f.is_finite()
    {
        return Value::from(f);
    }
    Value::String(v.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_markdownlint_configs() {
        let text = "# markdownlint\nconfig:\n  default: true\n  MD013: false # no line length\n  ul-indent:\n    indent: 4\n  MD004: { style: \"asterisk\" }\n  MD025: {front_matter_title: ''}\nglobs: ['**/*.md', \"docs/*.md\"]\n";
        assert_eq!(
            parse(text).unwrap(),
            json!({
                "config": {
                    "default": true,
                    "MD013": false,
                    "ul-indent": {"indent": 4},
                    "MD004": {"style": "asterisk"},
                    "MD025": {"front_matter_title": ""}
                },
                "globs": ["**/*.md", "docs/*.md"]
            })
        );
    }

    #[test]
    fn reads_log4brains_packages() {
        let text = "---\nproject:\n  name: shop\n  tz: Europe/Paris\n  adrFolder: ./docs/adr\n\n  packages:\n    - name: backend\n      path: ./packages/backend\n      adrFolder: ./packages/backend/adr\n    - name: \"web #1\"\n      path: ./packages/web\n      adrFolder: ./packages/web/adr\n";
        assert_eq!(
            parse(text).unwrap(),
            json!({"project": {
                "name": "shop", "tz": "Europe/Paris", "adrFolder": "./docs/adr",
                "packages": [
                    {"name": "backend", "path": "./packages/backend", "adrFolder": "./packages/backend/adr"},
                    {"name": "web #1", "path": "./packages/web", "adrFolder": "./packages/web/adr"}
                ]
            }})
        );
    }

    #[test]
    fn sequences_at_the_key_indent_and_block_scalars() {
        let text =
            "ignores:\n- node_modules\n- \"vendor/**\"\nnote: |\n  line one\n  line two\nn: 80\n";
        assert_eq!(
            parse(text).unwrap(),
            json!({"ignores": ["node_modules", "vendor/**"], "note": "line one\nline two", "n": 80})
        );
        assert_eq!(parse("just text"), None);
        assert_eq!(parse(""), None);
    }
}
