//! The conformance suite: behaviour every [`Store`] backend must have.
//!
//! A backend's tests call [`conformance_tests!`](crate::conformance_tests) with an expression
//! that makes a fresh, empty store; one `#[test]` is generated per check, so a failure names the
//! property that broke.

use chrono::{DateTime, TimeZone, Utc};
use rapport_core::{
    Event, EventBody, EventId, Facet, Fact, Message, Polarity, Role, Sensitivity, Source, TenantId,
    UserId,
};

use crate::{FactUpdate, Store};

mod decisions;
pub use decisions::{
    audit_log_per_tenant, decisions_round_trip, tenant_policies, tenants_and_api_keys,
};
mod items;
pub use items::{action, actions_of_a_tenant_only, items_round_trip_and_upsert_by_id};

/// Generates one test per conformance check for a backend.
///
/// ```text
/// rapport_store::conformance_tests!(my_backend_tests, || MyStore::fresh());
/// ```
#[macro_export]
macro_rules! conformance_tests {
    ($module:ident, $make:expr) => {
        mod $module {
            #[allow(unused_imports)]
            use super::*;
            $crate::conformance_tests!(@each $make;
                append_then_read_back,
                append_reports_the_users_as_stored,
                overlapped_append_shows_the_outcome_once,
                duplicate_ids_are_stored_once,
                sequence_numbers_are_dense_per_user,
                reads_page_by_sequence,
                events_are_found_by_id,
                users_and_tenants_are_isolated,
                listing_users_and_tenants,
                facts_round_trip_and_count_population,
                forget_user_removes_everything,
                a_stale_fact_save_conflicts_and_changes_nothing,
                saving_only_the_changes_equals_a_full_save,
                empty_batch_is_a_no_op,
                decisions_round_trip,
                tenants_and_api_keys,
                tenant_policies,
                audit_log_per_tenant,
                items_round_trip_and_upsert_by_id,
                actions_of_a_tenant_only);
        }
    };
    (@each $make:expr; $($check:ident),*) => {
        $(
            #[test]
            fn $check() {
                let store = ($make)();
                $crate::conformance::$check(&store);
            }
        )*
    };
}

fn tenant(name: &str) -> TenantId {
    TenantId::new(name).unwrap()
}

fn user(name: &str) -> UserId {
    UserId::new(name).unwrap()
}

fn at(minute: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2024, 3, 1, 12, minute, 0).unwrap()
}

/// A message event with a fixed id and time, for the checks.
pub fn message(tenant_name: &str, user_name: &str, id: &str, minute: u32, text: &str) -> Event {
    Event {
        tenant: tenant(tenant_name),
        user: user(user_name),
        id: EventId::new(id).unwrap(),
        time: at(minute),
        session: Some("s1".into()),
        body: EventBody::Message(Message {
            role: Role::User,
            speaker: Some("Ana".into()),
            text: text.into(),
        }),
    }
}

/// A current fact with the given key and value.
pub fn fact(id: u64, key: &str, value: &str) -> Fact {
    Fact {
        id,
        facet: Facet::Identity,
        key: key.into(),
        value: value.into(),
        polarity: Polarity::Positive,
        strength: 1.0,
        confidence: 0.9,
        source: Source::Stated,
        sensitivity: Sensitivity::None,
        statement: format!("My {key} is {value}."),
        description: format!("{key}: {value}"),
        evidence: vec![EventId::new("e1").unwrap()],
        valid_from: at(0),
        valid_to: None,
        superseded_by: None,
        ended_by: None,
        change_reason: None,
        pinned: false,
        last_seen: at(0),
    }
}

fn save(store: &dyn Store, tenant_name: &str, user_name: &str, facts: &[Fact], learned_seq: u64) {
    let (tenant, user) = (tenant(tenant_name), user(user_name));
    let expected_revision = store.user(&tenant, &user).unwrap().unwrap().facts_revision;
    let update = FactUpdate {
        tenant: &tenant,
        user: &user,
        facts: Some(facts),
        previous: None,
        changed: None,
        learned_seq,
        expected_revision,
    };
    store.save_facts(&[update]).unwrap();
}

