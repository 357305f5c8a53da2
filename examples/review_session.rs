//! Saves a session with every shipped tree decided (the first answer to every question), for
//! measuring `tradeoffs review` on the largest session the shipped trees make:
//!
//! ```sh
//! cargo build --release --examples
//! TRADEOFFS_DATA_DIR=/tmp/review-bench target/release/examples/review_session
//! TRADEOFFS_DATA_DIR=/tmp/review-bench hyperfine -N --warmup 3 \
//!     'target/release/tradeoffs review --session every-tree --format html'
//! ```

use tradeoffs::session::{Decision, Session, Walk};
use tradeoffs::store::Store;
use tradeoffs::tree::Catalog;

fn main() {
    let (catalog, problems) = Catalog::shipped();
    assert!(problems.is_empty(), "{problems:?}");
    let mut session = Session::new("every-tree", 0);
    for tree in catalog.trees() {
        let mut d = Decision::new(tree.id());
        while Walk::replay(tree, &d)
            .expect("replays")
            .question()
            .is_some()
        {
            d.answer(tree, 0).expect("the first answer is valid");
        }
        session.decisions.push(d);
    }
    let store = Store::open_default().unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(1)
    });
    match store.save(&session) {
        Ok(path) => println!("{}", path.display()),
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1)
        }
    }
}
