//! Command line entry point: parse the arguments, run the command, map the outcome to an exit
//! status. Errors are printed on one line; exit status 2 for bad input (the error's kind says
//! so, see [`cli::exit_code`]), 1 for other failures.

mod cli;

use std::process::ExitCode;

use clap::Parser as _;

fn main() -> ExitCode {
    let cli = match cli::args::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            use clap::error::ErrorKind;
            if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
                let _ = e.print();
                return ExitCode::SUCCESS;
            }
            let argv: Vec<String> = std::env::args().skip(1).collect();
            cli::out::err_line(&cli::args::one_line_error(&e.to_string(), &argv));
            return ExitCode::from(2);
        }
    };
    match cli::run(cli) {
        Ok(code) => code,
        Err(e) => {
            let message = format!("{e:#}");
            let one_line = message.lines().collect::<Vec<_>>().join(" ");
            cli::out::err_line(&format!("error: {one_line}"));
            ExitCode::from(cli::exit_code(&e))
        }
    }
}
