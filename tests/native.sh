# Scenario tests of the kernel booted natively: each boots build/kernel.elf
# under QEMU, types commands into the console through a pipe, and judges
# QEMU's exit status and the serial transcript.  The programs are those of
# chapters/C-user.nw, in /bin of the initial RAM disk.
. tests/lib.inc
SESSION_PACED=1   # type each line at the prompt: no echo inside a result line

need kernel.elf

scratch_dirs
# 1. Boot to the prompt, and the shell's builtins and tools.
session boot 'poweroff\n'
boots() { [ "$rc" = 0 ] && has boot '\$ ' || explain boot; }
check "boots to the shell prompt; poweroff gives status 0" boots
if ! has boot '\$ '; then
  echo "FAIL: the other native tests were skipped: no shell prompt"
  exit 0
fi

session shell 'nosuchprog\necho hello   world\nls /\ncd /bin\nls\nexit\n'
shell_works() {
  [ "$rc" = 0 ] && has shell 'sh: nosuchprog: not found' &&
    has shell "${P}hello world\$" && has shell "${P}bin\$" &&
    has shell "${P}selftest\$" || explain shell
}
check "shell: not found, echo, ls, cd; exit powers off with status 0" shell_works

session poweroff3 'poweroff 3\n'
check "poweroff 3 makes QEMU exit with status 7" eval '[ "$rc" = 7 ] || explain poweroff3'

# 2. The self-test prints the same lines on Linux and on ringvisor.
build/user/selftest >"$tmp/linux.log" 2>&1
selftest_lines() { sed 's/^\(\$ \)*//' "$tmp/$1.log" | grep '^selftest: '; }
check "selftest passes on this Linux" grep -q '^selftest: all [0-9]* checks passed$' "$tmp/linux.log"

session selftest 'selftest\npoweroff\n'
same_as_linux() {
  selftest_lines linux >"$tmp/linux.lines"
  selftest_lines selftest >"$tmp/rv.lines"
  [ "$rc" = 0 ] || explain selftest || return 1
  [ -s "$tmp/linux.lines" ] && [ -s "$tmp/rv.lines" ] || explain selftest || return 1
  diff "$tmp/linux.lines" "$tmp/rv.lines" >"$tmp/selftest.diff" && return 0
  echo "  selftest lines, Linux (<) and ringvisor (>):"
  sed 's/^/  /' "$tmp/selftest.diff"
  return 1
}
check "selftest prints the same lines on ringvisor as on Linux" same_as_linux

# 3-5. Stress: many processes, a long pipe, a busy CPU.
# prints TAG TEXT -- TEXT is in the transcript and QEMU powered off cleanly.
prints() { [ "$rc" = 0 ] && grep -Fq "$2" "$tmp/$1.log" || explain "$1"; }
session forktest 'forktest\npoweroff\n'
check "forktest: 50 children created, run and reaped" prints forktest 'forktest: 50 children ok'
session pipetest 'pipetest\npoweroff\n'
check "pipetest: 64 KiB through a pipe" prints pipetest 'pipetest ok'
session schedtest 'schedtest\npoweroff\n'
check "schedtest: a sleeper runs beside a spinning process" prints schedtest 'schedtest: interactive process ran ok'

# 6. Each misbehaving program is killed with a one-line message naming it
# and its fault, and the shell then still runs `echo alive`.
killed_then_alive() {   # killed_then_alive PROG FAULT
  [ "$rc" = 0 ] && awk -v prog="$1" -v fault="$2" '
    !k && $0 ~ ("pid [0-9]+ \\(" prog "\\): .* killed") && tolower($0) ~ fault { k = 1; next }
    k && /^(\$ )*alive$/ { a = 1 }
    END { exit !(k && a) }' "$tmp/$1.log" || explain "$1"
}
for bad in nullderef:'page fault' privcli:'general protection' privhlt:'general protection' \
           privout:'general protection' divzero:'divide'; do
  prog=${bad%%:*}
  session "$prog" "$prog\\necho alive\\npoweroff\\n"
  check "$prog is killed (${bad#*:}) and the shell goes on" killed_then_alive "$prog" "${bad#*:}"
done

session badptr 'badptr\necho alive\npoweroff\n'
efaults() {
  [ "$rc" = 0 ] && [ "$(grep -c 'badptr: EFAULT ok' "$tmp/badptr.log")" = 3 ] &&
    ! has badptr 'not EFAULT' && has badptr "${P}alive\$" || explain badptr
}
check "badptr: three bad pointers give EFAULT, and the shell goes on" efaults

# 7. A pattern written to the disk in one boot is there in the next, and in
# the image file exactly where the same program puts it on Linux.
session diskwrite 'disktest write 42\npoweroff\n'
check "disktest write 42" prints diskwrite 'disktest: wrote 65536 bytes'
session diskcheck 'disktest check 42\ndisktest check 43\npoweroff\n'
check "disktest check 42 after a reboot: pattern intact" prints diskcheck 'disktest: pattern intact'
check "disktest check 43 finds the wrong pattern" prints diskcheck 'disktest: mismatch at offset 0'
on_the_image() {
  dd if=/dev/zero of="$tmp/expect.img" bs=64k count=1 status=none
  build/user/disktest write 42 "$tmp/expect.img" >/dev/null &&
    cmp -n 65536 "$tmp/expect.img" "$RV_DISK"
}
check "the disk image holds the pattern Linux writes for seed 42" on_the_image

# Floating-point registers survive context switches.
session fpu 'fputest\npoweroff\n'
fpu_ok() { has fpu 'fputest: 3 of 3 concurrent results equal the lone ones: ok' || explain fpu; }
check "fputest: each process keeps its x87 registers across preemption" fpu_ok
