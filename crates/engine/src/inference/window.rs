//! The scans of a user's inference window, kept between batches so a refresh scans only the
//! texts that arrived since the last one.

use std::collections::VecDeque;

use chrono::{DateTime, Utc};
use rapport_core::{EventId, StoredEvent};
use rapport_infer::{GenderLexicon, Lexicon, ScannedText, TextScan};

use super::authored;
use crate::Result;

/// The lexicons every scan of a process is made with (each optional, read once per process).
#[derive(Clone, Copy)]
pub(crate) struct Lexicons {
    pub gender: Option<&'static GenderLexicon>,
    pub big_five: Option<&'static Lexicon>,
}

/// The authored texts among the events of a user's log in (`last_seq` − window, `last_seq`],
/// oldest first, each scanned once.
#[derive(Debug, Clone)]
pub(crate) struct ScannedWindow {
    /// The last event the window reflects.
    last_seq: u64,
    texts: VecDeque<WindowText>,
}

#[derive(Debug, Clone)]
struct WindowText {
    seq: u64,
    id: EventId,
    time: DateTime<Utc>,
    scan: TextScan,
}

impl ScannedWindow {
    /// Scans the authored texts of `events` (the window as read from the log). The lexicons
    /// are asked for only when there is a text to scan.
    pub fn scan(
        events: &[StoredEvent],
        last_seq: u64,
        lexicons: &dyn Fn() -> Result<Lexicons>,
    ) -> Result<Self> {
        let mut window = Self {
            last_seq,
            texts: VecDeque::new(),
        };
        window.push(events, lexicons)?;
        Ok(window)
    }

    /// Whether `events` (a batch, in log order) start right after the last event reflected.
    pub fn is_followed_by(&self, events: &[StoredEvent]) -> bool {
        events.first().is_some_and(|e| e.seq == self.last_seq + 1)
    }

    /// Adds the texts of `events` (which follow the window) and drops those at or before
    /// `after`, the start of the new window.
    pub fn append(
        &mut self,
        events: &[StoredEvent],
        after: u64,
        lexicons: &dyn Fn() -> Result<Lexicons>,
    ) -> Result<()> {
        self.push(events, lexicons)?;
        if let Some(last) = events.last() {
            self.last_seq = last.seq;
        }
        while self.texts.front().is_some_and(|t| t.seq <= after) {
            self.texts.pop_front();
        }
        Ok(())
    }

    /// Moves the window past events that hold no authored text (nothing to scan; the texts that
    /// fell out are dropped at the next append). `false` when they do not follow it.
    pub fn skip(&mut self, events: &[StoredEvent]) -> bool {
        match events.last() {
            Some(last) if self.is_followed_by(events) => {
                self.last_seq = last.seq;
                true
            }
            _ => false,
        }
    }

    fn push(
        &mut self,
        events: &[StoredEvent],
        lexicons: &dyn Fn() -> Result<Lexicons>,
    ) -> Result<()> {
        let mut loaded = None;
        for e in events {
            let Some(text) = authored(e) else {
                continue;
            };
            let l = match loaded {
                Some(l) => l,
                None => *loaded.insert(lexicons()?),
            };
            self.texts.push_back(WindowText {
                seq: e.seq,
                id: e.event.id.clone(),
                time: e.event.time,
                scan: TextScan::new(text, l.gender, l.big_five),
            });
        }
        Ok(())
    }

    /// Texts kept.
    pub fn len(&self) -> usize {
        self.texts.len()
    }

    /// The texts with their events, oldest first.
    pub fn texts(&self) -> Vec<ScannedText<'_>> {
        self.texts
            .iter()
            .map(|t| ScannedText {
                id: &t.id,
                scan: &t.scan,
            })
            .collect()
    }

    /// The events of the texts, oldest first.
    pub fn ids(&self) -> Vec<EventId> {
        self.texts.iter().map(|t| t.id.clone()).collect()
    }

    /// When the latest text was written.
    pub fn latest(&self) -> Option<DateTime<Utc>> {
        self.texts.iter().map(|t| t.time).max()
    }
}
