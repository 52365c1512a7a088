"""The untrusted side of grading: runs a sample's code on test INPUTS and reports raw outcomes.

Runs in the per-sample child, in the same process as the sample's code, exactly as the official runner
runs it (lcb_grader's compile, stdin mocks, alarm, reliability_guard). It never sees the expected
outputs and never decides a verdict: everything it writes is untrusted data that the worker (parent)
checks with verdicts.py. Conversation (one JSON object per line each way is "reports"; commands are
bare words), see PROTOCOL.md "Inside the worker":

    child: {"compiled": true} | {"testing_error": str}
    stdin problems:
    parent: all                   -> child runs every test in turn, reporting each (the parent kills it
                                     at the first failure: one command per sample, not one per test)
    child: {"stdout": str} | {"raised": repr(exc)}    (per test; raised: -3/-4)
    call-based:
    parent: next                  -> child runs one test and reports
    child: {"value": <encoded>} | {"raised": repr(exc), "inputs": str}
    parent: next | output | inputs | (EOF: stop)
"""
import _signal
import faulthandler
import json
import os
import signal
import time

import lcb_grader as grader
import stdin_mocks
from value_codec import safe_encode

# What the official runner's `results, metadata = None` raises when the method is missing.
NO_METHOD = "cannot unpack non-iterable NoneType object"
# json.dumps(message, allow_nan=False) makes a new encoder for every report: one made before the fork spares each
# child its construction (copy-on-write faults, decision 019)
_REPORT_ENCODER = json.JSONEncoder(allow_nan=False)


class Channel:
    def __init__(self, commands, report_fd):
        self._commands = commands
        self._report_fd = report_fd

    def report(self, message):
        view = memoryview(_REPORT_ENCODER.encode(message).encode("utf-8") + b"\n")
        while view:
            view = view[os.write(self._report_fd, view):]

    def command(self):
        return self._commands.readline().strip().decode("ascii", "replace")


def run(request, channel, made_once):
    """The official run_test, minus the comparisons, which the parent makes. made_once: the worker's
    prepared.Prepared."""
    timeout = request["timeout"]
    # _signal's, not signal's: the latter wraps the previous handler in an enum, which costs the child about
    # 30 copy-on-write faults (decision 019) for a value nobody reads
    _signal.signal(signal.SIGALRM, grader.on_alarm)
    made_once.guard()  # taken already by the fork server of program samples: then nothing to do
    signal.alarm(timeout)
    try:
        if request.get("fn_name") is None:
            program = request["code"] if request.get("wrapped") else grader.stdin_program(request["code"])
            _run_stdio(program, request["inputs"], timeout, channel, made_once)
        else:
            _run_call_based(request["code"], request["inputs"], request["fn_name"], timeout, channel, made_once.header)
    except Exception as exc:
        channel.report({"testing_error": str(exc)})
    finally:
        signal.alarm(0)


def _run_stdio(program, inputs, timeout, channel, made_once):
    """program: the code as stdin_program made it (in the worker, or in run for a long one)."""
    compiled = grader.compile_sample(program, timeout, made_once.header)
    method = grader.lookup(compiled, grader.WRAPPED_FUNCTION)
    if method is None:
        raise TypeError(NO_METHOD)
    channel.report({"compiled": True})
    if channel.command() != "all":
        return
    for test_input in inputs:
        signal.alarm(timeout)
        faulthandler.enable()
        with grader.CapturedStdout() as captured:
            try:
                start = time.time()  # the official's own calls: a sample that breaks time.time fails here as there
                stdin_mocks.run_with_stdin(method, test_input, made_once.open)
                time.time() - start
                signal.alarm(0)
            except Exception as exc:
                signal.alarm(0)
                channel.report({"raised": repr(exc)})
                return
            finally:
                signal.alarm(0)
                faulthandler.disable()
        channel.report({"stdout": captured[0]})


def _run_call_based(code, inputs, fn_name, timeout, channel, header):
    compiled = grader.compile_sample(grader.IMPORT_HEADER + "\n\n" + code, timeout, header)
    method = grader.lookup(compiled, fn_name)
    if method is None:
        raise TypeError(NO_METHOD)
    arguments = [[json.loads(line) for line in text.split("\n")] for text in inputs]
    channel.report({"compiled": True})
    last = None
    while True:
        command = channel.command()
        if command == "next" and arguments:
            last = _call_one(method, arguments.pop(0), timeout, channel)
            if last is None:
                return
        elif command == "output" and last is not None:
            return _describe(*last, channel)
        elif command == "inputs" and last is not None:
            return channel.report({"inputs": grader.truncate(last[1])})
        else:
            return


def _call_one(method, args, timeout, channel):
    """One test as official, up to the comparison; (prediction, args), or None when it raised."""
    signal.alarm(timeout)
    faulthandler.enable()
    try:
        start = time.time()  # as official (see _run_stdio); the worker measures the time it reports
        prediction = method(*args)
        time.time() - start
        signal.alarm(0)
        if isinstance(prediction, tuple):
            prediction = list(prediction)
    except Exception as exc:
        signal.alarm(0)
        channel.report({"raised": repr(exc), "inputs": grader.truncate(args)})
        return None
    finally:
        signal.alarm(0)
        faulthandler.disable()
    channel.report({"value": safe_encode(prediction)})
    return prediction, args


def _describe(prediction, args, channel):
    """The official wrong-answer metadata strings (str() of the sample's objects runs here, as official)."""
    try:
        report = {"output": grader.truncate(prediction), "inputs": grader.truncate(args)}
    except Exception as exc:
        report = {"raised": repr(exc), "inputs": grader.truncate(args)}
    channel.report(report)
