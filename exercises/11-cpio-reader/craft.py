#!/usr/bin/env python3
"""craft.py -- hostile initial RAM disks for exercise 11.

  craft.py build TOKEN USERDIR      write USERDIR/cpio-CASE for each case
                                    (USERDIR holds the built programs)
  craft.py judge TOKEN CASE LOG     exit 0 iff cpioprobe's line for CASE is right

Each archive holds the programs a guest needs (init, sh, the probe), a
good member /data/a, then /data/bad with one lie in its header (or none,
for the case "good"), then /data/c.  The members' contents are drawn from
TOKEN.  A reader that checks every header must find /data/a, and stop at
the lie, so that /data/bad and /data/c are missing (-2, ENOENT); with no
lie it must find all three.
"""
import os
import random
import re
import sys

CASES = ['good', 'pastend', 'sizewrap', 'namewrap', 'namezero', 'nonul']


def fnv(b):
    h = 2166136261
    for x in b:
        h = ((h ^ x) * 16777619) & 0xFFFFFFFF
    return h


def pad(b):
    return b + b'\0' * (-len(b) % 4)


def member(name, mode, data, size=None, namesize=None, nul=True):
    n = name.encode() + (b'\0' if nul else b'')
    f = [0, mode, 0, 0, 1, 0, len(data) if size is None else size, 0, 0, 0, 0,
         len(n) if namesize is None else namesize, 0]
    head = b'070701' + b''.join(b'%08X' % (x & 0xFFFFFFFF) for x in f)
    return pad(head + n) + pad(data)


def contents(token):
    r = random.Random('%s/cpio' % token)
    return {k: bytes(r.randrange(256) for _ in range(r.randrange(100, 3000))) for k in 'abc'}


def archive(token, case, userdir):
    c = contents(token)
    out = member('bin', 0o40755, b'') + member('data', 0o40755, b'')
    for p in ('init', 'sh', 'cpioprobe'):
        with open(os.path.join(userdir, p), 'rb') as f:
            out += member('bin/' + p, 0o100755, f.read())
    out += member('data/a', 0o100644, c['a'])
    here = len(out)
    data_at = (here + 110 + len('data/bad') + 1 + 3) & ~3
    lie = {'good': {}, 'pastend': {'size': len(c['b']) + 100000},
           'sizewrap': {'size': 2**32 - data_at + 16}, 'namewrap': {'namesize': 2**32 - 16},
           'namezero': {'namesize': 0}, 'nonul': {'nul': False}}[case]
    out += member('data/bad', 0o100644, c['b'], **lie)
    out += member('data/c', 0o100644, c['c'])
    return out + member('TRAILER!!!', 0, b'')


def main(a):
    if len(a) == 3 and a[0] == 'build':
        for case in CASES:
            with open(os.path.join(a[2], 'cpio-' + case), 'wb') as f:
                f.write(archive(a[1], case, a[2]))
        print(' '.join(CASES))
        return 0
    if len(a) == 4 and a[0] == 'judge':
        c = contents(a[1])
        ok = lambda k: '%d:%08x' % (len(c[k]), fnv(c[k]))
        want = ' '.join([ok('a')] + ([ok('b'), ok('c')] if a[2] == 'good' else ['-2', '-2']))
        with open(a[3], encoding='utf-8', errors='replace') as f:
            got = [m.group(1).strip() for m in re.finditer(r'cpioprobe-results %s-%s ([-0-9a-f: ]*)$' % (a[1], a[2]), f.read(), re.M)]
        if got and all(g == want for g in got):
            return 0
        print('  /data/a /data/bad /data/c of cpio-%s: right: %s' % (a[2], want))
        print('  cpioprobe printed: %s' % (' | '.join(got) or 'nothing'))
        return 1
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
