//! Decision trees: the file format, loading from the binary and from user directories, and
//! validation. A [`Catalog`] holds only trees that passed validation, so the rest of the
//! program can index into them without re-checking.

pub mod analyze;
#[cfg(test)]
pub(crate) mod fixtures;
pub mod load;
pub mod model;
pub mod render;
pub mod synthetic;
pub mod validate;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

pub use load::{LoadError, LoadOptions, TreeSummary};
pub use model::*;
pub use validate::{Problem, is_safe_id, max_depth, validate};

/// Trees compiled into the binary, so it runs from any directory.
pub const SHIPPED: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/shipped_trees.rs"));

/// (file name, tree id, namespace) of each shipped tree, read at build time, so a command can
/// find the trees it needs without parsing the others. A test checks it against the trees.
pub const SHIPPED_INDEX: &[(&str, &str, &str)] =
    include!(concat!(env!("OUT_DIR"), "/shipped_index.rs"));

/// One tree file before parsing: a label for messages (its path, or `shipped:NAME`) and its text.
#[derive(Debug, Clone)]
pub struct Source {
    pub label: String,
    pub text: String,
}

impl Source {
    pub fn shipped() -> Vec<Source> {
        SHIPPED
            .iter()
            .map(|(name, text)| Source {
                label: format!("decision-trees/{name}"),
                text: (*text).to_string(),
            })
            .collect()
    }

    /// Reads one file; an unreadable file is a problem of that file, not a crash. FIFOs,
    /// devices, directories and files over [`crate::fileread::TREE_LIMIT`] are refused before
    /// they are read (see [`crate::fileread`]); a UTF-8 byte order mark is dropped.
    pub fn read(path: &Path) -> Result<Source, Problem> {
        crate::fileread::read_text(path, crate::fileread::TREE_LIMIT)
            .map(|text| Source {
                label: path.display().to_string(),
                text,
            })
            .map_err(|e| Problem {
                file: path.display().to_string(),
                place: String::new(),
                message: format!("cannot read the file: {e}"),
            })
    }

    /// Every `*.json` tree file in a directory (except `schema.json`), sorted by name, and a
    /// problem for each file that could not be read: one broken file affects only itself.
    /// Only a directory that cannot be listed at all is an error.
    pub fn read_dir(dir: &Path) -> Result<(Vec<Source>, Vec<Problem>), Problem> {
        let problem = |message: String| Problem {
            file: dir.display().to_string(),
            place: String::new(),
            message,
        };
        let entries = std::fs::read_dir(dir)
            .map_err(|e| problem(format!("cannot read the tree directory: {e}")))?;
        let mut paths: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.extension().is_some_and(|x| x == "json")
                    && p.file_name().is_some_and(|n| n != "schema.json")
            })
            .collect();
        paths.sort();
        let mut sources = Vec::new();
        let mut unreadable = Vec::new();
        for p in &paths {
            match Source::read(p) {
                Ok(s) => sources.push(s),
                Err(e) => unreadable.push(e),
            }
        }
        Ok((sources, unreadable))
    }
}

/// Only the `format` field, read first so that a file in another format gets one clear error
/// instead of a list of missing fields.
#[derive(serde::Deserialize)]
struct FormatProbe {
    #[serde(default)]
    format: Option<serde_json::Value>,
}

/// What a format 1 tree must change to become format 2.
pub const FORMAT1_MESSAGE: &str = "this is a format 1 tree; this build reads format 2. To convert it: set \"format\": 2; add \"area\": {\"id\", \"title\", \"position\"}; add \"tie_break\": {\"order\": [every option id once, preferred first], \"why\"}; outcome \"options\" are now a promise, not a filter (every option stays ranked; remove an option only with a rule_out effect and a reason). See decision-trees/schema.json and the README section \"Tree format\"";

