//! A user's own key: no user list, only their profile; what they change is what the API
//! holds; stated and inferred facts look different.

use serde_json::json;

use super::{act, fact, text};
use crate::harness::{ADMIN, TestServer};
use crate::webdriver::Browser;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_users_own_key_sees_and_changes_only_their_profile() {
    let server = TestServer::start_builtin().await;
    let key = server.tenant_key("acme").await;
    let said = [("e1", "I live in Denver."), ("e2", "I love jazz.")];
    assert_eq!(server.said(&key, "ana", &said).await.status, 200);
    server.said(&key, "bob", &[("b1", "I live in Oslo.")]).await;
    let minted = server
        .post("/v1/admin/tenants/acme/keys", ADMIN, json!({"user": "ana"}))
        .await;
    let own = minted.body["key"].as_str().unwrap();

    let browser = Browser::start().await;
    browser
        .goto(&format!("http://{}/dashboard#key={own}", server.addr))
        .await;
    let city = "[data-key='location.city']";
    browser
        .wait_for(
            "ana's own profile",
            &format!("return !!document.querySelector(\"{city}\")"),
        )
        .await;
    assert_eq!(
        text(&browser, "#profile-title").await,
        "What Rapport knows about you"
    );
    assert_eq!(text(&browser, "#who").await, "ana (acme)");
    let page = text(&browser, "body").await;
    assert!(!page.contains("Oslo") && !page.contains("bob"), "{page}");
    let hidden = "return document.getElementById('users').hidden \
                  && !document.querySelector('[data-user]') && location.hash === ''";
    assert_eq!(browser.script(hidden, json!([])).await, json!(true));
    // Stated and inferred are told apart by more than a word: colour and border style differ.
    let styles = browser
        .script(
            "return ['stated', 'inferred'].map(s => { \
               const c = getComputedStyle(document.querySelector('.legend .source-' + s)); \
               return [c.color, c.borderTopStyle, c.fontStyle].join(' '); })",
            json!([]),
        )
        .await;
    assert_ne!(styles[0], styles[1], "{styles}");

    browser.click(&format!("{city} [data-action='edit']")).await;
    browser
        .type_into(&format!("{city} input[name='value']"), "Boulder")
        .await;
    act(&browser, &format!("{city} [data-action='save']"), "Changed").await;
    super::screenshot(&browser, "dashboard-own-key.png").await;
    let city = fact(&server, &key, "location.city").await.unwrap();
    assert_eq!(
        (&city["value"], &city["source"]),
        (&json!("Boulder"), &json!("edited"))
    );

    browser.click("#forget").await;
    act(&browser, "#forget-yes", "Deleted everything about you").await;
    assert_eq!(server.get("/v1/users/ana", &key).await.status, 404);
    assert_eq!(server.get("/v1/users/bob", &key).await.status, 200);
}
