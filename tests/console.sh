# The console as people use it (chapters 1, 3, 4): ^C and ^D at a shell,
# natively and in a guest; ^C ^C on a guest that listens to nothing.  Every
# key is typed only at a prompt or after a marker, as a person types.
. tests/lib.inc

need kernel.elf user/ringvisor
scratch_dirs
G='ringvisor /boot/kernel.elf /boot/initrd.cpio'
trap "" PIPE                    # a say after QEMU has gone must not end the test

# 1. ^C at a shell's prompt, then a command: natively, and in a guest
#    (where the first version went deaf: the ^C took its only buffer).
converse cprompt prompt 'say \003' 'await \^C' 'say echo after-c\n' 'await ^(\$ )*after-c$' \
  prompt "say $G\\n" 'await guest kernel up' prompt 'say \003' 'await \^C' \
  'say echo guest-after-c\n' 'await ^(\$ )*guest-after-c$' prompt 'say \003' 'await \^C' \
  'say poweroff\n' 'await guest shut down' prompt 'say echo host-after\n' \
  'await ^(\$ )*host-after$' prompt 'say poweroff\n'
ctrlc_prompt() {
  [ "$rc" = 0 ] && has cprompt '^(\$ )*after-c$' && has cprompt '^(\$ )*guest-after-c$' &&
    has cprompt 'guest shut down with status 0' && has cprompt '^(\$ )*host-after$' ||
    explain cprompt
}
check "^C at a shell prompt, then a command: natively and in a guest, the shell answers" ctrlc_prompt

# 2. ^D ends cat, once: the shell answers, natively and in a guest, and
#    a second cat reads on after a second ^D.
converse cateof prompt 'say cat\n' 'await ^(\$ )*cat$' 'say one\n' 'await ^one$' 'say \004' prompt \
  'say echo after-d\n' 'await ^(\$ )*after-d$' prompt \
  "say $G\\n" 'await guest kernel up' prompt 'say cat\n' 'await ^(\$ )*cat$' \
  'say two\n' 'await ^two$' 'say \004' prompt 'say cat\n' 'await ^(\$ )*cat$' \
  'say three\n' 'await ^three$' 'say \004' prompt 'say echo guest-after-d\n' \
  'await ^(\$ )*guest-after-d$' prompt 'say poweroff\n' 'await guest shut down' prompt \
  'say echo host-after\n' 'await ^(\$ )*host-after$' prompt 'say poweroff\n'
ctrld_cat() {
  [ "$rc" = 0 ] && [ "$(grep -c '^one$' "$tmp/cateof.log")" = 2 ] &&
    [ "$(grep -c '^three$' "$tmp/cateof.log")" = 2 ] &&
    has cateof '^(\$ )*after-d$' && has cateof '^(\$ )*guest-after-d$' &&
    has cateof '^(\$ )*host-after$' || explain cateof
}
check "^D ends cat once, natively and in a guest; the shell answers and reads on" ctrld_cat

# 3. ^C ^C stops a guest that listens to nothing: one spinning from its
#    first instruction (never kicks, never posts a buffer) and one whose
#    only input buffer has no bytes; the host's shell answers.
for mode in spinfirst zeroinput; do
  converse "$mode" prompt "say $G -- rvtest=$mode\\n" \
    'await rvtest: listening to nothing' 'say \003' 'await \^C' 'again stopping it' \
    prompt "say echo host-$mode\\n" "await ^(\\$ )*host-$mode\$" prompt 'say poweroff\n'
  deaf_stopped() {
    [ "$rc" = 0 ] && has "$1" 'did not take the last one: stopping it' &&
      has "$1" "^(\\$ )*host-$1\$" || explain "$1"
  }
  check "^C ^C stops a guest that listens to nothing (rvtest=$mode); the host's shell answers" deaf_stopped "$mode"
done

