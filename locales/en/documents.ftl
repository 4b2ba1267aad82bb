# Documents: spreadsheet sheet names (XLSX tabs).
sheet-plan = Groups
sheet-conflicts = Conflicts
sheet-simulate = Term simulation
sheet-training = Training
