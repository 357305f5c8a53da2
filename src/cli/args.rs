//! The command line's grammar: the clap types, and the parsers of the values clap keeps as
//! text. `--path` and `--weight` are parsed here but after clap (not as clap `value_parser`s),
//! and `--status`/`--date` by the library, so their one-line messages keep naming the flag and
//! the fix instead of clap's "invalid value" line.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use tradeoffs::adr::{self, Dialect};

#[derive(Parser, Debug)]
#[command(
    name = "tradeoffs",
    version,
    about = "Step through an architecture decision, weigh the trade-offs, record it as an ADR.",
    long_about = "Step through an architecture decision, weigh the trade-offs, record it as an ADR.\n\nWithout a command, opens the interactive TUI."
)]
pub struct Cli {
    /// Extra directory (or file) of decision trees; a tree with a shipped tree's id replaces it.
    #[arg(long = "trees", value_name = "DIR", global = true)]
    pub trees: Vec<PathBuf>,

    /// Open the TUI on a saved session: the latest one, or the one with this id.
    #[arg(long, value_name = "ID", num_args = 0..=1, default_missing_value = "")]
    pub resume: Option<String>,

    /// Do not capture the mouse in the TUI (keeps the terminal's own text selection working).
    #[arg(long)]
    pub no_mouse: bool,

    /// ADR directory to write into, instead of the one the repository's markers name.
    #[arg(long = "adr-dir", value_name = "DIR")]
    pub tui_adr_dir: Option<PathBuf>,

    /// ADR folder (package) to write into in a repository with several; the TUI asks otherwise.
    #[arg(long = "package", value_name = "NAME", conflicts_with = "tui_adr_dir")]
    pub tui_package: Option<String>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// List, validate and show decision trees.
    #[command(subcommand)]
    Trees(TreesCommand),
    /// Walk a tree non-interactively and print the ranked, explained decision.
    Decide(Box<DecideArgs>),
    /// Reopen a decision recorded in an ADR that tradeoffs wrote: replay its answers and
    /// weights on the tree as it is now, show what changed, and open the TUI on it (or print
    /// it, or export an ADR that supersedes it).
    Revisit(Box<RevisitArgs>),
    /// The repository's decision log: every ADR with number, title, status, date and format.
    #[command(visible_alias = "list")]
    Log(LogArgs),
    /// Check the decision log for CI: one `file:line: rule: message` line per problem, exit
    /// status 1 when there is any.
    Lint(LintArgs),
    /// Write and keep up ADRs by hand: a plain ADR from the repository's template, status
    /// changes and links, each in the file's own format.
    #[command(subcommand)]
    Adr(AdrCommand),
    /// Prepare a design review from a saved session: summary, utility tree, sensitivity and
    /// trade-off points, risks and non-risks, questions for the meeting, trade-off graph.
    Review(ReviewArgs),
}

#[derive(Subcommand, Debug)]
pub enum AdrCommand {
    /// Write a plain ADR for a decision no tree covers, from the repository's template (MADR,
    /// adr-tools, log4brains or adrs, whichever the ADR directory uses), print its path and
    /// open it in $VISUAL or $EDITOR.
    New(Box<AdrNewArgs>),
    /// Change an ADR's status in its own format: front matter `status:`, the `## Status`
    /// paragraph, or the `- Status:` line.
    Status {
        /// The ADR: its number or file name.
        adr: String,
        /// draft, proposed, accepted, rejected, deprecated or superseded (with --by).
        status: String,
        /// The ADR that supersedes this one (with status superseded): links both.
        #[arg(long, value_name = "M")]
        by: Option<String>,
        #[command(flatten)]
        place: LogPlace,
    },
    /// Link two ADRs, both sides, in each file's format: FROM gets "Amends TO", TO gets
    /// "Amended by FROM"; `supersedes` also marks TO superseded. Linking twice changes nothing.
    Link {
        /// The ADR that links (number or file name).
        from: String,
        /// The ADR it links to (number or file name).
        to: String,
        /// How FROM relates to TO (`supersedes` also marks TO superseded).
        #[arg(long, value_enum, default_value_t = adr::LinkChoice::Relates)]
        kind: adr::LinkChoice,
        #[command(flatten)]
        place: LogPlace,
    },
}

