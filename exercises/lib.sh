# exercises/lib.sh -- helpers of the grading tests (sourced after
# tests/lib.inc, in the graded scratch tree, by tools/grade).
#
# RV_TOKEN is a random token the grader draws for every run: a check that
# depends on program output looks for it, so a student's code cannot print
# the expected lines ahead of time.  EXDIR is the exercise's folder.
scratch_dirs
TOKEN=${RV_TOKEN:-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')}

# session TAG INPUT -- as in tests/lib.inc, and a reset of the machine (a
# triple fault: QEMU runs with -no-reboot, so it would exit 0 as if powered
# off) sets rc to 99 and is reported as a crash.
session() {
  printf '%b' "$2" | RV_QEMU="${RV_QEMU:-} -d cpu_reset -D $tmp/$1.qemu" boot_native "$tmp/$1.raw"
  rc=$?
  tr -d '\r' <"$tmp/$1.raw" | head -c 1000000 >"$tmp/$1.log"
  if grep -q 'Triple fault' "$tmp/$1.qemu" 2>/dev/null; then
    rc=99
    echo "  [$1] the machine reset (triple fault): a crash, not a poweroff"
  fi
  rm -f "$tmp/$1.qemu" "$tmp/$1.raw"
}

# explain TAG -- why a check failed: QEMU's status and the transcript's end.
explain() {
  case $rc in
    0) why="powered off" ;; 3) why="kernel panic" ;; 99) why="triple fault: the machine reset" ;;
    124|137) why="timeout: killed" ;; *) why="status $rc" ;;
  esac
  echo "  [$1] QEMU: $why; the transcript ends:"
  tail -n 12 "$tmp/$1.log" | cut -c1-200 | sed 's/^/  | /'
  return 1
}

# probe NAME -- build the exercise's test program $EXDIR/NAME.c into
# build/user/NAME: the native kernel's /bin and every guest's initrd then
# have it.  It is the grader's program; the student's hand-in cannot change it.
probe() {
  i386-linux-musl-gcc -static -O2 -Wall -Werror -Itangle-out/include \
    -o "build/user/$1" "$EXDIR/$1.c" || echo "  (the grader's probe $1 did not build)"
}
