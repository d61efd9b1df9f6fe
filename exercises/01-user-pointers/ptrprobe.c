/* ptrprobe TOKEN CASE -- the grader's probe of user_ok (exercise 01).
 * Each case makes system calls whose buffers a correct user_ok must
 * refuse (EFAULT) or allow, and prints "ptrprobe TOKEN CASE ok" or why
 * not.  A wrong user_ok may also panic the kernel, which the test sees. */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>

static char big[3 * 4096];

static long sys3(long n, long a, long b, long c)
{
    long r = syscall(n, a, b, c);
    return r == -1 ? -errno : r;
}

static int want(const char *what, long got, long expect)
{
    if (got == expect)
        return 0;
    printf("ptrprobe: %s returned %ld, expected %ld\n", what, got, expect);
    return 1;
}

int main(int argc, char **argv)
{
    if (argc != 3)
        return 2;
    const char *c = argv[2];
    int bad = 0, p[2];
    if (pipe(p) < 0)
        return 2;
    uintptr_t brk_end = (uintptr_t)sbrk(0);
    uintptr_t hole = (brk_end + 4095) & ~(uintptr_t)4095;   /* the first unmapped page */
    if (!strcmp(c, "kernel")) {
        bad += want("write(p, 0xc0100000, 4)", sys3(SYS_write, p[1], 0xc0100000, 4), -EFAULT);
        bad += want("read(p, 0xc0001000, 4)", sys3(SYS_read, p[0], 0xc0001000, 4), -EFAULT);
        bad += want("write(p, 0xc0000000, 0)", sys3(SYS_write, p[1], 0xc0000000, 0), -EFAULT);
        bad += want("write(p, 0xbffffffc, 8)", sys3(SYS_write, p[1], 0xbffffffc, 8), -EFAULT);
    } else if (!strcmp(c, "wrap")) {
        /* read from a file: a wrong answer copies the whole file over big
         * and on into unmapped memory, where the kernel faults */
        int fd = open(argv[0], O_RDONLY);
        if (fd < 0)
            fd = open("/bin/ptrprobe", O_RDONLY);
        bad += want("read(self, big, 0xffffff00)", sys3(SYS_read, fd, (long)big, (long)0xffffff00u), -EFAULT);
        bad += want("read(self, big+16, 0xfffffff8)", sys3(SYS_read, fd, (long)big + 16, (long)0xfffffff8u), -EFAULT);
    } else if (!strcmp(c, "straddle")) {
        bad += want("write(p, hole-8, 16)", sys3(SYS_write, p[1], hole - 8, 16), -EFAULT);
        bad += want("write(p, hole-4096, 4097)", sys3(SYS_write, p[1], hole - 4096, 4097), -EFAULT);
    } else if (!strcmp(c, "rotext")) {
        bad += want("write(p, \"text\", 4)", sys3(SYS_write, p[1], (long)"text", 4), 4);
        bad += want("read(p, main, 4)", sys3(SYS_read, p[0], (long)(uintptr_t)&main, 4), -EFAULT);
    } else if (!strcmp(c, "good")) {
        uintptr_t a = (uintptr_t)big;
        uintptr_t x = ((a + 4096) & ~(uintptr_t)4095) - 100;     /* 200 bytes over a page boundary */
        bad += want("write(p, hole+8192, 0)", sys3(SYS_write, p[1], hole + 8192, 0), 0);
        bad += want("write(p, over a page boundary, 200)", sys3(SYS_write, p[1], (long)x, 200), 200);
        bad += want("read(p, over a page boundary, 200)", sys3(SYS_read, p[0], (long)x + 4096, 200), 200);
    } else {
        return 2;
    }
    printf("ptrprobe %s %s %s\n", argv[1], c, bad ? "FAILED" : "ok");
    return bad != 0;
}
