"""Where the warm worker's time goes, per phase, for the bench only: runs the harness's own sandboxed worker
(per-sample namespaces and limits, as in production, but not inside bubblewrap) on worker requests read from
stdin, with timers wrapped around its phases. Nothing in the harness is changed; replies go to stdout as
usual, the table to stderr at the end.

argv: HARNESS_DIR [worker arguments]
"""
import collections
import os
import sys
import time

sys.path.insert(0, sys.argv[1])
import sandboxed_worker  # noqa: E402
import worker  # noqa: E402

totals = collections.defaultdict(float)
counts = collections.Counter()


def timed(owner, name, phase):
    original = getattr(owner, name)

    def wrapper(*args, **kwargs):
        started = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            totals[phase] += time.perf_counter() - started
            counts[phase] += 1
    setattr(owner, name, wrapper)


# What ended each wait for a report, so the wait splits into the child's start (request read, inputs mapped, limits),
# the program's compile (the official import header included) and each test's run: the program's own run time, with
# the official stdin or call mocks around it. The namespaces were set up before, while the child waited (after g).
A_TEST = "e3      a test: the program's own run time, official mocks included"
REPORT_PHASES = {"started": "e1      the child reads its request (namespaces already set up)",
                 "compiled": "e2      the program's compile (import header included)",
                 "stdout": A_TEST, "value": A_TEST, "raised": A_TEST}


def split_receive_by_report():
    original = worker.Link.receive

    def wrapper(self):
        started = time.perf_counter()
        report = original(self)
        keys = report.keys() if isinstance(report, dict) else ()
        phase = next((REPORT_PHASES[key] for key in keys if key in REPORT_PHASES), "e4      any other report")
        totals[phase] += time.perf_counter() - started
        counts[phase] += 1
        return report
    worker.Link.receive = wrapper


timed(worker, "handle", "a whole request: parse, grade, build reply")
timed(worker, "grade", "b   grade (after the request is parsed)")
timed(worker.Child, "send", "c     send the inputs to the pre-forked child")
timed(worker.Link, "send", "d     commands to the child (one per test)")
split_receive_by_report()
timed(worker.Link, "receive", "e     wait for a report (start, compile, each test)")
timed(worker.Child, "finish", "f after the reply: kill the child, wait, wipe its dir")
timed(worker.Child, "__init__", "g after the reply: fork the next child (namespaces) via the fork server")

try:
    sandboxed_worker.main(sys.argv[2:])
finally:
    print("harness phases (total s, count, mean ms):", file=sys.stderr)
    for phase in sorted(totals):
        print(f"  {phase:<72} {totals[phase]:9.3f} s {counts[phase]:7} x {totals[phase] * 1000 / counts[phase]:8.2f} ms",
              file=sys.stderr)
    sys.stderr.flush()
    os._exit(0)
