"""The official LCB runner's per-sample process structure around our grader, for the bench only.
argv: harness_dir samples.jsonl workers. Prints, last, the wall seconds taken to grade every sample
(samples print too: the official runner does not silence them either)."""
import json
import multiprocessing
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor

sys.path.insert(0, sys.argv[1])  # the harness: lcb_grader
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reference_grader  # noqa: E402


def grade_in_child(sample, result, metadata_list):
    results, metadata = reference_grader.run_sample(sample["code"], sample["inputs"], sample["outputs"], sample["fn_name"], 6)
    result.append(results)
    metadata_list.append(metadata)


def grade_one(sample):
    manager = multiprocessing.Manager()  # one server process per sample, as the official runner
    result, metadata_list = manager.list(), manager.list()
    child = multiprocessing.Process(target=grade_in_child, args=(sample, result, metadata_list))
    child.start()
    child.join(timeout=7 * len(sample["inputs"]) + 5)
    if child.is_alive():
        child.kill()
    outcome = list(result[0]) if result else [-1]
    manager.shutdown()
    return outcome


def main():
    with open(sys.argv[2]) as handle:
        samples = [json.loads(line) for line in handle if line.strip()]
    started = time.monotonic()
    with ProcessPoolExecutor(max_workers=int(sys.argv[3])) as pool:
        list(pool.map(grade_one, samples))
    print(time.monotonic() - started)


if __name__ == "__main__":
    main()
