# The HTML edition: `make html` writes build/html/index.html, and a real
# browser (headless chromium) loading it finds every in-page link's target
# (chunk names, identifiers, cross-references) and every figure's image.
. tests/lib.inc
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
rm -rf build/html
make -s html >"$tmp/make.log" 2>&1 || tail -n 20 "$tmp/make.log"
check "make html writes build/html/index.html" test -s build/html/index.html
# A copy of the page with a script that checks, once everything has loaded,
# that each href="#x" names an element (id or name) and each image drew.
sed 's|</body>|<script>window.addEventListener("load", function () {\
  var bad = [], links = 0, chunks = 0, imgs = 0;\
  document.querySelectorAll("a[href^=\\"#\\"]").forEach(function (a) {\
    var id = decodeURIComponent(a.getAttribute("href").slice(1)); links++;\
    if (/^NW/.test(id)) chunks++;\
    if (!document.getElementById(id) \&\& document.getElementsByName(id).length == 0) bad.push(id);\
  });\
  document.querySelectorAll("img").forEach(function (i) {\
    imgs++; if (!i.complete \|\| i.naturalWidth == 0) bad.push(i.getAttribute("src"));\
  });\
  var r = document.createElement("pre"); r.id = "rvresult";\
  r.textContent = "RESULT links=" + links + " chunks=" + chunks + " images=" + imgs + " bad=" + bad.length + " " + bad.slice(0, 5).join(" ");\
  document.body.appendChild(r);\
});</script></body>|' build/html/index.html >build/html/check.html
timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$tmp/profile" --virtual-time-budget=20000 --dump-dom \
  "file://$(pwd)/build/html/check.html" >"$tmp/dom.html" 2>"$tmp/chromium.log"
rm -f build/html/check.html
result=$(grep -o '<pre id="rvresult">RESULT [^<]*' "$tmp/dom.html" | sed 's/.*>//')
echo "  chromium: ${result:-no result (see below)}"
[ -n "$result" ] || tail -n 5 "$tmp/chromium.log"
links_resolve() {
  echo "$result" | grep -q ' bad=0 ' &&
    [ "$(echo "$result" | sed 's/.*chunks=\([0-9]*\).*/\1/')" -gt 1000 ] &&
    [ "$(echo "$result" | sed 's/.*images=\([0-9]*\).*/\1/')" -ge 10 ]
}
check "in chromium every chunk, identifier and reference link of the HTML book resolves and every figure loads" links_resolve

# No raw TeX reaches the reader: in the page as chromium rendered it, the
# text outside code (pre, code) has no TeX quotes (`` ''), no control
# words (\emph, \raggedright ...) and no unexpanded \bench or \fact.
raw_tex() {   # raw_tex FILE -> the raw TeX found in FILE's prose, one per line
  python3 - "$1" <<'PY'
import html, re, sys
t = open(sys.argv[1], encoding='utf-8', errors='replace').read()
t = re.sub(r'<(pre|code|script|style)\b.*?</\1>', ' ', t, flags=re.S | re.I)
text = html.unescape(re.sub(r'<[^>]+>', ' ', t))
for m in re.finditer(r"``|''|\\[A-Za-z]+|\{\\", text):
    print(repr(text[max(0, m.start() - 30):m.end() + 30]))
PY
}
no_raw_tex() {
  [ -s "$tmp/dom.html" ] || return 1
  bad=$(raw_tex "$tmp/dom.html")
  [ -z "$bad" ] || { echo "$bad" | head -n 5; return 1; }
}
check "the HTML book's prose shows no raw TeX markup (quotes, control words)" no_raw_tex
raw_tex_caught() {   # the check can fail: a page with TeX quotes in its prose
  printf '<p>a ``quoted'"''"' word and \\emph{this}</p><pre>`` in code is fine</pre>\n' >"$tmp/raw.html"
  [ "$(raw_tex "$tmp/raw.html" | wc -l)" -eq 3 ]
}
check "the raw-TeX check finds TeX quotes and control words in prose, not in code" raw_tex_caught
