# 无法编排时的修改建议，均已试算（docs/suggestions.md）。

suggest-heading = 修改建议（均已试算：按此修改后即可编排）：
suggest-none = 在允许的时间内，没有找到能使本轮可以编排的单项或两项修改
suggest-and = ，同时
suggest-groups = 把巡察组数（`round.groups`）改为 { $n }
suggest-max-units = 把每组最多单位数（`round.max_units_per_group`）改为 { $n }
suggest-size-min = 把每组最少人数（`round.group_size.min`）改为 { $n }
suggest-max-retired = 把每组退职未退休人员上限（`round.max_retired_per_group`）改为 { $n }
suggest-drop-skill = 从各组必备专业（`round.required_skills`）中去掉“{ $skill }”
suggest-postpone = 把{ $unit }移到以后的轮次（从 `round.units` 中去掉）
suggest-waive = 经审核后，豁免{ $person }与{ $unit }的回避关系（`recusal.waived`）
