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
last_pages_have_indexes() {
  n=$(pdfinfo build/book.pdf | sed -n 's/^Pages: *//p')
  tail=$(pdftotext -f $((n - 3)) -l "$n" build/book.pdf -)
  echo "$tail" | grep -q 'Index of chunks' && echo "$tail" | grep -q 'Index of identifiers'
}
check "the last pages hold the chunk index and the identifier index" last_pages_have_indexes
