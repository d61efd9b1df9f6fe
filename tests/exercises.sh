# The graded exercises can be trusted (tools/grade, exercises/README.md):
# for every exercise the bare starter builds and fails, the reference
# solution (the book) gets full marks, so does the solution with added
# prose lines, the solution plus an edited test program is refused, and
# every known wrong answer (exercises/NN/wrong-*.nw) loses points; the
# student's workflow and the autograder zip (without git) work; hostile
# hand-ins (binary hunks, renames, mode changes, ../ paths, new files,
# empty, malformed, huge, an #include of /dev/zero) are refused with a
# reason; every results.json is valid Gradescope JSON.
. tests/lib.inc
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT

valid() { python3 tests/exercises.py valid "$1" || { sed 's/^/  | /' "$1" | head -n 20; return 1; }; }
# points TXT -- "N M" from the grader's "grade: EX: N/M points" line.
points() { sed -n 's/^grade: [^ ]*: \([0-9]*\)\/\([0-9]*\) points.*/\1 \2/p' "$1" | tail -n 1; }
full() { set -- $(points "$1") x; [ -n "${2:-}" ] && [ "$1" = "$2" ]; }
less() { set -- $(points "$1") x; [ -n "${2:-}" ] && [ "$1" -lt "$2" ]; }
show() { tail -n "${2:-12}" "$1" | sed 's/^/  | /'; return 1; }

# Phase 1: the patches.  Phase 2: every grading, two at a time (each is
# mostly one QEMU, one CPU).  Phase 3: the checks.
: >"$t/jobs"
job() { tag=$1; shift; echo "$* >$t/$tag.txt 2>&1" >>"$t/jobs"; }
for dir in exercises/[0-9]*/; do
  ex=$(basename "$dir")
  tools/exercise patch "$ex" >"$t/$ex.sol.patch"
  python3 tests/exercises.py prose "$ex" >"$t/$ex.prose.patch"
  python3 tests/exercises.py cheat "$ex" >"$t/$ex.cheat.patch"
  job "$ex-starter" tools/grade "$ex" none --json "$t/$ex-starter.json"
  job "$ex-solution" tools/grade "$ex" "$t/$ex.sol.patch" --json "$t/$ex-solution.json"
  job "$ex-cheat" tools/grade "$ex" "$t/$ex.cheat.patch" --json "$t/$ex-cheat.json"
  job "$ex-hash-sol" tools/grade "$ex" "$t/$ex.sol.patch" --hash
  job "$ex-hash-prose" tools/grade "$ex" "$t/$ex.prose.patch" --hash
  for w in "$dir"wrong-*.nw "$dir"forge-*.nw; do
    [ -f "$w" ] && job "$ex-$(basename "$w" .nw)" tools/grade "$ex" "chunks:$w" --json "$t/$ex-$(basename "$w" .nw).json"
  done
done

# One exercise's solution with prose lines is also graded in full.
job 01-prose tools/grade 01 "$t/01-user-pointers.prose.patch" --json "$t/01-prose.json"

# The student's workflow, in a copy of this tree without git: make
# exercise, the answer and a prose line into chapters/, make handin; make
# grade with no PATCH grades the working tree.  The hand-in also goes to
# the autograder zip, unpacked without git in a fresh folder, as
# Gradescope would.
mkdir -p "$t/student"
python3 tests/exercises.py files | tar -cf - -T - | (cd "$t/student" && tar -xf -)
(cd "$t/student" && tools/exercise start 01 && python3 tests/exercises.py answer 01 &&
  tools/exercise handin) >"$t/handin.txt" 2>&1
job wf-tree "cd $t/student && tools/grade 01 --json $t/wf-tree.json"
tools/autograder 01 "$t/ag.zip" >"$t/ag-build.txt" 2>&1
mkdir -p "$t/ag/source" "$t/ag/submission"
python3 -c 'import sys, zipfile, os
z = zipfile.ZipFile(sys.argv[1])
for i in z.infolist():
    z.extract(i, sys.argv[2])
    os.chmod(os.path.join(sys.argv[2], i.filename), (i.external_attr >> 16) & 0o777 or 0o644)' "$t/ag.zip" "$t/ag/source"
cp "$t/student/handin-01-user-pointers.patch" "$t/ag/submission/" 2>/dev/null
job wf-autograder AUTOGRADER=$t/ag sh $t/ag/source/run_autograder

