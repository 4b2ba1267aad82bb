# The score analysis under a roster (report/plan.rs `score_analysis`): the
# weighted sum, then every match behind each term.

score-total = 目标值 { $total } = { $wu }×{ $ru }（重复巡察同一单位）+ { $wp }×{ $rp }（成员再次同组）+ { $ww }×{ $wl }（工作量）+ { $wb }×{ $b }（各组均衡）
score-repeat-unit = 重复巡察同一单位 { $n }
score-repeat-unit-some = 重复巡察同一单位 { $n }：成员再次巡察以前巡察过的单位
score-unit-again = 第{ $group }巡察组：{ $who }再次巡察{ $unit }（此前在 { $rounds }）
score-repeat-pair = 成员再次同组 { $n }
score-repeat-pair-some = 成员再次同组 { $n }：以前同在一组的成员
score-pair-met = 第{ $group }巡察组：{ $a }与{ $b }曾同组（{ $rounds }）
score-workload = 工作量 { $n }
score-workload-some = 工作量 { $n }：每名成员此前参加巡察的轮次
score-load = 第{ $group }巡察组：{ $who }已参加 { $n } 轮（{ $rounds }）
score-balance-none = 各组均衡 { $n }：没有巡察组
score-balance = 各组均衡 { $n }：各组单位权重 { $weights }
score-group-weight = { $weight }（第{ $group }组）
