//! MCP over streamable HTTP: a JSON-RPC session on `POST /v1/mcp`, scoped to the key's tenant.

use serde_json::json;

use crate::harness::TestServer;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_json_rpc_session_over_http_is_scoped_to_the_tenant() {
    let server = TestServer::start().await;
    let acme = server.tenant_key("acme").await;
    let other = server.tenant_key("other").await;
    let rpc = |id: u64, method: &str, params: serde_json::Value| json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params});
    let init = server
        .post(
            "/v1/mcp",
            &acme,
            rpc(1, "initialize", json!({"protocolVersion": "2025-06-18"})),
        )
        .await;
    assert_eq!(init.status, 200);
    assert_eq!(init.body["result"]["protocolVersion"], "2025-06-18");
    let note = server
        .post(
            "/v1/mcp",
            &acme,
            json!({"jsonrpc": "2.0", "method": "notifications/initialized"}),
        )
        .await;
    assert_eq!(note.status, 202);
    let listed = server
        .post("/v1/mcp", &acme, rpc(2, "tools/list", json!({})))
        .await;
    assert_eq!(listed.body["result"]["tools"].as_array().unwrap().len(), 4);

    let remember = rpc(
        3,
        "tools/call",
        json!({"name": "remember", "arguments": {"user": "ana", "text": "My cat Miso is grey."}}),
    );
    let stored = server.post("/v1/mcp", &acme, remember).await;
    assert_eq!(stored.body["result"]["isError"], false, "{:?}", stored.body);
    let recall = rpc(
        4,
        "tools/call",
        json!({"name": "recall", "arguments": {"user": "ana", "query": "my cat"}}),
    );
    let found = server.post("/v1/mcp", &acme, recall.clone()).await;
    let block = found.body["result"]["content"][0]["text"].as_str().unwrap();
    assert!(block.contains("Miso"), "{block}");
    // The REST API sees what MCP stored, for the same tenant only.
    assert_eq!(server.get("/v1/users/ana", &acme).await.status, 200);
    assert_eq!(server.get("/v1/users/ana", &other).await.status, 404);
    let elsewhere = server.post("/v1/mcp", &other, recall).await;
    assert_eq!(elsewhere.body["result"]["isError"], true);

    let unauthenticated = server
        .call(
            "POST",
            "/v1/mcp",
            None,
            Some(rpc(5, "tools/list", json!({}))),
        )
        .await;
    assert_eq!(unauthenticated.status, 401);
    let garbage = server
        .raw("POST", "/v1/mcp", Some(&acme), b"{nope".to_vec())
        .await;
    assert_eq!(garbage.body["error"]["code"], -32700);
}
