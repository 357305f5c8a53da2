//! What every integration test shares: where the fixtures are, and one way to run the binary
//! isolated from the machine (its own config and data directories, no ADR directory from the
//! environment, no backtraces in messages). The TUI key DSL and the ADR-tool readers live in
//! the submodules.

pub mod adr_formats;
pub mod tui;

use std::path::{Path, PathBuf};
use std::process::Command;

/// `tests/fixtures`.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// The `tradeoffs` binary with its config and data directories at the given places and the
/// environment variables that could leak a user's setup in removed. Callers add arguments,
/// a working directory and any variable a test is about.
pub fn tradeoffs(config: &Path, data: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_tradeoffs"));
    c.env("TRADEOFFS_CONFIG_DIR", config)
        .env("TRADEOFFS_DATA_DIR", data)
        .env_remove("ADR_DIRECTORY")
        .env_remove("ADRS_CONFIG")
        .env_remove("RUST_BACKTRACE");
    c
}

/// Copies a fixture directory tree (a fixture repository) to `to`.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}
