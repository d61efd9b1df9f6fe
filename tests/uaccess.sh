# One user-memory access path (chapter 1, "check and copy user memory"):
# every system call that takes a user buffer, given one in a page nobody
# has touched (demand-zero, or shared copy on write after fork), works as
# on Linux, and fails with EFAULT exactly where Linux does; natively and
# in a guest.  The oracle is the same binary run on this Linux.
. tests/lib.inc

need kernel.elf user/uaccess
scratch_dirs
trap "" PIPE
build/user/uaccess >"$tmp/linux.out" 2>&1
converse uacc prompt 'say uaccess\n' 'await ^uaccess: done' prompt \
  'say ringvisor /boot/kernel.elf /boot/initrd.cpio -- uaccess\n' 'await ^uaccess: done' prompt \
  'say poweroff\n' 'await guest shut down' prompt 'say poweroff\n'
grep -a '^uaccess: ' "$tmp/uacc.log" >"$tmp/both.lines"
n=$(grep -c '^uaccess: done' "$tmp/linux.out")
half=$(( $(wc -l <"$tmp/both.lines") / 2 ))
head -n "$half" "$tmp/both.lines" >"$tmp/native.lines"
tail -n +"$((half + 1))" "$tmp/both.lines" >"$tmp/guest.lines"
same_as_linux() {   # same_as_linux WORLD
  [ "$rc" = 0 ] && [ "$n" = 1 ] && cmp -s "$tmp/linux.out" "$tmp/$1.lines" ||
    { diff "$tmp/linux.out" "$tmp/$1.lines" | head -n 8 | sed 's/^/  /'; explain uacc; }
}
check "every system call with a user buffer works on untouched and copy-on-write pages, natively, as on Linux" same_as_linux native
check "every system call with a user buffer works on untouched and copy-on-write pages in a guest, as on Linux" same_as_linux guest
