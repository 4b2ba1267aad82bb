#!/usr/bin/env python3
"""CP-SAT yardstick for `xuncha plan`.

Solves the round of a scenario (../shared/spec/FORMAT.md) with a general
CP-SAT model (OR-Tools) so the MILP planner's status, score and time can be
compared with an independent solver on the same instance.

    pip install ortools pyyaml
    python3 tools/cpsat_yardstick.py SCENARIO [--time-limit S] [--workers N]
                                     [--plan-json FILE] [--no-symmetry]

What comes from where:
  * recusal (R1-R5, L1-L2, waivers) is NOT reimplemented: it is read from
    `xuncha conflicts SCENARIO --format json` (pool members vs round units);
    entries with leader_only=false bar membership, every entry bars leading;
  * eligibility (H7 unavailable ranges overlapping [start, end], H8 training
    hours dated in [start - within_days, start)) is computed here from YAML;
  * the soft terms use ALL of `history`, exactly as FORMAT.md "Soft terms".

Model (G = round.groups, g in 0..G-1):
  a[u,g]  unit u in group g     x[p,g]  p serves in g     l[p,g]  p leads g
  H1 sum_g a[u,g] = 1; 1 <= sum_u a[u,g] <= max_units_per_group
  H2 sum_{departments} a[u,g] <= 1
  H3 sum_g x[p,g] <= 1; size_min <= sum_p x[p,g] <= size_max
  H4 sum_p l[p,g] = 1, l <= x, only leader: true people get l
  H5 sum_{p has s} x[p,g] >= 1 (required skills), >= a[u,g] (unit's requires)
  H6 x[p,g] + a[u,g] <= 1 (member conflict), l[p,g] + a[u,g] <= 1 (leader)
  H9 sum_{retired} x[p,g] <= max_retired_per_group
  H11 x[p,g] + x[q,g] <= 1 for kin relations (one hop) and `apart` pairs
  repeat_unit: r[p,u] >= x[p,g] + a[u,g] - 1 for (p,u) met in history
  repeat_pair: z[p,q] >= x[p,g] + x[q,g] - 1 for pairs met in history
  workload:    sum x[p,g] * rounds_served(p)
  balance:     hi - lo, lo <= weight(g) <= hi
H10 (villages) does not interact with the rest; it is applied afterwards.

Symmetry: groups are interchangeable, so by default department i (in round
order) is pinned to group i and the t-th township (in round order) may only
go to groups 0..D+t. Every roster can be relabelled to fit (department groups
take their department's number, the others are numbered by their first
township), so the optimum is unchanged. `--no-symmetry` drops this, to check
exactly that on small instances.
"""

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import time

import ortools
import yaml
from ortools.sat.python import cp_model

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_XUNCHA = os.path.join(HERE, "..", "target", "release", "xuncha")
DEFAULT_KIN = ["spouse", "parent", "child", "sibling"]
DEFAULT_WEIGHTS = {"repeat_unit": 10, "repeat_pair": 2, "workload": 1, "balance": 1}
VILLAGE_TAGS = {"poverty", "weak_org", "hotspot"}


def as_date(v):
    """YAML dates arrive as datetime.date (PyYAML) or as strings."""
    return v if isinstance(v, dt.date) else dt.date.fromisoformat(str(v))


def conflicts(xuncha, scenario):
    """(member_bad, leader_bad) sets of (person, unit) from `xuncha conflicts`."""
    out = subprocess.run([xuncha, "conflicts", scenario, "--format", "json"],
                         check=True, capture_output=True, text=True).stdout
    member, leader = set(), set()
    for c in json.loads(out)["conflicts"]:
        key = (c["person"], c["unit"])
        leader.add(key)
        if not c["leader_only"]:
            member.add(key)
    return member, leader


def eligible(sc, rnd):
    """Pool members available for the whole round (H7) and trained (H8)."""
    start, end = as_date(rnd["start"]), as_date(rnd["end"])
    training = sc.get("training") or {}
    req = training.get("requirement")
    hours = {}
    if req:
        lo = start - dt.timedelta(days=int(req["within_days"]))
        for r in training.get("records") or []:
            if lo <= as_date(r["date"]) < start:
                hours[r["person"]] = hours.get(r["person"], 0.0) + float(r["hours"])
    out = []
    for p in sc.get("people") or []:
        if not p.get("pool", False):
            continue
        if any(as_date(r["from"]) <= end and as_date(r["to"]) >= start
               for r in p.get("unavailable") or []):
            continue
        if req and hours.get(p["id"], 0.0) + 1e-9 < float(req["hours"]):
            continue
        out.append(p)
    return out


