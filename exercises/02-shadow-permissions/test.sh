# Grading tests of exercise 02 (tools/grade runs them in the graded tree).
# A guest's program (the grader's permprobe) makes accesses drawn for this
# run, each in a child of its own; the grader knows which the guest's own
# page tables allow (cases.py), and a check passes only if exactly those
# survived and the others were killed.  Then selftest, in a fourth guest.
# Each probe is its guest's first program, named on the guest's command
# line, so that it can only run in a guest: typed at a guest's shell, it
# would run on the host, and pass there, whenever the guest had died.
probe permprobe
g='ringvisor /boot/kernel.elf /boot/initrd.cpio --'
in=
for k in code kernel allowed; do
  in="${in}$g permprobe $TOKEN $k $(python3 "$EXDIR/cases.py" args "$TOKEN" $k build/user/permprobe)\npoweroff\n"
done
session g "${in}$g selftest\npoweroff\n$(mark alive)\npoweroff\n"
outcome() { python3 "$EXDIR/cases.py" judge "$TOKEN" "$1" build/user/permprobe "$tmp/g.log" || explain g; }
check "a guest program that writes its own code (even after reading it) is killed by the guest kernel" outcome code
check "a guest program that reads or writes its kernel's memory is killed by the guest kernel" outcome kernel
check "a guest program's allowed accesses (reading its code, its data; writing its data) work" outcome allowed
selftest_ok() { has g 'selftest: all [0-9]+ checks passed' && marked g alive && [ "$rc" = 0 ] || explain g; }
check "selftest passes in a guest, and the host powers off cleanly" selftest_ok
