use serde_json::{Value, json};

use crate::harness::{TestServer, redact};

async fn ana(server: &TestServer) -> String {
    let key = server.tenant_key("acme").await;
    let said = [
        ("e1", "I live in Paris."),
        ("e2", "My sister plays the violin."),
        ("e3", "I live in Lyon."),
    ];
    assert_eq!(server.said(&key, "ana", &said).await.status, 200);
    key
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn users_summary_profile_events_and_export() {
    let server = TestServer::start().await;
    let key = ana(&server).await;
    let users = server.get("/v1/users", &key).await;
    insta::assert_json_snapshot!("users", redact(users.body));
    let one = server.get("/v1/users/ana", &key).await;
    assert_eq!(one.body["events"], 3);
    let profile = server.get("/v1/users/ana/profile", &key).await;
    assert_eq!(profile.status, 200);
    insta::assert_json_snapshot!("profile", redact(profile.body));
    let page = server
        .get("/v1/users/ana/events?after=1&limit=1", &key)
        .await;
    insta::assert_json_snapshot!("events_page", redact(page.body));
    let found = server
        .post(
            "/v1/users/ana/events/lookup",
            &key,
            json!({"ids": ["e3", "nope", "e1"]}),
        )
        .await;
    insta::assert_json_snapshot!("events_lookup", redact(found.body));
    let too_many: Vec<String> = (0..1001).map(|i| format!("e{i}")).collect();
    for (body, code) in [
        (json!({"ids": too_many}), "invalid_request"),
        (json!({"ids": ["e1"], "more": true}), "invalid_request"),
        (json!({"ids": [""]}), "invalid_request"),
    ] {
        let reply = server.post("/v1/users/ana/events/lookup", &key, body).await;
        assert_eq!(reply.status, 400, "{reply:?}");
        assert_eq!(reply.body["error"]["code"], code, "{reply:?}");
    }
    let nobody = server
        .post("/v1/users/zoe/events/lookup", &key, json!({"ids": ["e1"]}))
        .await;
    assert_eq!(nobody.status, 404);
    let export = server.get("/v1/users/ana/export", &key).await;
    assert_eq!(export.status, 200);
    assert_eq!(export.body["events"].as_array().unwrap().len(), 3);
    assert_eq!(export.body["facts"].as_array().unwrap().len(), 2);
    insta::assert_json_snapshot!("export_settings", export.body["settings"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn context_and_search() {
    let server = TestServer::start().await;
    let key = ana(&server).await;
    let context = server
        .post(
            "/v1/users/ana/context",
            &key,
            json!({"query": "What instrument does my sister play?", "budget": 200}),
        )
        .await;
    assert_eq!(context.status, 200);
    insta::assert_json_snapshot!("context", redact(context.body));
    let search = server
        .post(
            "/v1/users/ana/search",
            &key,
            json!({"query": "violin", "limit": 1}),
        )
        .await;
    assert_eq!(search.status, 200);
    assert_eq!(
        search.body["hits"][0]["text"],
        "My sister plays the violin."
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forget_deletes_the_user() {
    let server = TestServer::start().await;
    let key = ana(&server).await;
    let forgotten = server
        .call("DELETE", "/v1/users/ana", Some(&key), None)
        .await;
    assert_eq!((forgotten.status, forgotten.body), (204, Value::Null));
    let gone = server.get("/v1/users/ana", &key).await;
    assert_eq!(gone.status, 404);
    insta::assert_json_snapshot!("unknown_user", gone.body);
    let again = server
        .call("DELETE", "/v1/users/ana", Some(&key), None)
        .await;
    assert_eq!(again.status, 404);
    let users = server.get("/v1/users", &key).await;
    assert_eq!(users.body, json!({"users": []}));
    // The deletion is audited, under the key that made it, without the user's name.
    let audit = server.get("/v1/audit?user=ana", &key).await;
    let entries = audit.body["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 1, "{entries:?}");
    assert_eq!(entries[0]["action"], "user.forget");
    assert!(
        entries[0]["actor"]
            .as_str()
            .unwrap()
            .starts_with("key:key_")
    );
    assert!(!audit.body.to_string().contains("ana"), "{}", audit.body);
    let invalid = server.get("/v1/audit?limit=0", &key).await;
    assert_eq!(invalid.status, 400);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_user_route_answers_unknown_user() {
    let server = TestServer::start().await;
    let key = server.tenant_key("acme").await;
    for (method, path, body) in [
        ("GET", "/v1/users/bob", None),
        ("GET", "/v1/users/bob/profile", None),
        ("GET", "/v1/users/bob/facts", None),
        ("GET", "/v1/users/bob/events", None),
        ("GET", "/v1/users/bob/export", None),
        (
            "PATCH",
            "/v1/users/bob/facts/1",
            Some(json!({"pinned": true})),
        ),
        ("DELETE", "/v1/users/bob/facts/1", None),
        (
            "POST",
            "/v1/users/bob/forbidden",
            Some(json!({"category": "health"})),
        ),
        ("POST", "/v1/users/bob/context", Some(json!({"query": "x"}))),
        ("POST", "/v1/users/bob/search", Some(json!({"query": "x"}))),
        ("DELETE", "/v1/users/bob", None),
    ] {
        let reply = server.call(method, path, Some(&key), body).await;
        assert_eq!(reply.status, 404, "{method} {path}: {reply:?}");
        assert_eq!(
            reply.body["error"]["code"], "unknown_user",
            "{method} {path}"
        );
    }
}
