# The pool over time (src/report/pool.rs): `xuncha pool report`, its
# sheet, and the pool section of the HTML report (docs/pool.md).

pool-headline = 巡察人才库情况（截至 { $date }）：在库 { $pool } 人
pool-category = { $category ->
    [full_time] 专职
    [part_time] 兼职
    [talent] 人才库
   *[unspecified] 未注明
}
pool-grade = { $grade ->
    [excellent] 优秀
    [competent] 称职
    [basic] 基本称职
   *[unfit] 不称职
}
pool-grade-count = { $grade } { $count } 人次
pool-never = 从未参加
pool-no-unit = 未注明工作单位
pool-by-category = 人员类别
pool-by-skill = 专业特长
pool-by-unit = 工作单位分布
pool-idle = 连续 { $rounds } 轮及以上未参加巡察（{ $count } 人）
pool-leaving = 预计出库（{ $count } 人）
pool-overdue = 已到期，仍在库：可用 `xuncha pool remove … { $id }` 办理出库
pool-reserve = 后备干部（{ $count } 人，本届尚未参加巡察 { $unserved } 人）
pool-appraisals = 考核评价（{ $count } 条：{ $grades }）
pool-out-of-rotation = 本轮 { $round } 不在轮换之列（{ $count } 人）
pool-changes = 入库、出库记录（{ $count } 条，新的在前）
pool-change = { $joined ->
    [yes] 入库
   *[no] 出库
}
pool-col-category = 类别
pool-col-members = 人数
pool-col-leaders = 可任组长
pool-col-reserve = 后备干部
pool-col-retired = 退职未退休
pool-col-skill = 专业
pool-col-unit = 单位
pool-col-person = 人员
pool-col-id = 编号
pool-col-name = 姓名
pool-col-leader = 可任组长
pool-col-served = 参加轮数
pool-col-in-term = 本届参加轮数
pool-col-last = 最近一次
pool-col-since = 此后已过轮数
pool-col-until = 出库日期
pool-col-joined = 入库日期
pool-col-note = 备注
pool-col-round = 轮次
pool-col-grade = 考核等次
pool-col-why = 原因
pool-col-date = 日期
pool-col-change = 变动
pool-col-reason = 原因
pool-col-out = 本轮不在轮换之列的原因
sheet-pool = 人才库
html-pool = 巡察人才库情况
