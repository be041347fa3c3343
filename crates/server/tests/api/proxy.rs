//! The OpenAI-compatible proxy against a scripted OpenAI-compatible upstream started on
//! loopback by the test (no real LLM service can be reached here): context injection, both
//! answer modes, recording of both turns, and upstream failures.

use std::time::Duration;

use axum::body::Bytes;
use http_body_util::{BodyExt, Full};
use hyper_util::rt::TokioIo;
use rapport_core::{EventBody, TenantId, UserId};
use rapport_server::ServerConfig;
use rapport_server::proxy::Upstream;
use serde_json::json;
use tokio::net::TcpStream;

use crate::harness::TestServer;
use crate::openai_script::{Script, start_upstream};

async fn proxied_server(base_url: &str) -> TestServer {
    proxied_by(Upstream::new(base_url, Some("sk-upstream".into())).unwrap()).await
}

/// A Rapport server whose proxy forwards to `upstream`.
pub(crate) async fn proxied_by(upstream: Upstream) -> TestServer {
    let config = ServerConfig {
        upstream: Some(upstream),
        ..ServerConfig::default()
    };
    TestServer::start_with(config).await
}

/// The user's turns as (role, text), waiting briefly for the answer recorded after the body.
pub(crate) async fn turns(
    server: &TestServer,
    user: &str,
    expected: usize,
) -> Vec<(String, String)> {
    let (tenant, user) = (TenantId::new("acme").unwrap(), UserId::new(user).unwrap());
    for _ in 0..100 {
        let events = server
            .engine
            .history(&tenant, &user, 0, 100)
            .unwrap_or_default();
        let turns: Vec<(String, String)> = events
            .iter()
            .filter_map(|e| match &e.event.body {
                EventBody::Message(m) => Some((format!("{:?}", m.role), m.text.clone())),
                _ => None,
            })
            .collect();
        if turns.len() >= expected {
            return turns;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("{user} never had {expected} turns");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_completion_gets_the_users_context_and_both_turns_are_remembered() {
    let (base, script) = start_upstream().await;
    let server = proxied_server(&base).await;
    let key = server.tenant_key("acme").await;
    server
        .said(&key, "ana", &[("e1", "I live in Paris.")])
        .await;
    let request = json!({"model": "m", "user": "ana", "temperature": 0.2, "messages": [
        {"role": "system", "content": "Be brief."},
        {"role": "user", "content": "Where do I live?"}]});
    let reply = server.post("/v1/chat/completions", &key, request).await;
    assert_eq!(reply.status, 200, "{:?}", reply.body);
    assert_eq!(
        reply.body["choices"][0]["message"]["content"],
        "You live in Paris."
    );

    let (auth, forwarded) = script.requests.lock().unwrap()[0].clone();
    assert_eq!(
        auth.as_deref(),
        Some("Bearer sk-upstream"),
        "the tenant key is never forwarded"
    );
    assert_eq!(forwarded["temperature"], 0.2, "unknown fields pass through");
    let system = forwarded["messages"][0]["content"].as_str().unwrap();
    assert!(system.starts_with("Be brief.\n\n"), "{system}");
    assert!(system.contains("I live in Paris."), "{system}");
    assert_eq!(forwarded["messages"].as_array().unwrap().len(), 2);

    let turns = turns(&server, "ana", 3).await;
    assert_eq!(
        turns[1..],
        [
            ("User".to_string(), "Where do I live?".to_string()),
            ("Assistant".to_string(), "You live in Paris.".to_string())
        ]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn identifiers_are_masked_before_leaving_when_the_tenant_asks() {
    let (base, script) = start_upstream().await;
    let server = proxied_server(&base).await;
    let key = server.tenant_key("acme").await;
    let policy = rapport_core::TenantPolicy {
        redact: rapport_core::Redaction {
            outbound: true,
            storage: false,
        },
        ..Default::default()
    };
    server
        .engine
        .set_tenant_policy(
            &TenantId::new("acme").unwrap(),
            &policy,
            &rapport_engine::Actor::admin(),
        )
        .unwrap();
    server
        .said(
            &key,
            "ana",
            &[("e1", "My email is ana.q@example.com and I live in Paris.")],
        )
        .await;
    let request = json!({"model": "m", "user": "ana", "messages": [
        {"role": "user", "content": [{"type": "text", "text": "Call me on +1 555 010 9999. What is my email?"}]}]});
    let reply = server.post("/v1/chat/completions", &key, request).await;
    assert_eq!(reply.status, 200, "{:?}", reply.body);
    let (_, forwarded) = script.requests.lock().unwrap()[0].clone();
    let sent = forwarded.to_string();
    assert!(
        !sent.contains("ana.q@example.com") && !sent.contains("555 010"),
        "{sent}"
    );
    assert!(
        sent.contains("[email]") && sent.contains("[phone]"),
        "{sent}"
    );
    // Storage is not redacted by this policy: the user's own words are kept as said.
    let turns = turns(&server, "ana", 3).await;
    assert_eq!(turns[1].1, "Call me on +1 555 010 9999. What is my email?");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_streamed_answer_passes_through_as_it_comes_and_is_remembered() {
    let (base, script) = start_upstream().await;
    let server = proxied_server(&base).await;
    let key = server.tenant_key("acme").await;
    streams_hello_chunk_by_chunk(&server, &key, &script).await;
}

/// Asks for a streamed answer as the unknown user bob, checks that its first chunk arrives
/// before the upstream sends the rest, and that bob's turns are remembered.
pub(crate) async fn streams_hello_chunk_by_chunk(server: &TestServer, key: &str, script: &Script) {
    let stream = TcpStream::connect(server.addr).await.unwrap();
    let (mut sender, conn) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
        .await
        .unwrap();
    tokio::spawn(conn);
    let body = json!({"model": "m", "stream": true,
        "messages": [{"role": "user", "content": "Say hello to me."}]});
    let request = hyper::Request::post("/v1/chat/completions")
        .header("host", "rapport.test")
        .header("authorization", format!("Bearer {key}"))
        .header("x-rapport-user", "bob")
        .body(Full::new(Bytes::from(body.to_string())))
        .unwrap();
    let response = sender.send_request(request).await.unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "text/event-stream");
    let mut body = response.into_body();
    let first = body.frame().await.unwrap().unwrap().into_data().unwrap();
    assert!(
        String::from_utf8_lossy(&first).contains("Hello"),
        "the first chunk arrives alone"
    );
    script.release.notify_one();
    let rest = body.collect().await.unwrap().to_bytes();
    assert!(String::from_utf8_lossy(&rest).ends_with("data: [DONE]\n\n"));

    // bob was unknown: the request went upstream with no context added.
    let (_, forwarded) = script.requests.lock().unwrap().last().unwrap().clone();
    assert_eq!(forwarded["messages"].as_array().unwrap().len(), 1);
    let turns = turns(server, "bob", 2).await;
    assert_eq!(turns[1], ("Assistant".to_string(), "Hello Ana".to_string()));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn upstream_errors_come_back_as_the_upstream_gave_them() {
    let (base, _script) = start_upstream().await;
    let server = proxied_server(&base).await;
    let key = server.tenant_key("acme").await;
    let failing = json!({"model": "fail", "user": "ana",
        "messages": [{"role": "user", "content": "hello?"}]});
    let reply = server.post("/v1/chat/completions", &key, failing).await;
    assert_eq!(reply.status, 429);
    assert_eq!(reply.body["error"]["type"], "rate_limit_exceeded");
    // The user's turn is kept; there is no answer to record.
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert_eq!(turns(&server, "ana", 1).await.len(), 1);

    let no_user = json!({"model": "m", "messages": [{"role": "user", "content": "hi"}]});
    let reply = server.post("/v1/chat/completions", &key, no_user).await;
    assert_eq!(
        (reply.status, reply.body["error"]["code"].as_str()),
        (400, Some("invalid_request"))
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unreachable_or_missing_upstream_is_a_clear_error_not_a_hang() {
    // A port nothing listens on: port 1 (tcpmux), which no test binds. A port bound and then
    // closed here could be taken by another test's upstream running at the same time (it was:
    // this request then reached that upstream).
    let server = proxied_server("http://127.0.0.1:1/v1").await;
    let key = server.tenant_key("acme").await;
    let request =
        json!({"model": "m", "user": "ana", "messages": [{"role": "user", "content": "hi"}]});
    let reply = server
        .post("/v1/chat/completions", &key, request.clone())
        .await;
    assert_eq!(reply.status, 502);
    assert_eq!(reply.body["error"]["code"], "upstream_unavailable");
    assert!(!reply.body.to_string().contains("sk-upstream"));

    let plain = TestServer::start().await;
    let key = plain.tenant_key("acme").await;
    let reply = plain.post("/v1/chat/completions", &key, request).await;
    assert_eq!(reply.status, 503);
    assert_eq!(reply.body["error"]["code"], "proxy_not_configured");
}
