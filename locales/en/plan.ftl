# `xuncha plan`: the roster table.

plan-group-count = { $n ->
    [one] { $n } group
   *[other] { $n } groups
}
plan-status-optimal = optimal (proven)
plan-status-feasible-gap = feasible (time limit; within { $gap }% of the bound)
plan-status-feasible = feasible (time limit; gap unknown)
plan-status-infeasible = infeasible: no roster satisfies every rule
plan-headline = round { $round }: { $status }
plan-headline-score = , score { $score }
plan-timing = {" "}[{ $backend }, { $variables } variables, { $rows } rows, { $seconds } s]
plan-why = why:
plan-group-heading = group { $n }: { $units }, weight { $weight }
plan-villages = villages: { $villages }
plan-col-role = role
plan-col-person = person
plan-col-name = name
plan-col-skills = skills
plan-col-notes = notes
plan-units-sep = {" + "}
backend-greedy-proven-by-counting = greedy, proven by counting
backend-local-search-proven-by-counting = local search, proven by counting
backend-local-search-proven-by-the-split-bound = local search, proven by the split bound
plan-csv-round = round
plan-csv-group = group
plan-csv-role = role
plan-csv-person = person
plan-csv-name = name
plan-csv-skills = skills
plan-csv-units = units
plan-csv-villages = villages
plan-timing-short = {" "}[{ $backend }, { $seconds } s]
plan-error-timeout = no roster was found within the time limit of { $seconds } s; nothing is known about feasibility yet: raise --time-limit
plan-error-backend = the solver backend failed: { $error }
plan-error-invalid-roster = BUG: the solver produced a roster that breaks the rules; please report it with the scenario:
    { $problems }
plan-error-objective-mismatch = BUG: the solver's objective { $solver } differs from the validator's { $validator }; please report it with the scenario
