//! A small W3C WebDriver client over hyper: enough to drive a headless Chromium through
//! chromedriver (start a session, open a page, find, click, type, run a script, screenshot).
//! chromedriver runs on a free loopback port and is killed when the `Browser` is dropped.

use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use axum::body::Bytes;
use http_body_util::{BodyExt, Full};
use hyper_util::rt::TokioIo;
use serde_json::{Value, json};
use tokio::net::TcpStream;

/// The key W3C WebDriver names element references with.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";
/// How long `wait_for` waits for the page.
const WAIT: Duration = Duration::from_secs(15);

/// A headless Chromium session behind its own chromedriver.
pub struct Browser {
    driver: Child,
    base: String,
    session: String,
}

/// `RAPPORT_CHROMEDRIVER`, else `chromedriver` on the PATH. Panics when there is none: the
/// browser test must fail, never skip, where Chromium is missing (scripts/test installs it).
fn chromedriver() -> String {
    let program = std::env::var("RAPPORT_CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into());
    let found = Command::new(&program)
        .arg("--version")
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    assert!(
        found,
        "`{program}` is missing: install Chromium and its driver \
         (`apt-get install -y chromium chromium-driver`; scripts/test does) \
         or point RAPPORT_CHROMEDRIVER at a chromedriver"
    );
    program
}

impl Browser {
    /// Starts chromedriver on a free port and opens a headless session.
    pub async fn start() -> Self {
        let program = chromedriver();
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let driver = Command::new(program)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let mut browser = Self {
            driver,
            base: format!("127.0.0.1:{port}"),
            session: String::new(),
        };
        let deadline = Instant::now() + WAIT;
        while !browser.ready().await {
            assert!(Instant::now() < deadline, "chromedriver did not start");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let args = [
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-dev-shm-usage",
            "--window-size=1200,1600",
        ];
        let binary = std::env::var("RAPPORT_CHROMIUM").ok();
        let mut options = json!({ "args": args });
        if let Some(binary) = binary {
            options["binary"] = json!(binary);
        }
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome", "goog:chromeOptions": options
        }}});
        let created = browser.command("POST", "/session", Some(caps)).await;
        browser.session = created["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no session: {created}"))
            .to_string();
        browser
    }

    async fn ready(&self) -> bool {
        match self.request("GET", "/status", None).await {
            Ok(status) => status["value"]["ready"] == json!(true),
            Err(_) => false,
        }
    }

    async fn request(
        &self,
        method: &str,
        path: &str,
        body: Option<Value>,
    ) -> Result<Value, String> {
        let stream = TcpStream::connect(&self.base)
            .await
            .map_err(|e| e.to_string())?;
        let (mut sender, conn) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
            .await
            .map_err(|e| e.to_string())?;
        tokio::spawn(conn);
        let bytes = body.map(|b| b.to_string()).unwrap_or_default();
        let request = hyper::Request::builder()
            .method(method)
            .uri(path)
            .header("host", &self.base)
            .header("content-type", "application/json")
            .body(Full::new(Bytes::from(bytes)))
            .unwrap();
        let response = sender
            .send_request(request)
            .await
            .map_err(|e| e.to_string())?;
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        serde_json::from_slice(&bytes).map_err(|e| e.to_string())
    }

    /// Sends a command; panics with WebDriver's message when it fails. Returns `value`.
    async fn command(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let reply = self.request(method, path, body).await.unwrap();
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

    /// A PNG of the window.
    pub async fn screenshot(&self) -> Vec<u8> {
        use base64::Engine as _;
        let encoded = self.session("GET", "/screenshot", None).await;
        base64::engine::general_purpose::STANDARD
            .decode(encoded.as_str().unwrap())
            .unwrap()
    }
}

/// Ends the session (so Chromium exits, even when a test failed half way), then kills
/// chromedriver. Blocking, plain HTTP/1.1: `Drop` cannot await.
impl Drop for Browser {
    fn drop(&mut self) {
        if !self.session.is_empty()
            && let Ok(mut stream) = std::net::TcpStream::connect(&self.base)
        {
            use std::io::{Read, Write};
            let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
            let request = format!(
                "DELETE /session/{} HTTP/1.1\r\nHost: {}\r\nContent-Length: 0\r\n\
                 Connection: close\r\n\r\n",
                self.session, self.base
            );
            if stream.write_all(request.as_bytes()).is_ok() {
                let _ = stream.read_to_end(&mut Vec::new());
            }
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}
