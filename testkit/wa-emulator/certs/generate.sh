#!/bin/sh
# Regenerates the TEST-ONLY TLS material used by the wa-emulator media server.
# Never trust this CA outside tests: its private key is committed to the repository.
set -eu
cd "$(dirname "$0")"
DAYS=10950 # ~30 years, so tests never break because a certificate expired

openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
  -keyout ca.key -out ca.pem -days "$DAYS" \
  -subj "/CN=Chatdock wa-emulator TEST-ONLY CA (do not trust outside tests)" \
  -addext "basicConstraints=critical,CA:TRUE" \
  -addext "keyUsage=critical,keyCertSign,cRLSign"

openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
  -keyout server.key -out server.csr \
  -subj "/CN=127.0.0.1 (Chatdock wa-emulator TEST-ONLY)"

cat > server.ext <<EXT
basicConstraints=CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth
subjectAltName=IP:127.0.0.1,IP:::1,DNS:localhost
EXT

openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial \
  -out server.pem -days "$DAYS" -extfile server.ext
rm -f server.csr server.ext ca.srl
