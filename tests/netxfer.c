/* netxfer -- a test program for tests/net.sh: an ordinary musl UDP program
 * (sockets, SO_RCVTIMEO, connect, poll) that moves BYTES pseudo-random bytes
 * from one machine to another with a go-back-N window and prints the FNV-1a
 * checksum of what it sent or received.  Built by the test itself with
 * i386-linux-musl-gcc -static; it runs unchanged on Linux.
 *
 *   netxfer sum BYTES SEED            the checksum of the data, no network
 *   netxfer recv PORT BYTES           receive; then power the machine off
 *   netxfer send ADDR PORT BYTES SEED send; then power the machine off
 *   netxfer hold PORT                 wait for one datagram "bye"; power off
 *   netxfer bye ADDR PORT             send "bye" (until acknowledged)
 * With RV_NOPOWEROFF in the environment it exits instead of powering off.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <unistd.h>

#define CHUNK 1024
#define WINDOW 8
#define MAGIC 0x52564e58u                 /* "RVNX" */

struct hdr { uint32_t seq, magic; };

static uint32_t rng;
static uint8_t next_byte(void)
{
  rng ^= rng << 13; rng ^= rng >> 17; rng ^= rng << 5;
  return (uint8_t)rng;
}

static uint32_t fnv = 2166136261u;
static void fnv_add(const uint8_t *p, size_t n)
{
  while (n--) { fnv ^= *p++; fnv *= 16777619u; }
}

static void finish(int status)
{
  fflush(stdout);
  if (!getenv("RV_NOPOWEROFF"))
    syscall(SYS_reboot, 0xfee1dead, 672274793, 0x4321fedc, (void *)(long)status);
  exit(status);
}

static int udp_socket(int port, int ms)
{
  int s = socket(AF_INET, SOCK_DGRAM, 0);
  struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons((uint16_t)port) };
  struct timeval tv = { ms / 1000, (ms % 1000) * 1000 };
  if (s < 0 || (port && bind(s, (struct sockaddr *)&a, sizeof a) < 0) ||
      setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv) < 0) {
    perror("netxfer: socket");
    finish(2);
  }
  return s;
}

static void ack(int s, uint32_t n)
{
  struct hdr h = { n, MAGIC };
  send(s, &h, sizeof h, 0);
}

static void receive(int port, uint32_t bytes)
{
  int s = udp_socket(port, 250), idle = 0, connected = 0;
  uint32_t total = (bytes + CHUNK - 1) / CHUNK, expect = 0, got = 0;
  uint8_t buf[sizeof(struct hdr) + CHUNK];
  /* Patience: 150 s for the sender's first datagram (its guest may boot
   * slowly on a busy machine), 30 s between datagrams, and after the end
   * a second's lingering, to acknowledge the end again if it was lost. */
  while (idle < (expect > total ? 4 : connected ? 120 : 600)) {
    struct sockaddr_in from;
    socklen_t fl = sizeof from;
    ssize_t n = recvfrom(s, buf, sizeof buf, 0, (struct sockaddr *)&from, &fl);
    if (n < 0) { idle++; continue; }
    struct hdr h;
    memcpy(&h, buf, sizeof h);
    if (n < (ssize_t)sizeof h || h.magic != MAGIC) continue;
    if (!connected && connect(s, (struct sockaddr *)&from, sizeof from) == 0)
      connected = 1;                    /* from now on, only the sender */
    idle = 0;
    if (h.seq == expect && expect < total) {
      fnv_add(buf + sizeof h, (size_t)n - sizeof h);
      got += (uint32_t)n - sizeof h;
      expect++;
    } else if (h.seq == total && expect == total)
      expect = total + 1;               /* the end: acknowledge it, linger */
    ack(s, expect);
  }
  printf("netxfer: received %u bytes, fnv1a %08x\n", got, fnv);
  finish(got == bytes && expect > total ? 0 : 1);
}

