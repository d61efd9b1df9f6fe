#!/usr/bin/env python3
"""copycases.py -- the grader's side of copyprobe (exercises 09 and 10).

  copycases.py data TOKEN FILE           write FILE: 65536 random bytes drawn from TOKEN
  copycases.py args TOKEN KIND           the cases for this run (KIND: copy or fill)
  copycases.py judge TOKEN KIND LOG      exit 0 iff copyprobe's hashes in LOG are right
  copycases.py cost TOKEN KIND LOG MAX   exit 0 iff the cost of a byte (in hundredths of
                                     an instruction, -icount) is at most MAX

Offsets, lengths and alignments are drawn from TOKEN; the hashes are
computed here from the same data, so only a correct copy (or fill) that
writes nothing out of place gives them.
"""
import random
import re
import sys


def data(token):
    r = random.Random('%s/data' % token)
    return bytes(r.randrange(256) for _ in range(65536))


def fnv(b):
    h = 2166136261
    for x in b:
        h = ((h ^ x) * 16777619) & 0xFFFFFFFF
    return h


def draw(token, kind):
    r = random.Random('%s/%s' % (token, kind))
    cases = []
    # lengths with every remainder mod 4 the tail must handle, and one without
    for n in [r.choice([1, 2, 3, 5, 6, 7]), r.randrange(8, 64) | 1, r.randrange(64, 3000) & ~3,
              r.randrange(3000, 9000) | 3]:
        off = r.randrange(0, 65536 - n)
        cases.append(('Z' if kind == 'fill' else '%x' % off, off, n, r.randrange(0, 4)))
    r.shuffle(cases)
    return cases


def expected(token, kind):
    d = data(token)
    out = []
    for tag, off, n, al in draw(token, kind):
        b = bytearray([0xA5] * (64 + n + 64))
        b[64 + al:64 + al + n] = bytes(n) if tag == 'Z' else d[off:off + n]
        out.append('%08x' % fnv(b))
    return ' '.join(out)


def lines(log, what, token):
    with open(log, encoding='utf-8', errors='replace') as f:
        return [m.group(1).strip() for m in re.finditer(r'%s %s ([0-9a-f ]*)$' % (what, token), f.read(), re.M)]


def main(a):
    if len(a) == 3 and a[0] == 'data':
        with open(a[2], 'wb') as f:
            f.write(data(a[1]))
        return 0
    if len(a) == 3 and a[0] == 'args':
        print(' '.join('%s:%x:%x' % (t, n, al) for t, _, n, al in draw(a[1], a[2])))
        return 0
    if len(a) == 4 and a[0] == 'judge':
        want = expected(a[1], a[2])
        got = lines(a[3], 'copyprobe-results', a[1])
        if got and all(g == want for g in got):
            return 0
        print('  cases (offset:length:alignment): %s' % ' '.join('%s:%x:%x' % (t, n, al) for t, _, n, al in draw(a[1], a[2])))
        print('  right hashes:   %s' % want)
        print('  copyprobe gave: %s' % (' | '.join(got) or 'nothing'))
        return 1
    if len(a) == 5 and a[0] == 'cost':
        got = lines(a[3], 'copyprobe-cost', a[1])
        k = 0 if a[2] == 'copy' else 1
        vals = {g.split()[k] for g in got if len(g.split()) == 2}
        if len(got) == 1 and len(vals) == 1:
            v = int(vals.pop())
            print('  one more byte costs %d.%02d instructions (at most %d.%02d)' % (v // 100, v % 100, int(a[4]) // 100, int(a[4]) % 100))
            return 0 if v <= int(a[4]) else 1
        print('  copyprobe printed %d cost lines (exactly one is right): %s' % (len(got), ' | '.join(got)))
        return 1
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
