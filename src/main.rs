//! Command line: parses arguments with clap and hands each command to one function. Errors are
//! printed on one line; exit status 1 for failures, 2 for bad input to `decide`.

use std::io::{IsTerminal, Read as _};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::{Args, Parser, Subcommand, ValueEnum};
use serde_json::json;

use tradeoffs::adr::{self, Dialect, RecordMeta};
use tradeoffs::report::{self, DecisionReport};
use tradeoffs::session::{Decision, Session, list_answers};
use tradeoffs::tradeoff::TradeoffGraph;
use tradeoffs::tree::{Catalog, LoadedTree, Node, Problem, Source, analyze, render};

#[derive(Parser, Debug)]
#[command(
    name = "tradeoffs",
    version,
    about = "Step through an architecture decision, weigh the trade-offs, record it as an ADR.",
    long_about = "Step through an architecture decision, weigh the trade-offs, record it as an ADR.\n\nWithout a command, opens the interactive TUI."
)]
struct Cli {
    /// Extra directory (or file) of decision trees; a tree with a shipped tree's id replaces it.
    #[arg(long = "trees", value_name = "DIR", global = true)]
    trees: Vec<PathBuf>,

    /// Open the TUI on a saved session: the latest one, or the one with this id.
    #[arg(long, value_name = "ID", num_args = 0..=1, default_missing_value = "")]
    resume: Option<String>,

    /// Do not capture the mouse in the TUI (keeps the terminal's own text selection working).
    #[arg(long)]
    no_mouse: bool,

    /// ADR directory to write into, instead of the one the repository's markers name.
    #[arg(long = "adr-dir", value_name = "DIR")]
    tui_adr_dir: Option<PathBuf>,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// List, validate and show decision trees.
    #[command(subcommand)]
    Trees(TreesCommand),
    /// Walk a tree non-interactively and print the ranked, explained decision.
    Decide(Box<DecideArgs>),
}

