//! The upstream OpenAI-compatible server: where proxied requests go.

use std::path::Path;
use std::time::Duration;

use axum::body::Bytes;
use futures_util::Stream;
use http_body_util::{BodyExt, Full};
use hyper_util::rt::TokioIo;
use serde_json::Value;
use tokio::net::TcpStream;

use super::tls::Tls;

/// An OpenAI-compatible base URL (`http://host:port/v1` or `https://…`) and the key to send it.
#[derive(Clone)]
pub struct Upstream {
    /// `host:port`, where to connect.
    authority: String,
    /// The `Host` header: the URL's host and port as written.
    host: String,
    path_prefix: String,
    api_key: Option<String>,
    /// TLS settings for an `https://` upstream.
    tls: Option<Tls>,
    /// Longest wait for a connection, TLS handshake included (10 s).
    pub connect_timeout: Duration,
    /// Longest wait for the upstream's response headers (300 s).
    pub timeout: Duration,
}

impl std::fmt::Debug for Upstream {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The key stays out of logs.
        f.debug_struct("Upstream")
            .field("authority", &self.authority)
            .field("path_prefix", &self.path_prefix)
            .field("https", &self.tls.is_some())
            .field("connect_timeout", &self.connect_timeout)
            .field("timeout", &self.timeout)
            .finish_non_exhaustive()
    }
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
    /// Parses a base URL such as `http://127.0.0.1:8000/v1` or `https://api.openai.com/v1`
    /// (requests go to `{base}/chat/completions`). An `https://` upstream's certificate must
    /// chain to the system's certificate store.
    pub fn new(base_url: &str, api_key: Option<String>) -> Result<Self, String> {
        Self::with_ca(base_url, api_key, None)
    }

    /// As [`Upstream::new`], an `https://` upstream's certificate may also chain to one of the
    /// CA certificates in the PEM file `extra_ca` (for a private CA). The file is read now.
    pub fn with_ca(
        base_url: &str,
        api_key: Option<String>,
        extra_ca: Option<&Path>,
    ) -> Result<Self, String> {
        let (rest, https) = if let Some(rest) = base_url.strip_prefix("http://") {
            (rest, false)
        } else if let Some(rest) = base_url.strip_prefix("https://") {
            (rest, true)
        } else {
            return Err(format!(
                "{base_url}: the upstream URL must start with http:// or https://"
            ));
        };
        let (host, path) = match rest.find('/') {
            Some(slash) => (&rest[..slash], rest[slash..].trim_end_matches('/')),
            None => (rest, ""),
        };
        let (name, port) = split_host(host).ok_or_else(|| format!("{base_url}: no host"))?;
        let default_port = if https { "443" } else { "80" };
        let authority = match port {
            Some(_) => host.to_string(),
            None => format!("{host}:{default_port}"),
        };
        let tls = if https {
            Some(Tls::new(name, extra_ca).map_err(|e| format!("{base_url}: {e}"))?)
        } else {
            if extra_ca.is_some() {
                tracing::warn!("the upstream CA file is unused: the upstream is plain http://");
            }
            None
        };
        Ok(Self {
            authority,
            host: host.to_string(),
            path_prefix: path.to_string(),
            api_key: api_key.filter(|k| !k.is_empty()),
            tls,
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(300),
        })
    }

    /// Sends a chat completion request; errors are for the caller, without secrets.
    pub(super) async fn send(&self, request: &Value) -> Result<Answer, String> {
        let unavailable =
            |e: &dyn std::fmt::Display| format!("the upstream at {} failed: {e}", self.authority);
        // Connecting, TLS handshake included, has one deadline.
        let deadline = tokio::time::Instant::now() + self.connect_timeout;
        let tcp = tokio::time::timeout_at(deadline, TcpStream::connect(&self.authority))
            .await
            .map_err(|_| unavailable(&"connection timed out"))?
            .map_err(|e| unavailable(&e))?;
        let Some(tls) = &self.tls else {
            return self
                .exchange(tcp, request)
                .await
                .map_err(|e| unavailable(&e));
        };
        let stream = tokio::time::timeout_at(deadline, tls.connect(tcp))
            .await
            .map_err(|_| unavailable(&"TLS handshake timed out"))?
            .map_err(|e| unavailable(&e))?;
        self.exchange(stream, request)
            .await
            .map_err(|e| unavailable(&e))
    }

    /// The HTTP/1.1 request and response over a connected stream, plain or TLS.
    async fn exchange<S>(&self, stream: S, request: &Value) -> Result<Answer, String>
    where
        S: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin + Send + 'static,
    {
        let unavailable = |e: &dyn std::fmt::Display| e.to_string();
        let (mut sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
            .await
            .map_err(|e| unavailable(&e))?;
        tokio::spawn(connection);
        let mut builder = hyper::Request::post(format!("{}/chat/completions", self.path_prefix))
            .header(hyper::header::HOST, &self.host)
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

/// A URL's host (`name`, `name:port`, `[v6]` or `[v6]:port`) as its name, without brackets,
/// and its port when written; `None` when there is no name.
fn split_host(host: &str) -> Option<(&str, Option<&str>)> {
    let (name, port) = if let Some(v6) = host.strip_prefix('[') {
        let (name, after) = v6.split_once(']')?;
        (name, after.strip_prefix(':'))
    } else {
        match host.rsplit_once(':') {
            Some((name, port)) => (name, Some(port)),
            None => (host, None),
        }
    };
    (!name.is_empty()).then_some((name, port))
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
            (
                bare.authority.as_str(),
                bare.host.as_str(),
                bare.path_prefix.as_str()
            ),
            ("llm.local:80", "llm.local", "")
        );
        assert!(bare.api_key.is_none() && bare.tls.is_none());
        assert!(Upstream::new("ftp://x", None).is_err());
        assert!(Upstream::new("http:///v1", None).is_err());
    }

    #[test]
    fn https_urls_default_to_port_443_and_keep_the_key_out_of_debug() {
        let ca = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/api/tls/ca.pem"));
        let u = Upstream::with_ca(
            "https://api.openai.com/v1",
            Some("sk-secret".into()),
            Some(ca),
        )
        .unwrap();
        assert_eq!(
            (u.authority.as_str(), u.host.as_str(), u.tls.is_some()),
            ("api.openai.com:443", "api.openai.com", true)
        );
        assert!(!format!("{u:?}").contains("sk-secret"));
        let v6 = Upstream::with_ca("https://[::1]:8443/v1", None, Some(ca)).unwrap();
        assert_eq!(v6.authority, "[::1]:8443");
        assert_eq!(split_host("[::1]"), Some(("::1", None)));
        assert_eq!(split_host(":80"), None);
    }
}
