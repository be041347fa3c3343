use super::*;
use crate::text::words;

const FIXTURE: &str = "# test fixture, not the WWBP lexicon\n\
_intercept\t-0.05\n\
hubby\t500\n\
purse\t300\n\
beard\t-450\n\
boxers\t-700\n\
the\t0.0\n";

fn scan(lexicon: &GenderLexicon, texts: &[&str]) -> Option<(&'static str, f32, Vec<usize>)> {
    let mut s = GenderScan::new(lexicon);
    for (i, t) in texts.iter().enumerate() {
        s.add(i, &words(t));
    }
    s.estimate()
}

fn padded(word: &str) -> String {
    // 25 matched words: "the" 24 times and the cue once, in 100 words.
    let mut w = vec!["the"; 24];
    w.push(word);
    w.extend(vec!["table"; 75]);
    w.join(" ")
}

#[test]
fn the_sign_of_the_score_decides_and_the_pushing_texts_are_evidence() {
    let l = GenderLexicon::parse(FIXTURE).unwrap();
    let filler = padded("table");
    let hubby = padded("hubby");
    let (value, confidence, texts) = scan(&l, &[&filler, &hubby]).unwrap();
    assert_eq!((value, texts), ("female", vec![1]));
    assert!(
        confidence > 0.5 && confidence <= TUNE_ACCURACY,
        "{confidence}"
    );
    let beard = padded("beard");
    let (value, _, texts) = scan(&l, &[&hubby, &beard, &padded("boxers")]).unwrap();
    // 500 - 450 - 700 over 300 words, against the intercept: male.
    assert_eq!((value, texts), ("male", vec![1, 2]));
}

#[test]
fn little_text_abstains_and_more_is_surer() {
    let l = GenderLexicon::parse(FIXTURE).unwrap();
    assert_eq!(scan(&l, &["My hubby and the purse."]), None);
    let purse = padded("purse");
    let one = scan(&l, &[&purse]).unwrap().1;
    let four = scan(&l, &[purse.as_str(); 4]).unwrap().1;
    assert!(one < four && four <= TUNE_ACCURACY, "{one} {four}");
}

#[test]
fn malformed_lexicons_are_refused() {
    assert!(
        GenderLexicon::parse("hubby\t500\n").is_err(),
        "no intercept"
    );
    assert!(
        GenderLexicon::parse("_intercept\t0.1\n").is_err(),
        "no terms"
    );
    assert!(matches!(
        GenderLexicon::parse("_intercept\t0.1\nhubby\tlots\n"),
        Err(Error::GenderLexicon { line: 2, .. })
    ));
    assert!(GenderLexicon::parse("_intercept\t0.1\nmy hubby\t5\n").is_err());
    assert!(GenderLexicon::load(Path::new("/nonexistent/gender.tsv")).is_err());
}

#[test]
fn infer_prefers_a_stating_cue_then_the_lexicon_then_the_prior() {
    use crate::{Attribute, AuthoredText, infer};
    use rapport_core::EventId;
    let l = GenderLexicon::parse(FIXTURE).unwrap();
    let run = |texts: &[String], lexicon: Option<&GenderLexicon>| {
        let ids: Vec<EventId> = (0..texts.len())
            .map(|i| EventId::new(format!("t{i}")).unwrap())
            .collect();
        let authored: Vec<AuthoredText<'_>> = texts
            .iter()
            .zip(&ids)
            .map(|(text, id)| AuthoredText { id, text })
            .collect();
        infer(&authored, lexicon, true)
            .into_iter()
            .find(|i| i.attribute == Attribute::Sex)
            .unwrap()
    };
    let texts = vec![padded("table"), padded("boxers")];
    // Without the lexicon: the population prior, resting on no text.
    let prior = run(&texts, None);
    assert!(prior.evidence.is_empty());
    // With it: its answer, more probable than the prior, citing the text that decided it.
    let lexical = run(&texts, Some(&l));
    assert_eq!(lexical.value, "male");
    assert_eq!(lexical.evidence, [EventId::new("t1").unwrap()]);
    assert!(lexical.confidence > prior.confidence);
    // A statement beats both.
    let mut stated = texts.clone();
    stated.push("As a woman in tech I hear this a lot.".into());
    let s = run(&stated, Some(&l));
    assert_eq!(s.value, "female");
    assert!(s.confidence > lexical.confidence);
}

#[test]
#[ignore = "needs RAPPORT_GENDER_LEXICON: eval \"$(scripts/setup-gender-lexicon)\""]
fn the_wwbp_lexicon_reads_partners_and_grooming_the_documented_way() {
    let l = GenderLexicon::from_env()
        .expect("a readable lexicon")
        .expect("RAPPORT_GENDER_LEXICON set");
    let her = "My hubby surprised me with a pedicure and a new purse, so cute! \
               Spent the afternoon with my girlies, shopping for the bridal shower. "
        .repeat(3);
    let him = "My wife laughed at my haircut, so I shaved the beard off. \
               Then some starcraft with the guys and a beer. "
        .repeat(3);
    assert_eq!(scan(l, &[&her]).map(|e| e.0), Some("female"));
    assert_eq!(scan(l, &[&him]).map(|e| e.0), Some("male"));
}
