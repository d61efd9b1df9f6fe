# The second x86: Bochs, whose Core 2 model has VT-x and whose Pentium II
# has not.  The same host, launcher and guest kernel run under both: on
# the Core 2 the launcher's auto choice is VT-x (chapter 6), on the
# Pentium II the ring-1 switcher; the guest's selftest passes, hostile
# guests end with their reasons, and the host goes on to power off.
# One Bochs boot per CPU model, to keep the time small.
. tests/lib.inc

need kernel.elf user/ringvisor
if ! command -v bochs >/dev/null || ! command -v grub-mkrescue >/dev/null; then
  echo "FAIL: Bochs tests need bochs and grub-mkrescue (tools/deps installs them)"
  exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if ! tools/iso --timeout 0 -o "$tmp/rv.iso" >"$tmp/iso.out" 2>&1; then
  echo "FAIL: the GRUB image for Bochs could not be made"
  exit 0
fi

# The commands the host's shell gets: every guest is one launcher run,
# and its transcript is the part of the log from its "ringvisor: backend"
# line to the next.  guest CMD adds one run.
runs=''
guest() { runs="$runs$*\n"; }
# bochs_session TAG MODEL: boot MODEL with the runs, then "echo alive" and
# "poweroff" for the host; the transcript goes to $tmp/TAG.log.
bochs_session() {
  printf '%b' "${runs}echo alive\npoweroff\n" >"$tmp/$1.in"
  RV_ISO=$tmp/rv.iso RV_TIMEOUT=${RV_BOCHS_TIMEOUT:-400} \
    tools/bochs-run "$2" "$tmp/$1.in" "$tmp/$1.raw"
  rc=$?
  tr -d '\r' <"$tmp/$1.raw" | sed 's/\x1b\[[0-9;?]*[A-Za-z]//g' >"$tmp/$1.log"
  runs=''
}
# run TAG N: the transcript of the Nth launcher run in $tmp/TAG.log.
run() {
  awk -v n="$2" '/^(\$ )*ringvisor: backend /{k++} k==n' "$tmp/$1.log"
}
# in_run TAG N EREGEX: that run has a line matching EREGEX.
in_run() { run "$1" "$2" | grep -Eq "$3"; }
# The host's own last words: "alive", then its power-off with status 0
# (a guest's panic is in the log too, and a guest's power-off says the same).
host_went_on() {
  [ "$rc" = 0 ] && ! has "$1" 'was NOT stopped' &&
    sed -En "/${P}alive\$/,\$p" "$tmp/$1.log" | grep -q 'ringvisor: power off (status 0)' ||
    explain "$1"
}
explain() {
  echo "  [$1] Bochs status $rc (0 shut down by the kernel, 124 timeout); transcript ends:"
  tail -n 15 "$tmp/$1.log" | sed 's/^/  | /'
  return 1
}

# --- Core 2 (VT-x, no EPT) ---
guest 'ringvisor /boot/kernel.elf /boot/initrd.cpio -- selftest'
guest 'poweroff'                                # the guest's shell
# vtx_modes: each mode and the reason it must end with under VT-x.
vtx_modes() {
  cat <<'MODES'
hypercall guest killed: unknown hypercall 999
badptr guest killed: console write of 64 bytes at 0x7ffffff0 is outside guest memory
mapswitcher guest killed: tried to map the switcher at 0xffc00000
writeswitcher guest killed: touched the switcher at 0xffc03000
callgate guest killed: system descriptor \(type 12\) in GDT slot 4
ring0seg has DPL 1 in slot 3
cli guest killed: trap 13 \(general protection fault\)
out guest killed: trap 13 \(general protection fault\)
reflect panic: unexpected trap in the kernel
vmxon guest killed: VMX instruction VMXON \(VM exit 27\)
otherhcall guest killed: trap 13 \(general protection fault\)
datacs guest killed: VM entry refused: invalid guest state \(VM exit 33\)
MODES
}
for mode in $(vtx_modes | cut -d' ' -f1); do guest "ringvisor /boot/kernel.elf -- rvtest=$mode"; done
guest 'ringvisor --backend switcher /boot/kernel.elf -- rvexit=3'
bochs_session core2 core2_penryn_t9600
nvtx=$(( $(vtx_modes | wc -l) + 1 ))      # the selftest's guest and one a mode