# Hand-ins as honest students make them on other systems: CRLF line ends
# with any Unicode in a comment (graded in full), and UTF-16 (PowerShell's
# >), graded as the very same chapters as the plain patch.
for v in plain utf16 unicode unicode-crlf; do python3 tests/exercises.py variant 01 $v >"$t/v-$v.patch"; done
job v-unicode-crlf tools/grade 01 "$t/v-unicode-crlf.patch" --json "$t/v-unicode-crlf.json"

# Handouts: a course's set with its woven book, and every exercise at once.
all=$(ls -d exercises/[0-9]*/ | sed 's|exercises/\(..\).*|\1|' | tr '\n' ' ')
job handout-course tools/handout "'01 04 06'" "$t/h-course"
job handout-all "(NOWEAVE=1 tools/handout all $t/h-all && cd $t/h-all && make -s)"

xargs -P 2 -I{} sh -c '{}' <"$t/jobs"

for dir in exercises/[0-9]*/; do
  ex=$(basename "$dir")
  starter_fails() {
    ! grep -q 'does not build' "$t/$ex-starter.txt" && less "$t/$ex-starter.txt" &&
      valid "$t/$ex-starter.json" || show "$t/$ex-starter.txt"
  }
  check "exercise $ex: the starter builds and fails its checks" starter_fails
  solution_full() { full "$t/$ex-solution.txt" && valid "$t/$ex-solution.json" || show "$t/$ex-solution.txt" 30; }
  check "exercise $ex: the reference solution gets full marks" solution_full
  # With prose lines added, the graded code is the very same (so the
  # same marks): compare the digests of the graded chapters.
  prose_same() {
    grep -q 'graded chapters [0-9a-f]' "$t/$ex-hash-sol.txt" && cmp -s "$t/$ex-hash-sol.txt" "$t/$ex-hash-prose.txt" ||
      { cat "$t/$ex-hash-sol.txt" "$t/$ex-hash-prose.txt" | sed 's/^/  | /'; return 1; }
  }
  check "exercise $ex: the solution with added prose lines is graded the same" prose_same
  cheat_refused() {
    less "$t/$ex-cheat.txt" && grep -q 'refused: code chunk <<.*>> in chapters/[^ ]*\.nw differs' "$t/$ex-cheat.txt" &&
      valid "$t/$ex-cheat.json" || show "$t/$ex-cheat.txt"
  }
  check "exercise $ex: the solution plus an edited test program's message is refused" cheat_refused
  for w in "$dir"wrong-*.nw; do
    [ -f "$w" ] || continue
    wn=$(basename "$w" .nw)
    wrong_less() {
      less "$t/$ex-$wn.txt" && ! grep -q '^grade: .* points (\(refused\|it does not build\)' "$t/$ex-$wn.txt" && valid "$t/$ex-$wn.json" ||
        show "$t/$ex-$wn.txt" 30
    }
    check "exercise $ex: the wrong answer $wn ($(sed -n 's/^% wrong: //p' "$w")) loses points" wrong_less
  done
  # A forgery (forge-*.nw) rides on the starter or on a wrong answer and
  # adds what a student who wants marks without the work would print:
  # it must score no more than what it rides on, and nothing it printed
  # may reach results.json unsanitized.
  for w in "$dir"forge-*.nw; do
    [ -f "$w" ] || continue
    wn=$(basename "$w" .nw)
    rides=$(sed -n 's/^% rides: //p' "$w")
    forge_worthless() {
      set -- $(points "$t/$ex-$wn.txt") x; got=$1
      set -- $(points "$t/$ex-$rides.txt") x; base=$1
      [ -n "$got" ] && [ -n "$base" ] && [ "$got" -le "$base" ] &&
        ! grep -q '^grade: .* points (\(refused\|it does not build\)' "$t/$ex-$wn.txt" &&
        valid "$t/$ex-$wn.json" && python3 tests/exercises.py clean "$t/$ex-$wn.json" ||
        { echo "  $wn: $got points, $rides: $base"; show "$t/$ex-$wn.txt" 30; }
    }
    check "exercise $ex: the forgery $wn ($(sed -n 's/^% forge: //p' "$w")) scores no more than $rides" forge_worthless
  done
done
prose_full() { full "$t/01-prose.txt" && valid "$t/01-prose.json" || show "$t/01-prose.txt"; }
check "exercise 01: the solution with prose lines (\"++ \", \"--- \", \"@ \") gets full marks" prose_full
workflow() {
  grep -q 'wrote handin-01-user-pointers.patch.*the grader will accept it' "$t/handin.txt" &&
    full "$t/wf-tree.txt" && valid "$t/wf-tree.json" ||
    { sed 's/^/  | /' "$t/handin.txt"; show "$t/wf-tree.txt"; }
}
check "make exercise, an answer, make handin; make grade with no PATCH gives the working tree full marks" workflow
autograder_ok() {
  python3 -c 'import json, sys; r = json.load(open(sys.argv[1])); sys.exit(0 if r["score"] == sum(t["max_score"] for t in r["tests"]) > 0 else 1)' \
    "$t/ag/results/results.json" && valid "$t/ag/results/results.json" && [ ! -e "$t/ag/source/.git" ] ||
    { sed 's/^/  | /' "$t/ag-build.txt"; show "$t/wf-autograder.txt"; }
}
check "the autograder zip, unpacked without git, grades the hand-in to full marks" autograder_ok

