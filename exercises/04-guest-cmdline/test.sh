# Grading tests of exercise 04 (tools/grade runs them in the graded tree).
# The exit statuses come from the per-run token, so no hand-in can know them.
n1=$(( 0x$(echo "$TOKEN" | cut -c1-4) % 200 + 20 ))
n2=$(( 0x$(echo "$TOKEN" | cut -c5-8) % 200 + 20 ))
session cl "ringvisor /boot/kernel.elf -- rvexit=$n1\nringvisor /boot/kernel.elf -- xrvexit=7 rvexit=$n2\nringvisor /boot/kernel.elf -- rvexit=${n1}x rvexit=9\nringvisor /boot/kernel.elf\nringvisor /boot/kernel.elf -- rvtest=hypercall\n$(mark alive)\npoweroff\n"
statuses() { grep -o 'guest shut down with status [0-9]*' "$tmp/cl.log" | sed 's/.* //' | tr '\n' ' '; }
nth() { [ "$(statuses | cut -d' ' -f"$1")" = "$2" ] || { echo "  statuses in order: $(statuses) (wanted $2 for guest $1)"; explain cl; }; }
check "rvexit=N gives the guest's exit status" nth 1 "$n1"
check "a key counts only at the start of a word (xrvexit=7 rvexit=N)" nth 2 "$n2"
check "the number stops at its first non-digit; the first word wins" nth 3 "$n1"
check "no command line, no key: status 0" nth 4 0
hostile_ok() { has cl 'guest killed: unknown hypercall 999' && marked cl alive && [ "$rc" = 0 ] || explain cl; }
check "rvtest= still finds its attack (a hostile guest is killed), and the host powers off" hostile_ok
