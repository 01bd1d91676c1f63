#!/usr/bin/env python3
"""patch-pkcs12-mac-iterations.py: rewrites the MAC iteration count of a PKCS#12 file.

Usage: patch-pkcs12-mac-iterations.py IN.pfx OUT.pfx COUNT

OpenSSL cannot be asked for any MAC count but 1 and 2048, so the file with an
absurd count (what an attacker would send) is made by re-encoding the
MacData's iterations INTEGER and the lengths around it.
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
    count = int(sys.argv[3])
    _, start, end = read_tlv(data, 0)
    version, auth_safe, mac_data = elements(data, start, end)
    _, mstart, mend = read_tlv(mac_data, 0)
    digest_info, salt = elements(mac_data, mstart, mend)[:2]
    iterations = tlv(0x02, count.to_bytes((count.bit_length() + 8) // 8, "big"))
    mac_data = tlv(0x30, digest_info + salt + iterations)
    open(sys.argv[2], "wb").write(tlv(0x30, version + auth_safe + mac_data))


main()
