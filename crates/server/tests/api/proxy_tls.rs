//! The proxy to an `https://` upstream: the scripted OpenAI-compatible upstream served over TLS
//! on loopback with a test-only certificate (`tls/`, made by `tls/generate.sh`), trusted
//! through the extra CA setting; and the failures an untrusted certificate, a server that never
//! answers the handshake or a plain-HTTP server give: prompt 502s, never hangs. Plain `http://`
//! upstreams are the rest of `proxy.rs`.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use hyper_util::rt::TokioIo;
use hyper_util::service::TowerToHyperService;
use rapport_server::proxy::Upstream;
use serde_json::json;
use tokio::net::TcpListener;
use tokio_rustls::TlsAcceptor;
use tokio_rustls::rustls::pki_types::pem::PemObject;
use tokio_rustls::rustls::pki_types::{CertificateDer, PrivateKeyDer};
use tokio_rustls::rustls::{self, ServerConfig};

use crate::harness::TestServer;
use crate::openai_script::{self, Script};
use crate::proxy::{proxied_by, streams_hello_chunk_by_chunk};

fn tls_file(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/api/tls")
        .join(name)
}

/// Serves the scripted upstream over TLS (certificate for 127.0.0.1 signed by `tls/ca.pem`);
/// its `https://` base URL.
async fn start_tls_upstream() -> (String, Script) {
    let certs = CertificateDer::pem_file_iter(tls_file("server.pem"))
        .unwrap()
        .collect::<Result<Vec<_>, _>>()
        .unwrap();
    let key = PrivateKeyDer::from_pem_file(tls_file("server.key")).unwrap();
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(certs, key)
        .unwrap();
    let acceptor = TlsAcceptor::from(Arc::new(config));
    let script = Script::default();
    let app = openai_script::app(script.clone());
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((tcp, _)) = listener.accept().await {
            let (acceptor, service) = (acceptor.clone(), TowerToHyperService::new(app.clone()));
            tokio::spawn(async move {
                // A client that rejects the certificate ends the handshake: nothing to serve.
                let Ok(tls) = acceptor.accept(tcp).await else {
                    return;
                };
                let _ = hyper::server::conn::http1::Builder::new()
                    .serve_connection(TokioIo::new(tls), service)
                    .await;
            });
        }
    });
    (format!("https://{addr}/v1"), script)
}

async fn server_trusting(base: &str, ca: &str) -> TestServer {
    let upstream =
        Upstream::with_ca(base, Some("sk-upstream".into()), Some(&tls_file(ca))).unwrap();
    proxied_by(upstream).await
}

fn question() -> serde_json::Value {
    json!({"model": "m", "user": "ana", "messages": [{"role": "user", "content": "Where do I live?"}]})
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_https_upstream_trusted_through_the_extra_ca_answers_whole_and_streamed() {
    let (base, script) = start_tls_upstream().await;
    let server = server_trusting(&base, "ca.pem").await;
    let key = server.tenant_key("acme").await;
    server
        .said(&key, "ana", &[("e1", "I live in Paris.")])
        .await;
    let reply = server.post("/v1/chat/completions", &key, question()).await;
    assert_eq!(reply.status, 200, "{:?}", reply.body);
    assert_eq!(
        reply.body["choices"][0]["message"]["content"],
        "You live in Paris."
    );
    let (auth, forwarded) = script.requests.lock().unwrap()[0].clone();
    assert_eq!(auth.as_deref(), Some("Bearer sk-upstream"));
    let system = forwarded["messages"][0]["content"].as_str().unwrap();
    assert!(system.contains("I live in Paris."), "{system}");

    // Server-sent events pass through TLS chunk by chunk, as over plain HTTP.
    streams_hello_chunk_by_chunk(&server, &key, &script).await;
}

/// Posts the question and expects a prompt 502 `upstream_unavailable`; its message.
async fn unavailable(server: &TestServer) -> String {
    let key = server.tenant_key("acme").await;
    let started = Instant::now();
    let reply = server.post("/v1/chat/completions", &key, question()).await;
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "a handshake failure is not a timeout"
    );
    assert_eq!(reply.status, 502, "{:?}", reply.body);
    assert_eq!(reply.body["error"]["code"], "upstream_unavailable");
    assert!(!reply.body.to_string().contains("sk-upstream"));
    reply.body["error"]["message"].as_str().unwrap().to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_untrusted_certificate_is_a_502_that_says_how_to_trust_it() {
    let (base, script) = start_tls_upstream().await;
    // Trusting only a CA that did not sign the upstream's certificate.
    let server = server_trusting(&base, "other-ca.pem").await;
    let message = unavailable(&server).await;
    assert!(message.contains("TLS handshake failed"), "{message}");
    assert!(message.contains("UnknownIssuer"), "{message}");
    assert!(message.contains("RAPPORT_UPSTREAM_CA"), "{message}");
    assert!(
        script.requests.lock().unwrap().is_empty(),
        "nothing was sent"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_upstream_that_never_answers_the_handshake_times_out() {
    // Accepts connections and holds them without a word.
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((tcp, _)) = listener.accept().await {
            held.push(tcp);
        }
    });
    let mut upstream = Upstream::with_ca(
        &format!("https://{addr}/v1"),
        None,
        Some(&tls_file("ca.pem")),
    )
    .unwrap();
    upstream.connect_timeout = Duration::from_millis(300);
    let server = proxied_by(upstream).await;
    let message = unavailable(&server).await;
    assert!(message.contains("TLS handshake timed out"), "{message}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn https_to_a_plain_http_upstream_is_a_502() {
    let (plain_base, script) = openai_script::start_upstream().await;
    let base = plain_base.replacen("http://", "https://", 1);
    let server = server_trusting(&base, "ca.pem").await;
    let message = unavailable(&server).await;
    assert!(message.contains("TLS handshake failed"), "{message}");
    assert!(script.requests.lock().unwrap().is_empty());
}
