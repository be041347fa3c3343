//! A BERT (uncased) WordPiece tokenizer, compatible with the reference `BertNormalizer` +
//! `BertPreTokenizer` + `WordPiece` pipeline.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::words::State;
use crate::{Error, Result};

/// Options of a [`WordPieceTokenizer`]; the default is BERT uncased.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenizerConfig {
    /// Lowercase the text.
    pub lowercase: bool,
    /// Remove accents (canonical decomposition, then drop non-spacing marks).
    pub strip_accents: bool,
    /// The token for words that cannot be split into vocabulary pieces.
    pub unk_token: String,
    /// Prefix of vocabulary pieces that continue a word (`##`).
    pub continuing_subword_prefix: String,
    /// Words longer than this many characters become the unknown token.
    pub max_input_chars_per_word: usize,
}

impl Default for TokenizerConfig {
    fn default() -> Self {
        Self {
            lowercase: true,
            strip_accents: true,
            unk_token: "[UNK]".into(),
            continuing_subword_prefix: "##".into(),
            max_input_chars_per_word: 100,
        }
    }
}

pub(crate) type Map = HashMap<Box<str>, u32, BuildHasherDefault<FxHasher>>;

/// Splits text into WordPiece token ids. Build it once; tokenizing allocates only per call.
#[derive(Debug, Clone)]
pub struct WordPieceTokenizer {
    pub(crate) initial: Map,
    pub(crate) continuation: Map,
    pub(crate) max_bytes: [usize; 2],
    vocab: Vec<Box<str>>,
    pub(crate) unk_id: u32,
    pub(crate) config: TokenizerConfig,
}

impl WordPieceTokenizer {
    /// Builds a tokenizer from the vocabulary (the token of id `i` at index `i`).
    pub fn new(vocab: Vec<String>, config: TokenizerConfig) -> Result<Self> {
        let (mut initial, mut continuation) = (Map::default(), Map::default());
        let mut max_bytes = [0, 0];
        let prefix = config.continuing_subword_prefix.as_str();
        for (id, token) in vocab.iter().enumerate() {
            let id = u32::try_from(id)
                .map_err(|_| Error::InvalidModel("vocabulary too large".into()))?;
            match token.strip_prefix(prefix).filter(|_| !prefix.is_empty()) {
                Some(rest) => {
                    max_bytes[1] = max_bytes[1].max(rest.len());
                    continuation.insert(rest.into(), id);
                }
                None => {
                    max_bytes[0] = max_bytes[0].max(token.len());
                    initial.insert(token.as_str().into(), id);
                }
            }
        }
        let unk_id = *initial.get(config.unk_token.as_str()).ok_or_else(|| {
            Error::InvalidModel(format!(
                "unknown token {:?} is not in the vocabulary",
                config.unk_token
            ))
        })?;
        let vocab = vocab.into_iter().map(String::into_boxed_str).collect();
        Ok(Self {
            initial,
            continuation,
            max_bytes,
            vocab,
            unk_id,
            config,
        })
    }

    /// Builds a tokenizer from a `vocab.txt` text: one token per line, ids in line order.
    pub fn from_vocab_text(text: &str, config: TokenizerConfig) -> Result<Self> {
        let vocab = text.lines().map(str::to_owned).collect();
        Self::new(vocab, config)
    }

    /// Number of tokens in the vocabulary.
    pub fn vocab_size(&self) -> usize {
        self.vocab.len()
    }

    /// Id of the unknown token.
    pub fn unk_id(&self) -> u32 {
        self.unk_id
    }

    /// The id of a whole-word token such as `[CLS]`, if it is in the vocabulary.
    pub fn token_id(&self, token: &str) -> Option<u32> {
        self.initial.get(token).copied()
    }

    /// The token with this id, if any.
    pub fn id_to_token(&self, id: u32) -> Option<&str> {
        self.vocab.get(id as usize).map(|t| &**t)
    }

    /// Calls `f` with the id of every token of `text`, in order (no special tokens are added).
    pub fn for_each_id(&self, text: &str, f: impl FnMut(u32)) {
        let mut state = State {
            tok: self,
            word: String::new(),
            chars: 0,
            pieces: Vec::new(),
            f,
        };
        for c in text.chars() {
            state.feed(c);
        }
        state.flush();
    }

    /// The token ids of `text` (no special tokens are added).
    pub fn encode(&self, text: &str) -> Vec<u32> {
        let mut ids = Vec::new();
        self.for_each_id(text, |id| ids.push(id));
        ids
    }

    /// The tokens of `text` as strings, for inspection.
    pub fn tokenize(&self, text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        self.for_each_id(text, |id| {
            out.push(self.id_to_token(id).unwrap_or_default())
        });
        out
    }
}

/// The small multiplicative hash of rustc (FxHash): fast for short keys; the keys are the fixed
/// vocabulary, so collision attacks are not a concern.
#[derive(Default)]
pub(crate) struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut b = [0u8; 8];
            b[..chunk.len()].copy_from_slice(chunk);
            self.0 =
                (self.0.rotate_left(5) ^ u64::from_le_bytes(b)).wrapping_mul(0x517c_c1b7_2722_0a95);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}
