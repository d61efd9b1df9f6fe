# The graded exercises can be trusted (tools/grade, exercises/README.md):
# for every exercise the bare starter builds and fails, the reference
# solution (the book) gets full marks, so does the solution with added
# prose lines, a patch that only edits a test program or a kernel message
# gets less, and so does every known wrong answer (exercises/NN/wrong-*.nw);
# hostile hand-ins (binary hunks, renames, mode changes, ../ paths, new
# files, empty, malformed, huge, an #include of /dev/zero) are refused with
# a reason; every results.json is valid Gradescope JSON.
. tests/lib.inc
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT

# valid JSON -- JSON is a results.json Gradescope accepts.
valid() {
  python3 - "$1" <<'EOF' || { sed 's/^/  | /' "$1" | head -n 20; return 1; }
import json, sys
sys.path.insert(0, 'tools')
import exlib
try:
    res = json.load(open(sys.argv[1]))
except Exception as e:
    print('  not JSON: %s' % e); sys.exit(1)
bad = exlib.validate_results(res)
for b in bad:
    print('  ' + b)
sys.exit(1 if bad else 0)
EOF
}
# points TXT -- "N M" from the grader's "grade: EX: N/M points" line.
points() { sed -n 's/^grade: [^ ]*: \([0-9]*\)\/\([0-9]*\) points.*/\1 \2/p' "$1" | tail -n 1; }
full() { set -- $(points "$1") x; [ -n "${2:-}" ] && [ "$1" = "$2" ]; }
less() { set -- $(points "$1") x; [ -n "${2:-}" ] && [ "$1" -lt "$2" ]; }
show() { tail -n "${2:-12}" "$1" | sed 's/^/  | /'; return 1; }
# grade EX WHAT TAG -- grade into $t/TAG.txt and $t/TAG.json
grade() { tools/grade "$1" "$2" --json "$t/$3.json" >"$t/$3.txt" 2>&1; }

# A patch that adds prose lines (beginning with "++ ", "--- ", "@ ") to
# the chapter of the exercise's first chunk, on top of the solution.
prose_patch() {
  python3 - "$1" <<'EOF'
import os, sys
sys.path.insert(0, 'tools')
import exlib
d = exlib.find_exercise('.', sys.argv[1])
book = exlib.read_chapters('chapters')
starter = exlib.make_starter(d, book)
first = exlib.owned(d)[0]
f = [f for f in book if '<<%s>>=' % first in book[f]][0]
segs = exlib.parse_nw(book[f])
i = [k for k, s in enumerate(segs) if s[0] == 'code' and s[1] == first][0]
segs[i - 1][1].extend(['++ a prose line that looks like a diff header\n',
                       '--- and another; @ one more\n', '\n'])
mine = dict(book)
mine[f] = exlib.join_nw(segs)
sys.stdout.write(exlib.unified(starter, mine))
EOF
}

for dir in exercises/[0-9]*/; do
  ex=$(basename "$dir")
  tools/exercise patch "$ex" >"$t/$ex.sol.patch"
  grade "$ex" none "$ex-starter"
  starter_fails() {
    ! grep -q 'does not build' "$t/$ex-starter.txt" && less "$t/$ex-starter.txt" &&
      valid "$t/$ex-starter.json" || show "$t/$ex-starter.txt"
  }
  check "exercise $ex: the starter builds and fails its checks" starter_fails
  grade "$ex" "$t/$ex.sol.patch" "$ex-solution"
  solution_full() { full "$t/$ex-solution.txt" && valid "$t/$ex-solution.json" || show "$t/$ex-solution.txt" 30; }
  check "exercise $ex: the reference solution gets full marks" solution_full
  # With prose lines added, the graded code is the very same (so the
  # same marks): compare the digests of the graded chapters.
  prose_patch "$ex" >"$t/$ex.prose.patch"
  prose_same() {
    a=$(tools/grade "$ex" "$t/$ex.sol.patch" --hash) && b=$(tools/grade "$ex" "$t/$ex.prose.patch" --hash) &&
      echo "$a" | grep -q 'graded chapters [0-9a-f]' && [ "$a" = "$b" ] ||
      { echo "  solution: $a"; echo "  with prose: $b"; return 1; }
  }
  check "exercise $ex: the solution with added prose lines is graded the same" prose_same
  # The solution plus a changed test program (selftest's verdict) and a
  # changed kernel message is refused.
  sed 's/^\(+.*\)$/\1/' "$t/$ex.sol.patch" >"$t/$ex.cheat.patch"
  python3 - "$ex" >>"$t/$ex.cheat.patch" <<'EOF'
