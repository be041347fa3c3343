//! Tenants and API keys. A key is a random secret shown once; only its SHA-256 is stored.

use chrono::Utc;
use rapport_core::{TenantId, UserId};
use rapport_store::ApiKey;
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::{Actor, Engine, Error, InternalError, Result, UserError};

/// Prefix of every API key secret, so a leaked key is easy to recognize and scan for.
pub const API_KEY_PREFIX: &str = "rpk_";

/// A key just created: the only time its secret is available.
#[derive(Debug, Clone, Serialize)]
pub struct NewApiKey {
    /// Public id, used to revoke the key.
    pub id: String,
    /// The tenant the key gives access to.
    pub tenant: TenantId,
    /// The one user the key is limited to, if it is an end user's own key.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user: Option<UserId>,
    /// The secret (`rpk_` and 64 hex digits). Not stored; show it once.
    pub key: String,
}

/// What a valid key opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyAccess {
    /// The key's public id.
    pub key_id: String,
    /// The tenant.
    pub tenant: TenantId,
    /// The one user the key is limited to; `None` for the whole tenant.
    pub user: Option<UserId>,
}

impl KeyAccess {
    /// Who acts with this key, for the audit log.
    pub fn actor(&self) -> Actor {
        Actor::api_key(&self.key_id)
    }
}

fn random_hex(bytes: usize) -> Result<String> {
    let mut buf = vec![0u8; bytes];
    getrandom::fill(&mut buf).map_err(|e| Error::Internal(InternalError::Random(e.to_string())))?;
    Ok(hex(&buf))
}

/// Lowercase hex of bytes.
pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The stored form of a secret: lowercase hex SHA-256.
pub fn hash_api_key(secret: &str) -> String {
    hex(&Sha256::digest(secret.as_bytes()))
}

impl Engine {
    /// Registers a tenant. Returns `false` if it already was.
    pub fn create_tenant(&self, tenant: &TenantId) -> Result<bool> {
        Ok(self.store.create_tenant(tenant, Utc::now())?)
    }

    /// Registered tenants.
    pub fn registered_tenants(&self) -> Result<Vec<TenantId>> {
        Ok(self.store.registered_tenants()?)
    }

    /// Creates an API key for a registered tenant and returns its secret, once.
    pub fn create_api_key(&self, tenant: &TenantId) -> Result<NewApiKey> {
        self.mint_key(tenant, None)
    }

    /// Creates a key limited to one user of a registered tenant (for the user's own dashboard)
    /// and returns its secret, once.
    pub fn create_user_key(&self, tenant: &TenantId, user: &UserId) -> Result<NewApiKey> {
        self.mint_key(tenant, Some(user))
    }

    fn mint_key(&self, tenant: &TenantId, user: Option<&UserId>) -> Result<NewApiKey> {
        if !self.store.registered_tenants()?.contains(tenant) {
            return Err(Error::User(UserError::UnknownTenant {
                tenant: tenant.to_string(),
            }));
        }
        let secret = format!("{API_KEY_PREFIX}{}", random_hex(32)?);
        let key = ApiKey {
            id: format!("key_{}", random_hex(8)?),
            tenant: tenant.clone(),
            user: user.cloned(),
            hash: hash_api_key(&secret),
            created: Utc::now(),
        };
        self.store.create_api_key(&key)?;
        Ok(NewApiKey {
            id: key.id,
            tenant: key.tenant,
            user: key.user,
            key: secret,
        })
    }

    /// What a secret opens, or `None` for an unknown or revoked key.
    pub fn authenticate(&self, secret: &str) -> Result<Option<KeyAccess>> {
        if !secret.starts_with(API_KEY_PREFIX) {
            return Ok(None);
        }
        Ok(self
            .store
            .api_key(&hash_api_key(secret))?
            .map(|key| KeyAccess {
                key_id: key.id,
                tenant: key.tenant,
                user: key.user,
            }))
    }

    /// Revokes a key by id. Returns whether it existed.
    pub fn revoke_api_key(&self, id: &str) -> Result<bool> {
        Ok(self.store.revoke_api_key(id)?)
    }
}
