# Interrupts, virtualized (chapters 1, 2, 5): the guest's virtual interrupt
# flag, the iret window, and the bad inputs of the shared page.  Each guest
# runs under the host natively booted under QEMU, as in tests/guest.sh.
. tests/lib.inc

need kernel.elf user/ringvisor
scratch_dirs

# rvtest MODE -- run a guest with rvtest=MODE, then check the host goes on.
rvtest() {
  session "$1" "ringvisor /boot/kernel.elf -- rvtest=$1\necho alive\npoweroff\n"
}

# 1. The flag works: with it off, the timer's line stays pending and no tick
#    arrives however long the guest spins; turned on, the tick comes at once
#    (RV_HC_SEND_IRQS), and more come while the guest kernel spins in ring 1.
rvtest vif
vif_ok() {
  [ "$rc" = 0 ] && has vif 'rvtest: 0 ticks with the flag off \(line pending: 1\), 1 at sti, [5-9] in all' &&
    has vif 'guest shut down with status 0' && has vif "${P}alive\$" || explain vif
}
check "the virtual IF holds a guest's timer back while off, lets it in at once when on, in ring 1" vif_ok

# 2. The iret window: the guest faults on the iret of its stub with the flag
#    just turned on and an interrupt pending; the host must not deliver.
rvtest iretwindow
window_closed() {
  [ "$rc" = 0 ] && has iretwindow 'rvtest: 0 of 5 interrupts were delivered inside the iret window' &&
    has iretwindow 'guest shut down with status 0' && ! has iretwindow 'was NOT stopped' &&
    has iretwindow "${P}alive\$" || explain iretwindow
}
check "the host never delivers an interrupt inside the guest's iret window" window_closed

# 3. The same test against a host built without the check: in a scratch copy
#    of the tree, the chunk <<wait while the guest is in its iret window>>
#    is emptied and the kernel rebuilt.  Every try must then be delivered
#    into the window, so the test above can fail, and does without the check.
mkdir "$tmp/nocheck"
(git ls-files -z | xargs -0 tar -cf - 2>/dev/null; tar -cf - build tangle-out 2>/dev/null) |
  (cd "$tmp/nocheck" && tar -xf - 2>/dev/null)
sed -i '/^<<wait while the guest is in its iret window>>=$/,/^@$/{//!d}' "$tmp/nocheck/chapters/"*host*.nw
if (cd "$tmp/nocheck" && timeout 600 make -s all >"$tmp/nocheck.build" 2>&1); then
  printf '%b' "ringvisor /boot/kernel.elf -- rvtest=iretwindow\necho alive\npoweroff\n" |
    (cd "$tmp/nocheck" && RV_DISK=$RV_DISK RV_TIMEOUT=60 tools/run-native "") >"$tmp/open.raw" 2>&1
  rc=$?
  tr -d '\r' <"$tmp/open.raw" >"$tmp/open.log"
else
  rc=build; tail -n 15 "$tmp/nocheck.build" >"$tmp/open.log"
fi
window_open() {
  [ "$rc" = 0 ] && has open 'rvtest: 5 of 5 interrupts were delivered inside the iret window' &&
    has open 'delivery inside the iret window was NOT stopped' && has open "${P}alive\$" || explain open
}
check "without the host's window check, every interrupt of the test lands inside the iret window" window_open

# 4. Bad input in the shared page: each kills the guest with its reason.
hostile_irq() {
  rvtest "$1"
  verdict() {
    [ "$rc" = 0 ] && has "$1" "$2" && has "$1" "${P}alive\$" && ! has "$1" 'was NOT stopped' || explain "$1"
  }
  check "$3" verdict "$1" "$2"
}
hostile_irq sharedout 'guest killed: its shared page at 0x7ffff000 is not a page of guest memory' \
  "a shared page outside guest memory kills the guest; the host goes on"
hostile_irq pendbits 'guest killed: pending interrupt bits 0x10000 name no interrupt line' \
  "pending bits for lines that do not exist kill the guest; the host goes on"
hostile_irq nohandler 'guest killed: trap 32 .* and the guest has no handler for it' \
  "a pending interrupt with no handler kills the guest; the host goes on"
