/* elfprobe NONCE -- the grader's program for exercise 12: it prints
 * "elfprobe-ran NONCE" if it runs at all.  craft.py makes hostile copies
 * of it, each with one lie in a loadable segment, which must never run. */
#include <stdio.h>

int main(int argc, char **argv)
{
    printf("elfprobe-ran %s\n", argc > 1 ? argv[1] : "?");
    return 0;
}
