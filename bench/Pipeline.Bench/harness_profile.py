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
import verdicts  # noqa: E402
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


def count_program_time():
    """The program's own run time: the 'elapsed' each test's report carries (measured in the child)."""
    original = verdicts.parse_report

    def wrapper(line):
        report = original(line)
        if isinstance(report, dict) and isinstance(report.get("elapsed"), (int, float)):
            totals["program's own run time (reported by the child)"] += report["elapsed"]
            counts["program's own run time (reported by the child)"] += 1
        return report
    verdicts.parse_report = wrapper


timed(worker, "handle", "a whole request: parse, grade, build reply")
timed(worker, "grade", "b   grade (after the request is parsed)")
timed(worker.Child, "send", "c     send the inputs to the pre-forked child")
timed(worker.Link, "send", "d     commands to the child (one per test)")
timed(worker.Link, "receive", "e     wait for a report (setup, compile, each test)")
timed(worker.Child, "finish", "f after the reply: kill the child, wait, wipe its dir")
timed(worker.Child, "__init__", "g after the reply: fork the next child (namespaces) via the fork server")
count_program_time()

try:
    sandboxed_worker.main(sys.argv[2:])
finally:
    print("harness phases (total s, count, mean ms):", file=sys.stderr)
    for phase in sorted(totals):
        print(f"  {phase:<72} {totals[phase]:9.3f} s {counts[phase]:7} x {totals[phase] * 1000 / counts[phase]:8.2f} ms",
              file=sys.stderr)
    sys.stderr.flush()
    os._exit(0)
