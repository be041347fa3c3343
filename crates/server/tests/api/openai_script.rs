//! A scripted OpenAI-compatible upstream: it records what it receives and answers a chat
//! completion whole, streamed (the rest only once released), or as a 429 for model "fail".
//! Served on loopback over plain HTTP here, over TLS in `proxy_tls.rs`.

use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::{Body, Bytes};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use serde_json::{Value, json};
use tokio::net::TcpListener;
use tokio::sync::Notify;

/// A request the upstream received: its `Authorization` header and its body.
pub type Received = (Option<String>, Value);

/// What the scripted upstream saw and how to release its streamed answer.
#[derive(Clone, Default)]
pub struct Script {
    pub requests: Arc<Mutex<Vec<Received>>>,
    pub release: Arc<Notify>,
}

async fn scripted(
    axum::extract::State(script): axum::extract::State<Script>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let request: Value = serde_json::from_slice(&body).unwrap();
    let auth = headers
        .get("authorization")
        .map(|v| v.to_str().unwrap().to_string());
    script
        .requests
        .lock()
        .unwrap()
        .push((auth, request.clone()));
    if request["model"] == "fail" {
        let error = json!({"error": {"message": "rate limited", "type": "rate_limit_exceeded"}});
        return (StatusCode::TOO_MANY_REQUESTS, axum::Json(error)).into_response();
    }
    if request["stream"] == true {
        let release = script.release.clone();
        let chunk = |delta: Value| {
            format!(
                "data: {}\n\n",
                json!({"choices": [{"index": 0, "delta": delta}]})
            )
        };
        let first = format!(
            "{}{}",
            chunk(json!({"role": "assistant"})),
            chunk(json!({"content": "Hello"}))
        );
        let rest = format!("{}data: [DONE]\n\n", chunk(json!({"content": " Ana"})));
        let stream = futures_util::stream::unfold(0, move |step| {
            let (release, first, rest) = (release.clone(), first.clone(), rest.clone());
            async move {
                match step {
                    0 => Some((Ok::<_, std::io::Error>(Bytes::from(first)), 1)),
                    1 => {
                        // The rest comes only once the client has seen the first chunk.
                        release.notified().await;
                        Some((Ok(Bytes::from(rest)), 2))
                    }
                    _ => None,
                }
            }
        });
        return (
            [("content-type", "text/event-stream")],
            Body::from_stream(stream),
        )
            .into_response();
    }
    let answer = json!({"id": "chatcmpl-1", "object": "chat.completion", "model": request["model"],
        "choices": [{"index": 0, "message": {"role": "assistant", "content": "You live in Paris."},
                     "finish_reason": "stop"}]});
    axum::Json(answer).into_response()
}

/// The scripted upstream as a router.
pub fn app(script: Script) -> Router {
    Router::new()
        .route("/v1/chat/completions", post(scripted))
        .with_state(script)
}

/// Serves the scripted upstream over plain HTTP; its base URL.
pub async fn start_upstream() -> (String, Script) {
    let script = Script::default();
    let app = app(script.clone());
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (format!("http://{addr}/v1"), script)
}
