# Grading tests for exercise 01 (run in the graded tree, tests/lib.inc loaded).
scratch_dirs
session ex 'badptr\necho alive\nselftest\npoweroff\n'
efault() { [ "$(grep -c 'badptr: EFAULT ok' "$tmp/ex.log")" = 3 ] || explain ex; }
check "badptr: all three bad pointers give EFAULT" efault
alive() { has ex "${P}alive\$" || explain ex; }
check "the shell answers after badptr (no kernel panic)" alive
selftest_ok() { has ex 'selftest: all [0-9]+ checks passed' || explain ex; }
check "selftest: every check passes with good pointers" selftest_ok
clean() { [ "$rc" = 0 ] || explain ex; }
check "the machine powers off cleanly" clean
