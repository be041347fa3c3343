use serde_json::json;

use crate::harness::{ADMIN, TestServer, redact};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tenants_and_keys_lifecycle() {
    let server = TestServer::start().await;
    let created = server
        .post("/v1/admin/tenants", ADMIN, json!({"name": "acme"}))
        .await;
    assert_eq!(created.status, 201);
    insta::assert_json_snapshot!("tenant_created", created.body);
    let again = server
        .post("/v1/admin/tenants", ADMIN, json!({"name": "acme"}))
        .await;
    assert_eq!(again.status, 409);
    insta::assert_json_snapshot!("tenant_exists", again.body);
    let listed = server.get("/v1/admin/tenants", ADMIN).await;
    assert_eq!(listed.body, json!({"tenants": ["acme"]}));

    let key = server
        .call("POST", "/v1/admin/tenants/acme/keys", Some(ADMIN), None)
        .await;
    assert_eq!(key.status, 201);
    let secret = key.body["key"].as_str().unwrap().to_string();
    assert!(secret.starts_with("rpk_") && secret.len() == 68);
    insta::assert_json_snapshot!("key_created", redact(key.body.clone()));
    assert_eq!(server.get("/v1/users", &secret).await.status, 200);

    let id = key.body["id"].as_str().unwrap();
    let revoked = server
        .call("DELETE", &format!("/v1/admin/keys/{id}"), Some(ADMIN), None)
        .await;
    assert_eq!(
        (revoked.status, revoked.body),
        (204, serde_json::Value::Null)
    );
    assert_eq!(server.get("/v1/users", &secret).await.status, 401);
    let gone = server
        .call("DELETE", &format!("/v1/admin/keys/{id}"), Some(ADMIN), None)
        .await;
    assert_eq!(gone.status, 404);
    insta::assert_json_snapshot!("unknown_key", redact(gone.body));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admin_routes_take_only_the_admin_key() {
    let server = TestServer::start().await;
    let tenant_key = server.tenant_key("acme").await;
    let with_tenant_key = server
        .post("/v1/admin/tenants", &tenant_key, json!({"name": "evil"}))
        .await;
    assert_eq!(with_tenant_key.status, 403);
    insta::assert_json_snapshot!("admin_with_tenant_key", with_tenant_key.body);
    let anonymous = server
        .call(
            "POST",
            "/v1/admin/tenants",
            None,
            Some(json!({"name": "x"})),
        )
        .await;
    assert_eq!(anonymous.status, 401);
    let wrong = server.get("/v1/admin/tenants", "not-the-admin-key").await;
    assert_eq!(wrong.status, 401);
    let data_with_admin = server.get("/v1/users", ADMIN).await;
    assert_eq!(data_with_admin.status, 403);
    insta::assert_json_snapshot!("data_with_admin_key", data_with_admin.body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn keys_need_a_registered_tenant_and_valid_names() {
    let server = TestServer::start().await;
    let unknown = server
        .call("POST", "/v1/admin/tenants/nobody/keys", Some(ADMIN), None)
        .await;
    assert_eq!(unknown.status, 404);
    insta::assert_json_snapshot!("key_for_unknown_tenant", unknown.body);
    let bad = server
        .post("/v1/admin/tenants", ADMIN, json!({"name": " padded "}))
        .await;
    assert_eq!(bad.status, 400);
    insta::assert_json_snapshot!("bad_tenant_name", bad.body);
    let wrong_type = server
        .post("/v1/admin/tenants", ADMIN, json!({"name": 7}))
        .await;
    assert_eq!(wrong_type.status, 400);
    insta::assert_json_snapshot!("tenant_name_wrong_type", wrong_type.body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_tenants_policy_is_read_and_replaced_by_the_admin() {
    let server = TestServer::start().await;
    let tenant_key = server.tenant_key("acme").await;
    let shown = server.get("/v1/admin/tenants/acme/policy", ADMIN).await;
    assert_eq!(shown.status, 200);
    insta::assert_json_snapshot!("default_policy", shown.body);
    let policy =
        json!({"infer_sensitive": ["finances"], "redact": {"outbound": true, "storage": false}});
    let set = server
        .call(
            "PUT",
            "/v1/admin/tenants/acme/policy",
            Some(ADMIN),
            Some(policy.clone()),
        )
        .await;
    assert_eq!(set.status, 200, "{:?}", set.body);
    assert_eq!(set.body["policy"], policy);
    assert_eq!(set.body["removed"], json!({"users": 0, "removed": 0}));
    assert_eq!(
        server
            .get("/v1/admin/tenants/acme/policy", ADMIN)
            .await
            .body,
        policy
    );
    let wrong = server
        .call(
            "PUT",
            "/v1/admin/tenants/acme/policy",
            Some(ADMIN),
            Some(json!({"infer_sensitive": ["weather"]})),
        )
        .await;
    assert_eq!(wrong.status, 400, "{:?}", wrong.body);
    let by_tenant = server
        .get("/v1/admin/tenants/acme/policy", &tenant_key)
        .await;
    assert_eq!(by_tenant.status, 403);

    let audit = server.get("/v1/audit", &tenant_key).await;
    assert_eq!(audit.status, 200);
    let entries = audit.body["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 1, "{entries:?}");
    assert_eq!(
        (&entries[0]["action"], &entries[0]["actor"]),
        (&json!("tenant.policy"), &json!("admin"))
    );
}
