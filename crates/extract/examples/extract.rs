//! Prints what the extractor finds in each line of standard input.
//!
//! `echo "I moved to Denver last month." | cargo run -p rapport-extract --example extract`

use std::io::BufRead;

fn main() {
    let now = chrono::Utc::now();
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        println!("{line}");
        for c in rapport_extract::extract(&line, now) {
            println!(
                "  {:?} {} = {} [{:?} {:?} s{:.1} c{:.1}] {:?} | {}",
                c.facet,
                c.key,
                c.value,
                c.polarity,
                c.tense,
                c.strength,
                c.confidence,
                c.statement,
                c.description
            );
        }
    }
}
