//! `tradeoffs review`: the design-review pack of a saved session, as Markdown, HTML or JSON, on
//! standard output or into a file. The pack is built and rendered by the library
//! (`tradeoffs::review`); this module picks the session, the format and the destination.

use std::process::ExitCode;

use anyhow::{Context, Result};

use tradeoffs::engine::Engine;
use tradeoffs::review::{self, Format};
use tradeoffs::store::Store;
use tradeoffs::tree::Catalog;

use super::args::{ReviewArgs, ReviewFormat};
use super::{bad, out};

pub fn run(catalog: &Catalog, args: &ReviewArgs) -> Result<ExitCode> {
    let store = Store::open_default()?;
    let session = match &args.session {
        Some(id) => store.load(id, catalog).map_err(|e| bad(e.to_string()))?,
        None => {
            if store.list(catalog).is_empty() {
                return Err(bad(format!(
                    "no saved session in {}; run `tradeoffs` to start one, then `tradeoffs review`",
                    store.dir().display()
                )));
            }
            store.latest(catalog).map_err(|e| bad(e.to_string()))?
        }
    };
    let mut pack =
        review::build(catalog, &Engine::new(catalog), &session).map_err(|e| bad(e.to_string()))?;
    let cwd = std::env::current_dir().context("cannot read the current directory")?;
    pack.check_adr_files(&cwd);
    let format = match (args.format, &args.out) {
        (Some(ReviewFormat::Md), _) => Format::Markdown,
        (Some(ReviewFormat::Html), _) => Format::Html,
        (Some(ReviewFormat::Json), _) => Format::Json,
        (None, Some(path)) => Format::from_path(path).unwrap_or(Format::Markdown),
        (None, None) => Format::Markdown,
    };
    match &args.out {
        None => {
            let text = review::render(&pack, format, Some(&cwd));
            if format == Format::Json {
                out::json(text.trim_end());
            } else {
                out::text(&text);
            }
        }
        Some(path) => {
            // A file that cannot be written is not bad input: exit status 1.
            review::write(&pack, format, path).map_err(|e| anyhow::anyhow!(e.0))?;
            out::line(&path.display().to_string());
        }
    }
    Ok(ExitCode::SUCCESS)
}
