# Grading tests of exercise 03 (tools/grade runs them in the graded tree).
session ds "ringvisor /boot/kernel.elf -- rvtest=dsbase\n$(mark alive)\npoweroff\n"
ds_ok() { has ds 'rvtest: the host survived it' && marked ds alive && [ "$rc" = 0 ] || explain ds; }
check "a hypercall with a far-based %ds leaves the host standing" ds_ok
session hc "ringvisor /boot/kernel.elf -- rvtest=hypercall\n$(mark alive)\npoweroff\n"
hc_ok() { has hc 'guest killed: unknown hypercall 999' && marked hc alive || explain hc; }
check "a guest with an unknown hypercall is still killed with its reason" hc_ok
session gself "ringvisor /boot/kernel.elf /boot/initrd.cpio -- selftest\n$(mark alive)\npoweroff\npoweroff\n"
selftest_ok() { has gself 'selftest: all [0-9]+ checks passed' && marked gself alive || explain gself; }
check "selftest passes in a guest" selftest_ok
