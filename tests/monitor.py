#!/usr/bin/env python3
"""tests/monitor.py SOCKET COMMAND... -- talk to QEMU's human monitor.

Connects to a monitor started with -monitor unix:SOCKET,server,nowait,
sends each COMMAND in turn, and prints what QEMU answered to each (without
the echo and the prompt).  Special commands, not QEMU's:
  screen          print the VGA text screen (80x25 at 0xB8000), one row a line
  type TEXT       sendkey for each character of TEXT (US layout; \\n is ret)
Gives up after 20 s without an answer; exits 1 if it cannot connect.
"""
import re, socket, sys, time

KEYS = {' ': 'spc', '\n': 'ret', '-': 'minus', '=': 'equal', '/': 'slash',
        '.': 'dot', ',': 'comma', ';': 'semicolon', "'": 'apostrophe',
        '[': 'bracket_left', ']': 'bracket_right', '\\': 'backslash',
        '`': 'grave_accent'}
SHIFTED = {'!': '1', '@': '2', '#': '3', '$': '4', '%': '5', '^': '6',
           '&': '7', '*': '8', '(': '9', ')': '0', '_': 'minus', '+': 'equal',
           '?': 'slash', '>': 'dot', '<': 'comma', ':': 'semicolon',
           '"': 'apostrophe', '|': 'backslash', '~': 'grave_accent',
           '{': 'bracket_left', '}': 'bracket_right'}


def keyname(ch):
    if ch.isalpha() and ch.isupper():
        return 'shift-' + ch.lower()
    if ch in SHIFTED:
        return 'shift-' + KEYS.get(SHIFTED[ch], SHIFTED[ch])
    return KEYS.get(ch, ch)


class Monitor:
    def __init__(self, path):
        self.s = socket.socket(socket.AF_UNIX)
        self.s.settimeout(20)
        for _ in range(100):
            try:
                self.s.connect(path)
                break
            except OSError:
                time.sleep(0.1)
        else:
            sys.exit("monitor: cannot connect to " + path)
        self.read()

    def read(self):
        buf = b''
        while not buf.endswith(b'(qemu) '):
            chunk = self.s.recv(65536)
            if not chunk:
                break
            buf += chunk
        text = re.sub(r'\x1b\[[0-9;]*[A-Za-z]', '', buf.decode('latin-1'))
        return text.replace('\r', '')

    def cmd(self, line):
        self.s.sendall(line.encode() + b'\n')
        out = self.read().split('\n')
        return '\n'.join(out[1:-1])     # without the echo and the prompt

    def screen(self):
        cells = []
        out = self.cmd('xp /2000hx 0xb8000')
        for line in out.split('\n'):
            if ':' in line:
                cells += [int(w, 16) for w in line.split(':', 1)[1].split()]
        chars = ''.join(chr(c & 0xFF) if 32 <= (c & 0xFF) < 127 else ' ' for c in cells)
        return '\n'.join(chars[i:i + 80].rstrip() for i in range(0, len(chars), 80))


def main():
    if len(sys.argv) < 2 or sys.argv[1] in ('-h', '--help'):
        print(__doc__.strip())
        sys.exit(0 if len(sys.argv) > 1 else 2)
    m = Monitor(sys.argv[1])
    for c in sys.argv[2:]:
        if c == 'screen':
            print(m.screen())
        elif c.startswith('type '):
            for ch in c[5:].encode().decode('unicode_escape'):
                m.cmd('sendkey ' + keyname(ch))
        else:
            print(m.cmd(c))


main()
