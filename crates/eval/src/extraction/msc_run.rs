//! The extraction protocol on the first dialogues of the MSC development set, when present.

use std::path::PathBuf;

use super::{evaluate, read_dialogues};

/// How many dialogues the test scores.
const DIALOGUES: usize = 100;

/// The F1 floor on those dialogues (all session-1 dialogues; measured 0.568, where the
/// first-person-sentence baseline scores 0.42 on session 1; see docs/EVALUATION.md).
const F1_FLOOR: f64 = 0.50;

/// `../shared/data/eval/msc.extraction.jsonl` from the workspace root, or from the root of the
/// main checkout when this is a worktree under `wt/`.
fn data() -> PathBuf {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let file = "shared/data/eval/msc.extraction.jsonl";
    [root.join("..").join(file), root.join("../..").join(file)]
        .into_iter()
        .find(|p| p.exists())
        .unwrap_or_else(|| root.join("..").join(file))
}

#[test]
fn msc_extraction_beats_the_floor() {
    let path = data();
    if !path.exists() {
        println!("skipped: {} is absent", path.display());
        return;
    }
    let mut dialogues = read_dialogues(&path).unwrap();
    dialogues.truncate(DIALOGUES);
    let report = evaluate(&dialogues, None, |_, _| {}).unwrap();
    println!("{report}");
    assert!(
        report.overall.f1() >= F1_FLOOR,
        "F1 {:.3} below {F1_FLOOR}",
        report.overall.f1()
    );
}
