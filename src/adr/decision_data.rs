//! The decision data every ADR tradeoffs writes carries, so `tradeoffs revisit` can rebuild the
//! session it came from and the repository's accepted decisions can be checked for conflicts.
//!
//! It is one HTML comment at the end of the file:
//!
//! ```text
//! <!-- tradeoffs decision data: `tradeoffs revisit` reads it; keep it when editing this file
//! {"format":1,"tradeoffs":"0.1.0","tree":"data-store",...}
//! -->
//! ```
//!
//! adr-tools reads line 1, `Date:` and `## Status`; `adrs` reads front matter and `## Status`
//! (no new front-matter key, so its parser is not disturbed); log4brains renders the body to
//! HTML, where a comment stays invisible; markdownlint accepts an HTML comment anywhere
//! (MD033 ignores comments). The JSON inside is escaped so that it can never close the
//! comment: `<` and `>` only occur inside JSON strings, and are written as `\u003c` and
//! `\u003e`, so neither `-->` nor `--!>` nor `<!--` can appear in it.
//!
//! Decoding is tolerant of edits around the block: it finds the last marker line anywhere in
//! the file, reads to the next `-->`, and ignores fields it does not know.
//!
//! The status of an ADR is read by the decision-log parser ([`crate::log::status_of`]), so
//! revisit, the conflict check and `tradeoffs log` agree on it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::existing::existing_from_text;
use crate::report::{AcceptedChoice, AdrRef, DecisionReport};
use crate::session::Step;

/// The first words of the comment; a line starting with them opens the block.
pub const MARKER: &str = "<!-- tradeoffs decision data";
/// The whole first line of the block as written.
const OPENING: &str = "<!-- tradeoffs decision data: `tradeoffs revisit` reads it; keep it";
/// Columns the block's lines keep to: markdownlint's MD013 reads comment lines too, and a
/// line may only pass a repository's limit with no whitespace beyond it.
const WIDTH: usize = 72;
/// Version of the data's format; a newer one is refused with a message naming it.
pub const DATA_FORMAT: u32 = 1;

/// What an ADR records about the decision it was written from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionData {
    pub format: u32,
    /// Version of tradeoffs that wrote it.
    pub tradeoffs: String,
    /// Tree id.
    pub tree: String,
    /// The tree's content hash then ([`crate::tree::LoadedTree::content_hash`]); trees carry no
    /// version of their own.
    pub tree_hash: String,
    /// The walk as `tradeoffs decide --path` takes it (1-based answer numbers).
    pub path: String,
    /// The walk as a saved session holds it: question ids and answer labels.
    pub answers: Vec<Step>,
    /// Per answer, fingerprints of its consequence and effects then, to say which answers the
    /// tree changed since.
    #[serde(default)]
    pub prints: Vec<StepPrint>,
    /// Weights set by hand (criterion id → weight), after the answers' effects.
    #[serde(default)]
    pub weights: BTreeMap<String, i64>,
    /// The option decided for.
    pub chosen: Option<String>,
    /// The top-ranked option then (differs from `chosen` when the deciders chose another one).
    #[serde(default)]
    pub top: Option<String>,
    /// Every option of the tree then, sorted, to say which were added or removed since.
    #[serde(default)]
    pub options: Vec<String>,
}

/// Fingerprints of one answered step ([`crate::tree::fingerprint`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepPrint {
    pub consequence: String,
    pub effects: String,
}

impl DecisionData {
    /// The data of a decision as the report holds it.
    pub fn of(report: &DecisionReport) -> DecisionData {
        let answers = report
            .path
            .iter()
            .map(|p| {
                if p.multi {
                    Step::multi(&p.question_id, p.answers.clone())
                } else {
                    Step::single(&p.question_id, p.answers.concat())
                }
            })
            .collect();
        let prints = report
            .path
            .iter()
            .map(|p| StepPrint {
                consequence: p.consequence_print.clone(),
                effects: p.effects_print.clone(),
            })
            .collect();
        let mut options: Vec<String> = report.ranking.iter().map(|r| r.id.clone()).collect();
        options.sort();
        DecisionData {
            format: DATA_FORMAT,
            tradeoffs: env!("CARGO_PKG_VERSION").to_string(),
            tree: report.tree.clone(),
            tree_hash: report.tree_hash.clone(),
            path: report.path_arg(),
            answers,
            prints,
            weights: report.overrides.clone(),
            chosen: report.chosen.clone(),
            top: report.top.clone(),
            options,
        }
    }

