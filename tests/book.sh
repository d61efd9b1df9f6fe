# The book weaves with no undefined reference, has every chapter, and ends
# with the chunk index and the identifier index.
. tests/lib.inc
mkdir -p build; rm -f build/book.pdf
make -s book >build/book-test.log 2>&1 || tail -n 20 build/book-test.log
check "the book builds with 0 undefined references" test -s build/book.pdf
check "the book has no overfull boxes" sh -c '! grep "^Overfull" build/book.log'
pdftotext build/book.pdf build/book.txt 2>/dev/null
rm -f build/index.txt                   # index_text cuts it anew from this PDF
for t in Preparation Guest Drivers Launcher Host Switcher Mastery; do
  check "chapter '$t' is in the book" grep -q "^$t\$" build/book.txt
done
# The book's last pages, after the last chapter, are the chunk index and
# then the identifier index, and nothing else.
last_pages_have_indexes() {
  n=$(pdfinfo build/book.pdf | sed -n 's/^Pages: *//p')
  chunks=0; idents=0
  for p in $(seq "$n" -1 1); do
    t=$(pdftotext -f "$p" -l "$p" build/book.pdf -)
    echo "$t" | grep -q '^Index of identifiers$' && idents=$p
    if echo "$t" | grep -q '^Index of chunks$'; then chunks=$p; break; fi
    echo "$t" | grep -q '^Chapter [0-9]' && return 1
  done
  [ "$chunks" -gt 0 ] && [ "$idents" -ge "$chunks" ]
}
check "the last pages hold the chunk index and the identifier index" last_pages_have_indexes

# Cross-references: the identifier index names only the book's own
# definitions, each program's namesakes apart, and no page twice.
# The identifier index: the last pages, each headed "Index of identifiers"
# (the contents page names it too, so the text is cut by pages).
index_text() {
  if [ ! -s build/index.txt ]; then
    n=$(pdfinfo build/book.pdf | sed -n 's/^Pages: *//p'); first=$n
    for p in $(seq "$n" -1 1); do
      pdftotext -f "$p" -l "$p" build/book.pdf - | grep -q '^Index of identifiers$' || break
      first=$p
    done
    pdftotext -f "$first" build/book.pdf build/index.txt
  fi
  cat build/index.txt
}
no_standard_types() {
  bad=$(index_text | grep -E '^(u?int(8|16|32|64) t|size t|ssize t|pid t|bool|va list|inline|attribute|NULL)[:,]')
  [ -z "$bad" ] || { echo "standard names in the index: $bad"; return 1; }
}
check "the identifier index has no entries for standard types" no_standard_types
namesakes_apart() {
  index_text | grep -q '^main (sh.c): ' && index_text | grep -q '^kmain: ' &&
    ! index_text | grep -q '^main: '
}
check "namesakes in other programs have index entries of their own" namesakes_apart
no_doubled_refs() {
  index_text | awk -F': ' 'NF == 2 { n = split($2, r, ", "); delete seen
    for (i = 1; i <= n; i++) { if (r[i] in seen) { print "doubled: " $0; bad = 1 } seen[r[i]] = 1 } }
    END { exit bad }'
}
check "no index entry names a page twice" no_doubled_refs
# tools/nwindexfilter --check: a prototype or a call taken for a second
# definition in the same file fails the weave; real definitions pass.
doubled_definition_fails() {
  L=/usr/lib/noweb
  $L/markup chapters/*.nw | $L/autodefs.c | $L/finduses | tools/nwindexfilter --check || return 1
  out=$(printf '<<user/x.c>>=\n#define TWICE 1\n<<more>>\n@\n<<more>>=\n#define TWICE 2\n@\n' >build/twice.nw &&
        $L/markup build/twice.nw | $L/autodefs.c | $L/finduses | tools/nwindexfilter --check)
  rc=$?; rm -f build/twice.nw
  [ $rc -ne 0 ] && echo "$out" | grep -q 'TWICE is defined twice in user/x.c'
}
check "an identifier defined twice in one root file fails the check" doubled_definition_fails

# Layout: no blank page (a page with nothing but its running head), and the
# running heads name chapters and sections, not source files.
no_blank_pages() {
  n=$(pdfinfo build/book.pdf | sed -n 's/^Pages: *//p')
  for p in $(seq 2 "$n"); do
    c=$(pdftotext -f "$p" -l "$p" build/book.pdf - 2>/dev/null | grep -c '[A-Za-z0-9]')
    [ "$c" -ge 3 ] || { echo "page $p is blank"; return 1; }
  done
}
check "the book has no blank pages" no_blank_pages
heads_name_chapters() {
  ! grep -q '^chapters/[0-9A-Za-z-]*\.nw$' build/book.txt &&
    [ "$(grep -c '^Chapter 1\. Preparation$' build/book.txt)" -ge 10 ]
}
check "running heads name chapters, not source files" heads_name_chapters

