# tools/exlib.py -- what tools/exercise and tools/grade share: the book's
# noweb chunks, an exercise's starter, a strict reader of unified diffs, and
# Gradescope's results.json.  Python 3 standard library only.
"""Shared code of the exercise tools (see exercises/README.md)."""

import json
import os
import re
import subprocess

SECTION = re.compile(r'^\\(chapter|section|subsection|subsubsection|paragraph)\*?[{\[]')
LABEL = re.compile(r'^\s*\\label\{[^}]*\}\s*$')
DEFLINE = re.compile(r'^<<(.+)>>=\s*$')


class Refused(Exception):
    """A hand-in the grader will not build; the message is the reason."""


# ---------------------------------------------------------------------------
# The book's chunks.  A chapter is a list of segments: ('doc', lines) and
# ('code', name, body lines, end line).  A code chunk starts with a line
# <<name>>= and ends at a line that is '@' or starts with '@ ', or at the
# next chunk definition (noweb's rules).  Lines keep their newlines.

def lines_of(text):
    """The lines of text, each with its newline: only \n ends a line, as
    for the C compiler, noweb and patch (str.splitlines would also break
    at \v, \f, \x1c..\x1e, \x85, U+2028 and U+2029, which may sit in a
    student's comment)."""
    out = text.split('\n')
    last = out.pop()
    out = [l + '\n' for l in out]
    if last:
        out.append(last)
    return out


def normalize(text):
    """A hand-in's text as the book has it: CRLF (an editor on Windows)
    becomes LF, and a leading byte-order mark goes."""
    if text.startswith('\ufeff'):
        text = text[1:]
    return text.replace('\r\n', '\n')


def decode_handin(data, what):
    """The text of a hand-in's bytes: UTF-8, or UTF-16 with its byte-order
    mark (what PowerShell's > writes).  Refused, with what to do, if it is
    neither or holds NUL bytes."""
    if data[:2] in (b'\xff\xfe', b'\xfe\xff'):
        try:
            data = data.decode('utf-16').encode('utf-8')
        except UnicodeDecodeError:
            raise Refused('%s starts like UTF-16 but is not: save it as UTF-8 text' % what)
    if b'\0' in data:
        raise Refused('%s has NUL bytes: binary data is not accepted (hand in the text of the patch or chapter)' % what)
    try:
        return normalize(data.decode('utf-8'))
    except UnicodeDecodeError as e:
        raise Refused('%s is not UTF-8 text (byte %d): save it as UTF-8 (any Unicode is fine) and hand it in again'
                      % (what, e.start))


def is_end(line):
    s = line.rstrip('\n')
    return s == '@' or s.startswith('@ ') or s.startswith('@\t')


def parse_nw(text):
    segs = []
    doc = []
    lines = lines_of(text)
    i = 0
    while i < len(lines):
        m = DEFLINE.match(lines[i].rstrip('\n'))
        if not m:
            doc.append(lines[i])
            i += 1
            continue
        segs.append(('doc', doc))
        doc = []
        name = m.group(1)
        body = [lines[i]]
        i += 1
        end = ''
        while i < len(lines):
            if DEFLINE.match(lines[i].rstrip('\n')):
                break
            if is_end(lines[i]):
                end = lines[i]
                i += 1
                break
            body.append(lines[i])
            i += 1
        segs.append(('code', name, body, end))
    segs.append(('doc', doc))
    return segs


def join_nw(segs):
    out = []
    for s in segs:
        if s[0] == 'doc':
            out.extend(s[1])
        else:
            out.extend(s[2])
            out.append(s[3])
    return ''.join(out)


def code_chunks(segs):
    """[(name, body text)] of a chapter, in order (the '@ %def' line is not code)."""
    return [(s[1], ''.join(s[2])) for s in segs if s[0] == 'code']


# ---------------------------------------------------------------------------
# Exercises.  exercises/NN-slug/ holds README.md (the statement), meta (key:
# value lines: title, chapter, level, time), starter.nw (the chunks the
# student owns, as the starter has them, each after the question that
# replaces the book's explanation) and test.sh (the checks).

def find_exercise(top, ex):
    ex = str(ex).strip()
    base = os.path.join(top, 'exercises')
    if not ex or not re.fullmatch(r'[0-9A-Za-z_-]+', ex):
        return None
    names = sorted(n for n in os.listdir(base) if n == ex or n.startswith(ex + '-'))
    if not names:
        return None
    d = os.path.join(base, names[0])
    return d if os.path.isfile(os.path.join(d, 'starter.nw')) else None