/// Parses one tree file. Syntax and type errors carry the file, line and column.
pub fn parse(source: &Source) -> Result<Tree, Problem> {
    // A file in this format parses in one pass; only a file that fails (or declares another
    // format) is read again for its `format`, so it gets one clear error instead of a list of
    // missing fields. Same result as probing first, at half the cost for good files.
    let full = match serde_json::from_str::<Tree>(&source.text) {
        Ok(tree) if tree.format == FORMAT_VERSION => return Ok(tree),
        other => other,
    };
    if let Ok(probe) = serde_json::from_str::<FormatProbe>(&source.text) {
        let format = probe.format.as_ref().and_then(serde_json::Value::as_u64);
        if format != Some(u64::from(FORMAT_VERSION)) {
            let message = match (format, &probe.format) {
                (Some(1), _) => FORMAT1_MESSAGE.to_string(),
                (_, None) => format!(
                    "the file has no \"format\" field; add \"format\": {FORMAT_VERSION} (see decision-trees/schema.json)"
                ),
                (_, Some(v)) => {
                    format!("format {v} is not supported; this build reads format {FORMAT_VERSION}")
                }
            };
            return Err(Problem {
                file: source.label.clone(),
                place: "format".into(),
                message,
            });
        }
    }
    full.map_err(|e| Problem {
        file: source.label.clone(),
        place: format!("line {} column {}", e.line(), e.column()),
        message: json_message(&e),
    })
}

/// serde_json appends " at line L column C" to its messages; we report those separately.
fn json_message(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    let msg = match msg.rfind(" at line ") {
        Some(cut) => msg[..cut].to_string(),
        None => msg,
    };
    if msg.starts_with("unknown field `if_chosen`") {
        format!(
            "{msg}; \"if_chosen\" is only allowed on a note effect (a weight or rule-out that depended on the chosen option would make the ranking circular)"
        )
    } else {
        msg
    }
}

/// A tree that passed validation, with indexes for lookups by id.
#[derive(Debug, Clone)]
pub struct LoadedTree {
    pub tree: Tree,
    /// Where the tree came from (a path, or `decision-trees/NAME` for shipped trees).
    pub origin: String,
    pub shipped: bool,
    node_index: HashMap<String, usize>,
    option_index: HashMap<String, usize>,
    criterion_index: HashMap<String, usize>,
    /// Per option (tree order): its position in `tie_break.order` (0 = preferred in a tie).
    pub tie_rank: Vec<usize>,
    pub max_depth: usize,
    /// [`fingerprint`] of the tree, computed on first use ([`LoadedTree::content_hash`]).
    hash: std::sync::OnceLock<String>,
}

impl LoadedTree {
    fn new(tree: Tree, origin: String, shipped: bool) -> Self {
        let node_index = tree
            .nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.id().to_string(), i))
            .collect();
        let option_index = tree
            .options
            .iter()
            .enumerate()
            .map(|(i, o)| (o.id.clone(), i))
            .collect();
        let criterion_index = tree
            .criteria
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.clone(), i))
            .collect();
        let max_depth = max_depth(&tree);
        let tie_rank = tie_ranks(&tree);
        LoadedTree {
            tie_rank,
            tree,
            origin,
            shipped,
            node_index,
            option_index,
            criterion_index,
            max_depth,
            hash: std::sync::OnceLock::new(),
        }
    }

    /// The tree's content hash: trees have no version field, so an ADR records this to tell,
    /// when it is revisited, whether the tree changed since (formatting of the file aside).
    pub fn content_hash(&self) -> &str {
        self.hash.get_or_init(|| fingerprint(&self.tree))
    }

    pub fn id(&self) -> &str {
        &self.tree.id
    }

    pub fn node_ix(&self, id: &str) -> Option<usize> {
        self.node_index.get(id).copied()
    }

    pub fn node(&self, ix: usize) -> &Node {
        &self.tree.nodes[ix]
    }

    pub fn root_ix(&self) -> usize {
        self.node_index[&self.tree.root]
    }

    pub fn option_ix(&self, id: &str) -> Option<usize> {
        self.option_index.get(id).copied()
    }

    pub fn criterion_ix(&self, id: &str) -> Option<usize> {
        self.criterion_index.get(id).copied()
    }

    /// The options × criteria impact table with the tree's tie-break order.
    pub fn matrix(&self) -> crate::tradeoff::ImpactMatrix {
        let t = &self.tree;
        let impacts = t
            .options
            .iter()
            .flat_map(|o| {
                t.criteria
                    .iter()
                    .map(|c| o.impacts.get(&c.id).map_or(0, |i| i.impact))
            })
            .collect();
        crate::tradeoff::ImpactMatrix::new(
            t.options.iter().map(|o| o.id.clone()).collect(),
            t.criteria.iter().map(|c| c.id.clone()).collect(),
            impacts,
        )
        .with_tie_rank(self.tie_rank.clone())
        .with_priorities_first(t.tie_break.priorities_first)
    }

    pub fn questions(&self) -> usize {
        self.tree
            .nodes
            .iter()
            .filter(|n| matches!(n, Node::Question(_)))
            .count()
    }

    pub fn outcomes(&self) -> usize {
        self.tree.nodes.len() - self.questions()
    }
}