# 4. Process groups: the shell runs each command in its own group, in the
#    foreground; ^C ends that group and not a child that left it, natively
#    and in a guest.
#    (The shell prompts as soon as pgroup is gone, before or after the
#    child's last line; so after that line nothing waits for a prompt.)
converse pgroups prompt 'say pgroup\n' 'await pgroup: spinning' 'say \003' \
  'await the child in another group lives on' "say $G\\n" 'await guest kernel up' \
  prompt 'say pgroup\n' 'await pgroup: spinning' 'say \003' \
  'await the child in another group lives on' 'say poweroff\n' 'await guest shut down' \
  prompt 'say poweroff\n'
groups_ok() {
  [ "$rc" = 0 ] &&
    [ "$(grep -c 'pgroup: a group of its own: yes; in the foreground: yes' "$tmp/pgroups.log")" = 2 ] &&
    [ "$(grep -c 'the child in another group lives on' "$tmp/pgroups.log")" = 2 ] || explain pgroups
}
check "the shell runs each command in its own foreground group; ^C ends that group only, natively and in a guest" groups_ok

# 5. The device page is the guest's to write: a made-up device and a
#    console retyped as a disk are not believed by the launcher.
converse fakedevice prompt "say $G -- rvtest=fakedevice\\n" 'await which it does not have' prompt \
  'say echo alive\n' 'await ^(\$ )*alive$' prompt 'say poweroff\n'
fake_refused() {
  [ "$rc" = 0 ] && has fakedevice 'rvtest: device 2 is now of type 77' &&
    has fakedevice 'ringvisor: the guest kicked device 2, which it does not have' &&
    ! has fakedevice '\(null\)' && has fakedevice "${P}alive\$" || explain fakedevice
}
check "a device the guest adds to its device page is refused with the reason; the host goes on" fake_refused
converse retype prompt "say $G -- rvtest=retype\\n" 'await guest shut down' prompt \
  'say echo alive\n' 'await ^(\$ )*alive$' prompt 'say poweroff\n'
retype_refused() {
  [ "$rc" = 0 ] && has retype 'rvtest: device 0 is now of type 2' &&
    has retype 'rvtest: the guest goes on' && has retype 'guest shut down with status 0' &&
    ! has retype 'is broken' && has retype "${P}alive\$" || explain retype
}
check "a console the guest retypes as a disk in its device page is still served as a console" retype_refused

# 6. A paste of 262,145 random bytes, control characters and all, natively
#    and in a guest: what pastecount reads is what the line discipline's
#    rules predict (tests/ldisc.py), byte for byte, read for read; and where
#    every typed byte that did not arrive went.
python3 tests/ldisc.py paste 22 262145 "$tmp/paste"
python3 tests/ldisc.py predict "$tmp/paste" >"$tmp/predicted"
RV_TIMEOUT=900 AWAIT_SECONDS=400 converse paste prompt 'say pastecount\n' 'await pastecount: ready' \
  "send $tmp/paste" 'await pastecount: [0-9]+ bytes' prompt "say $G -- pastecount\\n" \
  'await pastecount: ready' "send $tmp/paste" 'await pastecount: [0-9]+ bytes' prompt \
  'say poweroff\n' 'await guest shut down' prompt 'say poweroff\n'
echo "  $(sed -n 2p "$tmp/predicted")"
grep -ao 'pastecount: [0-9]* bytes in .*' "$tmp/paste.log" >"$tmp/counted"
pasted() {   # pasted N: the Nth count (1 native, 2 guest) is the prediction
  [ "$rc" = 0 ] && [ "$(sed -n "$1p" "$tmp/counted")" = "$(sed -n 1p "$tmp/predicted")" ] ||
    { echo "  predicted: $(sed -n 1p "$tmp/predicted")"; echo "  counted:   $(sed -n "$1p" "$tmp/counted")"
      explain paste; }
}
check "a paste of random bytes arrives natively exactly as the line discipline predicts" pasted 1
check "a paste of random bytes arrives in a guest exactly as the line discipline predicts" pasted 2
