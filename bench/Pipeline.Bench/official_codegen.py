"""Runs the REAL official LCB runner's code-generation evaluation on a problems file and a generations
file, for the bench only. Nothing of the official runner is copied here: it is imported from the
checkout given on the command line and called as its codegen_metrics calls it: evaluate_generations on
one sample per entry (codegen_metrics itself insists every problem has as many samples as the first).

argv: OFFICIAL_CHECKOUT PROBLEMS.jsonl GENERATIONS.jsonl WORKERS TIMEOUT RESULTS_OUT.json

Needs Debian's python3-numpy and python3-tqdm. Two imports are sidestepped, neither on the grading
path: lcb_runner/evaluation/__init__.py (it imports the code-execution scenario, which needs pandas)
and the `datasets` module (the benchmark loader imports it at module level; only the hub loader uses it).
Prints the seconds evaluate_generations took; writes per-sample results and metadata in file order.
"""
import json
import os
import sys
import time
import types


def import_official(checkout):
    sys.path.insert(0, checkout)
    evaluation = types.ModuleType("lcb_runner.evaluation")
    evaluation.__path__ = [os.path.join(checkout, "lcb_runner", "evaluation")]
    sys.modules["lcb_runner.evaluation"] = evaluation
    sys.modules.setdefault("datasets", types.ModuleType("datasets")).load_dataset = None
    from lcb_runner.benchmarks.code_generation import CodeGenerationProblem
    from lcb_runner.evaluation.compute_code_generation_metrics import evaluate_generations
    return CodeGenerationProblem, evaluate_generations


def read_rows(path):
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    if text.lstrip().startswith("["):
        return json.loads(text)
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def main(checkout, problems_path, generations_path, workers, timeout, out_path):
    CodeGenerationProblem, evaluate_generations = import_official(checkout)
    generations = {row["question_id"]: row["code_list"] for row in read_rows(generations_path)}
    fields = CodeGenerationProblem.__dataclass_fields__
    problems = {}
    for row in read_rows(problems_path):
        if row["question_id"] in generations:
            problems[row["question_id"]] = CodeGenerationProblem(**{k: v for k, v in row.items() if k in fields})
    linear = [(question_id, code) for question_id, codes in generations.items() for code in codes]
    samples = {question_id: problems[question_id].get_evaluation_sample() for question_id in problems}
    started = time.monotonic()
    results, metadata = evaluate_generations([samples[q] for q, _ in linear], [[code] for _, code in linear],
                                             num_process_evaluate=int(workers), timeout=int(timeout))
    elapsed = time.monotonic() - started
    with open(out_path, "w", encoding="utf-8") as out:
        json.dump([{"question_id": q, "results": results[i][0], "metadata": metadata[i][0]}
                   for i, (q, _) in enumerate(linear)], out, default=bool)
    print(f"{elapsed:.3f}")


if __name__ == "__main__":
    main(*sys.argv[1:7])
