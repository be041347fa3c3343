//! Operational routes and the OpenAPI document.

use rapport_server::openapi::{OPERATIONS, document};

use crate::harness::TestServer;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn health_ready_and_metrics() {
    let server = TestServer::start().await;
    let health = server.call("GET", "/health", None, None).await;
    assert_eq!(
        (health.status, health.body.to_string()),
        (200, r#"{"status":"ok"}"#.into())
    );
    let ready = server.call("GET", "/ready", None, None).await;
    assert_eq!(ready.status, 200);
    let key = server.tenant_key("acme").await;
    server
        .said(&key, "ana", &[("e1", "I live in Paris.")])
        .await;
    server
        .post(
            "/v1/users/ana/context",
            &key,
            serde_json::json!({"query": "where"}),
        )
        .await;
    let metrics = server.call("GET", "/metrics", None, None).await;
    let text = metrics.body.as_str().unwrap();
    for expected in [
        r#"rapport_http_requests_total{method="POST",route="/v1/events",status="200"} 1"#,
        r#"rapport_http_request_duration_seconds_count{route="/v1/users/{user}/context"} 1"#,
        "rapport_events_accepted_total 1",
        // The ingest indexed the new user's turns: the context request found them cached.
        "rapport_index_cache_hits_total 1",
        "rapport_index_cache_misses_total 0",
    ] {
        assert!(text.contains(expected), "missing `{expected}` in\n{text}");
    }
}

#[test]
fn the_openapi_document_is_stable() {
    insta::assert_json_snapshot!("openapi", document());
}

/// Every documented operation is routed: it never answers `not_found` or `method_not_allowed`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_documented_operation_is_routed() {
    let server = TestServer::start().await;
    let served = server.call("GET", "/openapi.json", None, None).await;
    assert_eq!(served.body, document());
    for op in OPERATIONS {
        let path = op
            .path
            .replace("{user}", "ana")
            .replace("{id}", "1")
            .replace("{tenant}", "acme")
            .replace("{key_id}", "key_x");
        let reply = server
            .call(&op.method.to_uppercase(), &path, None, None)
            .await;
        let code = reply.body["error"]["code"].as_str().unwrap_or("");
        assert!(
            !matches!(code, "not_found" | "method_not_allowed"),
            "{} {path} is documented but not routed: {reply:?}",
            op.method
        );
    }
}
