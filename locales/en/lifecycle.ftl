# The roster lifecycle: commit, round next, everyday edits, repair, replace, why.
# Every id here must also be in ../zh-CN/lifecycle.ftl.

lc-group = group { $n } ({ $units })
lc-kind-person = person
lc-kind-unit = unit
lc-kind-village = village
lc-and-more = {" "}… and { $n } more
lc-more = … and { $n } more (--top 0 lists all)

## Errors.
lc-err-no-round = { $file }: the scenario has no `round` (add a `round:` section; see FORMAT.md)
lc-err-unknown = { $flag } { $id }: no such { $want } in { $file } (known: { $known })
lc-err-village-not-unit = { $flag } { $id }: { $id } is a village in { $file }; name its township { $township }
lc-err-wrong-kind = { $flag } { $id }: { $id } is a { $is } in { $file }, not a { $want }
lc-err-not-in-roster = { $flag } { $id }: { $id } is not in the roster of { $file } (its members: { $members })
lc-err-not-held = { $flag } { $id }: no group of { $file } holds { $id } (the roster's units: { $held })
lc-err-person-unit = { $flag } { $value }: expected PERSON,UNIT, e.g. { $flag } P04,T02
lc-err-refused = { $plan }: cannot commit round { $round }:
lc-refused-committed = round { $round } is already in the history of { $file } (entry { $entry })
lc-refused-committed-hint = (to publish a changed roster for it, e.g. after `xuncha repair`, add --replace)
lc-refused-breaks-hint = (it breaks rules against the scenario as it is now; `xuncha repair` with { $plan } re-plans with the fewest changes)
lc-err-foreign-round = { $plan } was planned for round { $planned }, but the round of { $file } is { $round }: refused (plan the scenario's round, or give the scenario the plan was made for)
lc-err-foreign-scenario = { $plan } was planned for another scenario, not { $file } (its units differ): refused (give the scenario the plan was made for, or plan again)
lc-warn-changed = warning: { $file } has changed since { $plan } was planned; the roster is checked against the scenario as it is now
lc-err-edit = { $file }: cannot make the change safely as text ({ $reason }); nothing was written (make it by hand)
lc-err-edit-refused = { $file }: { $change } refused: { $why }; nothing was written
lc-err-next-not-committed = { $file }: round { $round } is not committed yet: plan it and `xuncha commit` its roster first
lc-err-next-no-term = { $file }: the scenario has no `term.rounds` to take the next round from (add a `term:` section; see FORMAT.md)
lc-err-next-done = { $file }: every round of `term.rounds` is in history; nothing comes next in this term
lc-err-plan-committed = { $file }: round { $round } is already committed (history entry { $entry }); `xuncha round next { $file }` makes the next round of the term the round to plan, and `xuncha repair` changes the committed roster
lc-committed-note = note: round { $round } of { $file } is committed (history entry { $entry }); `xuncha round next { $file }` moves on to the next round

## The file writer.
lc-write-read-only = { $path } is read-only: xuncha does not change it (make it writable first if it should change); nothing was written
lc-write-exists = { $path } already exists: give --force to overwrite it
lc-write-busy = { $path } has been changed by another xuncha for { $seconds } s (lock file { $lock }); nothing was written, try again when it has finished
lc-write-not-a-file = { $path } is not a regular file; nothing was written
lc-write-failed = { $path }: cannot write the file: { $error }

## Everyday edits.
lc-change-pool-remove = removing { $who } from the pool
lc-change-pool-add = adding { $who } to the pool
lc-change-declare = the declaration of { $who } for { $unit }
lc-change-waive = waiving the conflict of { $who } with { $unit }
lc-change-leave = the leave of { $who } { $from }..{ $to }
lc-change-relation = the relation { $a } { $kind } { $b }
lc-why-not-in-pool = { $who } is not in the pool
lc-why-already-in-pool = { $who } is already in the pool
lc-why-already-declared = { $who } already declared a conflict with { $unit } ({ $reason })
lc-why-already-waived = the conflict of { $who } with { $unit } is already waived ({ $reason })
lc-why-no-conflict = { $who } has no conflict with { $unit } on { $date }, so there is nothing to waive
lc-why-no-reason = give the reason with --reason
lc-why-backwards = --to { $to } is before --from { $from }
lc-why-already-on-leave = { $who } is already recorded unavailable for these dates
lc-why-same-person = a person cannot be related to themself
lc-why-already-related = the two are already recorded with this kind
lc-why-invalid = the file would no longer load: { $problems }
lc-reason = , reason: { $reason }
lc-done-pool-remove = { $who } left the pool (出库) on { $date }{ $reason }
lc-done-pool-add = { $who } joined the pool (入库) on { $date }{ $reason }
lc-done-declare = { $who } declared a conflict with { $unit } (本人申报) on { $date }: { $reason }
lc-done-waive = the conflict of { $who } with { $unit } is waived from { $date }: { $reason }
lc-done-leave = { $who } is unavailable { $from }..{ $to }{ $reason }
lc-done-relation = { $a } { $kind } { $b }, recorded on { $date }
lc-done-where = { $change } ({ $file }:{ $lines })
lc-done-in-roster = note: { $who } is in group { $group } of the committed round { $round }; `xuncha repair { $file } PLAN.json` re-plans it with the fewest changes

## Commit and round next.
lc-commit-done = committed round { $round } to { $file }: { $groups } groups, { $members } members, history entry { $entry } (lines { $from }-{ $to })
lc-commit-replaced = replaced the history entry of round { $round } in { $file }: { $groups } groups, { $members } members (lines { $from }-{ $to })
lc-commit-unchanged = round { $round } is already committed with this roster; { $file } is unchanged
lc-commit-next-hint = next: `xuncha round next { $file }` makes the next round of the term the round to plan; `repair`, `replace`, `why` and `commit --replace` still work on round { $round }
lc-commit-still = `repair`, `replace`, `why` and `commit --replace` still work on round { $round }
lc-next-head = round { $round } follows { $after } in { $file } (lines { $from }-{ $to })
lc-next-shape = { $start } to { $end }, { $groups } groups, { $units } units, chosen as `xuncha simulate` chooses them:
lc-next-new = { $unit }: not yet inspected this term
lc-next-new-must = { $unit }: not yet inspected this term, { $must } villages to inspect (poverty, weak_org, hotspot)
lc-next-refill = { $unit }: inspected again so that every group has a unit (the longest since its last inspection)
lc-next-last = ; last in { $round } ({ $date })
lc-next-never = ; never inspected
lc-next-after = after it: { $left } units still to cover in { $rounds } more rounds of the term
lc-next-left-out = capacity short: no remaining round has room for { $units }
lc-next-inherit = note: { $rounds } take fields they do not give from `round` and now get this round's values; give them their own if that is not meant
lc-next-then = the office may change `round.units` before planning; then `xuncha plan { $file }`

## Repair and its diff.
lc-repair-head = repair of round { $round }: { $seats } { $seats ->
    [one] seat changes
   *[other] seats change
} (fewest possible), score { $before } → { $after }
lc-repair-head-unproven = repair of round { $round }: { $seats } { $seats ->
    [one] seat changes
   *[other] seats change
} (fewest found; the time limit stopped the proof), score { $before } → { $after }
lc-repair-none = repair of round { $round }: no roster satisfies every rule with these changes
lc-repair-dropped = dropped: { $who } (was in group { $group })
lc-repair-dropped-outside = dropped: { $who } (was not in the roster)
lc-repair-conflict = new conflict: { $who } with { $unit } (R5)
lc-repair-changes = changes:
lc-repair-unrecorded = --drop and --add-conflict change only this repair's view of { $file }; record them with --record REASON (or `xuncha pool remove` / `xuncha declare`) so that `commit` and later rounds see them
lc-diff-was = , was group { $groups }
lc-diff-new = , new
lc-diff-unchanged = { $head }: unchanged
lc-diff-line = { $head }: { $parts }
lc-diff-leaves-for = { $who } leaves for group { $group }
lc-diff-leaves = { $who } leaves
lc-diff-joins-from = { $who } joins from group { $group }
lc-diff-joins = { $who } joins
lc-diff-leader = leader { $old } → { $new }
lc-diff-takes = takes { $unit }
lc-diff-hands-over = hands over { $unit }
lc-diff-gone = old group { $group } is gone (its first unit is not in the new roster): { $members } leave

## Replace.
lc-replace-head = replace { $who }, { $role } of { $group }, round { $round }; score now { $score }
lc-replace-needs = the group needs { $needs }; { $name } brought { $held }
lc-replace-needs-none = the group needs { $needs }; { $name } brought none of them
lc-replace-already = note: the roster already breaks rules (not held against candidates): { $briefs }
lc-replace-none = nobody outside the roster fits this seat; `xuncha repair` may move others to make room
lc-replace-fits = { $n } { $n ->
    [one] fits
   *[other] fit
}, best first: each keeps every skill the group needs, has no conflict with { $units } and breaks no other rule
lc-replace-takes-lead = takes the lead
lc-replace-misfits = closest that do not fit:
lc-replace-misfit = { $who }: { $briefs }
lc-col-rank = rank
lc-col-person = person
lc-col-name = name
lc-col-score = score
lc-col-brings = brings
lc-col-past = past rounds
lc-col-leader = leader

## Violations in a few words.
lc-brief-sep = ;{" "}
lc-brief-who = { $who }:{" "}
lc-brief-conflict = { $who }{ $conflict } with { $unit }
lc-brief-as-leader = { $text } (as leader)
lc-brief-unavailable = { $who }unavailable { $from }..{ $to }
lc-brief-training = { $who }short of training ({ $hours } of { $required } h)
lc-brief-course = { $who }{ $course }
lc-brief-missing-skill = group { $group } would lack { $skill }
lc-brief-kin-of = { $kind } of { $other } in the group
lc-brief-kin = { $a } and { $b } are related ({ $kind })
lc-brief-apart-from = to be kept apart from { $other }
lc-brief-apart = { $a } and { $b } are to be kept apart
lc-brief-retired = group { $group } would have { $count } retired members (max { $max })
lc-brief-too-small = group { $group } would have { $size } members (min { $min })
lc-brief-too-big = group { $group } would have { $size } members (max { $max })
lc-brief-no-leader = nobody left in group { $group } may lead
lc-brief-may-not-lead = { $who }may not lead (leader: false)
lc-brief-not-in-pool = { $who }not in the pool (pool: false)

## Why.
why-head-leads = why { $who } leads { $group }, round { $round }
why-head-serves = why { $who } serves in { $group }, round { $round }
why-head-outside = why { $who } is not in the roster of round { $round }
why-conflict = { $conflict } with { $unit }
why-no-conflict = no conflict with { $units }
why-conflicts = conflicts (the roster breaks H6): { $conflicts }
why-lead-only = as a member only: leading it would break { $conflicts }
why-waived = waived: { $conflict } ({ $reason })
why-available = available for the whole round
why-available-trained = available for the whole round and trained
why-brings = brings { $skills }
why-skill-alone = { $skill } (nobody else in the group has it)
why-skill-shared = { $skill } (so do { $others })
why-brings-none = brings none of the skills the group needs ({ $needs })
why-brings-nothing-needed = the group needs no particular skill
why-only-leader = the only member who may lead the group
why-other-leaders = others who may lead: { $others }
why-retired = retired from post (退职未退休): { $n } in the group
why-retired-max = retired from post (退职未退休): { $n } in the group (at most { $max })
why-served-none = served no earlier round
why-served = served { $n } earlier { $n ->
    [one] round
   *[other] rounds
} ({ $rounds })
why-score-nothing = adds nothing to the score
why-score = their part of the score: { $total } = { $parts }
why-part-workload = workload { $weight }×{ $rounds }
why-part-repeat-unit = repeat_unit { $weight } (inspects { $unit } again, also in { $rounds })
why-part-repeat-pair = repeat_pair { $weight } (met { $who } in { $rounds })
why-cannot-serve = cannot serve this round: { $reasons }
why-out-not-in-pool = not in the pool (pool: false)
why-outside-facts = available for the whole round; skills { $skills }; { $served }
why-already = note: the roster breaks rules as it is: { $briefs }
why-moving = moving them (score now { $score }):
why-bringing = bringing them in (score now { $score }):
why-prospect = { $group }: { $how }, score { $score } ({ $delta })
why-prospect-never = { $group }: not possible: { $briefs }
why-prospect-closest = { $group }: no way works; closest, { $how }: { $briefs }
why-move-there = move there
why-join = join
why-swap = swap with { $who }
why-take-seat = take the seat of { $who }
lc-change-appraise = the appraisal of { $who } for { $round } ({ $grade })
lc-why-not-in-history = { $round } is not a round of the history (there: { $known })
lc-why-did-not-serve = { $who } did not serve in { $round }, so cannot be appraised for it
lc-why-already-appraised = { $who } is already appraised for { $round }: { $grade }; edit the scenario file to correct it
lc-done-appraise = { $who } appraised { $grade } for { $round }{ $note }
lc-note = , note: { $note }
lc-why-in-workbook = { $who } is listed in a `sources` workbook, not in the file's own `people`: make the change in the workbook (sheets 人员, 不可参加, 入库出库)
