//! A tenant key: the user list, then edit, pin, delete, forbid, export and forget.

use serde_json::json;

use super::{act, fact, text};
use crate::harness::TestServer;
use crate::webdriver::Browser;

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
    // Stated facts are marked as such; evidence is quoted with its date.
    assert_eq!(text(&browser, &format!("{city} .source")).await, "stated");
    let evidence = text(&browser, &format!("{city} .evidence")).await;
    assert!(
        evidence.contains("2024-03-01 09:00 UTC “I live in Denver.”"),
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
    act(&browser, "#forbid", "Forbade interest: 1 fact removed").await;
    let gone = "return !document.querySelector(\"[data-key='pet.dog'], [data-facet='interest']\")";
    assert_eq!(browser.script(gone, json!([])).await, json!(true));
    let history = browser
        .script(
            "return [...document.querySelectorAll('.history .past')].map(e => e.textContent)",
            json!([]),
        )
        .await;
    assert!(
        history.to_string().contains("replaced by “Boulder”")
            && history
                .to_string()
                .contains("2024-03-01 09:00 UTC “I live in Denver.”"),
        "{history}"
    );
    super::screenshot(&browser, "dashboard.png").await;

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

    // The page shows the audit entries; viewing is not exporting.
    let audited = browser
        .script(
            "return [...document.querySelectorAll('#activity [data-audit]')].map(e => e.dataset.audit)",
            json!([]),
        )
        .await;
    assert_eq!(
        audited,
        json!(["category.forbid", "fact.delete", "fact.pin", "fact.edit"])
    );
    act(&browser, "#export", "Exported").await;
    let file: serde_json::Value =
        serde_json::from_slice(&browser.downloaded("rapport-ana.json").await).unwrap();
    // The same document, but for number spellings (JavaScript writes 1.0 as 1).
    for part in ["summary", "settings", "events"] {
        assert_eq!(file[part], exported[part], "{part}");
    }
    let brief = |doc: &serde_json::Value| -> Vec<String> {
        let facts = doc["facts"].as_array().unwrap().iter();
        facts
            .map(|f| {
                format!(
                    "{} {} {} {}",
                    f["id"], f["value"], f["source"], f["valid_to"]
                )
            })
            .collect()
    };
    assert_eq!(brief(&file), brief(&exported));
    let audit = server.get("/v1/audit?user=ana", &key).await.body;
    let exports = audit["entries"].as_array().unwrap().iter();
    // One from the button, one from this test's own export above.
    assert_eq!(exports.filter(|e| e["action"] == "user.export").count(), 2);
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
