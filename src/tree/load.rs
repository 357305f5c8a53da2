//! Which trees a run sees: the shipped ones, then the user's config directory, then each
//! `--trees` path, with later trees replacing earlier ones of the same id. The shells pass in
//! what they read from the environment and the command line; this module decides the order.

use std::collections::BTreeSet;
use std::path::PathBuf;

use serde::Serialize;

use super::{Catalog, LoadedTree, Problem, SHIPPED, SHIPPED_INDEX, Source, Tree, parse};

/// Where to look for trees beyond the shipped ones.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// The user's tree directory (`<config>/trees`); skipped when it does not exist.
    pub user_dir: Option<PathBuf>,
    /// `--trees` paths: directories of tree files or single files, in command-line order.
    pub extra: Vec<PathBuf>,
}

/// A tree directory or file that could not be read at all (not a problem inside a tree).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct LoadError(pub String);

/// The sources in override order, how many of the first ones are shipped, and the files that
/// could not be read (each a problem of its own; the other files still load).
#[derive(Debug, Clone)]
pub struct Sources {
    pub sources: Vec<Source>,
    pub shipped: usize,
    pub unreadable: Vec<Problem>,
}

impl LoadOptions {
    /// Shipped trees, then the user's config trees, then `--trees`.
    pub fn sources(&self) -> Result<Sources, LoadError> {
        let mut sources = Source::shipped();
        let shipped = sources.len();
        let mut unreadable = Vec::new();
        if let Some(dir) = &self.user_dir
            && dir.is_dir()
        {
            let (found, bad) = Source::read_dir(dir).map_err(|p| LoadError(p.to_string()))?;
            sources.extend(found);
            unreadable.extend(bad);
        }
        for path in &self.extra {
            let found = if path.is_dir() {
                Source::read_dir(path)
            } else {
                Source::read(path).map(|s| (vec![s], Vec::new()))
            };
            let (found, bad) = found.map_err(|p| {
                LoadError(format!(
                    "--trees {}: {}; pass a directory of tree files or one tree file",
                    p.file, p.message
                ))
            })?;
            sources.extend(found);
            unreadable.extend(bad);
        }
        Ok(Sources {
            sources,
            shipped,
            unreadable,
        })
    }
}

impl LoadOptions {
    /// True when this run may see a tree that is not shipped: `--trees` was given, or the
    /// user's tree directory holds a tree file. Listing a directory costs far less than
    /// parsing the shipped trees.
    pub fn has_user_trees(&self) -> bool {
        !self.extra.is_empty()
            || self.user_dir.as_deref().is_some_and(|dir| {
                std::fs::read_dir(dir).is_ok_and(|entries| {
                    entries.filter_map(Result::ok).any(|e| {
                        let p = e.path();
                        p.extension().is_some_and(|x| x == "json")
                            && p.file_name().is_some_and(|n| n != "schema.json")
                    })
                })
            })
    }
}

impl Catalog {
    /// Loads what a command about the trees `ids` needs: with no user trees, only those shipped
    /// trees and the shipped trees their relations point into (transitively), parsed and
    /// validated exactly as [`Catalog::load`] would (the shipped trees are valid together:
    /// the test suite loads them all, and `trees validate` does at run time). Any user tree
    /// (which may replace or clash with any shipped tree), or an id that is not a shipped
    /// tree, loads everything, so the answer and every error are the same as with
    /// [`Catalog::load`].
    pub fn load_for(
        options: &LoadOptions,
        ids: &[&str],
    ) -> Result<(Catalog, Vec<Problem>), LoadError> {
        if options.has_user_trees() {
            return Catalog::load(options);
        }
        let file_of_id = |id: &str| SHIPPED_INDEX.iter().position(|(_, t, _)| *t == id);
        let file_of_ns = |ns: &str| SHIPPED_INDEX.iter().position(|(_, _, n)| *n == ns);
        let Some(mut queue) = ids
            .iter()
            .map(|id| file_of_id(id))
            .collect::<Option<Vec<usize>>>()
        else {
            return Catalog::load(options);
        };
        let mut seen: BTreeSet<usize> = queue.iter().copied().collect();
        let mut parsed: Vec<(usize, Tree)> = Vec::new();
        let mut problems = Vec::new();
        while let Some(i) = queue.pop() {
            let (name, _, _) = SHIPPED_INDEX[i];
            let Some((_, text)) = SHIPPED.iter().find(|(n, _)| *n == name) else {
                return Catalog::load(options);
            };
            let source = Source {
                label: format!("decision-trees/{name}"),
                text: (*text).to_string(),
            };
            match parse(&source) {
                Ok(tree) => {
                    // Option ids start with their tree's namespace and a dot (validated).
                    for rel in tree.options.iter().flat_map(|o| &o.relations) {
                        let ns = rel.target.split('.').next().unwrap_or_default();
                        if let Some(j) = file_of_ns(ns)
                            && seen.insert(j)
                        {
                            queue.push(j);
                        }
                    }
                    parsed.push((i, tree));
                }
                Err(p) => problems.push(p),
            }
        }
        // Shipped order, as in a full load.
        parsed.sort_by_key(|(i, _)| *i);
        let parsed = parsed
            .into_iter()
            .map(|(i, t)| (t, format!("decision-trees/{}", SHIPPED_INDEX[i].0), true))
            .collect();
        Ok(Catalog::build_parsed(parsed, problems))
    }

    /// Loads every tree the options name; invalid trees are left out and their problems
    /// returned (see [`Catalog::build`]).
    pub fn load(options: &LoadOptions) -> Result<(Catalog, Vec<Problem>), LoadError> {
        let Sources {
            sources,
            shipped,
            unreadable,
        } = options.sources()?;
        let (catalog, problems) = Catalog::build(sources, shipped);
        Ok((catalog, unreadable.into_iter().chain(problems).collect()))
    }
}

/// One line of `trees list`: the same facts for the table and for `--json`. Fields are in
/// alphabetical order, the order the JSON had when it was built as a `serde_json` map.
#[derive(Debug, Clone, Serialize)]
pub struct TreeSummary {
    pub criteria: usize,
    pub description: String,
    pub id: String,
    pub max_depth: usize,
    pub options: usize,
    pub origin: String,
    pub outcomes: usize,
    pub questions: usize,
    pub source: String,
    pub title: String,
}

impl TreeSummary {
    pub fn of(t: &LoadedTree) -> TreeSummary {
        TreeSummary {
            criteria: t.tree.criteria.len(),
            description: t.tree.description.clone(),
            id: t.id().to_string(),
            max_depth: t.max_depth,
            options: t.tree.options.len(),
            origin: t.origin.clone(),
            outcomes: t.outcomes(),
            questions: t.questions(),
            source: t.tree.source.clone(),
            title: t.tree.title.clone(),
        }
    }
}
