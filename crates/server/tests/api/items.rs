//! The catalog over HTTP: import, recommend and rank, scoped to the key's tenant.

use serde_json::json;

use crate::harness::TestServer;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn import_recommend_and_rank_with_reasons() {
    let server = TestServer::start().await;
    let key = server.tenant_key("acme").await;
    let other = server.tenant_key("other").await;
    let items = json!({"items": [
        {"item_id": "heat", "title": "Heat", "tags": ["crime"]},
        {"item_id": "ronin", "title": "Ronin", "tags": ["crime"]},
        {"item_id": "collateral", "title": "Collateral", "tags": ["crime"]},
        {"item_id": "scream", "title": "Scream", "tags": ["horror"]},
        {"item_id": "notting", "title": "Notting Hill", "tags": ["romance"]}]});
    let imported = server.post("/v1/items", &key, items.clone()).await;
    assert_eq!(imported.status, 200, "{:?}", imported.body);
    assert_eq!(imported.body, json!({"new": 5, "updated": 0}));
    let again = server.post("/v1/items", &key, items).await;
    assert_eq!(again.body, json!({"new": 0, "updated": 5}));

    // Everyone's actions teach the model which items go together.
    let mut events = Vec::new();
    for (n, user) in ["u1", "u2", "u3", "u4"].iter().enumerate() {
        for (m, item) in ["heat", "ronin", "collateral"].iter().enumerate() {
            if *user == "u4" && *item == "collateral" {
                continue;
            }
            events.push(
                json!({"user": user, "id": format!("a{n}{m}"), "type": "action",
                               "verb": "like", "item": item}),
            );
        }
    }
    assert_eq!(
        server
            .post("/v1/events", &key, json!({"events": events}))
            .await
            .status,
        200
    );

    let top = server
        .post("/v1/users/u4/recommend", &key, json!({"k": 2}))
        .await;
    assert_eq!(top.status, 200, "{:?}", top.body);
    let first = &top.body["items"][0];
    assert_eq!(first["item_id"], "collateral", "{:?}", top.body);
    let reasons = first["reasons"].as_array().unwrap();
    assert!(
        reasons[0].as_str().unwrap().contains("because you liked"),
        "{reasons:?}"
    );
    assert!(
        !top.body.to_string().contains("\"heat\""),
        "consumed items are left out"
    );

    let ranked = server
        .post(
            "/v1/users/u4/rank",
            &key,
            json!({"candidates": [{"item_id": "notting"}, {"item_id": "collateral"}]}),
        )
        .await;
    assert_eq!(
        ranked.body["ranked"][0]["item_id"], "collateral",
        "{:?}",
        ranked.body
    );
    assert_eq!(ranked.body["ranked"][0]["index"], 1);

    // Another tenant has no catalog: nothing of acme's leaks.
    let elsewhere = server
        .post("/v1/users/u4/recommend", &other, json!({}))
        .await;
    assert_eq!(elsewhere.body["items"], json!([]), "{:?}", elsewhere.body);

    for (path, body, expected) in [
        (
            "/v1/items",
            json!({"items": [{"title": "no id"}]}),
            "items[0]",
        ),
        ("/v1/users/u4/recommend", json!({"k": 0}), "`k` must be"),
        (
            "/v1/users/u4/rank",
            json!({"candidates": [{"item_id": "a", "text": "b"}]}),
            "candidates[0]",
        ),
        (
            "/v1/users/u4/rank",
            json!({"candidates": []}),
            "must not be empty",
        ),
    ] {
        let reply = server.post(path, &key, body).await;
        assert_eq!(reply.status, 400, "{path}: {:?}", reply.body);
        let message = reply.body["error"]["message"].as_str().unwrap();
        assert!(message.contains(expected), "{path}: {message}");
    }
}
