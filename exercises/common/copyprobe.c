/* copyprobe NONCE OFF:LEN:ALIGN... -- the grader's probe of the kernel's
 * memcpy and memset (exercises 09 and 10).
 *
 * Each case reads LEN bytes at offset OFF of /bin/copydata (a file of
 * random bytes the grader writes for this run) into a buffer at
 * alignment ALIGN, and a case Z:LEN:ALIGN reads LEN bytes of /dev/zero
 * there; the buffer is filled with 0xA5 first, so bytes written out of
 * place show.  The probe prints the FNV-1a hash of the buffer around each
 * read, which only a correct copy or fill gives (the grader computes the
 * right ones).  Then, under -icount shift=0 where the time-stamp counter
 * counts instructions, it prints what one more byte costs in a big read
 * (64 KiB) against a small one, for the file and for /dev/zero. */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static unsigned char buf[70000];

static uint64_t rdtsc(void)
{
    uint32_t lo, hi;
    __asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
    return ((uint64_t)hi << 32) | lo;
}

static uint32_t fnv(const unsigned char *p, size_t n)
{
    uint32_t h = 2166136261u;
    while (n--)
        h = (h ^ *p++) * 16777619u;
    return h;
}

/* Instructions of one read of n bytes at offset 0 of fd (the best of 5). */
static uint64_t cost(int fd, size_t n)
{
    uint64_t best = ~0ull;
    for (int k = 0; k < 5; k++) {
        lseek(fd, 0, SEEK_SET);
        uint64_t t = rdtsc();
        read(fd, buf, n);
        t = rdtsc() - t;
        if (t < best)
            best = t;
    }
    return best;
}

int main(int argc, char **argv)
{
    int data = open("/bin/copydata", O_RDONLY), zero = open("/dev/zero", O_RDONLY);
    if (argc < 2 || data < 0 || zero < 0)
        return 2;
    char line[1024];
    int at = snprintf(line, sizeof line, "copyprobe-results %s", argv[1]);
    for (int i = 2; i < argc && at < (int)sizeof line - 16; i++) {
        char *e;
        int z = argv[i][0] == 'Z';
        unsigned long off = z ? 0 : strtoul(argv[i], &e, 16);
        unsigned long len = strtoul(strchr(argv[i], ':') + 1, &e, 16);
        unsigned long al = strtoul(e + 1, 0, 16);
        memset(buf, 0xA5, 64 + len + 64);
        lseek(data, off, SEEK_SET);
        read(z ? zero : data, buf + 64 + al, len);
        at += snprintf(line + at, sizeof line - at, " %08x", fnv(buf, 64 + len + 64));
    }
    printf("%s\n", line);
    uint64_t f = cost(data, 65536) - cost(data, 4), zc = cost(zero, 65536) - cost(zero, 4);
    printf("copyprobe-cost %s %u %u\n", argv[1], (unsigned)(f * 100 / 65532), (unsigned)(zc * 100 / 65532));
    return 0;
}
