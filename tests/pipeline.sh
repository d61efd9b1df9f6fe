# The literate pipeline: tangling is repeatable and keeps mtimes, broken
# chunk structure fails the build with a message naming the chunk, and no
# code lives outside the book.
. tests/lib.inc
CH=$(ls chapters/*.nw)

snap() { (cd "$1" && find . -type f -exec md5sum {} + | sort); }
tangle_twice() {
  a=$(mktemp -d); b=$(mktemp -d)
  tools/tangle "$a" $CH && tools/tangle "$b" $CH && [ "$(snap "$a")" = "$(snap "$b")" ]
  r=$?; rm -rf "$a" "$b"; return $r
}
check "tangling twice gives identical trees" tangle_twice

keeps_mtimes() {
  make -s tangle >/dev/null || return 1
  before=$(find tangle-out -type f -exec stat -c '%n %Y' {} + | sort)
  sleep 1; touch chapters/*.nw
  make -s tangle >/dev/null || return 1
  after=$(find tangle-out -type f -exec stat -c '%n %Y' {} + | sort)
  [ "$before" = "$after" ]
}
check "re-tangling unchanged chapters keeps the mtimes of tangled files" keeps_mtimes

# An exercise's grading programs are test code and live with its tests.
no_stray_code() {
  stray=$(git ls-files 2>/dev/null | grep -E '\.(c|h|S|s|ld)$' | grep -vE '^(chapters|tests|tools)/|^exercises/[^/]+/')
  [ -z "$stray" ] || { echo "code outside chapters/: $stray"; return 1; }
}
check "no .c .h .S .ld file is tracked outside chapters/, tests/, tools/ and exercises' tests" no_stray_code

# broken_book TEXT PATTERN: in a scratch copy, append TEXT to a chapter;
# `make tangle` must fail and its message must match PATTERN.
broken_book() {
  s=$(mktemp -d)
  cp -r Makefile tools chapters weave tangle-out "$s"/
  printf '%s\n' "$1" >>"$s/chapters/07-a-mastery.nw"
  out=$(cd "$s" && make tangle 2>&1); rc=$?
  rm -rf "$s"
  [ $rc -ne 0 ] && echo "$out" | grep -q "$2"
}
check "a reference to a missing chunk fails, naming it and its line" \
  broken_book "$(printf '<<kernel/x.c>>=\n<<no such chunk>>\n@')" '07-a-mastery.nw:[0-9]*: error: chunk <<no such chunk>> is used but never defined'
check "a chunk defined but never used fails, naming it" \
  broken_book "$(printf '<<orphan chunk>>=\nint x;\n@')" 'chunk <<orphan chunk>> is defined but never used'
check "a root chunk no build rule knows fails, naming it" \
  broken_book "$(printf '<<docs/x.txt>>=\nhello\n@')" 'root chunk <<docs/x.txt>> names a file no build rule knows'

# Tangled files read like ordinary code: a chunk used inside a function body
# is indented like its reference (notangle -L would start it at column 0),
# and every #line directive is exact: each line that follows one is, but for
# its indentation, the line of the chapter it names.
indented_and_exact() {
  make -s tangle >/dev/null || return 1
  grep -q '^    pv_init_guest(hcall_how);' tangle-out/kernel/main.c || { echo "kmain's body is not indented"; return 1; }
  python3 - tangle-out <<'PY'
import os, re, sys
bad = 0; src = {}
for d, _, fs in os.walk(sys.argv[1]):
    for f in fs:
        if f == 'README' or f.endswith('.ld'):
            continue
        name, n = None, None
        for l in open(os.path.join(d, f)):
            m = re.match(r'#line (\d+) "(.*)"$', l)
            if m:
                n, name = int(m.group(1)), m.group(2); continue
            if name is None:
                continue
            lines = src.setdefault(name, open(name).read().split('\n'))
            if l.strip() != lines[n - 1].strip() and bad < 5:
                print('%s: %r is not %s:%d %r' % (f, l.strip(), name, n, lines[n - 1].strip())); bad += 1
            n += 1
sys.exit(1 if bad else 0)
PY
}
check "tangled code keeps its chunks' indentation and exact #line directives" indented_and_exact
