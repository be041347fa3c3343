//! Keys limited to one user (an end user's own dashboard): they open that user's own routes
//! and nothing else; anything beyond is `403 forbidden` with the error envelope.

use serde_json::{Value, json};

use crate::harness::{ADMIN, TestServer, redact};

/// A tenant `acme` with users ana (Paris) and bob (Oslo); returns (tenant key, ana's key).
async fn ana_and_bob(server: &TestServer) -> (String, String) {
    let key = server.tenant_key("acme").await;
    server
        .said(&key, "ana", &[("e1", "I live in Paris.")])
        .await;
    server.said(&key, "bob", &[("b1", "I live in Oslo.")]).await;
    let minted = server
        .post("/v1/admin/tenants/acme/keys", ADMIN, json!({"user": "ana"}))
        .await;
    assert_eq!(minted.status, 201, "{minted:?}");
    insta::assert_json_snapshot!("user_key_created", redact(minted.body.clone()));
    (key, minted.body["key"].as_str().unwrap().to_string())
}

fn assert_forbidden(method: &str, path: &str, reply: &crate::harness::Reply) {
    assert_eq!(reply.status, 403, "{method} {path}: {reply:?}");
    assert_eq!(reply.body["error"]["code"], "forbidden", "{method} {path}");
    assert!(!reply.body.to_string().contains("Oslo"), "{method} {path}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_user_key_opens_its_own_users_routes() {
    let server = TestServer::start().await;
    let (_, ana) = ana_and_bob(&server).await;
    let me = server.get("/v1/me", &ana).await;
    insta::assert_json_snapshot!("me_user_key", me.body);
    assert_eq!(server.get("/v1/users/ana", &ana).await.status, 200);
    for path in [
        "/v1/users/ana/profile",
        "/v1/users/ana/facts?history=true",
        "/v1/users/ana/events",
        "/v1/users/ana/export",
    ] {
        let reply = server.get(path, &ana).await;
        assert_eq!(reply.status, 200, "{path}: {reply:?}");
        assert!(reply.body.to_string().contains("Paris"), "{path}");
    }
    let evidence = server
        .post("/v1/users/ana/events/lookup", &ana, json!({"ids": ["e1"]}))
        .await;
    assert_eq!(evidence.status, 200, "{evidence:?}");
    assert!(evidence.body.to_string().contains("Paris"));
    assert_eq!(
        server.get("/v1/users/ana/forbidden", &ana).await.status,
        200
    );
    assert_eq!(server.get("/v1/audit?user=ana", &ana).await.status, 200);
    let edited = server
        .call(
            "PATCH",
            "/v1/users/ana/facts/1",
            Some(&ana),
            Some(json!({"value": "Lyon"})),
        )
        .await;
    assert_eq!(
        (edited.status, &edited.body["value"]),
        (200, &json!("Lyon"))
    );
    let deleted = server
        .call("DELETE", "/v1/users/ana/facts/2", Some(&ana), None)
        .await;
    assert_eq!(deleted.status, 204);
    let forbidden = server
        .post(
            "/v1/users/ana/forbidden",
            &ana,
            json!({"category": "health"}),
        )
        .await;
    assert_eq!(forbidden.status, 200);
    let forgot = server
        .call("DELETE", "/v1/users/ana", Some(&ana), None)
        .await;
    assert_eq!(forgot.status, 204);
    assert_eq!(server.get("/v1/users/ana", &ana).await.status, 404);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_user_key_never_reaches_another_user_or_tenant_routes() {
    let server = TestServer::start().await;
    let (tenant_key, ana) = ana_and_bob(&server).await;
    let other_user: [(&str, &str, Option<Value>); 13] = [
        ("GET", "/v1/users/bob/forbidden", None),
        (
            "POST",
            "/v1/users/bob/events/lookup",
            Some(json!({"ids": ["b1"]})),
        ),
        ("GET", "/v1/audit?user=bob", None),
        ("GET", "/v1/audit", None),
        ("GET", "/v1/users/bob", None),
        ("GET", "/v1/users/bob/profile", None),
        ("GET", "/v1/users/bob/facts?history=true", None),
        ("GET", "/v1/users/bob/events", None),
        ("GET", "/v1/users/bob/export", None),
        (
            "PATCH",
            "/v1/users/bob/facts/1",
            Some(json!({"value": "Bergen"})),
        ),
        ("DELETE", "/v1/users/bob/facts/1", None),
        (
            "POST",
            "/v1/users/bob/forbidden",
            Some(json!({"category": "identity"})),
        ),
        ("DELETE", "/v1/users/bob", None),
    ];
    let tenant_wide: [(&str, &str, Option<Value>); 9] = [
        ("GET", "/v1/users", None),
        (
            "POST",
            "/v1/events",
            Some(json!({"events": [{"user": "ana", "type": "message", "text": "hi"}]})),
        ),
        (
            "POST",
            "/v1/users/ana/context",
            Some(json!({"query": "where"})),
        ),
        (
            "POST",
            "/v1/users/ana/search",
            Some(json!({"query": "Paris"})),
        ),
        ("POST", "/v1/items", Some(json!({"items": []}))),
        ("POST", "/v1/users/ana/recommend", Some(json!({}))),
        (
            "POST",
            "/v1/mcp",
            Some(json!({"jsonrpc": "2.0", "id": 1, "method": "ping"})),
        ),
        (
            "POST",
            "/v1/chat/completions",
            Some(json!({"messages": []})),
        ),
        ("POST", "/v1/admin/tenants", Some(json!({"name": "evil"}))),
    ];
    for (method, path, body) in other_user.into_iter().chain(tenant_wide) {
        let reply = server.call(method, path, Some(&ana), body).await;
        assert_forbidden(method, path, &reply);
    }
    let denied = server.get("/v1/users/bob/export", &ana).await;
    insta::assert_json_snapshot!("user_key_other_user", denied.body);
    let listed = server.get("/v1/users", &ana).await;
    insta::assert_json_snapshot!("user_key_tenant_route", listed.body);
    // Nothing was changed by the refused requests.
    let bob = server.get("/v1/users/bob/facts", &tenant_key).await;
    assert_eq!(bob.body["facts"][0]["value"], "Oslo");
    assert_eq!(
        server.get("/v1/users", &tenant_key).await.body["users"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn minting_and_revoking_user_keys() {
    let server = TestServer::start().await;
    let tenant_key = server.tenant_key("acme").await;
    let bad = server
        .post("/v1/admin/tenants/acme/keys", ADMIN, json!({"user": ""}))
        .await;
    assert_eq!(bad.status, 400, "{bad:?}");
    let unknown_field = server
        .post(
            "/v1/admin/tenants/acme/keys",
            ADMIN,
            json!({"users": "ana"}),
        )
        .await;
    assert_eq!(unknown_field.status, 400);
    let by_tenant = server
        .post(
            "/v1/admin/tenants/acme/keys",
            &tenant_key,
            json!({"user": "ana"}),
        )
        .await;
    assert_eq!(by_tenant.status, 403);
    let minted = server
        .post("/v1/admin/tenants/acme/keys", ADMIN, json!({"user": "ana"}))
        .await;
    let (id, ana) = (
        minted.body["id"].as_str().unwrap(),
        minted.body["key"].as_str().unwrap(),
    );
    // A key may be made before the user has any data.
    assert_eq!(server.get("/v1/users/ana", ana).await.status, 404);
    server
        .call("DELETE", &format!("/v1/admin/keys/{id}"), Some(ADMIN), None)
        .await;
    assert_eq!(server.get("/v1/me", ana).await.status, 401);
}
