//! The web dashboard: its files are served, and a real headless Chromium (over WebDriver)
//! clicks through it with a tenant key (`tenant.rs`) and with a user's own key (`own.rs`); the
//! API state is checked afterwards. Screenshots go to `RAPPORT_TEST_ARTIFACTS` (default
//! `target/test-artifacts/`).

mod own;
mod tenant;

use std::path::PathBuf;

use serde_json::{Value, json};

use crate::harness::TestServer;
use crate::webdriver::Browser;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_dashboard_files_are_served() {
    let server = TestServer::start().await;
    let page = server.call("GET", "/dashboard", None, None).await;
    assert_eq!(page.status, 200);
    let html = page.body.as_str().unwrap();
    assert!(html.contains(r#"<script type="module" src="/dashboard/dashboard.js">"#));
    for file in [
        "dashboard.js",
        "api.js",
        "dom.js",
        "profile.js",
        "dashboard.css",
    ] {
        let served = server
            .call("GET", &format!("/dashboard/{file}"), None, None)
            .await;
        assert_eq!(served.status, 200, "{file}");
    }
    let missing = server.call("GET", "/dashboard/x.js", None, None).await;
    assert_eq!(missing.status, 404);
    assert_eq!(missing.body["error"]["code"], "not_found");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn me_names_the_keys_tenant() {
    let server = TestServer::start().await;
    let key = server.tenant_key("acme").await;
    let me = server.get("/v1/me", &key).await;
    assert_eq!(me.status, 200);
    insta::assert_json_snapshot!("me_tenant_key", me.body);
}

/// The current fact with `key`, from the API.
pub async fn fact(server: &TestServer, key: &str, fact_key: &str) -> Option<Value> {
    let facts = server.get("/v1/users/ana/facts", key).await;
    facts.body["facts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["key"] == fact_key)
        .cloned()
}

/// Clicks, then waits until the page reports the outcome on its status line.
pub async fn act(browser: &Browser, css: &str, expected: &str) {
    let seq = "document.getElementById('status').dataset.seq || '0'";
    let before = browser.script(&format!("return {seq}"), json!([])).await;
    browser.click(css).await;
    let changed = format!("return ({seq}) !== {before}");
    browser
        .wait_for(&format!("the outcome of {css}"), &changed)
        .await;
    let line = browser
        .script(
            "return document.getElementById('status').textContent",
            json!([]),
        )
        .await;
    assert!(
        line.as_str().unwrap().starts_with(expected),
        "after {css}: {line}"
    );
}

fn artifacts() -> PathBuf {
    std::env::var_os("RAPPORT_TEST_ARTIFACTS")
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("CARGO_TARGET_DIR").map(|t| PathBuf::from(t).join("test-artifacts"))
        })
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/test-artifacts")
        })
}

/// Opens every `<details>` (evidence, history) and saves a screenshot as `name`.
pub async fn screenshot(browser: &Browser, name: &str) {
    browser
        .script(
            "document.querySelectorAll('details').forEach(d => d.open = true)",
            json!([]),
        )
        .await;
    let shot = browser.screenshot().await;
    assert!(shot.starts_with(b"\x89PNG"));
    let dir = artifacts();
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(name), &shot).unwrap();
}

/// The text of the first element matching `css`.
pub async fn text(browser: &Browser, css: &str) -> String {
    let script = format!("return document.querySelector({css:?}).textContent");
    let value = browser.script(&script, json!([])).await;
    value.as_str().unwrap_or_default().to_string()
}
