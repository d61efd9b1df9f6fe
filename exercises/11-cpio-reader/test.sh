# Grading tests of exercise 11 (tools/grade runs them in the graded tree).
# Guests boot from archives the grader wrote for this run (craft.py), each
# with one lie in the header of /data/bad; the guest runs the grader's
# probe from that archive, which prints what it finds of /data/a, /data/bad
# and /data/c, and the grader computes the right line itself.
probe cpioprobe
cases=$(python3 "$EXDIR/craft.py" build "$TOKEN" build/user)
in=
for c in $cases; do in="${in}ringvisor /boot/kernel.elf /bin/cpio-$c -- cpioprobe $TOKEN-$c /data/a /data/bad /data/c\npoweroff\n"; done
session cp "${in}$(mark alive)\npoweroff\n"
found() { for c in "$@"; do python3 "$EXDIR/craft.py" judge "$TOKEN" "$c" "$tmp/cp.log" || { explain cp; return 1; }; done; }
check "a good archive: every member is found with its bytes" found good
check "a member whose data runs past the end of the archive stops the walk" found pastend
check "a data size that wraps around 2^32 stops the walk" found sizewrap
check "a name size that is 0 or wraps around 2^32 stops the walk" found namezero namewrap
check "a name without its NUL stops the walk" found nonul
alive() { marked cp alive && [ "$rc" = 0 ] || explain cp; }
check "the host answers and powers off cleanly" alive