/// Applies `versions` of one set of facts in turn to three users: `full` saved whole each
/// time, `delta` naming the previous version (so the store writes only the changes), `told`
/// naming it and which facts changed, when the versions line up. All must then read back the
/// same facts, and the population counts must be those of the last version held by all.
pub fn apply_versions_both_ways(store: &dyn Store, versions: &[Vec<Fact>]) {
    let t = tenant("t");
    store
        .append(&[
            message("t", "full", "e1", 1, "x"),
            message("t", "delta", "e1", 1, "x"),
            message("t", "told", "e1", 1, "x"),
        ])
        .unwrap();
    let mut previous: Vec<Fact> = Vec::new();
    for (step, facts) in versions.iter().enumerate() {
        let changed = changed_positions(&previous, facts);
        for (name, previous, changed) in [
            ("full", None, None),
            ("delta", Some(previous.as_slice()), None),
            ("told", Some(previous.as_slice()), changed.as_deref()),
        ] {
            let u = user(name);
            let expected_revision = store.user(&t, &u).unwrap().unwrap().facts_revision;
            let update = FactUpdate {
                tenant: &t,
                user: &u,
                facts: Some(facts),
                previous,
                changed,
                learned_seq: 1,
                expected_revision,
            };
            store.save_facts(&[update]).unwrap();
        }
        let full = store.facts(&t, &user("full")).unwrap();
        for name in ["delta", "told"] {
            assert_eq!(
                store.facts(&t, &user(name)).unwrap(),
                full,
                "{name}, step {step}"
            );
        }
        let mut sorted = facts.clone();
        sorted.sort_by_key(|f| f.id);
        assert_eq!(full, sorted, "step {step}");
        previous = facts.clone();
    }
    let population = store.population(&t).unwrap();
    let mut expected = std::collections::HashMap::new();
    for f in previous.iter().filter(|f| f.is_current()) {
        expected.insert((f.key.clone(), f.value.to_lowercase()), 3);
    }
    assert_eq!(population.holders, expected);
}

/// The positions of `facts` that differ from `previous`, when `facts` starts with the same
/// ids in the same order ([`FactUpdate::changed`]).
fn changed_positions(previous: &[Fact], facts: &[Fact]) -> Option<Vec<usize>> {
    let lines_up = previous.len() <= facts.len()
        && previous.iter().zip(facts).all(|(p, f)| p.id == f.id)
        && facts
            .iter()
            .all(|f| facts.iter().filter(|g| g.id == f.id).count() == 1);
    lines_up.then(|| {
        (0..facts.len())
            .filter(|&i| previous.get(i) != Some(&facts[i]))
            .collect()
    })
}

/// Saving only the changes (with `previous`) ends where saving everything does.
pub fn saving_only_the_changes_equals_a_full_save(store: &dyn Store) {
    let mut ended = fact(2, "likes:tea", "tea");
    ended.valid_to = Some(at(5));
    let versions = vec![
        vec![
            fact(1, "location.city", "Lyon"),
            fact(2, "likes:tea", "tea"),
        ],
        vec![
            fact(1, "location.city", "Lyon"),
            ended,
            fact(3, "likes:jazz", "Jazz"),
        ],
        vec![fact(3, "likes:jazz", "jazz"), fact(4, "pet.dog", "Rex")],
        vec![],
    ];
    apply_versions_both_ways(store, &versions);
}

/// Appended events read back equal, with their sequence numbers.
pub fn append_then_read_back(store: &dyn Store) {
    let events = vec![
        message("t", "ana", "e1", 1, "I have a dog."),
        message("t", "ana", "e2", 2, "Hi"),
    ];
    let outcome = store.append(&events).unwrap();
    assert_eq!(outcome.duplicates, 0);
    let read = store.events(&tenant("t"), &user("ana"), 0, 10).unwrap();
    assert_eq!(read.len(), 2);
    assert_eq!(read[0].event, events[0]);
    assert_eq!(read[1].event, events[1]);
    assert_eq!((read[0].seq, read[1].seq), (1, 2));
    assert_eq!(outcome.stored, read);
}