def history_stats(sc, cand):
    """served[p], past (p,u) pairs and met (p,q) pairs among candidates, all history."""
    served = {p: 0 for p in cand}
    past, met = set(), set()
    for h in sc.get("history") or []:
        seen = set()
        for hg in h.get("groups") or []:
            ms = sorted({m for m in hg.get("members") or [] if m in cand})
            seen.update(ms)
            past.update((p, u) for p in ms for u in hg.get("units") or [])
            met.update((a, b) for i, a in enumerate(ms) for b in ms[i + 1:])
        for p in seen:
            served[p] += 1
    return served, past, met


class Progress(cp_model.CpSolverSolutionCallback):
    """Records when each improving solution was found."""

    def __init__(self, t0):
        super().__init__()
        self.t0, self.log = t0, []

    def on_solution_callback(self):
        self.log.append((time.perf_counter() - self.t0, self.ObjectiveValue(),
                         self.BestObjectiveBound()))


def build(sc, member_bad, leader_bad, symmetry=True):
    rnd = sc["round"]
    units = {u["id"]: u for u in sc["units"]}
    G = int(rnd["groups"])
    size = rnd.get("group_size") or {}
    smin, smax = int(size.get("min", 1)), int(size.get("max", 10**6))
    max_units = int(rnd.get("max_units_per_group", 2))
    max_ret = rnd.get("max_retired_per_group")
    required = rnd.get("required_skills") or []
    w = dict(DEFAULT_WEIGHTS, **(sc.get("weights") or {}))
    rec = sc.get("recusal") or {}
    kin = set(rec.get("kin", DEFAULT_KIN))

    people = eligible(sc, rnd)
    cand = {p["id"]: p for p in people}
    served, past, met = history_stats(sc, cand)
    round_units = list(rnd["units"])
    depts = [u for u in round_units if units[u]["kind"] == "department"]
    towns = [u for u in round_units if units[u]["kind"] == "township"]

    # Allowed (unit, group) placements.
    allowed = {}
    for i, u in enumerate(depts):
        allowed[u] = ([i] if i < G else []) if symmetry else list(range(G))
    for t, u in enumerate(towns):
        allowed[u] = list(range(min(len(depts) + t, G - 1) + 1)) if symmetry else list(range(G))

    m = cp_model.CpModel()
    a = {(u, g): m.NewBoolVar(f"a[{u},{g}]") for u in round_units for g in allowed[u]}
    x = {(p, g): m.NewBoolVar(f"x[{p},{g}]") for p in cand for g in range(G)}
    l = {(p, g): m.NewBoolVar(f"l[{p},{g}]")
         for p in cand if cand[p].get("leader", False) for g in range(G)}

    def in_g(g, ps):
        return [x[p, g] for p in ps]

    def has(skill):
        return [p for p in cand if skill in (cand[p].get("skills") or [])]

    for u in round_units:                                             # H1
        m.AddExactlyOne(a[u, g] for g in allowed[u])
    for g in range(G):
        ug = [a[u, g] for u in round_units if (u, g) in a]
        m.Add(sum(ug) >= 1)
        m.Add(sum(ug) <= max_units)
        m.AddAtMostOne(a[u, g] for u in depts if (u, g) in a)         # H2
        n = sum(in_g(g, cand))                                        # H3
        m.Add(n >= smin)
        m.Add(n <= smax)
        m.AddExactlyOne(l[p, g] for p in cand if (p, g) in l)         # H4
        for s in required:                                            # H5
            m.AddBoolOr(in_g(g, has(s)))
        for u in round_units:
            if (u, g) in a:
                for s in units[u].get("requires") or []:
                    m.AddBoolOr(in_g(g, has(s)) + [a[u, g].Not()])
        if max_ret is not None:                                       # H9
            m.Add(sum(in_g(g, [p for p in cand if cand[p].get("retired")])) <= int(max_ret))
    for p in cand:
        m.AddAtMostOne(x[p, g] for g in range(G))                     # H3
    for (p, g), lv in l.items():
        m.AddImplication(lv, x[p, g])                                 # H4
    for (u, g), av in a.items():                                      # H6
        for p in cand:
            if (p, u) in member_bad:
                m.AddBoolOr([av.Not(), x[p, g].Not()])
            elif (p, u) in leader_bad and (p, g) in l:
                m.AddBoolOr([av.Not(), l[p, g].Not()])
    apart = set()                                                     # H11
    for r in sc.get("relations") or []:
        if r["kind"] in kin and r["a"] in cand and r["b"] in cand and r["a"] != r["b"]:
            apart.add(tuple(sorted((r["a"], r["b"]))))
    for pair in rec.get("apart") or []:
        if pair[0] in cand and pair[1] in cand:
            apart.add(tuple(sorted(pair)))
    for p, q in apart:
        for g in range(G):
            m.AddBoolOr([x[p, g].Not(), x[q, g].Not()])

    # Soft terms.
    ru = []
    for p, u in sorted(past):
        if u not in allowed:
            continue
        r = m.NewBoolVar(f"ru[{p},{u}]")
        for g in allowed[u]:
            m.AddBoolOr([x[p, g].Not(), a[u, g].Not(), r])
        ru.append(r)
    rp = []
    for p, q in sorted(met):
        if (p, q) in apart:
            continue
        z = m.NewBoolVar(f"rp[{p},{q}]")
        for g in range(G):
            m.AddBoolOr([x[p, g].Not(), x[q, g].Not(), z])
        rp.append(z)
    wl = sum(served[p] * x[p, g] for p in cand for g in range(G) if served[p])
    total_w = sum(int(units[u].get("weight", 1)) for u in round_units)
    hi, lo = m.NewIntVar(0, total_w, "hi"), m.NewIntVar(0, total_w, "lo")
    for g in range(G):
        wg = sum(int(units[u].get("weight", 1)) * a[u, g] for u in round_units if (u, g) in a)
        m.Add(hi >= wg)
        m.Add(lo <= wg)
    terms = {"repeat_unit": sum(ru), "repeat_pair": sum(rp), "workload": wl,
             "balance": hi - lo}
    m.Minimize(sum(int(w[k]) * e for k, e in terms.items()))
    return m, {"a": a, "x": x, "l": l, "G": G, "round_units": round_units,
               "units": units, "cand": cand, "served": served, "past": past,
               "met": met, "weights": w, "candidates": len(cand)}