# Truth of the book: the counts and offsets the prose states come from the
# code (tools/facts, at weave time), and a hand-written one is caught.
ftmp=$(mktemp -d); trap 'rm -rf "$ftmp"' EXIT
check "no paragraph states by hand a count or offset that tools/facts gives" \
  sh -c 'tools/facts --prose chapters/*.nw'
hand_count_caught() {
  printf 'Linux has ninety [[pv_ops]] entries, against our 24, and more.\n\n<<x>>=\n@\n' >"$ftmp/hand.nw"
  out=$(tools/facts --prose "$ftmp/hand.nw") && return 1
  echo "$out" | grep -q 'pvops-count.*against our 24'
}
check "a count typed by hand into the prose is caught" hand_count_caught
facts_from_compiler() {
  tools/facts "$ftmp/facts.tex" chapters/*.nw || return 1
  # Two ways to the same count: the compiler's sizeof, and the members
  # of struct pv_ops in the tangled header.
  n=$(sed -n '/^struct pv_ops {/,/^};/p' tangle-out/kernel/kernel.h | grep -c '(\*')
  [ "$n" -gt 0 ] && grep -q "csname fact@pvops-count\\\\endcsname{$n}" "$ftmp/facts.tex"
}
check "tools/facts's count of pv_ops (from sizeof) agrees with the members in the tangled header" facts_from_compiler
figure_lacks_field() {
  mkdir -p "$ftmp/ch" && cp chapters/*.nw "$ftmp/ch/"
  f=$(grep -l '^struct rv_shared {' "$ftmp"/ch/*.nw)
  sed -i 's|^struct rv_shared {|&\n  uint32_t spare_word;|' "$f"
  out=$(tools/facts "$ftmp/mut.tex" "$ftmp"/ch/*.nw 2>&1) && return 1
  echo "$out" | grep -q 'struct rv_shared has a field spare_word that its figure lacks'
}
check "a field added to struct rv_shared fails the weave until Figure 2.1 draws it" figure_lacks_field

# Chapter 2's code, and kmain (which later chapters extend through places
# it leaves empty), name nothing from later chapters: tangled from
# chapters 1 and 2 (and the appendices, which hold the rest of the kernel
# Chapter 1 describes) alone, its files compile.
chapter2_alone() {
  d=$ftmp/ch12; mkdir -p "$d/kernel" "$d/include"
  set -- chapters/01-*.nw chapters/02-*.nw chapters/[A-Z]-*.nw
  for r in kernel/kernel.h kernel/x86.h kernel/boot.h include/rvabi.h; do
    notangle -R"$r" "$@" >"$d/$r" 2>/dev/null
  done
  for r in kernel/main.c $(grep -ho '^<<kernel/[a-z]*\.c>>=' chapters/02-*.nw | sort -u | sed 's/<<\(.*\)>>=/\1/'); do
    notangle -R"$r" "$@" >"$d/$r" 2>/dev/null
    i686-linux-gnu-gcc -std=gnu11 -ffreestanding -fno-builtin -mgeneral-regs-only -march=i686 \
      -O2 -Wall -Wextra -Werror -I"$d/include" -I"$d/kernel" -c "$d/$r" -o "$d/$r.o" || return 1
  done
  [ -s "$d/kernel/guest.c.o" ] && [ -s "$d/kernel/main.c.o" ]
}
check "chapter 2's code and kmain compile from chapters 1 and 2 alone" chapter2_alone
