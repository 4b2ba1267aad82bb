# `xuncha plan`: the roster table.

plan-group-count = { $n } 个巡察组
plan-status-optimal = 已证明最优
plan-status-feasible-gap = 可行（达到时限；距下界不超过 { $gap }%）
plan-status-feasible = 可行（达到时限；差距未知）
plan-status-infeasible = 无解：没有满足全部规则的名单
plan-headline = 轮次 { $round }：{ $status }
plan-headline-score = ，目标值 { $score }（越小越好）
plan-timing = {" "}[{ $backend }，{ $variables } 个变量，{ $rows } 行约束，{ $seconds } 秒]
plan-why = 原因：
plan-group-heading = 第{ HANZI($n) }巡察组：{ $units }，工作量权重 { $weight }
plan-villages = 延伸巡察村(社区)：{ $villages }
plan-col-role = 职务
plan-col-person = 编号
plan-col-name = 姓名
plan-col-skills = 专业特长
plan-col-notes = 备注
plan-units-sep = 、
backend-greedy-proven-by-counting = 贪心求解，经计数证明最优
backend-local-search-proven-by-counting = 局部搜索求解，经计数证明最优
backend-local-search-proven-by-the-split-bound = 局部搜索求解，经分组下界证明最优
plan-csv-round = 轮次
plan-csv-group = 巡察组
plan-csv-role = 职务
plan-csv-person = 人员编号
plan-csv-name = 姓名
plan-csv-skills = 专业特长
plan-csv-units = 被巡察单位
plan-csv-villages = 延伸巡察村(社区)
plan-timing-short = {" "}[{ $backend }，{ $seconds } 秒]
plan-error-timeout = 在 { $seconds } 秒的时限内没有找到名单，尚不知道是否有解：请加大 --time-limit
plan-error-backend = 求解器出错：{ $error }
plan-error-invalid-roster = 程序错误：求解器给出的名单违反规则；请连同场景文件一并报告：
    { $problems }
plan-error-objective-mismatch = 程序错误：求解器的目标值 { $solver } 与校验器算出的 { $validator } 不一致；请连同场景文件一并报告
