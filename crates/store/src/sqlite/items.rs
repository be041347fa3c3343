//! The item catalog, and the tenant-wide read of action events the recommender is fitted on.

use rapport_core::{EventBody, EventId, Item, StoredEvent, TenantId, UserId};
use rusqlite::{Connection, OptionalExtension, Row, params};

use crate::codec::{RawItem, decode_item, encode_item, from_micros, to_seq};
use crate::{Error, Result};

const COLUMNS: &str = "item_id, title, text, tags, attributes";

pub(super) fn upsert(conn: &mut Connection, tenant: &TenantId, items: &[Item]) -> Result<usize> {
    let tx = conn.transaction()?;
    let mut new = 0;
    {
        let mut exists =
            tx.prepare_cached("SELECT 1 FROM items WHERE tenant = ?1 AND item_id = ?2")?;
        let mut upsert = tx.prepare_cached(
            "INSERT INTO items (tenant, item_id, title, text, tags, attributes)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (tenant, item_id) DO UPDATE SET
                title = excluded.title, text = excluded.text,
                tags = excluded.tags, attributes = excluded.attributes",
        )?;
        for item in items {
            if !exists.exists(params![tenant.as_str(), item.item_id])? {
                new += 1;
            }
            let (tags, attributes) = encode_item(item)?;
            upsert.execute(params![
                tenant.as_str(),
                item.item_id,
                item.title,
                item.text,
                tags,
                attributes
            ])?;
        }
    }
    tx.commit()?;
    Ok(new)
}

pub(super) fn all(conn: &Connection, tenant: &TenantId) -> Result<Vec<Item>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM items WHERE tenant = ?1 ORDER BY item_id"
    ))?;
    let rows = stmt.query_map(params![tenant.as_str()], raw)?;
    rows.map(|r| decode_item(r?)).collect()
}

pub(super) fn one(conn: &Connection, tenant: &TenantId, item_id: &str) -> Result<Option<Item>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM items WHERE tenant = ?1 AND item_id = ?2"
    ))?;
    stmt.query_row(params![tenant.as_str(), item_id], raw)
        .optional()?
        .map(decode_item)
        .transpose()
}

pub(super) fn actions(conn: &Connection, tenant: &TenantId) -> Result<Vec<StoredEvent>> {
    let mut stmt = conn.prepare_cached(
        "SELECT user, seq, id, time, session, body FROM events
         WHERE tenant = ?1 AND kind = 'action' ORDER BY user, seq",
    )?;
    let rows = stmt.query_map(params![tenant.as_str()], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, i64>(3)?,
            r.get::<_, Option<String>>(4)?,
            r.get::<_, String>(5)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (user, seq, id, time, session, body) = row?;
        let body: EventBody =
            serde_json::from_str(&body).map_err(|e| Error::corrupt("events", e))?;
        out.push(StoredEvent {
            seq: to_seq(seq),
            event: rapport_core::Event {
                tenant: tenant.clone(),
                user: UserId::new(user).map_err(|e| Error::corrupt("events", e))?,
                id: EventId::new(id).map_err(|e| Error::corrupt("events", e))?,
                time: from_micros("events", time)?,
                session,
                body,
            },
        });
    }
    Ok(out)
}

fn raw(r: &Row<'_>) -> rusqlite::Result<RawItem> {
    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
}
