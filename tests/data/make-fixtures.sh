#!/bin/sh
# make-fixtures.sh: regenerates tests/data/fixtures/ (certificate files in every format the loader reads).
#
# Dates are fixed (certtool templates and `openssl ca -startdate/-enddate`)
# and the keys are the committed ones in tests/data/keys/, so the
# certificates come out byte-identical on every run.  PKCS#12 files carry a
# random salt and IV: their bytes change, their content does not.  The tests
# read the committed outputs; run this only to add or change a fixture.
set -eu

export TZ=UTC
here=$(cd "$(dirname "$0")" && pwd)
keys="$here/keys"
out="$here/fixtures"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"
cd "$out"

pass='Contoso!2026'

# --- a three-level chain: ECDSA P-384 root, RSA 3072 issuing CA, RSA 2048 server ---
cat > "$tmp/root.tmpl" <<EOF
cn = "Contoso Root CA"
organization = "Contoso"
country = "US"
serial = 1
activation_date = "2020-01-01 00:00:00"
# After 2049: encoded as GeneralizedTime, and past 2038 for 32-bit time_t.
expiration_date = "2051-01-01 00:00:00"
ca
cert_signing_key
crl_signing_key
EOF
certtool --generate-self-signed --load-privkey "$keys/ec384.key" \
  --template "$tmp/root.tmpl" --hash SHA384 --outfile root.pem 2>/dev/null

cat > "$tmp/int.tmpl" <<EOF
cn = "Contoso Issuing CA"
organization = "Contoso"
country = "US"
serial = 4096
activation_date = "2021-01-01 00:00:00"
expiration_date = "2031-01-01 00:00:00"
ca
path_len = 0
cert_signing_key
crl_signing_key
EOF
certtool --generate-certificate --load-privkey "$keys/rsa3072.key" \
  --load-ca-certificate root.pem --load-ca-privkey "$keys/ec384.key" \
  --template "$tmp/int.tmpl" --hash SHA384 --outfile int.pem 2>/dev/null

cat > "$tmp/leaf.tmpl" <<EOF
cn = "im.contoso.com"
organization = "Contoso"
locality = "Redmond"
state = "Washington"
country = "US"
serial = 0x4a1b2c3d4e5f60718293a4b5c6d7e8f9
activation_date = "2026-01-01 00:00:00"
expiration_date = "2027-01-01 00:00:00"
dns_name = "im.contoso.com"
dns_name = "as.im.contoso.com"
dns_name = "download.im.contoso.com"
ip_address = "192.0.2.10"
ip_address = "2001:db8::10"
email = "admin@contoso.com"
uri = "https://im.contoso.com/cwa"
tls_www_server
signing_key
encryption_key
EOF
certtool --generate-certificate --load-privkey "$keys/rsa2048.key" \
  --load-ca-certificate int.pem --load-ca-privkey "$keys/rsa3072.key" \
  --template "$tmp/leaf.tmpl" --hash SHA256 --outfile leaf.pem 2>/dev/null

# --- the same certificates in the other containers ---
openssl x509 -in leaf.pem -outform DER -out leaf.der
cat leaf.pem int.pem root.pem > chain.pem
{
  echo "Chain of im.contoso.com, as OpenSSL prints it."
  echo
  for c in leaf int root; do
    openssl x509 -in $c.pem -text
    echo
  done
} > bundle-text.pem
openssl crl2pkcs7 -nocrl -certfile chain.pem -outform DER -out chain.p7b
openssl crl2pkcs7 -nocrl -certfile chain.pem -outform PEM -out chain-p7b.pem
openssl x509 -in leaf.pem -trustout -addtrust serverAuth -out leaf-trusted.pem

# PEM with the private key: unencrypted (PKCS#8) first, and encrypted.
openssl pkcs8 -topk8 -nocrypt -in "$keys/rsa2048.key" -out "$tmp/leaf.p8"
cat "$tmp/leaf.p8" int.pem leaf.pem > key-and-chain.pem
openssl pkcs8 -topk8 -v2 aes-256-cbc -passout "pass:$pass" -in "$keys/rsa2048.key" \
  -out "$tmp/leaf-enc.p8"
cat leaf.pem "$tmp/leaf-enc.p8" > leaf-encrypted-key.pem
cp "$tmp/leaf.p8" key-only.pem

# PKCS#12: OpenSSL 3 defaults (AES-256-CBC, PBKDF2, HMAC-SHA-256 MAC) ...
openssl pkcs12 -export -in leaf.pem -inkey "$keys/rsa2048.key" -certfile int.pem \
  -name "im.contoso.com" -passout "pass:$pass" -out modern.pfx
# ... what Windows Server 2008 exported (RC2-40 certificates, 3DES key, SHA-1 MAC) ...
openssl pkcs12 -export -legacy -certpbe PBE-SHA1-RC2-40 -keypbe PBE-SHA1-3DES -macalg sha1 \
  -in leaf.pem -inkey "$keys/rsa2048.key" -certfile int.pem \
  -name "im.contoso.com" -passout "pass:$pass" -out legacy.pfx
# ... an empty password, and no protection at all.
openssl pkcs12 -export -in leaf.pem -inkey "$keys/rsa2048.key" -passout pass: \
  -out empty-password.pfx
openssl pkcs12 -export -in leaf.pem -inkey "$keys/rsa2048.key" -passout pass: \
  -keypbe NONE -certpbe NONE -nomac -out unprotected.pfx

# ... Windows Server 2003's "no MAC" export: RC2-40 certificates, an empty
# password, and nothing that says whether a password is needed (OpenSSL's
# -nomac would leave the certificates unencrypted: the MAC is cut off).
openssl pkcs12 -export -legacy -certpbe PBE-SHA1-RC2-40 -keypbe PBE-SHA1-3DES \
  -in leaf.pem -inkey "$keys/rsa2048.key" -passout pass: -out "$tmp/rc2-empty.pfx"
