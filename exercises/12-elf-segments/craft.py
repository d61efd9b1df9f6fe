#!/usr/bin/env python3
"""craft.py -- hostile program files for exercise 12.

  craft.py build TOKEN PROBE KERNEL USERDIR   write the cases into USERDIR
      under names drawn from TOKEN; print "case name" lines
  craft.py word TOKEN                         the word the "kernel" case
      tries to write over the kernel's "i686" (which uname -a prints)

Each case is a copy of PROBE (elfprobe) whose GNU_RELRO program header is
turned into a loadable segment with one lie: over the kernel's memory
(its bytes would replace the "i686" that uname -a prints), an end that
wraps past 2^32, more bytes in the file than in memory, bytes past the
end of the file, an offset that wraps.  Unchecked, each would load and
run.  The names are drawn, so that only the headers tell the cases apart.
"""
import random
import struct
import sys

PT_LOAD, PT_GNU_RELRO = 1, 0x6474E552


def word(token):
    r = random.Random('%s/word' % token)
    return ''.join(r.choice('qwxzjk') for _ in range(4))


def rodata_string(kernel, s):
    """The virtual address of the only NUL-terminated copy of s in KERNEL's sections."""
    with open(kernel, 'rb') as f:
        k = f.read()
    shoff, = struct.unpack_from('<I', k, 0x20)
    shentsize, shnum = struct.unpack_from('<HH', k, 0x2E)
    hits = []
    for i in range(shnum):
        name, typ, flags, addr, off, size = struct.unpack_from('<IIIIII', k, shoff + i * shentsize)
        if typ != 1 or not addr:
            continue
        sec = k[off:off + size]
        at = sec.find(s)
        while at >= 0:
            if at == 0 or sec[at - 1] == 0:
                hits.append(addr + at)
            at = sec.find(s, at + 1)
    if len(hits) != 1:
        raise SystemExit('craft.py: %d copies of %r in %s' % (len(hits), s, kernel))
    return hits[0]


def craft(elf, kernel, lie, token):
    b = bytearray(elf)
    phoff, = struct.unpack_from('<I', b, 0x1C)
    phentsize, phnum = struct.unpack_from('<HH', b, 0x2A)
    at = [phoff + i * phentsize for i in range(phnum)
          if struct.unpack_from('<I', b, phoff + i * phentsize)[0] == PT_GNU_RELRO][0]
    end = len(b)
    b += word(token).encode() + b'\0\0\0\0'
    seg = {'kernel': (end, rodata_string(kernel, b'i686\0'), 5, 5),
           'wrapend': (0, 0xBFFFF000, 0, 0x40001010),
           'filesz': (0, 0x30000000, 8, 4),
           'pastend': (len(b) + 64, 0x30000000, 16, 16),
           'offwrap': (0xFFFFFFF0, 0x30000000, 0x20, 0x20)}[lie]
    off, va, filesz, memsz = seg
    struct.pack_into('<IIIIIIII', b, at, PT_LOAD, off, va, va, filesz, memsz, 4, 0x1000)
    return bytes(b)


def main(a):
    if len(a) == 2 and a[0] == 'word':
        print(word(a[1]))
        return 0
    if len(a) == 5 and a[0] == 'build':
        r = random.Random('%s/names' % a[1])
        with open(a[2], 'rb') as f:
            elf = f.read()
        for lie in ['good', 'kernel', 'wrapend', 'filesz', 'pastend', 'offwrap']:
            name = 'x' + ''.join(r.choice('0123456789abcdef') for _ in range(8))
            with open('%s/%s' % (a[4], name), 'wb') as f:
                f.write(elf if lie == 'good' else craft(elf, a[3], lie, a[1]))
            print(lie, name)
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
