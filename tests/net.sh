# The network (Appendix "A small network stack"): guests on the host's
# switch exchange a mebibyte with an ordinary musl UDP program that this
# test builds itself (tests/netxfer.c), host and guest ping each other, a
# flooding guest that forges and mangles frames leaves another pair's
# transfer intact, and the switch refuses exactly the frames it forged.
. tests/lib.inc

need kernel.elf user/ringvisor
scratch_dirs
x=$tmp/netxfer
if ! i386-linux-musl-gcc -static -O2 -Wall -Wextra -Werror -o "$x" tests/netxfer.c; then
  echo "FAIL: netxfer (tests/netxfer.c) does not build with musl"
  exit 0
fi
# The transfer's data come from a seed drawn per run; the right checksum
# is computed here, on this Linux, by the same program with no network.
seed=$(( $(od -An -tu4 -N4 /dev/urandom | tr -d ' ') % 1000000 + 1 ))
want=$("$x" sum 1048576 "$seed" | sed -n 's/.*fnv1a //p')
G='/boot/kernel.elf /boot/initrd.cpio --'
# nsession TAG INPUT -- session (tests/lib.inc) with netxfer in /bin
nsession() {
  printf '%b' "$2" | boot_native "$tmp/$1.raw" "$x"
  rc=$?
  tr -d '\r' <"$tmp/$1.raw" >"$tmp/$1.log"
}

# sums TAG -- the checksums the two guests printed, one per line
sums() { sed -n 's/^netxfer: \(sent\|received\) 1048576 bytes, fnv1a //p' "$tmp/$1.log"; }
# pair_ok TAG -- both ends printed the right checksum and shut down with 0
pair_ok() {
  [ "$rc" = 0 ] && [ -n "$want" ] && [ "$(sums "$1" | grep -c "^$want\$")" = 2 ] &&
    [ "$(grep -c 'ringvisor: guest shut down with status 0' "$tmp/$1.log")" -ge 2 ] &&
    has "$1" "${P}alive\$" || { echo "  want fnv1a $want"; explain "$1"; }
}

# 1. Two guests on switch lan: one receives, one sends 1 MiB.
RV_TIMEOUT=300 nsession xfer "ringvisor --net lan:10.0.0.2/24 $G netxfer recv 5000 1048576 &
ringvisor --net lan:10.0.0.3/24 $G netxfer send 10.0.0.2 5000 1048576 $seed &
wait\necho alive\npoweroff\n"
check "two guests on --net lan exchange 1 MiB over UDP; checksums equal, both end with 0" pair_ok xfer

# 2. The host joins the switch (netup) and pings a guest; a guest pings the
#    host and another guest; a taken address and a bad option are refused.
# Typed as a person types: each command at the shell's prompt, or once
# what it waits for has been printed, so that no echo of typed input can
# land inside the lines the checks read.
RV_TIMEOUT=300 CONVERSE_EXTRA=$x converse ping prompt \
  'say netup lan 10.0.0.1/24\n' prompt 'say netup lan 10.0.0.7/24\n' prompt \
  'say ringvisor --net lan:10.0.0.2 /boot/kernel.elf\n' prompt \
  "say ringvisor --net lan:10.0.0.2/24 $G netxfer hold 5000 &\\n" 'await starting /bin/init' \
  'say ping -c 2 -w 120 10.0.0.2\n' 'await packets transmitted' prompt \
  'say ringvisor --net lan:10.0.0.2/24 /boot/kernel.elf\n' prompt \
  "say ringvisor --net lan:10.0.0.3/24 $G ping -c 2 -w 60 10.0.0.1\\n" 'await init: ping exited' prompt \
  'say ping -c 2 -w 60 10.0.0.2\n' 'await packets transmitted' prompt \
  'say poweroff\n' 'await guest shut down' prompt \
  'say netxfer bye 10.0.0.2 5000\n' 'await bye acknowledged' 'await 10.0.0.2 left' \
  'say wait\n' prompt 'say echo alive\n' prompt 'say poweroff\n'
host_pings() {
  [ "$rc" = 0 ] && has ping 'netup: the host is 10.0.0.1/24 on switch lan' &&
    [ "$(grep -Ec "${P}64 bytes from 10.0.0.2: icmp_seq=" "$tmp/ping.log")" -ge 4 ] &&
    has ping 'netxfer: bye acknowledged' && has ping 'netxfer: bye received' || explain ping
}
guest_pings() {
  [ "$(grep -Ec "${P}64 bytes from 10.0.0.1: icmp_seq=" "$tmp/ping.log")" = 2 ] &&
    has ping 'init: ping exited with status 0' || explain ping
}
refusals() {
  has ping 'netup: lan: the host is on a network already' &&
    has ping 'switch lan has a port with that address already' &&
    has ping 'ringvisor: --net wants NAME:ADDR/PREFIX' && has ping "${P}alive\$" || explain ping
}
check "the host (netup) pings a guest on its switch, and the guest answers" host_pings
check "a guest pings the host and another guest over the switch" guest_pings
check "a taken address, a second netup and a malformed --net are refused with reasons" refusals

# 3. A guest floods the same switch with forged and malformed frames while
#    two others copy 1 MiB; the switch refuses exactly the forged ones.
RV_TIMEOUT=300 nsession flood "ringvisor --net lan:10.0.0.2/24 $G netxfer recv 5000 1048576 &
ringvisor --net lan:10.0.0.9/24 $G rvtest=netflood &
ringvisor --net lan:10.0.0.3/24 $G netxfer send 10.0.0.2 5000 1048576 $seed &
wait\necho alive\npoweroff\n"
check "a flooding, forging guest leaves another pair's 1 MiB transfer intact" pair_ok flood
forged_refused() {
  forged=$(sed -n 's/^rvtest: sent [0-9]* frames, \([0-9]*\) of them forged$/\1/p' "$tmp/flood.log")
  refused=$(sed -n 's/^switch lan: 10\.0\.0\.9 left: .*refused \([0-9]*\)$/\1/p' "$tmp/flood.log")
  [ -n "$forged" ] && [ "$forged" -gt 0 ] && [ "$forged" = "$refused" ] ||
    { echo "  forged $forged, refused $refused"; explain flood; }
}
check "the switch refuses every frame with another guest's source address, and only those" forged_refused

# 4. The book's netcp copies a file (/bin/sh) from one guest to another;
#    both ends' checksums must equal the file's FNV-1a, computed here.
RV_TIMEOUT=300 nsession netcp "ringvisor --net lan:10.0.0.2/24 $G netcp recv 6000 &
ringvisor --net lan:10.0.0.3/24 $G netcp send 10.0.0.2 6000 /bin/sh &
wait\npoweroff\npoweroff\necho alive\npoweroff\n"
netcp_ok() {
  # The guests' /bin/sh is build/user/sh as tools/initrd packs it, without
  # its debug information.
  i686-linux-gnu-strip --strip-debug -o "$tmp/sh" build/user/sh
  size=$(wc -c <"$tmp/sh" | tr -d ' ')
  fnv=$(python3 -c 'import sys
h = 2166136261
for b in open(sys.argv[1], "rb").read(): h = ((h ^ b) * 16777619) & 0xFFFFFFFF
print("%08x" % h)' "$tmp/sh")
  [ "$(grep -Ec "${P}netcp: (sent|received) $size bytes, fnv1a $fnv\$" "$tmp/netcp.log")" = 2 ] &&
    has netcp "${P}alive\$" || explain netcp
}
check "netcp copies /bin/sh from one guest to another over UDP, checksums equal" netcp_ok
