# Documents: spreadsheet sheet names (XLSX tabs).
sheet-plan = 巡察组名单
sheet-conflicts = 回避审查
sheet-simulate = 任期推演
sheet-training = 培训情况
usage-no-xlsx = { $command } 不支持 --format xlsx；请用 table 或 json
sheet-simulate-seats = 各轮名单
