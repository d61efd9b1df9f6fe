# Grading tests of exercise 05 (tools/grade runs them in the graded tree).
# The disk pattern's seed comes from the per-run token: a guest writes it
# through the virtqueue (about 200 requests, so the free list wraps many
# times), the host reads it natively, and a second guest reads it back.
seed=$(( 0x$(echo "$TOKEN" | cut -c1-6) ))
session vd "ringvisor --block /dev/hda /boot/kernel.elf /boot/initrd.cpio -- disktest write $seed\npoweroff\ndisktest check $seed\nringvisor --block /dev/hda /boot/kernel.elf /boot/initrd.cpio -- disktest check $seed\npoweroff\n$(mark alive)\npoweroff\n"
written() { has vd 'virtio: a disk of 4096 KiB' && has vd 'disktest: wrote 65536 bytes' || explain vd; }
check "a guest writes 64 KiB through its virtqueue" written
intact() { [ "$(grep -c 'disktest: pattern intact' "$tmp/vd.log")" -ge "$1" ] || explain vd; }
check "the host finds the guest's pattern on its own disk" intact 1
check "a second guest reads the pattern back through its virtqueue" intact 2
clean() { marked vd alive && [ "$rc" = 0 ] || explain vd; }
check "the host answers and powers off cleanly" clean