def all_exercises(top):
    base = os.path.join(top, 'exercises')
    return sorted(n for n in os.listdir(base)
                  if re.match(r'[0-9]', n) and os.path.isfile(os.path.join(base, n, 'starter.nw')))


def read_meta(d):
    meta = {}
    with open(os.path.join(d, 'meta')) as f:
        for line in f:
            if ':' in line and not line.startswith('#'):
                k, v = line.split(':', 1)
                meta[k.strip()] = v.strip()
    return meta


def read_starter(d):
    """[(name, question lines, body lines)] of the chunks the student owns."""
    with open(os.path.join(d, 'starter.nw')) as f:
        segs = parse_nw(f.read())
    out = []
    question = []
    for s in segs:
        if s[0] == 'doc':
            question = [l for l in s[1] if not l.startswith('%')]
            while question and not question[0].strip():
                question.pop(0)
            while question and not question[-1].strip():
                question.pop()
        else:
            out.append((s[1], question, s[2]))
            question = []
    return out


def apply_spec(book_body, spec, where):
    """The body of a chunk from its spec in starter.nw or wrong-*.nw: the
    spec's own lines, or, when they start with @@replace, the book's body
    with each "@@replace OLD @@with NEW" applied (OLD must occur once):
    so a starter changes only the lines it must, and edits elsewhere in
    the chunk flow through."""
    if len(spec) < 2 or spec[1].rstrip('\n') != '@@replace':
        return spec
    text = ''.join(book_body[1:])
    pairs, cur, old, new = [], None, [], []
    for line in spec[1:]:
        tag = line.rstrip('\n')
        if tag in ('@@replace', '@@end'):
            if cur == 'new':
                pairs.append((''.join(old), ''.join(new)))
            old, new, cur = [], [], 'old'
        elif tag == '@@with':
            cur = 'new'
        elif cur == 'old':
            old.append(line)
        elif cur == 'new':
            new.append(line)
    if cur == 'new':
        pairs.append((''.join(old), ''.join(new)))
    for o, n in pairs:
        if text.count(o) != 1:
            raise SystemExit('%s: the book\'s %s has %d copies of the lines to replace (need 1):\n%s'
                             % (where, spec[0].strip(), text.count(o), o))
        text = text.replace(o, n)
    return [book_body[0]] + lines_of(text)


def owned(d):
    return [name for name, _, _ in read_starter(d)]


def read_chapters(cdir):
    out = {}
    for n in sorted(os.listdir(cdir)):
        if n.endswith('.nw'):
            with open(os.path.join(cdir, n), encoding='utf-8', errors='surrogateescape') as f:
                out[n] = f.read()
    return out


def keep_heading(doc):
    """The lines of a prose segment up to its last heading (and labels after it)."""
    last = -1
    for i, l in enumerate(doc):
        if SECTION.match(l):
            last = i
    if last < 0:
        return []
    j = last + 1
    while j < len(doc) and LABEL.match(doc[j]):
        j += 1
    return doc[:j]


def make_starter(d, chapters):
    """The chapters (name -> text) with exercise d's chunks replaced by its
    starter, and the prose just before each replaced by its question."""
    meta = read_meta(d)
    out = dict(chapters)
    for name, question, body in read_starter(d):
        where = [(f, i) for f in sorted(out) for i, s in enumerate(parse_nw(out[f]))
                 if s[0] == 'code' and s[1] == name]
        if len(where) != 1:
            raise SystemExit('exercise %s: chunk <<%s>> is defined %d times in the book (need once)'
                             % (os.path.basename(d), name, len(where)))
        f, i = where[0]
        segs = parse_nw(out[f])
        body = apply_spec(segs[i][2], body, 'exercises/%s/starter.nw' % os.path.basename(d))
        segs[i] = ('code', name, body, segs[i][3])
        if question and i > 0 and segs[i - 1][0] == 'doc':
            head = keep_heading(segs[i - 1][1])
            tag = '\\paragraph{Exercise %s (%s, %s).}\n' % (
                os.path.basename(d)[:2], meta.get('level', '?'), meta.get('time', '?'))
            q = [l if l.endswith('\n') else l + '\n' for l in question]
            if head and head[-1].strip():
                head = head + ['\n']
            segs[i - 1] = ('doc', head + [tag] + q + ['\n'])
        out[f] = join_nw(segs)
    return out


