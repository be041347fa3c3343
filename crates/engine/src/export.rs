//! Everything held about one user, in one document (data portability).

use rapport_core::{Fact, StoredEvent, TenantId, UserId, UserSettings};
use rapport_store::UserSummary;
use serde::Serialize;

use crate::{Actor, Engine, Result};

/// Events read per step while exporting.
const EXPORT_PAGE: usize = 5_000;

/// What [`Engine::export_user`] returns.
#[derive(Debug, Clone, Serialize)]
pub struct UserExport {
    /// The user's log summary.
    pub summary: UserSummary,
    /// The user's decisions about their profile.
    pub settings: UserSettings,
    /// Every fact, current and past, by id.
    pub facts: Vec<Fact>,
    /// Every event, oldest first.
    pub events: Vec<StoredEvent>,
}

impl Engine {
    /// Every fact of the user, current and past, by id; an error if the user has no events.
    pub fn facts(&self, tenant: &TenantId, user: &UserId) -> Result<Vec<Fact>> {
        self.user(tenant, user)?;
        Ok(self.store.facts(tenant, user)?)
    }

    /// Everything held about the user; an error if the user has no events. Recorded in the
    /// audit log.
    pub fn export_user(
        &self,
        tenant: &TenantId,
        user: &UserId,
        actor: &Actor,
    ) -> Result<UserExport> {
        let summary = self.user(tenant, user)?;
        let mut events = Vec::new();
        loop {
            let after = events.last().map_or(0, |e: &StoredEvent| e.seq);
            let page = self.store.events(tenant, user, after, EXPORT_PAGE)?;
            if page.is_empty() {
                break;
            }
            events.extend(page);
        }
        let export = UserExport {
            summary,
            settings: self.store.settings(tenant, user)?,
            facts: self.store.facts(tenant, user)?,
            events,
        };
        let detail = format!(
            "{} event(s), {} fact(s)",
            export.events.len(),
            export.facts.len()
        );
        self.audit(actor, tenant, Some(user), "user.export", detail)?;
        Ok(export)
    }
}
