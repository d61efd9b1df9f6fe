# craft.py KERNEL OUTDIR -- the grader's hostile kernel files (exercise 06):
# copies of KERNEL whose first loadable segment lies in one way each.
import struct, sys
data = bytearray(open(sys.argv[1], 'rb').read())
phoff, = struct.unpack_from('<I', data, 0x1C)
phnum, = struct.unpack_from('<H', data, 0x2C)
for k in range(phnum):
    at = phoff + 32 * k
    if struct.unpack_from('<I', data, at)[0] == 1:       # PT_LOAD
        break
typ, off, va, pa, filesz, memsz = struct.unpack_from('<6I', data, at)
size = len(data)
cases = {
    'pastend':  dict(off=size + 0x1000),
    'wrapoff':  dict(off=0xFFFFF000, filesz=0x2000, memsz=0x2000),
    'filesz':   dict(memsz=filesz - 0x100 if filesz > 0x100 else 0, filesz=filesz),
    'wrapaddr': dict(pa=0xFFFFF000, memsz=0x2000, filesz=min(filesz, 0x2000)),
    'beyond':   dict(pa=0x7FF00000),
    'hugemem':  dict(memsz=0x7FFFFFFF),
    'low':      dict(pa=0x1000),
}
for name, ch in cases.items():
    d = bytearray(data)
    v = dict(off=off, pa=pa, filesz=filesz, memsz=memsz)
    v.update(ch)
    struct.pack_into('<I', d, at + 4, v['off'])
    struct.pack_into('<I', d, at + 12, v['pa'])
    struct.pack_into('<I', d, at + 16, v['filesz'])
    struct.pack_into('<I', d, at + 20, v['memsz'])
    open('%s/elf-%s' % (sys.argv[2], name), 'wb').write(d)
print(' '.join(cases))
