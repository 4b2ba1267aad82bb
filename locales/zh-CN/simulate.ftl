# `xuncha simulate`: the per-round table, the summary, the comparison of
# variants, Monte Carlo, and the progress bar.

simulate-progress = { $spinner } 模拟 [{ $bar }] 第 { $pos }/{ $len } 轮，当前 { $round }（已用 { $elapsed }，约剩 { $eta }）
sim-heading = 本届模拟：{ $rounds } 轮（{ $first } … { $last }），人才库 { $pool } 人，{ $units } 个单位
sim-dates = { $from }～{ $to }
sim-status = { $status ->
    [optimal] 最优
    [feasible] 可行
    [infeasible] 无解
    [timed_out] 超时
   *[other] { $status }
}
sim-col-round = 轮次
sim-col-dates = 日期
sim-col-groups = 组数
sim-col-units = 单位数
sim-col-new = 新单位
sim-col-weight = 工作量权重
sim-col-status = 结果
sim-col-score = 目标值
sim-col-repeat-unit = 重复单位
sim-col-repeat-pair = 重复搭档
sim-col-eligible = 可参加
sim-col-assumed = 假定培训
sim-list-more = { $items } …… 共 { $n } 个
sim-none = 无
sim-coverage = 覆盖
sim-coverage-units = 本届 { $total } 个单位中已巡察 { $covered } 个（模拟开始时尚有 { $to_cover } 个待巡察）；未覆盖：{ $uncovered }
sim-coverage-villages = 必须延伸巡察的村(社区)（{ $tags }）：{ $total } 个中已巡察 { $covered } 个
sim-load = 工作量
sim-load-line = 本届每名人才库成员参加的轮数：最少 { $min }，最多 { $max }，平均 { $mean }（最多与最少相差 { $spread }）
sim-repeats = 重复
sim-repeats-line = 重复巡察同一单位 { $repeat_unit } 次，重复搭档 { $repeat_pair } 次（各模拟轮合计；目标值合计 { $total }）
sim-failures = 无法编排
sim-failures-none = 无：每一轮都能配齐
sim-failures-some = { $total } 轮中有 { $n } 轮无法配齐：
sim-failed-round = { $round }：
sim-more-reasons = （另有 { $n } 条；用 --rosters 或 --format json 可看全部）
sim-assumptions = 假设
sim-lapses = 培训到期
sim-lapse-from = { $person } 自 { $round } 起
sim-lapses-rescued = 档案中的培训到期，但按假定的培训仍达标：{ $who }
sim-every-round = 每一轮
sim-and-more = { $items } 等 { $n } 轮
sim-lapse-missed = { $person }：{ $missed }
sim-lapse-sep = ；
sim-in-all = ；…… 共 { $n } 人
sim-lapses-excluded = 即使按假定的培训仍不达标，因而不能参加：{ $who }
sim-lookahead-kept = 前瞻 { $round }：采用 { $kept }
sim-round-timed-out = 轮次 { $round }：超时
sim-cmp-rounds = 轮数
sim-cmp-infeasible = 无法编排的轮次
sim-cmp-infeasible-cell = { $n }（{ $rounds }{ $more ->
    [yes] 等
   *[no] {""}
}）
sim-cmp-pool = 人才库人数
sim-cmp-units-covered = 已覆盖单位
sim-cmp-villages = 必须延伸巡察的村(社区)
sim-cmp-repeat-unit = 重复单位
sim-cmp-repeat-pair = 重复搭档
sim-cmp-served = 参加轮数 最少/最多
sim-cmp-served-mean = 参加轮数 平均
sim-cmp-spread = 工作量 最多−最少
sim-cmp-objective = 目标值合计
sim-csv-round = 轮次
sim-csv-start = 开始日期
sim-csv-end = 结束日期
sim-csv-groups = 组数
sim-csv-units = 被巡察单位
sim-csv-new-units = 本届首次巡察的单位
sim-csv-weight = 工作量权重
sim-csv-status = 结果
sim-csv-total = 目标值
sim-csv-repeat-unit = 重复单位
sim-csv-repeat-pair = 重复搭档
sim-csv-workload = 工作量
sim-csv-balance = 均衡
sim-csv-eligible = 可参加人数
sim-csv-assumed-training = 假定培训人数
sim-csv-diagnosis = 原因
mc-heading = 蒙特卡洛：抽样 { $samples } 次，随机种子 { $seed }，每名人才库成员每轮缺席的概率为 { $absence }
mc-col-min = 最小
mc-col-median = 中位数
mc-col-p90 = 90% 分位
mc-col-max = 最大
mc-col-mean = 平均
mc-units-covered = 已覆盖单位
mc-rounds-infeasible = 无法编排的轮次
mc-max-load = 最重工作量（轮）
mc-full-coverage = 全部覆盖（{ $units } 个单位）：{ $samples } 次抽样中有 { $n } 次
mc-all-staffed = 每次抽样中每一轮都配齐了
mc-round-failed-in = { $round } 有 { $n } 次
mc-rounds-failed = 无法配齐的轮次：{ $rounds }
mc-infeasible-in = { $rounds } 轮的有 { $n } 次
mc-infeasible-spread = 无法编排的轮次数：{ $parts }
sim-cmp-base = 现方案
