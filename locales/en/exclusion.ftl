# Why a person cannot serve, and how their training stands
# (src/report/exclusion.rs): check, why, replace, repair, draw, training.

excl-sep = ;{" "}
excl-grace = new to the pool: exempt until { $until }
excl-short = short of training: { $hours } of { $required } h ({ $missing } h missing)
excl-course = no counting record of the leader course “{ $course }”
excl-trained = trained: { $hours } of { $required } h
excl-unavailable = unavailable { $from }..{ $to }
excl-not-yet-in-pool = joins the pool on { $since }, after the round starts
excl-leaves-pool = leaves the pool on { $until }, before the round ends
excl-unfit = appraised unfit in { $round }: sits out (round { $nth } of { $of })