    /// True when the deciders chose another option than the top-ranked one.
    pub fn chosen_by_hand(&self) -> bool {
        self.chosen.is_some() && self.top.is_some() && self.chosen != self.top
    }
}

/// The comment block for the end of an ADR, starting with a blank line, ending with a newline.
pub fn encode(data: &DecisionData) -> String {
    let json = serde_json::to_string(data).expect("decision data always serialises");
    format!("\n{OPENING}\n{}\n-->\n", wrap(&escape(&json), WIDTH))
}

/// Compact JSON broken into lines of at most `width` columns after its commas (whitespace
/// between tokens means nothing in JSON). A line that is still longer (one long label) has
/// the whitespace inside its strings written as `\u0020`-style escapes, so no whitespace lies
/// beyond the limit: MD013 accepts a long line only then.
fn wrap(json: &str, width: usize) -> String {
    // Pieces that each end after a comma outside a string.
    let mut pieces: Vec<&str> = Vec::new();
    let (mut start, mut in_string, mut escaped) = (0, false, false);
    for (i, c) in json.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' if in_string => escaped = true,
            '"' => in_string = !in_string,
            ',' if !in_string => {
                pieces.push(&json[start..=i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    pieces.push(&json[start..]);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for p in pieces {
        if !line.is_empty() && line.chars().count() + p.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        line.push_str(p);
    }
    lines.push(line);
    for l in &mut lines {
        if l.chars().count() > width {
            *l = escape_string_whitespace(l);
        }
    }
    lines.join("\n")
}

/// Whitespace inside the JSON strings of `line` as `\uXXXX` escapes (the line holds whole
/// tokens, so the string state starts outside).
fn escape_string_whitespace(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 16);
    let (mut in_string, mut escaped) = (false, false);
    for c in line.chars() {
        if escaped {
            escaped = false;
        } else if c == '\\' && in_string {
            escaped = true;
        } else if c == '"' {
            in_string = !in_string;
        } else if in_string && c.is_whitespace() {
            let mut buf = [0u16; 2];
            for unit in c.encode_utf16(&mut buf) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
            continue;
        }
        out.push(c);
    }
    out
}

/// `<` and `>` as JSON `\u` escapes: they only occur inside strings, so the JSON means the
/// same, and nothing in it can close (or open) an HTML comment. C1 controls and bidi or
/// zero-width characters from a tree's labels are escaped too, so the file holds none raw.
fn escape(json: &str) -> String {
    crate::text::json_escape_unsafe(json)
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
}

/// Why an ADR's decision data cannot be read. The message is worded for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError(pub String);

impl std::fmt::Display for DataError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Where the block is in a text: the byte range from the marker line's start to the end of
/// the `-->` line (or of the text when it is never closed), and the JSON between them.
fn locate_block(text: &str) -> Option<(usize, usize, Option<&str>)> {
    // The last marker that starts a line (after indentation at most); found with `rfind`, as
    // this runs over every accepted ADR of a log on each `decide`.
    let start = text.rmatch_indices(MARKER).map(|(i, _)| i).find(|&i| {
        text[..i]
            .rsplit('\n')
            .next()
            .is_some_and(|indent| indent.trim().is_empty())
    })?;
    let start = text[..start].rfind('\n').map_or(0, |nl| nl + 1);
    let rest = &text[start..];
    let marker_at = rest.find(MARKER)?;
    let body_from = rest.find('\n').map_or(rest.len(), |i| i + 1);
    // JSON written on the marker line itself (a reformatted file) is read too.
    let head = &rest[marker_at + MARKER.len()..body_from];
    let json_from = head
        .find('{')
        .map_or(body_from, |i| marker_at + MARKER.len() + i);
    match rest[json_from..].find("-->").map(|c| c + json_from) {
        Some(close) => {
            let end = rest[close..]
                .find('\n')
                .map_or(rest.len(), |i| close + i + 1);
            Some((start, start + end, Some(&rest[json_from..close])))
        }
        None => Some((start, text.len(), None)),
    }
}

/// Reads the decision data of an ADR's text: `Ok(None)` when it has none (not written by
/// tradeoffs), an error when the block is there but cannot be read.
pub fn decode(text: &str) -> Result<Option<DecisionData>, DataError> {
    let Some((_, _, json)) = locate_block(text) else {
        return Ok(None);
    };
    let json = json
        .ok_or_else(|| DataError("the decision-data comment is not closed with -->".to_string()))?;
    let data: DecisionData = serde_json::from_str(json.trim()).map_err(|e| {
        let msg = e.to_string();
        let msg = msg.rfind(" at line ").map_or(msg.as_str(), |i| &msg[..i]);
        DataError(format!(
            "its decision data is not valid (JSON line {} column {}: {msg})",
            e.line(),
            e.column()
        ))
    })?;
    if data.format > DATA_FORMAT {
        return Err(DataError(format!(
            "its decision data is format {}, written by tradeoffs {}; this build reads format {DATA_FORMAT}: update tradeoffs",
            data.format, data.tradeoffs
        )));
    }
    Ok(Some(data))
}

/// The tree and chosen option of the decision data in `text`, reading nothing else of it (the conflict
/// check over a whole log needs only that).
pub(crate) fn chosen_in(text: &str) -> Option<(String, String)> {
    #[derive(Deserialize)]
    struct Chosen {
        format: u32,
        tree: String,
        chosen: Option<String>,
    }
    let json = locate_block(text)?.2?;
    let c: Chosen = serde_json::from_str(json.trim()).ok()?;
    (c.format <= DATA_FORMAT)
        .then_some(c.chosen)
        .flatten()
        .map(|o| (c.tree, o))
}

/// The text without its decision-data block (what a reader of the rendered ADR sees of it).
pub fn strip(text: &str) -> std::borrow::Cow<'_, str> {
    match locate_block(text) {
        Some((start, end, _)) => {
            let before = text[..start].trim_end_matches('\n');
            std::borrow::Cow::Owned(format!("{before}\n{}", &text[end..]))
        }
        None => std::borrow::Cow::Borrowed(text),
    }
}

/// The byte offset where the decision-data block starts, so an edit that appends to the end of
/// an ADR (a link) can go before it instead.
pub fn block_start(text: &str) -> Option<usize> {
    locate_block(text).map(|(start, _, _)| start)
}

/// An ADR of the directory that tradeoffs wrote (it carries decision data).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recorded {
    pub path: PathBuf,
    pub adr: AdrRef,
    /// The file's normalised status, as the decision log reads it
    /// ([`crate::log::Entry::status_text`]).
    pub status: Option<String>,
    pub data: DecisionData,
}

