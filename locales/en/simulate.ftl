# `xuncha simulate`: the per-round table, the summary, the comparison of
# variants, Monte Carlo, and the progress bar.

simulate-progress = { $spinner } simulate [{ $bar }] { $pos }/{ $len } rounds, last { $round } ({ $elapsed }, about { $eta } left)
sim-heading = term simulation: { $rounds } rounds ({ $first } … { $last }), { $pool } pool members, { $units } units
sim-dates = { $from }..{ $to }
sim-status = { $status ->
    [timed_out] timed out
   *[other] { $status }
}
sim-col-round = round
sim-col-dates = dates
sim-col-groups = groups
sim-col-units = units
sim-col-new = new
sim-col-weight = weight
sim-col-status = status
sim-col-score = score
sim-col-repeat-unit = rep.unit
sim-col-repeat-pair = rep.pair
sim-col-eligible = eligible
sim-col-assumed = assumed
sim-list-more = { $items }, … { $n } in all
sim-none = none
sim-coverage = coverage
sim-coverage-units = { $covered } of { $total } units inspected in the term ({ $to_cover } still to cover when the simulation starts); uncovered: { $uncovered }
sim-coverage-villages = must-inspect villages ({ $tags }): { $covered } of { $total }
sim-load = load
sim-load-line = rounds served in the term per pool member: min { $min }, max { $max }, mean { $mean } (max − min { $spread })
sim-repeats = repeats
sim-repeats-line = repeat_unit { $repeat_unit }, repeat_pair { $repeat_pair } (summed over the simulated rounds; objective total { $total })
sim-failures = failures
sim-failures-none = none: every round can be staffed
sim-failures-some = { $n } of { $total } rounds cannot be staffed:
sim-failed-round = { $round }:
sim-more-reasons = (… { $n } more; --rosters or --format json lists them all)
sim-assumptions = assumptions
sim-lapses = lapses
sim-lapse-from = { $person } from { $round }
sim-lapses-rescued = recorded training runs out, the assumed courses keep them trained: { $who }
sim-every-round = every round
sim-and-more = { $items } and { $n } more
sim-lapse-missed = { $person }: { $missed }
sim-lapse-sep = ;{" "}
sim-in-all = ; … { $n } in all
sim-lapses-excluded = untrained even with the assumption, so excluded from: { $who }
sim-lookahead-kept = lookahead { $round }: kept { $kept }
sim-round-timed-out = round { $round }: timed out
sim-cmp-rounds = rounds
sim-cmp-infeasible = rounds infeasible
sim-cmp-infeasible-cell = { $n } ({ $rounds }{ $more ->
    [yes] , …
   *[no] {""}
})
sim-cmp-pool = pool
sim-cmp-units-covered = units covered
sim-cmp-villages = must-inspect villages
sim-cmp-repeat-unit = repeat_unit
sim-cmp-repeat-pair = repeat_pair
sim-cmp-served = served min/max
sim-cmp-served-mean = served mean
sim-cmp-spread = load max − min
sim-cmp-objective = objective total
sim-csv-round = round
sim-csv-start = start
sim-csv-end = end
sim-csv-groups = groups
sim-csv-units = units
sim-csv-new-units = new_units
sim-csv-weight = weight
sim-csv-status = status
sim-csv-total = total
sim-csv-repeat-unit = repeat_unit
sim-csv-repeat-pair = repeat_pair
sim-csv-workload = workload
sim-csv-balance = balance
sim-csv-eligible = eligible
sim-csv-assumed-training = assumed_training
sim-csv-diagnosis = diagnosis
mc-heading = Monte Carlo: { $samples } samples, seed { $seed }, each pool member misses each round with probability { $absence }
mc-col-min = min
mc-col-median = median
mc-col-p90 = p90
mc-col-max = max
mc-col-mean = mean
mc-units-covered = units covered
mc-rounds-infeasible = rounds infeasible
mc-max-load = max load (rounds)
mc-full-coverage = full coverage ({ $units } units) in { $n } of { $samples } samples
mc-all-staffed = every round was staffed in every sample
mc-round-failed-in = { $round } in { $n }
mc-rounds-failed = rounds that could not be staffed: { $rounds }
mc-infeasible-in = { $rounds } in { $n ->
    [one] { $n } sample
   *[other] { $n } samples
}
mc-infeasible-spread = rounds infeasible: { $parts }
sim-cmp-base = base

## The assumptions and what-if changes of a run (src/simulate/note.rs).
## JSON's `assumptions` carries the English text: keep it stable.
note-no-term = the scenario has no `term`: only its round is simulated, and coverage counts from that round on
note-round-after-term = round { $round } ends { $end } after the term ({ $term_end }); it is simulated and counted all the same
note-units-chosen-afresh = round { $round }: its { $units } units do not fit { $groups } groups of at most { $max_units } units and one department each, so its units were chosen afresh
note-requirement = { $hours } h within { $days } days
note-training-no-requirement = training: the scenario sets no requirement, so none is assumed
note-training-assumed = training ({ $requirement }): records end { $horizon }; from { $round } on, every pool member is assumed to repeat each year the training they had from { $from } to { $horizon }, on the same days ({ $records } assumed records); members with none in that year are assumed not to train
note-training-no-records = training ({ $requirement }): there are no records, so nobody is trained and none is assumed
note-training-only-round = training ({ $requirement }): only the round to plan is simulated, on the records on file
note-training-recorded-only = training ({ $requirement }): only the records on file count (--training recorded); nobody is assumed to train again
note-training-lapses = training: { $lapsing } pool members' recorded training runs out before a simulated round; { $rescued } stay trained thanks to the assumption, { $lapsed } miss rounds even so
note-availability = availability: only the `unavailable` ranges on file are known; every pool member is assumed available otherwise (--absence models unplanned absences)
note-absences = absences: each pool member misses each round with probability { $probability } (seed { $seed }, { $samples } samples)
note-without = what-if: { $n } left the pool ({ $ids }); { $remaining } pool members remain
note-rounds-kept = what-if: only the first { $kept } of the { $of } term rounds are held
note-round-dates = { $round } ({ $start }..{ $end })
note-rounds-added = what-if: { $n } rounds added in the rhythm of the last ones: { $rounds }
note-shifted = what-if: every term round moved { $months } months ({ $stays ->
    [yes] { $round }
   *[no] none
} of the round to plan stays)
note-rules-groups = { $groups } groups
note-rules-size = groups of { $min } to { $max }
note-rules-changed = what-if: every simulated round has { $rules }
sim-error-nothing = the scenario has neither a `round` nor `term.rounds`: there is nothing to simulate (add a `term:` section; see FORMAT.md)
sim-error-round = round { $round }: { $error }
sim-timed-out-reason = no roster was found within the round's time limit of { $seconds } s; feasibility is unknown (raise --round-time-limit)
sim-partial = part-staffed
sim-partial-some = { $n ->
    [one] { $n } round is
   *[other] { $n } rounds are
} staffed without { $units ->
    [one] { $units } unit
   *[other] { $units } units
} no roster can hold:
sim-unstaffed-unit = { $round }: { $unit } left unstaffed
sim-status-partial = { $status } (part)
sim-failures-none-partial = none: every round can be staffed, some only in part (below)
sim-leaders = leaders
sim-leaders-line = rounds led in the term by each pool member who may lead: fewest { $min }, most { $max }
sim-reserve = reserve
sim-reserve-all = { $reserve } reserve cadres, all served in the term
sim-reserve-line = { $reserve } reserve cadres, { $unserved } not serving in the term: { $who }
