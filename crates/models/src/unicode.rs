//! Character classes of BERT's basic tokenizer, as defined by the reference (HF `tokenizers`)
//! `BertNormalizer` and `BertPreTokenizer`.

use unicode_general_category::{GeneralCategory as Gc, get_general_category};

/// Characters deleted by BERT's text cleaning: NUL, U+FFFD and every "other" character (Cc, Cf,
/// Cn, Co, Cs) except tab, newline and carriage return.
pub(crate) fn is_removed(c: char) -> bool {
    if c.is_ascii() {
        return (c.is_ascii_control()) && !matches!(c, '\t' | '\n' | '\r');
    }
    c == '\u{fffd}'
        || matches!(
            get_general_category(c),
            Gc::Control | Gc::Format | Gc::PrivateUse | Gc::Surrogate
        )
}

/// Whitespace that separates words (checked after [`is_removed`]).
pub(crate) fn is_whitespace(c: char) -> bool {
    c.is_whitespace()
}

/// Punctuation that becomes a token of its own: all ASCII punctuation (including symbols such as
/// `$`, `+` and `^`) and every character of a Unicode punctuation category.
pub(crate) fn is_punctuation(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_punctuation();
    }
    matches!(
        get_general_category(c),
        Gc::ConnectorPunctuation
            | Gc::DashPunctuation
            | Gc::ClosePunctuation
            | Gc::FinalPunctuation
            | Gc::InitialPunctuation
            | Gc::OtherPunctuation
            | Gc::OpenPunctuation
    )
}

/// CJK ideographs, which BERT treats as words of their own.
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x4E00..=0x9FFF
        | 0x3400..=0x4DBF
        | 0x20000..=0x2A6DF
        | 0x2A700..=0x2B73F
        | 0x2B740..=0x2B81F
        | 0x2B820..=0x2CEAF
        | 0xF900..=0xFAFF
        | 0x2F800..=0x2FA1F)
}

/// Non-spacing marks (Mn), dropped after canonical decomposition when stripping accents.
pub(crate) fn is_nonspacing_mark(c: char) -> bool {
    get_general_category(c) == Gc::NonspacingMark
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        assert!(is_removed('\u{200b}') && is_removed('\0') && is_removed('\u{fffd}'));
        assert!(!is_removed('\t') && !is_removed('é'));
        assert!(is_punctuation('$') && is_punctuation('—') && is_punctuation('¿'));
        assert!(!is_punctuation('€') && !is_punctuation('a'));
        assert!(is_cjk('北') && !is_cjk('a') && !is_cjk('の'));
        assert!(is_nonspacing_mark('\u{301}') && !is_nonspacing_mark('e'));
        assert!(is_whitespace('\u{a0}') && is_whitespace('\u{2003}'));
    }
}
