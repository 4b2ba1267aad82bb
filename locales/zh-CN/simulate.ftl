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

## The assumptions and what-if changes of a run (src/simulate/note.rs).
note-no-term = 场景没有届期（term）：只模拟本轮，覆盖情况从本轮起算
note-round-after-term = 轮次 { $round } 于 { $end } 结束，晚于届期结束日 { $term_end }；仍照常模拟并计入
note-units-chosen-afresh = 轮次 { $round }：其 { $units } 个单位无法分给 { $groups } 个组（每组至多 { $max_units } 个单位、1 个县级部门），因此重新选定了被巡察单位
note-requirement = { $days } 天内不少于 { $hours } 学时
note-training-no-requirement = 培训：场景未设学时要求，因此不作假定
note-training-assumed = 培训（{ $requirement }）：记录截至 { $horizon }；自 { $round } 起，假定每名人才库成员每年在相同日期重复其 { $from } 至 { $horizon } 间参加的培训（假定记录 { $records } 条）；该年度没有培训记录的，假定不再参加培训
note-training-no-records = 培训（{ $requirement }）：没有任何培训记录，因此无人达标，也不作假定
note-training-only-round = 培训（{ $requirement }）：只模拟本轮，按已有记录计算
note-training-recorded-only = 培训（{ $requirement }）：只计已有记录（--training recorded），不假定任何人再参加培训
note-training-lapses = 培训：{ $lapsing } 名人才库成员的已有培训在某个模拟轮次前到期；按假定的培训，其中 { $rescued } 人仍达标，{ $lapsed } 人仍有轮次不能参加
note-availability = 可参加情况：只知道档案中登记的不能参加时段（unavailable）；其余时间假定每名人才库成员都能参加（临时缺席用 --absence 模拟）
note-absences = 缺席：每名人才库成员每轮缺席的概率为 { $probability }（随机种子 { $seed }，抽样 { $samples } 次）
note-without = 假设：{ $n } 人离开人才库（{ $ids }）；人才库余 { $remaining } 人
note-rounds-kept = 假设：届内 { $of } 轮只保留前 { $kept } 轮
note-round-dates = { $round }（{ $start } 至 { $end }）
note-rounds-added = 假设：按原节奏增加 { $n } 轮：{ $rounds }
note-shifted = 假设：届内各轮整体推移 { $months } 个月（{ $stays ->
    [yes] 本轮 { $round } 不变
   *[no] 没有本轮
}）
note-rules-groups = { $groups } 个巡察组
note-rules-size = 每组 { $min } 至 { $max } 人
note-rules-changed = 假设：每一模拟轮都为{ $rules }
sim-error-nothing = 场景既没有本轮（round），也没有届内轮次（term.rounds）：没有可模拟的内容（请加上 `term:` 部分，见 FORMAT.md）
sim-error-round = 轮次 { $round }：{ $error }
sim-timed-out-reason = 在每轮 { $seconds } 秒的时限内没有找到名单，尚不知道是否有解（请加大 --round-time-limit）
sim-partial = 部分配齐
sim-partial-some = { $n } 轮只配齐了部分单位，共 { $units } 个单位无法安排巡察组：
sim-unstaffed-unit = { $round }：{ $unit }未安排巡察组
sim-status-partial = { $status }（部分）
sim-failures-none-partial = 无：每一轮都能编排，但有的轮次只配齐了部分单位（见下）
sim-leaders = 组长轮换
sim-leaders-line = 本届每名可任组长的人才库成员任组长的轮数：最少 { $min }，最多 { $max }
sim-reserve = 后备干部
sim-reserve-all = { $reserve } 人，本届都参加过巡察
sim-reserve-line = { $reserve } 人，本届尚未参加巡察 { $unserved } 人：{ $who }