/// The same id for the same tenant and user is stored once, within and across batches.
pub fn duplicate_ids_are_stored_once(store: &dyn Store) {
    let first = message("t", "ana", "e1", 1, "first");
    let again = message("t", "ana", "e1", 5, "a different text with the same id");
    let outcome = store.append(&[first.clone(), again.clone()]).unwrap();
    assert_eq!((outcome.stored.len(), outcome.duplicates), (1, 1));
    let outcome = store
        .append(&[again, message("t", "ana", "e2", 2, "new")])
        .unwrap();
    assert_eq!((outcome.stored.len(), outcome.duplicates), (1, 1));
    let read = store.events(&tenant("t"), &user("ana"), 0, 10).unwrap();
    assert_eq!(read.len(), 2);
    assert_eq!(read[0].event.text(), Some("first"));
    assert_eq!(
        store
            .user(&tenant("t"), &user("ana"))
            .unwrap()
            .unwrap()
            .events,
        2
    );
    // The same id under another user or tenant is a different event.
    let outcome = store
        .append(&[
            message("t", "bob", "e1", 1, "bob's"),
            message("u", "ana", "e1", 1, "other tenant"),
        ])
        .unwrap();
    assert_eq!((outcome.stored.len(), outcome.duplicates), (2, 0));
}

/// Sequence numbers start at 1 and increase by one per stored event of each user.
pub fn sequence_numbers_are_dense_per_user(store: &dyn Store) {
    let batch: Vec<Event> = (0..6)
        .map(|i| {
            let who = if i % 2 == 0 { "ana" } else { "bob" };
            message("t", who, &format!("e{i}"), i, "text")
        })
        .collect();
    store.append(&batch).unwrap();
    store
        .append(&[message("t", "ana", "late", 0, "earlier time, later append")])
        .unwrap();
    let seqs: Vec<u64> = store
        .events(&tenant("t"), &user("ana"), 0, 100)
        .unwrap()
        .iter()
        .map(|e| e.seq)
        .collect();
    assert_eq!(seqs, vec![1, 2, 3, 4]);
    let summary = store.user(&tenant("t"), &user("ana")).unwrap().unwrap();
    assert_eq!((summary.events, summary.last_seq), (4, 4));
    assert_eq!(summary.first_time, at(0));
    assert_eq!(summary.last_time, at(4));
}

/// `after_seq` and `limit` page through a log.
pub fn reads_page_by_sequence(store: &dyn Store) {
    let batch: Vec<Event> = (0..10)
        .map(|i| message("t", "ana", &format!("e{i}"), i, "text"))
        .collect();
    store.append(&batch).unwrap();
    let page = store.events(&tenant("t"), &user("ana"), 3, 4).unwrap();
    assert_eq!(
        page.iter().map(|e| e.seq).collect::<Vec<_>>(),
        vec![4, 5, 6, 7]
    );
    assert!(
        store
            .events(&tenant("t"), &user("ana"), 10, 4)
            .unwrap()
            .is_empty()
    );
}

