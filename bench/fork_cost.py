"""What a python3 image costs every fork: fork + exit + wait, after importing the modules named.

    /usr/bin/python3 bench/fork_cost.py                 # a bare interpreter
    /usr/bin/python3 bench/fork_cost.py numpy           # with numpy loaded, as the fork servers are today

Prints the image's resident and anonymous memory and the mean time of 300 forks (decision 019, stop 24).
"""
import gc
import os
import sys
import time

FORKS = 300

for module in sys.argv[1:]:
    __import__(module)
gc.collect()
gc.freeze()  # as the worker's warm-up does
with open("/proc/self/smaps_rollup") as rollup:
    memory = {line.split(":")[0]: line.split()[1] for line in rollup if line.startswith(("Rss:", "Anonymous:"))}
started = time.perf_counter()
for _ in range(FORKS):
    pid = os.fork()
    if pid == 0:
        os._exit(0)
    os.waitpid(pid, 0)
mean_ms = (time.perf_counter() - started) / FORKS * 1000
print(f"imports {sys.argv[1:] or 'none'}: resident {int(memory['Rss']) / 1024:.1f} MB, anonymous "
      f"{int(memory['Anonymous']) / 1024:.1f} MB; fork + exit + wait {mean_ms:.2f} ms")
