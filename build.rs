//! Embeds every tree in `decision-trees/` into the binary, so it runs from any directory and a
//! new shipped tree is just a new file. Also writes an index of each tree's id and namespace,
//! so a command can parse only the shipped trees it needs (see `Catalog::load_for`).

use std::{env, fs, path::Path};

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("decision-trees");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = fs::read_dir(&dir)
        .expect("decision-trees/ exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension().is_some_and(|x| x == "json")
                && p.file_name().is_some_and(|n| n != "schema.json")
        })
        .collect();
    files.sort();
    let mut code = String::from("&[\n");
    let mut index = String::from("&[\n");
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = path.file_name().unwrap().to_string_lossy();
        code.push_str(&format!(
            "    ({name:?}, include_str!({:?})),\n",
            path.display().to_string()
        ));
        // A file that does not parse here gets no index entry; the loader then reads every
        // tree and reports the problem as usual.
        let text = fs::read_to_string(path).expect("read a shipped tree");
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(&text)
            && let (Some(id), Some(ns)) = (v["id"].as_str(), v["namespace"].as_str())
        {
            index.push_str(&format!("    ({name:?}, {id:?}, {ns:?}),\n"));
        }
    }
    code.push_str("]\n");
    index.push_str("]\n");
    fs::write(
        Path::new(&env::var("OUT_DIR").unwrap()).join("shipped_index.rs"),
        index,
    )
    .expect("write shipped_index.rs");
    let out = Path::new(&env::var("OUT_DIR").unwrap()).join("shipped_trees.rs");
    fs::write(out, code).expect("write shipped_trees.rs");
}
