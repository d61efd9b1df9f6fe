# make bench runs every row natively and in a guest, each row checking its
# own result (a failed exec or a short read stops the bench), and prints
# the table.  Under -icount shift=0 the counts are instructions and the
# same on every run, so a fresh bench must equal the committed
# weave/bench.tsv, from which the book's tables are made: the book never
# drifts from the code.  (Whether the numbers are good is for benchmarks
# to say, not tests.)
. tests/lib.inc
tools/bench >build/bench.out 2>&1; rc=$?
all_rows() {
  [ $rc -eq 0 ] && [ "$(grep -c . build/bench.tsv)" -eq 22 ] &&
    grep -q '^guest boot: hypercalls  *- *[0-9]' build/bench.out || { cat build/bench.out; return 1; }
}
check "make bench measures all 21 rows and prints the table" all_rows
# The shadow cache's and the batches' counts run until the guest powers
# off, and it idles (taking timer ticks) for as long as typing poweroff
# takes, so they vary a little: they are shown, not compared.
counts() { grep -Ev '^(sc-hits|sc-misses|batches|batch-size)[[:space:]]' "$1"; }
same() {
  cut -f1-4 weave/bench.tsv >build/bench-committed.tsv
  counts build/bench-committed.tsv >build/bench-a.tsv; counts build/bench.tsv >build/bench-b.tsv
  cmp -s build/bench-a.tsv build/bench-b.tsv && return 0
  echo "  build/bench.tsv differs from the committed weave/bench.tsv (the book's numbers):"
  diff build/bench-a.tsv build/bench-b.tsv | sed 's/^/  /'
  echo "  If the kernel changed on purpose, run 'make bench-update' and commit weave/bench.tsv."
  return 1
}
check "a fresh bench equals the committed weave/bench.tsv" same
