# Verified suggestions when no roster exists (docs/suggestions.md).

suggest-heading = what to change (each tried: the round plans once it is applied):
suggest-none = no single change, nor pair of changes, was found that lets the round plan within the time allowed
suggest-and = { " " }and{ " " }
suggest-groups = set `round.groups` to { $n }
suggest-max-units = set `round.max_units_per_group` to { $n }
suggest-size-min = set `round.group_size.min` to { $n }
suggest-max-retired = set `round.max_retired_per_group` to { $n }
suggest-drop-skill = drop { $skill } from `round.required_skills`
suggest-postpone = move { $unit } to a later round (out of `round.units`)
suggest-waive = after review, waive { $person }'s conflicts with { $unit } (`recusal.waived`)
