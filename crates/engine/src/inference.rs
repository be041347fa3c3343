//! Attribute, style and Big Five inference in the write path (`rapport-infer`). The Big Five
//! estimate needs the optional word lexicon (`RAPPORT_PERSONALITY_LEXICON`); like every
//! inference it runs only when the engine's `infer` setting is on.
//!
//! After a user's batch is learned, if it holds text the user authored (a user turn or a
//! document), the inferred facts are recomputed from the user's latest `infer_window` events
//! of the log and replace the previous inferred facts (they are a recomputed estimate, not a history: the
//! invariant that facts are never overwritten holds for the learner's facts). Cost per batch is bounded by the window,
//! not by the history; the result is a function of the log's tail alone, so learning in one
//! batch or many, and `reindex`, give the same inferred facts.

use rapport_core::{EventBody, EventId, Fact, Role, StoredEvent, TenantId, UserId};
use rapport_infer::{
    AuthoredText, GenderLexicon, Lexicon, infer, is_inferred_here, personality, style, to_facts,
};
use rapport_store::Store;

use crate::{InternalError, Result};

/// Whether the user wrote any of these events (so inference has something new to read).
pub(crate) fn authored_any(events: &[StoredEvent]) -> bool {
    events.iter().any(|e| authored(e).is_some())
}

fn authored(e: &StoredEvent) -> Option<&str> {
    match &e.event.body {
        EventBody::Message(m) if m.role == Role::User => Some(&m.text),
        EventBody::Document(d) => Some(&d.text),
        _ => None,
    }
}

/// What inference reads and keeps.
#[derive(Debug, Clone, Copy)]
pub(crate) struct InferSettings {
    /// Events of the log's tail read.
    pub window: u64,
    /// Inferences below this confidence are abstentions and not kept.
    pub min_confidence: f32,
}

/// Recomputes the user's inferred facts from the latest events up to `last_seq`.
pub(crate) fn refresh(
    store: &dyn Store,
    (tenant, user): (&TenantId, &UserId),
    last_seq: u64,
    settings: InferSettings,
    facts: &mut Vec<Fact>,
) -> Result<()> {
    let after = last_seq.saturating_sub(settings.window);
    let events = store.events(tenant, user, after, settings.window as usize)?;
    let texts: Vec<AuthoredText<'_>> = events
        .iter()
        .filter_map(|e| {
            authored(e).map(|text| AuthoredText {
                id: &e.event.id,
                text,
            })
        })
        .collect();
    let latest = events
        .iter()
        .filter(|e| authored(e).is_some())
        .map(|e| e.event.time)
        .max();
    let fresh = match latest {
        Some(time) => {
            let ids: Vec<EventId> = texts.iter().map(|t| t.id.clone()).collect();
            // A fact needs a text it came from: an estimate resting on none (the population
            // prior) is kept only at floor 0, which keeps every estimate; above it the priors do
            // not compete, so a text-backed estimate a prior would have outranked is kept.
            // The gender lexicon is optional like the Big Five one (same licence, same handling).
            let gender = GenderLexicon::from_env().map_err(unreadable_lexicon)?;
            let keep_priors = settings.min_confidence <= 0.0;
            let inferences: Vec<_> = infer(&texts, gender, keep_priors)
                .into_iter()
                .filter(|i| i.confidence >= settings.min_confidence)
                .filter(|i| !i.evidence.is_empty() || settings.min_confidence <= 0.0)
                .collect();
            let facets: Vec<_> = style(&texts)
                .into_iter()
                .filter(|s| s.confidence >= settings.min_confidence)
                .collect();
            // The Big Five lexicon is optional (its licence keeps it out of the repository):
            // without `RAPPORT_PERSONALITY_LEXICON` there is no estimate; a set but unreadable
            // one is an error rather than a silent absence.
            let lexicon = Lexicon::from_env().map_err(unreadable_lexicon)?;
            let traits: Vec<_> = lexicon
                .map(|l| personality(&texts, l))
                .unwrap_or_default()
                .into_iter()
                .filter(|p| p.confidence >= settings.min_confidence)
                .collect();
            to_facts(&inferences, &facets, &traits, &ids, time, 0)
        }
        None => Vec::new(),
    };
    restore(facts, fresh);
    Ok(())
}

/// Takes the current inferred facts out of `facts` (the learner never sees them).
pub(crate) fn take(facts: &mut Vec<Fact>) -> Vec<Fact> {
    if !facts.iter().any(is_current_inferred) {
        return Vec::new();
    }
    let (inferred, rest) = std::mem::take(facts)
        .into_iter()
        .partition(is_current_inferred);
    *facts = rest;
    inferred
}

/// Puts inferred facts back after the learner's, numbered from the highest id on, so the
/// learner's ids never depend on when inference ran.
pub(crate) fn restore(facts: &mut Vec<Fact>, inferred: Vec<Fact>) {
    facts.retain(|f| !is_current_inferred(f));
    if inferred.is_empty() {
        return;
    }
    let next = facts.iter().map(|f| f.id + 1).max().unwrap_or(1);
    facts.extend(inferred.into_iter().enumerate().map(|(n, mut f)| {
        f.id = next + n as u64;
        f
    }));
}

fn is_current_inferred(f: &Fact) -> bool {
    f.is_current() && is_inferred_here(f)
}

/// A lexicon named by its environment variable but unreadable: an error, not a silent absence.
fn unreadable_lexicon(e: rapport_infer::Error) -> InternalError {
    InternalError::Io(std::io::Error::new(std::io::ErrorKind::InvalidData, e))
}
