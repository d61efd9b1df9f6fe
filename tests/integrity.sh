# Host integrity (chapter 5, "No kernel pointer into a launcher outlives a
# request"): the launcher's --churn moves all of guest memory to new frames,
# raises a line and forks a witness around every request; the witness keeps
# the old frames and dies 1 if anything wrote them, and the launcher then
# says so.  The guests must run as they do without --churn.
. tests/lib.inc

need kernel.elf user/ringvisor
scratch_dirs

session churn 'ringvisor --mem 8 --churn /boot/kernel.elf -- rvexit=7\nringvisor --mem 12 --churn /boot/kernel.elf /boot/initrd.cpio -- echo churned\npoweroff\necho alive\npoweroff\n'
churn_exit() {
  [ "$rc" = 0 ] && has churn 'guest shut down with status 7' &&
    ! has churn 'the host wrote into memory' || explain churn
}
check "--churn: a guest whose memory moves around every request ends with its status; no old frame written" churn_exit
churn_prog() {
  [ "$rc" = 0 ] && has churn "${P}churned\$" && has churn 'init: echo exited with status 0' &&
    has churn "${P}alive\$" && ! has churn 'the host wrote into memory' || explain churn
}
check "--churn: a guest's programs run while the launcher forks and remaps around every request" churn_prog

# SIGSTOP and SIGCONT pause and resume a guest: stopgo stops the launcher,
# sees it stopped through wait4's WUNTRACED (reported only once it has left
# every system call, so its guest runs no more), continues it, and the
# guest's selftest then runs and the launcher exits 0.  The guest waits at
# its shell for the test, so whatever the machine's speed it is still there
# when the stop comes; selftest is typed only after stopgo has continued it.
converse stop prompt 'say stopgo 300 ringvisor /boot/kernel.elf /boot/initrd.cpio\n' \
  'await stopgo: continued' 'say selftest\n' 'await selftest: (all [0-9]+ checks passed|.*FAIL)' \
  prompt 'say poweroff\n' 'await stopgo: ringvisor (exited|was killed)' prompt \
  'say echo alive\n' prompt 'say poweroff\n'
stop_go() {
  # (typed-ahead input is echoed when a reader makes room, so a line may
  # start with an echo: the patterns are not anchored at the start)
  [ "$rc" = 0 ] && has stop 'stopgo: stopped by signal 19$' && has stop 'stopgo: continued$' &&
    has stop 'selftest: all [0-9]+ checks passed' &&
    has stop 'stopgo: ringvisor exited with status 0$' && has stop "${P}alive\$" &&
    # the stop came while the guest ran: its verdict follows the continue
    [ "$(grep -n 'stopgo: continued$' "$tmp/stop.log" | cut -d: -f1)" -lt \
      "$(grep -n 'selftest: all [0-9]' "$tmp/stop.log" | cut -d: -f1)" ] || explain stop
}
check "SIGSTOP pauses a guest (its launcher stopped, not killed) and SIGCONT resumes it to a clean end" stop_go

# Out of memory is refused at setup, never paid for by a running guest: on a
# host of 64 MiB, a guest bigger than what is free is refused with ENOMEM;
# of three 20 MiB guests held alive at once, those that do not fit are
# refused with ENOMEM while the others run to a clean end, and none is
# killed (each guest's shadows come out of a reserve made at its setup).
RV_QEMU="-m 64" session oom 'ringvisor --mem 96 /boot/kernel.elf -- rvexit=3\nringvisor --mem 16 /boot/kernel.elf -- rvexit=3\nguests 3 ringvisor --mem 20 /boot/kernel.elf /boot/initrd.cpio\necho alive\npoweroff\n'
oom_refused() {
  [ "$rc" = 0 ] && has oom "ringvisor: /dev/ringvisor: the host has no memory for a guest of 96 MiB" &&
    has oom 'guest shut down with status 3' || explain oom
}
check "a guest the host has no memory for is refused at setup with ENOMEM; the next one runs" oom_refused
oom_others() {
  line=$(grep '^guests: 3 copies:' "$tmp/oom.log")
  ok=$(echo "$line" | sed -n 's/.*: \([0-9]*\) exited with status 0.*/\1/p')
  other=$(echo "$line" | sed -n 's/.*, \([0-9]*\) with another.*/\1/p')
  [ "$rc" = 0 ] && echo "$line" | grep -q ', 0 killed$' && [ "${ok:-0}" -ge 1 ] && [ "${other:-0}" -ge 1 ] &&
    has oom 'the host has no memory for a guest of 20 MiB' &&
    ! has oom 'out of memory for shadow page tables' && has oom "${P}alive\$" ||
    { echo "  $line"; explain oom; }
}
check "three guests at once on a small host: the ones that fit run to the end, the rest are refused with ENOMEM, none killed" oom_others

# A program whose promised page finds no frame is killed with "out of
# memory" (SIGKILL, as Linux's OOM killer), not as if it had a bad pointer.
RV_QEMU="-m 48" session hog 'memhog 64\necho alive\npoweroff\n'
hog() {
  [ "$rc" = 0 ] && has hog 'memhog: 4 MiB$' &&
    has hog 'pid [0-9]+ \(memhog\): out of memory for its page at 0x[0-9a-f]+, killed' &&
    ! has hog 'memhog: all 64 MiB touched' && ! has hog 'memhog\): page fault' &&
    has hog "${P}alive\$" || explain hog
}
check "a program the host has no frame for is killed as out of memory, and the shell goes on" hog