def substitute(chapters, nwtext):
    """The chapters with the bodies of the chunks defined in nwtext (each
    defined once in the book) replaced; prose unchanged."""
    out = dict(chapters)
    for s in parse_nw(nwtext):
        if s[0] != 'code':
            continue
        for f in sorted(out):
            segs = parse_nw(out[f])
            hits = [i for i, x in enumerate(segs) if x[0] == 'code' and x[1] == s[1]]
            if hits:
                body = apply_spec(segs[hits[0]][2], s[2], 'a chunk file')
                segs[hits[0]] = ('code', s[1], body, segs[hits[0]][3])
                out[f] = join_nw(segs)
                break
    return out


INCLUDE = re.compile(r'#\s*include|\.incbin|\.include|_Pragma|#\s*pragma|__has_include|#\s*embed|#\s*line')


def course_chunks(top, d):
    """In a starter tree for several exercises, the chunks of the others,
    which the student's hand-in for d may also hold in their own versions."""
    return [c for n in starter_names(top) if n != os.path.basename(d)
            for c in owned(os.path.join(top, 'exercises', n))]


def graded_chapters(d, base, student, also=()):
    """The chapters to build: the base with only the student's versions of
    the exercise's chunks (and of the chunks in also).  Raises Refused if
    the student changed any other code chunk (prose may change freely)."""
    own = owned(d) + [c for c in also if c not in owned(d)]
    start = {}
    for f in base:
        for c in code_chunks(parse_nw(base[f])):
            if c[0] in own:
                start[c[0]] = c[1]
    extra = sorted(set(student) - set(base))
    for f in extra:
        if code_chunks(parse_nw(student[f])):
            raise Refused('chapters/%s is new and has code chunks; only %s may change'
                          % (f, ', '.join('<<%s>>' % n for n in own)))
    mine = {}
    for f in sorted(base):
        if f not in student:
            raise Refused('chapters/%s is missing from the hand-in' % f)
        b = [c for c in code_chunks(parse_nw(base[f])) if c[0] not in own]
        s = [c for c in code_chunks(parse_nw(student[f])) if c[0] not in own]
        if b != s:
            for k in range(max(len(b), len(s))):
                bc = b[k] if k < len(b) else None
                sc = s[k] if k < len(s) else None
                if bc != sc:
                    which = sc or bc
                    raise Refused('code chunk <<%s>> in chapters/%s differs from the starter; '
                                  'only %s may change (prose may change freely)'
                                  % (which[0], f, ', '.join('<<%s>>' % n for n in own)))
        for c in code_chunks(parse_nw(student[f])):
            if c[0] in own:
                mine.setdefault(c[0], []).append((f, c[1]))
    out = dict(base)
    for name in own:
        got = mine.get(name, [])
        if len(got) != 1:
            raise Refused('the hand-in defines <<%s>> %d times; it must define it once, where the starter has it'
                          % (name, len(got)))
        f, text = got[0]
        for line in text.split('\n')[1:]:
            if INCLUDE.search(line) and line not in start[name]:
                raise Refused('<<%s>> may not add #include, #pragma, #line or .incbin/.include lines: %s'
                              % (name, printable(line.strip())[:80]))
        segs = parse_nw(out[f])
        hits = [i for i, s in enumerate(segs) if s[0] == 'code' and s[1] == name]
        if len(hits) != 1:
            raise Refused('<<%s>> must stay in the chapter where the starter has it' % name)
        i = hits[0]
        segs[i] = ('code', name, lines_of(text), segs[i][3])
        out[f] = join_nw(segs)
    return out


# ---------------------------------------------------------------------------
# Unified diffs, read strictly: only text hunks that change existing
# chapters/*.nw files; anything git could turn into a binary blob, a
# rename, a copy, a mode change, a new or deleted file, or a path outside
# chapters/ is refused before anything is written.

MAX_PATCH = 2 * 1024 * 1024
HUNK = re.compile(r'^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@')
PATHRE = re.compile(r'^chapters/[A-Za-z0-9][A-Za-z0-9._-]*\.nw$')
FORBIDDEN = [
    ('GIT binary patch', 'a binary hunk'), ('Binary files ', 'a binary hunk'),
    ('literal ', 'a binary hunk'), ('delta ', 'a binary hunk'),
    ('rename from', 'a rename'), ('rename to', 'a rename'), ('rename old', 'a rename'),
    ('rename new', 'a rename'), ('copy from', 'a copy'), ('copy to', 'a copy'),
    ('similarity index', 'a rename or copy'), ('dissimilarity index', 'a rename or copy'),
    ('old mode', 'a mode change'), ('new mode', 'a mode change'),
    ('new file mode', 'a new file'), ('deleted file mode', 'a deleted file'),
]


