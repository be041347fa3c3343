//! Masking personal identifiers in free text: email addresses, phone numbers, payment card
//! numbers, street addresses and government ids (US social security numbers, UK national
//! insurance numbers, IBANs).
//!
//! Each finder is a small scanner over the text rather than a regular expression, so the
//! rules are explicit and the crate stays free of dependencies. A finding is replaced by a
//! bracketed label such as `[email]`. Recall over precision where they conflict for cards and
//! ids (a Luhn-valid 16-digit number is masked even if it was something else), precision over
//! recall for phone numbers (dates and plain counts are left alone).

use std::borrow::Cow;
use std::ops::Range;

mod address;
mod numbers;

/// What kind of identifier was masked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PiiKind {
    /// `name@example.com`.
    Email,
    /// A phone number with at least 7 digits.
    Phone,
    /// A payment card number (13–19 digits, Luhn-valid).
    Card,
    /// A street address: a house number, a street name and a street type.
    Address,
    /// A government id or bank account number.
    GovernmentId,
}

impl PiiKind {
    /// The label that replaces an identifier of this kind.
    pub fn label(self) -> &'static str {
        match self {
            PiiKind::Email => "[email]",
            PiiKind::Phone => "[phone]",
            PiiKind::Card => "[card number]",
            PiiKind::Address => "[address]",
            PiiKind::GovernmentId => "[id number]",
        }
    }
}

/// One identifier found in a text: its byte range and kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PiiSpan {
    /// Byte range in the text.
    pub range: Range<usize>,
    /// What it is.
    pub kind: PiiKind,
}

/// Every identifier in `text`, in order, not overlapping.
pub fn find_pii(text: &str) -> Vec<PiiSpan> {
    let mut spans = emails(text);
    spans.extend(numbers::find(text));
    spans.extend(address::find(text));
    spans.sort_by_key(|s| (s.range.start, std::cmp::Reverse(s.range.end)));
    let mut kept: Vec<PiiSpan> = Vec::with_capacity(spans.len());
    for span in spans {
        match kept.last() {
            Some(last) if span.range.start < last.range.end => {}
            _ => kept.push(span),
        }
    }
    kept
}

/// `text` with every identifier replaced by its label; borrowed when there was none.
pub fn redact_pii(text: &str) -> Cow<'_, str> {
    let spans = find_pii(text);
    if spans.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for span in spans {
        out.push_str(&text[at..span.range.start]);
        out.push_str(span.kind.label());
        at = span.range.end;
    }
    out.push_str(&text[at..]);
    Cow::Owned(out)
}

fn is_local_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-')
}

fn is_domain_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '-')
}

/// `local@domain.tld`, the top-level domain being at least two letters.
fn emails(text: &str) -> Vec<PiiSpan> {
    let mut spans = Vec::new();
    for (at, _) in text.match_indices('@') {
        let start = text[..at]
            .char_indices()
            .rev()
            .take_while(|&(_, c)| is_local_char(c))
            .last()
            .map_or(at, |(i, _)| i);
        let after = &text[at + 1..];
        let domain_len = after
            .char_indices()
            .find(|&(_, c)| !is_domain_char(c))
            .map_or(after.len(), |(i, _)| i);
        // A sentence's full stop is not part of the domain.
        let domain = after[..domain_len].trim_end_matches(['.', '-']);
        let tld = domain.rsplit('.').next().unwrap_or("");
        let valid = start < at
            && domain.contains('.')
            && !domain.starts_with('.')
            && tld.len() >= 2
            && tld.chars().all(|c| c.is_ascii_alphabetic());
        if valid {
            spans.push(PiiSpan {
                range: start..at + 1 + domain.len(),
                kind: PiiKind::Email,
            });
        }
    }
    spans
}

#[cfg(test)]
mod tests;
