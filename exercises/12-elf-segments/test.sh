# Grading tests of exercise 12 (tools/grade runs them in the graded tree).
# Hostile copies of the grader's elfprobe (craft.py), under names drawn
# for this run, each with one lie in a loadable segment; unchecked, each
# would load and run.  Evidence: a refused program never prints its
# "ran" line (the shell goes on to the next marker), the kernel's "i686"
# is still what uname -a prints, and the real program does run.
probe elfprobe
craft=$(python3 "$EXDIR/craft.py" build "$TOKEN" build/user/elfprobe build/kernel.elf build/user)
word=$(python3 "$EXDIR/craft.py" word "$TOKEN")
in=
while read -r c name; do in="${in}$name $TOKEN-$c\n$(mark "end-$c")\n"; done <<EOT
$craft
EOT
session ex "${in}uname -a\n$(mark alive)\nselftest\npoweroff\n"
ran() { grep -q "elfprobe-ran $TOKEN-$1\$" "$tmp/ex.log"; }
refused() {
  for c in "$@"; do
    ! ran "$c" && marked ex "end-$c" || { echo "  the program with the lie \"$c\" ran, or the system stopped there"; explain ex; return 1; }
  done
}
good() { ran good || explain ex; }
check "a good program still loads and runs" good
untouched() { refused kernel && ! grep -q "$word" "$tmp/ex.log" && has ex " i686\$" || { echo "  uname -a should still end in i686 (the segment's bytes were $word)"; explain ex; }; }
check "a segment over the kernel is refused; the kernel's memory is unchanged" untouched
check "a segment whose end wraps past 2^32 is refused" refused wrapend
check "a segment with more bytes in the file than in memory is refused" refused filesz
check "a segment whose bytes lie past the end of the file, or whose offset wraps, is refused" refused pastend offwrap
healthy() { marked ex alive && has ex 'selftest: all [0-9]+ checks passed' && [ "$rc" = 0 ] || explain ex; }
check "selftest passes, the machine powers off cleanly" healthy
