# Documents: spreadsheet sheet names (XLSX tabs).
sheet-plan = Groups
sheet-conflicts = Conflicts
sheet-simulate = Term simulation
sheet-training = Training
usage-no-xlsx = { $command } has no --format xlsx; use table or json
sheet-simulate-seats = Rosters
