# solutions/ (issue 21): every exercise has its reference hand-in,
# generated from the chapters (stale when the book changes: make
# solutions), its instructor's notes with every section and every known
# wrong answer in them, and the scores its wrong answers get
# (scores.tsv, which tests/exercises.sh compares with a fresh grading).
. tests/lib.inc
fresh() { tools/solutions --check; }
check "solutions/*/answer.patch are what make solutions writes from the chapters" fresh
for dir in exercises/[0-9]*/; do
  ex=$(basename "$dir")
  notes() {
    n=solutions/$ex/NOTES.md
    [ -f "$n" ] || { echo "  $n is missing"; return 1; }
    for h in '## The answer' '## Rubric' '## Wrong answers' '## Misconceptions' '## Time' '## A harder variant'; do
      grep -q "^$h" "$n" || { echo "  $n has no section \"$h\""; return 1; }
    done
    for w in "$dir"wrong-*.nw; do
      [ -f "$w" ] || continue
      grep -q "$(basename "$w" .nw)" "$n" || { echo "  $n does not discuss $(basename "$w")"; return 1; }
    done
    for c in $(sed -n 's/^check \("[^"]*"\).*/\1/p' "$dir/test.sh" | wc -l); do
      [ "$(grep -c '^| [0-9]' "$n")" -ge "$c" ] || { echo "  $n's rubric has fewer rows than test.sh's $c checks"; return 1; }
    done
  }
  check "solutions/$ex/NOTES.md: answer, rubric (a row per check), every wrong answer, misconceptions, time, harder variant" notes
  scored() { [ -f "solutions/$ex/scores.tsv" ] && grep -q '^starter	' "solutions/$ex/scores.tsv" || { echo "  no solutions/$ex/scores.tsv (make solutions SCORES=1)"; return 1; }; }
  check "solutions/$ex/scores.tsv lists what the starter and each wrong answer get" scored
done
