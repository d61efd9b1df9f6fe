# Device interrupts, the virtio console and entropy source, and Control-C
# (chapters 1, 3, 4, 5), natively and in a guest under the host.
. tests/lib.inc

need kernel.elf user/ringvisor
scratch_dirs
G='ringvisor /boot/kernel.elf /boot/initrd.cpio'
trap "" PIPE                    # a say after QEMU has gone must not end the test

# 1. A program computes for 3 s while another blocks reading the console,
#    natively and in a guest (whose console input now comes by interrupt).
converse bgnat 'say bgwork\n' 'await progress reports in 3 s' 'say hello\n' \
  'await the reader got hello' 'say poweroff\n'
converse bgguest "say $G -- bgwork\\n" 'await progress reports in 3 s' 'say hello\n' \
  'await the reader got hello' 'say poweroff\n' 'await guest shut down' 'say poweroff\n'
progress() {
  n=$(grep -aEo 'bgwork: [0-9]+ progress reports' "$tmp/$1.log" | grep -Eo '[0-9]+')
  [ "$rc" = 0 ] && [ "${n:-0}" -ge 5 ] && has "$1" 'the reader got hello' ||
    { echo "  ${n:-no} progress reports"; explain "$1"; }
}
check "natively, a program computes on while another waits for a console line" progress bgnat
check "in a guest, a program computes on while another waits for a console line" progress bgguest

# 2. Control-C: natively it ends the foreground program and the shell goes
#    on; in a guest it ends the guest's program and the guest's shell goes
#    on; a guest kernel that spins with its virtual IF off is ended by a
#    second Control-C, and the host's shell goes on.
converse cnat 'say spin\n' 'await spin: spinning' 'say \003' 'await \^C' \
  'say echo next\n' 'await ^(\$ )*next$' 'say poweroff\n'
ctrlc_native() { [ "$rc" = 0 ] && has cnat '^(\$ )*next$' || explain cnat; }
check "Control-C ends a spinning program natively, and the next command runs" ctrlc_native
converse cguest "say $G -- spin\\n" 'await spin: spinning' 'say \003' \
  'await init: spin was killed by signal 2' 'say echo gnext\n' 'await ^(\$ )*gnext$' \
  'say poweroff\n' 'await guest shut down' 'say echo hnext\n' 'await ^(\$ )*hnext$' \
  'say poweroff\n'
ctrlc_guest() {
  [ "$rc" = 0 ] && has cguest 'init: spin was killed by signal 2' && has cguest '^(\$ )*gnext$' &&
    has cguest 'guest shut down with status 0' && has cguest '^(\$ )*hnext$' || explain cguest
}
check "Control-C ends a spinning program in a guest, and the guest's shell goes on" ctrlc_guest
converse cspin "say $G -- rvtest=irqoff\\n" 'await spinning with the virtual interrupt flag off' \
  'say \003' 'await \^C' 'again stopping it' 'say echo hostnext\n' \
  'await ^(\$ )*hostnext$' 'say poweroff\n'
ctrlc_kernel() {
  [ "$rc" = 0 ] && has cspin 'did not take the last one: stopping it' &&
    has cspin '^(\$ )*hostnext$' || explain cspin
}
check "Control-C, again after a second, ends a guest kernel spinning with its virtual IF off; the host goes on" ctrlc_kernel

# 3. Randomness: 4 KiB from getrandom and from /dev/urandom are spread over
#    (nearly) all byte values, natively and in two guests, which differ.
session rnd "randtest\n$G -- randtest\npoweroff\n$G -- randtest\npoweroff\npoweroff\n"
spread_ok() {   # every randtest line: >= 200 values, none more than 64 times
  lines=$(grep -ac 'randtest: .*: 4096 bytes' "$tmp/rnd.log")
  bad=$(grep -a 'randtest: .*: 4096 bytes' "$tmp/rnd.log" |
        awk '{ for (i = 1; i <= NF; i++) { if ($i == "values,") v = $(i-1); if ($i == "frequent") m = $(i+1) }
               if (v < 200 || m > 64) print }' | wc -l)
  [ "$rc" = 0 ] && [ "$lines" = 6 ] && [ "$bad" = 0 ] || { echo "  $lines reports, $bad degenerate"; explain rnd; }
}
check "getrandom and /dev/urandom give 4 KiB that is not degenerate, natively and in guests" spread_ok
guests_differ() {
  a=$(grep -a 'randtest: getrandom' "$tmp/rnd.log" | sed -n 2p | grep -Eo 'first [0-9a-f]+')
  b=$(grep -a 'randtest: getrandom' "$tmp/rnd.log" | sed -n 3p | grep -Eo 'first [0-9a-f]+')
  [ -n "$a" ] && [ -n "$b" ] && [ "$a" != "$b" ] || { echo "  guest 1: $a, guest 2: $b"; explain rnd; }
}
check "two guests get different random bytes from their entropy devices" guests_differ