/// A short, stable fingerprint of a value: FNV-1a (64 bits) over its compact JSON, as 16 hex
/// digits. Stable across builds and platforms (unlike `std`'s hasher), so it can be written
/// into files; it detects change, it is not a defence against forgery.
pub fn fingerprint<T: serde::Serialize + ?Sized>(value: &T) -> String {
    let bytes = serde_json::to_vec(value).unwrap_or_default();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// Per option, its position in `tie_break.order`; options missing from the order (only in an
/// unvalidated tree) come after the listed ones, in listing order.
pub fn tie_ranks(tree: &Tree) -> Vec<usize> {
    let n = tree.tie_break.order.len();
    tree.options
        .iter()
        .enumerate()
        .map(|(i, o)| {
            tree.tie_break
                .order
                .iter()
                .position(|x| x == &o.id)
                .unwrap_or(n + i)
        })
        .collect()
}

/// All valid trees available to this run, in a stable order (shipped order, then by id).
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    trees: Vec<LoadedTree>,
    dangling: Vec<Problem>,
}

impl Catalog {
    /// Parses and validates sources in order; a later valid tree with the same id replaces an
    /// earlier one (user trees override shipped ones by id). Invalid trees, and user trees that
    /// clash with shipped ones, are left out and their problems returned, all of them.
    pub fn build(sources: Vec<Source>, shipped_count: usize) -> (Catalog, Vec<Problem>) {
        let mut problems = Vec::new();
        let mut parsed: Vec<(Tree, String, bool)> = Vec::new();
        for (i, source) in sources.into_iter().enumerate() {
            match parse(&source) {
                Ok(tree) => parsed.push((tree, source.label, i < shipped_count)),
                Err(p) => problems.push(p),
            }
        }
        Catalog::build_parsed(parsed, problems)
    }

