"""Entry point of the warm worker inside a sandbox backend: worker.py with its isolation hooks
extended by isolation.py (per-sample namespaces, fresh tmpfs, open-file limit), so the grading
side stays free of sandbox code. Arguments: worker.py's, plus --scratch-bytes and --open-files.

The worker forks one child per sample with os.fork; here that fork clones the child into fresh
namespaces instead. Only the worker process is affected: the official reliability guard removes
os.fork in every grading child anyway.
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import isolation  # noqa: E402
import worker  # noqa: E402


def main(argv):
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--scratch-bytes", type=int, default=64 * 1024 * 1024)
    parser.add_argument("--open-files", type=int, default=256)
    own, rest = parser.parse_known_args(argv)
    apply_worker_limits = worker.isolate_child

    def isolate_child(limits, backstop_seconds):
        isolation.isolate_sample(limits.tmp_root, own.scratch_bytes, own.open_files)
        apply_worker_limits(limits, backstop_seconds)

    worker.isolate_child = isolate_child
    worker.os.fork = isolation.fork_into_namespaces
    isolation.harden_worker()
    worker.main(rest)


if __name__ == "__main__":
    main(sys.argv[1:])
