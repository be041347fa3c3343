//! A small W3C WebDriver client over hyper: enough to drive a headless Chromium through
//! chromedriver (start a session, open a page, find, click, type, run a script, screenshot,
//! downloads). chromedriver (`driver.rs`) runs on a free loopback port and is killed when the
//! `Browser` is dropped.

mod driver;

use std::time::{Duration, Instant};

use serde_json::{Value, json};

use driver::Driver;

/// The key W3C WebDriver names element references with.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";
/// How long `wait_for` waits for the page.
const WAIT: Duration = Duration::from_secs(15);

/// A headless Chromium session behind its own chromedriver.
pub struct Browser {
    session: String,
    downloads: tempfile::TempDir,
    driver: Driver,
}

impl Browser {
    /// Starts chromedriver and opens a headless session that downloads into a temporary
    /// directory.
    pub async fn start() -> Self {
        let driver = Driver::start().await;
        let downloads = tempfile::tempdir().unwrap();
        let args = [
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-dev-shm-usage",
            "--window-size=1200,1600",
        ];
        let prefs = json!({
            "download.default_directory": downloads.path(),
            "download.prompt_for_download": false,
        });
        let mut options = json!({ "args": args, "prefs": prefs });
        if let Ok(binary) = std::env::var("RAPPORT_CHROMIUM") {
            options["binary"] = json!(binary);
        }
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome", "goog:chromeOptions": options
        }}});
        let mut browser = Self {
            session: String::new(),
            downloads,
            driver,
        };
        let created = browser.command("POST", "/session", Some(caps)).await;
        browser.session = created["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no session: {created}"))
            .to_string();
        browser
    }

    /// Sends a command; panics with WebDriver's message when it fails. Returns `value`.
    async fn command(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let reply = self.driver.request(method, path, body).await.unwrap();
        let value = reply["value"].clone();
        if let Some(error) = value.get("error") {
            panic!("WebDriver {method} {path}: {error}: {}", value["message"]);
        }
        value
    }

    async fn session(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let path = format!("/session/{}{path}", self.session);
        self.command(method, &path, body).await
    }

    pub async fn goto(&self, url: &str) {
        self.session("POST", "/url", Some(json!({"url": url})))
            .await;
    }

    /// The first element matching a CSS selector; panics if there is none.
    pub async fn find(&self, css: &str) -> String {
        let found = self
            .session(
                "POST",
                "/element",
                Some(json!({"using": "css selector", "value": css})),
            )
            .await;
        found[ELEMENT]
            .as_str()
            .unwrap_or_else(|| panic!("no element for {css}: {found}"))
            .to_string()
    }

    pub async fn click(&self, css: &str) {
        let element = self.find(css).await;
        self.session(
            "POST",
            &format!("/element/{element}/click"),
            Some(json!({})),
        )
        .await;
    }

    /// Clears a field and types into it.
    pub async fn type_into(&self, css: &str, text: &str) {
        let element = self.find(css).await;
        self.session(
            "POST",
            &format!("/element/{element}/clear"),
            Some(json!({})),
        )
        .await;
        self.session(
            "POST",
            &format!("/element/{element}/value"),
            Some(json!({"text": text})),
        )
        .await;
    }

    /// Runs a script (a function body) in the page and returns its result.
    pub async fn script(&self, body: &str, args: Value) -> Value {
        self.session(
            "POST",
            "/execute/sync",
            Some(json!({"script": body, "args": args})),
        )
        .await
    }

    /// Waits until the script returns true; panics with `what` and the page's status line.
    pub async fn wait_for(&self, what: &str, body: &str) {
        let deadline = Instant::now() + WAIT;
        while self.script(body, json!([])).await != json!(true) {
            if Instant::now() > deadline {
                let status = self
                    .script(
                        "return document.getElementById('status').textContent",
                        json!([]),
                    )
                    .await;
                panic!("timed out waiting for {what}; status line: {status}");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits for a file the page downloaded and returns its content.
    pub async fn downloaded(&self, name: &str) -> Vec<u8> {
        let path = self.downloads.path().join(name);
        let deadline = Instant::now() + WAIT;
        loop {
            // Chromium writes to a `.crdownload` file and renames it when complete.
            if let Ok(bytes) = std::fs::read(&path) {
                return bytes;
            }
            assert!(Instant::now() < deadline, "{name} was not downloaded");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// A PNG of the window.
    pub async fn screenshot(&self) -> Vec<u8> {
        use base64::Engine as _;
        let encoded = self.session("GET", "/screenshot", None).await;
        base64::engine::general_purpose::STANDARD
            .decode(encoded.as_str().unwrap())
            .unwrap()
    }
}

/// Ends the session, so Chromium exits even when a test failed half way; chromedriver is
/// killed after (its field drops last).
impl Drop for Browser {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            self.driver
                .delete_blocking(&format!("/session/{}", self.session));
        }
    }
}
