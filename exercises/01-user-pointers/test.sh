# Grading tests of exercise 01 (tools/grade runs them in the graded tree).
# The ranges are drawn for this run and the right answers computed by the
# grader (cases.py): a check passes only if ptrprobe's line holds exactly
# the return values a correct user_ok gives for these ranges.
probe ptrprobe
in=
for k in good kernel wrap rotext straddle; do
  in="${in}ptrprobe $TOKEN $k $(python3 "$EXDIR/cases.py" args "$TOKEN" $k build/user/ptrprobe)\n"
done
session ex "$in$(mark alive)\nselftest\npoweroff\n"
case_ok() { python3 "$EXDIR/cases.py" judge "$TOKEN" "$1" build/user/ptrprobe "$tmp/ex.log" || explain ex; }
check "good buffers work: length 0 below USERTOP, buffers over a page boundary" case_ok good
check "kernel addresses are refused; a range reaching past USERTOP moves only its user part" case_ok kernel
check "a range whose end wraps around 2^32 moves only its good part" case_ok wrap
check "a read into the program's read-only text is refused" case_ok rotext
check "a range running into an unmapped page moves only the part before it (every page checked)" case_ok straddle
healthy() { marked ex alive && has ex 'selftest: all [0-9]+ checks passed' && [ "$rc" = 0 ] || explain ex; }
check "no panic: the shell answers, selftest passes, the machine powers off cleanly" healthy
