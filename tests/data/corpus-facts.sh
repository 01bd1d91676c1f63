#!/bin/sh
# corpus-facts.sh: records what OpenSSL reads from each corpus certificate, for test-corpus to compare.
#
# Usage: tests/data/corpus-facts.sh [CORPUS_DIR] > tests/data/corpus-facts.tsv
# (CORPUS_DIR defaults to ../shared/corpus/zlint-testdata next to the source tree.)
#
# One line per file OpenSSL can read (it reads the first certificate only),
# tab-separated:
#   file  sha256  serial  not_before  not_after  dns_names
# sha256 as OpenSSL prints it (upper-case hex pairs joined by colons);
# serial as OpenSSL prints it (hex of the integer, "-" when negative);
# dates in Unix seconds (UTC); dns_names the SAN dNSName entries joined by
# "|", empty when there are none, "?" when OpenSSL's text cannot be split
# back into names reliably (a name holding ", ", a line break or bytes
# that are not printable ASCII).  Files OpenSSL refuses (CRLs, garbage) are left out.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
corpus=${1:-$here/../../../shared/corpus/zlint-testdata}
export TZ=UTC LC_ALL=C

to_unix() {
  # "Dec  1 06:07:08.999 2057 GMT" -> seconds; fractions are dropped.
  date -u -d "$(printf '%s' "$1" | sed 's/\.[0-9]*//')" +%s 2>/dev/null || echo '?'
}

for path in "$corpus"/*.pem; do
  name=$(basename "$path")
  # The end marker keeps trailing line breaks (a name may end with some).
  out=$(openssl x509 -in "$path" -noout -serial -fingerprint -sha256 -dates \
          -ext subjectAltName 2>/dev/null && echo '--end--') || continue
  [ "$out" != '--end--' ] || continue

  serial=$(printf '%s\n' "$out" | sed -n 's/^serial=//p')
  sha256=$(printf '%s\n' "$out" | sed -n 's/^[Ss][Hh][Aa]256 Fingerprint=//p')
  nb=$(to_unix "$(printf '%s\n' "$out" | sed -n 's/^notBefore=//p')")
  na=$(to_unix "$(printf '%s\n' "$out" | sed -n 's/^notAfter=//p')")

  # The SAN values sit on the line(s) after the "X509v3 Subject Alternative Name" header.
  san=$(printf '%s\n' "$out" | sed -n '/Subject Alternative Name/,$p' | sed '1d;$d' | sed 's/^ *//')
  san_lines=$(printf '%s\n' "$out" | sed -n '/Subject Alternative Name/,$p' | sed '1d;$d' | wc -l)
  if [ -z "$san" ]; then
    dns=''
  elif [ "$san_lines" -ne 1 ]; then
    # A name holding a line break: OpenSSL's text no longer shows where it ends.
    dns='?'
  elif printf '%s' "$san" | LC_ALL=C grep -q '[^ -~]'; then
    dns='?'
  else
    # Split "DNS:a, IP Address:b, DNS:c" on ", " only when every piece has
    # a type prefix; otherwise a value holds ", " itself.
    pieces=$(printf '%s\n' "$san" | sed 's/, /\n/g')
    if printf '%s\n' "$pieces" | grep -qv -E '^(DNS|IP Address|email|URI|othername|DirName|Registered ID|EdiPartyName|X400Name|<unsupported>|<EMPTY>)(:|$)'; then
      dns='?'
    else
      dns=$(printf '%s\n' "$pieces" | sed -n 's/^DNS://p' | paste -sd '|' -)
    fi
  fi

  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$sha256" "$serial" "$nb" "$na" "$dns"
done
