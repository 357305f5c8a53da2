//! The repository's own markdownlint configuration, read for the rules that decide how we write
//! Markdown: list marker (MD004), nested list indent (MD007), emphasis and strong markers
//! (MD049, MD050), line length (MD013), a front-matter `title:` counting as a heading (MD025),
//! ordered-list numbers (MD029) and code fences (MD048). An exported ADR then passes the
//! repository's own `markdownlint-cli2` run.
//!
//! Found like markdownlint-cli2 finds it: the nearest directory (from the ADR directory up to
//! the repository root) holding a `.markdownlint-cli2.{jsonc,yaml}` (its `config` key) or a
//! `.markdownlint.{jsonc,json,yaml,yml}`, with the file its `extends` names underneath.
//! JavaScript configs (`.cjs`, `.mjs`) cannot be read without Node; they are named in the
//! explanation and the defaults apply.

use std::path::{Path, PathBuf};

use serde_json::Value;

/// Config file names, in markdownlint-cli2's order of precedence within one directory.
const NAMES: &[&str] = &[
    ".markdownlint-cli2.jsonc",
    ".markdownlint-cli2.yaml",
    ".markdownlint-cli2.cjs",
    ".markdownlint-cli2.mjs",
    ".markdownlint.jsonc",
    ".markdownlint.json",
    ".markdownlint.yaml",
    ".markdownlint.yml",
    ".markdownlint.cjs",
    ".markdownlint.mjs",
];

/// What the rules ask of the Markdown we write. `None`: the rule leaves it free (or is off).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LintRules {
    /// The file the rules come from, as the user sees it.
    pub source: String,
    /// The file could not be read (a JavaScript config, broken JSON): why.
    pub unreadable: Option<String>,
    pub list_marker: Option<char>,
    pub list_indent: Option<usize>,
    pub emphasis: Option<char>,
    pub strong: Option<char>,
    /// Wrap prose to this many columns (MD013 on).
    pub line_length: Option<usize>,
    /// The longest heading and code line MD013 allows (`None`: it does not check them).
    pub heading_length: Option<usize>,
    pub code_length: Option<usize>,
    /// MD025 counts a front-matter `title:` as the document's heading.
    pub title_key_is_heading: bool,
    /// MD029 wants every item numbered `1.` (`Some(1)`) or `0.` (`Some(0)`).
    pub ordered_one: Option<u8>,
    /// MD048 wants `~~~` fences.
    pub tilde_fences: bool,
}

/// Reads a config text; `name` says which kind (`.markdownlint-cli2.*` keep the rules under
/// `config`). `None` when it is not a config we can read.
pub fn parse(name: &str, text: &str) -> Option<Value> {
    let value = if name.ends_with(".yaml") || name.ends_with(".yml") {
        super::yaml::parse(text)?
    } else {
        serde_json::from_str(&strip_jsonc(text)).ok()?
    };
    if name.starts_with(".markdownlint-cli2") {
        Some(
            value
                .get("config")
                .cloned()
                .unwrap_or(Value::Object(Default::default())),
        )
    } else {
        Some(value)
    }
}

/// The rules a config object sets (markdownlint's semantics: a rule is on unless the config
/// says `false`, or `default: false` and the rule is not named).
pub fn rules(source: &str, config: &Value) -> LintRules {
    let default_on = config
        .get("default")
        .and_then(Value::as_bool)
        .unwrap_or(true);
    let rule = |id: &str, alias: &str| -> Option<Value> {
        let v = config
            .get(id)
            .or_else(|| config.get(alias))
            .cloned()
            .unwrap_or(Value::Bool(default_on));
        match v {
            Value::Bool(false) | Value::Null => None,
            Value::Bool(true) => Some(Value::Object(Default::default())),
            Value::String(s) if s == "off" => None,
            other => Some(other),
        }
    };
    let param = |v: &Value, key: &str| v.get(key).cloned();
    let style = |v: &Option<Value>| {
        v.as_ref()
            .and_then(|v| param(v, "style"))
            .and_then(|s| s.as_str().map(str::to_string))
    };
    let md004 = rule("MD004", "ul-style");
    let md007 = rule("MD007", "ul-indent");
    let md049 = rule("MD049", "emphasis-style");
    let md050 = rule("MD050", "strong-style");
    let md013 = rule("MD013", "line-length");
    let md025 = rule("MD025", "single-title");
    let md029 = rule("MD029", "ol-prefix");
    let md048 = rule("MD048", "code-fence-style");
    LintRules {
        source: source.to_string(),
        unreadable: None,
        list_marker: match style(&md004).as_deref() {
            Some("dash") => Some('-'),
            Some("asterisk") => Some('*'),
            Some("plus") => Some('+'),
            _ => None,
        },
        list_indent: md007
            .as_ref()
            .and_then(|v| param(v, "indent"))
            .and_then(|n| n.as_u64())
            .and_then(|n| usize::try_from(n).ok()),
        emphasis: match style(&md049).as_deref() {
            Some("asterisk") => Some('*'),
            Some("underscore") => Some('_'),
            _ => None,
        },
        strong: match style(&md050).as_deref() {
            Some("asterisk") => Some('*'),
            Some("underscore") => Some('_'),
            _ => None,
        },
        line_length: md013.as_ref().map(|v| {
            param(v, "line_length")
                .and_then(|n| n.as_u64())
                .and_then(|n| usize::try_from(n).ok())
                .unwrap_or(80)
        }),
        heading_length: md013.as_ref().and_then(|v| {
            let on = param(v, "headings")
                .and_then(|b| b.as_bool())
                .unwrap_or(true);
            on.then(|| {
                param(v, "heading_line_length")
                    .or_else(|| param(v, "line_length"))
                    .and_then(|n| n.as_u64())
                    .and_then(|n| usize::try_from(n).ok())
                    .unwrap_or(80)
            })
        }),
        code_length: md013.as_ref().and_then(|v| {
            let on = param(v, "code_blocks")
                .and_then(|b| b.as_bool())
                .unwrap_or(true);
            on.then(|| {
                param(v, "code_block_line_length")
                    .or_else(|| param(v, "line_length"))
                    .and_then(|n| n.as_u64())
                    .and_then(|n| usize::try_from(n).ok())
                    .unwrap_or(80)
            })
        }),
        title_key_is_heading: md025.as_ref().is_some_and(|v| {
            param(v, "front_matter_title")
                .and_then(|t| t.as_str().map(str::to_string))
                .is_none_or(|t| !t.is_empty())
        }),
        ordered_one: match style(&md029).as_deref() {
            Some("one") => Some(1),
            Some("zero") => Some(0),
            _ => None,
        },
        tilde_fences: style(&md048).as_deref() == Some("tilde"),
    }
}