/// Events are found by id, in log order, only in the user's own log.
pub fn events_are_found_by_id(store: &dyn Store) {
    let batch: Vec<Event> = (0..6)
        .map(|i| message("t", "ana", &format!("e{i}"), i, "text"))
        .chain([message("t", "bob", "e9", 1, "bob's")])
        .collect();
    store.append(&batch).unwrap();
    let ids = |names: &[&str]| -> Vec<EventId> {
        names.iter().map(|n| EventId::new(*n).unwrap()).collect()
    };
    let found = store
        .events_by_id(
            &tenant("t"),
            &user("ana"),
            &ids(&["e4", "e1", "e9", "nope", "e4"]),
        )
        .unwrap();
    let found: Vec<(u64, &str)> = found.iter().map(|e| (e.seq, e.event.id.as_str())).collect();
    assert_eq!(found, [(2, "e1"), (5, "e4")]);
    let bob = store
        .events_by_id(&tenant("t"), &user("bob"), &ids(&["e9"]))
        .unwrap();
    assert_eq!(bob.len(), 1);
    assert_eq!(bob[0].event, batch[6]);
    assert!(
        store
            .events_by_id(&tenant("u"), &user("bob"), &ids(&["e9"]))
            .unwrap()
            .is_empty()
    );
    assert!(
        store
            .events_by_id(&tenant("t"), &user("ana"), &[])
            .unwrap()
            .is_empty()
    );
}

/// No read returns another user's or another tenant's events or facts.
pub fn users_and_tenants_are_isolated(store: &dyn Store) {
    store
        .append(&[
            message("t", "ana", "e1", 1, "ana in t"),
            message("t", "bob", "e1", 1, "bob in t"),
            message("u", "ana", "e1", 1, "ana in u"),
        ])
        .unwrap();
    save(store, "t", "ana", &[fact(1, "location.city", "Denver")], 1);
    let texts = |t: &str, u: &str| -> Vec<String> {
        store
            .events(&tenant(t), &user(u), 0, 10)
            .unwrap()
            .into_iter()
            .map(|e| e.event.text().unwrap().to_string())
            .collect()
    };
    assert_eq!(texts("t", "ana"), vec!["ana in t"]);
    assert_eq!(texts("t", "bob"), vec!["bob in t"]);
    assert_eq!(texts("u", "ana"), vec!["ana in u"]);
    assert!(store.facts(&tenant("u"), &user("ana")).unwrap().is_empty());
    assert!(store.facts(&tenant("t"), &user("bob")).unwrap().is_empty());
    assert!(store.population(&tenant("u")).unwrap().holders.is_empty());
}

/// Users are listed per tenant in id order; tenants are listed once.
pub fn listing_users_and_tenants(store: &dyn Store) {
    store
        .append(&[
            message("t", "zoe", "e1", 1, "x"),
            message("t", "ana", "e1", 1, "x"),
            message("u", "max", "e1", 1, "x"),
        ])
        .unwrap();
    let names: Vec<String> = store
        .users(&tenant("t"))
        .unwrap()
        .into_iter()
        .map(|u| u.user.to_string())
        .collect();
    assert_eq!(names, vec!["ana", "zoe"]);
    assert_eq!(store.tenants().unwrap(), vec![tenant("t"), tenant("u")]);
    assert!(store.user(&tenant("t"), &user("max")).unwrap().is_none());
}

/// Saved facts read back equal; population counts follow current facts only.
pub fn facts_round_trip_and_count_population(store: &dyn Store) {
    store
        .append(&[
            message("t", "ana", "e1", 1, "x"),
            message("t", "bob", "e1", 1, "x"),
        ])
        .unwrap();
    let mut old = fact(1, "location.city", "Ohio");
    old.valid_to = Some(at(3));
    old.superseded_by = Some(2);
    let ana = vec![
        old,
        fact(2, "location.city", "Denver"),
        fact(3, "pet.dog", "Rex"),
    ];
    save(store, "t", "ana", &ana, 1);
    save(store, "t", "bob", &[fact(1, "location.city", "Denver")], 1);
    assert_eq!(store.facts(&tenant("t"), &user("ana")).unwrap(), ana);
    assert_eq!(
        store
            .user(&tenant("t"), &user("ana"))
            .unwrap()
            .unwrap()
            .learned_seq,
        1
    );
    let population = store.population(&tenant("t")).unwrap();
    assert_eq!(population.users, 2);
    let holders = |k: &str, v: &str| population.holders.get(&(k.into(), v.into())).copied();
    assert_eq!(holders("location.city", "denver"), Some(2));
    assert_eq!(holders("location.city", "ohio"), None);
    assert_eq!(holders("pet.dog", "rex"), Some(1));
    // Saving again replaces, and counts move with it.
    save(store, "t", "bob", &[fact(1, "location.city", "Ohio")], 1);
    let population = store.population(&tenant("t")).unwrap();
    assert_eq!(
        population
            .holders
            .get(&("location.city".into(), "denver".into())),
        Some(&1)
    );
    assert_eq!(
        population
            .holders
            .get(&("location.city".into(), "ohio".into())),
        Some(&1)
    );
}

