# make bench works and is repeatable: under -icount shift=0 the counter
# counts instructions, so two runs print the same numbers.  (The numbers
# themselves are not judged here: speed belongs to benchmarks, not tests.)
. tests/lib.inc
tools/bench >build/bench1.txt 2>&1; rc1=$?
tools/bench >build/bench2.txt 2>&1; rc2=$?
five_lines() { [ $rc1 -eq 0 ] && [ "$(grep -c "ticks per operation" build/bench1.txt)" -eq 6 ] || { cat build/bench1.txt; return 1; }; }
check "make bench prints five native measurements and the hypercall round trip" five_lines
same() { [ $rc2 -eq 0 ] && cmp -s build/bench1.txt build/bench2.txt || { diff build/bench1.txt build/bench2.txt; return 1; }; }
check "two bench runs under -icount print identical numbers" same
