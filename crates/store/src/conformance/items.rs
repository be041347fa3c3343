//! Conformance checks for the item catalog and the tenant-wide read of actions.

use rapport_core::{Action, Event, EventBody, EventId, Item, Verb};

use super::{at, message, tenant, user};
use crate::Store;

/// An action event with a fixed id and time, for the checks.
pub fn action(
    tenant_name: &str,
    user_name: &str,
    id: &str,
    minute: u32,
    verb: Verb,
    item: &str,
) -> Event {
    Event {
        tenant: tenant(tenant_name),
        user: user(user_name),
        id: EventId::new(id).unwrap(),
        time: at(minute),
        session: None,
        body: EventBody::Action(Action {
            verb,
            item: item.into(),
            value: (verb == Verb::Rate).then_some(4.5),
        }),
    }
}

fn item(id: &str, title: &str) -> Item {
    let mut item = Item::new(id, title);
    item.text = "A heist film.".into();
    item.tags = vec!["Crime".into(), "Thriller".into()];
    item.attributes.insert("year".into(), "1995".into());
    item
}

/// Items round-trip with every field; an upsert replaces by id and counts only new ids; tenants
/// do not see each other's catalogs.
pub fn items_round_trip_and_upsert_by_id(store: &dyn Store) {
    let t = tenant("t1");
    let new = store
        .upsert_items(&t, &[item("heat", "Heat"), item("ronin", "Ronin")])
        .unwrap();
    assert_eq!(new, 2);
    let mut renamed = item("heat", "Heat (1995)");
    renamed.tags = vec!["Drama".into()];
    let new = store
        .upsert_items(&t, &[renamed.clone(), item("alien", "Alien")])
        .unwrap();
    assert_eq!(new, 1, "heat was replaced, alien is new");
    let all = store.items(&t).unwrap();
    let ids: Vec<&str> = all.iter().map(|i| i.item_id.as_str()).collect();
    assert_eq!(ids, ["alien", "heat", "ronin"], "ordered by id");
    assert_eq!(store.item(&t, "heat").unwrap(), Some(renamed));
    assert_eq!(
        store.item(&t, "ronin").unwrap(),
        Some(item("ronin", "Ronin"))
    );
    assert_eq!(store.item(&t, "missing").unwrap(), None);
    assert!(store.items(&tenant("t2")).unwrap().is_empty());
    assert_eq!(store.item(&tenant("t2"), "heat").unwrap(), None);
    assert_eq!(store.upsert_items(&t, &[]).unwrap(), 0);
}

/// `actions` returns every user's action events of one tenant, by user then sequence, and
/// nothing else: no messages, no other tenant's actions.
pub fn actions_of_a_tenant_only(store: &dyn Store) {
    store
        .append(&[
            action("t1", "bob", "a1", 1, Verb::Like, "heat"),
            message("t1", "ana", "m1", 2, "I love heist films."),
            action("t1", "ana", "a2", 3, Verb::Rate, "ronin"),
            action("t1", "ana", "a3", 4, Verb::View, "heat"),
            action("t2", "ana", "a4", 5, Verb::Purchase, "alien"),
        ])
        .unwrap();
    let actions = store.actions(&tenant("t1")).unwrap();
    let seen: Vec<(&str, u64, &str)> = actions
        .iter()
        .map(|s| (s.event.user.as_str(), s.seq, s.event.id.as_str()))
        .collect();
    assert_eq!(seen, [("ana", 2, "a2"), ("ana", 3, "a3"), ("bob", 1, "a1")]);
    assert_eq!(
        actions[0].event,
        action("t1", "ana", "a2", 3, Verb::Rate, "ronin")
    );
    assert_eq!(store.actions(&tenant("t2")).unwrap().len(), 1);
    assert!(store.actions(&tenant("t3")).unwrap().is_empty());
}
