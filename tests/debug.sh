# gdb on both worlds: QEMU waits for gdb; a breakpoint on kmain stops first
# in the host (ring 0) and then in the guest (ring 1), at the chapter's line.
. tests/lib.inc
scratch_dirs
port=$((20000 + $$ % 10000))
RV_QEMU="-gdb tcp::$port -S" RV_TIMEOUT=90 RV_ARGS="ringvisor /boot/kernel.elf" \
  tools/run-native "" </dev/null >"$tmp/qemu.log" 2>&1 &
qemu=$!
sleep 1
timeout 90 gdb -q -batch -nx build/kernel.elf -ex "target remote localhost:$port" \
  -ex 'break kmain' -ex 'continue' -ex 'info registers cs' \
  -ex 'continue' -ex 'info registers cs' -ex 'kill' >"$tmp/gdb.log" 2>&1
wait $qemu 2>/dev/null
both_worlds() {
  grep -q 'kmain (magic=.*) at chapters/01-c-boot.nw:[0-9]' "$tmp/gdb.log" &&
    [ "$(grep -c '^cs  *0x8 ' "$tmp/gdb.log")" = 1 ] &&
    [ "$(grep -c '^cs  *0x9 ' "$tmp/gdb.log")" = 1 ] || { tail -n 20 "$tmp/gdb.log"; return 1; }
}
check "gdb stops at kmain in the host (cs 0x8), then in the guest (cs 0x9), at chapters/01-c-boot.nw lines" both_worlds
