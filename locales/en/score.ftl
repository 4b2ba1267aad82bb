# The score analysis (`plan`, `repair`, `simulate --rosters`, the report).

score-headline = score { $total } = { $wu }×{ $ru } repeat_unit + { $wp }×{ $rp } repeat_pair + { $ww }×{ $wl } workload + { $wb }×{ $bal } balance
score-repeat-unit-none = repeat_unit { $n }
score-repeat-unit = repeat_unit { $n }: member inspects a unit again
score-unit-again = group { $group }: { $person } inspects { $unit } again (also in { $rounds })
score-repeat-pair-none = repeat_pair { $n }
score-repeat-pair = repeat_pair { $n }: members who served together before
score-pair-again = group { $group }: { $a } & { $b } met in { $rounds }
score-workload-none = workload { $n }
score-workload = workload { $n }: earlier rounds served by each member
score-load = group { $group }: { $person } { $n ->
    [one] { $n } round
   *[other] { $n } rounds
} ({ $rounds })
score-balance-none = balance { $n }: no groups
score-balance = balance { $n }: unit weight per group { $weights }
score-group-weight = { $weight } (group { $group })
score-headline-reserve = { " " }+ { $wr }×{ $rr } reserve
score-reserve-none = reserve { $n }
score-reserve = reserve { $n }: reserve cadres who can serve, have not served this term and are not seated: { $who }