/// The nearest config for files in `dir`, looking up to `stop` (the repository root; only
/// `dir` itself when it is not inside `stop`). `root` shortens the names shown.
pub fn find(dir: &Path, stop: &Path) -> Option<PathBuf> {
    let mut here = Some(dir);
    while let Some(d) = here {
        if let Some(found) = NAMES.iter().map(|n| d.join(n)).find(|p| p.is_file()) {
            return Some(found);
        }
        if d == stop || !d.starts_with(stop) {
            break;
        }
        here = d.parent();
    }
    None
}

/// The rules of the nearest config (see [`find`]); `None` when there is none.
pub fn load(dir: &Path, stop: &Path) -> Option<LintRules> {
    let path = find(dir, stop)?;
    let shown = path
        .strip_prefix(stop)
        .unwrap_or(&path)
        .display()
        .to_string();
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if name.ends_with("js") {
        return Some(LintRules {
            source: shown,
            unreadable: Some("a JavaScript config cannot be read without Node".into()),
            ..LintRules::default()
        });
    }
    let parsed = crate::fileread::read_text(&path, crate::fileread::ADR_LIMIT)
        .ok()
        .and_then(|t| parse(&name, &t))
        .map(|c| with_extends(c, path.parent().unwrap_or(stop), 0));
    Some(match parsed {
        Some(config) => rules(&shown, &config),
        None => LintRules {
            source: shown,
            unreadable: Some("it does not parse".into()),
            ..LintRules::default()
        },
    })
}

/// A config with its `extends` (a JSON or YAML file named relative to the config) read in
/// underneath: the file's own rules win. A package name (`markdownlint/style/prettier`) or a
/// file that does not parse is left out; chains stop after a few steps (a loop).
fn with_extends(config: Value, dir: &Path, depth: usize) -> Value {
    let Some(base) = config.get("extends").and_then(Value::as_str) else {
        return config;
    };
    let base_path = dir.join(base);
    let name = base_path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let parsed = (depth < 4 && base_path.is_file())
        .then(|| crate::fileread::read_text(&base_path, crate::fileread::ADR_LIMIT).ok())
        .flatten()
        .and_then(|t| {
            if name.ends_with(".yaml") || name.ends_with(".yml") {
                super::yaml::parse(&t)
            } else {
                serde_json::from_str(&strip_jsonc(&t)).ok()
            }
        })
        .map(|b| with_extends(b, base_path.parent().unwrap_or(dir), depth + 1));
    match (parsed, config) {
        (Some(Value::Object(mut merged)), Value::Object(own)) => {
            merged.remove("extends");
            for (k, v) in own {
                if k != "extends" {
                    merged.insert(k, v);
                }
            }
            Value::Object(merged)
        }
        (_, config) => config,
    }
}

