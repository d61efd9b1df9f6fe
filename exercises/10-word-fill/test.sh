# Grading tests of exercise 10 (tools/grade runs them in the graded tree);
# the run is exercises/common/wordtest.sh's, with reads of /dev/zero.
KIND=fill
. exercises/common/wordtest.sh
check "reads of /dev/zero fill the right bytes: drawn lengths (1 to 9000) and alignments, nothing out of place" right
check "performance: one more byte of a 64 KiB read of /dev/zero costs at most 0.6 instructions (-icount)" cheap
check "selftest passes, the machine powers off cleanly" healthy
