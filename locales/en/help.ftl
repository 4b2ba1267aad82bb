# `--help`: one line per command (`cmd-<path>`) and per flag or argument
# (`arg-<path>-<id>`, or the shared `arg-<id>`), the placeholders of values
# (`value-<name>`) and the page's headings. See src/cli/help.rs.
# Every id here must also be in ../zh-CN/help.ftl.

## Page layout (clap's own words).
help-usage = {"Usage: "}
help-commands = Commands:
help-arguments = Arguments:
help-options = Options:
help-examples = Examples:
help-usage-options = [OPTIONS]
help-usage-command = <COMMAND>
help-default = {" "}[default: { $value }]
help-choices = {" "}[possible values: { $values }]

## Commands.
cmd-xuncha = 巡察 — staff inspection rounds: personnel pool, recusal, roster planning
cmd-xuncha-note = Exit status: 0 success, 1 bad input or I/O, 2 bad usage, 3 no roster exists.
cmd-help = Print this message or the help of the given command
cmd-check = Validate a scenario and summarise pool, units, conflicts and exclusions
cmd-conflicts = List recusal conflicts with their evidence
cmd-plan = Plan the scenario's round: groups, leaders, members, units, villages
cmd-commit = Publish a roster: append it to the scenario's history (atomically; comments kept)
cmd-repair = Re-plan a roster after someone drops out or a conflict surfaces, changing the fewest seats
cmd-replace = Rank candidates for one person's seat, with why each fits or does not
cmd-why = Explain why a person is in their group, or not in another, and what moving them costs
cmd-training = Training records: who meets the requirement
cmd-training-report = Hours in the requirement window per pool member, totals, who falls short next
cmd-training-add = Add one record to the scenario's CSV ledger (the scenario file is never rewritten)
cmd-training-import = Add every row of a CSV file (UTF-8 or GBK; Chinese or English headers) to the ledger
cmd-training-import-note = Every bad row is reported with its line; nothing is written unless all rows are good.
cmd-generate = Write a synthetic county scenario (no real person's data)
cmd-simulate = Simulate the rest of the term: coverage, load, repeats, what-ifs, Monte Carlo

## Shared flags and arguments.
arg-help = Print help
arg-version = Print version
arg-help-subcommand = The command to print the help of
arg-lang = Language of the output: zh (Chinese, the default) or en; also read from the XUNCHA_LANG environment variable
arg-output = Write the result to this file (atomically) instead of standard output
arg-scenario = The scenario file (YAML, FORMAT.md v1)
arg-csv-bom = Start CSV with a UTF-8 byte-order mark: yes (the default, for Excel) or no
arg-format = Output format: table for people, json for programs, csv for Excel/WPS
arg-plan = The roster: the JSON of `xuncha plan --format json`
arg-time-limit = Stop the solver after this many seconds and return the best roster found
arg-as-of = Date postings are measured against (default: the round's start, else today)
arg-pin = Pins the roster must keep (YAML: leads, serves, sits_out, together; see docs/lifecycle.md); repeatable

## check, conflicts.
arg-conflicts-people = Only these people (repeat or separate with commas)
arg-conflicts-units = Only these units (repeat or separate with commas)
arg-conflicts-all-units = Check against every unit, not just the round's

## plan.
arg-plan-pin-plan = A partial plan (plan JSON) whose groups' units, leaders and members are kept

## commit, repair, replace, why.
arg-commit-scenario = The scenario file whose `history` receives the roster
arg-commit-plan = The plan to publish: the JSON of `xuncha plan --format json` (or `repair --format json`)
arg-commit-replace = If the round is already in history, replace its entry (publish a repaired roster)
arg-repair-scenario = The scenario file (YAML, FORMAT.md v1); its round may already be committed
arg-repair-plan = The roster to repair: the JSON of `xuncha plan --format json`
arg-repair-drop = A person who can no longer serve (repeat or separate with commas)
arg-repair-add-conflict = A conflict that surfaced: PERSON,UNIT (repeatable)
arg-repair-format = Output format: table; json, the new plan exactly as FORMAT.md "Plan output"; csv
arg-replace-scenario = The scenario file (YAML, FORMAT.md v1); its round may already be committed
arg-replace-person = The person whose seat is to be filled
arg-replace-top = List at most this many of each kind of candidate (0 = all)
arg-why-scenario = The scenario file (YAML, FORMAT.md v1); its round may already be committed
arg-why-person = The person to explain
arg-why-unit = Only the group holding this unit: why (not) there, and the cost of moving them there

## training.
arg-training-report-scenario = The scenario file (YAML, FORMAT.md v1); its ledgers are read beside it
arg-training-report-as-of = End of the window, exclusive (default: the round's start)
arg-training-report-year = Totals over the records of this calendar year instead of the window
arg-training-add-scenario = The scenario file (YAML, FORMAT.md v1); its ledgers are read beside it
arg-training-add-person = Person id, or a name borne by exactly one person
arg-training-add-course = The course's name
arg-training-add-date = The day of the training
arg-training-add-hours = Hours (学时)
arg-training-add-kind = annual, pre_round, practice, online or other (or a Chinese label: 全脱产专训, 轮前培训, 实战历练 …)
arg-training-add-result = Appraisal text (合格, 优秀 …); 不合格 / 未通过 / failed: the record counts for nothing
arg-training-import-scenario = The scenario file (YAML, FORMAT.md v1); its ledgers are read beside it
arg-training-import-file = A CSV file saved from Excel/WPS: UTF-8 (with or without BOM) or GBK
arg-planned = Allow dates after today: a course still to come
arg-ledger = The CSV ledger of training.files to append to (default: the first)
arg-dry-run = Check everything, write nothing

## generate.
arg-generate-preset = Size: small, county, city, or recusal-bench
arg-generate-seed = Random seed (default: the preset's own, which made the bundled samples)

## simulate.
arg-simulate-round-time-limit = Stop each round's solver after this many seconds
arg-simulate-without = What-if: these people leave the pool (comma-separated ids; repeatable)
arg-simulate-groups = What-if: this many groups in every simulated round
arg-simulate-group-size = What-if: group size in every simulated round, e.g. 4-5
arg-simulate-rounds = What-if: keep this many term rounds, or add rounds in the same rhythm up to it
arg-simulate-shift-months = What-if: move every term round this many months (negative: earlier), at most the term's length
arg-simulate-training = Training in the years the records do not reach: assumed (each member repeats every year the training of the last year on record) or recorded (only the records on file count); see docs/term.md
arg-simulate-lookahead = Choose each round's roster by how the next K-1 rounds go after it (1: round by round)
arg-simulate-round-by-round = Plan round by round only, without the search over the whole term
arg-simulate-term-moves = Swaps the search over the whole term may make at most (default 40000; 0: none)
arg-simulate-compare = Also simulate this variant and print the summaries side by side (repeatable), e.g. --compare "without=P0014,P0033" --compare "groups=6 group-size=4-5"; keys: without, groups, group-size, rounds, shift-months, training, lookahead
arg-simulate-samples = Monte Carlo: simulate this many terms with random absences (default 20 with --absence)
arg-simulate-seed = Monte Carlo: random seed; the same seed gives the same numbers
arg-simulate-absence = Monte Carlo: probability that a pool member misses a round (default 0.1 with --samples)
arg-simulate-rosters = Table: also print every round's groups
arg-plan-quiet = No solver progress on standard error
arg-simulate-quiet = No progress bar on standard error

## Placeholders of values.
value-lang = LANG
value-file = FILE
value-scenario = SCENARIO
value-plan = PLAN
value-round = ROUND
value-grade = GRADE
value-yes-no = YES|NO
value-format = FORMAT
value-seconds = SECONDS
value-yyyy-mm-dd = YYYY-MM-DD
value-yyyy = YYYY
value-pins-yaml = PINS.yaml
value-partial-json = PARTIAL.json
value-person = PERSON
value-unit = UNIT
value-person-unit = PERSON,UNIT
value-n = N
value-ids = IDS
value-min-max = MIN-MAX
value-training = TRAINING
value-k = K
value-variant = VARIANT
value-p = P
value-seed = SEED
value-preset = PRESET
value-course = COURSE
value-hours = HOURS
value-kind = KIND
value-result = RESULT
value-command = COMMAND

## The office's year: round next, pool, declare, waive, leave, relation.
arg-commit-next = Then make the next round of the term the round to plan (as `xuncha round next`)
arg-repair-record = Also record what it was told in the scenario: each --drop leaves the pool (出库) and each --add-conflict becomes a declared conflict (本人申报), with this reason
cmd-round = Rounds: move on after a commit
cmd-round-next = After a commit: make the next round of `term.rounds` the round to plan, its units chosen as `simulate` chooses them
arg-round-next-scenario = The scenario file whose round is committed
cmd-pool = The personnel pool: leave (出库), join (入库), appraise (考核评价), report
cmd-pool-remove = 出库: set `pool: false`, recording the date and reason
cmd-pool-add = 入库: set `pool: true`, recording the date and reason
arg-person = The person's id
arg-reason = Why, kept in the file (e.g. 调离, 退休, 新选调)
arg-date = The date (default: today)
cmd-declare = Record a conflict a person declared (本人申报)
arg-declare-unit = The unit (a township or department, not a village)
arg-declare-reason = What they declared (kept in `recusal.declared`)
cmd-waive = Record that a conflict was reviewed and needs no recusal
arg-waive-unit = The unit of the conflict
arg-waive-reason = Why it does not require recusal (required; kept in `recusal.waived`)
cmd-leave = Record that a person is unavailable from one date to another
arg-leave-from = First day unavailable
arg-leave-to = Last day unavailable (inclusive)
arg-leave-reason = Why (e.g. 病假, 产假), kept in the file
cmd-relation = Relations between people
cmd-relation-add = Add a relation A–B of KIND (spouse, parent, … or 配偶, 父母, …)
arg-relation-add-a = One person's id
arg-relation-add-b = The other person's id
arg-relation-add-kind = The kind (see FORMAT.md "Relation kinds")
arg-relation-add-note = Where the office learnt of it, kept in the file
arg-generate-force = With -o: replace the file if it exists
value-reason = REASON
value-a = A
value-b = B
value-note = NOTE

## draw.
cmd-draw = Draw a roster from a public seed: every rule kept, chances as equal as possible
arg-draw-seed = The public seed announced before the draw (any text); the same seed draws the same roster
arg-draw-within = Draw among rosters whose objective is within this many percent of the optimum (default 10; 0 = optimal rosters only)
arg-draw-format = Output format: table; json, the plan of FORMAT.md with the draw's seed and odds; csv
arg-draw-verify = Re-derive the draw in this JSON file from its seed and say whether it matches (exit 1 if not)
value-pct = PCT
value-draw-json = DRAW.json
cmd-template = Write an empty Excel workbook for the pool, with headers, examples and drop-down lists
cmd-template-note = Fill it in, then name it in the scenario: sources: [人员库.xlsx] (docs/workbooks.md).
arg-template-force = With -o: replace the file if it exists
cmd-export = Write the scenario's lists (units, people, relations …) as an Excel workbook
cmd-export-note = With sources: [that workbook] in place of those lists, the scenario gives the same conflicts and plan.
arg-export-force = With -o: replace the file if it exists
cmd-import = Bring data in from other systems
cmd-import-lrmx = Read appointment forms (.lrmx) into a workbook: people, postings, relatives, and a sheet 待核对 of names to check
cmd-import-lrmx-note = Nothing is matched by a guess: review 待核对, then name the workbook in sources: (docs/workbooks.md).
arg-import-lrmx-files = .lrmx files, or folders holding them
arg-import-lrmx-force = With -o: replace the file if it exists
value-files = FILE_OR_DIR
cmd-report = Write a printable HTML report of the round: the groups, the score, the recusal review, training, and with --simulate the term as charts
arg-report-plan = The roster to report (the JSON of `xuncha plan --format json`); without it the round is planned as `plan` does
arg-report-simulate = Add the rest of the term, simulated, as charts
arg-report-evidence = Add each conflict's evidence, kinship paths and relatives' names included (personal data: off by default)
value-plan-json = PLAN.json
cmd-pool-report = The pool as of a date: composition, idle members, who leaves, reserve cadres, appraisals, who is out of rotation
arg-pool-report-idle = List members who have not served for at least this many rounds (0: none)
arg-pool-report-format = Output: table; json for programs; csv or xlsx, one row per pool member
cmd-pool-appraise = 考核评价: record a member's grade for a history round they served in
arg-pool-appraise-round = The history round appraised
arg-pool-appraise-grade = The grade: excellent, competent, basic or unfit (优秀, 称职, 基本称职, 不称职)
arg-pool-appraise-note = A note kept with the appraisal