def printable(s):
    return ''.join(c if (c.isprintable() or c in '\n\t') else '?' for c in s)


def file_path(line, prefix):
    p = line[4:].rstrip('\n').split('\t')[0].rstrip()
    if p.startswith('"'):
        raise Refused('quoted file name %s (only chapters/*.nw may change)' % printable(p)[:80])
    if p == '/dev/null':
        raise Refused('the patch creates or deletes a file (only existing chapters/*.nw may change)')
    if not p.startswith(prefix):
        raise Refused('file name %s does not start with %s (make the patch with make handin or git diff)'
                      % (printable(p)[:80], prefix))
    p = p[len(prefix):]
    if '..' in p.split('/') or not PATHRE.match(p):
        raise Refused('the patch touches %s; only chapters/*.nw may change' % printable(p)[:80])
    return p


def parse_patch(data):
    """{path: [(old start, old lines, new lines)]} of a unified diff (bytes)."""
    if len(data) > MAX_PATCH:
        raise Refused('the patch is %d bytes, more than the limit of %d' % (len(data), MAX_PATCH))
    text = decode_handin(data, 'the patch')
    lines = lines_of(text)
    files = {}
    i = 0
    cur = None
    while i < len(lines):
        l = lines[i]
        for key, what in FORBIDDEN:
            if l.startswith(key):
                raise Refused('line %d of the patch is %s ("%s"); only text changes to chapters/*.nw are accepted'
                              % (i + 1, what, printable(l.strip())[:60]))
        if l.startswith('diff --git '):
            parts = l.split()
            if len(parts) != 4:
                raise Refused('line %d: unusual "diff --git" line (quoted or spaced file names are not accepted)' % (i + 1))
            file_path('--- ' + parts[2], 'a/')
            file_path('+++ ' + parts[3], 'b/')
        if l.startswith('--- '):
            if i + 1 >= len(lines) or not lines[i + 1].startswith('+++ '):
                raise Refused('line %d: a "---" line without its "+++" line (malformed patch)' % (i + 1))
            old = file_path(l, 'a/')
            new = file_path(lines[i + 1], 'b/')
            if old != new:
                raise Refused('the patch renames %s to %s' % (old, new))
            cur = new
            files.setdefault(cur, [])
            i += 2
            continue
        m = HUNK.match(l)
        if m:
            if cur is None:
                raise Refused('line %d: a hunk before any "---"/"+++" file header (malformed patch)' % (i + 1))
            ostart = int(m.group(1))
            olen = int(m.group(2)) if m.group(2) is not None else 1
            nlen = int(m.group(4)) if m.group(4) is not None else 1
            old, new = [], []
            at = i + 1
            i += 1
            while len(old) < olen or len(new) < nlen:
                if i >= len(lines):
                    raise Refused('the hunk at line %d of the patch ends early (malformed or truncated patch)' % at)
                h = lines[i]
                i += 1
                if h.startswith('\\'):
                    continue                    # "\ No newline at end of file"
                if h in ('\n', '\r\n'):
                    kind, body = ' ', '\n'     # an empty context line whose space was stripped
                elif h[:1] in (' ', '-', '+'):
                    kind, body = h[0], h[1:]
                else:
                    raise Refused('line %d of the patch is neither context, "-" nor "+" inside a hunk (malformed patch)' % i)
                if kind in (' ', '-'):
                    old.append(body)
                if kind in (' ', '+'):
                    new.append(body)
                if len(old) > olen or len(new) > nlen:
                    raise Refused('the hunk at line %d has more lines than its header says (malformed patch)' % at)
            while i < len(lines) and lines[i].startswith('\\'):
                i += 1
            files[cur].append((ostart, old, new))
            continue
        if cur is not None and l[:1] in ('+', '-', ' ') and not l.startswith('diff '):
            raise Refused('line %d of the patch is outside any hunk (malformed patch)' % (i + 1))
        i += 1
    return files


