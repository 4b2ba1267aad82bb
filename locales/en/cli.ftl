# The command line: what `main` itself prints.

# Every error ends the run with this line on standard error.
error-line = error: { $error }

## Usage errors clap finds (src/report/usage.rs).
clap-unknown-flag = { $flag } is not an option of this command
clap-did-you-mean = tip: did you mean { $suggestion }?
clap-unexpected-argument = unexpected argument `{ $value }`
clap-unknown-command = `{ $name }` is not a command
clap-missing-command = `{ $name }` needs a command: { $valid }
clap-invalid-choice = { $flag } cannot be `{ $value }`: choose { $valid }
clap-missing-value = { $flag } needs a value
clap-bad-value = { $flag }: `{ $value }` is not a valid value
clap-missing = missing required arguments: { $args }
clap-conflict = { $flag } cannot be used with { $with }
clap-repeated = { $flag } can be given only once
clap-value-not-taken = { $flag } takes no value
clap-see-help = Run `{ $command } --help` for help.

## Values refused on the command line: why (the flag comes first).
usage-value = { $flag }: { $reason }
bad-not-a-number = `{ $text }` is not a number
bad-not-whole = `{ $text }` is not a whole number
bad-out-of-range = `{ $text }` is out of range: give { $min } to { $max }{ $unit ->
    [months] {" "}months
    [moves] {" "}moves
    [samples] {" "}samples
    [rounds] {" "}rounds
    [groups] {" "}groups
    [hours] {" "}hours
    [lookahead] {" "}rounds
   *[other] {""}
}
bad-time-limit = `{ $text }` is not a time limit: give more than 0 and at most { $max } seconds (a day)
bad-not-a-date = `{ $text }` is not a date (write it YYYY-MM-DD, e.g. 2027-03-01)
bad-date-out-of-range = `{ $text }` is out of range: give a date from { $min } to { $max }
bad-no-ids = no id given (separate ids with commas, e.g. P0014,P0033)
bad-group-size = `{ $text }` is not a group size (write MIN-MAX, e.g. 4-5)
bad-group-size-order = `{ $text }`: the minimum must be at least 1 and not above the maximum (at most 1000)
bad-lang = `{ $text }` is not a language xuncha speaks; use zh or en

## Errors the command line raises after reading the scenario.
usage-not-in-pool = { $flag } { $id }: not a pool member (pool: true) in { $file }
usage-shift-beyond-term = --shift-months { $months } is out of range: the term of { $file } runs { $max } months; give -{ $max } to { $max }
usage-no-term = { $flag }: { $file } has no `term` to change; add a `term:` section first (see FORMAT.md)
usage-do-not-combine = { $first } and { $second } do not combine: run them separately
usage-csv-one-run = --format csv or xlsx gives the rounds of one simulation; use table or json with --compare or Monte Carlo
usage-no-round = { $file }: the scenario has no `round` to plan (add a `round:` section; see FORMAT.md)
usage-no-date = { $file } has no round to take the date from: give { $flag } YYYY-MM-DD
usage-empty-course = --course is empty: name the course
usage-unknown-kind = --kind { $text } is not a kind of training (annual, pre_round, practice, online or other)
usage-unknown-grade = --grade { $text } is not an appraisal grade: use excellent (优秀), competent (称职), basic (基本称职) or unfit (不称职)
usage-output-is-input = -o { $file } is the file { $input } this command reads: choose another output file so it is not overwritten
stdout-failed = cannot write to standard output: { $reason }

## Files.
io-cannot-read = cannot read { $file }: { $reason }
io-not-found = no such file or directory
io-permission = permission denied
io-not-a-file = not a regular file (it is a { $kind ->
    [directory] directory
    [fifo] FIFO
    [socket] socket
    [device] device
   *[other] special file
})
io-too-large = larger than the limit of { $limit } bytes
io-other = { $error }
usage-variant = --compare "{ $text }": { $reason }
