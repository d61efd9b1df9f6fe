# Grading tests of exercise 09 (tools/grade runs them in the graded tree);
# the run is exercises/common/wordtest.sh's, with reads of a file.
KIND=copy
. exercises/common/wordtest.sh
check "reads copy the right bytes: drawn offsets, lengths (1 to 9000) and alignments, nothing out of place" right
check "performance: one more byte of a 64 KiB read costs at most 0.6 instructions (-icount)" cheap
check "selftest passes, the machine powers off cleanly" healthy
