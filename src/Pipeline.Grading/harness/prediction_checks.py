"""Checks of the two prediction scenarios, the sample being a model's answer rather than a program.

- testoutput (test output prediction; official compute_test_output_prediction_metrics.py): the answer's
  asserted value (check_testcase_output's line choice and ast parse) is eval'ed in the child, under a time
  limit; the child reports the value (value_codec.encode) and the worker, which alone holds the expected
  output, compares it with json.loads(expected) using Python ==, as official. Eval or decode failing is False.
- execution (code execution; official compute_code_execution_metrics.py + utils_execute.py): the worker
  skips an answer that contains the call text (the official quirk). Officially the check program is
  BASE_IMPORTS + code + "assert {output} == {answer}" and its exit decides; here the worker parses that
  assert (ast only, nothing run) and sends the child the answer's part of it: the child runs
  BASE_IMPORTS + code as the official unsafe_execute does (reliability guard, swallowed I/O, 3 s
  ITIMER_REAL), evaluates the compared expression and reports its value (value_codec), never seeing the
  expected output; the worker compares ast.literal_eval(output) == value with Python ==. An answer that
  splices into `output == A or B ...` (the official text splice makes `3 == x or 3` pass) is followed:
  the child reports whether the alternatives `B or ...` are truthy, evaluated only after A. Any other
  splice (chained comparisons, `and`, several statements) is False here, as is an output that is not a
  Python literal.

This module is the worker's side (it alone holds the expected output); the child's side is prediction_child.py,
the official texts (BASE_IMPORTS, check_testcase_output's answer parsing) prediction_official.py.

Request (worker.py): tests == [{"input", "output", "testtype": "testoutput" | "execution"}], "code" is the
answer, "program" the code under test (execution). Reply results: [1] true, [0] false, [] skipped.
Known limits (docs/decisions/017-prediction-scenarios.md): the child cannot forge a verdict, only a value
the answer itself names (it never holds the expected output); a testoutput answer naming the official
function's locals (expected_output) is a NameError here.
"""
import ast
import json

import prediction_child
import value_codec
import verdicts
from prediction_official import BASE_IMPORTS

CHECKS = ("testoutput", "execution")
EXECUTION_TIMEOUT = 3  # official check_correctness(code_to_execute, 3)


def check_of(tests):
    """The prediction check these tests ask for, or None for the official program tests."""
    if len(tests) == 1 and tests[0].get("testtype") in CHECKS:
        return tests[0]["testtype"]
    return None


# ---- worker side (trusted: holds the expected output) ----

def grade(request, child, link_class, monotonic):
    test, answer = request["tests"][0], request["code"]
    check = test["testtype"]
    if check == "execution":
        if test["input"] in answer:  # official evaluate_score: `if i in g: pass`
            return {"results": [], "metadata": {"skipped": "the answer contains the input"}}
        expected, compared = _expected_output(test["output"]), _split_assert(test["output"], answer)
        if isinstance(expected, str) or isinstance(compared, str):
            return _false(expected if isinstance(expected, str) else compared)
        timeout = EXECUTION_TIMEOUT
        message = {"check": check, "program": f"{BASE_IMPORTS}\n{request.get('program') or ''}",
                   "answer": compared[0], "alternatives": compared[1]}
    else:
        timeout = max(1, int(round(float(request.get("timeout") or 6))))
        message = {"check": check, "answer": answer}
    message.update(inputs=[""], timeout=timeout)
    try:
        child.send(message)
    except BrokenPipeError:
        return {"fault": "the pre-forked child died before its sample"}
    link = link_class(child, monotonic() + timeout + 2)  # official: join(timeout + 1), then kill
    try:
        setup = link.receive()
        if value_codec.has_shape(setup, fault=str):
            return {"fault": setup["fault"][:verdicts.MAX_TEXT]}
        _require(value_codec.has_shape(setup, started=bool))
        report = link.receive()
        if check == "execution":
            return _execution_verdict(report, expected[0], link, compared[1] is not None)
        return _testoutput_verdict(report, test["output"])
    except (verdicts.ChildLost, value_codec.Malformed, RecursionError, MemoryError):
        return _false("timed out" if check == "execution" else "the check's process died")


def _expected_output(output):
    """The dataset's expected output (trusted text) as a 1-tuple, or why it cannot be compared. Rule: only
    a Python literal is accepted (ast.literal_eval); any other text grades every answer False, nothing is run."""
    try:
        return (ast.literal_eval(output),)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return "the expected output is not a Python literal"


def _split_assert(output, answer):
    """The official `assert {output} == {answer}`, parsed: (the expression compared with the output, the
    source of the `or` alternatives or None), or why it is False here (it is never run in the worker)."""
    try:
        statement = ast.parse(f"assert {output} == {answer}")
        left = ast.parse(output, mode="eval").body
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        return "the check program does not compile"
    if len(statement.body) != 1 or not isinstance(statement.body[0], ast.Assert):
        return "the answer adds statements to the check"
    test = statement.body[0].test  # the message is only evaluated once the assert has failed
    rest = []
    if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.Or):
        test, rest = test.values[0], test.values[1:]
    if not (isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], ast.Eq)
            and ast.dump(test.left) == ast.dump(left)):
        return "the answer does not splice into `output == answer [or ...]`"
    alternatives = ast.unparse(ast.BoolOp(op=ast.Or(), values=rest) if len(rest) > 1 else rest[0]) if rest else None
    return ast.unparse(test.comparators[0]), alternatives


def _execution_verdict(report, expected, link, alternatives):
    """Pass when the output equals the answer's value or, that failing, the child found the `or` alternatives
    truthy; either way only if the child then ends with nothing more said (a forger's line is one too many)."""
    if value_codec.has_shape(report, outcome=str):
        return _reported_failure(report)
    _require(value_codec.has_shape(report, value=object))
    value = value_codec.decode(report["value"])
    try:
        equal = bool(expected == value)  # official order: the output's __eq__ first
    except Exception as error:
        return _false(f"failed: {error!r}")
    if not equal and alternatives:
        link.send("alternatives")
        report = link.receive()
        if value_codec.has_shape(report, outcome=str):
            return _reported_failure(report)
        _require(value_codec.has_shape(report, truthy=bool))
        equal = report["truthy"]
    elif alternatives:
        link.send("end")
    if not equal:
        return _false("failed: AssertionError")
    if not link.ends_quietly():
        return _false("the child reported more than its value")
    return {"results": [1], "metadata": {"outcome": "passed"}}


def _reported_failure(report):
    return _false(f"the child reported: {report['outcome'][:verdicts.MAX_TEXT]}")


def _testoutput_verdict(report, expected_text):
    if value_codec.has_shape(report, raised=str):
        return _false(f"eval failed: {report['raised'][:verdicts.MAX_TEXT]}")
    _require(value_codec.has_shape(report, value=object))
    value = value_codec.decode(report["value"])
    try:
        expected = json.loads(expected_text)
    except Exception:
        return _false("the expected output is not JSON")
    try:
        equal = bool(value == expected)
    except Exception as error:  # e.g. an ndarray's ambiguous truth: the official runner crashes there
        return _false(f"comparison failed: {error!r}")
    return {"results": [1], "metadata": {}} if equal else _false("wrong answer")


def _false(reason):
    return {"results": [0], "metadata": {"error_message": reason}}


def run(request, channel):
    """The child's side of a check: prediction_child runs the answer."""
    prediction_child.run(request, channel)


def _require(condition):
    """A report of a shape no honest check child makes: treated as the child being lost."""
    if not condition:
        raise verdicts.ChildLost()
