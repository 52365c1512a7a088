"""Samples/s of the official runner's metric functions on the prediction parity sets, to set beside `lcb grade`.

    /usr/bin/python3 bench/official/prediction_metrics_speed.py /work/lcb-official [workers]

Times test_output_metrics (serial, as the official runs it) and code_execution_metrics (ProcessPoolExecutor with
`workers` processes, default 2) on the already-extracted answers (pred_list) of tests/data/scenarios/*.official.eval_all.json.
Imports the official code from the checkout given; never copies it.
"""
import concurrent.futures
import json
import os
import sys
import time
import types

import pandas  # noqa: F401  loaded in the official grading parent too

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "data")
sys.path.insert(0, sys.argv[1])
sys.modules.setdefault("datasets", types.SimpleNamespace(load_dataset=None))
workers = int(sys.argv[2]) if len(sys.argv) > 2 else 2
_pool = concurrent.futures.ProcessPoolExecutor
concurrent.futures.ProcessPoolExecutor = lambda *a, **k: _pool(max_workers=workers)  # the official passes none (cpu count)
from lcb_runner.evaluation import compute_code_execution_metrics as execution  # noqa: E402
from lcb_runner.evaluation.compute_test_output_prediction_metrics import test_output_metrics  # noqa: E402

execution.ProcessPoolExecutor = concurrent.futures.ProcessPoolExecutor


def load(name):
    with open(os.path.join(HERE, "scenarios", f"{name}.official.eval_all.json")) as f:
        return json.load(f)


rows = {json.loads(line)["question_id"] + "/" + str(json.loads(line)["test_id"]): json.loads(line)
        for line in open(os.path.join(HERE, "lcb", "test_generation.sample.jsonl"))}
graded = load("testoutput")
samples = [{"output": json.loads(rows[f"{r['question_id']}/{r['test_id']}"]["test"])[0]["output"]} for r in graded]
start = time.perf_counter()
test_output_metrics(samples, [r["pred_list"] for r in graded], k_list=[1, 5])
elapsed = time.perf_counter() - start
count = sum(len(r["pred_list"]) for r in graded)
print(f"testoutputprediction official: {count} samples in {elapsed:.2f} s = {count / elapsed:.1f} samples/s (serial, in-process)")

for name in ("execution", "execution_cot"):
    graded = load(name)
    start = time.perf_counter()
    execution.code_execution_metrics([{"code": r["code"], "input": r["input"], "output": r["output"]} for r in graded],
                                     [r["pred_list"] for r in graded])
    elapsed = time.perf_counter() - start
    count = sum(len(r["pred_list"]) for r in graded)
    print(f"codeexecution ({name}) official: {count} samples in {elapsed:.2f} s = {count / elapsed:.1f} samples/s ({workers} workers)")