/// The format of a new ADR directory (existing ADRs' format wins).
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum AdrFormat {
    Madr,
    Nygard,
    Log4brains,
}

impl AdrFormat {
    pub fn dialect(self) -> Dialect {
        match self {
            AdrFormat::Madr => Dialect::Madr,
            AdrFormat::Nygard => Dialect::Nygard,
            AdrFormat::Log4brains => Dialect::Log4brains,
        }
    }
}

#[derive(Args, Debug)]
pub struct AdrNewArgs {
    /// The ADR's title.
    pub title: String,
    /// proposed (default), accepted, rejected or deprecated.
    #[arg(long)]
    pub status: Option<String>,
    /// Date of the ADR, YYYY-MM-DD (default: today, or TRADEOFFS_DATE).
    #[arg(long)]
    pub date: Option<String>,
    /// Person who took the decision (repeatable or comma-separated; default: `git config
    /// user.name`).
    #[arg(
        long = "decider",
        visible_alias = "deciders",
        value_name = "NAME",
        value_delimiter = ','
    )]
    pub deciders: Vec<String>,
    /// Person consulted (MADR `consulted`; repeatable).
    #[arg(long = "consulted", value_name = "NAME")]
    pub consulted: Vec<String>,
    /// Person informed (MADR `informed`; repeatable).
    #[arg(long = "informed", value_name = "NAME")]
    pub informed: Vec<String>,
    /// Number (or file name) of an ADR the new one supersedes: both are linked and that one
    /// is marked superseded.
    #[arg(long, value_name = "N")]
    pub supersedes: Option<String>,
    /// Number (or file name) of an ADR the new one relates to (repeatable; both sides linked).
    #[arg(long = "link", value_name = "N")]
    pub links: Vec<String>,
    /// Do not open an editor.
    #[arg(long)]
    pub no_edit: bool,
    /// Format for a new ADR directory; the existing ADRs' format wins.
    #[arg(long, value_enum)]
    pub format: Option<AdrFormat>,
    #[command(flatten)]
    pub place: LogPlace,
}

/// Where the decision log is: the repository's ADR directory, found from its markers.
#[derive(Args, Debug, Clone, Default)]
pub struct LogPlace {
    /// ADR directory to read instead of the one the repository's markers name.
    #[arg(long, value_name = "DIR", global = true)]
    pub adr_dir: Option<PathBuf>,
    /// Directory to start looking for the repository's ADR directory from (default: current).
    #[arg(short = 'C', value_name = "DIR", global = true)]
    pub directory: Option<PathBuf>,
    /// ADR folder (package) to use in a repository with several (log4brains `packages:`,
    /// several `adrs.toml`/`.adr-dir`); without it, the folder you run from, else the
    /// repository-wide one.
    #[arg(long, value_name = "NAME", global = true, conflicts_with = "adr_dir")]
    pub package: Option<String>,
}

impl LogPlace {
    /// `tradeoffs --adr-dir DIR log` (or `--package NAME`) means the same as `log --adr-dir
    /// DIR`: the top-level flags fill what the subcommand's leave open.
    pub fn or_top(&mut self, adr_dir: &Option<PathBuf>, package: &Option<String>) {
        if self.adr_dir.is_none() && self.package.is_none() {
            self.adr_dir.clone_from(adr_dir);
            self.package.clone_from(package);
        }
    }
}

