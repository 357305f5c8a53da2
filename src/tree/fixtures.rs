//! The fixture trees unit tests load (`tests/fixtures/valid/`), in one place: a catalog built
//! from them must load without problems, or every test using it would test something else.

use super::{Catalog, Source};

/// `small`: a small complete tree (options `sm.a`, `sm.b`, `sm.c`).
pub(crate) const SMALL: &str = include_str!("../../tests/fixtures/valid/small.json");
/// `other`: a tree whose options conflict with or require `small`'s.
pub(crate) const OTHER: &str = include_str!("../../tests/fixtures/valid/other.json");

/// A catalog of these `(label, text)` trees; panics with the problems if any.
pub(crate) fn catalog_of(trees: &[(&str, &str)]) -> Catalog {
    let (catalog, problems) = Catalog::build(
        trees
            .iter()
            .map(|(label, text)| Source {
                label: (*label).into(),
                text: (*text).into(),
            })
            .collect(),
        0,
    );
    assert!(problems.is_empty(), "{problems:?}");
    catalog
}

/// The `small` tree alone.
pub(crate) fn small() -> Catalog {
    catalog_of(&[("small.json", SMALL)])
}

/// `small` and `other`, whose options are related across the two trees.
pub(crate) fn small_and_other() -> Catalog {
    catalog_of(&[("small.json", SMALL), ("other.json", OTHER)])
}
