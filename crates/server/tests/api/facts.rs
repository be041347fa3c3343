use serde_json::json;

use crate::harness::{TestServer, redact};

async fn paris(server: &TestServer) -> String {
    let key = server.tenant_key("acme").await;
    server
        .said(&key, "ana", &[("e1", "I live in Paris.")])
        .await;
    key
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn editing_a_fact_keeps_history_and_wins_over_extraction() {
    let server = TestServer::start().await;
    let key = paris(&server).await;
    let edited = server
        .call(
            "PATCH",
            "/v1/users/ana/facts/1",
            Some(&key),
            Some(json!({"value": "Lyon"})),
        )
        .await;
    assert_eq!(edited.status, 200);
    insta::assert_json_snapshot!("edited_fact", redact(edited.body));
    let history = server.get("/v1/users/ana/facts?history=true", &key).await;
    insta::assert_json_snapshot!("facts_with_history", redact(history.body));
    let ended = server
        .call(
            "PATCH",
            "/v1/users/ana/facts/1",
            Some(&key),
            Some(json!({"pinned": true})),
        )
        .await;
    assert_eq!(ended.status, 409);
    insta::assert_json_snapshot!("fact_ended", ended.body);
    server
        .said(
            &key,
            "ana",
            &[("e1", "I live in Paris."), ("e2", "I live in Paris.")],
        )
        .await;
    server.engine.reindex(|_, _| {}).unwrap();
    let current = server.get("/v1/users/ana/facts", &key).await;
    let values: Vec<_> = current.body["facts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["value"].clone(), f["source"].clone()))
        .collect();
    assert_eq!(values, vec![(json!("Lyon"), json!("edited"))]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pinning_and_empty_changes() {
    let server = TestServer::start().await;
    let key = paris(&server).await;
    let pinned = server
        .call(
            "PATCH",
            "/v1/users/ana/facts/1",
            Some(&key),
            Some(json!({"pinned": true})),
        )
        .await;
    assert_eq!((pinned.status, &pinned.body["pinned"]), (200, &json!(true)));
    let empty = server
        .call(
            "PATCH",
            "/v1/users/ana/facts/1",
            Some(&key),
            Some(json!({})),
        )
        .await;
    assert_eq!(empty.status, 400);
    insta::assert_json_snapshot!("empty_change", empty.body);
    let unknown = server
        .call(
            "PATCH",
            "/v1/users/ana/facts/99",
            Some(&key),
            Some(json!({"pinned": false})),
        )
        .await;
    assert_eq!(unknown.status, 404);
    insta::assert_json_snapshot!("unknown_fact", unknown.body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_deleted_fact_does_not_come_back_after_reingest() {
    let server = TestServer::start().await;
    let key = paris(&server).await;
    let deleted = server
        .call("DELETE", "/v1/users/ana/facts/1", Some(&key), None)
        .await;
    assert_eq!(deleted.status, 204);
    server
        .said(&key, "ana", &[("e9", "I live in Paris.")])
        .await;
    let facts = server.get("/v1/users/ana/facts?history=true", &key).await;
    assert_eq!(facts.body, json!({"facts": []}));
    server.engine.reindex(|_, _| {}).unwrap();
    let facts = server.get("/v1/users/ana/facts?history=true", &key).await;
    assert_eq!(facts.body, json!({"facts": []}));
    let again = server
        .call("DELETE", "/v1/users/ana/facts/1", Some(&key), None)
        .await;
    assert_eq!(again.status, 404);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forbidding_a_category_purges_it() {
    let server = TestServer::start().await;
    let key = paris(&server).await;
    let forbidden = server
        .post(
            "/v1/users/ana/forbidden",
            &key,
            json!({"category": "identity"}),
        )
        .await;
    assert_eq!(forbidden.status, 200);
    insta::assert_json_snapshot!("forbidden", forbidden.body);
    server.said(&key, "ana", &[("e2", "I live in Rome.")]).await;
    let facts = server.get("/v1/users/ana/facts?history=true", &key).await;
    assert_eq!(facts.body, json!({"facts": []}));
    let bad = server
        .post(
            "/v1/users/ana/forbidden",
            &key,
            json!({"category": "weather"}),
        )
        .await;
    assert_eq!(bad.status, 400);
    insta::assert_json_snapshot!("bad_category", bad.body);
}
