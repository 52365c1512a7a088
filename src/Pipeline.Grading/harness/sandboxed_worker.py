"""Entry point of the warm worker inside a sandbox backend: worker.py with isolation.py's hooks (each
sample in namespaces of its own, fresh tmpfs mounts, no capabilities, the seccomp filter), so the
grading side stays free of sandbox code. Arguments: worker.py's, plus --scratch-bytes (each private
tmpfs of a sample) and --open-files.
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import isolation  # noqa: E402
import worker  # noqa: E402


def main(argv):
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--scratch-bytes", type=int, default=256 * 1024 * 1024)  # SandboxOptions.ScratchBytes
    parser.add_argument("--open-files", type=int, default=256)  # SandboxOptions.OpenFiles
    own, rest = parser.parse_known_args(argv)
    hooks = isolation.SampleIsolation(own.scratch_bytes, own.open_files)
    print(f"sandboxed worker: private tmpfs per sample on {', '.join(hooks.private_mounts)}", file=sys.stderr)
    worker.main(rest, hooks)


if __name__ == "__main__":
    main(sys.argv[1:])