core2_vtx() {
  [ "$(grep -Ec "${P}ringvisor: backend VT-x\$" "$tmp/core2.log")" = "$nvtx" ] || explain core2
}
check "Bochs Core 2: the launcher's auto choice is VT-x, for every guest" core2_vtx
core2_selftest() {
  in_run core2 1 '^selftest: all [0-9]+ checks passed' &&
    in_run core2 1 'init: selftest exited with status 0' &&
    in_run core2 1 'guest shut down with status 0' || explain core2
}
check "Bochs Core 2: the unchanged guest's selftest passes under VT-x" core2_selftest
k=2
vtx_modes >"$tmp/modes"
while read -r mode want; do
  eval "core2_$mode() { in_run core2 $k '$want' || explain core2; }"
  check "Bochs Core 2, VT-x: rvtest=$mode ends with its reason" "core2_$mode"
  k=$((k + 1))
done <"$tmp/modes"
core2_switcher() {
  in_run core2 $((nvtx + 1)) "${P}ringvisor: backend switcher\$" &&
    in_run core2 $((nvtx + 1)) 'guest shut down with status 3' || explain core2
}
check "Bochs Core 2: --backend switcher runs the same guest on the switcher" core2_switcher
check "Bochs Core 2: after $((nvtx + 1)) guests the host goes on and powers off" host_went_on core2

# --- Pentium II (no VT-x): the same commands take the switcher ---
guest 'ringvisor /boot/kernel.elf /boot/initrd.cpio -- selftest'
guest 'poweroff'
guest 'ringvisor /boot/kernel.elf -- rvtest=hypercall'
guest 'ringvisor /boot/kernel.elf -- rvtest=vmxon'
guest 'ringvisor /boot/kernel.elf -- rvtest=otherhcall'
guest 'ringvisor --backend vt-x /boot/kernel.elf -- rvexit=3'
bochs_session p2 p2_klamath
p2_switcher() {
  [ "$(grep -Ec "${P}ringvisor: backend switcher \\(no VT-x\\)\$" "$tmp/p2.log")" = 4 ] &&
    in_run p2 1 '^selftest: all [0-9]+ checks passed' &&
    in_run p2 1 'guest shut down with status 0' || explain p2
}
check "Bochs Pentium II: the auto choice is the switcher, and the selftest passes" p2_switcher
p2_hostile() {
  in_run p2 2 'guest killed: unknown hypercall 999' &&
    in_run p2 3 'guest killed: trap 6 \(invalid opcode\)' &&
    in_run p2 4 'guest killed: trap 6 \(invalid opcode\)' || explain p2
}
check "Bochs Pentium II: hostile guests (hypercall, vmxon, vmcall) end with their reasons" p2_hostile
p2_novtx() {
  has p2 'ringvisor: /dev/ringvisor: no VT-x backend: this CPU has no VT-x' &&
    ! has p2 'guest shut down with status 3' || explain p2
}
check "Bochs Pentium II: --backend vt-x refuses, with the reason" p2_novtx
check "Bochs Pentium II: the host goes on and powers off" host_went_on p2

# --- the bench, in a guest under each backend, in one Bochs boot ---
tools/bochs-bench >"$tmp/bench.out" 2>&1; brc=$?
bochs_bench() {
  [ $brc = 0 ] && [ "$(grep -cE '^[a-z0-9-]+ +[0-9]+ +[0-9]+ +[0-9.]+$' "$tmp/bench.out")" -ge 16 ] ||
    { sed 's/^/  | /' "$tmp/bench.out"; return 1; }
}
check "Bochs Core 2: every bench row checks its result under VT-x and under the switcher" bochs_bench
