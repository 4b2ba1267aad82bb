# The validator's findings about a roster (src/report/violation.rs): the
# English is also the `detail` of why/replace JSON, so it stays as it was.

viol-no-village = 无
viol-wrong-group-count = 名单有 { $count } 个巡察组，本轮应为 { $expected } 个。
viol-unit-not-covered = { $unit }没有安排巡察组。
viol-unit-twice = { $unit }被安排了不止一次：第{ $groups }巡察组。
viol-unit-not-in-round = 第{ $group }巡察组负责{ $unit }，但本轮不巡察该单位。
viol-group-unit-count = 第{ $group }巡察组负责 { $count } 个被巡察单位；每组应为 1 至 { $max } 个。
viol-two-departments = 第{ $group }巡察组负责不止一个县级部门：{ $units }。
viol-group-size = 第{ $group }巡察组有 { $size } 人；每组应为 { $min } 至 { $max } 人。
viol-group-size-exact = 第{ $group }巡察组有 { $size } 人；每组应为 { $min } 人。
viol-not-in-pool = 第{ $group }巡察组的{ $who }不在人才库中（pool: false）。
viol-out-of-rotation = 第{ $group }巡察组的{ $who }不在本轮轮换之列：{ $why }。
viol-person-twice = { $who }被安排了不止一次：第{ $groups }巡察组。
viol-leader-not-member = 第{ $group }巡察组组长{ $who }不在该组成员中。
viol-leader-not-eligible = 第{ $group }巡察组组长{ $who }不能担任组长（leader: false）。
viol-missing-skill-unit = 第{ $group }巡察组没有成员具备{ $skill }专长（{ $unit }需要）。
viol-missing-skill-all = 第{ $group }巡察组没有成员具备{ $skill }专长（本轮每组都需要）。
viol-conflict = 第{ $group }巡察组的{ $who }应回避{ $unit }：{ $rule }，{ $detail }。
viol-conflict-leader = { $who }作为第{ $group }巡察组组长应回避{ $unit }：{ $rule }，{ $detail }。
viol-unavailable = 第{ $group }巡察组的{ $who }{ $from } 至 { $to } 不可参加，与本轮时间重叠。
viol-training-hours = 第{ $group }巡察组的{ $who }在要求期限内只有 { $hours } 学时，要求 { $required } 学时。
viol-training-course = 第{ $group }巡察组的{ $who }{ $course }。
viol-too-many-retired = 第{ $group }巡察组有 { $count } 名退职未退休人员，最多 { $max } 名。
viol-villages = 第{ $group }巡察组在{ $township }延伸巡察{ $got }；按规则应为{ $expected }（先选全部有标记的村，再按信访件数从多到少选）。
viol-stray-village = 第{ $group }巡察组延伸巡察{ $village }，但没有负责其所属乡镇{ $township }。
viol-kin-pair = 第{ $group }巡察组的{ $a }与{ $b }有亲属关系（{ $kind }）。
viol-apart-pair = { $a }与{ $b }应分开安排，但同在第{ $group }巡察组。
