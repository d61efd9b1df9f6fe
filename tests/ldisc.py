#!/usr/bin/env python3
"""tests/ldisc.py -- the console's line discipline (chapter 1, "Console
input: the line discipline"), as a model a test can run: write a paste of
random bytes, and predict what pastecount reports after reading it.

usage: tests/ldisc.py paste SEED SIZE FILE   write SIZE bytes (hard cases, then random)
                                             and the end line
       tests/ldisc.py predict FILE          print pastecount's line, and where each
                                             typed byte went
"""
import random
import sys

LINEMAX = 256
CTRL_C, CTRL_D, CTRL_U, BS, DEL, CR, NL = 3, 4, 0x15, 8, 0x7F, 13, 10
END = b"\nEND-OF-PASTE\n"
# The hard cases first: ends of file right after a newline, after a line
# ended by ^D, after ^C and ^U, and erasing past an empty line.
HARD = b"a\x04\x04b\n\x04\x04\x04c\x04\n\x03\x04x\n\x03\x03\x04y\x04\x04\n\x15\x04z\x7f\x7f\x04\n"


def segments(paste, fate):
    """The reads a reader gets from typing paste, by the rules of the line
    discipline; fate counts where each typed byte went."""
    edit, out = [], []
    for c in paste:
        if c == CR:
            c = NL
        if c in (BS, DEL):
            fate["control"] += 1
            if edit:
                edit.pop()
                fate["erased"] += 1
        elif c == CTRL_U:
            fate["control"] += 1
            fate["killed by ^U"] += len(edit)
            edit = []
        elif c == CTRL_C:
            fate["control"] += 1
            fate["thrown away by ^C"] += len(edit)
            edit = []
        elif c == CTRL_D:
            fate["control"] += 1
            out.append(bytes(edit))
            edit = []
        elif c == NL:
            edit.append(NL)
            out.append(bytes(edit))
            edit = []
        elif len(edit) < LINEMAX - 1:
            edit.append(c)
        else:
            fate["dropped past LINEMAX"] += 1
    fate["still being typed"] = len(edit)
    return out


def predict(paste):
    fate = {k: 0 for k in ("control", "erased", "killed by ^U", "thrown away by ^C",
                           "dropped past LINEMAX")}
    segs = segments(paste, fate)
    end = segs.index(b"END-OF-PASTE\n")
    segs = segs[:end]
    h = 2166136261
    for s in segs:
        h = ((h ^ 0x100) * 16777619) & 0xFFFFFFFF
        for b in s:
            h = ((h ^ b) * 16777619) & 0xFFFFFFFF
    delivered = sum(len(s) for s in segs)
    line = "pastecount: %d bytes in %d reads, %d ends of file, hash %08x" % (
        delivered, len(segs), sum(1 for s in segs if not s), h)
    typed = len(paste) - len(END)
    where = ", ".join("%d %s" % (v, k) for k, v in fate.items() if v and k != "still being typed")
    # The newline before END-OF-PASTE finishes the paste's last line: one
    # byte delivered that the paste itself did not type.
    return line, "%d typed: %d delivered, %s" % (typed, delivered - 1, where)


def main(argv):
    if len(argv) == 5 and argv[1] == "paste":
        rnd = random.Random(int(argv[2]))
        data = HARD + bytes(rnd.randrange(256) for _ in range(int(argv[3]) - len(HARD)))
        with open(argv[4], "wb") as f:
            f.write(data + END)
        return 0
    if len(argv) == 3 and argv[1] == "predict":
        with open(argv[2], "rb") as f:
            line, where = predict(f.read())
        print(line)
        print(where)
        return 0
    sys.stderr.write(__doc__)
    return 0 if len(argv) > 1 and argv[1] in ("-h", "--help") else 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
