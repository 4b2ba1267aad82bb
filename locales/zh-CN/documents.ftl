# Documents: spreadsheet sheet names (XLSX tabs).
sheet-plan = 巡察组名单
sheet-conflicts = 回避审查
sheet-simulate = 任期推演
sheet-training = 培训情况
