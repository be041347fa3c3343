//! Identifiers made of digits (phone, card, social security numbers) and of letters and
//! digits (national insurance numbers, IBANs).

use super::{PiiKind, PiiSpan};

/// A run of digit groups joined by single separators, e.g. `+1 (555) 123-4567`.
struct Run {
    start: usize,
    end: usize,
    groups: Vec<usize>,
    separators: Vec<char>,
    plus: bool,
    parenthesized: bool,
}

fn is_separator(c: char) -> bool {
    matches!(c, ' ' | '-' | '.' | '(' | ')')
}

/// Reads a run starting at byte `start` (a digit, `+` or `(`).
fn read_run(text: &str, start: usize) -> Option<Run> {
    let bytes = text.as_bytes();
    let mut i = start;
    let plus = bytes[i] == b'+';
    let mut parenthesized = false;
    if plus {
        i += 1;
    }
    let mut groups = Vec::new();
    let mut separators = Vec::new();
    let mut end = i;
    loop {
        let digits = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
        if digits > 0 {
            groups.push(digits);
            i += digits;
            end = i;
        }
        // Up to two separator characters between groups: ") " or " (" or "-".
        let seps: Vec<char> = text[i..]
            .chars()
            .take(2)
            .take_while(|&c| is_separator(c))
            .collect();
        if seps.is_empty() {
            break;
        }
        let next = i + seps.len();
        if next >= bytes.len() || !(bytes[next].is_ascii_digit() || bytes[next] == b'(') {
            if seps.len() == 1 && seps[0] == '(' && digits == 0 {
                parenthesized = true;
            }
            break;
        }
        parenthesized |= seps.contains(&'(');
        separators.extend(seps.iter().copied());
        i = next;
    }
    (!groups.is_empty()).then_some(Run {
        start,
        end,
        groups,
        separators,
        plus,
        parenthesized,
    })
}

fn luhn(digits: &[u8]) -> bool {
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            let d = u32::from(d);
            if i % 2 == 1 {
                let doubled = d * 2;
                if doubled > 9 { doubled - 9 } else { doubled }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

fn classify(text: &str, run: &Run) -> Option<PiiKind> {
    let digits: Vec<u8> = text[run.start..run.end]
        .bytes()
        .filter(u8::is_ascii_digit)
        .map(|b| b - b'0')
        .collect();
    let n = digits.len();
    let only = |c: char| run.separators.iter().all(|&s| s == c);
    if run.groups == [3, 2, 4] && only('-') {
        return Some(PiiKind::GovernmentId);
    }
    let date_like = matches!(
        run.groups.as_slice(),
        [4, 2, 2] | [2, 2, 4] | [1 | 2, 1 | 2, 4]
    );
    if (13..=19).contains(&n) && !run.plus && luhn(&digits) {
        return Some(PiiKind::Card);
    }
    if date_like && !run.plus {
        return None;
    }
    let separated = run.groups.len() >= 2;
    let phone = (run.plus && (8..=15).contains(&n))
        || ((10..=15).contains(&n) && (separated || run.parenthesized))
        || (n == 7 && run.groups == [3, 4] && only('-'));
    phone.then_some(PiiKind::Phone)
}

/// Phone, card and social security numbers.
fn digit_runs(text: &str) -> Vec<PiiSpan> {
    let bytes = text.as_bytes();
    let mut spans = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let starts = b.is_ascii_digit()
            || ((b == b'+' || b == b'(') && bytes.get(i + 1).is_some_and(u8::is_ascii_digit));
        let boundary = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
        if !(starts && boundary) {
            i += 1;
            continue;
        }
        let Some(run) = read_run(text, i) else {
            i += 1;
            continue;
        };
        let glued = bytes.get(run.end).is_some_and(u8::is_ascii_alphabetic);
        if !glued && let Some(kind) = classify(text, &run) {
            spans.push(PiiSpan {
                range: run.start..run.end,
                kind,
            });
        }
        i = run.end.max(i + 1);
    }
    spans
}

/// `AB123456C`: two letters, six digits, a letter from A to D.
fn is_national_insurance(token: &str) -> bool {
    let b = token.as_bytes();
    b.len() == 9
        && b[..2].iter().all(u8::is_ascii_uppercase)
        && b[2..8].iter().all(u8::is_ascii_digit)
        && matches!(b[8], b'A'..=b'D')
}

/// A compact IBAN: country letters, check digits, 11 to 30 letters or digits, and a valid
/// mod-97 checksum.
fn is_iban(token: &str) -> bool {
    let b = token.as_bytes();
    if !(15..=34).contains(&b.len())
        || !b[..2].iter().all(u8::is_ascii_uppercase)
        || !b[2..4].iter().all(u8::is_ascii_digit)
        || !b
            .iter()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
    {
        return false;
    }
    let mut remainder: u32 = 0;
    for &c in b[4..].iter().chain(&b[..4]) {
        let value = if c.is_ascii_digit() {
            u32::from(c - b'0')
        } else {
            u32::from(c - b'A') + 10
        };
        let width = if value >= 10 { 100 } else { 10 };
        remainder = (remainder * width + value) % 97;
    }
    remainder == 1
}

/// National insurance numbers and IBANs, written as one word.
fn word_ids(text: &str) -> Vec<PiiSpan> {
    let mut spans = Vec::new();
    let mut offset = 0;
    for word in text.split_inclusive(char::is_whitespace) {
        let token = word
            .trim_end()
            .trim_end_matches([',', '.', ';', ':', '!', '?', ')']);
        let lead = token.len() - token.trim_start_matches('(').len();
        let token = &token[lead..];
        if is_national_insurance(token) || is_iban(token) {
            let start = offset + lead;
            spans.push(PiiSpan {
                range: start..start + token.len(),
                kind: PiiKind::GovernmentId,
            });
        }
        offset += word.len();
    }
    spans
}

pub(super) fn find(text: &str) -> Vec<PiiSpan> {
    let mut spans = digit_runs(text);
    spans.extend(word_ids(text));
    spans
}
