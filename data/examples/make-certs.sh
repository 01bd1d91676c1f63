#!/bin/sh
# make-certs.sh: regenerates the example certificates in certs/ with certtool (GnuTLS).
#
# Dates are fixed so that the examples give the same verdict whenever they
# are checked with --now 2026-11-24T12:00:00Z; every certificate meant to
# pass is valid from 2026-01-01 to 2036-01-01, so a check without --now
# gives the same verdict for years.  Keys are made in a temporary
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

# root NAME: a self-signed root CA from the template NAME.
root () {
  key "$1"
  certtool --generate-self-signed --hash SHA256 \
    --load-privkey "$tmp/$1.key" --template "$tmp/$1.tmpl" \
    --outfile "$out/$1.pem" 2>/dev/null
}

# The private root CA that issues every example certificate but the
# reverse proxy's listener certificate.
template contoso-root <<'EOF'
cn = "Contoso Root CA"
organization = "Contoso"
serial = 1
activation_date = "2025-01-01 00:00:00 UTC"
expiration_date = "2045-01-01 00:00:00 UTC"
ca
cert_signing_key
crl_signing_key
EOF
root contoso-root

# contoso-array.cwaplan: a stand-in for a public CA, which cannot sign an
# example.  A check treats it as public only when it is given with
# --public-ca; the plan does not list it.
template stand-in-public-root <<'EOF'
cn = "Stand-in Public Root CA"
organization = "Example public CA (stand-in, trusted nowhere)"
serial = 1
activation_date = "2025-01-01 00:00:00 UTC"
expiration_date = "2045-01-01 00:00:00 UTC"
ca
cert_signing_key
crl_signing_key
EOF
root stand-in-public-root

# issue NAME [CA]: a server certificate signed by CA (default: the Contoso
# root).
issue () {
  ca=${2:-contoso-root}
  key "$1"
  certtool --generate-certificate --hash SHA256 \
    --load-privkey "$tmp/$1.key" --template "$tmp/$1.tmpl" \
    --load-ca-certificate "$out/$ca.pem" \
    --load-ca-privkey "$tmp/$ca.key" \
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

# contoso-array.cwaplan: two CWA servers behind a load balancer for
# im.contoso.com.  Each computer has its own MTLS certificate (subject its
# FQDN; Server and Client Authentication) ...
for n in 1 2; do
  template "mtls-cwa0$n" <<EOF
cn = "cwa0$n.contoso.com"
organization = "Contoso"
serial = $((4100 + n))
activation_date = "2026-01-01 00:00:00 UTC"
expiration_date = "2036-01-01 00:00:00 UTC"
tls_www_server
tls_www_client
signing_key
encryption_key
EOF
  issue "mtls-cwa0$n"
done

# ... and both serve the array's one SSL certificate, whose subject is the
# array FQDN whatever the computers are called (CWA-LB).
template im-contoso-array <<'EOF'
cn = "im.contoso.com"
organization = "Contoso"
serial = 4103
activation_date = "2026-01-01 00:00:00 UTC"
expiration_date = "2036-01-01 00:00:00 UTC"
dns_name = "im.contoso.com"
dns_name = "as.im.contoso.com"
dns_name = "download.im.contoso.com"
tls_www_server
signing_key
encryption_key
EOF
issue im-contoso-array

# contoso-array.cwaplan: the reverse proxy's listener certificate for the
# published im.contoso.com, from the stand-in public CA.
template im-contoso-public <<'EOF'
cn = "im.contoso.com"
organization = "Contoso"
serial = 8192
activation_date = "2026-01-01 00:00:00 UTC"
expiration_date = "2036-01-01 00:00:00 UTC"
dns_name = "im.contoso.com"
dns_name = "as.im.contoso.com"
dns_name = "download.im.contoso.com"
tls_www_server
signing_key
encryption_key
EOF
issue im-contoso-public stand-in-public-root

echo "make-certs.sh: wrote $(ls "$out" | wc -l) certificates to $out"
