# `xuncha plan`: the roster table.

plan-group-count = { $n } 个巡察组
plan-status-optimal = 已证明最优
plan-status-feasible-gap = 可行（达到时限；距下界不超过 { $gap }%）
plan-status-feasible = 可行（达到时限；差距未知）
plan-status-infeasible = 无解：没有满足全部规则的名单
plan-headline = 轮次 { $round }：{ $status }
plan-headline-score = ，得分 { $score }
plan-timing = {" "}[{ $backend }，{ $variables } 个变量，{ $rows } 行约束，{ $seconds } 秒]
plan-why = 原因：
plan-group-heading = 第{ $n }巡察组：{ $units }，权重 { $weight }
plan-villages = 延伸巡察村(社区)：{ $villages }
plan-col-role = 职务
plan-col-person = 编号
plan-col-name = 姓名
plan-col-skills = 专业特长
plan-col-notes = 备注
