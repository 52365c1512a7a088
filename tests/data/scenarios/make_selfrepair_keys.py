"""Writes selfrepair.official.keys.json: the keys, in order, of one row of a self-repair eval_all.json as the official
runner writes it (runner/main.py: CodeGenerationProblem.insert_output_evaluation with metadata and original_code_list),
by the official code imported from the checkout given (never copied here).

    /usr/bin/python3 make_selfrepair_keys.py /work/lcb-official     (from tests/data/scenarios)
"""
import json
import sys
import types

sys.path.insert(0, sys.argv[1])
sys.modules.setdefault("datasets", types.SimpleNamespace(load_dataset=None))
from lcb_runner.benchmarks.code_generation import CodeGenerationProblem  # noqa: E402

problem = CodeGenerationProblem(
    question_title="t", question_content="c", platform="atcoder", question_id="abc000_a", contest_id="abc000",
    contest_date="2024-01-01T00:00:00", starter_code="", difficulty="easy", public_test_cases="[]", private_test_cases="[]",
    metadata="{}",
)
row = problem.insert_output_evaluation(["out"], ["code"], [True], metadata=["{}"], original_code_list=["original"])
with open("selfrepair.official.keys.json", "w") as f:
    json.dump(list(row), f, indent=1)
    f.write("\n")
