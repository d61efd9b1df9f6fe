# Reliability of the hypervisor (chapter 7, "Reliability"): slots, one
# guest per process, memory that comes back after a hundred guests.
. tests/lib.inc

need kernel.elf user/guests
scratch_dirs

# 1. Four guests fill the host's slots; a fifth launcher says why it cannot
#    start; one process cannot open a second guest.  16 MiB guests, so that
#    four fit in the host's 128 MiB.
session five 'guests -p 1500 5 ringvisor --mem 16 /boot/kernel.elf /boot/initrd.cpio\nrvtwice\npoweroff\n'
fifth() {
  [ "$rc" = 0 ] &&
    has five 'ringvisor: /dev/ringvisor: the host already runs as many guests as it can' &&
    has five 'guests: copy 5 exited with status 1' &&
    has five 'guests: 5 copies: 4 exited with status 0, 1 with another, 0 killed' || explain five
}
check "the fifth launcher of four running gets a clear message" fifth
twice() { has five "${P}rvtwice: first open: a guest; second open: File exists" || explain five; }
check "a process that opens /dev/ringvisor again gets EEXIST: one guest per process" twice

# 2. A hundred guests in turn -- plain, killed by the host for an attack,
#    and launchers killed with SIGKILL early and mid-run -- then four at
#    once: the host's free memory afterwards is what it was before.
#    Each command is typed at the shell's prompt, so no echo mixes into
#    the lines the check reads.
trap "" PIPE
#    (Waiting for the prompt alone is not enough: the guests' own shells
#    print one too.  So each command's last line is awaited first.)
set -- prompt
for cmd in 'free' \
    'guests -s 40 ringvisor /boot/kernel.elf' \
    'guests -s 15 ringvisor /boot/kernel.elf -- rvtest=hypercall' \
    'guests -s 15 ringvisor /boot/kernel.elf -- rvtest=writeswitcher' \
    'guests -s -k 50 15 ringvisor --mem 16 /boot/kernel.elf /boot/initrd.cpio' \
    'guests -s -k 700 15 ringvisor --mem 16 /boot/kernel.elf /boot/initrd.cpio' \
    'guests 4 ringvisor --mem 16 /boot/kernel.elf /boot/initrd.cpio -- forktest' \
    'free'; do
  set -- "$@" "say $cmd\\n" "await ^(\\$ )*(free: [0-9]+ KiB free|guests: [0-9]+ copies)" prompt
done
RV_TIMEOUT=400 AWAIT_SECONDS=380 converse leak "$@" 'say poweroff\n'
no_leak() {
  grep -Eo 'free: [0-9]+ KiB free of [0-9]+ KiB' "$tmp/leak.log" >"$tmp/free.lines"
  sed 's/^\(\$ \)*//' "$tmp/leak.log" | grep '^guests: [0-9]* copies' >"$tmp/guests.lines"
  [ "$rc" = 0 ] && [ "$(wc -l <"$tmp/free.lines")" -ge 2 ] &&
    [ "$(head -n 1 "$tmp/free.lines")" = "$(tail -n 1 "$tmp/free.lines")" ] &&
    grep -q '^guests: 40 copies: 40 exited with status 0' "$tmp/guests.lines" &&
    [ "$(grep -c '^guests: 15 copies: 0 exited with status 0, 15 with another' "$tmp/guests.lines")" = 2 ] &&
    [ "$(grep -c '^guests: 15 copies: 0 exited with status 0, 0 with another, 15 killed' "$tmp/guests.lines")" = 2 ] &&
    grep -q '^guests: 4 copies: 4 exited with status 0' "$tmp/guests.lines" &&
    [ "$(grep -c 'forktest: 50 children ok' "$tmp/leak.log")" = 4 ] ||
    { cat "$tmp/free.lines" "$tmp/guests.lines" | sed 's/^/  /'; explain leak; }
}
check "100 guests in turn (plain, hostile, SIGKILLed) and 4 at once: host free memory comes back" no_leak

# 3. Durable guest writes: a guest writes its virtio disk (the host's
#    /dev/hda) sector after sector with fsync; its launcher is killed
#    mid-stream; the host then finds at least every write the guest saw
#    complete.  Disks that cannot be used are refused with a reason.
session flush 'guests -k 2500 1 ringvisor --mem 16 --block /dev/hda /boot/kernel.elf /boot/initrd.cpio -- diskstream write 7\ndiskstream check 7\nringvisor --block /dev/null /boot/kernel.elf\nringvisor --block /bin/echo /boot/kernel.elf\nringvisor --block /no/such/disk /boot/kernel.elf\npoweroff\n'
durable() {
  seen=$(grep -Eo 'diskstream: [0-9]+ writes durable' "$tmp/flush.log" | tail -n 1 | grep -Eo '[0-9]+')
  held=$(grep -Eo 'diskstream: the disk holds [0-9]+ writes' "$tmp/flush.log" | grep -Eo '[0-9]+')
  echo "  the guest saw $seen writes complete; the host's disk holds $held"
  [ "$rc" = 0 ] && [ -n "$seen" ] && [ -n "$held" ] && [ "$held" -ge "$seen" ] &&
    has flush 'guests: 1 copies: 0 exited with status 0, 0 with another, 1 killed' || explain flush
}
check "a launcher killed mid-stream loses no write its guest saw complete (virtio flush, fsync)" durable
bad_disks() {
  has flush 'ringvisor: /dev/null: not a disk of at least one sector' &&
    has flush 'ringvisor: /bin/echo: Read-only file system: the guest.s disk must be writable' &&
    has flush 'ringvisor: /no/such/disk: No such file or directory' || explain flush
}
check "a disk too small, read-only or missing is refused with its reason" bad_disks
