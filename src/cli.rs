//! The command line's handlers, one module per command group, over the library's API. Only this
//! layer (and `main.rs`) reads the environment for configuration and prints; every printed
//! line goes through [`out`].

mod adr;
pub mod args;
mod decide;
mod lint;
mod log;
pub mod out;
mod review;
mod revisit;
mod trees;

use std::io::IsTerminal;
use std::process::ExitCode;

use anyhow::{Result, bail};

use tradeoffs::adr::AdrError;
use tradeoffs::session::SessionError;
use tradeoffs::tree::{Catalog, LoadOptions};

use args::{Cli, Command, TreesCommand};

/// Bad input to `decide` that the library does not see (flag syntax): exit status 2.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct BadInput(String);

pub fn bad(msg: impl Into<String>) -> anyhow::Error {
    BadInput(msg.into()).into()
}

/// The exit status for an error, from its kind: 2 when the input was at fault (a flag, a
/// session file, a walk, a record's metadata), 1 for everything else. Every path maps the same
/// error the same way, whether it came from printing or from exporting.
pub fn exit_code(e: &anyhow::Error) -> u8 {
    let bad_input = e.chain().any(|cause| {
        cause.is::<BadInput>()
            || cause.is::<SessionError>()
            || cause
                .downcast_ref::<AdrError>()
                .is_some_and(AdrError::is_bad_input)
    });
    if bad_input { 2 } else { 1 }
}

fn load_options(cli: &Cli) -> LoadOptions {
    LoadOptions {
        user_dir: tradeoffs::config::user_trees_dir(),
        extra: cli.trees.clone(),
    }
}

/// Loads the catalog and warns (once, on stderr) about tree files that were skipped.
fn load_catalog(options: &LoadOptions) -> Result<Catalog> {
    warn_problems(Catalog::load(options)?)
}

/// The catalog a command about the trees `ids` needs (see [`Catalog::load_for`]): start-up
/// parses only those, unless user trees are present.
fn load_catalog_for(options: &LoadOptions, ids: &[&str]) -> Result<Catalog> {
    warn_problems(Catalog::load_for(options, ids)?)
}

fn warn_problems((catalog, problems): (Catalog, Vec<tradeoffs::tree::Problem>)) -> Result<Catalog> {
    if !problems.is_empty() {
        let mut files: Vec<&str> = problems.iter().map(|p| p.file.as_str()).collect();
        files.dedup();
        out::warn(&format!(
            "skipped {} invalid tree file(s) ({}); run `tradeoffs trees validate` for details",
            files.len(),
            files.join(", ")
        ));
    }
    Ok(catalog)
}

pub fn run(cli: Cli) -> Result<ExitCode> {
    let options = load_options(&cli);
    match cli.command {
        None => {
            if std::env::var_os("TERM").is_some_and(|t| t == "dumb") {
                bail!(
                    "TERM=dumb: this terminal cannot show the full-screen TUI (alternate screen, colours, mouse); run it in a full terminal, or use `tradeoffs decide --tree ID --path N,N,...` (see `tradeoffs decide --help`)"
                );
            }
            if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
                bail!(
                    "the interactive TUI needs a terminal on stdin and stdout; for scripts use `tradeoffs decide --tree ID --path N,N,...` (see `tradeoffs decide --help`)"
                );
            }
            let catalog = load_catalog(&options)?;
            let tui_options = tradeoffs::tui::Options {
                resume: cli.resume.map(|id| (!id.is_empty()).then_some(id)),
                no_mouse: cli.no_mouse,
                adr_dir: cli.tui_adr_dir,
                package: cli.tui_package,
                revisit: None,
            };
            tradeoffs::tui::run(catalog, tui_options)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Trees(TreesCommand::List { json })) => {
            trees::list(&load_catalog(&options)?, json)
        }
        Some(Command::Trees(TreesCommand::Validate { paths })) => trees::validate(&options, &paths),
        Some(Command::Trees(TreesCommand::Analyze {
            target,
            json,
            priorities_first,
        })) => trees::analyze(&options, &target, json, priorities_first),
        Some(Command::Trees(TreesCommand::Show { id, format })) => {
            trees::show(&load_catalog(&options)?, &id, format)
        }
        Some(Command::Decide(mut args)) => {
            // `tradeoffs --adr-dir DIR decide ...` means the same as `decide --adr-dir DIR`.
            if args.adr_dir.is_none() {
                args.adr_dir = cli.tui_adr_dir;
            }
            if args.package.is_none() {
                args.package = cli.tui_package;
            }
            // `--tree ID` needs that tree (and the trees its relations point into); a session
            // file may name any tree, so it loads them all.
            // The trees of the repository's accepted ADRs too, for the conflict check.
            match (&args.tree, &args.answers) {
                (Some(id), None) => {
                    let accepted = decide::accepted(&args);
                    let mut ids = vec![id.as_str()];
                    for a in &accepted {
                        if !ids.contains(&a.tree.as_str()) {
                            ids.push(&a.tree);
                        }
                    }
                    decide::run(&load_catalog_for(&options, &ids)?, &args, Some(accepted))
                }
                _ => decide::run(&load_catalog(&options)?, &args, None),
            }
        }
        Some(Command::Revisit(mut args)) => {
            if args.adr_dir.is_none() && args.package.is_none() {
                args.adr_dir = cli.tui_adr_dir;
                args.package = cli.tui_package;
            }
            revisit::run(load_catalog(&options)?, &args, cli.no_mouse)
        }
        Some(Command::Log(mut args)) => {
            args.place.or_top(&cli.tui_adr_dir, &cli.tui_package);
            log::run(&args)
        }
        Some(Command::Lint(mut args)) => {
            args.place.or_top(&cli.tui_adr_dir, &cli.tui_package);
            lint::run(&args)
        }
        Some(Command::Adr(command)) => adr::run(command, &cli.tui_adr_dir, &cli.tui_package),
        Some(Command::Review(args)) => review::run(&load_catalog(&options)?, &args),
    }
}
