"""Makes the prediction scenarios' parity files: model answers (ours, deterministic) and what the official
runner's own functions give on them (its prompts, extraction, checks and metric files).

    /usr/bin/python3 make_parity_files.py /work/lcb-official     (from tests/data/scenarios)

Inputs written here (generation files in the official layout, output_list = raw answers):
  testoutput.generations.json   5 answers for each of the 129 bundled test_generation rows
  execution.generations.json    5 answers for each of the 40 execution fixture rows (direct prompt)
  execution_cot.generations.json  3 answers for 12 of them (cot prompt)
Expected, by the official code imported from the checkout given (never copied here):
  *.official.eval_all.json / *.official.eval.json   as runner/main.py writes them for each scenario
  prompts.official.jsonl        format_prompt_test_output / format_prompt_execution(_cot) for OpenAIChat
The official runner has pandas loaded when it grades code execution (its parent imports datasets); so
does this script. Modules the official imports but these functions never use (datasets, anthropic) are stubbed.
Answers that hang the official process (an eval with no time limit) are not fed to it: see the unit tests.
"""
import json
import os
import sys
import types
from datetime import datetime, timezone

import pandas  # noqa: F401  loaded in the official grading parent too

HERE = os.getcwd()
sys.path.insert(0, sys.argv[1])
os.chdir(sys.argv[1])  # the official prompts module reads its few-shot files relative to the checkout
sys.modules.setdefault("datasets", types.SimpleNamespace(load_dataset=None))
sys.modules.setdefault("anthropic", types.SimpleNamespace(HUMAN_PROMPT="\n\nHuman:", AI_PROMPT="\n\nAssistant:"))
from lcb_runner.benchmarks.code_execution import CodeExecutionProblem  # noqa: E402
from lcb_runner.benchmarks.test_output_prediction import TestOutputPredictionProblem  # noqa: E402
from lcb_runner.evaluation.compute_code_execution_metrics import code_execution_metrics  # noqa: E402
from lcb_runner.evaluation.compute_test_output_prediction_metrics import test_output_metrics  # noqa: E402
from lcb_runner.evaluation.pass_k_utils import extract_instance_results  # noqa: E402
from lcb_runner.lm_styles import LMStyle  # noqa: E402
from lcb_runner.prompts.code_execution import format_prompt_execution, format_prompt_execution_cot  # noqa: E402
from lcb_runner.prompts.test_output_prediction import format_prompt_test_output  # noqa: E402
from lcb_runner.utils.extraction_utils import extract_execution_code, extract_test_output_code  # noqa: E402

os.chdir(HERE)

DATA = "../lcb"


def load(path):
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def as_date(value):
    if isinstance(value, int):
        return datetime.fromtimestamp(value / 1000, tz=timezone.utc).replace(tzinfo=None)
    return datetime.fromisoformat(value)


def call_of(problem):
    return f"{problem.function_name}({', '.join(problem.test[0].input.split(chr(10)))})"


def testoutput_answers(i, problem):
    expected = repr(json.loads(problem.test[0].output))
    call = call_of(problem)
    quirks = [
        f"The output is:\n```python\nassert {call} == {expected}\n```",
        f"{json.loads(problem.test[0].output)!r}",
        problem.test[0].output,
        f"```python\n# assert {call} == 0\nassert {call} == {expected}\n```\nDone.",
        f"assert {call} != {expected}",
        f"```\nassert {call} == __import__('os').system('echo pwned > /tmp/lcb-parity-pwned')\n```",
        f"```python\nassert {call} == tuple({expected}) if isinstance({expected}, list) else {expected}\n```",
        "```python\nassert f() == exit()\n```",
        f"assert {call} == {expected} # trailing comment",
        "no code at all",
        f"```python\nprint('x')\n```",
        f"assert {call} == json.loads({json.dumps(problem.test[0].output)})",
    ]
    return [
        f"```python\nassert {call} == {expected}\n```",
        f"```python\nassert {call} == {expected!r}\n```",
        quirks[i % len(quirks)],
        quirks[(i + 5) % len(quirks)],
        f"Let me think.\nassert {call} == [{expected}]\nassert {call} == {expected}",
    ]


