# `xuncha training`: the report (table and CSV) and what `add` and `import` say.

training-heading = training as of { $date }: { $hours } h required within the { $days } days before ({ $window })
training-heading-none = training as of { $date }: no requirement set; all hours on record shown
training-valid-months = a record stops counting { $months } months after its date
training-leader-course = leaders need a counting record of a course named “…{ $course }…”
training-grace-days = members are exempt for { $days } days after joining the pool (pool_since)
training-scope-window = window { $from }..{ $to }
training-scope-year = { $year }
training-scope-all = all records
training-col-hours = hours
training-col-status = status
training-col-last = last course
training-col-expires = lapses on
training-col-year-hours = year hours
training-col-course = course
training-col-records = records
training-col-people = people
training-col-failed = failed
training-col-kind = kind
training-col-then = then
training-ok = ok
training-ok-planned = ok ({ $hours } h planned)
training-last = { $course } ({ $date })
training-short-count = { $short } of { $people } short
training-by-course = by course ({ $scope }):
training-by-kind = by kind:
training-no-records = no records
training-kind = { $kind }
training-next-round = { $n ->
    [0] next round { $round } ({ $start }): nobody compliant now falls short by then
   *[other] next round { $round } ({ $start }): { $n } compliant now will fall short by then unless they train
}
training-duplicates = warning: { $n } records on file twice (same person, course, date and hours; both count):
training-duplicate = { $person } { $course } { $date } { $hours } h: { $first } and { $again }
training-csv-person = person
training-csv-name = name
training-csv-hours = hours
training-csv-required = required
training-csv-compliant = compliant
training-csv-short-by = short_by
training-csv-missing-course = missing_course
training-csv-grace-until = grace_until
training-csv-last-course = last_course
training-csv-last-date = last_date
training-csv-expires = expires
training-csv-planned-hours = planned_hours
training-csv-year-hours = year_hours
training-added = { $dry_run ->
    [yes] would add (dry run, nothing written) to
   *[no] added to
} { $ledger }:{ $line }{ $created ->
    [yes] {" "}(new file)
   *[no] {""}
}: { $id } { $name }, { $course }, { $date }, { $hours } h
training-added-kind = , { $kind }
training-standing = { $id } { $name } on { $date }{ $when ->
    [round] {" "}(start of { $round })
   *[today] {" "}(today)
}: { $standing }
training-imported = { $dry_run ->
    [yes] would import (dry run, nothing written)
   *[no] imported
} { $n } records from { $file } ({ $encoding }) into { $ledger } ({ $many ->
    [yes] lines
   *[no] line
} { $lines }{ $created ->
    [yes] , a new file
   *[no] {""}
})
training-nothing-imported = { $file } holds no records; nothing was written
