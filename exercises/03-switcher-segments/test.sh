# Grading tests of exercise 03 (tools/grade runs them in the graded tree).
session ds "ringvisor /boot/kernel.elf -- rvtest=dsbase\n$(mark alive)\npoweroff\n"
ds_ok() { has ds 'rvtest: the host survived it' && marked ds alive && [ "$rc" = 0 ] || explain ds; }
check "a hypercall with a far-based %ds leaves the host standing" ds_ok
# Every selector the guest owns (slots 1-4 and 6) based far away, with a
# trap for each: a switcher that loads any of them instead of its own
# falls.  The evidence is the host's own shell answering afterwards.
session slots "ringvisor /boot/kernel.elf -- rvtest=dsslots\n$(mark alive)\npoweroff\n"
slots_ok() { has slots 'rvtest: and the guest.s own kernel slots' && marked slots alive && [ "$rc" = 0 ] || explain slots; }
check "far bases in every GDT slot the guest owns, then traps: the host still answers" slots_ok
session g "ringvisor /boot/kernel.elf -- rvtest=hypercall\nringvisor /boot/kernel.elf /boot/initrd.cpio -- selftest\npoweroff\n$(mark alive)\npoweroff\n"
hc_ok() { has g 'guest killed: unknown hypercall 999' || explain g; }
check "a guest with an unknown hypercall is still killed with its reason" hc_ok
selftest_ok() { has g 'selftest: all [0-9]+ checks passed' && marked g alive && [ "$rc" = 0 ] || explain g; }
check "selftest passes in a guest, and the host powers off cleanly" selftest_ok
