//! A real server on a loopback port over a real SQLite store in a temporary directory, and a
//! small HTTP/1.1 client.

use std::net::SocketAddr;
use std::sync::Arc;

use axum::body::Bytes;
use http_body_util::{BodyExt, Full};
use hyper_util::rt::TokioIo;
use rapport_engine::{Engine, EngineConfig, Parts};
use rapport_server::{Server, ServerConfig};
use serde_json::Value;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::oneshot;

use crate::scripted::CityLearner;

pub const ADMIN: &str = "admin-secret";

pub struct TestServer {
    pub addr: SocketAddr,
    pub engine: Arc<Engine>,
    _dir: tempfile::TempDir,
    _stop: oneshot::Sender<()>,
}

/// A response: status and JSON body (`Null` for an empty body, a string for text).
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub body: Value,
}

impl TestServer {
    pub async fn start() -> Self {
        Self::start_with(ServerConfig::default()).await
    }

    pub async fn start_with(config: ServerConfig) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let engine_config = EngineConfig::with_data_dir(dir.path());
        let store =
            Arc::new(rapport_store::SqliteStore::open(engine_config.database_path()).unwrap());
        Self::start_on(store, dir, config).await
    }

    /// A server over `store` with the scripted learner; `dir` lives as long as the server.
    pub async fn start_on(
        store: Arc<dyn rapport_store::Store>,
        dir: tempfile::TempDir,
        config: ServerConfig,
    ) -> Self {
        let engine_config = EngineConfig::with_data_dir(dir.path());
        let parts = Parts {
            store,
            learner: Arc::new(CityLearner),
            embedder: Arc::new(rapport_models::StaticEmbedder::builtin()),
        };
        let engine = Arc::new(Engine::with_parts(engine_config, parts));
        Self::start_engine(engine, dir, config).await
    }

    /// A server with the built-in learner and embedder (what `rapport serve` runs).
    pub async fn start_builtin() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let engine = Engine::open(EngineConfig::with_data_dir(dir.path())).unwrap();
        Self::start_engine(Arc::new(engine), dir, ServerConfig::default()).await
    }

    async fn start_engine(
        engine: Arc<Engine>,
        dir: tempfile::TempDir,
        mut config: ServerConfig,
    ) -> Self {
        config.admin_key = Some(ADMIN.into());
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let (stop, stopped) = oneshot::channel::<()>();
        let server = Server::new(engine.clone(), config);
        tokio::spawn(server.serve_on(listener, async {
            let _ = stopped.await;
        }));
        Self {
            addr,
            engine,
            _dir: dir,
            _stop: stop,
        }
    }

    pub async fn raw(&self, method: &str, path: &str, key: Option<&str>, body: Vec<u8>) -> Reply {
        let stream = TcpStream::connect(self.addr).await.unwrap();
        let (mut sender, conn) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
            .await
            .unwrap();
        tokio::spawn(conn);
        let mut request = hyper::Request::builder()
            .method(method)
            .uri(path)
            .header("host", "rapport.test")
            .header("content-type", "application/json");
        if let Some(key) = key {
            request = request.header("authorization", format!("Bearer {key}"));
        }
        let response = sender
            .send_request(request.body(Full::new(Bytes::from(body))).unwrap())
            .await
            .unwrap();
        let status = response.status().as_u16();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        let body = if bytes.is_empty() {
            Value::Null
        } else {
            serde_json::from_slice(&bytes)
                .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into()))
        };
        Reply { status, body }
    }

    pub async fn call(
        &self,
        method: &str,
        path: &str,
        key: Option<&str>,
        body: Option<Value>,
    ) -> Reply {
        let body = body.map(|b| b.to_string().into_bytes()).unwrap_or_default();
        self.raw(method, path, key, body).await
    }

    pub async fn get(&self, path: &str, key: &str) -> Reply {
        self.call("GET", path, Some(key), None).await
    }

    pub async fn post(&self, path: &str, key: &str, body: Value) -> Reply {
        self.call("POST", path, Some(key), Some(body)).await
    }

    /// Registers a tenant and returns a new key for it.
    pub async fn tenant_key(&self, tenant: &str) -> String {
        let created = self
            .post(
                "/v1/admin/tenants",
                ADMIN,
                serde_json::json!({"name": tenant}),
            )
            .await;
        assert!(matches!(created.status, 201 | 409), "{created:?}");
        let key = self
            .call(
                "POST",
                &format!("/v1/admin/tenants/{tenant}/keys"),
                Some(ADMIN),
                None,
            )
            .await;
        assert_eq!(key.status, 201, "{key:?}");
        key.body["key"].as_str().unwrap().to_string()
    }

    /// Ingests messages for a user; `said` pairs are (event id, text).
    pub async fn said(&self, key: &str, user: &str, said: &[(&str, &str)]) -> Reply {
        let events: Vec<Value> = said
            .iter()
            .enumerate()
            .map(|(i, (id, text))| {
                serde_json::json!({
                    "user": user, "id": id, "type": "message", "text": text,
                    "time": format!("2024-03-{:02}T09:00:00Z", i + 1), "session": "s1"
                })
            })
            .collect();
        self.post("/v1/events", key, serde_json::json!({ "events": events }))
            .await
    }
}

/// Replaces what changes from run to run (times, generated ids and secrets) with placeholders.
pub fn redact(mut value: Value) -> Value {
    redact_in(&mut value);
    value
}

fn redact_in(value: &mut Value) {
    match value {
        Value::Object(map) => {
            for (name, field) in map.iter_mut() {
                let volatile = matches!(
                    name.as_str(),
                    "valid_from"
                        | "valid_to"
                        | "last_seen"
                        | "created"
                        | "first_time"
                        | "last_time"
                ) || (name == "time" && field.is_string());
                if volatile && !field.is_null() {
                    *field = Value::String(format!("[{name}]"));
                } else if let Some(text) = field.as_str() {
                    if text.starts_with("rpk_") {
                        *field = Value::String("[secret]".into());
                    } else if text.starts_with("key_") {
                        *field = Value::String("[key_id]".into());
                    } else if text.contains("`key_") {
                        let words: Vec<String> = text
                            .split(' ')
                            .map(|w| {
                                if w.starts_with("`key_") {
                                    "`[key_id]`".into()
                                } else {
                                    w.to_string()
                                }
                            })
                            .collect();
                        *field = Value::String(words.join(" "));
                    }
                } else {
                    redact_in(field);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(redact_in),
        _ => {}
    }
}
