# The pool over time (src/report/pool.rs): `xuncha pool report`, its
# sheet, and the pool section of the HTML report (docs/pool.md).

pool-headline = The pool as of { $date }: { $pool } members
pool-category = { $category ->
    [full_time] full-time
    [part_time] part-time
    [talent] talent pool
   *[unspecified] not given
}
pool-grade = { $grade ->
    [excellent] excellent
    [competent] competent
    [basic] basically competent
   *[unfit] unfit
}
pool-grade-count = { $grade } { $count }
pool-never = never
pool-no-unit = no work unit recorded
pool-by-category = By category
pool-by-skill = By skill
pool-by-unit = By work unit
pool-idle = Not served for { $rounds } rounds or more ({ $count })
pool-leaving = Due to leave the pool ({ $count })
pool-overdue = date passed, still in the pool: `xuncha pool remove … { $id }`
pool-reserve = Reserve cadres ({ $count }; { $unserved } not yet served this term)
pool-appraisals = Appraisals ({ $count }: { $grades })
pool-out-of-rotation = Out of rotation for round { $round } ({ $count })
pool-changes = Joined and left ({ $count }, newest first)
pool-change = { $joined ->
    [yes] joined
   *[no] left
}
pool-col-category = category
pool-col-members = members
pool-col-leaders = may lead
pool-col-reserve = reserve
pool-col-retired = retired from post
pool-col-skill = skill
pool-col-unit = unit
pool-col-person = person
pool-col-id = id
pool-col-name = name
pool-col-leader = may lead
pool-col-served = rounds served
pool-col-in-term = rounds this term
pool-col-last = last served
pool-col-since = rounds since
pool-col-until = leaves on
pool-col-joined = joined on
pool-col-note = note
pool-col-round = round
pool-col-grade = grade
pool-col-why = why
pool-col-date = date
pool-col-change = change
pool-col-reason = reason
pool-col-out = out of rotation this round
sheet-pool = pool
html-pool = The personnel pool
