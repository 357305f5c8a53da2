//! Writes a generated tree file, for measuring the whole program on large trees:
//!
//! ```sh
//! cargo run --release --example gen_tree -- 10000 500 20 > /tmp/tree-10000.json
//! /usr/bin/time -v target/release/tradeoffs trees validate /tmp/tree-10000.json
//! ```
//!
//! Arguments: nodes, options, criteria (defaults 10000, 500, 20).

use tradeoffs::tree::synthetic::{Spec, json};

fn main() {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .map(|a| {
            a.parse().unwrap_or_else(|_| {
                eprintln!("usage: gen_tree [NODES [OPTIONS [CRITERIA]]] (whole numbers)");
                std::process::exit(2)
            })
        })
        .collect();
    let arg = |i: usize, default: usize| args.get(i).copied().unwrap_or(default);
    println!(
        "{}",
        json(Spec::new(arg(0, 10_000), arg(1, 500), arg(2, 20)))
    );
}
