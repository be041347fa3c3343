//! The item catalog on PostgreSQL, and the tenant-wide read of action events.

use postgres::{Client, Row};
use rapport_core::{Event, EventBody, EventId, Item, StoredEvent, TenantId, UserId};

use crate::codec::{decode_item, encode_item, from_micros, to_seq};
use crate::{Error, Result};

const COLUMNS: &str = "item_id, title, text, tags, attributes";

pub(super) fn upsert(client: &mut Client, tenant: &TenantId, items: &[Item]) -> Result<usize> {
    let mut tx = client.transaction()?;
    // `xmax = 0` holds for a row this statement inserted, not for one it updated.
    let upsert = tx.prepare(
        "INSERT INTO items (tenant_id, item_id, title, text, tags, attributes)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (tenant_id, item_id) DO UPDATE SET
            title = excluded.title, text = excluded.text,
            tags = excluded.tags, attributes = excluded.attributes
         RETURNING (xmax = 0)",
    )?;
    let mut new = 0;
    for item in items {
        let (tags, attributes) = encode_item(item)?;
        let row = tx.query_one(
            &upsert,
            &[
                &tenant.as_str(),
                &item.item_id,
                &item.title,
                &item.text,
                &tags,
                &attributes,
            ],
        )?;
        if row.get::<_, bool>(0) {
            new += 1;
        }
    }
    tx.commit()?;
    Ok(new)
}

pub(super) fn all(client: &mut Client, tenant: &TenantId) -> Result<Vec<Item>> {
    let rows = client.query(
        &format!("SELECT {COLUMNS} FROM items WHERE tenant_id = $1 ORDER BY item_id"),
        &[&tenant.as_str()],
    )?;
    rows.iter().map(|r| decode_item(raw(r))).collect()
}

pub(super) fn one(client: &mut Client, tenant: &TenantId, item_id: &str) -> Result<Option<Item>> {
    let row = client.query_opt(
        &format!("SELECT {COLUMNS} FROM items WHERE tenant_id = $1 AND item_id = $2"),
        &[&tenant.as_str(), &item_id],
    )?;
    row.map(|r| decode_item(raw(&r))).transpose()
}

pub(super) fn actions(client: &mut Client, tenant: &TenantId) -> Result<Vec<StoredEvent>> {
    let rows = client.query(
        "SELECT user_id, seq, id, time, session, body FROM events
         WHERE tenant_id = $1 AND kind = 'action' ORDER BY user_id, seq",
        &[&tenant.as_str()],
    )?;
    rows.iter()
        .map(|row| {
            let body: EventBody = serde_json::from_str(row.get::<_, &str>(5))
                .map_err(|e| Error::corrupt("events", e))?;
            Ok(StoredEvent {
                seq: to_seq(row.get(1)),
                event: Event {
                    tenant: tenant.clone(),
                    user: UserId::new(row.get::<_, String>(0))
                        .map_err(|e| Error::corrupt("events", e))?,
                    id: EventId::new(row.get::<_, String>(2))
                        .map_err(|e| Error::corrupt("events", e))?,
                    time: from_micros("events", row.get(3))?,
                    session: row.get(4),
                    body,
                },
            })
        })
        .collect()
}

fn raw(row: &Row) -> (String, String, String, String, String) {
    (row.get(0), row.get(1), row.get(2), row.get(3), row.get(4))
}