#[derive(Subcommand, Debug)]
enum TreesCommand {
    /// List the available trees.
    List {
        /// Print a JSON array instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Check tree files (or every loaded tree) against the format's rules.
    Validate {
        /// Tree files to check; without any, the trees of `--trees` (when given), else every
        /// loaded tree. Checks and outcome promises are evaluated over every path.
        paths: Vec<PathBuf>,
    },
    /// Evaluate every path of a tree: winners, ties, narrow wins, dead ends, broken outcome
    /// promises and the tree's checks.
    Analyze {
        /// Tree id, or a tree file.
        target: String,
        /// Print the analysis as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Print a tree as an outline, a Graphviz graph or a Mermaid flowchart.
    Show {
        /// Tree id, as listed by `tradeoffs trees list`.
        id: String,
        #[arg(long, value_enum, default_value_t = ShowFormat::Text)]
        format: ShowFormat,
    },
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum ShowFormat {
    Text,
    Dot,
    Mermaid,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum DecideFormat {
    /// Readable summary (default).
    Text,
    /// The decision object, for tools.
    Json,
    /// MADR 4 Markdown.
    Madr,
    /// Nygard / adr-tools Markdown.
    Nygard,
    /// log4brains Markdown.
    Log4brains,
}

impl DecideFormat {
    fn dialect(self) -> Option<Dialect> {
        match self {
            DecideFormat::Text | DecideFormat::Json => None,
            DecideFormat::Madr => Some(Dialect::Madr),
            DecideFormat::Nygard => Some(Dialect::Nygard),
            DecideFormat::Log4brains => Some(Dialect::Log4brains),
        }
    }
}

#[derive(Args, Debug)]
struct DecideArgs {
    /// Tree to walk (with --path).
    #[arg(long, value_name = "ID", required_unless_present = "answers")]
    tree: Option<String>,
    /// Answer numbers, 1-based, one per question: `--path 2,1,3`; several answers of a
    /// "select all that apply" question joined with `+`: `--path 2,1+3,1`.
    #[arg(
        long,
        value_name = "N,N,...",
        conflicts_with = "answers",
        requires = "tree"
    )]
    path: Option<String>,
    /// Replay a saved session file instead (`-` reads stdin).
    #[arg(long, value_name = "FILE")]
    answers: Option<String>,
    /// Override a priority: `--weight db.consistency=5` (repeatable; 0..5).
    #[arg(long = "weight", value_name = "CRITERION=N")]
    weights: Vec<String>,
    /// Choose this option instead of the top-ranked one.
    #[arg(long = "option", value_name = "ID")]
    option: Option<String>,
    /// Output: text, json, or an ADR rendering (madr, nygard, log4brains). With --export it
    /// picks the dialect for a new ADR directory; existing ADRs' dialect wins.
    #[arg(long, value_enum)]
    format: Option<DecideFormat>,
    /// Write the ADR into the repository's ADR directory and print the path written.
    #[arg(long)]
    export: bool,
    /// ADR directory to use instead of the one found from the repository's markers.
    #[arg(long, value_name = "DIR")]
    adr_dir: Option<PathBuf>,
    /// Directory to start looking for the repository's ADR directory from (default: current).
    #[arg(short = 'C', value_name = "DIR")]
    directory: Option<PathBuf>,
    /// ADR title (default: the outcome's suggested title).
    #[arg(long)]
    title: Option<String>,
    /// ADR status: proposed (default), accepted, rejected, deprecated.
    #[arg(long)]
    status: Option<String>,
    /// Person who took the decision (repeatable; default: `git config user.name`).
    #[arg(long = "decider", value_name = "NAME")]
    deciders: Vec<String>,
    /// Context paragraph for the ADR, in your words.
    #[arg(long)]
    context: Option<String>,
    /// Date of the ADR, YYYY-MM-DD (default: today, or TRADEOFFS_DATE).
    #[arg(long)]
    date: Option<String>,
    /// Number (or file name) of an existing ADR that this one supersedes.
    #[arg(long, value_name = "N", requires = "export")]
    supersedes: Option<String>,
}

/// Bad input to `decide`: reported on one line with exit status 2.
#[derive(Debug)]
struct BadInput(String);

impl std::fmt::Display for BadInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for BadInput {}

fn bad(msg: impl Into<String>) -> anyhow::Error {
    BadInput(msg.into()).into()
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            use clap::error::ErrorKind;
            if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
                let _ = e.print();
                return ExitCode::SUCCESS;
            }
            let rendered = e.to_string();
            let first = rendered.lines().next().unwrap_or("invalid arguments");
            eprintln!("{first} (see `tradeoffs --help`)");
            return ExitCode::from(2);
        }
    };
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {}", one_line(&format!("{e:#}")));
            if e.downcast_ref::<BadInput>().is_some() {
                ExitCode::from(2)
            } else {
                ExitCode::FAILURE
            }
        }
    }
}

fn one_line(s: &str) -> String {
    s.lines().collect::<Vec<_>>().join(" ")
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        None => {
            if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
                bail!(
                    "the interactive TUI needs a terminal on stdin and stdout; for scripts use `tradeoffs decide --tree ID --path N,N,...` (see `tradeoffs decide --help`)"
                );
            }
            let catalog = load_catalog(&cli.trees, true)?;
            let options = tradeoffs::tui::Options {
                resume: cli.resume.map(|id| (!id.is_empty()).then_some(id)),
                no_mouse: cli.no_mouse,
                adr_dir: cli.tui_adr_dir,
            };
            tradeoffs::tui::run(catalog, options)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Trees(TreesCommand::List { json })) => {
            trees_list(&load_catalog(&cli.trees, true)?, json)
        }
        Some(Command::Trees(TreesCommand::Validate { paths })) => {
            trees_validate(&cli.trees, &paths)
        }
        Some(Command::Trees(TreesCommand::Analyze { target, json })) => {
            trees_analyze(&cli.trees, &target, json)
        }
        Some(Command::Trees(TreesCommand::Show { id, format })) => {
            trees_show(&load_catalog(&cli.trees, true)?, &id, format)
        }
        Some(Command::Decide(mut args)) => {
            // `tradeoffs --adr-dir DIR decide ...` means the same as `decide --adr-dir DIR`.
            if args.adr_dir.is_none() {
                args.adr_dir = cli.tui_adr_dir;
            }
            decide(&load_catalog(&cli.trees, true)?, &args)
        }
    }
}