static void transmit(const char *addr, int port, uint32_t bytes, uint32_t seed)
{
  int s = udp_socket(0, 200), timeouts = 0;
  struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons((uint16_t)port) };
  if (inet_pton(AF_INET, addr, &a.sin_addr) != 1 || connect(s, (struct sockaddr *)&a, sizeof a) < 0) {
    fprintf(stderr, "netxfer: bad address %s\n", addr);
    finish(2);
  }
  uint32_t total = (bytes + CHUNK - 1) / CHUNK, base = 0, next = 0;
  static uint8_t data[2 << 20];
  if (bytes > sizeof data) finish(2);
  rng = seed;
  for (uint32_t i = 0; i < bytes; i++) data[i] = next_byte();
  fnv_add(data, bytes);
  while (base <= total && timeouts < 200) {
    while (next < base + WINDOW && next <= total) {
      uint8_t buf[sizeof(struct hdr) + CHUNK];
      struct hdr h = { next, MAGIC };
      uint32_t len = next == total ? 0 : bytes - next * CHUNK < CHUNK ? bytes - next * CHUNK : CHUNK;
      memcpy(buf, &h, sizeof h);
      memcpy(buf + sizeof h, data + (size_t)next * CHUNK, len);
      send(s, buf, sizeof h + len, 0);
      next++;
    }
    struct pollfd p = { s, POLLIN, 0 };
    struct hdr h;
    if (poll(&p, 1, 200) == 1 && recv(s, &h, sizeof h, 0) == sizeof h && h.magic == MAGIC) {
      if (h.seq > base) { base = h.seq; timeouts = 0; }
    } else {
      next = base;                      /* go back: resend the window */
      timeouts++;
    }
  }
  printf("netxfer: sent %u bytes, fnv1a %08x\n", bytes, fnv);
  finish(base > total ? 0 : 1);
}

int main(int argc, char **argv)
{
  setvbuf(stdout, NULL, _IOLBF, 0);
  if (argc == 4 && strcmp(argv[1], "sum") == 0) {
    uint32_t bytes = (uint32_t)atol(argv[2]);
    rng = (uint32_t)atol(argv[3]);
    for (uint32_t i = 0; i < bytes; i++) { uint8_t b = next_byte(); fnv_add(&b, 1); }
    printf("netxfer: sum %u bytes, fnv1a %08x\n", bytes, fnv);
    return 0;
  }
  if (argc == 4 && strcmp(argv[1], "recv") == 0)
    receive(atoi(argv[2]), (uint32_t)atol(argv[3]));
  if (argc == 6 && strcmp(argv[1], "send") == 0)
    transmit(argv[2], atoi(argv[3]), (uint32_t)atol(argv[4]), (uint32_t)atol(argv[5]));
  if (argc == 3 && strcmp(argv[1], "hold") == 0) {
    int s = udp_socket(atoi(argv[2]), 1000);
    char buf[16];
    struct sockaddr_in from;
    socklen_t fl = sizeof from;
    for (int i = 0; i < 300; i++) {
      ssize_t n = recvfrom(s, buf, sizeof buf, 0, (struct sockaddr *)&from, &fl);
      if (n == 3 && memcmp(buf, "bye", 3) == 0) {
        sendto(s, "ok", 2, 0, (struct sockaddr *)&from, fl);
        printf("netxfer: bye received\n");
        finish(0);
      }
    }
    finish(1);
  }
  if (argc == 4 && strcmp(argv[1], "bye") == 0) {
    int s = udp_socket(0, 500);
    struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons((uint16_t)atoi(argv[3])) };
    char buf[4];
    inet_pton(AF_INET, argv[2], &a.sin_addr);
    for (int i = 0; i < 20; i++) {
      sendto(s, "bye", 3, 0, (struct sockaddr *)&a, sizeof a);
      if (recv(s, buf, sizeof buf, 0) == 2) { printf("netxfer: bye acknowledged\n"); return 0; }
    }
    printf("netxfer: bye not acknowledged\n");
    return 1;
  }
  fprintf(stderr, "usage: netxfer sum|recv|send|hold|bye ...\n");
  return 2;
}
