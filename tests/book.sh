# The book weaves with no undefined reference, has every chapter, and ends
# with the chunk index and the identifier index.
. tests/lib.inc
mkdir -p build; rm -f build/book.pdf
make -s book >build/book-test.log 2>&1 || tail -n 20 build/book-test.log
check "the book builds with 0 undefined references" test -s build/book.pdf
pdftotext build/book.pdf build/book.txt 2>/dev/null
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
