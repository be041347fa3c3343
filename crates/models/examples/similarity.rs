//! Prints the cosine similarity of the first text to each of the others with the built-in model.
//!
//! `cargo run -p rapport-models --example similarity -- "I love jazz" "my favourite genre is jazz"`

use rapport_core::{Embedder, cosine};
use rapport_models::StaticEmbedder;

fn main() {
    let texts: Vec<String> = std::env::args().skip(1).collect();
    let Some((anchor, others)) = texts.split_first() else {
        eprintln!("usage: similarity TEXT OTHER...");
        std::process::exit(2);
    };
    let e = StaticEmbedder::builtin();
    let a = e.embed(anchor);
    println!("{:?}", e.tokenizer().tokenize(anchor));
    for other in others {
        println!("{:.3}  {other}", cosine(&a, &e.embed(other)));
    }
}
