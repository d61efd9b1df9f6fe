# tests/exercises.py -- helpers of tests/exercises.sh (run from the top of a tree).
#   valid FILE      is FILE a results.json Gradescope accepts? (problems on stdout)
#   clean FILE      does FILE (a results.json) hold only printable characters and newlines?
#   prose EX        the solution of EX plus prose lines that look like diff syntax
#   cheat EX        the solution of EX plus an edit of a test program's message
#   variant EX K    the solution of EX as K: unicode (a comment with U+2028, \f, \v),
#                   unicode-crlf (and CRLF line ends), utf16 (UTF-16 with BOM), plain
#   leaks DIR EX... does DIR hold any line of the answers of EX..., a .git or solutions/?
#   include         exercise 01's starter with #include "/dev/zero" in its chunk
#   answer EX       (in a student's tree) write the book's chunk of EX and a
#                   prose line into chapters/, as a student would
#   files           the files of this tree, one a line
import json
import os
import sys

sys.path.insert(0, 'tools')
import exlib  # noqa: E402


def solution(ex):
    d = exlib.find_exercise('.', ex)
    book = exlib.read_chapters('chapters')
    return d, book, exlib.make_starter(d, book)


def main(a):
    if a[0] == 'valid':
        try:
            with open(a[1]) as f:
                res = json.load(f)
        except Exception as e:
            print('  not JSON: %s' % e)
            return 1
        bad = exlib.validate_results(res)
        for b in bad:
            print('  ' + b)
        return 1 if bad else 0
    if a[0] == 'clean':         # no control or separator characters in any output of a results.json
        with open(a[1]) as f:
            res = json.load(f)
        texts = [res['output']] + [t[k] for t in res['tests'] for k in ('name', 'output')]
        bad = sorted({'U+%04X' % ord(c) for s in texts for c in s if not (c.isprintable() or c in '\n\t')})
        if bad:
            print('  results.json holds %s' % ', '.join(bad))
        return 1 if bad else 0
    if a[0] == 'prose':
        d, book, starter = solution(a[1])
        first = exlib.owned(d)[0]
        f = [f for f in book if '<<%s>>=' % first in book[f]][0]
        segs = exlib.parse_nw(book[f])
        i = [k for k, s in enumerate(segs) if s[0] == 'code' and s[1] == first][0]
        segs[i - 1][1].extend(['++ a prose line that looks like a diff header\n',
                               '--- and another; @ one more\n', '\n'])
        mine = dict(book)
        mine[f] = exlib.join_nw(segs)
        sys.stdout.write(exlib.unified(starter, mine))
        return 0
    if a[0] == 'cheat':
        d, book, starter = solution(a[1])
        line = 'say("all %d checks passed", total);'
        f = [f for f in sorted(book) if line in book[f]]
        if not f:
            print('cheat: selftest\'s message is in no chapter', file=sys.stderr)
            return 1
        f = f[0]
        mine = dict(book)
        mine[f] = book[f].replace(line, 'say("all %d checks passed", 32);', 1)
        sys.stdout.write(exlib.unified(starter, mine))
        return 0
    if a[0] == 'variant':       # the solution of EX as an honest student on another system hands it in
        d, book, starter = solution(a[1])
        name = exlib.owned(d)[0]
        mine = dict(book)
        f = [f for f in sorted(book) if '<<%s>>=' % name in book[f]][0]
        if a[2] in ('unicode-crlf', 'unicode'):     # a comment in the code with U+2028, \f, \v
            mine[f] = book[f].replace('<<%s>>=\n' % name, '<<%s>>=\n/* café, naïve \u2028 Ωμέγα \f\v 日本 */\n' % name, 1)
        text = exlib.unified(starter, mine)
        if a[2] == 'unicode-crlf':
            text = text.replace('\n', '\r\n')
        data = text.encode('utf-16') if a[2] == 'utf16' else text.encode('utf-8')
        sys.stdout.buffer.write(data)
        return 0
    if a[0] == 'leaks':         # leaks DIR EX...: does DIR hold any line of the answers of EX...?
        dirs = [exlib.find_exercise('.', x) for x in a[2:]]
        book = exlib.read_chapters('chapters')
        starter = exlib.course_starter('.', dirs, book)
        answers = [(os.path.basename(d), l) for d in dirs for l in exlib.answer_lines(d, book, starter)]
        if not answers:
            print('  no answer lines to look for: %s' % ' '.join(a[2:]))
            return 1
        bad = []
        for r, ds, fs in os.walk(a[1]):
            for x in ds + fs:
                if x in ('.git', 'solutions') and r == a[1]:
                    bad.append('%s/%s exists' % (r, x))
            for f in fs:
                with open(os.path.join(r, f), 'rb') as fh:
                    text = fh.read().decode('utf-8', 'replace')
                bad += ['%s holds a line of %s\'s answer: %s' % (os.path.relpath(os.path.join(r, f), a[1]), n, l)
                        for n, l in answers if l in text]
        for b in bad[:10]:
            print('  ' + b)
        return 1 if bad else 0
    if a[0] == 'include':
        d, book, s = solution('01')
        mine = dict(s)
        f = [f for f in sorted(s) if '  (void)pgdir;' in s[f]][0]
        mine[f] = s[f].replace('  (void)pgdir;', '#include "/dev/zero"\n  (void)pgdir;', 1)
        assert mine[f] != s[f]
        sys.stdout.write(exlib.unified(s, mine))
        return 0
    if a[0] == 'answer':
        d = exlib.find_exercise('.', a[1])
        book = exlib.read_chapters('.exercise/book')
        name = exlib.owned(d)[0]
        f = [f for f in book if '<<%s>>=' % name in book[f]][0]
        segs = exlib.parse_nw(book[f])
        answer = ''.join(''.join(s[2]) + s[3] for s in segs if s[0] == 'code' and s[1] == name)
        mine = exlib.substitute(exlib.read_chapters('chapters'), answer)
        mine[f] = mine[f].replace('\\paragraph{Exercise ', 'My answer: see the code.\n\n\\paragraph{Exercise ', 1)
        with open(os.path.join('chapters', f), 'w') as fh:
            fh.write(mine[f])
        return 0
    if a[0] == 'files':
        print('\n'.join(exlib.tree_files('.')))
        return 0
    return 2


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
