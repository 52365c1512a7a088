"""Writes the expected prompts of the prompt parity tests by running the official builders.

Run beside the project, from the official runner's checkout (read-only; nothing of it is copied here):

    cd /path/to/LiveCodeBench && python3 /path/to/pipeline/tests/data/prompts/official_prompts.py /path/to/pipeline/tests/data

Modules the builders import but do not use for these styles (datasets, anthropic) are stubbed. For LLaMa3 the
official builder hands chat messages to a Hugging Face tokenizer's chat template; the stub records exactly the
messages it is given (Pipeline sends those and the server applies its template). Claude3's (system, messages)
pair is recorded as a system message followed by the messages, as Pipeline sends it to an OpenAI-compatible server.

Each line: a key and, per style, a digest of what is sent (see prompt_digest), or "error:<Exception>" where the
official builder crashes.
"""
import hashlib
import json
import os
import sys
import types
from datetime import datetime, timezone

sys.path.insert(0, os.getcwd())
sys.modules["datasets"] = types.SimpleNamespace(load_dataset=None)
sys.modules["anthropic"] = types.SimpleNamespace(HUMAN_PROMPT="\n\nHuman:", AI_PROMPT="\n\nAssistant:")


class _RecordingTokenizer:
    def apply_chat_template(self, messages, **_):
        return ("template", messages)


sys.modules["transformers"] = types.SimpleNamespace(
    AutoTokenizer=types.SimpleNamespace(from_pretrained=lambda *a, **k: _RecordingTokenizer()))

from lcb_runner.lm_styles import LMStyle  # noqa: E402
from lcb_runner.benchmarks.code_generation import CodeGenerationProblem  # noqa: E402
from lcb_runner.prompts.code_generation import format_prompt_generation  # noqa: E402
from lcb_runner.prompts.self_repair import format_prompt_self_repair, get_check_prompt  # noqa: E402
from lcb_runner.benchmarks.code_execution import CodeExecutionProblem  # noqa: E402
from lcb_runner.benchmarks.test_output_prediction import TestOutputPredictionProblem  # noqa: E402
from lcb_runner.prompts.code_execution import format_prompt_execution, format_prompt_execution_cot  # noqa: E402
from lcb_runner.prompts.test_output_prediction import format_prompt_test_output  # noqa: E402

STYLES = ["OpenAIChat", "GenericBase", "OpenAIReason", "DeepSeekR1", "CodeQwenInstruct", "QwQ", "LLaMa3",
          "DeepSeekCodeInstruct", "Claude3"]


def sent(prompt):
    """What an OpenAI-compatible server receives: ("messages", [...]) or ("prompt", text)."""
    if isinstance(prompt, tuple) and prompt[0] == "template":
        return "messages", prompt[1]
    if isinstance(prompt, tuple):
        system, messages = prompt
        return "messages", [{"role": "system", "content": system}] + messages
    if isinstance(prompt, list):
        return "messages", prompt
    return "prompt", prompt


def prompt_digest(prompt):
    kind, body = sent(prompt)
    if kind == "prompt":
        return digest("prompt\0" + body)
    return digest("messages" + "".join(f"\0{m['role']}\0{m['content']}" for m in body))


def digest(text):
    """The first 16 hex digits of the SHA-256 of the UTF-8 text: enough to tell any two prompts apart."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def attempt(build, digest_of=prompt_digest):
    try:
        return digest_of(build())
    except Exception as error:  # the official builder's own failure is the expected value
        return "error:" + type(error).__name__


def code_generation(data, out):
    fields = ["question_title", "question_content", "platform", "question_id", "contest_id", "contest_date",
              "starter_code", "difficulty", "public_test_cases", "private_test_cases", "metadata"]
    with open(os.path.join(data, "lcb", "problems.jsonl"), encoding="utf-8") as rows:
        problems = [CodeGenerationProblem(**{k: json.loads(line)[k] for k in fields}) for line in rows]
    for problem in sorted(problems, key=lambda p: p.question_id):
        prompts = {style: attempt(lambda: format_prompt_generation(problem, LMStyle(style))) for style in STYLES}
        out.write(json.dumps({"key": problem.question_id, "prompts": prompts}) + "\n")


def self_repair(data, out):
    """Every sample of the real eval_all files: passing ones get no prompt (official: ""), failing ones feedback and prompts."""
    folder = os.path.join(data, "lcb", "generations")
    for name in sorted(f for f in os.listdir(folder) if f.endswith(".codegeneration.eval_all.jsonl")):
        with open(os.path.join(folder, name), encoding="utf-8") as rows:
            evals = [json.loads(line) for line in rows]
        for row in evals:
            for i, code in enumerate(row["code_list"]):
                line = {"file": name, "key": f"{row['question_id']}#{i}"}
                question, graded, metadata = row["question_content"], row["graded_list"][i], row["metadata"][i]
                if graded:
                    assert all(format_prompt_self_repair(question, LMStyle(s), code, graded, metadata) == "" for s in STYLES)
                    line["passed"] = True
                else:
                    line["feedback"] = attempt(lambda: get_check_prompt(question, graded, metadata), digest)
                    line["prompts"] = {style: attempt(lambda: format_prompt_self_repair(question, LMStyle(style), code, graded, metadata))
                                       for style in STYLES}
                out.write(json.dumps(line) + "\n")


def rows_of(data, name):
    with open(os.path.join(data, "lcb", name), encoding="utf-8") as rows:
        for line in rows:
            if line.strip():
                row = json.loads(line)
                date = row["contest_date"]
                row["contest_date"] = (datetime.fromtimestamp(date / 1000, tz=timezone.utc).replace(tzinfo=None)
                                       if isinstance(date, int) else datetime.fromisoformat(date))
                yield row


def test_output_prediction(data, out):
    """Every bundled test_generation row (keyed question_id/test_id) in every style."""
    for row in sorted(rows_of(data, "test_generation.sample.jsonl"), key=lambda r: (r["question_id"], r["test_id"])):
        problem = TestOutputPredictionProblem(**row)
        prompts = {style: attempt(lambda: format_prompt_test_output(problem, LMStyle(style))) for style in STYLES}
        out.write(json.dumps({"key": f"{problem.question_id}/{problem.test_id}", "prompts": prompts}) + "\n")


def code_execution(data, out):
    """Every bundled execution row, direct and chain-of-thought, in every style."""
    for row in sorted(rows_of(data, "execution.fixture.jsonl"), key=lambda r: int(r["id"].split("_")[1])):
        problem = CodeExecutionProblem(**row)
        for cot, build in ((False, format_prompt_execution), (True, format_prompt_execution_cot)):
            prompts = {style: attempt(lambda: build(problem, LMStyle(style))) for style in STYLES}
            out.write(json.dumps({"key": problem.id, "cot": cot, "prompts": prompts}) + "\n")


if __name__ == "__main__":
    data_dir = sys.argv[1]
    with open(os.path.join(data_dir, "prompts", "codegeneration.official.jsonl"), "w", encoding="utf-8") as f:
        code_generation(data_dir, f)
    with open(os.path.join(data_dir, "prompts", "selfrepair.official.jsonl"), "w", encoding="utf-8") as f:
        self_repair(data_dir, f)
    with open(os.path.join(data_dir, "prompts", "testoutputprediction.official.jsonl"), "w", encoding="utf-8") as f:
        test_output_prediction(data_dir, f)
    with open(os.path.join(data_dir, "prompts", "codeexecution.official.jsonl"), "w", encoding="utf-8") as f:
        code_execution(data_dir, f)