/// The ADR file at `path` with its decision data: `Ok(None)` when it has none.
pub fn read_recorded(path: &Path) -> Result<Option<Recorded>, super::AdrError> {
    let text = crate::fileread::read_text(path, crate::fileread::ADR_LIMIT)
        .map_err(|e| super::AdrError::Failed(format!("cannot read {}: {e}", path.display())))?;
    let Some(data) =
        decode(&text).map_err(|e| super::AdrError::Invalid(format!("{}: {e}", path.display())))?
    else {
        return Ok(None);
    };
    let e = existing_from_text(path, &text);
    Ok(Some(Recorded {
        path: path.to_path_buf(),
        adr: AdrRef {
            number: e.number,
            title: e.title.clone(),
            file: e.file_name(),
        },
        status: crate::log::status_of(&text),
        data,
    }))
}

/// The choices of the accepted ADRs with decision data in `dir` (none when it does not exist).
/// Files that cannot be read, or whose data is damaged, are left out: `tradeoffs revisit` names
/// them; a conflict check must not fail on them.
///
/// Every `decide` runs this over the whole log, so it goes through the log's parse cache,
/// which keeps each ADR's status and recorded choice: a stat per file, not a read.
pub fn accepted_choices(dir: &Path) -> Vec<AcceptedChoice> {
    if !dir.is_dir() {
        return Vec::new();
    }
    crate::log::read_log_through_cache(dir)
        .map(|log| accepted_in_log(&log))
        .unwrap_or_default()
}

