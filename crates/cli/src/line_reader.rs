//! Reads lines with a length limit, so one enormous line cannot exhaust memory.

use std::io::{self, BufRead};

/// One line of input.
pub enum Line {
    /// The line's bytes, without the newline.
    Text(Vec<u8>),
    /// The line was longer than the limit; its length in bytes (it was skipped).
    TooLong(usize),
}

/// Splits a reader into lines of at most `limit` bytes.
pub struct LineReader<R> {
    inner: R,
    limit: usize,
    /// Bytes consumed so far, for progress.
    pub consumed: u64,
}

impl<R: BufRead> LineReader<R> {
    /// Wraps a reader.
    pub fn new(inner: R, limit: usize) -> Self {
        Self {
            inner,
            limit,
            consumed: 0,
        }
    }

    /// The next line, or `None` at the end of input.
    pub fn next_line(&mut self) -> io::Result<Option<Line>> {
        let mut line = Vec::new();
        let mut length = 0usize;
        let mut saw_any = false;
        let mut last_byte = None;
        loop {
            let buf = self.inner.fill_buf()?;
            if buf.is_empty() {
                break;
            }
            saw_any = true;
            let (chunk, found_newline) = match memchr_newline(buf) {
                Some(i) => (&buf[..i], true),
                None => (buf, false),
            };
            length += chunk.len();
            if let Some(&b) = chunk.last() {
                last_byte = Some(b);
            }
            if length <= self.limit {
                line.extend_from_slice(chunk);
            } else {
                line = Vec::new();
            }
            let used = chunk.len() + usize::from(found_newline);
            self.inner.consume(used);
            self.consumed += used as u64;
            if found_newline {
                break;
            }
        }
        if !saw_any {
            return Ok(None);
        }
        if last_byte == Some(b'\r') {
            length -= 1;
            if length < self.limit {
                line.pop();
            }
        }
        Ok(Some(if length > self.limit {
            Line::TooLong(length)
        } else {
            Line::Text(line)
        }))
    }
}

fn memchr_newline(buf: &[u8]) -> Option<usize> {
    buf.iter().position(|&b| b == b'\n')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &[u8], limit: usize) -> Vec<String> {
        let mut reader = LineReader::new(io::BufReader::with_capacity(4, input), limit);
        let mut out = Vec::new();
        while let Some(line) = reader.next_line().unwrap() {
            out.push(match line {
                Line::Text(t) => String::from_utf8(t).unwrap(),
                Line::TooLong(n) => format!("<{n}>"),
            });
        }
        assert_eq!(reader.consumed, input.len() as u64);
        out
    }

    #[test]
    fn splits_and_limits() {
        assert_eq!(lines(b"ab\ncdefgh\r\n\nxy", 5), vec!["ab", "<6>", "", "xy"]);
        assert_eq!(lines(b"", 5), Vec::<String>::new());
        assert_eq!(lines(b"abc\n", 5), vec!["abc"]);
    }
}
