"""The official test loop in one process, for the bench only (official_runner_equivalent.py): the Executor
never runs it (its child reports outcomes and its worker judges them, decision 008), so it lives out of the
harness, whose every byte is part of the grader version. Built on lcb_grader's official pieces."""
import faulthandler
import json
import signal
import time

from lcb_grader import (IMPORT_HEADER, WRAPPED_FUNCTION, CapturedStdout, compare_stdout, lookup, on_alarm,
                        run_with_stdin, compile_sample, reliability_guard, strip_main_guard, truncate, wrap_in_function)


def _failure(code, message, exc, inputs, expected):
    return {"error": repr(exc), "error_code": code, "error_message": message,
            "inputs": truncate(inputs), "expected": truncate(expected)}


def _exception_failure(results, exc, inputs, expected):
    if "timeoutexception" in repr(exc).lower():
        results.append(-3)
        return results, _failure(-3, "Time Limit Exceeded", exc, inputs, expected)
    results.append(-4)
    return results, _failure(-4, "Runtime Error", exc, inputs, expected)


def grade_call_based(code, inputs, outputs, fn_name, timeout):
    compiled = compile_sample(IMPORT_HEADER + "\n\n" + code, timeout)
    method = lookup(compiled, fn_name)
    if method is None:
        return None
    arguments = [[json.loads(line) for line in text.split("\n")] for text in inputs]
    expectations = [json.loads(text) for text in outputs]
    results, elapsed = [], 0
    for args, expected in zip(arguments, expectations):
        signal.alarm(timeout)
        faulthandler.enable()
        try:
            start = time.time()
            prediction = method(*args)
            elapsed += time.time() - start
            signal.alarm(0)
            if isinstance(prediction, tuple):
                prediction = list(prediction)
            verdict = prediction == expected
            results.append(verdict)
            if not verdict:
                return results, {"output": truncate(prediction), "inputs": truncate(args),
                                 "expected": truncate(expected), "error_code": -2, "error_message": "Wrong Answer"}
        except Exception as exc:
            signal.alarm(0)
            return _exception_failure(results, exc, args, expected)
        finally:
            signal.alarm(0)
            faulthandler.disable()
    return results, {"execution time": elapsed}


def grade_stdio(code, inputs, outputs, timeout):
    compiled = compile_sample(wrap_in_function(strip_main_guard(code)), timeout)
    method = lookup(compiled, WRAPPED_FUNCTION)
    if method is None:
        return None
    results, elapsed = [], 0
    for test_input, expected in zip(inputs, outputs):
        signal.alarm(timeout)
        faulthandler.enable()
        with CapturedStdout() as captured:
            try:
                start = time.time()
                run_with_stdin(method, test_input)
                elapsed += time.time() - start
                signal.alarm(0)
            except Exception as exc:
                signal.alarm(0)
                return _exception_failure(results, exc, test_input, expected)
            finally:
                signal.alarm(0)
                faulthandler.disable()
        wrong = compare_stdout(captured[0], expected, test_input)
        if wrong is not None:
            results.append(-2)
            return results, wrong
        results.append(True)
    return results, {"execution time": elapsed}


def run_sample(code, inputs, outputs, fn_name, timeout):
    """The official run_test for one sample. Call in a disposable process: it disables os functions."""
    signal.signal(signal.SIGALRM, on_alarm)
    reliability_guard()
    signal.alarm(timeout)
    try:
        if fn_name is None:
            results, metadata = grade_stdio(code, inputs, outputs, timeout)
        else:
            results, metadata = grade_call_based(code, inputs, outputs, fn_name, timeout)
        return results, metadata
    except Exception as exc:
        return [-4], {"error_code": -4, "error_message": f"Error during testing: {exc}"}
    finally:
        signal.alarm(0)
