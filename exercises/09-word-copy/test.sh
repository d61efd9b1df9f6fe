# Grading tests of exercise 09 (tools/grade runs them in the graded tree).
# /bin/copydata is random data drawn for this run; the probe reads drawn
# ranges of it into a buffer at drawn alignments and prints hashes the
# grader computes itself, then the cost of a byte of a 64 KiB read under
# -icount (the difference of a big and a small read, so the rest of the
# read path does not count).
probe copyprobe
python3 exercises/common/copycases.py data "$TOKEN" build/user/copydata
RV_QEMU="-icount shift=0" session cp "copyprobe $TOKEN $(python3 exercises/common/copycases.py args "$TOKEN" copy)\n$(mark alive)\nselftest\npoweroff\n"
right() { python3 exercises/common/copycases.py judge "$TOKEN" copy "$tmp/cp.log" || explain cp; }
check "reads copy the right bytes: drawn offsets, lengths (1 to 9000) and alignments, nothing out of place" right
cheap() { python3 exercises/common/copycases.py cost "$TOKEN" copy "$tmp/cp.log" 60 || explain cp; }
check "performance: one more byte of a 64 KiB read costs at most 0.6 instructions (-icount)" cheap
healthy() { marked cp alive && has cp 'selftest: all [0-9]+ checks passed' && [ "$rc" = 0 ] || explain cp; }
check "selftest passes, the machine powers off cleanly" healthy