def apply_patch(files, chapters):
    out = dict(chapters)
    for path, hunks in files.items():
        name = path[len('chapters/'):]
        if name not in out:
            raise Refused('the patch changes %s, which the starter does not have' % path)
        lines = lines_of(out[name])
        delta = 0
        done = []
        pos = 0
        for k, (ostart, old, new) in enumerate(hunks):
            want = max(ostart - 1 + delta, 0) if old else ostart + delta
            at = None
            for off in sorted(range(-200, 201), key=abs):
                j = want + off
                if j < pos or j + len(old) > len(lines):
                    continue
                if [x.rstrip('\n') for x in lines[j:j + len(old)]] == [x.rstrip('\n') for x in old]:
                    at = j
                    break
            if at is None:
                raise Refused('hunk %d of %s does not apply to the starter (was the patch made with make handin?)'
                              % (k + 1, path))
            done.extend(lines[pos:at])
            done.extend(x if x.endswith('\n') else x + '\n' for x in new)
            pos = at + len(old)
            delta += len(new) - len(old)
        done.extend(lines[pos:])
        out[name] = ''.join(done)
    return out


def unified(base, student):
    """A patch from base to student (name -> text), as make handin writes it."""
    import difflib
    out = []
    for f in sorted(set(base) | set(student)):
        a = lines_of(base.get(f, ''))
        b = lines_of(student.get(f, ''))
        if a == b:
            continue
        d = list(difflib.unified_diff(a, b, 'a/chapters/' + f, 'b/chapters/' + f, n=3))
        for l in d:
            out.append(l if l.endswith('\n') else l + '\n\\ No newline at end of file\n')
    return ''.join(out)


# ---------------------------------------------------------------------------
# Gradescope's results.json.

def clean_output(s, limit=6000):
    s = printable(s.replace('\r', ''))
    if len(s) > limit:
        s = '...\n' + s[-limit:]
    return s


def write_results(path, score, max_score, output, tests, seconds):
    res = {
        'score': score,
        'execution_time': int(seconds),
        'output': clean_output(output),
        'stdout_visibility': 'visible',
        'tests': [{'name': clean_output(t['name'], 200), 'score': t['score'],
                   'max_score': t['max_score'], 'status': 'passed' if t['score'] >= t['max_score'] else 'failed',
                   'output': clean_output(t.get('output', '')), 'visibility': 'visible'}
                  for t in tests],
    }
    tmp = path + '.tmp'
    with open(tmp, 'w') as f:
        json.dump(res, f, indent=1, ensure_ascii=True)
        f.write('\n')
    os.replace(tmp, path)
    return res


def validate_results(res):
    """Problems with a results.json against Gradescope's format ([] if none)."""
    bad = []
    if not isinstance(res, dict):
        return ['not an object']
    for k, t in (('score', (int, float)), ('execution_time', (int, float)), ('output', str),
                 ('stdout_visibility', str), ('tests', list)):
        if not isinstance(res.get(k), t) or isinstance(res.get(k), bool):
            bad.append('%s missing or of the wrong type' % k)
    vis = ('hidden', 'after_due_date', 'after_published', 'visible')
    if res.get('stdout_visibility') not in vis:
        bad.append('stdout_visibility %r' % res.get('stdout_visibility'))
    total = 0
    for t in res.get('tests', []) if isinstance(res.get('tests'), list) else []:
        for k, ty in (('name', str), ('score', (int, float)), ('max_score', (int, float)),
                      ('status', str), ('output', str), ('visibility', str)):
            if not isinstance(t.get(k), ty) or isinstance(t.get(k), bool):
                bad.append('test %r: %s missing or of the wrong type' % (t.get('name'), k))
        if t.get('status') not in ('passed', 'failed'):
            bad.append('test %r: status %r' % (t.get('name'), t.get('status')))
        if t.get('visibility') not in vis:
            bad.append('test %r: visibility %r' % (t.get('name'), t.get('visibility')))
        if isinstance(t.get('score'), (int, float)):
            total += t['score']
    if isinstance(res.get('score'), (int, float)) and abs(total - res['score']) > 1e-9:
        bad.append('score %s is not the sum of the tests\' scores %s' % (res['score'], total))
    return bad


# ---------------------------------------------------------------------------
# The files of the tree, for handouts and autograders.

