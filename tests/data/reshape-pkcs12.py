#!/usr/bin/env python3
"""reshape-pkcs12.py: rebuilds a PKCS#12 file in shapes OpenSSL will not write.

Usage: reshape-pkcs12.py IN.pfx OUT.pfx mac-iterations COUNT
       reshape-pkcs12.py IN.pfx OUT.pfx nomac
       reshape-pkcs12.py IN.pfx OUT.pfx repeat N
       reshape-pkcs12.py IN.pfx OUT.pfx pad N

"mac-iterations COUNT" re-encodes the MacData's iteration count (OpenSSL
only writes 1 and 2048; an absurd count is what an attacker would send).
"nomac" drops the MacData (OpenSSL 3 with -nomac and an empty password also
leaves the certificates unencrypted, which is not what Windows Server 2003
wrote).  "repeat N" keeps only the first ContentInfo of the
AuthenticatedSafe, N times over, without a MAC: a file of many bags.
"pad N" keeps the first ContentInfo and adds empty ones (data holding an
empty SafeContents, 19 bytes each) up to N: many bags in a small file.
"""
import sys


def read_tlv(data, pos):
    tag = data[pos]
    length = data[pos + 1]
    header = 2
    if length & 0x80:
        n = length & 0x7F
        length = int.from_bytes(data[pos + 2:pos + 2 + n], "big")
        header += n
    return tag, pos + header, pos + header + length


def encode_length(n):
    if n < 0x80:
        return bytes([n])
    body = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(body)]) + body


def tlv(tag, body):
    return bytes([tag]) + encode_length(len(body)) + body


def elements(data, start, end):
    out = []
    pos = start
    while pos < end:
        _, _, stop = read_tlv(data, pos)
        out.append(data[pos:stop])
        pos = stop
    return out


def main():
    data = open(sys.argv[1], "rb").read()
    _, start, end = read_tlv(data, 0)
    version, auth_safe = elements(data, start, end)[:2]
    tail = b""
    if sys.argv[3] == "mac-iterations":
        mac_data = elements(data, start, end)[2]
        _, start, end = read_tlv(mac_data, 0)
        digest_info, salt = elements(mac_data, start, end)[:2]
        count = int(sys.argv[4])
        iterations = tlv(0x02, count.to_bytes((count.bit_length() + 8) // 8, "big"))
        tail = tlv(0x30, digest_info + salt + iterations)
    if sys.argv[3] in ("repeat", "pad"):
        # authSafe ContentInfo { data, [0] { OCTET STRING { SEQUENCE OF ContentInfo } } }
        _, start, end = read_tlv(auth_safe, 0)
        oid, explicit = elements(auth_safe, start, end)
        _, start, end = read_tlv(explicit, 0)
        octets = elements(explicit, start, end)[0]
        _, start, end = read_tlv(octets, 0)
        safe = octets[start:end]
        _, start, end = read_tlv(safe, 0)
        first = elements(safe, start, end)[0]
        count = int(sys.argv[4])
        if sys.argv[3] == "repeat":
            safe = tlv(0x30, first * count)
        else:
            empty = tlv(0x30, oid + tlv(0xA0, tlv(0x04, tlv(0x30, b""))))
            safe = tlv(0x30, first + empty * (count - 1))
        auth_safe = tlv(0x30, oid + tlv(0xA0, tlv(0x04, safe)))
    open(sys.argv[2], "wb").write(tlv(0x30, version + auth_safe + tail))


main()
