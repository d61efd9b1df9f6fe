# Grading tests of exercise 08 (tools/grade runs them in the graded tree).
# The student's attack runs against this tree's host, which must survive
# it, and against a copy whose switcher has the hole of exercise 03's
# starter, which it must bring down.
session safe "ringvisor /boot/kernel.elf -- rvtest=unaligned\nringvisor /boot/kernel.elf -- rvtest=fakeirq\nringvisor /boot/kernel.elf -- rvtest=dsbase\n$(mark alive)\npoweroff\n"
safe_rc=$rc
safe_ok() { has safe 'rvtest: the host survived it' && marked safe alive && [ "$rc" = 0 ] || explain safe; }
check "the attack runs, and the book's host survives it" safe_ok
# The holed host: this tree with exercise 03's starter chunk, built apart.
mkdir -p "$tmp/holed"
tar -cf - --exclude=./build . | (cd "$tmp/holed" && tar -xf -)
python3 - "$tmp/holed" <<'PY'
import sys
sys.path.insert(0, 'tools')
import exlib
ch = exlib.read_chapters(sys.argv[1] + '/chapters')
new = exlib.substitute(ch, open('exercises/03-switcher-segments/starter.nw').read())
for f in ch:
    if new[f] != ch[f]:
        open(sys.argv[1] + '/chapters/' + f, 'w').write(new[f])
PY
(cd "$tmp/holed" && tools/tangle tangle-out chapters/*.nw && make -s build) >"$tmp/holed.build" 2>&1 ||
  { echo "  the holed host did not build:"; tail -n 5 "$tmp/holed.build"; }
here=$(pwd)
(cd "$tmp/holed" && session holed "ringvisor /boot/kernel.elf -- rvtest=dsbase\n$(mark alive)\npoweroff\n"; echo "$rc" >"$tmp/holed.rc")
rc=$(cat "$tmp/holed.rc" 2>/dev/null || echo none)
down() {
  [ -f "$tmp/holed/build/kernel.elf" ] && has holed 'kernel booting as a guest' &&
    ! { marked holed alive && [ "$rc" = 0 ]; } ||
    { echo "  the attack did not bring down a host whose switcher trusts %ds"; explain holed; }
}
check "the attack brings down a host whose switcher trusts %ds" down
other_ok() {
  has safe 'rvtest: ud2 on a stack' && has safe 'rvtest: open vector 0x20' &&
    [ "$(grep -c 'ringvisor: guest killed\|ringvisor: guest shut down' "$tmp/safe.log")" -ge 2 ] &&
    marked safe alive && [ "$safe_rc" = 0 ] || { rc=$safe_rc; explain safe; }
}
check "the other attacks of the chunk still run, and the host outlives them" other_ok
