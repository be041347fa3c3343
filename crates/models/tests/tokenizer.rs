//! Tokenizer behaviour: hand-made vocabularies for the algorithm, and parity of token ids with the
//! reference HF tokenizer of all-MiniLM-L6-v2 (fixture written by the distillation script).

use rapport_models::{StaticEmbedder, TokenizerConfig, WordPieceTokenizer};

fn tiny() -> WordPieceTokenizer {
    let vocab =
        "[PAD]\n[UNK]\nun\n##aff\n##able\naff\nable\n,\n!\n.\n'\ncafe\nhello\nworld\n##s\nx\n##x";
    WordPieceTokenizer::from_vocab_text(vocab, TokenizerConfig::default()).unwrap()
}

#[test]
fn greedy_longest_match_with_continuation_pieces() {
    let t = tiny();
    assert_eq!(t.tokenize("unaffable"), ["un", "##aff", "##able"]);
    assert_eq!(t.tokenize("worlds"), ["world", "##s"]);
    assert_eq!(t.tokenize("able"), ["able"]);
    // A word with a part that matches nothing is one [UNK], not a partial split.
    assert_eq!(t.tokenize("unaffablez hello"), ["[UNK]", "hello"]);
    assert_eq!(t.encode("hello zzz"), [12, 1]);
}

#[test]
fn punctuation_splits_and_case_and_accents_fold() {
    let t = tiny();
    assert_eq!(t.tokenize("Hello,World!"), ["hello", ",", "world", "!"]);
    assert_eq!(
        t.tokenize("HELLO   world..."),
        ["hello", "world", ".", ".", "."]
    );
    assert_eq!(
        t.tokenize("Café CAFÉ cafe\u{301}"),
        ["cafe", "cafe", "cafe"]
    );
    assert_eq!(t.tokenize("hello'"), ["hello", "'"]);
}

#[test]
fn whitespace_controls_and_empty_text() {
    let t = tiny();
    assert!(t.encode("").is_empty());
    assert!(t.encode(" \t\r\n\u{a0}\u{2003}").is_empty());
    assert_eq!(
        t.tokenize("hel\u{200b}lo\u{0}\tworld\u{7}"),
        ["hello", "world"]
    );
}

#[test]
fn long_words_become_unknown_beyond_100_chars() {
    let t = tiny();
    let ok = "x".repeat(100);
    let pieces = t.tokenize(&ok);
    assert_eq!(pieces.len(), 100);
    assert_eq!(pieces[0], "x");
    assert!(pieces[1..].iter().all(|p| *p == "##x"));
    assert_eq!(t.tokenize(&"x".repeat(101)), ["[UNK]"]);
    // Characters are counted after normalization, not bytes.
    assert_eq!(t.tokenize(&"é".repeat(101)), ["[UNK]"]);
}

#[test]
fn cased_config_keeps_case_and_accents() {
    let cfg = TokenizerConfig {
        lowercase: false,
        strip_accents: false,
        ..Default::default()
    };
    let t = WordPieceTokenizer::from_vocab_text("[UNK]\nHello\nhello\ncafé", cfg).unwrap();
    assert_eq!(
        t.tokenize("Hello hello café cafe"),
        ["Hello", "hello", "café", "[UNK]"]
    );
}

#[test]
fn vocabulary_without_unknown_token_is_rejected() {
    let err = WordPieceTokenizer::from_vocab_text("a\nb", TokenizerConfig::default()).unwrap_err();
    assert!(err.to_string().contains("[UNK]"), "{err}");
}

#[test]
fn builtin_vocabulary_splits_like_bert() {
    let e = StaticEmbedder::builtin();
    let t = e.tokenizer();
    assert_eq!(t.vocab_size(), 30522);
    assert_eq!(t.id_to_token(t.unk_id()), Some("[UNK]"));
    assert_eq!(t.tokenize("unaffable"), ["una", "##ffa", "##ble"]);
    assert_eq!(t.tokenize("I'm HAPPY!"), ["i", "'", "m", "happy", "!"]);
    // Special tokens in user text are plain text here (the HF tokenizer would match them).
    assert_eq!(t.tokenize("[CLS]"), ["[", "cl", "##s", "]"]);
}

#[derive(serde::Deserialize)]
struct Fixture {
    cases: Vec<Case>,
}

#[derive(serde::Deserialize)]
struct Case {
    text: String,
    ids: Vec<u32>,
}

#[test]
fn token_ids_match_the_reference_tokenizer() {
    let fixture: Fixture =
        serde_json::from_str(include_str!("fixtures/tokenizer_parity.json")).unwrap();
    assert!(fixture.cases.len() >= 20);
    let e = StaticEmbedder::builtin();
    for case in &fixture.cases {
        assert_eq!(
            e.tokenizer().encode(&case.text),
            case.ids,
            "text: {:?}",
            case.text
        );
    }
}
