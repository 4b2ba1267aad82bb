# `xuncha check`: the scenario at a glance.

check-unnamed = (unnamed scenario)
check-pool = pool
check-pool-line = { $pool } members: { $leaders } may lead, { $retired } retired from post; { $people } people in the relation graph
check-units = units
check-units-line = { $townships } townships ({ $villages } villages, { $must } must-inspect), { $departments } departments
check-relations = relations
check-relations-line = { $relations } ({ $kin } kin within { $depth } hops, { $ties } leader ties)
check-conflicts = conflicts
check-conflicts-line = { $conflicts } against { $scope ->
    [round] the round's units
   *[all] all units
} ({ $people } people); { $waived } waived
check-training = training
check-training-line = { $hours } h within { $days } days before { $date }: { $compliant } compliant, { $short } short
check-training-none = no requirement
check-history = history
check-history-line = { $rounds ->
    [one] { $rounds } round
   *[other] { $rounds } rounds
}, { $groups ->
    [one] { $groups } group
   *[other] { $groups } groups
}
check-no-round = no round to plan
check-round = round { $round } ({ $kind }) { $start }..{ $end }: { $groups } groups of { $min }–{ $max }, { $units } units
check-available = available: { $available } of { $pool } pool members, { $leaders } of them may lead
check-warn-seats = warning: { $groups } groups of at least { $min } need { $seats } people; only { $available } are available
check-warn-leaders = warning: { $groups } groups need { $groups } leaders; only { $leaders } available pool members may lead
check-nobody-excluded = nobody is excluded
check-excluded = excluded: { $n }
check-col-why = why