    /// [`Catalog::build`] after parsing: `parsed` holds (tree, label, shipped) in source
    /// order, `problems` the parse errors.
    pub(crate) fn build_parsed(
        parsed: Vec<(Tree, String, bool)>,
        mut problems: Vec<Problem>,
    ) -> (Catalog, Vec<Problem>) {
        let known: HashSet<&str> = parsed
            .iter()
            .flat_map(|(t, _, _)| t.options.iter().map(|o| o.id.as_str()))
            .collect();
        // Every file is validated, even one that a later file with the same id replaces, so no
        // file's problems go unreported; replacement happens among the valid trees only.
        let mut valid: Vec<(Tree, String, bool)> = Vec::new();
        // Shipped trees a user tree replaced by id, kept in case the replacement is left out.
        let mut replaced: Vec<(Tree, String, bool)> = Vec::new();
        let mut tree_problems = Vec::new();
        for (tree, label, shipped) in &parsed {
            let mut found = validate(tree, label, &known);
            if *shipped {
                found.extend(validate::require_confirmation(tree, label));
            }
            if found.is_empty() {
                if let Some(i) = valid.iter().position(|(t, _, _)| t.id == tree.id) {
                    let old = valid.remove(i);
                    if old.2 {
                        replaced.push(old);
                    }
                }
                valid.push((tree.clone(), label.clone(), *shipped));
            } else {
                tree_problems.extend(found);
            }
        }
        // Rules across trees (namespaces, areas, shared facts). Shipped trees are checked
        // first, so a user tree that clashes with them (same namespace, area position or a
        // shared fact asked differently) is the one left out, with its reason, and never
        // silently takes a shipped decision away.
        let order: Vec<usize> = (0..valid.len())
            .filter(|&i| valid[i].2)
            .chain((0..valid.len()).filter(|&i| !valid[i].2))
            .collect();
        let ordered: Vec<(&Tree, &str)> = order
            .iter()
            .map(|&i| (&valid[i].0, valid[i].1.as_str()))
            .collect();
        let mut rejected: HashSet<usize> = HashSet::new();
        for (k, p) in validate::validate_catalog(&ordered) {
            rejected.insert(order[k]);
            tree_problems.push(p);
        }
        let mut kept: Vec<(Tree, String, bool)> = Vec::new();
        for (i, v) in valid.into_iter().enumerate() {
            if !rejected.contains(&i) {
                kept.push(v);
            } else if let Some(k) = replaced.iter().position(|(t, _, _)| t.id == v.0.id) {
                // The user's replacement was left out: the shipped tree it replaced stays.
                kept.push(replaced.remove(k));
            }
        }
        let valid = kept;
        problems.extend(tree_problems);
        // A relation may point into a tree that failed to load or was replaced by a user tree
        // without that option. The tree stays usable (the edge is only dropped from the
        // trade-off graph), but the loss is recorded so `trees validate` can say so.
        let available: HashSet<&str> = valid
            .iter()
            .flat_map(|(t, _, _)| t.options.iter().map(|o| o.id.as_str()))
            .collect();
        let mut dangling = Vec::new();
        for (tree, label, _) in &valid {
            for o in &tree.options {
                for (r, rel) in o.relations.iter().enumerate() {
                    if !available.contains(rel.target.as_str()) {
                        dangling.push(Problem {
                            file: label.clone(),
                            place: format!("options[\"{}\"].relations[{r}].target", o.id),
                            message: format!(
                                "relation {} names option \"{}\", whose tree is not loaded; the relation is ignored",
                                rel.kind.as_str(),
                                rel.target
                            ),
                        });
                    }
                }
            }
        }
        let trees = valid
            .into_iter()
            .map(|(t, label, shipped)| LoadedTree::new(t, label, shipped))
            .collect();
        (Catalog { trees, dangling }, problems)
    }

    /// Relations of loaded trees whose target option is not loaded (they are ignored).
    pub fn dangling(&self) -> &[Problem] {
        &self.dangling
    }

    /// The shipped trees only.
    pub fn shipped() -> (Catalog, Vec<Problem>) {
        let sources = Source::shipped();
        let n = sources.len();
        Catalog::build(sources, n)
    }

    pub fn trees(&self) -> &[LoadedTree] {
        &self.trees
    }

    pub fn get(&self, id: &str) -> Option<&LoadedTree> {
        self.trees.iter().find(|t| t.id() == id)
    }

    /// The tree that owns an option id: a lookup in each tree's option index (ids are unique
    /// across the catalog, since a namespace belongs to one tree).
    pub fn tree_of_option(&self, option: &str) -> Option<&LoadedTree> {
        self.trees.iter().find(|t| t.option_ix(option).is_some())
    }

    pub fn ids(&self) -> Vec<&str> {
        self.trees.iter().map(|t| t.id()).collect()
    }

    /// The areas of the loaded trees, in order of first appearance, each with its trees in
    /// `area.position` order: the order a session walks them (FORMAT2: trees of one area are
    /// walked in order).
    pub fn areas(&self) -> Vec<AreaTrees<'_>> {
        let mut out: Vec<AreaTrees<'_>> = Vec::new();
        for t in &self.trees {
            let area = &t.tree.area;
            match out.iter_mut().find(|a| a.id == area.id) {
                Some(a) => a.trees.push(t),
                None => out.push(AreaTrees {
                    id: &area.id,
                    title: &area.title,
                    trees: vec![t],
                }),
            }
        }
        for a in &mut out {
            a.trees.sort_by_key(|t| t.tree.area.position);
        }
        out
    }
}

/// One area of the catalog with its trees in walking order.
#[derive(Debug, Clone)]
pub struct AreaTrees<'c> {
    pub id: &'c str,
    pub title: &'c str,
    pub trees: Vec<&'c LoadedTree>,
}
