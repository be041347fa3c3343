use rapport_server::ServerConfig;
use serde_json::json;

use crate::harness::TestServer;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn malformed_json_is_a_400_envelope() {
    let server = TestServer::start().await;
    let key = server.tenant_key("acme").await;
    let reply = server
        .raw("POST", "/v1/events", Some(&key), b"{\"events\": [".to_vec())
        .await;
    assert_eq!(reply.status, 400);
    insta::assert_json_snapshot!("malformed_json", reply.body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_oversized_body_is_a_413_envelope() {
    let config = ServerConfig {
        max_body_bytes: 1024,
        ..ServerConfig::default()
    };
    let server = TestServer::start_with(config).await;
    let key = server.tenant_key("acme").await;
    let text = "x".repeat(4096);
    let body = json!({"events": [{"user": "ana", "type": "message", "text": text}]});
    let reply = server.post("/v1/events", &key, body).await;
    assert_eq!(reply.status, 413);
    insta::assert_json_snapshot!("payload_too_large", reply.body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_routes_and_methods_use_the_envelope() {
    let server = TestServer::start().await;
    let key = server.tenant_key("acme").await;
    let missing = server.get("/v1/nothing", &key).await;
    assert_eq!(missing.status, 404);
    insta::assert_json_snapshot!("no_route", missing.body);
    let method = server.call("PUT", "/v1/users", Some(&key), None).await;
    assert_eq!(method.status, 405);
    insta::assert_json_snapshot!("method_not_allowed", method.body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_ids_and_parameters_are_400() {
    let server = TestServer::start().await;
    let key = server.tenant_key("acme").await;
    server
        .said(&key, "ana", &[("e1", "I live in Paris.")])
        .await;
    let fact = server
        .call("DELETE", "/v1/users/ana/facts/abc", Some(&key), None)
        .await;
    assert_eq!(fact.status, 400);
    insta::assert_json_snapshot!("bad_fact_id", fact.body);
    let user = server.get("/v1/users/%20ana", &key).await;
    assert_eq!(user.status, 400);
    insta::assert_json_snapshot!("bad_user_id", user.body);
    let limit = server.get("/v1/users/ana/events?limit=0", &key).await;
    assert_eq!(limit.status, 400);
    let typed = server.get("/v1/users/ana/events?after=soon", &key).await;
    assert_eq!(typed.status, 400);
    insta::assert_json_snapshot!("bad_query", typed.body);
    let budget = server
        .post(
            "/v1/users/ana/context",
            &key,
            json!({"query": "x", "budget": 0}),
        )
        .await;
    assert_eq!(budget.status, 400);
    let wrong_type = server
        .post("/v1/users/ana/context", &key, json!({"query": 5}))
        .await;
    assert_eq!(wrong_type.status, 400);
    insta::assert_json_snapshot!("wrong_type", wrong_type.body);
}
