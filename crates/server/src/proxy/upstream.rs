//! The upstream OpenAI-compatible server: where proxied requests go.

use std::time::Duration;

use axum::body::Bytes;
use futures_util::Stream;
use http_body_util::{BodyExt, Full};
use hyper_util::rt::TokioIo;
use serde_json::Value;
use tokio::net::TcpStream;

/// How long connecting to the upstream may take.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// An OpenAI-compatible base URL (`http://host:port/v1`) and the key to send it.
#[derive(Debug, Clone)]
pub struct Upstream {
    authority: String,
    path_prefix: String,
    api_key: Option<String>,
    /// Longest wait for the upstream's response headers.
    pub timeout: Duration,
}

/// What the upstream answered: its status, content type and body as it arrives.
pub(super) struct Answer {
    pub status: u16,
    pub content_type: Option<String>,
    pub body: BodyChunks,
}

/// The upstream's body, chunk by chunk.
pub(super) type BodyChunks =
    std::pin::Pin<Box<dyn Stream<Item = Result<Bytes, hyper::Error>> + Send>>;

impl Upstream {
    /// Parses a base URL such as `http://127.0.0.1:8000/v1` (requests go to
    /// `{base}/chat/completions`). Only plain HTTP is supported: run a TLS-terminating proxy in
    /// front of a remote https upstream.
    pub fn new(base_url: &str, api_key: Option<String>) -> Result<Self, String> {
        let rest = base_url.strip_prefix("http://").ok_or_else(|| {
            if base_url.starts_with("https://") {
                format!("{base_url}: https upstreams are not supported yet; use http:// (e.g. a local TLS-terminating proxy)")
            } else {
                format!("{base_url}: the upstream URL must start with http://")
            }
        })?;
        let (authority, path) = match rest.find('/') {
            Some(slash) => (&rest[..slash], rest[slash..].trim_end_matches('/')),
            None => (rest, ""),
        };
        if authority.is_empty() {
            return Err(format!("{base_url}: no host"));
        }
        let authority = if authority.contains(':') {
            authority.to_string()
        } else {
            format!("{authority}:80")
        };
        Ok(Self {
            authority,
            path_prefix: path.to_string(),
            api_key: api_key.filter(|k| !k.is_empty()),
            timeout: Duration::from_secs(300),
        })
    }

    /// Sends a chat completion request; errors are for the caller, without secrets.
    pub(super) async fn send(&self, request: &Value) -> Result<Answer, String> {
        let unavailable =
            |e: &dyn std::fmt::Display| format!("the upstream at {} failed: {e}", self.authority);
        let stream = tokio::time::timeout(CONNECT_TIMEOUT, TcpStream::connect(&self.authority))
            .await
            .map_err(|_| unavailable(&"connection timed out"))?
            .map_err(|e| unavailable(&e))?;
        let (mut sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
            .await
            .map_err(|e| unavailable(&e))?;
        tokio::spawn(connection);
        let mut builder = hyper::Request::post(format!("{}/chat/completions", self.path_prefix))
            .header(hyper::header::HOST, &self.authority)
            .header(hyper::header::CONTENT_TYPE, "application/json");
        if let Some(key) = &self.api_key {
            builder = builder.header(hyper::header::AUTHORIZATION, format!("Bearer {key}"));
        }
        let body = Full::new(Bytes::from(request.to_string()));
        let http_request = builder.body(body).map_err(|e| unavailable(&e))?;
        let response = tokio::time::timeout(self.timeout, sender.send_request(http_request))
            .await
            .map_err(|_| unavailable(&"no response in time"))?
            .map_err(|e| unavailable(&e))?;
        let status = response.status().as_u16();
        let content_type = response
            .headers()
            .get(hyper::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let body = response.into_body().into_data_stream();
        Ok(Answer {
            status,
            content_type,
            body: Box::pin(body),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_base_urls() {
        let u = Upstream::new("http://127.0.0.1:8000/v1/", None).unwrap();
        assert_eq!(
            (u.authority.as_str(), u.path_prefix.as_str()),
            ("127.0.0.1:8000", "/v1")
        );
        let bare = Upstream::new("http://llm.local", Some(String::new())).unwrap();
        assert_eq!(
            (bare.authority.as_str(), bare.path_prefix.as_str()),
            ("llm.local:80", "")
        );
        assert!(bare.api_key.is_none());
        assert!(
            Upstream::new("https://api.openai.com/v1", None)
                .unwrap_err()
                .contains("not supported")
        );
        assert!(Upstream::new("ftp://x", None).is_err());
    }
}
