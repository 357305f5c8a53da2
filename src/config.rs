//! Where user trees and saved sessions live. `TRADEOFFS_CONFIG_DIR` and `TRADEOFFS_DATA_DIR`
//! override the platform directories, so tests and scripts never touch a user's real files.

use std::path::PathBuf;

use directories::ProjectDirs;

fn project_dirs() -> Option<ProjectDirs> {
    ProjectDirs::from("", "", "tradeoffs")
}

/// Directory of the user's configuration; user trees are read from its `trees/` folder.
pub fn config_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("TRADEOFFS_CONFIG_DIR").filter(|v| !v.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    project_dirs().map(|d| d.config_dir().to_path_buf())
}

/// Directory holding user trees (`<config>/trees`).
pub fn user_trees_dir() -> Option<PathBuf> {
    config_dir().map(|d| d.join("trees"))
}

/// Directory for autosaved sessions (`<data>/sessions`).
pub fn sessions_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("TRADEOFFS_DATA_DIR").filter(|v| !v.is_empty()) {
        return Some(PathBuf::from(dir).join("sessions"));
    }
    project_dirs().map(|d| d.data_dir().join("sessions"))
}

/// Directory for the decision log's parse cache (`<data>/log-cache`), see `log::read_log_cached`.
pub fn log_cache_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("TRADEOFFS_DATA_DIR").filter(|v| !v.is_empty()) {
        return Some(PathBuf::from(dir).join("log-cache"));
    }
    project_dirs().map(|d| d.data_dir().join("log-cache"))
}
