/* permprobe NONCE KIND CASE... -- the grader's probe of the shadow
 * entries' permissions (exercise 02), run by a guest's shell.
 *
 * Each CASE is OP:ADDRESS (hex), drawn by the grader for this run
 * (cases.py): R reads the word at ADDRESS, W writes it back, M reads it
 * and then writes it (so that a read fault may fill the shadow entry
 * first); S and T read and write after a system call, which has the
 * guest kernel touch its own pages first (ADDRESS is then one of the
 * kernel's, on a page a getpid runs through).  Each case runs in a child of its own; the probe prints one
 * line, "permprobe-results NONCE KIND" and for each case k (the child was
 * killed by SIGSEGV), s (it survived the access) or x (anything else).  It
 * decides nothing: the grader knows which accesses the guest's own page
 * tables allow, so only a host whose shadow entries allow exactly those
 * makes the right line. */
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

int data[2048];                 /* the grader finds main and data with nm */

static void touch(char op, volatile uint32_t *a)
{
    if (op == 'S' || op == 'T') {
        getpid();
        op = op == 'S' ? 'R' : 'W';
    }
    if (op == 'R') {
        uint32_t v = *a;
        (void)v;
    } else if (op == 'W') {
        *a = *a;
    } else {
        uint32_t v = *a;
        __asm__ volatile("" ::: "memory");
        *a = v;
    }
}

int main(int argc, char **argv)
{
    char line[512];
    if (argc < 4)
        return 2;
    int at = snprintf(line, sizeof line, "permprobe-results %s %s", argv[1], argv[2]);
    for (int i = 3; i < argc && at < (int)sizeof line - 4; i++) {
        char op = argv[i][0];
        uint32_t a = strtoul(argv[i] + 2, 0, 16);
        pid_t c = fork();
        if (c == 0) {
            touch(op, (volatile uint32_t *)(uintptr_t)a);
            _exit(42);
        }
        int st = 0;
        char r = 'x';
        if (c > 0 && waitpid(c, &st, 0) == c)
            r = WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV ? 'k' : WIFEXITED(st) && WEXITSTATUS(st) == 42 ? 's' : 'x';
        at += snprintf(line + at, sizeof line - at, " %c", r);
    }
    printf("%s\n", line);
    return 0;
}