# No answer on the grading machine nor in a handout: no line of a listed
# exercise's answer in any file (sources, tests, the woven book), no
# solutions/, no .git.  The check itself is shown to find the answers in
# the book's own chapters.
noleak() { d=$1; shift; python3 tests/exercises.py leaks "$d" "$@"; }
finds() { ! python3 tests/exercises.py leaks chapters $all >/dev/null; }
check "the answer-leak check finds every exercise's answer in the book's chapters" finds
check "the autograder zip of 01 holds no line of 01's answer, no solutions/, no .git" noleak "$t/ag/source" 01
course() {
  grep -q 'handout: .*the starters of 01-user-pointers 04-guest-cmdline 06-launcher-elf in chapters/, book in' "$t/handout-course.txt" &&
    [ -s "$t/h-course/build/book.pdf" ] && [ -s "$t/h-course/build/chapters.tex" ] && noleak "$t/h-course" 01 04 06 ||
    show "$t/handout-course.txt"
}
check "make handout EX=\"01 04 06\": one tree with its woven book, none of the three answers anywhere" course
every() { grep -q 'handout: .*the starters of' "$t/handout-all.txt" && [ -f "$t/h-all/build/kernel.elf" ] && noleak "$t/h-all" $all || show "$t/handout-all.txt"; }
check "make handout EX=all: every exercise a starter, the tree builds, no answer anywhere" every

# grade EX WHAT TAG -- grade into $t/TAG.txt and $t/TAG.json
grade() { tools/grade "$1" "$2" --json "$t/$3.json" >"$t/$3.txt" 2>&1; }
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
python3 tests/exercises.py include >"$t/include.patch"
check "an #include in the student's chunk (of /dev/zero, say) is refused" evil include 'may not add #include'
unicode_full() { full "$t/v-unicode-crlf.txt" && valid "$t/v-unicode-crlf.json" || show "$t/v-unicode-crlf.txt"; }
check "a hand-in with CRLF line ends and U+2028, \\f, \\v, accents and CJK in a comment gets full marks" unicode_full
same_hash() {
  a=$(tools/grade 01 "$t/v-plain.patch" --hash); b=$(tools/grade 01 "$t/v-$1.patch" --hash)
  [ -n "$a" ] && [ "$a" = "$b" ] && case $a in *'graded chapters '*) true ;; *) false ;; esac ||
    { echo "  plain: $a"; echo "  $1: $b"; return 1; }
}
check "a UTF-16 hand-in (PowerShell's >) is graded as the same chapters as the UTF-8 one" same_hash utf16
# Submission folders: a symbolic link (to the book, say), a FIFO named
# like a chapter (which would hang a reader) and a linked folder are
# refused with their reason, at once.
mkdir -p "$t/s-link" "$t/s-fifo" "$t/s-dir"
ln -s "$(pwd)/chapters/01d-memory.nw" "$t/s-link/01d-memory.nw"
mkfifo "$t/s-fifo/01d-memory.nw"
ln -s "$(pwd)/chapters" "$t/s-dir/chapters"
subm() {   # subm DIR REGEX -- grading folder DIR is refused with REGEX
  timeout 60 tools/grade 01 "$t/$1" --json "$t/$1.json" >"$t/$1.txt" 2>&1 &&
    grep -q "0/[0-9]* points (refused: .*$2" "$t/$1.txt" && valid "$t/$1.json" || show "$t/$1.txt" 5
}
check "a submitted chapter that is a symbolic link (to the book) is refused with its reason" subm s-link 'symbolic link; hand in the file itself'
check "a FIFO named like a chapter is refused at once, not read" subm s-fifo 'is a FIFO; hand in ordinary files'
check "a submitted folder that is a symbolic link is refused" subm s-dir 'symbolic link to a folder'
unchanged() { [ "$(cat tests/lib.inc Makefile tools/grade | cksum)" = "$sum_before" ] && [ ! -e /tmp/rv-pwned ]; }
check "the hostile hand-ins changed nothing in this tree" unchanged
