# 方案评价（`plan`、`repair`、`simulate --rosters`、报告）。

score-headline = 目标值 { $total } = { $wu }×{ $ru }（重复巡察同一单位）+ { $wp }×{ $rp }（搭档重复）+ { $ww }×{ $wl }（既往工作量）+ { $wb }×{ $bal }（各组工作量差）
score-repeat-unit-none = 重复巡察同一单位 { $n }
score-repeat-unit = 重复巡察同一单位 { $n }：组员再次巡察曾巡察过的单位
score-unit-again = 第 { $group } 组：{ $person }再次巡察{ $unit }（此前在 { $rounds }）
score-repeat-pair-none = 搭档重复 { $n }
score-repeat-pair = 搭档重复 { $n }：曾经同组的组员再次同组
score-pair-again = 第 { $group } 组：{ $a }与{ $b }曾同组（{ $rounds }）
score-workload-none = 既往工作量 { $n }
score-workload = 既往工作量 { $n }：各组员此前参加巡察的轮次
score-load = 第 { $group } 组：{ $person }，此前 { $n } 轮（{ $rounds }）
score-balance-none = 各组工作量差 { $n }：没有巡察组
score-balance = 各组工作量差 { $n }：各组单位权重为 { $weights }
score-group-weight = { $weight }（第 { $group } 组）
score-headline-reserve = + { $wr }×{ $rr }（后备干部未安排）
score-reserve-none = 后备干部未安排 { $n }
score-reserve = 后备干部未安排 { $n }：本届尚未参加巡察、本轮可参加而未安排的后备干部 { $who }
