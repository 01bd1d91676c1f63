#!/bin/sh
# make-seeds.sh: regenerates the fuzz seed corpora in tests/fuzz/corpus/ from the test data.
#
# Small on purpose: one file per shape the readers know (each fixture
# certificate file, the example plans, a plan with an embedded PEM chain,
# host names, URLs and listen addresses).  Run it after adding fixtures.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
fixtures="$here/../data/fixtures"
examples="$here/../../data/examples"
out="$here/corpus"

rm -rf "$out"
mkdir -p "$out/loader" "$out/plan" "$out/names"

# The loader: every fixture, as it is.
for f in "$fixtures"/*; do
  cp "$f" "$out/loader/$(basename "$f")"
done

# The plan reader: the example plans, and one embedding a PEM chain.
cp "$examples"/*.cwaplan "$out/plan/"
pem=$(sed ':a;N;$!ba;s/\n/\\n/g' "$fixtures/chain.pem")
cat > "$out/plan/embedded-pem.cwaplan" <<PLAN
{
  "format": "cwa-cert-plan",
  "version": 1,
  "name": "Zürich \u00e9 \ud83d\ude00",
  "certificates": [ { "id": "im", "pem": "$pem" } ],
  "servers": [
    {
      "fqdn": "cwaserver.contoso.com",
      "mtls_certificate": "im",
      "virtual_servers": [
        { "url": "https://im.contoso.com", "audience": "internal", "ssl_certificate": "im",
          "listen": "192.0.2.10:443" }
      ]
    }
  ],
  "x-unknown": { "kept": [1, 2.5, true, null] }
}
PLAN

# A version 2 plan: an offloading load balancer in front of an array, a
# reverse proxy publishing it, every optional key, and unknown keys in the
# new sections (kept, never refused).
cat > "$out/plan/embedded-pem-v2.cwaplan" <<PLAN
{
  "format": "cwa-cert-plan",
  "version": 2,
  "name": "Array \u00e9",
  "certificates": [ { "id": "im", "pem": "$pem" } ],
  "servers": [
    { "fqdn": "cwa01.contoso.com", "mtls_certificate": "im",
      "virtual_servers": [ { "url": "https://im.contoso.com", "audience": "external",
                             "ssl_certificate": "im", "listen": "[2001:db8::10]:443" } ] },
    { "fqdn": "cwa02.contoso.com", "mtls_certificate": null,
      "virtual_servers": [ { "url": "im.contoso.com", "audience": "external",
                             "as_url": "https://as.im.contoso.com" } ] }
  ],
  "load_balancers": [
    { "fqdn": "im.contoso.com", "vip": "10.0.0.50", "ssl_offload": true,
      "ssl_certificate": "im", "members": ["cwa01.contoso.com", "cwa02.contoso.com", "cwa03.contoso.com"],
      "x-lb": 1 }
  ],
  "reverse_proxies": [
    { "fqdn": "isa01.perimeter.contoso.com", "product": "ISA Server 2006",
      "trusted_certificates": ["im"], "x-rp": [true],
      "publishing_rules": [
        { "published_url": "https://im.contoso.com", "listen": "203.0.113.10:443",
          "listener_certificate": "im", "virtual_server": "im.contoso.com",
          "internal_host": "im.contoso.com", "internal_address": "10.0.0.50",
          "download_url": "https://download.im.contoso.com", "x-rule": null },
        { "published_url": "http://im2.contoso.com", "virtual_server": "nowhere.contoso.com" }
      ] }
  ]
}
PLAN

# Names, URLs and listen addresses.
n=0
for s in im.contoso.com IM.CONTOSO.COM. '*.contoso.com' 'bücher.example' xn--bcher-kva.example \
         https://im.contoso.com https://im.contoso.com:8443/ http://as.im.contoso.com \
         'https://[2001:db8::1]:443' '*:443' '192.0.2.10:443' '[2001:db8::10]:8443' \
         'cwaserver.contoso.com:80' 'a..b' '-bad-.com' ''; do
  n=$((n + 1))
  printf '%s' "$s" > "$out/names/seed-$n"
done

echo "Seed corpora written to $out"