def tree_files(top):
    """The files of the tree: git's list when this is a checkout, else a walk."""
    try:
        out = subprocess.run(['git', 'ls-files', '-z', '--cached', '--others', '--exclude-standard'], cwd=top, capture_output=True, check=True).stdout
        files = [f for f in out.decode().split('\0') if f]
        if files:
            return [f for f in files if os.path.isfile(os.path.join(top, f))]
    except (OSError, subprocess.CalledProcessError):
        pass
    files = []
    for r, ds, fs in os.walk(top):
        rel = os.path.relpath(r, top)
        if rel == '.':
            ds[:] = [d for d in ds if d not in ('.git', 'build', '.exercise', 'handout', 'autograder')]
        if rel == 'tangle-out':
            fs = [f for f in fs if f == 'README']
            ds[:] = []
        files += [os.path.normpath(os.path.join(rel, f)) for f in fs if not f.startswith('handin-')]
    return files


# ---------------------------------------------------------------------------
# Starter trees: a handout for a course or an autograder, in which every
# listed exercise is a starter and none of their answers is present.  The
# list is in .starter-tree; each listed exercise's starter.nw holds its
# chunks whole (no @@replace, whose old lines are the answer), and
# .exercise/NN/base the starter chapters the grader compares against.

STARTER_LIST = '.starter-tree'


def starter_names(top):
    """The exercises that are starters in this tree ([] in the book's tree)."""
    try:
        with open(os.path.join(top, STARTER_LIST)) as f:
            return [l.strip() for l in f if l.strip()]
    except OSError:
        return []


def course_starter(top, dirs, chapters):
    """The chapters with the starter of every exercise in dirs."""
    for d in dirs:
        chapters = make_starter(d, chapters)
    return chapters


def whole_starter_nw(d, starter):
    """Exercise d's starter.nw with each chunk given whole, as it is in the
    starter chapters (so it holds no line of the answer)."""
    with open(os.path.join(d, 'starter.nw')) as f:
        segs = parse_nw(f.read())
    bodies = {}
    for t in starter.values():
        for s in parse_nw(t):
            if s[0] == 'code':
                bodies[s[1]] = s[2]
    out = []
    for s in segs:
        if s[0] == 'doc':
            out.append(s)
        else:
            out.append(('code', s[1], bodies[s[1]], s[3]))
    return join_nw(out)


def answer_lines(d, book, starter):
    """The distinctive lines of exercise d's answer: lines of the book's
    owned chunks that the starter chapters do not have anywhere (stripped,
    at least 12 characters).  None of them may be in a starter tree."""
    own = owned(d)
    have = set(l.strip() for t in starter.values() for l in lines_of(t))
    out = []
    for t in book.values():
        for s in parse_nw(t):
            if s[0] == 'code' and s[1] in own:
                for l in s[2][1:]:
                    l = l.strip()
                    if len(l) >= 12 and l not in have and l not in out:
                        out.append(l)
    return out


def starter_tree(top, names, out, keep_exercise):
    """Write to out a tree of top without history in which the exercises
    names are starters: their answers, solutions/, the wrong answers and
    forgeries, and the tests that need the book are left out.
    keep_exercise(name) says which other exercise folders stay.  Returns
    the number of files."""
    import shutil
    dirs = [find_exercise(top, n) for n in names]
    book = read_chapters(os.path.join(top, 'chapters'))
    starter = course_starter(top, dirs, book)
    listed = [os.path.basename(d) for d in dirs]
    keep = []
    for f in tree_files(top):
        parts = f.split('/')
        if parts[0] in ('solutions', 'handout', 'autograder', '.exercise') or f.startswith(STARTER_LIST):
            continue
        if f in ('tests/exercises.sh', 'tests/exercises.py'):
            continue
        if parts[0] == 'exercises' and len(parts) > 2:
            if parts[1] not in listed and parts[1] != 'common' and not keep_exercise(parts[1]):
                continue
            if parts[-1].startswith(('wrong-', 'forge-')):
                continue
        keep.append(f)
    for f in keep:
        dst = os.path.join(out, f)
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        shutil.copy2(os.path.join(top, f), dst)

    def write(path, text):
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, 'w', encoding='utf-8', errors='surrogateescape') as fh:
            fh.write(text)
    for f, text in starter.items():
        write(os.path.join(out, 'chapters', f), text)
    for d in dirs:
        n = os.path.basename(d)
        write(os.path.join(out, 'exercises', n, 'starter.nw'), whole_starter_nw(d, starter))
        for f, text in starter.items():
            write(os.path.join(out, '.exercise', n, 'base', f), text)
    write(os.path.join(out, STARTER_LIST), ''.join(n + '\n' for n in listed))
    return len(keep)
