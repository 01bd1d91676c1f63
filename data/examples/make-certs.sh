#!/bin/sh
# make-certs.sh: regenerates the example certificates in certs/ with certtool (GnuTLS).
#
# Dates are fixed so that the examples give the same verdict whenever they
# are checked with --now 2026-11-24T12:00:00Z.  Keys are made in a temporary
# folder and deleted at the end: only the public certificates are kept, since
# the examples never need to sign anything again.  Keys are new on every run,
# so the fingerprints change; the plans do not pin them for that reason.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
out="$here/certs"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

command -v certtool >/dev/null 2>&1 || {
  echo "make-certs.sh: certtool not found; install gnutls-bin." >&2
  exit 2
}

mkdir -p "$out"

key () {
  certtool --generate-privkey --key-type rsa --bits 2048 \
    --outfile "$tmp/$1.key" 2>/dev/null
}

# template NAME: reads the template text from standard input.
template () {
  cat > "$tmp/$1.tmpl"
}

# The private root CA that issues every example certificate.
key root
template root <<'EOF'
cn = "Contoso Root CA"
organization = "Contoso"
serial = 1
activation_date = "2025-01-01 00:00:00 UTC"
expiration_date = "2045-01-01 00:00:00 UTC"
ca
cert_signing_key
crl_signing_key
EOF
certtool --generate-self-signed --hash SHA256 \
  --load-privkey "$tmp/root.key" --template "$tmp/root.tmpl" \
  --outfile "$out/contoso-root.pem" 2>/dev/null

# issue NAME: a server certificate signed by the root.
issue () {
  key "$1"
  certtool --generate-certificate --hash SHA256 \
    --load-privkey "$tmp/$1.key" --template "$tmp/$1.tmpl" \
    --load-ca-certificate "$out/contoso-root.pem" \
    --load-ca-privkey "$tmp/root.key" \
    --outfile "$out/$1.pem" 2>/dev/null
}

# contoso.cwaplan: the one shared MTLS+SSL certificate, exactly as CWA-CERTS
# describes it for cwaserver.contoso.com and https://im.contoso.com.
template im-contoso <<'EOF'
cn = "im.contoso.com"
organization = "Contoso"
serial = 4096
activation_date = "2026-01-01 00:00:00 UTC"
expiration_date = "2036-01-01 00:00:00 UTC"
dns_name = "im.contoso.com"
dns_name = "as.im.contoso.com"
dns_name = "download.im.contoso.com"
dns_name = "cwaserver.contoso.com"
tls_www_server
signing_key
encryption_key
EOF
issue im-contoso

# mistakes.cwaplan: an SSL certificate that forgot the downloadURL and the
# server FQDN, reused for a second domain on the same computer.
template im-contoso-no-download <<'EOF'
cn = "im.contoso.com"
organization = "Contoso"
serial = 4097
activation_date = "2026-01-01 00:00:00 UTC"
expiration_date = "2028-01-01 00:00:00 UTC"
dns_name = "im.contoso.com"
dns_name = "as.im.contoso.com"
tls_www_server
signing_key
encryption_key
EOF
issue im-contoso-no-download

# mistakes.cwaplan: a separate MTLS certificate that expired on 2026-01-01.
template cwaserver-expired <<'EOF'
cn = "cwaserver.contoso.com"
organization = "Contoso"
serial = 4098
activation_date = "2025-01-01 00:00:00 UTC"
expiration_date = "2026-01-01 00:00:00 UTC"
tls_www_server
signing_key
encryption_key
EOF
issue cwaserver-expired

echo "make-certs.sh: wrote $(ls "$out" | wc -l) certificates to $out"
