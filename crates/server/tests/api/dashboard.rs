//! The web dashboard: its files are served, and a real headless Chromium (over WebDriver)
//! clicks through edit, pin, delete, forbid, export and forget; the API state is checked
//! afterwards. A screenshot goes to `RAPPORT_TEST_ARTIFACTS` (default
//! `target/test-artifacts/`).

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
async fn fact(server: &TestServer, key: &str, fact_key: &str) -> Option<Value> {
    let facts = server.get("/v1/users/ana/facts", key).await;
    facts.body["facts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["key"] == fact_key)
        .cloned()
}

/// Clicks, then waits until the page reports the outcome on its status line.
async fn act(browser: &Browser, css: &str, expected: &str) {
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_real_browser_edits_pins_deletes_forbids_and_forgets() {
    let server = TestServer::start_builtin().await;
    let key = server.tenant_key("acme").await;
    let said = [
        ("e1", "I live in Denver."),
        ("e2", "I have a dog named Rex."),
        ("e3", "I love jazz."),
        ("e4", "I play the guitar every weekend."),
    ];
    assert_eq!(server.said(&key, "ana", &said).await.status, 200);
    server.said(&key, "bob", &[("b1", "I live in Oslo.")]).await;
    assert!(fact(&server, &key, "location.city").await.is_some());

    let browser = Browser::start().await;
    let url = format!("http://{}/dashboard#key={key}", server.addr);
    browser.goto(&url).await;
    browser
        .wait_for(
            "the user list",
            "return !!document.querySelector('[data-user=\"ana\"]')",
        )
        .await;
    browser.click("[data-user='ana']").await;
    let city = "[data-key='location.city']";
    browser
        .wait_for(
            "ana's profile",
            &format!("return !!document.querySelector(\"{city}\")"),
        )
        .await;
    // Stated facts are marked as such, in words and in style.
    let badge = browser
        .script(
            &format!("return document.querySelector(\"{city} .source\").textContent"),
            json!([]),
        )
        .await;
    assert_eq!(badge, "stated");
    let evidence = browser
        .script(
            &format!("return document.querySelector(\"{city} .evidence\").textContent"),
            json!([]),
        )
        .await;
    assert!(
        evidence
            .as_str()
            .unwrap()
            .contains("2024-03-01 09:00 UTC “I live in Denver.”"),
        "{evidence}"
    );

    browser.click(&format!("{city} [data-action='edit']")).await;
    browser
        .type_into(&format!("{city} input[name='value']"), "Boulder")
        .await;
    act(&browser, &format!("{city} [data-action='save']"), "Changed").await;
    act(
        &browser,
        "[data-key='likes:jazz'] [data-action='pin']",
        "Pinned",
    )
    .await;
    act(
        &browser,
        "[data-key='pet.dog'] [data-action='delete']",
        "Deleted",
    )
    .await;
    browser
        .click("#forbid-category option[value='interest']")
        .await;
    act(&browser, "#forbid", "Forbade interest").await;
    let history = browser
        .script(
            "return [...document.querySelectorAll('.history .past')].map(e => e.textContent)",
            json!([]),
        )
        .await;
    assert!(
        history.to_string().contains("replaced by “Boulder”"),
        "{history}"
    );
    browser
        .script(
            "document.querySelectorAll('details').forEach(d => d.open = true)",
            json!([]),
        )
        .await;
    let shot = browser.screenshot().await;
    let dir = artifacts();
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("dashboard.png"), &shot).unwrap();
    assert!(shot.starts_with(b"\x89PNG"));

    // The API agrees with what was clicked.
    let city = fact(&server, &key, "location.city").await.unwrap();
    assert_eq!(
        (&city["value"], &city["source"], &city["pinned"]),
        (&json!("Boulder"), &json!("edited"), &json!(true))
    );
    let jazz = fact(&server, &key, "likes:jazz").await.unwrap();
    assert_eq!(jazz["pinned"], true);
    let exported = server.get("/v1/users/ana/export", &key).await.body;
    let facts = exported["facts"].as_array().unwrap();
    assert!(facts.iter().all(|f| f["key"] != "pet.dog"), "{exported:#}");
    assert!(
        facts.iter().all(|f| f["facet"] != "interest"),
        "{exported:#}"
    );
    assert!(
        facts
            .iter()
            .any(|f| f["value"] == "Denver" && !f["valid_to"].is_null())
    );
    assert_eq!(exported["settings"]["forbidden"], json!(["interest"]));

    act(&browser, "#export", "Exported").await;
    browser.click("#forget").await;
    act(&browser, "#forget-yes", "Deleted everything about ana").await;
    assert_eq!(server.get("/v1/users/ana", &key).await.status, 404);
    assert_eq!(server.get("/v1/users/bob", &key).await.status, 200);
    let listed = browser
        .script(
            "return [...document.querySelectorAll('[data-user]')].map(b => b.dataset.user)",
            json!([]),
        )
        .await;
    assert_eq!(listed, json!(["bob"]));
}
