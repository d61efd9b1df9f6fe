# Every exercise is sound: its bare starter fails its tests, its reference
# solution passes all of them; and the grader refuses a patch that touches
# anything but chapters/.
. tests/lib.inc
for dir in exercises/[0-9]*/; do
  exname=$(basename "$dir")
  tools/grade "$exname" none >"build/grade-$exname-starter.txt" 2>&1
  starter_fails() {
    line=$(grep -a '^grade: .*points' "build/grade-$exname-starter.txt")
    echo "$line" | grep -qE ': [0-9]+/[0-9]+ points' &&
      [ "$(echo "$line" | sed -E 's/.*: ([0-9]+)\/([0-9]+) points.*/\1/')" != \
        "$(echo "$line" | sed -E 's/.*: ([0-9]+)\/([0-9]+) points.*/\2/')" ] ||
      { tail -n 5 "build/grade-$exname-starter.txt" | sed 's/^/  | /'; return 1; }
  }
  check "exercise $exname: the bare starter fails its tests" starter_fails
  tools/grade "$exname" solution >"build/grade-$exname-solution.txt" 2>&1
  solution_passes() {
    grep -aqE '^grade: .*: ([0-9]+)/\1 points$' "build/grade-$exname-solution.txt" ||
      { tail -n 8 "build/grade-$exname-solution.txt" | sed 's/^/  | /'; return 1; }
  }
  check "exercise $exname: the reference solution passes every test" solution_passes
done

printf -- '--- a/tools/grade\n+++ b/tools/grade\n@@ -1 +1 @@\n-#!/bin/sh\n+#!/bin/bash\n' >build/evil.patch
tools/grade 01 build/evil.patch --json build/evil.json >build/grade-evil.txt 2>&1
refused() {
  grep -q 'grade: 01-user-pointers: 0/[0-9]* points (refused: the patch touches files outside chapters/' build/grade-evil.txt &&
    grep -q '"score": 0' build/evil.json || { sed 's/^/  | /' build/grade-evil.txt; return 1; }
}
check "the grader refuses a patch outside chapters/ with 0 points" refused