/// Forgetting a user removes their events, facts and counts, and nobody else's.
pub fn forget_user_removes_everything(store: &dyn Store) {
    store
        .append(&[
            message("t", "ana", "e1", 1, "secret"),
            message("t", "bob", "e1", 1, "bob"),
        ])
        .unwrap();
    save(store, "t", "ana", &[fact(1, "pet.dog", "Rex")], 1);
    assert!(store.forget_user(&tenant("t"), &user("ana"), None).unwrap());
    assert!(!store.forget_user(&tenant("t"), &user("ana"), None).unwrap());
    assert!(
        store
            .events(&tenant("t"), &user("ana"), 0, 10)
            .unwrap()
            .is_empty()
    );
    assert!(store.facts(&tenant("t"), &user("ana")).unwrap().is_empty());
    assert!(store.user(&tenant("t"), &user("ana")).unwrap().is_none());
    assert!(store.population(&tenant("t")).unwrap().holders.is_empty());
    assert_eq!(
        store
            .events(&tenant("t"), &user("bob"), 0, 10)
            .unwrap()
            .len(),
        1
    );
    // The same id can be appended again after forgetting: it is a new event now.
    let outcome = store
        .append(&[message("t", "ana", "e1", 1, "again")])
        .unwrap();
    assert_eq!(outcome.stored[0].seq, 1);
}

/// A save based on facts read before another writer saved is refused as a whole: neither its
/// facts nor its `learned_seq` land, and the other users of the batch are not saved either.
/// Each save moves the user's `facts_revision` by one.
pub fn a_stale_fact_save_conflicts_and_changes_nothing(store: &dyn Store) {
    store
        .append(&[
            message("t", "ana", "e1", 1, "x"),
            message("t", "ana", "e2", 2, "y"),
            message("t", "bob", "e1", 1, "z"),
        ])
        .unwrap();
    let (t, ana, bob) = (tenant("t"), user("ana"), user("bob"));
    // Writer A reads at revision 0, writer B saves first.
    save(store, "t", "ana", &[fact(1, "pet.dog", "Rex")], 2);
    let stale = [
        FactUpdate {
            tenant: &t,
            user: &bob,
            facts: Some(&[fact(1, "pet.cat", "Tom")]),
            previous: None,
            changed: None,
            learned_seq: 1,
            expected_revision: 0,
        },
        FactUpdate {
            tenant: &t,
            user: &ana,
            facts: Some(&[fact(1, "pet.dog", "Max")]),
            previous: None,
            changed: None,
            learned_seq: 1,
            expected_revision: 0,
        },
    ];
    let err = store.save_facts(&stale).unwrap_err();
    assert!(err.is_conflict(), "{err}");
    assert_eq!(store.facts(&t, &ana).unwrap()[0].value, "Rex");
    assert_eq!(store.user(&t, &ana).unwrap().unwrap().learned_seq, 2);
    assert_eq!(store.user(&t, &ana).unwrap().unwrap().facts_revision, 1);
    assert!(store.facts(&t, &bob).unwrap().is_empty());
    assert_eq!(store.user(&t, &bob).unwrap().unwrap().learned_seq, 0);
}

