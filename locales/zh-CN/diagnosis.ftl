# 无法编排的原因（src/report/diagnosis.rs）。

diag-sep = ；
diag-people-sep = ；
diag-and = 、
diag-out = ；不能参加的有：{ $people }
diag-person-out = { $person }{ $why }
diag-conflicts-with = 与{ $unit }有回避关系：{ $conflicts }
diag-too-many-departments = 本轮有 { $departments } 个县级部门，但只有 { $groups } 个巡察组，而每组最多负责一个县级部门（H2）；可把巡察组数（`round.groups`）增加到 { $departments }，或把 { $extra } 个县级部门移到以后的轮次
diag-units-do-not-fit = { $units } 个被巡察单位分不进 { $groups } 个巡察组（每组最多 { $max } 个，H1）；可把巡察组数（`round.groups`）增加到 { $needed }，或提高每组最多单位数（`round.max_units_per_group`）
diag-too-few-units = 本轮有 { $groups } 个巡察组，但只有 { $units } 个被巡察单位，每组至少要负责一个（H1）；可把巡察组数（`round.groups`）减少到 { $units }
diag-too-few-people = { $groups } 个巡察组每组至少 { $min } 人，共需 { $seats } 人，但 { $pool } 名人才库成员中只有 { $available } 人可参加（{ $unavailable } 人时间冲突，{ $training } 人学时不足{ $rotation ->
    [0] {""}
   *[other] ，{ $rotation } 人不在本轮轮换之列
}）（H3、H7、H8）；可把每组最少人数（`round.group_size.min`）降到 { $per_group }，或把巡察组数（`round.groups`）减少到 { $fewer_groups }
diag-too-few-leaders = { $groups } 个巡察组需要 { $groups } 名组长，但可参加的人才库成员中只有 { $leaders } 人可任组长（H4）{ $out }；可把巡察组数（`round.groups`）减少到 { $leaders }，或为人才库增加组长人选
diag-required-skill-short = 每个巡察组都需要{ $skill }专业（`round.required_skills`，H5），但可参加的人才库成员中只有 { $holders } 人具备{ $out }
diag-too-many-retired = { $groups } 个巡察组每组至少 { $min } 人，共需 { $seats } 人；每组最多 { $max } 名退职未退休人员（H9），最多只能安排 { $possible } 人（可参加的非退职未退休人员 { $active } 人）；可提高每组退职未退休人员上限（`round.max_retired_per_group`），或降低每组最少人数（`round.group_size.min`）
diag-nobody-may-lead = 没有人能担任负责{ $unit }的巡察组组长（H4、H6）：{ $out }；可经审核后豁免回避关系，或把{ $name }移到以后的轮次
diag-no-leaders = 人才库中没有组长人选
diag-unit-understaffed = 负责{ $unit }的巡察组至少需要 { $min } 人，但可参加的人才库成员中与该单位没有回避关系的只有 { $staff } 人（H3、H6）
diag-unit-skill-nobody = 负责{ $unit }的巡察组需要{ $skill }专业（H5），但人才库中没有人具备；需为人才库增加这样的人员
diag-unit-skill-out = 负责{ $unit }的巡察组需要{ $skill }专业（H5），{ $holders ->
    [1] 人才库中唯一具备该专业的人不能参加
   *[other] 人才库中具备该专业的 { $holders } 人都不能参加
}：{ $out }
diag-split-impossible = 即使不考虑人员配备规则，被巡察单位也无法分配到本轮的各巡察组（H1、H2）
diag-timed-out = 查找原因时求解器超时；可增大 --time-limit
diag-rules-clash = 各项计数检查都能通过，但所有规则无法同时满足；放宽以下 { $n } 项规则后即可编排：{ $rules }
diag-pins-clash = 以下 { $n } 项人工指定无法同时满足：{ $pins }，任何符合规则的名单都做不到；请取消或修改其中一项
diag-pin-quoted = “{ $pin }”
diag-pin-cannot-hold = 人工指定“{ $pin }”无法满足：{ $problem }
diag-pin-lead = { $person }担任负责{ $unit }的巡察组组长
diag-pin-serve = { $person }参加负责{ $unit }的巡察组
diag-pin-sit-out = { $person }本轮不参加
diag-pin-together = { $unit }与{ $other }由同一巡察组负责
diag-pin-not-in-round = 本轮不巡察{ $name }
diag-pin-sits-out = 另一项人工指定要求其本轮不参加
diag-pin-not-in-pool = 此人不在人才库中
diag-pin-not-leader = 此人不能担任组长（leader: false）
diag-pin-not-both = 两个单位都须在本轮巡察
diag-pin-two-departments = 每组最多负责一个县级部门（H2）
diag-pin-one-unit = 每组最多单位数（`round.max_units_per_group`）为 1
diag-family-apart = 亲属及应分开安排（`apart`）的人员不同组
diag-family-retired = 每组退职未退休人员上限
diag-family-leader-conflict = 组长更严格的回避规则
diag-family-unit-skill = 被巡察单位要求的专业
diag-family-required-skill = 每组必备专业
diag-family-conflict = 成员的回避关系
diag-family-size-min = 每组最少人数
diag-family-once = 每人只参加一个巡察组
diag-family-pin = 人工指定
diag-family-other = 一项结构性规则
diag-family = { $what }（{ $rule }）