def villages(township, n):
    """H10: tagged villages, then the most complained-about, up to n."""
    vs = township.get("villages") or []
    picked = [v["id"] for v in vs if VILLAGE_TAGS & set(v.get("tags") or [])]
    rest = sorted((v for v in vs if v["id"] not in picked),
                  key=lambda v: -int(v.get("complaints", 0)))
    for v in rest:
        if len(picked) >= n:
            break
        picked.append(v["id"])
    return picked


def roster(solver, info, n_villages):
    """Groups read from the solution, scored independently of the model."""
    groups = []
    for g in range(info["G"]):
        us = [u for u in info["round_units"] if (u, g) in info["a"]
              and solver.Value(info["a"][u, g])]
        ms = [p for p in info["cand"] if solver.Value(info["x"][p, g])]
        lead = next(p for p in ms if (p, g) in info["l"] and solver.Value(info["l"][p, g]))
        vs = [v for u in us if info["units"][u]["kind"] == "township"
              for v in villages(info["units"][u], n_villages)]
        groups.append({"leader": lead, "members": [lead] + [p for p in ms if p != lead],
                       "units": us, "villages": vs})
    return groups


def score(groups, info):
    """FORMAT.md soft terms of a roster, recomputed from the groups."""
    w = info["weights"]
    ru = sum((p, u) in info["past"] for gr in groups for p in gr["members"] for u in gr["units"])
    rp = sum(tuple(sorted((p, q))) in info["met"] for gr in groups
             for i, p in enumerate(gr["members"]) for q in gr["members"][i + 1:])
    wl = sum(info["served"][p] for gr in groups for p in gr["members"])
    ws = [sum(int(info["units"][u].get("weight", 1)) for u in gr["units"]) for gr in groups]
    bal = max(ws) - min(ws) if len(ws) > 1 else 0
    obj = {"repeat_unit": ru, "repeat_pair": rp, "workload": wl, "balance": bal}
    obj["total"] = sum(int(w[k]) * v for k, v in obj.items())
    return obj


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("scenario")
    ap.add_argument("--time-limit", type=float, default=60.0, help="seconds (default 60)")
    ap.add_argument("--workers", type=int, default=2, help="CP-SAT workers (default 2)")
    ap.add_argument("--seed", type=int, default=0, help="CP-SAT random seed")
    ap.add_argument("--xuncha", default=DEFAULT_XUNCHA, help="path to the xuncha binary")
    ap.add_argument("--no-symmetry", action="store_true", help="do not break group symmetry")
    ap.add_argument("--plan-json", metavar="FILE", help="write the roster as FORMAT plan JSON")
    ap.add_argument("--log", action="store_true", help="show the CP-SAT search log")
    args = ap.parse_args()

    t0 = time.perf_counter()
    with open(args.scenario, encoding="utf-8") as f:
        sc = yaml.safe_load(f)
    member_bad, leader_bad = conflicts(args.xuncha, args.scenario)
    model, info = build(sc, member_bad, leader_bad, symmetry=not args.no_symmetry)
    t_build = time.perf_counter() - t0
    proto = model.Proto()

    solver = cp_model.CpSolver()
    solver.parameters.num_workers = args.workers
    solver.parameters.max_time_in_seconds = args.time_limit
    solver.parameters.random_seed = args.seed
    solver.parameters.log_search_progress = args.log
    t1 = time.perf_counter()
    progress = Progress(t1)
    code = solver.Solve(model, progress)
    wall = time.perf_counter() - t1

    status = {cp_model.OPTIMAL: "optimal", cp_model.FEASIBLE: "feasible",
              cp_model.INFEASIBLE: "infeasible"}.get(code, solver.StatusName(code).lower())
    print(f"scenario     {args.scenario}")
    print(f"model        {info['candidates']} candidates, {info['G']} groups, "
          f"{len(info['round_units'])} units, {len(proto.variables)} variables, "
          f"{len(proto.constraints)} constraints, symmetry "
          f"{'off' if args.no_symmetry else 'broken'}")
    print(f"solver       CP-SAT {ortools.__version__}, "
          f"{args.workers} workers, limit {args.time_limit:g} s, seed {args.seed}")
    print(f"status       {status}")
    print(f"build        {t_build:.2f} s (YAML, xuncha conflicts, model)")
    print(f"wall         {wall:.2f} s (solve)")
    plan = {"format": 1, "round": sc["round"].get("id"), "status": status}
    if code in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        groups = roster(solver, info, int(sc["round"].get("villages_per_township", 0)))
        obj = score(groups, info)
        if obj["total"] != round(solver.ObjectiveValue()):
            print(f"WARNING: model objective {solver.ObjectiveValue():g} != "
                  f"recomputed {obj['total']}", file=sys.stderr)
        bound = solver.BestObjectiveBound()
        gap = 0.0 if obj["total"] == 0 else max(0.0, (obj["total"] - bound) / obj["total"])
        first = progress.log[0] if progress.log else (wall, obj["total"], bound)
        print(f"objective    {obj['total']} = {obj['repeat_unit']} repeat_unit, "
              f"{obj['repeat_pair']} repeat_pair, {obj['workload']} workload, "
              f"{obj['balance']} balance")
        print(f"bound        {bound:g} (gap {100 * gap:.2f}%)")
        print(f"first        {first[0]:.2f} s, objective {first[1]:g}")
        print("improving    " + ", ".join(f"{t:.2f}s:{o:g}" for t, o, _ in progress.log))
        plan.update(objective=obj, bound=bound, gap=gap, groups=groups)
    else:
        plan.update(groups=[], diagnosis=[f"CP-SAT: {status}"])
    if args.plan_json:
        with open(args.plan_json, "w", encoding="utf-8") as f:
            json.dump(plan, f, ensure_ascii=False, indent=1)
    return 0 if code in (cp_model.OPTIMAL, cp_model.FEASIBLE) else 3


if __name__ == "__main__":
    sys.exit(main())
