# Grading tests of exercise 01 (tools/grade runs them in the graded tree).
probe ptrprobe
session ex "ptrprobe $TOKEN good\nptrprobe $TOKEN kernel\nptrprobe $TOKEN wrap\nptrprobe $TOKEN rotext\nptrprobe $TOKEN straddle\n$(mark alive)\nselftest\npoweroff\n"
case_ok() { has ex "ptrprobe $TOKEN $1 ok" || explain ex; }
check "good buffers work: length 0 below USERTOP, 200 bytes over a page boundary" case_ok good
check "kernel addresses are refused, even with length 0 or reaching past USERTOP" case_ok kernel
check "a range whose end wraps around 2^32 is refused" case_ok wrap
check "a read into the program's read-only text is refused" case_ok rotext
check "a range running into an unmapped page is refused (not only its first page checked)" case_ok straddle
healthy() { marked ex alive && has ex 'selftest: all [0-9]+ checks passed' && [ "$rc" = 0 ] || explain ex; }
check "no panic: the shell answers, selftest passes, the machine powers off cleanly" healthy
