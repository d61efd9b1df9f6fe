# exercises/lib.sh -- helpers of the grading tests (sourced after
# tests/lib.inc, in the graded scratch tree, by tools/grade).
#
# RV_TOKEN is a random token the grader draws for every run: a check that
# depends on program output looks for it, so a student's code cannot print
# the expected lines ahead of time.  EXDIR is the exercise's folder.
scratch_dirs
TOKEN=${RV_TOKEN:-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')}

# check NAME COMMAND... -- one point.  The verdict is decided here, from
# the command's status, and recorded in $GRADE_RECORDS (a folder of the
# grader's outside the graded tree, which no program in the machine under
# test can reach): "N PASS" or "N FAIL" for the Nth check, and what the
# command printed (its explanation) in N.out.  The grader reads only
# these records; the PASS/FAIL line printed here is for the eye.
nchecks=0
check() {
  ck_name=$1; shift
  nchecks=$((nchecks + 1))
  if [ -z "${GRADE_RECORDS:-}" ]; then     # run by hand: just print
    if "$@"; then echo "PASS: $ck_name"; else echo "FAIL: $ck_name"; fi
    return 0
  fi
  if "$@" >"$GRADE_RECORDS/$nchecks.out" 2>&1; then ck_v=PASS; else ck_v=FAIL; fi
  echo "$nchecks $ck_v" >>"$GRADE_RECORDS/verdicts"
  echo "$ck_v: $ck_name"
}

# session TAG INPUT -- as in tests/lib.inc, but the input is typed one
# line at a time, each only once a shell has printed its prompt for it:
# the console echoes what is typed at once, and a line typed while a
# program runs would land in the middle of that program's output (and its
# echo could be taken for output).  A reset of the machine (a triple
# fault: QEMU runs with -no-reboot, so it would exit 0 as if powered off)
# sets rc to 99 and is reported as a crash.
session() {
  rm -f "$tmp/$1.in"; mkfifo "$tmp/$1.in"
  RV_QEMU="${RV_QEMU:-} -d cpu_reset -D $tmp/$1.qemu" boot_native "$tmp/$1.raw" <"$tmp/$1.in" &
  qpid=$!
  exec 3>"$tmp/$1.in"
  printf '%b' "$2" >"$tmp/$1.lines"
  sent=0
  while IFS= read -r line || [ -n "$line" ]; do
    while kill -0 $qpid 2>/dev/null &&
          [ "$(grep -ao '\$ ' "$tmp/$1.raw" 2>/dev/null | wc -l)" -le "$sent" ]; do
      sleep 0.1
    done
    kill -0 $qpid 2>/dev/null || break
    printf '%s\n' "$line" >&3 2>/dev/null
    sent=$((sent + 1))
  done <"$tmp/$1.lines"
  wait $qpid
  rc=$?
  exec 3>&-
  tr -d '\r' <"$tmp/$1.raw" | head -c 1000000 >"$tmp/$1.log"
  if grep -q 'Triple fault' "$tmp/$1.qemu" 2>/dev/null; then
    rc=99
    echo "  [$1] the machine reset (triple fault): a crash, not a poweroff"
  fi
  rm -f "$tmp/$1.qemu" "$tmp/$1.raw" "$tmp/$1.in"; [ -z "${GRADE_KEEP:-}" ] || cp "$tmp/$1.log" "$GRADE_KEEP"
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

# probe NAME -- build the exercise's test program $EXDIR/NAME.c (or
# exercises/common/NAME.c, shared by several exercises) into
# build/user/NAME: the native kernel's /bin and every guest's initrd then
# have it.  It is the grader's program; the student's hand-in cannot change it.
probe() {
  src=$EXDIR/$1.c; [ -f "$src" ] || src=exercises/common/$1.c    # shared by several exercises
  i386-linux-musl-gcc -static -O2 -Wall -Werror -Itangle-out/include \
    -o "build/user/$1" "$src" || echo "  (the grader's probe $1 did not build)"
}

# A marker line: type `mark NAME` (it expands to an echo command with two
# spaces) and look for it with `marked TAG NAME`.  The shell's output has
# one space where the typed command has two, so the console's echo of the
# typed input (which may come long before the command runs, or never
# runs) can never be taken for it.
mark() { printf 'echo %s  %s' "$TOKEN" "$1"; }
marked() { grep -q "$TOKEN $2\$" "$tmp/$1.log"; }
