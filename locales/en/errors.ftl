# Load errors (src/report/errors.rs): a scenario, ledger or plan file
# that could not be read or is not valid. The location `file:line:col`
# keeps one form in every language so editors can jump to it.

load-at = { $at }: { $what }
load-about = { $subject }: { $what }
load-hint = { $problem } ({ $hint })
load-problems = { $file }: { $n } problems
load-known = known: { $list }
load-known-more = known: { $list }, … { $n } in all
load-known-none = none are declared
load-unknown-skill = unknown skill "{ $name }"
load-unknown-relation-kind = unknown relation kind "{ $kind }"
load-relation-kind-near = did you mean { $nearest }? { $known }; a kind of your own goes in recusal.other_kinds (recorded, never walked) or recusal.kin
load-relation-kind-hint = { $known }; a kind of your own goes in recusal.other_kinds (recorded, never walked) or recusal.kin
load-date-out-of-range = date { $date } out of range
load-date-range-hint = dates run from { $min }-01-01 to { $max }-12-31; is the year a typo?
load-hours-out-of-range = hours { $hours } out of range
load-hours-range-hint = a number from 0 to { $max }
