#!/usr/bin/env python3
# check-function-length.py: fails when a C function is longer than the limit.
#
# Usage: check-function-length.py [--limit N] [--allow NAME]... DIR...
#
# GNU style puts a function's opening and closing braces at column 0, so a
# function's length is the lines from a "{" line to the next "}" line, both
# counted; its name is the identifier before "(" on the nearest preceding
# line that starts at column 0 (a struct or enum body has none).
# *_class_init is exempt: it lists properties and signals, one statement
# each.

import argparse
import os
import re
import sys

NAME_RE = re.compile(r'^(?:[A-Za-z_][\w \*]*?[\s\*])?([A-Za-z_]\w*)\s*\(')


def function_name(lines, brace):
    for i in range(brace - 1, max(brace - 30, -1), -1):
        line = lines[i]
        if not line or line[0] in ' \t#/*}':
            continue
        match = NAME_RE.match(line)
        return match.group(1) if match else None
    return None


def long_functions(path, limit):
    with open(path, encoding='utf-8') as f:
        lines = f.read().split('\n')
    start = None
    for number, line in enumerate(lines):
        if line.startswith('{'):
            start = number
        elif line.startswith('}') and start is not None:
            length = number - start + 1
            name = function_name(lines, start)
            if name is not None and length > limit:
                yield name, start + 1, length
            start = None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--limit', type=int, default=80)
    parser.add_argument('--allow', action='append', default=[])
    parser.add_argument('dirs', nargs='+')
    args = parser.parse_args()

    failures = 0
    for top in args.dirs:
        for root, dirs, files in os.walk(top):
            dirs.sort()
            for name in sorted(files):
                if not name.endswith('.c'):
                    continue
                path = os.path.join(root, name)
                for function, line, length in long_functions(path, args.limit):
                    if function.endswith('_class_init') or function in args.allow:
                        continue
                    print(f'{path}:{line}: {function} has {length} lines (limit {args.limit}): '
                          'split it into named steps')
                    failures += 1
    if failures:
        return 1
    print(f'every function is at most {args.limit} lines')
    return 0


if __name__ == '__main__':
    sys.exit(main())