#[derive(Args, Debug)]
pub struct LogArgs {
    #[command(subcommand)]
    pub command: Option<LogCommand>,
    /// Only ADRs with this status (proposed, accepted, rejected, deprecated, superseded, ...).
    #[arg(long, value_name = "STATUS")]
    pub status: Option<String>,
    /// Print a JSON array instead of a table.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub place: LogPlace,
}

#[derive(Subcommand, Debug)]
pub enum LogCommand {
    /// Write or update the log's index (README.md or index.md in the ADR directory): a link to
    /// every ADR with its status; text around the list is kept.
    Index {
        /// Write nothing; exit with status 1 when the index is out of date (for CI).
        #[arg(long)]
        check: bool,
    },
}

#[derive(Args, Debug)]
pub struct LintArgs {
    /// Print the problems as a JSON array.
    #[arg(long)]
    pub json: bool,
    /// Do not read other git branches (skips the number-on-branch rule).
    #[arg(long)]
    pub no_branches: bool,
    /// A status your team uses besides draft, proposed, accepted, rejected, deprecated and
    /// superseded (repeatable): `--allow-status "on hold"`.
    #[arg(long, value_name = "STATUS")]
    pub allow_status: Vec<String>,
    #[command(flatten)]
    pub place: LogPlace,
}

#[derive(Args, Debug)]
pub struct ReviewArgs {
    /// Saved session to review (default: the most recently changed one).
    #[arg(long, value_name = "ID")]
    pub session: Option<String>,
    /// md (Markdown with a Mermaid graph), html (one self-contained file with an SVG graph) or
    /// json. Default: from --out's extension, else md.
    #[arg(long, value_enum)]
    pub format: Option<ReviewFormat>,
    /// Write the pack to FILE instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReviewFormat {
    Md,
    Html,
    Json,
}

