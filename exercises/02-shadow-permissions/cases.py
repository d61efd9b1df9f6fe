#!/usr/bin/env python3
"""cases.py -- the grader's side of permprobe (exercise 02).

  cases.py args TOKEN KIND PROBE         the cases of KIND for this run
  cases.py judge TOKEN KIND PROBE LOG    exit 0 iff every permprobe-results
                                         line of KIND in LOG is right

The addresses are drawn from TOKEN (new for each run), and whether each
access must kill the program is decided here, from the probe's own
symbols: its code is read-only, its data writable, the kernel's half
(from 0xC0000000) supervisor-only, also on the pages the guest kernel has
just used itself (symbols of build/kernel.elf).  Every kind mixes in allowed
accesses, so "killed" everywhere is as wrong as "survived" everywhere.
"""
import random
import re
import subprocess
import sys


def syms(probe):
    out = subprocess.run(['nm', probe], capture_output=True, text=True, check=True).stdout
    return {f[2]: int(f[0], 16) for f in (l.split() for l in out.splitlines()) if len(f) == 3}


def draw(token, kind, probe):
    """[(op, address, 'k' or 's')] of KIND for this run."""
    r = random.Random('%s/%s' % (token, kind))
    s = syms(probe)
    code = lambda: (s['main'] + r.randrange(0, 256)) & ~3
    data = lambda: s['data'] + 4 * r.randrange(0, 2048)
    kern = lambda: 0xC0100000 + 4 * r.randrange(0, 16384)
    k = syms('build/kernel.elf')       # pages a getpid runs through: shadowed for ring 1 first
    used = lambda: (k[r.choice(['syscall', 'myproc', 'sys_getpid', 'trap'])] + 4 * r.randrange(0, 16)) & ~3
    if kind == 'code':
        cases = [('W', code(), 'k'), ('M', code(), 'k')]
    elif kind == 'kernel':
        cases = [('R', kern(), 'k'), ('W', kern(), 'k'), ('M', kern(), 'k'),
                 ('S', used(), 'k'), ('T', used(), 'k'), ('T', k['current'] & ~3, 'k')]
    elif kind == 'allowed':
        cases = [('R', code(), 's'), ('M', data(), 's'), ('R', data(), 's')]
    else:
        raise SystemExit('cases.py: no kind %s' % kind)
    cases += [r.choice([('R', code(), 's'), ('M', data(), 's'), ('W', data(), 's')]) for _ in range(2)]
    r.shuffle(cases)
    return cases


def main(a):
    if len(a) == 4 and a[0] == 'args':
        print(' '.join('%s:%x' % c[:2] for c in draw(a[1], a[2], a[3])))
        return 0
    if len(a) == 5 and a[0] == 'judge':
        cases = draw(a[1], a[2], a[3])
        want = ' '.join(c[2] for c in cases)
        with open(a[4], encoding='utf-8', errors='replace') as f:
            lines = [m.group(1).strip() for m in re.finditer(
                r'permprobe-results %s %s ([ksx ]*)$' % (a[1], a[2]), f.read(), re.M)]
        if lines and all(l == want for l in lines):
            return 0
        print('  the accesses (R read, W write, M read then write):  %s' % ' '.join('%s:%x' % c[:2] for c in cases))
        print('  right outcomes (k killed, s survived):              %s' % want)
        print('  permprobe printed:                                  %s' % (' | '.join(lines) or 'nothing'))
        return 1
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
