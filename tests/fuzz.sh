# make fuzz, short: the launcher's device side under libFuzzer with ASan and
# UBSan, and hostile guest kernels against the host (tools/fuzz), for
# FUZZ_TEST_SECONDS in all (default 60: 30 s each side, to keep make test short).
. tests/lib.inc
scratch_dirs
FUZZ_DIR=$tmp/fuzz tools/fuzz "${FUZZ_TEST_SECONDS:-60}" >"$tmp/fuzz.out" 2>&1; rc=$?
sed 's/^/  /' "$tmp/fuzz.out"
device_ok() {
  n=$(sed -n 's/^fuzz: device side: \([0-9]*\) ring inputs.*/\1/p' "$tmp/fuzz.out")
  [ "$rc" = 0 ] && [ -n "$n" ] && [ "$n" -gt 1000 ] && ! grep -q 'device side failed' "$tmp/fuzz.out"
}
check "make fuzz (short): the launcher's ring walker survives libFuzzer with ASan and UBSan" device_ok
guest_ok() {
  n=$(sed -n 's/^fuzz: guest side: \([0-9]*\) hostile guests.*/\1/p' "$tmp/fuzz.out")
  [ "$rc" = 0 ] && [ -n "$n" ] && [ "$n" -gt 0 ] && ! grep -q 'the host failed' "$tmp/fuzz.out"
}
check "make fuzz (short): hostile guest kernels' random hypercalls leave the host alive" guest_ok