#[derive(Subcommand, Debug)]
pub enum TreesCommand {
    /// List the available trees.
    List {
        /// Print a JSON array instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Check tree files (or every loaded tree) against the format's rules, then evaluate their
    /// checks and outcome promises over every path.
    Validate {
        /// Tree files to check; without any, the trees of `--trees` (when given), else every
        /// loaded tree.
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
        /// Analyze as if the tree set `tie_break.priorities_first` (ties decided by the user's
        /// priorities before the tree's order), to see its effect before turning it on.
        #[arg(long)]
        priorities_first: bool,
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
pub enum ShowFormat {
    Text,
    Dot,
    Mermaid,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum DecideFormat {
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
    pub fn dialect(self) -> Option<Dialect> {
        match self {
            DecideFormat::Text | DecideFormat::Json => None,
            DecideFormat::Madr => Some(Dialect::Madr),
            DecideFormat::Nygard => Some(Dialect::Nygard),
            DecideFormat::Log4brains => Some(Dialect::Log4brains),
        }
    }
}

#[derive(Args, Debug)]
pub struct DecideArgs {
    /// Tree to walk (with --path).
    #[arg(long, value_name = "ID", required_unless_present = "answers")]
    pub tree: Option<String>,
    /// Answer numbers, 1-based, one per question: `--path 2,1,3`; several answers of a
    /// "select all that apply" question joined with `+`: `--path 2,1+3,1`.
    #[arg(
        long,
        value_name = "N,N,...",
        conflicts_with = "answers",
        requires = "tree"
    )]
    pub path: Option<String>,
    /// Replay a saved session file instead (`-` reads stdin).
    #[arg(long, value_name = "FILE")]
    pub answers: Option<String>,
    /// Override a priority: `--weight db.consistency=5` (repeatable; 0..5).
    #[arg(long = "weight", value_name = "CRITERION=N")]
    pub weights: Vec<String>,
    /// Choose this option instead of the top-ranked one.
    #[arg(long = "option", value_name = "ID")]
    pub option: Option<String>,
    /// Output: text, json, or an ADR rendering (madr, nygard, log4brains). With --export it
    /// picks the dialect for a new ADR directory; existing ADRs' dialect wins.
    #[arg(long, value_enum)]
    pub format: Option<DecideFormat>,
    /// Write the ADR into the repository's ADR directory and print the path written.
    #[arg(long)]
    pub export: bool,
    /// ADR directory to use instead of the one found from the repository's markers.
    #[arg(long, value_name = "DIR")]
    pub adr_dir: Option<PathBuf>,
    /// In a repository with several ADR folders (log4brains `packages:`, several `adrs.toml` or
    /// `.adr-dir`): the one to use, by package name (`global` for the repository-wide one).
    #[arg(long, value_name = "NAME", conflicts_with = "adr_dir")]
    pub package: Option<String>,
    /// Directory to start looking for the repository's ADR directory from (default: current).
    #[arg(short = 'C', value_name = "DIR")]
    pub directory: Option<PathBuf>,
    #[command(flatten)]
    pub record: RecordFlags,
    /// The session's decision was exported before: rewrite that ADR in place.
    #[arg(long, requires = "export", conflicts_with = "new")]
    pub update: bool,
    /// The session's decision was exported before: write another ADR anyway.
    #[arg(long, requires = "export")]
    pub new: bool,
    /// Say what the ADR copies from the repository's own ADRs, template and markdownlint config
    /// (its house style), file by file: alone it prints only that; with an ADR printed or
    /// exported, on stderr.
    #[arg(long)]
    pub explain_style: bool,
    /// Number (or file name) of an existing ADR that this one supersedes.
    #[arg(long, value_name = "N", requires = "export")]
    pub supersedes: Option<String>,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum RevisitFormat {
    /// The change report and the decision, readable.
    Text,
    /// `{"adr", "changes", "decision"}`, for tools.
    Json,
}

#[derive(Args, Debug)]
pub struct RevisitArgs {
    /// The ADR: its number, its file name, or a path to the file.
    #[arg(value_name = "N")]
    pub adr: String,
    /// Print the change report and the re-ranked decision instead of opening the TUI.
    #[arg(long, conflicts_with = "export")]
    pub print: bool,
    /// Output of the printed report (implies --print).
    #[arg(long, value_enum, conflicts_with = "export")]
    pub format: Option<RevisitFormat>,
    /// Write the new ADR, superseding this one, without opening the TUI; prints its path.
    #[arg(long)]
    pub export: bool,
    /// Override a priority: `--weight db.consistency=5` (repeatable; 0..5).
    #[arg(long = "weight", value_name = "CRITERION=N")]
    pub weights: Vec<String>,
    /// Choose this option instead of the top-ranked one.
    #[arg(long = "option", value_name = "ID")]
    pub option: Option<String>,
    /// ADR directory to use instead of the one found from the repository's markers.
    #[arg(long, value_name = "DIR")]
    pub adr_dir: Option<PathBuf>,
    /// Directory to start looking for the repository's ADR directory from (default: current).
    #[arg(short = 'C', value_name = "DIR")]
    pub directory: Option<PathBuf>,
    /// In a repository with several ADR folders: the one the ADR is in, by package name.
    #[arg(long, value_name = "NAME", conflicts_with = "adr_dir")]
    pub package: Option<String>,
    /// The superseding ADR's metadata, as `decide` takes it (used with --export).
    #[command(flatten, next_help_heading = "The superseding ADR (with --export)")]
    pub record: RecordFlags,
}

/// The ADR's metadata on the command line, the same for `decide` and for the superseding ADR
/// `revisit --export` writes: each flag given replaces what the session's draft (or the
/// default) says ([`RecordFlags::apply`]).
#[derive(Args, Debug, Clone)]
pub struct RecordFlags {
    /// How much the ADR holds: short (default; the chosen option, the top few options with
    /// their pros and cons, every other option on one line) or full (every option, every
    /// reference, the trade-off graph).
    #[arg(long, value_enum, default_value_t = adr::Detail::Short)]
    pub detail: adr::Detail,
    /// ADR title (default: "Use <chosen option>").
    #[arg(long)]
    pub title: Option<String>,
    /// ADR status: proposed (default), accepted, rejected, deprecated.
    #[arg(long)]
    pub status: Option<String>,
    /// Person who took the decision (repeatable; default: `git config user.name`).
    #[arg(long = "decider", value_name = "NAME")]
    pub deciders: Vec<String>,
    /// Person consulted (MADR `consulted`; repeatable).
    #[arg(long = "consulted", value_name = "NAME")]
    pub consulted: Vec<String>,
    /// Person informed (MADR `informed`; repeatable).
    #[arg(long = "informed", value_name = "NAME")]
    pub informed: Vec<String>,
    /// Context paragraph for the ADR, in your words.
    #[arg(long)]
    pub context: Option<String>,
    /// Date of the ADR, YYYY-MM-DD (default: today, or TRADEOFFS_DATE).
    #[arg(long)]
    pub date: Option<String>,
}

impl RecordFlags {
    /// Checks `--status` and `--date` with their own messages, before anything else runs, so
    /// a bad value is refused whatever the output (also when nothing is written).
    pub fn check(&self) -> Result<(), adr::AdrError> {
        self.apply(&mut adr::RecordMeta::default())
    }

    /// Where to ask git for the decider's name: `start`, unless `--decider` names one.
    pub fn ask_git<'a>(&self, start: &'a std::path::Path) -> Option<&'a std::path::Path> {
        self.deciders.is_empty().then_some(start)
    }

    /// The record's metadata for an export: the session's draft (the decider from git when
    /// `--decider` names none), then these flags, and the title checked.
    pub fn meta_for(
        &self,
        report: &tradeoffs::report::DecisionReport,
        draft: &tradeoffs::session::RecordDraft,
        start: &std::path::Path,
    ) -> Result<adr::RecordMeta, adr::AdrError> {
        let mut meta = adr::RecordMeta::for_decision_in(report, draft, self.ask_git(start))?;
        self.apply(&mut meta)?;
        adr::write::check_title(&meta.title)?;
        Ok(meta)
    }

    /// The flags given, over `meta` (the session's draft or the defaults); [`Self::meta_for`]
    /// then checks the title.
    pub fn apply(&self, meta: &mut adr::RecordMeta) -> Result<(), adr::AdrError> {
        meta.detail = self.detail;
        if let Some(t) = &self.title {
            meta.title.clone_from(t);
        }
        if let Some(s) = &self.status {
            meta.set_status_flag(s)?;
        }
        for (flag, field) in [
            (&self.deciders, &mut meta.deciders),
            (&self.consulted, &mut meta.consulted),
            (&self.informed, &mut meta.informed),
        ] {
            if !flag.is_empty() {
                field.clone_from(flag);
            }
        }
        if let Some(c) = &self.context {
            meta.context.clone_from(c);
        }
        if let Some(d) = &self.date {
            meta.set_date_flag(d)?;
        }
        Ok(())
    }
}

/// `--path 2,1+3,1` → `[[2], [1, 3], [1]]`: steps separated by commas, 1-based answer numbers,
/// the answers of a multi-answer step joined with `+` (empty for none).
pub fn parse_path(path: &str) -> Result<Vec<Vec<usize>>, String> {
    if path.trim().is_empty() {
        return Ok(Vec::new());
    }
    path.split(',')
        .map(|step| {
            step.split('+')
                .map(|p| {
                    p.trim().parse::<usize>().map_err(|_| {
                        format!(
                            "--path {path}: \"{}\" is not an answer number; use 1-based numbers like 2,1,3 (join the answers of a multi-answer question with '+', like 2,1+3,1)",
                            p.trim()
                        )
                    })
                })
                .collect()
        })
        .collect()
}

/// `--weight CRITERION=N`: the criterion id and the weight (its range is checked by the
/// session, which knows the tree).
pub fn parse_weight(spec: &str) -> Result<(&str, i64), String> {
    let (criterion, value) = spec
        .split_once('=')
        .ok_or_else(|| format!("--weight {spec}: expected CRITERION=N, e.g. db.consistency=5"))?;
    let weight = value
        .trim()
        .parse()
        .map_err(|_| format!("--weight {spec}: \"{value}\" is not a whole number 0..5"))?;
    Ok((criterion.trim(), weight))
}

/// clap's multi-line error as one line: the message with what it lists ("the following
/// required arguments were not provided: --tree <ID>") and the help of the subcommand the
/// arguments were for (`tradeoffs decide --help`).
pub fn one_line_error(rendered: &str, argv: &[String]) -> String {
    let mut lines = rendered.lines();
    let mut message = lines
        .next()
        .unwrap_or("error: invalid arguments")
        .to_string();
    let listing = message.ends_with(':');
    for l in lines {
        if listing && l.starts_with("  ") && !l.trim().is_empty() {
            let sep = if message.ends_with(':') { " " } else { ", " };
            message.push_str(sep);
            message.push_str(l.trim());
        }
    }
    // The deepest subcommand named on the command line.
    let mut cmd = <Cli as clap::CommandFactory>::command();
    let mut path = vec!["tradeoffs".to_string()];
    for a in argv {
        if let Some(sub) = cmd.find_subcommand(a).cloned() {
            path.push(sub.get_name().to_string());
            cmd = sub;
        }
    }
    format!("{message} (see `{} --help`)", path.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    const RECORD: [&str; 16] = [
        "--detail",
        "full",
        "--title",
        "Keep B",
        "--status",
        "Accepted",
        "--decider",
        "A",
        "--consulted",
        "C",
        "--informed",
        "I",
        "--context",
        "Why.",
        "--date",
        "2026-01-02",
    ];

    fn record_of(args: &[&str]) -> RecordFlags {
        let cli = Cli::try_parse_from(args.iter().chain(RECORD.iter())).unwrap();
        match cli.command {
            Some(Command::Decide(d)) => d.record,
            Some(Command::Revisit(r)) => r.record,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn decide_and_revisit_take_the_same_record_flags() {
        let decide = record_of(&["tradeoffs", "decide", "--tree", "t", "--path", "1"]);
        let revisit = record_of(&["tradeoffs", "revisit", "3", "--export"]);
        assert_eq!(format!("{decide:?}"), format!("{revisit:?}"));
        let mut meta = adr::RecordMeta::default();
        revisit.apply(&mut meta).unwrap();
        assert_eq!(meta.detail, adr::Detail::Full);
        assert_eq!(meta.title, "Keep B");
        assert_eq!(meta.status, adr::Status::Accepted);
        assert_eq!(
            (meta.deciders, meta.consulted, meta.informed),
            (vec!["A".into()], vec!["C".into()], vec!["I".into()])
        );
        assert_eq!(
            (meta.context.as_str(), meta.date.as_str()),
            ("Why.", "2026-01-02")
        );
        assert_eq!(revisit.ask_git(std::path::Path::new(".")), None);
    }

    #[test]
    fn flags_not_given_keep_the_drafts_values() {
        let cli = Cli::try_parse_from(["tradeoffs", "revisit", "3", "--export"]).unwrap();
        let Some(Command::Revisit(r)) = cli.command else {
            panic!()
        };
        let mut meta = adr::RecordMeta {
            title: "From the draft".into(),
            consulted: vec!["Draft C".into()],
            ..adr::RecordMeta::default()
        };
        let before = format!("{meta:?}");
        r.record.check().unwrap();
        r.record.apply(&mut meta).unwrap();
        assert_eq!(format!("{meta:?}"), before);
        assert!(r.record.ask_git(std::path::Path::new(".")).is_some());
    }
}
