//! The profile: a user's current facts grouped by facet and ordered by what they say about this
//! user in particular, plus the facts that no longer hold.

use std::fmt::Write;

use rapport_core::{Facet, Fact, Source, TenantId, UserId};
use rapport_store::{PopulationStats, UserSummary};
use serde::Serialize;

use crate::{Engine, Result};

/// What Rapport holds about one user.
#[derive(Debug, Clone, Serialize)]
pub struct Profile {
    /// The user's log summary.
    #[serde(flatten)]
    pub summary: UserSummary,
    /// Current facts, by facet order, then most distinctive first.
    pub facts: Vec<ProfileFact>,
    /// Facts that ended (superseded or stopped), most recent end first.
    pub past: Vec<Fact>,
}

/// A current fact with how much it tells about this user compared with everyone.
#[derive(Debug, Clone, Serialize)]
pub struct ProfileFact {
    /// The fact.
    #[serde(flatten)]
    pub fact: Fact,
    /// Inverse population frequency: `ln((users + 1) / (holders + 0.5))`. Rarer says more.
    pub distinctiveness: f32,
}

/// How distinctive holding `(key, value)` is in a population.
pub fn distinctiveness(population: &PopulationStats, fact: &Fact) -> f32 {
    let holders = population
        .holders
        .get(&(fact.key.clone(), fact.value.to_lowercase()))
        .copied()
        .unwrap_or(0) as f32;
    ((population.users as f32 + 1.0) / (holders + 0.5))
        .ln()
        .max(0.0)
}

impl Engine {
    /// The user's profile; an error if the user has no events.
    pub fn profile(&self, tenant: &TenantId, user: &UserId) -> Result<Profile> {
        let summary = self.user(tenant, user)?;
        let population = self.store.population(tenant)?;
        let (current, mut past): (Vec<Fact>, Vec<Fact>) = self
            .store
            .facts(tenant, user)?
            .into_iter()
            .partition(Fact::is_current);
        let mut facts: Vec<ProfileFact> = current
            .into_iter()
            .map(|fact| ProfileFact {
                distinctiveness: distinctiveness(&population, &fact),
                fact,
            })
            .collect();
        facts.sort_by(|a, b| {
            a.fact
                .facet
                .cmp(&b.fact.facet)
                .then(b.fact.pinned.cmp(&a.fact.pinned))
                .then(rank(b).total_cmp(&rank(a)))
                .then(a.fact.id.cmp(&b.fact.id))
        });
        past.sort_by(|a, b| b.valid_to.cmp(&a.valid_to).then(a.id.cmp(&b.id)));
        Ok(Profile {
            summary,
            facts,
            past,
        })
    }
}

fn rank(f: &ProfileFact) -> f32 {
    f.distinctiveness * f.fact.confidence
}

fn source_name(source: Source) -> &'static str {
    match source {
        Source::Stated => "stated",
        Source::Inferred => "inferred",
        Source::Edited => "edited",
    }
}

impl Profile {
    /// The profile as text for a terminal: facets as headings, one fact a line with its source,
    /// confidence, since when, and evidence; with `history`, the facts that ended and why.
    pub fn render_text(&self, history: bool) -> String {
        let mut out = String::new();
        let s = &self.summary;
        let _ = writeln!(
            out,
            "Profile of {} (tenant {}): {} events from {} to {}, {} current facts",
            s.user,
            s.tenant,
            s.events,
            s.first_time.format("%Y-%m-%d"),
            s.last_time.format("%Y-%m-%d"),
            self.facts.len()
        );
        if self.facts.is_empty() {
            out.push_str("\nNo facts learned yet.\n");
        }
        for facet in Facet::ALL {
            let in_facet: Vec<&ProfileFact> = self
                .facts
                .iter()
                .filter(|f| f.fact.facet == facet)
                .collect();
            if in_facet.is_empty() {
                continue;
            }
            let _ = writeln!(out, "\n{}", facet.title());
            for f in in_facet {
                let fact = &f.fact;
                let _ = writeln!(
                    out,
                    "  - {}  [{}{}, confidence {:.2}, {} {}, evidence: {}]",
                    fact.description,
                    source_name(fact.source),
                    if fact.pinned { ", pinned" } else { "" },
                    fact.confidence,
                    if fact.tells_of_the_past() {
                        "said"
                    } else {
                        "since"
                    },
                    fact.valid_from.format("%Y-%m-%d"),
                    evidence_list(fact),
                );
            }
        }
        if history && !self.past.is_empty() {
            out.push_str("\nNo longer true\n");
            for fact in &self.past {
                let until = fact.valid_to.map(|t| t.format("%Y-%m-%d").to_string());
                // Already past when said ("I used to live in Ohio"): only an upper bound is known.
                let span = if fact.valid_to.is_some_and(|to| to <= fact.valid_from) {
                    format!("before {}", until.as_deref().unwrap_or("?"))
                } else {
                    format!(
                        "{} to {}",
                        fact.valid_from.format("%Y-%m-%d"),
                        until.as_deref().unwrap_or("?")
                    )
                };
                let _ = writeln!(
                    out,
                    "  - {}  [{}{}]",
                    fact.description,
                    span,
                    fact.change_reason
                        .as_ref()
                        .map(|r| format!("; {r}"))
                        .unwrap_or_default(),
                );
            }
        } else if !self.past.is_empty() {
            let _ = writeln!(
                out,
                "\n({} facts no longer true; see --history)",
                self.past.len()
            );
        }
        out
    }
}

fn evidence_list(fact: &Fact) -> String {
    const SHOWN: usize = 3;
    let mut ids: Vec<&str> = fact
        .evidence
        .iter()
        .take(SHOWN)
        .map(|e| e.as_str())
        .collect();
    let more = fact.evidence.len().saturating_sub(SHOWN);
    let more = if more > 0 {
        format!(" +{more}")
    } else {
        String::new()
    };
    if ids.is_empty() {
        ids.push("none");
    }
    format!("{}{more}", ids.join(", "))
}
