//! Checks the tokenizer against a large parity fixture made by the reference tokenizer
//! (`{"cases": [{"text", "ids"}]}`, as `tests/fixtures/tokenizer_parity.json`).
//!
//! `cargo run -p rapport-models --example tokenizer_parity -- FIXTURE.json`

use rapport_models::StaticEmbedder;
use serde::Deserialize;

#[derive(Deserialize)]
struct Fixture {
    cases: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    text: String,
    ids: Vec<u32>,
}

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: tokenizer_parity FIXTURE.json");
    let fixture: Fixture =
        serde_json::from_str(&std::fs::read_to_string(path).expect("readable fixture"))
            .expect("fixture JSON");
    let embedder = StaticEmbedder::builtin();
    let tokenizer = embedder.tokenizer();
    let mut differ = 0;
    for case in &fixture.cases {
        let got = tokenizer.encode(&case.text);
        if got != case.ids {
            differ += 1;
            if differ <= 10 {
                println!("{:?}\n  want {:?}\n  got  {:?}", case.text, case.ids, got);
            }
        }
    }
    println!("{differ} of {} cases differ", fixture.cases.len());
    std::process::exit(i32::from(differ > 0));
}
