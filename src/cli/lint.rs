//! `tradeoffs lint`: the decision log's problems, one `file:line: rule: message` line each
//! (or a JSON array), exit status 1 when there is any, 0 on a clean log.

use std::process::ExitCode;

use anyhow::Result;

use tradeoffs::log;

use super::args::LintArgs;
use super::log::{open, shown};
use super::out;

pub fn run(args: &LintArgs) -> Result<ExitCode> {
    let log = open(&args.place)?;
    let index = log::index::plan_index(&log);
    let branches = if args.no_branches || !log.dir.is_dir() {
        Vec::new()
    } else {
        log::branches::branch_files(&log.dir)
    };
    let findings = log::lint::lint(&log, Some(&index), &branches, &args.allow_status);
    if args.json {
        let rows: Vec<serde_json::Value> = findings
            .iter()
            .map(|f| {
                serde_json::json!({
                    "path": shown(&f.path),
                    "line": f.line,
                    "rule": f.rule,
                    "message": f.message,
                })
            })
            .collect();
        out::json(&serde_json::to_string_pretty(&rows)?);
    } else {
        for f in &findings {
            out::line(&format!(
                "{}:{}: {}: {}",
                shown(&f.path),
                f.line,
                f.rule,
                f.message
            ));
        }
    }
    Ok(if findings.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