python3 "$here/reshape-pkcs12.py" "$tmp/rc2-empty.pfx" nomac-rc2-empty.pfx nomac
# Work an input can ask for: the MAC's iteration count patched to 2^31-1
# (OpenSSL only writes 1 or 2048), and certificates encrypted with
# 2,000,000 PBKDF2 iterations (-iter sets the MAC's count too: patched back
# to 2,048, so that only the bags' count is out of bounds).
openssl pkcs12 -export -in leaf.pem -inkey "$keys/rsa2048.key" -passout "pass:$pass" \
  -out "$tmp/mac.pfx"
python3 "$here/reshape-pkcs12.py" "$tmp/mac.pfx" mac-iterations.pfx mac-iterations 2147483647
openssl pkcs12 -export -in leaf.pem -inkey "$keys/rsa2048.key" -passout "pass:$pass" \
  -iter 2000000 -out "$tmp/bag.pfx"
python3 "$here/reshape-pkcs12.py" "$tmp/bag.pfx" bag-iterations.pfx mac-iterations 2048
# ... and in all: three bags of certificates at 1,000,000 iterations each
# (each within the bound, together past it), and 5,000 bags, which GnuTLS
# would decode in time growing with the square of their number.
openssl pkcs12 -export -in leaf.pem -inkey "$keys/rsa2048.key" -passout "pass:$pass" \
  -certpbe AES-256-CBC -iter 1000000 -out "$tmp/bag-1m.pfx"
python3 "$here/reshape-pkcs12.py" "$tmp/bag-1m.pfx" total-iterations.pfx repeat 3
python3 "$here/reshape-pkcs12.py" unprotected.pfx many-bags.pfx pad 5000

# --- damaged and wrong inputs ---
head -c 900 leaf.pem > truncated.pem
# Fixed bytes (not random at each run), one blob starting like DER.
printf 'Not a certificate, just words.\n' > words.txt
if [ ! -f garbage.bin ]; then openssl rand 2048 > garbage.bin; fi
if [ ! -f garbage-der.bin ]; then { printf '\060\202\007\375'; openssl rand 2045; } > garbage-der.bin; fi
cat > "$tmp/req.tmpl" <<EOF
cn = "im.contoso.com"
dns_name = "im.contoso.com"
EOF
certtool --generate-request --load-privkey "$keys/rsa2048.key" --template "$tmp/req.tmpl" \
  --outfile request.pem 2>/dev/null
# A PEM whose Base64 is damaged in the middle.
sed '5s/^..../!!!!/' leaf.pem > bad-base64.pem

# --- certificates certtool cannot describe: OpenSSL's `ca` with fixed dates ---
mkdir -p "$tmp/ca"
: > "$tmp/ca/index.txt"
cat > "$tmp/ca.cnf" <<EOF
[ ca ]
default_ca = cwa
[ cwa ]
database = $tmp/ca/index.txt
new_certs_dir = $tmp/ca
serial = $tmp/ca/serial
policy = anything
unique_subject = no
copy_extensions = none
[ anything ]
commonName = optional
organizationName = optional
organizationalUnitName = optional
countryName = optional
[ odd ]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, nonRepudiation, keyEncipherment, dataEncipherment, keyAgreement, keyCertSign, cRLSign, encipherOnly, decipherOnly
extendedKeyUsage = serverAuth, clientAuth, 1.3.6.1.4.1.311.20.2.2
subjectAltName = @odd_san
[ odd_san ]
DNS.1 = *.contoso.com
otherName.1 = 1.3.6.1.4.1.311.20.2.3;UTF8:administrator@contoso.com
dirName.1 = odd_dir
RID.1 = 1.2.3.4.5
IP.1 = 10.0.0.1
DNS.2 = contoso.com
[ odd_dir ]
CN = Directory Name
O = Contoso
EOF
req() {
  openssl req -new -key "$keys/rsa2048.key" -subj "$1" -out "$tmp/req.csr"
}
# Two CNs (the last is the most specific), every key usage bit, odd SAN
# types, SHA-1, and the "no well-defined expiration" date of RFC 5280.
req "/O=Contoso/CN=Contoso Web/CN=wild.contoso.com"
echo 0A > "$tmp/ca/serial"
openssl ca -batch -config "$tmp/ca.cnf" -selfsign -keyfile "$keys/rsa2048.key" \
  -preserveDN -in "$tmp/req.csr" -md sha1 -startdate 20260101000000Z -enddate 99991231235959Z \
  -extensions odd -notext -out odd.pem 2>/dev/null
# Version 1: no extensions at all.
req "/CN=v1.contoso.com/O=Contoso"
echo 0B > "$tmp/ca/serial"
openssl ca -batch -config "$tmp/ca.cnf" -selfsign -keyfile "$keys/rsa2048.key" \
  -in "$tmp/req.csr" -md sha256 -startdate 20260101000000Z -enddate 20270101000000Z \
  -notext -out v1.pem 2>/dev/null

# An ECDSA P-256 certificate signed with ECDSA-SHA256.
cat > "$tmp/ec.tmpl" <<EOF
cn = "ec.contoso.com"
serial = 12
activation_date = "2026-01-01 00:00:00"
expiration_date = "2027-01-01 00:00:00"
dns_name = "ec.contoso.com"
tls_www_server
signing_key
EOF
certtool --generate-self-signed --load-privkey "$keys/ec256.key" --template "$tmp/ec.tmpl" \
  --hash SHA256 --outfile ec.pem 2>/dev/null

echo "Fixtures written to $out"
