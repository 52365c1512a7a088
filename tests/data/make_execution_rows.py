"""Builds lcb/execution.fixture.jsonl: code-execution rows in the livecodebench/execution-v2 schema.

No public copy of execution-v2 rows was available, so the rows are made here from the bundled LeetCode
problems (lcb/problems.jsonl) and solutions the official runner graded correct (lcb/generations/*eval_all*):
the Solution method becomes a plain function (self dropped; methods using self are left out), each public
test becomes a call `f(name = value, ...)`, and the output is repr() of what the function returns on it
(run here, with a step count from sys.settrace as numsteps). contest_date alternates between the ISO
string and epoch milliseconds, as hub exports carry either.
Usage: python3 make_execution_rows.py  (from tests/data; deterministic)
"""
import ast
import json
import sys
from datetime import datetime, timezone

LIMIT = 40
sys.path.insert(0, "../../services/Executor/harness")
from prediction_checks import BASE_IMPORTS  # noqa: E402  the official check runs the code after these imports


def load(path):
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def plain_function(code, name):
    tree = ast.parse(code)
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and node.name == "Solution":
            methods = [m for m in node.body if isinstance(m, ast.FunctionDef)]
            if len(methods) != 1 or methods[0].name != name:
                return None
            method = methods[0]
            if any(isinstance(n, ast.Name) and n.id == "self" for n in ast.walk(method)):
                return None
            method.args.args = method.args.args[1:]
            method.decorator_list = []
            return ast.unparse(method), [a.arg for a in method.args.args]
    return None


def steps(function, args):
    count = 0

    def tracer(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return tracer
    sys.settrace(tracer)
    try:
        result = function(*args)
    finally:
        sys.settrace(None)
    return result, count


def main():
    problems = {p["question_id"]: p for p in load("lcb/problems.jsonl") if p["platform"] == "leetcode"}
    solutions = {}
    for model in ("o1-mini", "qwen2.5-7b-instruct"):
        for row in load(f"lcb/generations/{model}.codegeneration.eval_all.jsonl"):
            if row["question_id"] in problems and row["question_id"] not in solutions:
                for code, ok in zip(row["code_list"], row["graded_list"]):
                    if ok:
                        solutions[row["question_id"]] = code
                        break
    rows = []
    for question_id in sorted(solutions, key=lambda q: (problems[q]["contest_date"], q)):
        problem = problems[question_id]
        name = json.loads(problem["metadata"])["func_name"]
        made = plain_function(solutions[question_id], name)
        if made is None:
            continue
        code, params = made
        namespace = {}
        exec(BASE_IMPORTS + "\n" + code, namespace)
        for test in json.loads(problem["public_test_cases"]):
            args = [json.loads(line) for line in test["input"].split("\n")]
            if len(args) != len(params):
                break
            try:
                result, numsteps = steps(namespace[name], [json.loads(json.dumps(a)) for a in args])
            except Exception:
                break
            call = f"{name}({', '.join(f'{p} = {a!r}' for p, a in zip(params, args))})"
            if len(call) > 400 or len(repr(result)) > 200:
                continue
            date = problem["contest_date"]
            if len(rows) % 3 == 2:
                date = int(datetime.fromisoformat(date).replace(tzinfo=timezone.utc).timestamp() * 1000)
            rows.append({
                "question_id": question_id, "contest_id": problem["contest_id"], "contest_date": date,
                "difficulty": problem["difficulty"], "function_name": name, "code": code, "input": call,
                "output": repr(result), "id": f"sample_{len(rows)}", "problem_id": question_id, "numsteps": numsteps,
            })
            break  # one call per problem
        if len(rows) >= LIMIT:
            break
    with open("lcb/execution.fixture.jsonl", "w") as f:
        for row in rows:
            f.write(json.dumps(row) + "\n")
    print(f"wrote {len(rows)} rows")


if __name__ == "__main__":
    main()