/// An append reports the summaries of the users it stored events for, as the store then holds
/// them, ordered by tenant and user; users whose events were all duplicates are left out.
pub fn append_reports_the_users_as_stored(store: &dyn Store) {
    let as_stored = |outcome: &crate::AppendOutcome| -> Vec<crate::UserSummary> {
        outcome
            .users
            .iter()
            .map(|u| store.user(&u.tenant, &u.user).unwrap().unwrap())
            .collect()
    };
    let outcome = store
        .append(&[
            message("u", "ana", "e1", 3, "x"),
            message("t", "bob", "e1", 2, "x"),
            message("t", "ana", "e1", 4, "x"),
            message("t", "ana", "e2", 1, "x"),
        ])
        .unwrap();
    let names: Vec<(&str, &str)> = outcome
        .users
        .iter()
        .map(|u| (u.tenant.as_str(), u.user.as_str()))
        .collect();
    assert_eq!(names, [("t", "ana"), ("t", "bob"), ("u", "ana")]);
    assert_eq!(outcome.users, as_stored(&outcome));
    save(store, "t", "ana", &[fact(1, "pet.dog", "Rex")], 2);
    let outcome = store
        .append(&[
            message("t", "bob", "e1", 2, "again"),
            message("t", "ana", "e1", 4, "again"),
            message("t", "ana", "e3", 9, "x"),
        ])
        .unwrap();
    assert_eq!(outcome.users, as_stored(&outcome));
    assert_eq!(outcome.users.len(), 1);
    let ana = &outcome.users[0];
    assert_eq!(
        (
            ana.events,
            ana.last_seq,
            ana.learned_seq,
            ana.facts_revision
        ),
        (3, 3, 2, 1)
    );
    assert_eq!((ana.first_time, ana.last_time), (at(1), at(9)));
}

/// [`Store::append_overlapped`] gives `meanwhile` the outcome it returns, once, and not at all
/// when nothing is new; the events are stored when it returns.
pub fn overlapped_append_shows_the_outcome_once(store: &dyn Store) {
    let batch = [
        message("t", "ana", "e1", 1, "x"),
        message("t", "bob", "e1", 2, "y"),
    ];
    let mut seen = Vec::new();
    let outcome = store
        .append_overlapped(&batch, &mut |outcome| {
            seen.push((outcome.stored.clone(), outcome.users.clone()));
        })
        .unwrap();
    assert_eq!(seen, [(outcome.stored.clone(), outcome.users.clone())]);
    assert_eq!(
        store.events(&tenant("t"), &user("bob"), 0, 10).unwrap(),
        outcome.stored[1..]
    );
    let again = store
        .append_overlapped(&batch, &mut |_| panic!("nothing new to show"))
        .unwrap();
    assert_eq!((again.stored.len(), again.duplicates), (0, 2));
}

/// An empty batch stores nothing and fails nothing.
pub fn empty_batch_is_a_no_op(store: &dyn Store) {
    let outcome = store.append(&[]).unwrap();
    assert!(outcome.stored.is_empty());
    assert!(store.tenants().unwrap().is_empty());
}

/// For tests against a real PostgreSQL server: the URL of `RAPPORT_TEST_DATABASE_URL`'s
/// database whose connections use a new, empty schema named `{prefix}_{pid}_{n}`, so tests can
/// run side by side. Panics with a hint when the variable is not set.
#[cfg(feature = "postgres")]
pub fn fresh_postgres_schema_url(prefix: &str) -> String {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let url = std::env::var("RAPPORT_TEST_DATABASE_URL").expect(
        "RAPPORT_TEST_DATABASE_URL is not set: run scripts/test, which starts PostgreSQL and sets it",
    );
    let schema = format!(
        "{prefix}_{}_{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    );
    let mut admin = postgres::Client::connect(&url, postgres::NoTls).expect("connect");
    admin
        .batch_execute(&format!("CREATE SCHEMA {schema}"))
        .expect("create a schema");
    let separator = if url.contains('?') { '&' } else { '?' };
    format!("{url}{separator}options=-csearch_path%3D{schema}")
}
