//! No request reaches another tenant's users, and no user-scoped route returns another user's
//! data.

use serde_json::json;

use crate::harness::{ADMIN, TestServer};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_tenant_key_never_reaches_another_tenant() {
    let server = TestServer::start().await;
    let acme = server.tenant_key("acme").await;
    let globex = server.tenant_key("globex").await;
    server
        .said(&globex, "bob", &[("g1", "I live in Oslo.")])
        .await;
    assert_eq!(
        server.get("/v1/users", &acme).await.body,
        json!({"users": []})
    );
    for (method, path, body) in [
        ("GET", "/v1/users/bob", None),
        ("GET", "/v1/users/bob/profile", None),
        ("GET", "/v1/users/bob/facts?history=true", None),
        ("GET", "/v1/users/bob/events", None),
        (
            "POST",
            "/v1/users/bob/events/lookup",
            Some(json!({"ids": ["g1"]})),
        ),
        ("GET", "/v1/users/bob/export", None),
        (
            "POST",
            "/v1/users/bob/context",
            Some(json!({"query": "Where do I live?"})),
        ),
        (
            "POST",
            "/v1/users/bob/search",
            Some(json!({"query": "Oslo"})),
        ),
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
    ] {
        let reply = server.call(method, path, Some(&acme), body).await;
        assert_eq!(reply.status, 404, "{method} {path}: {reply:?}");
        assert!(!reply.body.to_string().contains("Oslo"), "{method} {path}");
    }
    // A same-named user in acme is another person.
    server
        .said(&acme, "bob", &[("a1", "I live in Rome.")])
        .await;
    let acme_bob = server.get("/v1/users/bob/facts?history=true", &acme).await;
    assert_eq!(acme_bob.body["facts"].as_array().unwrap().len(), 1);
    assert_eq!(acme_bob.body["facts"][0]["value"], "Rome");
    let globex_bob = server
        .get("/v1/users/bob/facts?history=true", &globex)
        .await;
    assert_eq!(globex_bob.body["facts"][0]["value"], "Oslo");
    assert_eq!(globex_bob.body["facts"].as_array().unwrap().len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn user_routes_return_only_that_users_data() {
    let server = TestServer::start().await;
    let key = server.tenant_key("acme").await;
    server
        .said(&key, "ana", &[("e1", "I live in Paris.")])
        .await;
    server.said(&key, "bob", &[("e1", "I live in Oslo.")]).await;
    let ana = server.get("/v1/users/ana/export", &key).await;
    let text = ana.body.to_string();
    assert!(text.contains("Paris") && !text.contains("Oslo"), "{text}");
    let search = server
        .post("/v1/users/ana/search", &key, json!({"query": "Oslo"}))
        .await;
    assert!(!search.body.to_string().contains("Oslo"));
    let deleted = server
        .call("DELETE", "/v1/users/ana/facts/1", Some(&key), None)
        .await;
    assert_eq!(deleted.status, 204);
    let bob = server.get("/v1/users/bob/facts", &key).await;
    assert_eq!(bob.body["facts"][0]["value"], "Oslo");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn missing_wrong_and_revoked_keys_are_401() {
    let server = TestServer::start().await;
    let key = server.tenant_key("acme").await;
    let missing = server.call("GET", "/v1/users", None, None).await;
    assert_eq!(missing.status, 401);
    insta::assert_json_snapshot!("missing_key", missing.body);
    let wrong = server.get("/v1/users", "rpk_0000").await;
    assert_eq!(wrong.status, 401);
    insta::assert_json_snapshot!("wrong_key", wrong.body);
    let basic = server.raw("GET", "/v1/users", None, Vec::new()).await;
    assert_eq!(basic.status, 401);
    let created = server
        .call("POST", "/v1/admin/tenants/acme/keys", Some(ADMIN), None)
        .await;
    let (id, second) = (
        created.body["id"].as_str().unwrap(),
        created.body["key"].as_str().unwrap(),
    );
    assert_eq!(server.get("/v1/users", second).await.status, 200);
    server
        .call("DELETE", &format!("/v1/admin/keys/{id}"), Some(ADMIN), None)
        .await;
    assert_eq!(server.get("/v1/users", second).await.status, 401);
    assert_eq!(server.get("/v1/users", &key).await.status, 200);
}
