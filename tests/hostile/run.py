"""Reads every file of a hostile corpus (make_corpus.py) with the command line, one process
each, and prints one JSON line per file: the command, its exit code, wall time (s), peak
memory (MiB), and the last line it wrote. A process still running after the time limit is
killed and reported so.

Usage: run.py BINARY CORPUS [TIME_LIMIT_S]
"""
import json
import os
import subprocess
import sys
import time
from pathlib import Path

binary, corpus = sys.argv[1], Path(sys.argv[2])
limit = float(sys.argv[3]) if len(sys.argv) > 3 else 120.0


def command(p: Path):
    name = p.name
    if name.endswith((".osm", ".osm.gz", ".pbf")):
        return [binary, "streets", str(p)]
    return [binary, "check", str(p)]


for p in sorted(corpus.iterdir()):
    if p.suffix in (".shx", ".dbf", ".prj", ".cpg"):
        continue
    cmd = command(p)
    t0 = time.perf_counter()
    log = open(corpus.parent / (corpus.name + ".out"), "w+b")
    proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT)
    killed = False
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() - t0 > limit:
            proc.kill()
            pid, status, usage = os.wait4(proc.pid, 0)
            killed = True
            break
        time.sleep(0.02)
    wall = time.perf_counter() - t0
    log.seek(0)
    output = log.read().decode("utf-8", "replace")
    log.close()
    last = [l for l in output.splitlines() if l.strip()][-1:] or [""]
    code = os.waitstatus_to_exitcode(status)
    print(json.dumps({
        "file": p.name,
        "bytes": p.stat().st_size,
        "command": cmd[1],
        "code": code,
        "killed": killed,
        "seconds": round(wall, 3),
        "peak_mib": round(usage.ru_maxrss / 1024, 1),
        "output_chars": len(output),
        "panicked": "panicked" in output,
        "last": last[0][:300],
    }, ensure_ascii=False), flush=True)
