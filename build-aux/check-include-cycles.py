#!/usr/bin/env python3
# check-include-cycles.py: fails when two units include each other's headers.
#
# Usage: check-include-cycles.py DIR...
#
# A unit is a .c file and its .h (cwa-window.c with cwa-window.h and
# cwa-window-private.h).  When unit A includes a header of unit B and B
# includes one of A, neither can be understood or changed without the
# other: that is a circle to break, usually by moving what both need into
# a third file or by a signal instead of a call back.

import argparse
import os
import re
import sys

INCLUDE_RE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.MULTILINE)


def unit_of(name):
    base = os.path.basename(name)
    stem = base.rsplit('.', 1)[0]
    if stem.endswith('-private'):
        stem = stem[:-len('-private')]
    return stem


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('dirs', nargs='+')
    args = parser.parse_args()

    headers = {}     # header base name -> unit
    includes = {}    # unit -> {unit: (file, header)}
    sources = []
    for top in args.dirs:
        for root, dirs, files in os.walk(top):
            dirs.sort()
            for name in sorted(files):
                if name.endswith('.h'):
                    headers[name] = unit_of(name)
                if name.endswith(('.c', '.h')):
                    sources.append(os.path.join(root, name))

    for path in sources:
        unit = unit_of(path)
        with open(path, encoding='utf-8') as f:
            text = f.read()
        for header in INCLUDE_RE.findall(text):
            base = os.path.basename(header)
            other = headers.get(base)
            if other is None or other == unit:
                continue
            includes.setdefault(unit, {}).setdefault(other, (path, header))

    failures = 0
    for a in sorted(includes):
        for b in sorted(includes[a]):
            if a >= b or a not in includes.get(b, {}):
                continue
            file_a, header_b = includes[a][b]
            file_b, header_a = includes[b][a]
            print(f'{file_a} includes {header_b} and {file_b} includes {header_a}: '
                  f'{a} and {b} include each other')
            failures += 1

    if failures:
        return 1
    print('no two units include each other')
    return 0


if __name__ == '__main__':
    sys.exit(main())