/// JSON with comments (`//`, `/* */`) and trailing commas, as `.jsonc` allows, made plain JSON.
pub fn strip_jsonc(text: &str) -> String {
    let c: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let mut string = false;
    while i < c.len() {
        let ch = c[i];
        if string {
            out.push(ch);
            if ch == '\\' && i + 1 < c.len() {
                out.push(c[i + 1]);
                i += 2;
                continue;
            }
            if ch == '"' {
                string = false;
            }
            i += 1;
            continue;
        }
        match (ch, c.get(i + 1)) {
            ('"', _) => {
                string = true;
                out.push(ch);
                i += 1;
            }
            ('/', Some('/')) => {
                while i < c.len() && c[i] != '\n' {
                    i += 1;
                }
            }
            ('/', Some('*')) => {
                i += 2;
                while i + 1 < c.len() && !(c[i] == '*' && c[i + 1] == '/') {
                    i += 1;
                }
                i += 2;
            }
            (',', _) => {
                // A trailing comma: the next non-space character closes the object or array.
                let next = c[i + 1..].iter().find(|x| !x.is_whitespace());
                if !matches!(next, Some('}' | ']')) {
                    out.push(',');
                }
                i += 1;
            }
            _ => {
                out.push(ch);
                i += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_are_on_by_default_and_read_by_id_or_alias() {
        let r = rules("x", &serde_json::json!({}));
        assert_eq!(r.line_length, Some(80));
        assert!(r.title_key_is_heading);
        assert_eq!(r.list_marker, None);
        let cfg = parse(
            ".markdownlint-cli2.yaml",
            "config:\n  MD013: false\n  ul-indent:\n    indent: 4\n  ul-style: {style: asterisk}\n  MD049: {style: underscore}\n  strong-style:\n    style: underscore\n  MD025:\n    front_matter_title: \"\"\n  MD029: {style: one}\n  MD048: {style: tilde}\n",
        )
        .unwrap();
        let r = rules(".markdownlint-cli2.yaml", &cfg);
        assert_eq!(r.line_length, None);
        assert_eq!(r.list_indent, Some(4));
        assert_eq!(r.list_marker, Some('*'));
        assert_eq!((r.emphasis, r.strong), (Some('_'), Some('_')));
        assert!(!r.title_key_is_heading);
        assert_eq!(r.ordered_one, Some(1));
        assert!(r.tilde_fences);
    }

    #[test]
    fn default_false_turns_unnamed_rules_off() {
        let r = rules(
            "x",
            &serde_json::json!({"default": false, "MD013": {"line_length": 100}}),
        );
        assert_eq!(r.line_length, Some(100));
        assert_eq!((r.heading_length, r.code_length), (Some(100), Some(100)));
        let r2 = rules(
            "x",
            &serde_json::json!({"MD013": {"code_blocks": false, "heading_line_length": 120}}),
        );
        assert_eq!((r2.heading_length, r2.code_length), (Some(120), None));
        assert!(!r.title_key_is_heading);
    }

    #[test]
    fn extends_reads_the_base_file_underneath() {
        let root = tempfile::TempDir::new().unwrap();
        std::fs::create_dir_all(root.path().join("lint")).unwrap();
        std::fs::write(
            root.path().join("lint/base.yaml"),
            "MD013:\n  line_length: 100\nMD004:\n  style: asterisk\nextends: ../loop.json\n",
        )
        .unwrap();
        std::fs::write(
            root.path().join("loop.json"),
            "{\"extends\": \"lint/base.yaml\"}",
        )
        .unwrap();
        std::fs::write(
            root.path().join(".markdownlint.json"),
            "{\"extends\": \"lint/base.yaml\", \"MD004\": {\"style\": \"dash\"}}",
        )
        .unwrap();
        let r = load(root.path(), root.path()).unwrap();
        assert_eq!(r.line_length, Some(100));
        assert_eq!(r.list_marker, Some('-'));
        std::fs::write(
            root.path().join(".markdownlint.json"),
            "{\"extends\": \"markdownlint/style/prettier\", \"MD013\": false}",
        )
        .unwrap();
        assert_eq!(load(root.path(), root.path()).unwrap().line_length, None);
    }

    #[test]
    fn jsonc_comments_and_trailing_commas_are_read() {
        let text = "{\n  // line length off\n  \"MD013\": false, /* block */\n  \"url\": \"http://x//y\",\n}\n";
        let v = parse(".markdownlint.jsonc", text).unwrap();
        assert_eq!(v, serde_json::json!({"MD013": false, "url": "http://x//y"}));
        assert!(parse(".markdownlint.json", "{ nope").is_none());
    }

    #[test]
    fn the_nearest_config_wins_and_the_search_stops_at_the_root() {
        let root = tempfile::TempDir::new().unwrap();
        let adr = root.path().join("docs/adr");
        std::fs::create_dir_all(&adr).unwrap();
        std::fs::write(root.path().join(".markdownlint.yml"), "MD013: false\n").unwrap();
        let r = load(&adr, root.path()).unwrap();
        assert_eq!(r.source, ".markdownlint.yml");
        assert_eq!(r.line_length, None);
        std::fs::write(
            root.path().join("docs/.markdownlint-cli2.cjs"),
            "module.exports={}",
        )
        .unwrap();
        let r = load(&adr, root.path()).unwrap();
        assert_eq!(r.source, "docs/.markdownlint-cli2.cjs");
        assert!(r.unreadable.is_some());
        assert!(load(&adr, &adr).is_none());
    }
}
