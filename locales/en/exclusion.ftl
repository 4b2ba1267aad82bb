# Why a person cannot serve, and how their training stands
# (src/report/exclusion.rs): check, why, replace, repair, draw, training.

excl-sep = ;{" "}
excl-grace = new to the pool: exempt until { $until }
excl-short = short of training: { $hours } of { $required } h ({ $missing } h missing)
excl-course = no counting record of the leader course “{ $course }”
excl-trained = trained: { $hours } of { $required } h
excl-unavailable = unavailable { $from }..{ $to }