/// Shipped trees, then the user's config trees, then `--trees`; later ones replace earlier ones.
fn gather_sources(extra: &[PathBuf]) -> Result<(Vec<Source>, usize)> {
    let mut sources = Source::shipped();
    let shipped = sources.len();
    if let Some(dir) = tradeoffs::config::user_trees_dir()
        && dir.is_dir()
    {
        sources.extend(Source::read_dir(&dir).map_err(|p| anyhow::anyhow!("{p}"))?);
    }
    for path in extra {
        let found = if path.is_dir() {
            Source::read_dir(path)
        } else {
            Source::read(path).map(|s| vec![s])
        };
        sources.extend(found.map_err(|p| {
            anyhow::anyhow!(
                "--trees {}: {}; pass a directory of tree files or one tree file",
                path.display(),
                p.message
            )
        })?);
    }
    Ok((sources, shipped))
}

fn load_catalog(extra: &[PathBuf], warn: bool) -> Result<Catalog> {
    let (sources, shipped) = gather_sources(extra)?;
    let (catalog, problems) = Catalog::build(sources, shipped);
    if warn && !problems.is_empty() {
        let mut files: Vec<&str> = problems.iter().map(|p| p.file.as_str()).collect();
        files.dedup();
        eprintln!(
            "warning: skipped {} invalid tree file(s) ({}); run `tradeoffs trees validate` for details",
            files.len(),
            files.join(", ")
        );
    }
    Ok(catalog)
}

