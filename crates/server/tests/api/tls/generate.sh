#!/bin/sh
# Regenerates the test-only CA and server certificate of the TLS proxy tests (tls.rs).
# They are valid for 100 years, for 127.0.0.1 and localhost; the keys protect nothing.
# Run from this directory: sh generate.sh
set -eu
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 36500 \
  -keyout ca.key -out ca.pem -subj "/CN=Rapport test CA" \
  -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign"
openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \
  -keyout server.key -out server.csr -subj "/CN=127.0.0.1"
printf '%s\n' "basicConstraints=critical,CA:FALSE" "keyUsage=critical,digitalSignature" \
  "extendedKeyUsage=serverAuth" "subjectAltName=IP:127.0.0.1,DNS:localhost" > server.ext
openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 36500 \
  -extfile server.ext -out server.pem
# PKCS#8, which rustls reads.
openssl pkcs8 -topk8 -nocrypt -in server.key -out server.key.p8 && mv server.key.p8 server.key
rm -f server.csr server.ext ca.key ca.srl
# A CA that signed nothing here: trusting only it, the server's certificate is untrusted.
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 36500 \
  -keyout other-ca.key -out other-ca.pem -subj "/CN=Rapport unrelated test CA" \
  -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign"
rm -f other-ca.key
