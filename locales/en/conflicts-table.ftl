# `xuncha conflicts`: the table's and the CSV's own words (the evidence
# sentences are in the conflict renderer's file).

conflicts-heading = conflicts as of { $date }: { $people ->
    [one] { $people } person
   *[other] { $people } people
} against { $units ->
    [one] { $units } unit
   *[other] { $units } units
}
conflicts-unit-heading = { $id } { $name } ({ $kind }) — { $n ->
    [one] { $n } conflict
   *[other] { $n } conflicts
}, { $people ->
    [one] { $people } person
   *[other] { $people } people
}
conflicts-col-rule = rule
conflicts-col-evidence = evidence
conflicts-col-unit = unit
conflicts-col-reason = reason
conflicts-rule-leader = { $rule } (leader)
conflicts-none = no conflicts
conflicts-total = { $n ->
    [one] { $n } conflict
   *[other] { $n } conflicts
} in all
conflicts-waived = waived (recusal.waived), not counted above: { $n }
conflicts-csv-person = person
conflicts-csv-name = name
conflicts-csv-unit = unit
conflicts-csv-unit-name = unit_name
conflicts-csv-rule = rule
conflicts-csv-leader-only = leader_only
conflicts-csv-path = path
conflicts-csv-detail = detail
