/* ptrprobe NONCE KIND CASE... -- the grader's probe of user_ok (exercise 01).
 *
 * Each CASE is OP:ADDRESS:LENGTH (numbers in hex), drawn by the grader
 * for this run (cases.py): W writes LENGTH bytes at ADDRESS to a pipe, R
 * reads that many bytes from a pipe into ADDRESS (the pipe is filled
 * first), F reads from this program's own file into ADDRESS, N writes
 * LENGTH bytes at ADDRESS to /dev/null.  An ADDRESS
 * hN or h-N is N bytes after or before the first page past the program's
 * break (unmapped), which only the running program knows.  The probe
 * prints one line, "ptrprobe-results NONCE KIND" and each call's return
 * value (-errno on failure), and decides nothing: the grader computes the
 * right values itself, so a line printed by anyone who has not checked
 * each range is worth nothing.  A wrong user_ok may also panic the kernel. */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>

char big[3 * 4096];             /* the grader finds these with nm */
static char fill[4096], sink[4096];

static long sys3(long n, long a, long b, long c)
{
    long r = syscall(n, a, b, c);
    return r == -1 ? -errno : r;
}

/* Empty the pipe of what a call left in it. */
static void drain(int fd, long n)
{
    while (n > 0) {
        long r = sys3(SYS_read, fd, (long)sink, n > (long)sizeof sink ? (long)sizeof sink : n);
        if (r <= 0)
            return;
        n -= r;
    }
}

static int null;

static long one(int p[2], int self, char op, uint32_t a, uint32_t n)
{
    long r;
    if (op == 'W') {
        r = sys3(SYS_write, p[1], a, n);
        drain(p[0], r);
    } else if (op == 'R') {
        long in = sys3(SYS_write, p[1], (long)fill, n > sizeof fill ? sizeof fill : n);
        r = sys3(SYS_read, p[0], a, n);
        drain(p[0], in - (r > 0 ? r : 0));
    } else if (op == 'N') {
        r = sys3(SYS_write, null, a, n);
    } else {
        lseek(self, 0, SEEK_SET);
        r = sys3(SYS_read, self, a, n);
    }
    return r;
}

int main(int argc, char **argv)
{
    int p[2];
    if (argc < 4 || pipe(p) < 0)
        return 2;
    int self = open("/bin/ptrprobe", O_RDONLY);
    null = open("/dev/null", O_WRONLY);
    uint32_t hole = ((uint32_t)(uintptr_t)sbrk(0) + 4095) & ~4095u;
    char line[1024];
    int at = snprintf(line, sizeof line, "ptrprobe-results %s %s", argv[1], argv[2]);
    for (int i = 3; i < argc && at < (int)sizeof line - 16; i++) {
        char op = argv[i][0];
        char *s = argv[i] + 1, *e;
        s += *s == ':';
        uint32_t a = *s == 'h' ? hole + (uint32_t)strtol(s + 1, &e, 16) : strtoul(s, &e, 16);
        uint32_t n = strtoul(e + (*e == ':'), 0, 16);
        at += snprintf(line + at, sizeof line - at, " %ld", one(p, self, op, a, n));
    }
    printf("%s\n", line);
    return 0;
}