/// The choices of the accepted ADRs of a log that record one.
pub fn accepted_in_log(log: &crate::log::DecisionLog) -> Vec<AcceptedChoice> {
    log.entries
        .iter()
        .filter(|e| e.status_text() == "accepted")
        .filter_map(|e| {
            let d = e.decided.as_ref()?;
            Some(AcceptedChoice {
                tree: d.tree.clone(),
                option: d.option.clone(),
                adr: AdrRef {
                    number: e.number,
                    title: e.title_text().to_string(),
                    file: e.file.clone(),
                },
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_accepted_adrs_tradeoffs_wrote_give_their_choices() {
        let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
        let dir = tempfile::tempdir().unwrap();
        let put = |name: &str, from: &str, status: (&str, &str)| {
            let text = std::fs::read_to_string(golden.join(from)).unwrap();
            std::fs::write(dir.path().join(name), text.replacen(status.0, status.1, 1)).unwrap();
        };
        put(
            "0001-cache.md",
            "data-caching.nygard.md",
            ("\nProposed\n", "\nAccepted\n"),
        );
        put(
            "0002-store.md",
            "data-store.madr.md",
            ("status: \"proposed\"", "status: accepted"),
        );
        put("0003-login.md", "security-identity.madr.md", ("", ""));
        put(
            "0004-keys.md",
            "data-store.nygard.md",
            ("\nProposed\n", "\nRejected\n"),
        );
        let hand =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/logs/hand-edited/doc/adr");
        for f in std::fs::read_dir(&hand).unwrap() {
            let f = f.unwrap();
            std::fs::copy(
                f.path(),
                dir.path()
                    .join(format!("h-{}", f.file_name().to_string_lossy())),
            )
            .unwrap();
        }
        let log = crate::log::read_log(dir.path()).unwrap();
        let choices = accepted_in_log(&log);
        let got: Vec<(&str, &str)> = choices
            .iter()
            .map(|a| (a.adr.file.as_str(), a.tree.as_str()))
            .collect();
        // Accepted and written by tradeoffs: the proposed, rejected and hand-made ADRs are not.
        assert_eq!(
            got,
            [
                ("0001-cache.md", "data-caching"),
                ("0002-store.md", "data-store")
            ]
        );
        for a in &choices {
            let text = std::fs::read_to_string(dir.path().join(&a.adr.file)).unwrap();
            assert_eq!(chosen_in(&text).unwrap().1, a.option, "{}", a.adr.file);
            assert_eq!(a.adr.number, Some(a.adr.file[..4].parse().unwrap()));
        }
        // Through the parse cache, the same.
        let cache = tempfile::tempdir().unwrap();
        let cached = crate::log::read_log_cached(dir.path(), cache.path()).unwrap();
        assert_eq!(accepted_in_log(&cached), choices);
    }

    fn sample() -> DecisionData {
        DecisionData {
            format: DATA_FORMAT,
            tradeoffs: "0.1.0".into(),
            tree: "small".into(),
            tree_hash: "0123456789abcdef".into(),
            path: "1,2+3".into(),
            answers: vec![
                Step::single("q-first", "Fast --> <!-- x --!> y \u{9b}\u{202e}"),
                Step::multi("q-multi", vec!["A".into(), "B <b>".into()]),
            ],
            prints: vec![
                StepPrint {
                    consequence: "a".into(),
                    effects: "b".into(),
                };
                2
            ],
            weights: BTreeMap::from([("sm.speed".to_string(), 4)]),
            chosen: Some("sm.b".into()),
            top: Some("sm.a".into()),
            options: vec!["sm.a".into(), "sm.b".into()],
        }
    }

    #[test]
    fn encode_then_decode_is_the_same_data_and_nothing_closes_the_comment() {
        let data = sample();
        let block = encode(&data);
        let lines: Vec<&str> = block.lines().collect();
        assert!(lines.len() > 4, "{block}");
        assert_eq!((lines[0], lines[1]), ("", OPENING));
        assert_eq!(lines.last(), Some(&"-->"));
        let json = lines[2..lines.len() - 1].join("\n");
        // The JSON holds none of the comment's delimiters, whatever the labels say.
        for bad in ["-->", "--!>", "<!--", "<", ">", "\u{9b}", "\u{202e}"] {
            assert!(!json.contains(bad), "{bad} in {json}");
        }
        // No line has whitespace beyond the width (MD013 accepts it then).
        for l in &lines {
            assert!(!l.chars().skip(WIDTH).any(char::is_whitespace), "{l:?}");
        }
        let doc = format!("# 1. Title\n\nSome text.\n{block}");
        assert_eq!(decode(&doc).unwrap(), Some(data.clone()));
        assert!(data.chosen_by_hand());
    }

    #[test]
    fn long_labels_keep_every_line_within_the_width() {
        let long = "a label with many words ".repeat(8);
        let data = DecisionData {
            answers: vec![Step::single("q-first", long.clone())],
            ..sample()
        };
        let block = encode(&data);
        for l in block.lines() {
            assert!(!l.chars().skip(WIDTH).any(char::is_whitespace), "{l:?}");
        }
        assert!(block.contains("a\\u0020label"), "{block}");
        assert_eq!(decode(&block).unwrap(), Some(data));
    }

    #[test]
    fn decoding_tolerates_edits_around_the_block() {
        let data = sample();
        let block = encode(&data);
        // Text added after it, CRLF line endings, indentation, an older block earlier on.
        let old = encode(&DecisionData {
            tree: "older".into(),
            ..data.clone()
        });
        let doc = format!("# T\n{old}\nmore\n  {}\n## Links\n\n- x\n", block.trim());
        assert_eq!(decode(&doc).unwrap(), Some(data.clone()));
        let crlf = doc.replace('\n', "\r\n");
        assert_eq!(decode(&crlf).unwrap(), Some(data.clone()));
        // Pretty-printed JSON and unknown fields are fine.
        let pretty = escape(&serde_json::to_string_pretty(&data).unwrap()).replacen(
            '{',
            "{\"added_later\": 1,",
            1,
        );
        let doc = format!("# T\n\n{MARKER}\n{pretty}\n-->\n");
        assert_eq!(decode(&doc).unwrap(), Some(data.clone()));
        // JSON on the marker line itself.
        let one_line = format!(
            "# T\n\n{MARKER} {} -->\n",
            escape(&serde_json::to_string(&data).unwrap())
        );
        assert_eq!(decode(&one_line).unwrap(), Some(data));
    }

    #[test]
    fn no_block_is_none_and_a_damaged_one_says_what_is_wrong() {
        assert_eq!(decode("# 1. Title\n\n<!-- a comment -->\n").unwrap(), None);
        let e = decode(&format!("# T\n\n{MARKER}\n{{\"format\": 1,\n")).unwrap_err();
        assert_eq!(e.0, "the decision-data comment is not closed with -->");
        let e = decode(&format!(
            "# T\n\n{MARKER}\n{{\"format\": 1, \"tree\": 3}}\n-->\n"
        ))
        .unwrap_err();
        assert!(
            e.0.starts_with("its decision data is not valid (JSON line 1 column"),
            "{e}"
        );
        let newer = encode(&DecisionData {
            format: 9,
            ..sample()
        });
        let e = decode(&newer).unwrap_err();
        assert_eq!(
            e.0,
            "its decision data is format 9, written by tradeoffs 0.1.0; this build reads format 1: update tradeoffs"
        );
    }

    #[test]
    fn strip_leaves_the_text_a_reader_sees() {
        let doc = format!("# T\n\nBody.\n{}", encode(&sample()));
        assert_eq!(strip(&doc), "# T\n\nBody.\n");
        assert_eq!(block_start(&doc), Some("# T\n\nBody.\n\n".len()));
        assert_eq!(strip("# T\n"), "# T\n");
    }

    #[test]
    fn fingerprints_are_fnv1a_of_the_json() {
        // FNV-1a 64 of the three bytes `"a"`.
        assert_eq!(
            crate::tree::fingerprint("a"),
            "d4272417d7c77eea".to_string()
        );
    }
}
