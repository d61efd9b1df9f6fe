# Grading tests of exercise 10 (tools/grade runs them in the graded tree).
# The probe reads drawn lengths of /dev/zero (which the kernel fills with
# memset) into a buffer of 0xA5 at drawn alignments and prints hashes the
# grader computes itself, then the cost of a byte of a 64 KiB read under
# -icount (the difference of a big and a small read).
probe copyprobe
python3 exercises/common/copycases.py data "$TOKEN" build/user/copydata
RV_QEMU="-icount shift=0" session cp "copyprobe $TOKEN $(python3 exercises/common/copycases.py args "$TOKEN" fill)\n$(mark alive)\nselftest\npoweroff\n"
right() { python3 exercises/common/copycases.py judge "$TOKEN" fill "$tmp/cp.log" || explain cp; }
check "reads of /dev/zero fill the right bytes: drawn lengths (1 to 9000) and alignments, nothing out of place" right
cheap() { python3 exercises/common/copycases.py cost "$TOKEN" fill "$tmp/cp.log" 60 || explain cp; }
check "performance: one more byte of a 64 KiB read of /dev/zero costs at most 0.6 instructions (-icount)" cheap
healthy() { marked cp alive && has cp 'selftest: all [0-9]+ checks passed' && [ "$rc" = 0 ] || explain cp; }
check "selftest passes, the machine powers off cleanly" healthy
