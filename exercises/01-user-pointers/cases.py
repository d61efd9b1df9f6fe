#!/usr/bin/env python3
"""cases.py -- the grader's side of ptrprobe (exercise 01).

  cases.py args TOKEN KIND PROBE     the cases of KIND for this run, as
                                     ptrprobe's arguments (one line)
  cases.py judge TOKEN KIND PROBE LOG  exit 0 iff every ptrprobe-results
                                     line of KIND in LOG holds the right
                                     values; else say which were wrong

The cases are drawn from TOKEN (drawn anew for each run) and the right
return values are computed here, from the probe's own symbols (nm): so
only a kernel whose user_ok answers each drawn range correctly prints the
right line (read and write move the good part of a buffer, page by page,
and fail with EFAULT only when its first byte is bad, as on Linux), and printing "ok" or a copied line gains nothing.  Each kind
also mixes in good ranges of drawn lengths, so "all refused" is wrong too.
"""
import random
import re
import subprocess
import sys

EFAULT = -14
TOP = 0xC0000000


def syms(probe):
    out = subprocess.run(['nm', probe], capture_output=True, text=True, check=True).stdout
    s = {}
    for line in out.splitlines():
        f = line.split()
        if len(f) == 3:
            s[f[2]] = int(f[0], 16)
    return s


def draw(token, kind, probe):
    """[(op, address text, length, right result)] of KIND for this run."""
    r = random.Random('%s/%s' % (token, kind))
    s = syms(probe)
    big, main = s['big'], s['main']
    cases = []

    def good():
        n = r.randrange(1, 400)
        a = ((big + 4096) & ~4095) - r.randrange(1, n + 1)  # over a page boundary of big
        return (r.choice('WR'), '%x' % a, n, n)
    if kind == 'good':
        cases += [good(), good(), ('W', 'h%x' % (r.randrange(2, 6) * 4096), 0, 0)]
    elif kind == 'kernel':
        k = r.randrange(0, 0x100000) * 16
        cases += [('W', '%x' % (TOP + k), r.randrange(1, 64), EFAULT),
                  ('R', '%x' % (TOP + 0x1000 + k), r.randrange(1, 64), EFAULT),
                  ('W', '%x' % (TOP + k), 0, 0)]             # nothing to move: 0, as on Linux
        a = r.randrange(1, 64)
        cases.append(('W', '%x' % (TOP - a), a + r.randrange(1, 64), a))   # only its user part
    elif kind == 'wrap':
        for _ in range(2):                  # to /dev/null: all of the good part, up to the break
            a = r.randrange(1, 4096)
            cases.append(('N', 'h-%x' % a, 2**32 - 0x8000000 - r.randrange(1, 4096), a))
    elif kind == 'rotext':
        o, n = r.randrange(0, 512), r.randrange(1, 64)
        cases += [('W', '%x' % (main + o), n, n), ('R', '%x' % (main + r.randrange(0, 512)), r.randrange(1, 64), EFAULT)]
    elif kind == 'straddle':
        a = r.randrange(1, 4096)
        cases += [('W', 'h-%x' % a, a + r.randrange(1, 64), a), ('W', 'h-1000', 4097, 4096)]   # the part before the hole
    else:
        raise SystemExit('cases.py: no kind %s' % kind)
    cases += [good() for _ in range(r.randrange(1, 3))]
    r.shuffle(cases)
    return cases


def main(a):
    if len(a) >= 4 and a[0] == 'args':
        print(' '.join('%s:%s:%x' % (op, ad, n) for op, ad, n, _ in draw(a[1], a[2], a[3])))
        return 0
    if len(a) == 5 and a[0] == 'judge':
        cases = draw(a[1], a[2], a[3])
        want = ' '.join(str(c[3]) for c in cases)
        with open(a[4], encoding='utf-8', errors='replace') as f:
            lines = [m.group(1) for m in re.finditer(r'ptrprobe-results %s %s ([-0-9 ]*)$' % (a[1], a[2]),
                                                     f.read(), re.M)]
        if lines and all(l.strip() == want for l in lines):
            return 0
        print('  the cases (op:address:length):  %s' % ' '.join('%s:%s:%x' % c[:3] for c in cases))
        print('  right results:                   %s' % want)
        print('  ptrprobe printed:                %s' % (' | '.join(l.strip() for l in lines) or 'nothing'))
        return 1
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
