"""Shortest walking distances on a street graph written by the real-data suite, computed by an
independent implementation (scipy.sparse.csgraph's Dijkstra), for the Rust side to compare.

Usage: check_walk.py DIR
  DIR/edges.csv    a,b,metres (undirected)
  DIR/sources.txt  one node per line
  DIR/targets.txt  one node per line
Writes DIR/scipy.csv: source,target,metres (inf when unreachable), and prints the time taken.
"""
import csv
import sys
import time
from pathlib import Path

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import dijkstra

d = Path(sys.argv[1])
rows = list(csv.reader(open(d / "edges.csv")))
a = np.array([int(r[0]) for r in rows])
b = np.array([int(r[1]) for r in rows])
w = np.array([float(r[2]) for r in rows])
n = int(max(a.max(), b.max())) + 1
graph = coo_matrix((w, (a, b)), shape=(n, n)).tocsr()
sources = [int(x) for x in open(d / "sources.txt").read().split()]
targets = [int(x) for x in open(d / "targets.txt").read().split()]
t0 = time.perf_counter()
dist = dijkstra(graph, directed=False, indices=sources)
elapsed = time.perf_counter() - t0
with open(d / "scipy.csv", "w", newline="") as f:
    out = csv.writer(f)
    for i, s in enumerate(sources):
        for t in targets:
            out.writerow([s, t, repr(float(dist[i, t]))])
print(f"scipy dijkstra: {len(sources)} sources over {n} nodes in {elapsed:.3f} s")
