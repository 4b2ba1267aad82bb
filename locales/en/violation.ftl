# The validator's findings about a roster (src/report/violation.rs): the
# English is also the `detail` of why/replace JSON, so it stays as it was.

viol-no-village = no village
viol-wrong-group-count = The roster has { $count } groups; the round calls for { $expected }.
viol-unit-not-covered = { $unit } is inspected by no group.
viol-unit-twice = { $unit } is held more than once: groups { $groups }.
viol-unit-not-in-round = Group { $group } holds { $unit }, which this round does not inspect.
viol-group-unit-count = Group { $group } holds { $count } units; a group holds 1 to { $max }.
viol-two-departments = Group { $group } holds more than one department: { $units }.
viol-group-size = Group { $group } has { $size } members; a group has { $min } to { $max }.
viol-group-size-exact = Group { $group } has { $size } members; a group has exactly { $min }.
viol-not-in-pool = { $who } in group { $group } is not in the pool (pool: false).
viol-out-of-rotation = { $who } in group { $group } is out of rotation: { $why }.
viol-person-twice = { $who } is listed more than once: groups { $groups }.
viol-leader-not-member = The leader of group { $group }, { $who }, is not among its members.
viol-leader-not-eligible = The leader of group { $group }, { $who }, may not lead a group (leader: false).
viol-missing-skill-unit = No member of group { $group } has the skill { $skill } (required by { $unit }).
viol-missing-skill-all = No member of group { $group } has the skill { $skill } (required of every group this round).
viol-conflict = { $who } may not inspect { $unit } in group { $group } [{ $rule }]: { $detail }.
viol-conflict-leader = { $who } may not inspect { $unit } as leader of group { $group } [{ $rule }]: { $detail }.
viol-unavailable = { $who } in group { $group } is unavailable { $from }..{ $to }, during the round.
viol-training-hours = { $who } in group { $group } has { $hours } training hours in the window; { $required } are required.
viol-training-course = { $who } in group { $group } has { $course }.
viol-too-many-retired = Group { $group } has { $count } retired (退职未退休) members; at most { $max } allowed.
viol-villages = Group { $group } visits { $got } in { $township }; the rule selects { $expected } (every tagged village, then the most complained-of).
viol-stray-village = Group { $group } visits { $village }, whose township { $township } it does not hold.
viol-kin-pair = { $a } and { $b } in group { $group } are related ({ $kind }).
viol-apart-pair = { $a } and { $b } are to be kept apart but both serve in group { $group }.
