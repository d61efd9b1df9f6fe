# tests/exercises.py -- helpers of tests/exercises.sh (run from the top of a tree).
#   valid FILE      is FILE a results.json Gradescope accepts? (problems on stdout)
#   prose EX        the solution of EX plus prose lines that look like diff syntax
#   cheat EX        the solution of EX plus an edit of a test program's message
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
        f = '08-5-user.nw'
        mine = dict(book)
        mine[f] = book[f].replace('say("all %d checks passed", total);', 'say("all %d checks passed", 32);', 1)
        if mine[f] == book[f]:
            print('cheat: selftest\'s message is not in chapters/08-5-user.nw', file=sys.stderr)
            return 1
        sys.stdout.write(exlib.unified(starter, mine))
        return 0
    if a[0] == 'include':
        d, book, s = solution('01')
        mine = dict(s)
        f = '01d-memory.nw'
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