fn trees_list(catalog: &Catalog, as_json: bool) -> Result<ExitCode> {
    if as_json {
        let list: Vec<_> = catalog
            .trees()
            .iter()
            .map(|t| {
                json!({
                    "id": t.id(),
                    "title": t.tree.title,
                    "description": t.tree.description,
                    "source": t.tree.source,
                    "origin": t.origin,
                    "questions": t.questions(),
                    "outcomes": t.outcomes(),
                    "options": t.tree.options.len(),
                    "criteria": t.tree.criteria.len(),
                    "max_depth": t.max_depth,
                })
            })
            .collect();
        println!("{}", serde_json::to_string_pretty(&list)?);
        return Ok(ExitCode::SUCCESS);
    }
    let titles: Vec<String> = catalog
        .trees()
        .iter()
        .map(|t| render::plain(&t.tree.title))
        .collect();
    let idw = catalog
        .ids()
        .iter()
        .map(|i| i.len())
        .max()
        .unwrap_or(2)
        .max(2);
    let tw = titles
        .iter()
        .map(|t| t.chars().count())
        .max()
        .unwrap_or(5)
        .max(5);
    println!(
        "{:<idw$}  {:<tw$}  {:>3} {:>3} {:>3} {:>3} {:>5}  SOURCE",
        "ID", "TITLE", "Q", "OUT", "OPT", "CRI", "DEPTH"
    );
    for (t, title) in catalog.trees().iter().zip(&titles) {
        println!(
            "{:<idw$}  {:<tw$}  {:>3} {:>3} {:>3} {:>3} {:>5}  {}",
            t.id(),
            title,
            t.questions(),
            t.outcomes(),
            t.tree.options.len(),
            t.tree.criteria.len(),
            t.max_depth,
            render::plain(&t.tree.source)
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn trees_validate(extra: &[PathBuf], paths: &[PathBuf]) -> Result<ExitCode> {
    let (mut sources, shipped) = gather_sources(extra)?;
    let mut problems: Vec<Problem> = Vec::new();
    let mut checked: Vec<String> = Vec::new();
    if paths.is_empty() && !extra.is_empty() {
        // `--trees DIR trees validate`: check the trees given, not the shipped ones.
        let (own, _) = gather_sources(&[])?;
        checked.extend(sources[own.len()..].iter().map(|s| s.label.clone()));
    } else if paths.is_empty() {
        checked.extend(sources.iter().map(|s| s.label.clone()));
    } else {
        for p in paths {
            match Source::read(p) {
                Ok(s) => {
                    checked.push(s.label.clone());
                    sources.push(s);
                }
                Err(problem) => problems.push(Problem {
                    message: format!("{}; check the path", problem.message),
                    ..problem
                }),
            }
        }
    }
    let (catalog, found) = Catalog::build(sources, shipped);
    problems.extend(found.into_iter().filter(|p| checked.contains(&p.file)));
    for p in catalog
        .dangling()
        .iter()
        .filter(|p| checked.contains(&p.file))
    {
        eprintln!("warning: {p}");
    }
    let mut notes: Vec<String> = Vec::new();
    for t in catalog
        .trees()
        .iter()
        .filter(|t| checked.contains(&t.origin))
    {
        let (found, note) = analysis_problems(t);
        problems.extend(found);
        notes.extend(note);
    }
    for n in &notes {
        eprintln!("note: {n}");
    }
    if problems.is_empty() {
        let ids: Vec<&str> = catalog
            .trees()
            .iter()
            .filter(|t| checked.contains(&t.origin))
            .map(|t| t.id())
            .collect();
        println!(
            "ok: {} tree file(s) valid ({})",
            checked.len(),
            ids.join(", ")
        );
        Ok(ExitCode::SUCCESS)
    } else {
        for p in &problems {
            println!("{p}");
        }
        eprintln!("{} problem(s) found", problems.len());
        Ok(ExitCode::FAILURE)
    }
}

/// Checks and outcome promises of one loaded tree as problems (one per violated check and per
/// broken promise, each with a shortest example `--path`), plus a note when only a sample of
/// the paths could be evaluated.
fn analysis_problems(t: &LoadedTree) -> (Vec<Problem>, Option<String>) {
    let a = analyze::analyze(t);
    let mut out = Vec::new();
    for (i, c) in a.checks.iter().enumerate() {
        if c.ok {
            continue;
        }
        let f = &c.failures[0];
        let others = if c.failures.len() > 1 {
            format!(
                " (also: {})",
                c.failures[1..]
                    .iter()
                    .map(|f| format!("{} on {}", f.winner, f.count))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        } else {
            String::new()
        };
        out.push(Problem {
            file: t.origin.clone(),
            place: format!("checks[{i}]"),
            message: format!(
                "check \"{}\" fails ({} {}): {} wins on {} of {} applicable path(s){others}; shortest example: --path {}; why: {}",
                c.name,
                c.expect,
                c.options.join(", "),
                f.winner,
                c.violations,
                c.applicable,
                f.example_path,
                c.why
            ),
        });
    }
    for o in &a.outcome_mismatches {
        out.push(Problem {
            file: t.origin.clone(),
            place: format!("nodes.{}.options", o.outcome),
            message: format!(
                "outcome \"{}\" promises {} but {} wins on {} path(s) to it; shortest example: --path {}",
                o.outcome,
                o.promised.join(", "),
                o.winner,
                o.count,
                o.example_path
            ),
        });
    }
    let note = a.sampled.as_ref().map(|s| {
        format!(
            "{}: {} paths, more than {}; checks and promises were evaluated on a seeded sample of {}",
            t.origin,
            a.paths,
            analyze::EXACT_LIMIT,
            s.evaluated
        )
    });
    (out, note)
}

/// `trees analyze ID|FILE`: a tree id from the catalog, or a tree file (loaded with the
/// catalog so its relations resolve).
fn trees_analyze(extra: &[PathBuf], target: &str, as_json: bool) -> Result<ExitCode> {
    let (mut sources, shipped) = gather_sources(extra)?;
    let path = Path::new(target);
    let file_label = if path.is_file() || target.ends_with(".json") {
        let s = Source::read(path).map_err(|p| anyhow::anyhow!("{}; check the path", p))?;
        let label = s.label.clone();
        sources.push(s);
        Some(label)
    } else {
        None
    };
    let (catalog, problems) = Catalog::build(sources, shipped);
    let tree = match &file_label {
        Some(label) => {
            let mine: Vec<&Problem> = problems.iter().filter(|p| &p.file == label).collect();
            if !mine.is_empty() {
                for p in &mine {
                    println!("{}", render::plain(&p.to_string()));
                }
                eprintln!(
                    "{} problem(s) found; fix them before analyzing (see `tradeoffs trees validate`)",
                    mine.len()
                );
                return Ok(ExitCode::FAILURE);
            }
            catalog
                .trees()
                .iter()
                .find(|t| &t.origin == label)
                .ok_or_else(|| anyhow::anyhow!("{label}: the tree did not load"))?
        }
        None => catalog
            .get(target)
            .ok_or_else(|| anyhow::anyhow!(unknown_tree(&catalog, target)))?,
    };
    let a = analyze::analyze(tree);
    if as_json {
        println!("{}", serde_json::to_string_pretty(&a)?);
    } else {
        print!("{}", a.to_text());
    }
    Ok(ExitCode::SUCCESS)
}

fn unknown_tree(catalog: &Catalog, id: &str) -> String {
    format!(
        "unknown tree \"{id}\"; available: {} (see `tradeoffs trees list`)",
        catalog.ids().join(", ")
    )
}

fn trees_show(catalog: &Catalog, id: &str, format: ShowFormat) -> Result<ExitCode> {
    let Some(tree) = catalog.get(id) else {
        bail!(unknown_tree(catalog, id));
    };
    let text = match format {
        ShowFormat::Text => render::outline(tree),
        ShowFormat::Dot => render::dot(tree),
        ShowFormat::Mermaid => render::mermaid(tree),
    };
    print!("{text}");
    Ok(ExitCode::SUCCESS)
}

/// Builds the session a `decide` invocation describes: from `--path` or a saved session file,
/// then the `--weight` and `--option` overrides.
fn decide_session(catalog: &Catalog, args: &DecideArgs) -> Result<Session> {
    let mut session = if let Some(file) = &args.answers {
        let (label, text) = if file == "-" {
            let mut text = String::new();
            std::io::stdin()
                .read_to_string(&mut text)
                .context("reading the session from stdin")?;
            ("stdin".to_string(), text)
        } else {
            let text = std::fs::read_to_string(Path::new(file))
                .map_err(|e| bad(format!("cannot read answers file {file}: {e}")))?;
            (file.clone(), text)
        };
        Session::from_json(&text, catalog).map_err(|e| bad(format!("{label}: {e}")))?
    } else {
        let id = args.tree.as_deref().unwrap_or_default();
        let tree = catalog
            .get(id)
            .ok_or_else(|| bad(unknown_tree(catalog, id)))?;
        let mut decision = Decision::new(id);
        let numbers = parse_path(args.path.as_deref().unwrap_or(""))?;
        for (step, set) in numbers.iter().enumerate() {
            let walk = tradeoffs::session::Walk::replay(tree, &decision)?;
            let Some(q) = walk.question() else {
                let Node::Outcome(o) = tree.node(walk.current) else {
                    unreachable!()
                };
                return Err(bad(format!(
                    "the path is longer than the tree: after {step} answer(s) it reached the outcome \"{}\"; drop the last {} number(s)",
                    o.title,
                    numbers.len() - step
                )));
            };
            if let Some(&n) = set.iter().find(|&&n| n == 0 || n > q.answers.len()) {
                return Err(bad(format!(
                    "answer {n} at step {} is out of range for \"{}\"; choose 1..{}: {}",
                    step + 1,
                    q.prompt,
                    q.answers.len(),
                    list_answers(q)
                )));
            }
            if set.len() > 1 && !q.multi {
                return Err(bad(format!(
                    "step {} joins answers with '+', but \"{}\" takes one answer; choose one of: {}",
                    step + 1,
                    q.prompt,
                    list_answers(q)
                )));
            }
            let picks: Vec<usize> = set.iter().map(|n| n - 1).collect();
            decision
                .answer_set(tree, &picks)
                .map_err(|e| bad(format!("step {}: {e}", step + 1)))?;
        }
        let walk = tradeoffs::session::Walk::replay(tree, &decision)?;
        if let Some(q) = walk.question() {
            return Err(bad(format!(
                "the path stops before an outcome, at question {} \"{}\"; add one of: {}",
                numbers.len() + 1,
                q.prompt,
                list_answers(q)
            )));
        }
        let mut s = Session::new("cli", 0);
        s.decisions.push(decision);
        s
    };
    for spec in &args.weights {
        let (criterion, value) = spec.split_once('=').ok_or_else(|| {
            bad(format!(
                "--weight {spec}: expected CRITERION=N, e.g. db.consistency=5"
            ))
        })?;
        let weight: i64 = value.trim().parse().map_err(|_| {
            bad(format!(
                "--weight {spec}: \"{value}\" is not a whole number 0..5"
            ))
        })?;
        let criterion = criterion.trim();
        let known = session_criteria(catalog, &session).join(", ");
        let (decision, tree) = owning_decision(catalog, &mut session, |t| {
            t.criterion_ix(criterion).is_some()
        })
        .ok_or_else(|| {
            bad(format!(
                "--weight {spec}: unknown criterion \"{criterion}\"; known: {known}"
            ))
        })?;
        decision
            .set_weight(tree, criterion, weight)
            .map_err(|e| bad(format!("--weight {spec}: {e}")))?;
    }
    if let Some(option) = &args.option {
        let trees = session_tree_ids(&session);
        let (decision, tree) =
            owning_decision(catalog, &mut session, |t| t.option_ix(option).is_some()).ok_or_else(
                || {
                    bad(format!(
                        "--option {option}: unknown option; see `tradeoffs trees show {trees}`"
                    ))
                },
            )?;
        decision
            .choose(tree, option)
            .map_err(|e| bad(format!("--option {option}: {e}")))?;
    }
    Ok(session)
}

/// The session's decision whose tree owns an id (criterion and option ids are namespaced, so
/// at most one tree does), with that tree.
fn owning_decision<'s, 'c>(
    catalog: &'c Catalog,
    session: &'s mut Session,
    owns: impl Fn(&LoadedTree) -> bool,
) -> Option<(&'s mut Decision, &'c LoadedTree)> {
    session.decisions.iter_mut().find_map(|d| {
        let tree = catalog.get(&d.tree).filter(|t| owns(t))?;
        Some((d, tree))
    })
}

fn session_criteria<'c>(catalog: &'c Catalog, session: &Session) -> Vec<&'c str> {
    session
        .decisions
        .iter()
        .filter_map(|d| catalog.get(&d.tree))
        .flat_map(|t| t.tree.criteria.iter().map(|c| c.id.as_str()))
        .collect()
}

fn session_tree_ids(session: &Session) -> String {
    session
        .decisions
        .iter()
        .map(|d| d.tree.as_str())
        .collect::<Vec<_>>()
        .join(" / ")
}

/// `2,1+3,1` → [[2], [1, 3], [1]]: steps separated by commas, the answers of a multi-answer
/// step joined with `+`.
fn parse_path(path: &str) -> Result<Vec<Vec<usize>>> {
    if path.trim().is_empty() {
        return Ok(Vec::new());
    }
    path.split(',')
        .map(|step| {
            step.split('+')
                .map(|p| {
                    p.trim().parse::<usize>().map_err(|_| {
                        bad(format!(
                            "--path {path}: \"{}\" is not an answer number; use 1-based numbers like 2,1,3 (join the answers of a multi-answer question with '+', like 2,1+3,1)",
                            p.trim()
                        ))
                    })
                })
                .collect()
        })
        .collect()
}

fn decide(catalog: &Catalog, args: &DecideArgs) -> Result<ExitCode> {
    let session = decide_session(catalog, args)?;
    let graph = TradeoffGraph::build(catalog);
    let reports: Vec<DecisionReport> = (0..session.decisions.len())
        .map(|i| report::build(catalog, &graph, &session, i))
        .collect::<Result<_, _>>()
        .map_err(|e| bad(e.to_string()))?;
    if let Some(r) = reports.iter().find(|r| r.outcome.is_none()) {
        return Err(bad(format!(
            "the decision for tree \"{}\" has not reached an outcome; the next question is \"{}\"",
            r.tree,
            r.pending.as_deref().unwrap_or("?")
        )));
    }
    let format = args.format.unwrap_or(DecideFormat::Text);
    if (format.dialect().is_some() || args.export)
        && let Some(r) = reports.iter().find(|r| r.chosen.is_none())
    {
        return Err(bad(format!(
            "no option is in play for tree \"{}\": the answers ruled every option out; `tradeoffs decide` with --format text lists the reasons; change an answer",
            r.tree
        )));
    }
    if !args.export && format.dialect().is_none() {
        match format {
            DecideFormat::Json => {
                let text = if reports.len() == 1 {
                    serde_json::to_string_pretty(&reports[0])?
                } else {
                    serde_json::to_string_pretty(&reports)?
                };
                println!("{text}");
            }
            _ => {
                let texts: Vec<String> = reports.iter().map(DecisionReport::to_text).collect();
                // Tree text is shown as text: no control or escape character reaches the terminal.
                for line in texts.join("\n----\n\n").lines() {
                    println!("{}", render::plain(line));
                }
            }
        }
        return Ok(ExitCode::SUCCESS);
    }
    if args.export && format.dialect().is_none() && args.format.is_some() {
        return Err(bad(
            "--export writes Markdown; use --format madr, nygard or log4brains, or leave --format out",
        ));
    }
    if args.title.is_some() && session.decisions.len() > 1 {
        return Err(bad(format!(
            "--title names one ADR but the session holds {} decisions; set titles in the session file",
            session.decisions.len()
        )));
    }
    let start = match &args.directory {
        Some(d) => d.clone(),
        None => std::env::current_dir().context("cannot read the current directory")?,
    };
    let metas: Vec<RecordMeta> = reports
        .iter()
        .zip(&session.decisions)
        .map(|(r, d)| record_meta(r, d, args, &start))
        .collect::<Result<_>>()?;
    let mut target = adr::locate(&start, args.adr_dir.as_deref(), format.dialect())?;
    if !args.export {
        // Print exactly the rendering asked for, numbered as it would be in this repository.
        target.dialect = format.dialect().expect("checked above");
        let texts: Vec<String> = reports
            .iter()
            .zip(&metas)
            .map(|(r, m)| adr::render(r, m, &target).map_err(|e| bad(e.to_string())))
            .collect::<Result<_>>()?;
        print!("{}", texts.join("\n"));
        return Ok(ExitCode::SUCCESS);
    }
    for w in &target.warnings {
        eprintln!("warning: {w}");
    }
    let items: Vec<(&DecisionReport, &RecordMeta)> = reports.iter().zip(&metas).collect();
    let paths = adr::export_all(&items, &target, args.supersedes.as_deref())?;
    for p in paths {
        println!("{}", p.display());
    }
    Ok(ExitCode::SUCCESS)
}

/// The record's metadata: session draft, then command-line flags.
fn record_meta(
    report: &DecisionReport,
    decision: &Decision,
    args: &DecideArgs,
    start: &Path,
) -> Result<RecordMeta> {
    let ask_git = args.deciders.is_empty().then_some(start);
    let mut meta = RecordMeta::for_decision_in(report, &decision.record, ask_git);
    if let Some(t) = &args.title {
        meta.title = t.clone();
    }
    if let Some(s) = &args.status {
        let s = s.trim().to_lowercase();
        if !adr::STATUSES.contains(&s.as_str()) {
            return Err(bad(format!(
                "--status {s}: use one of {}",
                adr::STATUSES.join(", ")
            )));
        }
        meta.status = s;
    }
    if !args.deciders.is_empty() {
        meta.deciders = args.deciders.clone();
    }
    if let Some(c) = &args.context {
        meta.context = c.clone();
    }
    if let Some(d) = &args.date {
        if !adr::is_iso_date(d) {
            return Err(bad(format!("--date {d}: use YYYY-MM-DD")));
        }
        meta.date = d.clone();
    }
    adr::write::check_title(&meta.title).map_err(|e| bad(e.to_string()))?;
    Ok(meta)
}
