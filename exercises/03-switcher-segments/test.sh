# Grading tests for exercise 03 (run in the graded tree, tests/lib.inc loaded).
scratch_dirs
session ds 'ringvisor /boot/kernel.elf -- rvtest=dsbase\necho alive\npoweroff\n'
ds_ok() { has ds 'rvtest: the host survived it' && has ds "${P}alive\$" || explain ds; }
check "a hypercall with a far-based %ds leaves the host standing" ds_ok
session hc 'ringvisor /boot/kernel.elf -- rvtest=hypercall\necho alive\npoweroff\n'
hc_ok() { has hc 'guest killed: unknown hypercall 999' && has hc "${P}alive\$" || explain hc; }
check "a guest with an unknown hypercall is still killed with its reason" hc_ok
session gself 'ringvisor /boot/kernel.elf /boot/initrd.cpio -- selftest\npoweroff\npoweroff\n'
selftest_ok() { has gself 'selftest: all [0-9]+ checks passed' || explain gself; }
check "selftest passes in a guest" selftest_ok
