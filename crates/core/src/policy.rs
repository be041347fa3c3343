//! What a tenant allows Rapport to do with its users' data. Set by the tenant's operator (the
//! admin API or `rapport tenants policy`), stored with the tenant, applied by the engine.

use serde::{Deserialize, Serialize};

use crate::{Fact, Sensitivity, Source};

/// A tenant's policy. The default is the careful one: no sensitive class is inferred and no
/// text is redacted.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TenantPolicy {
    /// Sensitive classes Rapport may infer (from authored text, statistics, choices). What a
    /// user states is kept whatever this says; a user can still forbid any class for themselves.
    pub infer_sensitive: Vec<Sensitivity>,
    /// Where personal identifiers (emails, phone numbers, card numbers, street addresses,
    /// government ids) are masked.
    pub redact: Redaction,
}

/// Where text is redacted before it goes on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Redaction {
    /// Before text leaves the machine: the proxy's upstream call, an LLM-backed learner.
    pub outbound: bool,
    /// Before events are stored (the original text is then never kept).
    pub storage: bool,
}

impl TenantPolicy {
    /// Whether the tenant allows inferring facts of this class.
    pub fn infers(&self, class: Sensitivity) -> bool {
        class == Sensitivity::None || self.infer_sensitive.contains(&class)
    }

    /// Whether the policy allows keeping this fact: stated and edited facts always, inferred
    /// ones when their class may be inferred.
    pub fn allows(&self, fact: &Fact) -> bool {
        fact.source != Source::Inferred || self.infers(fact.sensitivity)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_policy_infers_nothing_sensitive() {
        let policy = TenantPolicy::default();
        assert!(policy.infers(Sensitivity::None));
        assert!(!policy.infers(Sensitivity::Health));
        assert!(!policy.redact.outbound && !policy.redact.storage);
    }

    #[test]
    fn policy_reads_from_json() {
        let policy: TenantPolicy = serde_json::from_str(
            r#"{"infer_sensitive": ["finances", "precise_location"], "redact": {"outbound": true}}"#,
        )
        .unwrap();
        assert!(policy.infers(Sensitivity::Finances));
        assert!(!policy.infers(Sensitivity::Religion));
        assert!(policy.redact.outbound && !policy.redact.storage);
        assert!(serde_json::from_str::<TenantPolicy>(r#"{"infer": []}"#).is_err());
    }
}
