"""The assistant's problem solved exactly, by an independent implementation: a mixed-integer
model given to HiGHS through scipy.optimize.milp, for the Rust side to compare its search with.

Usage: check_optimum.py PROBLEM.json SECONDS
  PROBLEM.json  written by the real-data suite (carte_mixite::assistant::exact::ExactProblem)
Prints one JSON line: {"value": best found, "bound": proven lower bound, "status": ...,
"seconds": ...}.

Model: x[a, k] = 1 when atom a goes to collège k (only the collèges it may join); for every
collège t[k] >= |A_k / A - B_k / B| / 2, where A_k and B_k are its fixed counts plus those of the
atoms it gets; the objective is the sum of t (the dissimilarity index). Capacity use stays in
[low, high], or no further out than at the start; an open collège is never emptied; the pupils
moved stay under the cap. Where the problem has "contiguity", each sector stays in one piece:
a flow leaves its root unit (kept in it) and every other unit of the sector consumes one unit
of it, carried only between adjacent units of that sector.
"""
import json
import sys
import time

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import lil_matrix

p = json.load(open(sys.argv[1]))
seconds = float(sys.argv[2])
colleges, atoms = p["colleges"], p["atoms"]
K, A, B = len(colleges), p["total_a"], p["total_b"]

# variables: the x of each (atom, allowed collège), then t_0..t_{K-1}
pairs = [(i, k) for i, at in enumerate(atoms) for k in at["allowed"]]
nx = len(pairs)
n = nx + K
c = np.zeros(n)
c[nx:] = 1.0
integrality = np.zeros(n)
integrality[:nx] = 1
lower = np.zeros(n)
upper = np.concatenate([np.ones(nx), np.full(K, np.inf)])

rows, lo, hi = [], [], []


def row():
    rows.append({})
    return rows[-1]


# each atom in exactly one collège
by_atom = {}
for j, (i, k) in enumerate(pairs):
    by_atom.setdefault(i, []).append(j)
for i, js in by_atom.items():
    r = row()
    for j in js:
        r[j] = 1.0
    lo.append(1.0)
    hi.append(1.0)

into = {}
for j, (i, k) in enumerate(pairs):
    into.setdefault(k, []).append(j)

for k, col in enumerate(colleges):
    # 2 t_k >= ±(A_k/A - B_k/B), written as  ±(Σ x (a/A - b/B)) - 2 t_k <= ∓(fixed_a/A - fixed_b/B)
    const = col["fixed_a"] / A - col["fixed_b"] / B
    for sign in (1.0, -1.0):
        r = row()
        for j in into.get(k, []):
            at = atoms[pairs[j][0]]
            r[j] = sign * (at["a"] / A - at["b"] / B)
        r[nx + k] = -2.0
        lo.append(-np.inf)
        hi.append(-sign * const)
    if not col["open"]:
        continue
    js = into.get(k, [])
    pupils = {j: atoms[pairs[j][0]]["pupils"] for j in js}
    fixed = col["fixed_pupils"]
    low_p, high_p = -np.inf, np.inf
    if p["capacity"] and col["capacity"]:
        cap, start = col["capacity"], col["start_pupils"]
        low_p = min(p["capacity"][0] * cap, start) - 1e-6
        high_p = max(p["capacity"][1] * cap, start) + 1e-6
    if col["start_pupils"] > 1e-9:
        # never emptied
        low_p = max(low_p, min(col["start_pupils"], 0.5))
    if js and (np.isfinite(low_p) or np.isfinite(high_p)):
        r = row()
        for j, pu in pupils.items():
            r[j] = pu
        lo.append(low_p - fixed)
        hi.append(high_p - fixed)

if p["max_moved"] is not None:
    # moved = Σ_a Σ_k x[a,k] (pupils_a - pupils of a whose baseline collège is k)
    r = row()
    for j, (i, k) in enumerate(pairs):
        at = atoms[i]
        same = sum(pu for base, pu in at["by_baseline"] if base == k)
        r[j] = at["pupils"] - same
    lo.append(-np.inf)
    hi.append(p["max_moved"] + 1e-6)

cont = p.get("contiguity")
if cont is not None:
    unit_atom, unit_fixed = cont["unit_atom"], cont["unit_fixed"]
    var_of = {pair: j for j, pair in enumerate(pairs)}
    adjacent = {}
    for u, v in cont["edges"]:
        adjacent.setdefault(u, []).append(v)
        adjacent.setdefault(v, []).append(u)
    flow_lo, flow_hi = [], []
    for k, root in enumerate(cont["roots"]):
        if root is None:
            continue

        def x_of(u):
            """("var", j) when the unit's place in k is variable, ("one", None) when it is
            fixed in k, None when it can never be in k"""
            a = unit_atom[u]
            if a is None:
                return ("one", None) if unit_fixed[u] == k else None
            j = var_of.get((a, k))
            return None if j is None else ("var", j)

        members = [u for u in range(len(unit_atom)) if x_of(u) is not None]
        big = float(len(members))
        if x_of(root)[0] == "var":
            r = row()
            r[x_of(root)[1]] = 1.0
            lo.append(1.0)
            hi.append(1.0)
        inflow = {u: {} for u in members}
        inside = set(members)
        for u in members:
            for v in adjacent.get(u, []):
                if v not in inside:
                    continue
                f = n + len(flow_lo)
                flow_lo.append(0.0)
                flow_hi.append(big)
                inflow[v][f] = inflow[v].get(f, 0.0) + 1.0
                inflow[u][f] = inflow[u].get(f, 0.0) - 1.0
                # only between units that are both in the sector
                for w in (u, v):
                    kind, j = x_of(w)
                    if kind == "var":
                        r = row()
                        r[f] = 1.0
                        r[j] = -big
                        lo.append(-np.inf)
                        hi.append(0.0)
        for u in members:
            if u == root:
                continue
            r = row()
            r.update(inflow[u])
            kind, j = x_of(u)
            if kind == "var":
                r[j] = r.get(j, 0.0) - 1.0
                lo.append(0.0)
                hi.append(0.0)
            else:
                lo.append(1.0)
                hi.append(1.0)
    if flow_lo:
        n += len(flow_lo)
        c = np.concatenate([c, np.zeros(len(flow_lo))])
        integrality = np.concatenate([integrality, np.zeros(len(flow_lo))])
        lower = np.concatenate([lower, np.array(flow_lo)])
        upper = np.concatenate([upper, np.array(flow_hi)])

m = lil_matrix((len(rows), n))
for ri, r in enumerate(rows):
    for j, v in r.items():
        m[ri, j] = v
t0 = time.perf_counter()
res = milp(
    c,
    constraints=LinearConstraint(m.tocsr(), np.array(lo), np.array(hi)),
    integrality=integrality,
    bounds=Bounds(lower, upper),
    options={"time_limit": seconds, "disp": False, "mip_rel_gap": 1e-6},
)
elapsed = time.perf_counter() - t0
value = float(res.fun) if res.x is not None else None
bound = getattr(res, "mip_dual_bound", None)
print(
    json.dumps(
        {
            "value": value,
            "bound": None if bound is None else float(bound),
            "status": int(res.status),
            "message": str(res.message),
            "seconds": elapsed,
            "atoms": len(atoms),
            "variables": n,
        }
    )
)