# 4. A megabyte through the console each way, every line checked: out, by
#    comparing the transcript with what conbulk prints on this Linux; in,
#    by conbulk itself.
build/user/conbulk out | head -n 16384 >"$tmp/mib"
bulk_out() {   # bulk_out TAG COMMAND; nothing is typed until it is done: echo would mix in
  RV_TIMEOUT=600 AWAIT_SECONDS=500 converse "$1" prompt "say $2\\n" 'await conbulk: wrote' prompt \
    'say poweroff\n' 'await guest shut down|power off' prompt 'say poweroff\n'
  sed -E 's/^(\$ )+//' "$tmp/$1.log" | grep -aE '^[0-9]{7} [0-9]{55}$' >"$tmp/$1.lines"
  [ "$rc" = 0 ] && cmp -s "$tmp/mib" "$tmp/$1.lines" ||
    { echo "  $(wc -l <"$tmp/$1.lines") of 16384 lines came through intact"; explain "$1"; }
}
check "1 MiB printed natively arrives intact" bulk_out outnat 'conbulk out'
check "1 MiB printed in a guest, through its virtio console, arrives intact" bulk_out outguest "$G -- conbulk out"
bulk_in() {    # bulk_in TAG COMMAND [MORE STEPS]: type only at a prompt, so no echo mixes in
  printf 'END\n' >"$tmp/end"
  tag=$1 cmd=$2; shift 2
  RV_TIMEOUT=600 AWAIT_SECONDS=500 converse "$tag" prompt "say $cmd\\n" 'await ^(\$ )*'"$cmd"'$' "send $tmp/mib" \
    "send $tmp/end" 'await conbulk: read' prompt 'say poweroff\n' "$@"
  [ "$rc" = 0 ] && grep -aq '^conbulk: read 1048576 bytes in 16384 lines, 0 wrong$' "$tmp/$tag.log" ||
    explain "$tag"
}
check "1 MiB typed at the console arrives intact natively" bulk_in innat 'conbulk in'
check "1 MiB typed at the console arrives intact in a guest, by interrupt" bulk_in inguest "$G -- conbulk in" \
  'await guest shut down' prompt 'say poweroff\n'

# 5. Bad requests on the console and entropy queues: that device is marked
#    broken with a line; the guest, the launcher and the host go on.
for t in 'conloop:console' 'conflood:console' 'rngout:entropy source' 'rnglong:entropy source'; do
  mode=${t%%:*}; dev=${t#*:}
  session "$mode" "$G -- rvtest=$mode\necho alive\npoweroff\n"
  device_broken() {
    [ "$rc" = 0 ] && has "$1" "ringvisor: the guest's $2 is broken" &&
      has "$1" 'rvtest: the guest goes on' && has "$1" 'guest shut down with status 0' &&
      has "$1" "${P}alive\$" || explain "$1"
  }
  check "rvtest=$mode: the guest's $dev is marked broken; guest, launcher and host go on" device_broken "$mode" "$dev"
done

# 6. make run EXTRA=prog puts prog into the guest's initial RAM disk too.
cp build/user/uname "$tmp/extrauname"
printf 'extrauname -a\npoweroff\npoweroff\n' | RV_TIMEOUT=60 tools/run-stage "$tmp/extrauname" >"$tmp/extra.raw" 2>&1; rc=$?
tr -d '\r' <"$tmp/extra.raw" >"$tmp/extra.log"
extra_ok() {   # uname -a at boot, then extrauname -a from the guest's shell
  [ "$rc" = 0 ] && [ "$(grep -c 'ringvisor ringvisor 1.0 guest i686' "$tmp/extra.log")" = 2 ] &&
    ! has extra 'extrauname: not found' && has extra 'init: ringvisor exited' || explain extra
}
check "make run EXTRA=prog: prog runs inside the guest" extra_ok
