# make bench works and is repeatable: under -icount shift=0 the counter
# counts instructions, so two runs print the same numbers.  (The numbers
# themselves are not judged here: speed belongs to benchmarks, not tests.)
. tests/lib.inc
tools/bench >build/bench1.txt 2>&1; rc1=$?
tools/bench >build/bench2.txt 2>&1; rc2=$?
all_lines() {
  [ $rc1 -eq 0 ] && [ "$(grep -Ec 'x$' build/bench1.txt)" -eq 5 ] &&
    grep -q 'one hypercall round trip .*: [0-9][0-9]*$' build/bench1.txt || { cat build/bench1.txt; return 1; }
}
check "make bench prints native, guest and ratio for five operations, and the hypercall cost" all_lines
same() { [ $rc2 -eq 0 ] && cmp -s build/bench1.txt build/bench2.txt || { diff build/bench1.txt build/bench2.txt; return 1; }; }
check "two bench runs under -icount print identical numbers" same
