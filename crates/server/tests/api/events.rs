use serde_json::json;

use crate::harness::TestServer;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_batch_is_stored_once_and_learned_from() {
    let server = TestServer::start().await;
    let key = server.tenant_key("acme").await;
    let batch = [("e1", "I live in Paris."), ("e2", "Hello there.")];
    let first = server.said(&key, "ana", &batch).await;
    assert_eq!(first.status, 200);
    insta::assert_json_snapshot!("ingested", first.body);
    let again = server.said(&key, "ana", &batch).await;
    assert_eq!(
        again.body,
        json!({"accepted": 0, "duplicates": 2, "users": 0})
    );
    let facts = server.get("/v1/users/ana/facts", &key).await;
    assert_eq!(facts.body["facts"][0]["value"], "Paris");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_batch_with_one_bad_event_stores_nothing() {
    let server = TestServer::start().await;
    let key = server.tenant_key("acme").await;
    let body = json!({"events": [
        {"user": "ana", "id": "ok", "type": "message", "text": "I live in Paris."},
        {"user": "ana", "id": "bad", "type": "message"}
    ]});
    let reply = server.post("/v1/events", &key, body).await;
    assert_eq!(reply.status, 400);
    insta::assert_json_snapshot!("invalid_event", reply.body);
    assert_eq!(server.get("/v1/users/ana", &key).await.status, 404);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn events_take_the_keys_tenant() {
    let server = TestServer::start().await;
    let key = server.tenant_key("acme").await;
    let other = json!({"events": [
        {"tenant": "globex", "user": "ana", "type": "message", "text": "hi"}
    ]});
    let reply = server.post("/v1/events", &key, other).await;
    assert_eq!(reply.status, 400);
    insta::assert_json_snapshot!("other_tenant_event", reply.body);
    let same = json!({"events": [
        {"tenant": "acme", "user": "ana", "type": "message", "text": "hi"}
    ]});
    assert_eq!(server.post("/v1/events", &key, same).await.status, 200);
    let users = server.get("/v1/users", &key).await;
    assert_eq!(users.body["users"][0]["tenant"], "acme");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_batch_must_be_an_events_array() {
    let server = TestServer::start().await;
    let key = server.tenant_key("acme").await;
    let bare = server
        .post("/v1/events", &key, json!([{"user": "ana"}]))
        .await;
    assert_eq!(bare.status, 400);
    insta::assert_json_snapshot!("not_an_events_object", bare.body);
    let extra = server
        .post("/v1/events", &key, json!({"events": [], "more": 1}))
        .await;
    assert_eq!(extra.status, 400);
    let empty = server.post("/v1/events", &key, json!({"events": []})).await;
    assert_eq!(
        empty.body,
        json!({"accepted": 0, "duplicates": 0, "users": 0})
    );
}
