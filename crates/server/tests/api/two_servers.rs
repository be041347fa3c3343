//! Two `rapport serve` processes on one PostgreSQL database (issue #6): ingest through both,
//! read the same profiles and contexts from each. Each server has its own engine, connections
//! and caches, as separate processes would. Needs `RAPPORT_TEST_DATABASE_URL` (scripts/test
//! starts PostgreSQL and sets it); the test works in a schema of its own.

use std::sync::Arc;

use rapport_server::ServerConfig;
use rapport_store::PostgresStore;
use serde_json::json;

use crate::harness::TestServer;

fn fresh_schema_url() -> String {
    rapport_store::conformance::fresh_postgres_schema_url("srv")
}

async fn server_on(url: String) -> TestServer {
    let store = tokio::task::spawn_blocking(move || PostgresStore::connect(&url).unwrap())
        .await
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    TestServer::start_on(Arc::new(store), dir, ServerConfig::default()).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_servers_on_one_database_serve_the_same_profiles() {
    let url = tokio::task::spawn_blocking(fresh_schema_url).await.unwrap();
    let (a, b) = (server_on(url.clone()).await, server_on(url).await);
    // A key made through one server works on the other: keys live in the database.
    let key = a.tenant_key("acme").await;
    let cities = ["Ohio", "Denver", "Lisbon", "Porto", "Austin", "Kyoto"];
    for (i, city) in cities.iter().enumerate() {
        let server = if i % 2 == 0 { &a } else { &b };
        let event = json!({"events": [{"user": "ana", "id": format!("e{i}"), "type": "message",
            "text": format!("I live in {city}."), "time": format!("2024-03-{:02}T09:00:00Z", i + 1)}]});
        assert_eq!(server.post("/v1/events", &key, event).await.status, 200);
        // Both servers answer with the latest city at once: no stale cache on either side.
        for reader in [&a, &b] {
            let context = reader
                .post(
                    "/v1/users/ana/context",
                    &key,
                    json!({"query": "Where do I live?"}),
                )
                .await;
            let facts: Vec<&str> = context.body["facts"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| f["text"].as_str().unwrap())
                .collect();
            assert_eq!(facts, [format!("Lives in {city}.")], "{:?}", context.body);
        }
    }
    let from_a = a.get("/v1/users/ana/profile", &key).await;
    let from_b = b.get("/v1/users/ana/profile", &key).await;
    assert_eq!(from_a.status, 200);
    assert_eq!(from_a.body, from_b.body);
    assert_eq!(
        from_a.body["past"].as_array().unwrap().len(),
        cities.len() - 1
    );

    // An edit through one server is what the other serves next.
    let id = from_a.body["facts"][0]["id"].as_u64().unwrap();
    let edited = b
        .call(
            "PATCH",
            &format!("/v1/users/ana/facts/{id}"),
            Some(&key),
            Some(json!({"value": "Nara"})),
        )
        .await;
    assert_eq!(edited.status, 200, "{:?}", edited.body);
    let context = a
        .post(
            "/v1/users/ana/context",
            &key,
            json!({"query": "Where do I live?"}),
        )
        .await;
    assert_eq!(context.body["facts"][0]["text"], "Lives in Nara.");
}
