"""The harness's stdin mocks (made on first use, harness/stdin_mocks.py) against the official call_method: each probe
program runs on each input under both, and every line it prints must be the same. Prints the differences and a count.

    /usr/bin/python3 bench/official/stdin_mocks_differential.py /work/lcb-official

Imports the official code from the checkout given; never copies it.
"""
import io
import os
import sys

HARNESS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "src", "Pipeline.Grading", "harness")
sys.path.insert(0, sys.argv[1])
sys.path.insert(1, HARNESS)
from lcb_runner.evaluation import testing_util as official  # noqa: E402
import prepared  # noqa: E402
import stdin_mocks  # noqa: E402

PROBES = {
    "lines": """
a = sys.stdin.readline(); b = sys.stdin.readline(3); c = sys.stdin.readline(); t = sys.stdin.tell()
d = sys.stdin.read(); e = sys.stdin.readlines(); sys.stdin.seek(0); f = sys.stdin.readline(); g = sys.stdin.readline()
print(repr((a, b, c, t, d, e, f, g, sys.stdin.buffer.read(), sys.stdin.buffer.readline(), type(sys.stdin).__name__)))
print(type(sys.stdin.buffer).__name__, sys.stdin.inputs == sys.stdin.read())
""",
    "input": """
out = []
try:
    while True: out.append(input())
except EOFError as e: out.append(repr(e))
out.append(sys.stdin.readline()); out.append(sys.stdin.tell()); print(out)
""",
    "reassign": """
sys.stdin.inputs = 'zz\\n'; print(repr(sys.stdin.read()), repr(sys.stdin.readline()), repr(sys.stdin.readlines()), sys.stdin.tell())
sys.stdin.buffer.inputs = b'q'; print(sys.stdin.buffer.read(), sys.stdin.buffer.readline())
""",
    "iterate": """
try:
    for line in sys.stdin: print(line)
except Exception as e: print(repr(e))
print(next(iter(sys.stdin.readline, '')), list(iter(sys.stdin.readline, '')))
""",
    "close": """
print(repr(sys.stdin.readline())); sys.stdin.close()
try: sys.stdin.readline()
except Exception as e: print(repr(e))
print(sys.stdin.closed, repr(sys.stdin.read()))
""",
    "open": """
f = open(0); print(repr(f.readline()), repr(f.read()), [l for l in open('x')], repr(open(0).readlines()), open.call_count)
print(repr(open.return_value.read()))
""",
    "attributes": """
try: sys.stdin.buffer.nope
except AttributeError as e: print(repr(e))
print(sys.stdin.readline(-1), sys.stdin.readline(None), repr(sys.stdin.getvalue()[:5]), sys.stdin.readable(), sys.stdin.newlines)
""",
    "fileno": """
try: sys.stdin.fileno()
except Exception as e: print(repr(e), type(e).__name__, str(e))
print(input(), sys.stdin.tell())
try: sys.stdin.fileno()
except Exception as e: print(repr(e))
""",
    "mixed": """
print(repr(sys.stdin.readline()), repr(sys.stdin.readline(0)), repr(sys.stdin.readline()), repr(sys.stdin.read(2)))
print(repr(sys.stdin.readline()), repr(sys.stdin.readline()), repr(sys.stdin.readline()))
""",
}
INPUTS = ["1 2\n3 4\n\nlast", "héllo wörld\r\nsecond\n", "", "x"]


def printed(run, code, inputs):
    scope = {"sys": sys}
    exec("def program():\n" + "\n".join("    " + line for line in code.strip("\n").split("\n")), scope)
    captured, saved = io.StringIO(), sys.stdout
    sys.stdout = captured
    try:
        run(scope["program"], inputs)
    except BaseException as exc:  # the same exception must escape both
        print("raised", repr(exc))
    finally:
        sys.stdout = saved
    return captured.getvalue()


def main():
    opens = prepared.PreparedOpen()  # the first run gets the prepared mock_open, later ones new ones, as in a child
    ours = lambda method, inputs: stdin_mocks.run_with_stdin(method, inputs, opens)  # noqa: E731
    differences = 0
    for name, code in PROBES.items():
        for inputs in INPUTS:
            expected, actual = printed(official.call_method, code, inputs), printed(ours, code, inputs)
            if expected != actual:
                differences += 1
                print(f"{name} on {inputs!r}:\n  official: {expected!r}\n  ours:     {actual!r}")
    print(f"{differences} of {len(PROBES) * len(INPUTS)} runs differ")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
