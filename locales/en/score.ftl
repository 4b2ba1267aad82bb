# The score analysis under a roster (report/plan.rs `score_analysis`): the
# weighted sum, then every match behind each term.

score-total = score { $total } = { $wu }×{ $ru } repeat_unit + { $wp }×{ $rp } repeat_pair + { $ww }×{ $wl } workload + { $wb }×{ $b } balance
score-repeat-unit = repeat_unit { $n }
score-repeat-unit-some = repeat_unit { $n }: member inspects a unit again
score-unit-again = group { $group }: { $who } inspects { $unit } again (also in { $rounds })
score-repeat-pair = repeat_pair { $n }
score-repeat-pair-some = repeat_pair { $n }: members who served together before
score-pair-met = group { $group }: { $a } & { $b } met in { $rounds }
score-workload = workload { $n }
score-workload-some = workload { $n }: earlier rounds served by each member
score-load = group { $group }: { $who } { $n ->
    [one] { $n } round
   *[other] { $n } rounds
} ({ $rounds })
score-balance-none = balance { $n }: no groups
score-balance = balance { $n }: unit weight per group { $weights }
score-group-weight = { $weight } (group { $group })
