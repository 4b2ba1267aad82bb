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
load-duplicate-id = duplicate id "{ $id }"
load-duplicate-id-hint = already used by a { $first }; ids must be unique across units, villages and people
load-empty-id = empty id
load-wrong-kind = "{ $id }" is a { $is }, not a { $wanted }
load-village-not-unit-hint = name its township
load-unknown-id = unknown { $wanted } "{ $id }"
load-did-you-mean = did you mean { $nearest }? { $known }
load-skill-twice = skill "{ $name }" is listed twice
load-empty-skill = empty skill name
load-pool-without-skills = pool member without skills
load-pool-without-skills-hint = give them at least one skill ({ $known }) or set `pool: false`
load-unsupported-version = unsupported format version { $version }
load-unsupported-version-hint = this xuncha reads version 1
load-kind-unit = unit
load-kind-village = village
load-kind-person = person
load-kind-place = unit or village
load-subject-unit = unit { $id }
load-subject-village = village { $id }
load-subject-person = person { $id }
load-subject-round = round { $id }
load-subject-term-round = term round { $id }
load-subject-history-round = history round { $id }
load-subject-relation = relation { $id }
load-subject-apart-pair = apart pair { $id }
load-subject-training-record = training record of { $id }
load-subject-skills = skills
load-subject-version = version
