# Conflict evidence (FORMAT.md `detail`) and the short form other
# explanations quote. JSON renders these in English with codes as codes.

place-village = { $village } ({ $town })

## A rule in words, with its code.
rule-name-r1 = works there
rule-name-r2 = recent posting
rule-name-r3 = hometown
rule-name-r4 = relative works there
rule-name-r5 = declared
rule-name-l1 = long posting (leader)
rule-name-l2 = tie works there (leader)
rule-named = { $rule } { $name }

## `detail`: the evidence as a sentence.
evidence-works-at = { $who } works at { $place }
evidence-posted-long-ongoing = { $who } has been posted at { $place } since { $from } (at least { $years } years)
evidence-posted-long = { $who } was posted at { $place } { $from }..{ $to } (at least { $years } years)
evidence-posted-recent = { $who } was posted at { $place } { $from }..{ $to } (ended less than { $years } years before the round)
evidence-posted-now = { $who } is posted at { $place } { $from }.., still there
evidence-hometown = { $who }'s hometown is { $place }
evidence-hop = { $from } { $kind } { $to }
evidence-path-sep = {", "}
evidence-path-end = { $who } works at { $place }
evidence-declared = { $who } declared a conflict
evidence-declared-reason = { $who } declared a conflict: { $reason }

## The short form: `R4 via spouse 李娜`.
brief-works-at = { $rule } works at { $place }
brief-posted = { $rule } posted at { $place } { $from }..{ $to }
brief-posted-since = { $rule } posted at { $place } since { $from }
brief-hometown = { $rule } hometown { $place }
brief-hop = { $kind } { $who }
brief-via = { $rule } via { $hops }
brief-declared = { $rule } declared
brief-declared-reason = { $rule } declared: { $reason }
