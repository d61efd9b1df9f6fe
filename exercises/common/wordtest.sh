# exercises/common/wordtest.sh -- the run and the checks' commands of
# exercises 09 (KIND=copy: memcpy, reads of a file) and 10 (KIND=fill:
# memset, reads of /dev/zero), sourced by their test.sh, which keep the
# check lines.  /bin/copydata is random data drawn for this run; the probe
# reads drawn ranges into a buffer at drawn alignments and prints hashes
# the grader computes itself (copycases.py), then the cost of one more
# byte of a 64 KiB read under -icount (a big read less a small one, so
# the rest of the read path cancels out).
probe copyprobe
python3 exercises/common/copycases.py data "$TOKEN" build/user/copydata
RV_QEMU="-icount shift=0" session cp "copyprobe $TOKEN $(python3 exercises/common/copycases.py args "$TOKEN" "$KIND")\n$(mark alive)\nselftest\npoweroff\n"
right() { python3 exercises/common/copycases.py judge "$TOKEN" "$KIND" "$tmp/cp.log" || explain cp; }
cheap() { python3 exercises/common/copycases.py cost "$TOKEN" "$KIND" "$tmp/cp.log" 60 || explain cp; }
healthy() { marked cp alive && has cp 'selftest: all [0-9]+ checks passed' && [ "$rc" = 0 ] || explain cp; }
