# Grading tests of exercise 06 (tools/grade runs them in the graded tree).
# Hostile kernel files (craft.py), each a copy of the kernel with one lie
# in its first loadable segment, go to /bin; the launcher must refuse each
# with a message naming the segment, and must not crash or start it.
cases=$(python3 "$EXDIR/craft.py" build/kernel.elf build/user)
n=$(( 0x$(echo "$TOKEN" | cut -c1-4) % 200 + 20 ))
in=
for c in $cases; do in="${in}ringvisor /bin/elf-$c\n$(mark "end-$c")\n"; done
session elf "${in}ringvisor /boot/kernel.elf -- rvexit=$n\n$(mark alive)\npoweroff\n"
# part C -- the transcript between the marker after the case before C and C's own
part() { awk -v end="$TOKEN end-$1" -v tok="$TOKEN end-" 'index($0, tok) { if (index($0, end)) exit; buf = ""; next } { buf = buf $0 "\n" } END { printf "%s", buf }' "$tmp/elf.log"; }
refused() {
  for c in "$@"; do
    p=$(part "$c")
    if ! echo "$p" | grep -q "ringvisor: /bin/elf-$c: segment" || echo "$p" | grep -q 'killed\|booting as a guest'; then
      echo "  /bin/elf-$c (craft.py: $c) was not refused by a segment check; its part of the transcript:"
      echo "$p" | tail -n 6 | sed 's/^/  | /'
      return 1
    fi
  done
  marked elf "end-$1" || explain elf
}
check "a segment whose bytes start past the end of the file is refused" refused pastend
check "a segment whose offset + size wraps around 2^32 is refused" refused wrapoff
check "a segment with more bytes in the file than in memory is refused" refused filesz
check "segments outside guest memory (wrapping, far, huge) are refused" refused wrapaddr beyond hugemem
check "a segment below 1 MiB is refused" refused low
good() { has elf "guest shut down with status $n" && marked elf alive && [ "$rc" = 0 ] || explain elf; }
check "the real kernel still loads and runs; the host powers off cleanly" good
