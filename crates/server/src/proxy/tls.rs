//! TLS to an `https://` upstream: rustls with the ring provider, trusting the system's
//! certificate store plus, optionally, the certificates of one extra CA file (a private vLLM's
//! own CA, say).

use std::path::Path;
use std::sync::Arc;

use tokio::net::TcpStream;
use tokio_rustls::TlsConnector;
use tokio_rustls::client::TlsStream;
use tokio_rustls::rustls::pki_types::pem::PemObject;
use tokio_rustls::rustls::pki_types::{CertificateDer, ServerName};
use tokio_rustls::rustls::{self, ClientConfig, RootCertStore};

/// How to speak TLS to one upstream host.
#[derive(Debug, Clone)]
pub(super) struct Tls {
    config: Arc<ClientConfig>,
    server_name: ServerName<'static>,
}

impl Tls {
    /// TLS to `host` (a name or an IP address, without brackets or port), trusting the system's
    /// roots and those in `extra_ca` (a PEM file of one or more certificates).
    pub(super) fn new(host: &str, extra_ca: Option<&Path>) -> Result<Self, String> {
        let server_name = ServerName::try_from(host.to_string())
            .map_err(|_| format!("{host}: not a host name or IP address TLS can check"))?;
        let mut roots = RootCertStore::empty();
        let native = rustls_native_certs::load_native_certs();
        for error in &native.errors {
            tracing::warn!(%error, "skipped part of the system's certificate store");
        }
        let (_, skipped) = roots.add_parsable_certificates(native.certs);
        if skipped > 0 {
            tracing::warn!(
                skipped,
                "system certificates rustls cannot use were skipped"
            );
        }
        if let Some(path) = extra_ca {
            for cert in extra_certificates(path)? {
                roots
                    .add(cert)
                    .map_err(|e| format!("{}: not a usable CA certificate: {e}", path.display()))?;
            }
        }
        if roots.is_empty() {
            return Err(
                "no trusted certificate authorities for the https upstream: the system store \
                 (/etc/ssl/certs) is empty or missing; install ca-certificates or set \
                 RAPPORT_UPSTREAM_CA"
                    .into(),
            );
        }
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let mut config = ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .map_err(|e| format!("TLS setup failed: {e}"))?
            .with_root_certificates(roots)
            .with_no_client_auth();
        // The proxy speaks HTTP/1.1 only, and says so.
        config.alpn_protocols = vec![b"http/1.1".to_vec()];
        Ok(Self {
            config: Arc::new(config),
            server_name,
        })
    }

    /// The TLS handshake over a connected socket; the error says what went wrong and, for a
    /// certificate the upstream's chain cannot be checked against, how to trust it.
    pub(super) async fn connect(&self, tcp: TcpStream) -> Result<TlsStream<TcpStream>, String> {
        let connector = TlsConnector::from(self.config.clone());
        connector
            .connect(self.server_name.clone(), tcp)
            .await
            .map_err(|e| {
                let certificate = e
                    .get_ref()
                    .and_then(|inner| inner.downcast_ref::<rustls::Error>())
                    .is_some_and(|inner| matches!(inner, rustls::Error::InvalidCertificate(_)));
                let hint = if certificate {
                    " (if the upstream's CA is private, name its certificate in RAPPORT_UPSTREAM_CA)"
                } else {
                    ""
                };
                format!("TLS handshake failed: {e}{hint}")
            })
    }
}

/// The certificates of a PEM file; at least one.
fn extra_certificates(path: &Path) -> Result<Vec<CertificateDer<'static>>, String> {
    let unreadable = |e: &dyn std::fmt::Display| format!("the CA file {}: {e}", path.display());
    let certs = CertificateDer::pem_file_iter(path)
        .map_err(|e| unreadable(&e))?
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| unreadable(&e))?;
    if certs.is_empty() {
        return Err(unreadable(&"no PEM certificate in the file"));
    }
    Ok(certs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_or_empty_ca_file_is_named() {
        let missing = Tls::new("127.0.0.1", Some(Path::new("/nonexistent/ca.pem"))).unwrap_err();
        assert!(missing.contains("/nonexistent/ca.pem"), "{missing}");
        let empty = std::env::temp_dir().join(format!("rapport-empty-ca-{}", std::process::id()));
        std::fs::write(&empty, "not a certificate\n").unwrap();
        let error = Tls::new("localhost", Some(&empty)).unwrap_err();
        std::fs::remove_file(&empty).unwrap();
        assert!(error.contains("no PEM certificate"), "{error}");
    }
}
