# Why no roster exists (src/report/diagnosis.rs). The English is also the
# `diagnosis` of plan and simulate JSON.

diag-sep = ;{" "}
diag-people-sep = {", "}
diag-and = {" "}and{" "}
diag-out = ; out: { $people }
diag-person-out = { $person } { $why }
diag-conflicts-with = conflicts with { $unit } ({ $conflicts })
diag-too-many-departments = the round has { $departments ->
    [one] { $departments } department
   *[other] { $departments } departments
} but only { $groups ->
    [one] { $groups } group
   *[other] { $groups } groups
}, and no group may hold two departments (H2); raise `groups` to { $departments } or move { $extra ->
    [one] { $extra } department
   *[other] { $extra } departments
} to a later round
diag-units-do-not-fit = { $units ->
    [one] { $units } unit
   *[other] { $units } units
} cannot fit in { $groups ->
    [one] { $groups } group
   *[other] { $groups } groups
} of at most { $max } units each (H1); raise `groups` to { $needed } or `max_units_per_group`
diag-too-few-units = { $groups ->
    [one] { $groups } group
   *[other] { $groups } groups
} but only { $units ->
    [one] { $units } unit
   *[other] { $units } units
}: every group needs at least one unit (H1); lower `groups` to { $units }
diag-too-few-people = { $groups ->
    [one] { $groups } group
   *[other] { $groups } groups
} of at least { $min } need { $seats } members but only { $available } of { $pool } pool members are available ({ $unavailable } unavailable, { $training } short of training{ $rotation ->
    [0] {""}
   *[other] , { $rotation } out of rotation
}) (H3, H7, H8); lower `group_size.min` to { $per_group } or `groups` to { $fewer_groups }
diag-too-few-leaders = { $groups ->
    [one] { $groups } group needs
   *[other] { $groups } groups need
} { $groups } leaders but only { $leaders ->
    [one] { $leaders } available pool member
   *[other] { $leaders } available pool members
} may lead (H4){ $out }; lower `groups` to { $leaders } or add leaders to the pool
diag-required-skill-short = every group needs { $skill } (required_skills, H5) but only { $holders ->
    [one] { $holders } available pool member has
   *[other] { $holders } available pool members have
} it{ $out }
diag-too-many-retired = { $groups ->
    [one] { $groups } group
   *[other] { $groups } groups
} of at least { $min } need { $seats } members; with at most { $max } retired per group (H9) only { $possible } are possible ({ $active } available members not retired); raise `max_retired_per_group` or lower `group_size.min`
diag-nobody-may-lead = nobody may lead the group holding { $unit } (H4, H6): { $out }; add a waiver after review, or move { $name } to a later round
diag-no-leaders = the pool has no leaders
diag-unit-understaffed = the group holding { $unit } needs { $min } members but only { $staff } available pool members have no conflict with it (H3, H6)
diag-unit-skill-nobody = the group holding { $unit } needs { $skill } (H5) and no pool member has it; add such a member to the pool
diag-unit-skill-out = the group holding { $unit } needs { $skill } (H5); { $holders ->
    [one] the only pool member with { $skill } is out
   *[other] all { $holders } pool members with { $skill } are out
}: { $out }
diag-split-impossible = the units cannot be split into the round's groups even without the staffing rules (H1, H2)
diag-timed-out = the solver ran out of time while looking for the reason; raise --time-limit
diag-rules-clash = no roster satisfies all rules together, though each counting check passes; a roster exists once { $rules } { $n ->
    [one] is
   *[other] are
} relaxed
diag-pins-clash = the pins cannot all hold: { $pins } { $n ->
    [one] leaves
   *[other] together leave
} no roster that keeps every rule; drop or change one of these pins
diag-pin-quoted = "{ $pin }"
diag-pin-cannot-hold = pin "{ $pin }": { $problem }
diag-pin-lead = { $person } leads the group holding { $unit }
diag-pin-serve = { $person } serves with { $unit }
diag-pin-sit-out = { $person } sits this round out
diag-pin-together = { $unit } and { $other } go together
diag-pin-not-in-round = { $name } is not inspected this round
diag-pin-sits-out = another pin has them sit this round out
diag-pin-not-in-pool = they are not in the pool
diag-pin-not-leader = they may not lead (leader: false)
diag-pin-not-both = both must be inspected this round
diag-pin-two-departments = no group may hold two departments (H2)
diag-pin-one-unit = `max_units_per_group` is 1
diag-family-apart = kin and `apart` pairs kept apart
diag-family-retired = the limit on retired members
diag-family-leader-conflict = the leaders' stricter conflicts
diag-family-unit-skill = the skills units require
diag-family-required-skill = the skills every group requires
diag-family-conflict = the members' conflicts
diag-family-size-min = the minimum group size
diag-family-once = serving in one group only
diag-family-pin = the pins
diag-family-other = a structural rule
diag-family = { $what } ({ $rule })
