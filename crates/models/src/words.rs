//! Normalization, pre-tokenization and the WordPiece split of one text, streamed: characters
//! are normalized as they are read and every finished word is looked up at once.

use crate::tokenizer::WordPieceTokenizer;
use crate::unicode::{is_cjk, is_nonspacing_mark, is_punctuation, is_removed, is_whitespace};

/// Per-call scratch space: the current word and the pieces found for it.
pub(crate) struct State<'a, F> {
    pub tok: &'a WordPieceTokenizer,
    pub word: String,
    pub chars: usize,
    pub pieces: Vec<u32>,
    pub f: F,
}

impl<F: FnMut(u32)> State<'_, F> {
    pub fn feed(&mut self, c: char) {
        if c.is_ascii() {
            match c {
                'a'..='z' | '0'..='9' => self.push(c),
                'A'..='Z' if self.tok.config.lowercase => self.push(c.to_ascii_lowercase()),
                'A'..='Z' => self.push(c),
                ' ' | '\t' | '\n' | '\r' => self.flush(),
                _ if c.is_ascii_punctuation() => self.alone(c),
                _ => {} // the remaining ASCII characters are controls, which are removed
            }
        } else if is_removed(c) {
            // deleted, like ASCII controls
        } else if is_whitespace(c) {
            self.flush();
        } else if is_cjk(c) {
            self.flush();
            self.normalize(c);
            self.flush();
        } else {
            self.normalize(c);
        }
    }

    fn normalize(&mut self, c: char) {
        if self.tok.config.strip_accents {
            unicode_normalization::char::decompose_canonical(c, |d| {
                if !is_nonspacing_mark(d) {
                    self.lower(d);
                }
            });
        } else {
            self.lower(c);
        }
    }

    fn lower(&mut self, c: char) {
        if self.tok.config.lowercase {
            c.to_lowercase().for_each(|l| self.split(l));
        } else {
            self.split(c);
        }
    }

    fn split(&mut self, c: char) {
        if is_whitespace(c) {
            self.flush();
        } else if is_punctuation(c) {
            self.alone(c);
        } else {
            self.push(c);
        }
    }

    fn push(&mut self, c: char) {
        self.chars += 1;
        if self.chars <= self.tok.config.max_input_chars_per_word {
            self.word.push(c);
        }
    }

    fn alone(&mut self, c: char) {
        self.flush();
        self.push(c);
        self.flush();
    }

    pub fn flush(&mut self) {
        if self.chars == 0 {
            return;
        }
        let tok = self.tok;
        if self.chars > tok.config.max_input_chars_per_word {
            (self.f)(tok.unk_id);
        } else if let Some(&id) = tok.initial.get(self.word.as_str()) {
            (self.f)(id);
        } else {
            self.pieces.clear();
            if wordpiece(tok, &self.word, &mut self.pieces) {
                self.pieces.iter().for_each(|&id| (self.f)(id));
            } else {
                (self.f)(tok.unk_id);
            }
        }
        self.word.clear();
        self.chars = 0;
    }
}

/// Greedy longest-match-first split of `word` into pieces; false when some part matches nothing.
fn wordpiece(tok: &WordPieceTokenizer, word: &str, pieces: &mut Vec<u32>) -> bool {
    let mut start = 0;
    while start < word.len() {
        let (map, max) = match start {
            0 => (&tok.initial, tok.max_bytes[0]),
            _ => (&tok.continuation, tok.max_bytes[1]),
        };
        let mut end = word.len().min(start + max);
        let found = loop {
            while !word.is_char_boundary(end) {
                end -= 1;
            }
            if end <= start {
                break None;
            }
            if let Some(&id) = map.get(&word[start..end]) {
                break Some(id);
            }
            end -= 1;
        };
        let Some(id) = found else { return false };
        pieces.push(id);
        start = end;
    }
    true
}
