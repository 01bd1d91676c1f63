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
