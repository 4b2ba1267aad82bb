# `xuncha report`: a printable HTML report to file (docs/report.md).

html-lang = en
html-title = Round { $round }: inspection groups and review
html-dates = Inspection period: { $start } to { $end }
html-roster = 1. The inspection groups
html-group = Group { $n }
html-units = Units inspected: { $units }
html-villages = Villages: { $villages }
html-col-unit = Work unit
html-score = 2. How the roster scores
html-score-total = Objective { $total } (lower is better), made of:
html-recusal = 3. Recusal review
html-recusal-intro = As of { $date }, every member was checked against every unit and village of their group; the people below were kept out of a group by a recusal rule.
html-recusal-private = Kinship is personal data: this report names rules and counts, not relatives (use --evidence for a copy with the evidence).
html-recusal-checked = { $members } members checked against { $units } units and { $villages } villages: no conflict.
html-recusal-none = Nobody in the pool has a conflict with this group's units.
html-col-rule = Rule
html-col-kept-out = Kept out of this group
html-people = { $n } people
html-training = 4. Training
html-training-none = The scenario sets no training requirement.
html-training-summary = As of { $date }, { $short } of the { $pool } pool members are short of training and cannot serve in this round.
html-col-hours = Hours
html-col-required = Required
html-col-short = Missing
html-missing-course = the leader course “{ $course }”
html-term = 5. The rest of the term, simulated
html-chart-coverage = Units inspected so far, by round
html-chart-units = units
html-chart-served = Rounds served per pool member
html-chart-members = members (across: rounds served)
html-term-repeats = In the simulation, partners meet again { $pairs } times and units are inspected again { $units } times.
html-chart-grid = Unit × round (dark: inspected)
html-footer = Scenario { $file } (SHA-256 { $sha }); round { $round }; solver: { $status }; xuncha { $version }
html-invalid-roster = { $file }: the roster breaks the rules against the scenario as it is now; no report is made:
    { $violations }
html-status = Result: { $status }; { $groups } groups.