import sys
sys.path.insert(0, 'tools')
import exlib
book = exlib.read_chapters('chapters')
f = '01j-user.nw'
mine = dict(book)
mine[f] = book[f].replace('say("all %d checks passed", total);', 'say("all %d checks passed", 32);', 1)
assert mine[f] != book[f]
sys.stdout.write(exlib.unified(book, mine))
EOF
  grade "$ex" "$t/$ex.cheat.patch" "$ex-cheat"
  cheat_refused() {
    less "$t/$ex-cheat.txt" && grep -q 'refused: code chunk <<.*>> in chapters/01j-user.nw differs' "$t/$ex-cheat.txt" &&
      valid "$t/$ex-cheat.json" || show "$t/$ex-cheat.txt"
  }
  check "exercise $ex: editing a test program's message is refused" cheat_refused
  for w in "$dir"wrong-*.nw; do
    [ -f "$w" ] || continue
    wn=$(basename "$w" .nw)
    grade "$ex" "chunks:$w" "$ex-$wn"
    wrong_less() { less "$t/$ex-$wn.txt" && valid "$t/$ex-$wn.json" || show "$t/$ex-$wn.txt" 30; }
    check "exercise $ex: the wrong answer $wn ($(sed -n 's/^% wrong: //p' "$w")) loses points" wrong_less
  done
done

# Hostile hand-ins, graded against exercise 01: each is refused with its
# reason, scores 0, writes valid JSON and changes nothing in this tree.
sum_before=$(cat tests/lib.inc Makefile tools/grade | cksum)
evil() {   # evil TAG REGEX -- grade $t/TAG.patch; expect refusal matching REGEX
  tag=$1; want=$2
  grade 01 "$t/$tag.patch" "evil-$tag"
  grep -q "grade: 01-user-pointers: 0/[0-9]* points (refused: .*$want" "$t/evil-$tag.txt" &&
    valid "$t/evil-$tag.json" || show "$t/evil-$tag.txt" 5
}
printf 'diff --git a/tests/lib.inc b/tests/lib.inc\nindex 1111111..2222222 100644\nGIT binary patch\nliteral 5\nMcmZQzU|?hb0000\n\nliteral 0\nHcmV?d00001\n\n' >"$t/binary.patch"
check "a GIT binary patch is refused" evil binary 'tests/lib.inc\|binary'
printf 'diff --git a/chapters/01d-memory.nw b/chapters/01d-memory.nw\nindex 1111111..2222222 100644\nGIT binary patch\nliteral 5\nMcmZQzU|?hb0000\n\n' >"$t/binnw.patch"
check "a binary hunk to a chapter is refused" evil binnw 'binary hunk'
printf 'diff --git a/chapters/01d-memory.nw b/chapters/01e-traps.nw\nsimilarity index 100%%\nrename from chapters/01d-memory.nw\nrename to chapters/01e-traps.nw\n' >"$t/rename.patch"
check "a rename is refused" evil rename 'rename'
printf 'diff --git a/chapters/01d-memory.nw b/chapters/01d-memory.nw\nold mode 100644\nnew mode 100755\n' >"$t/mode.patch"
check "a mode change is refused" evil mode 'mode change'
printf -- '--- a/chapters/../Makefile\n+++ b/chapters/../Makefile\n@@ -1 +1 @@\n-x\n+all:; touch /tmp/rv-pwned\n' >"$t/dotdot.patch"
check "a ../ path is refused" evil dotdot 'only chapters/\*.nw may change'
printf -- '--- a/tools/grade\n+++ b/tools/grade\n@@ -1 +1 @@\n-#!/usr/bin/env python3\n+#!/bin/sh\n' >"$t/outside.patch"
check "a patch outside chapters/ is refused" evil outside 'tools/grade; only chapters'
printf -- '--- /dev/null\n+++ b/chapters/99-evil.nw\n@@ -0,0 +1,3 @@\n+<<kernel/evil.c>>=\n+int x;\n+@\n' >"$t/newfile.patch"
check "a new chapter file is refused" evil newfile 'creates or deletes'
: >"$t/empty.patch"
check "an empty patch is refused" evil empty 'empty'
printf '@@ -1,3 +1,3 @@\nfoo\n' >"$t/malformed.patch"
check "a malformed patch is refused" evil malformed 'malformed'
printf -- '--- a/chapters/01d-memory.nw\n+++ b/chapters/01d-memory.nw\n@@ -1,3 +1,3 @@\n-a\n' >"$t/truncated.patch"
check "a truncated patch is refused" evil truncated 'ends early'
head -c 3000000 /dev/zero | tr '\0' 'x' >"$t/huge.patch"
check "a huge patch is refused" evil huge 'more than the limit'
printf -- '--- a/chapters/x", "score": 100, "y": "\n+++ b/chapters/x", "score": 100, "y": "\n@@ -1 +1 @@\n-a\n+b\n' >"$t/inject.patch"
check "a file name crafted to inject JSON is refused, and the JSON stays valid" evil inject 'only chapters'
python3 - >"$t/include.patch" <<'EOF'
import sys
sys.path.insert(0, 'tools')
import exlib
d = exlib.find_exercise('.', '01')
book = exlib.read_chapters('chapters')
s = exlib.make_starter(d, book)
mine = dict(s)
f = '01d-memory.nw'
mine[f] = s[f].replace('  (void)pgdir;', '#include "/dev/zero"\n  (void)pgdir;', 1)
assert mine[f] != s[f]
sys.stdout.write(exlib.unified(s, mine))
EOF
check "an #include in the student's chunk (of /dev/zero, say) is refused" evil include 'may not add #include'
unchanged() { [ "$(cat tests/lib.inc Makefile tools/grade | cksum)" = "$sum_before" ] && [ ! -e /tmp/rv-pwned ]; }
check "the hostile hand-ins changed nothing in this tree" unchanged