def execution_answers(i, row):
    out, call = row["output"], row["input"]
    hostile = [
        f"__import__('os').system('echo pwned > /tmp/lcb-parity-pwned') or {out}",
        "exit()",
        f"pd.Series([{out}]).tolist()[0]",
        f"{out}, 1",
        f"print(1) or {out}",
        f"{out} or True",
        "__import__('os')._exit(0)",
        f"np.array({out}).tolist()",
        "[i for i in range(10**9)]",
        f"{out}\n[/ANSWER]",
    ]
    answers = [
        f"[ANSWER]\nassert {call} == {out}\n[/ANSWER]",
        f"assert {call} == {out}0",
        f"assert {call} == {call}",
        f"[ANSWER]\nassert {call} == {hostile[i % len(hostile)]}\n[/ANSWER]",
        f"{out}",
    ]
    if i == 3:  # every answer contains the call: the official graded list is all False
        answers = [f"assert {call} == {call}"] * 5
    return answers


def execution_cot_answers(i, row):
    out, call = row["output"], row["input"]
    return [
        f"[THOUGHT]\nStep by step.\n[/THOUGHT]\n[ANSWER]\nassert {call} == {out}\n[/ANSWER]",
        f"The function returns {out}.\n[ANSWER]\nassert {call} == None\n[/ANSWER]",
        f"[ANSWER]assert {call} == {out}[/ANSWER] and [ANSWER] 0 [/ANSWER]",
    ]


def evaluate(problems, outputs, extract, metrics_of):
    """runner/main.py for a finished generation: combine_results, get_metrics, extract_instance_results, insert_output_evaluation."""
    combined = [(o, [extract(x) for x in o]) for o in outputs]
    metrics = metrics_of([p.get_evaluation_sample() for p in problems], [c for _, c in combined])
    graded = extract_instance_results(metrics[1])
    return metrics, [p.insert_output_evaluation(o, c, g) for p, (o, c), g in zip(problems, combined, graded)]


def write(name, value):
    with open(name, "w") as f:
        json.dump(value, f, indent=4)


def main():
    prompts = []
    rows = load(f"{DATA}/test_generation.sample.jsonl")
    problems = sorted([TestOutputPredictionProblem(**{**r, "contest_date": as_date(r["contest_date"])}) for r in rows],
                      key=lambda p: (p.question_id, p.test_id))
    outputs = [testoutput_answers(i, p) for i, p in enumerate(problems)]
    write("testoutput.generations.json", [p.insert_output(o, o) for p, o in zip(problems, outputs)])
    metrics, evals = evaluate(problems, outputs, lambda x: extract_test_output_code(x, LMStyle.OpenAIChat),
                              lambda s, g: test_output_metrics(s, g, k_list=[1, 5]))
    write("testoutput.official.eval.json", metrics)
    write("testoutput.official.eval_all.json", evals)
    prompts += [{"scenario": "testoutputprediction", "key": f"{p.question_id}/{p.test_id}",
                 "messages": format_prompt_test_output(p, LMStyle.OpenAIChat)} for p in problems]

    rows = load(f"{DATA}/execution.fixture.jsonl")
    problems = sorted([CodeExecutionProblem(**{**r, "contest_date": as_date(r["contest_date"])}) for r in rows],
                      key=lambda p: int(p.id.split("_")[1]))
    for name, chosen, answers, cot in (("execution", problems, execution_answers, False),
                                       ("execution_cot", problems[:12], execution_cot_answers, True)):
        outputs = [answers(i, vars(p)) for i, p in enumerate(chosen)]
        write(f"{name}.generations.json", [p.insert_output(o, o) for p, o in zip(chosen, outputs)])
        metrics, evals = evaluate(chosen, outputs, lambda x: extract_execution_code(x, LMStyle.OpenAIChat, cot=cot), code_execution_metrics)
        write(f"{name}.official.eval.json", metrics)
        write(f"{name}.official.eval_all.json", evals)
        format_prompt = format_prompt_execution_cot if cot else format_prompt_execution
        prompts += [{"scenario": "codeexecution", "cot": cot, "key": p.id, "messages": format_prompt(p, LMStyle.OpenAIChat)} for p in chosen]
    with open("prompts.official.jsonl", "w") as f:
        for prompt in prompts:
            f.write(json.dumps(prompt) + "\n")


if __name__ == "__main__":
    main()
