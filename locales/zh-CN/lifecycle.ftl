# 名单生命周期：提交、下一轮、日常变更、调整、替补、说明。
# 此处每个 id 也须见于 ../en/lifecycle.ftl。

lc-group = 第{ $n }巡察组（{ $units }）
lc-kind-person = 人员
lc-kind-unit = 被巡察单位
lc-kind-village = 村(社区)
lc-and-more = 等，另有 { $n } 个
lc-more = ……另有 { $n } 人（--top 0 列出全部）

## 错误。
lc-err-no-round = { $file }：场景没有 `round`（请添加 `round:` 一节，见 FORMAT.md）
lc-err-unknown = { $flag } { $id }：{ $file } 中没有这个{ $want }（已有：{ $known }）
lc-err-village-not-unit = { $flag } { $id }：{ $id } 在 { $file } 中是村(社区)，请写其所属乡镇 { $township }
lc-err-wrong-kind = { $flag } { $id }：{ $id } 在 { $file } 中是{ $is }，不是{ $want }
lc-err-not-in-roster = { $flag } { $id }：{ $id } 不在 { $file } 的名单中（名单成员：{ $members }）
lc-err-not-held = { $flag } { $id }：{ $file } 中没有哪个组负责 { $id }（名单中的被巡察单位：{ $held }）
lc-err-person-unit = { $flag } { $value }：应写作 人员,单位，例如 { $flag } P04,T02
lc-err-refused = { $plan }：不能提交轮次 { $round }：
lc-refused-committed = 轮次 { $round } 已在 { $file } 的 history 中（第 { $entry } 条）
lc-refused-committed-hint = （如需发布调整后的名单，例如 `xuncha repair` 之后，请加 --replace）
lc-refused-breaks-hint = （按场景现状，该名单违反上述规则；用 `xuncha repair` 和 { $plan } 以最少变动重新编组）
lc-err-foreign-round = { $plan } 是为轮次 { $planned } 编制的，而 { $file } 的轮次是 { $round }：拒绝（请为本场景的轮次编组，或使用编制该方案时的场景）
lc-err-foreign-scenario = { $plan } 是为另一个场景编制的，不是 { $file }（被巡察单位不同）：拒绝（请使用编制该方案时的场景，或重新编组）
lc-warn-changed = 警告：编制 { $plan } 之后 { $file } 已有改动；名单按场景现状检查
lc-err-edit = { $file }：无法以文本方式安全修改（{ $reason }）；未写入任何内容（请手工修改）
lc-err-edit-refused = { $file }：拒绝{ $change }：{ $why }；未写入任何内容
lc-err-next-not-committed = { $file }：轮次 { $round } 尚未提交：请先编组并用 `xuncha commit` 提交名单
lc-err-next-no-term = { $file }：场景没有 `term.rounds`，无法确定下一轮（请添加 `term:` 一节，见 FORMAT.md）
lc-err-next-done = { $file }：`term.rounds` 的各轮均已在 history 中；本届没有下一轮
lc-err-plan-committed = { $file }：轮次 { $round } 已提交（history 第 { $entry } 条）；`xuncha round next { $file }` 把本届下一轮设为待编组轮次，`xuncha repair` 可调整已提交的名单
lc-committed-note = 注意：{ $file } 的轮次 { $round } 已提交（history 第 { $entry } 条）；`xuncha round next { $file }` 进入下一轮

## 写文件。
lc-write-read-only = { $path } 是只读文件：xuncha 不修改它（如需修改请先设为可写）；未写入任何内容
lc-write-exists = { $path } 已存在：如需覆盖请加 --force
lc-write-busy = 另一个 xuncha 已修改 { $path } 达 { $seconds } 秒（锁文件 { $lock }）；未写入任何内容，请稍后再试
lc-write-not-a-file = { $path } 不是普通文件；未写入任何内容
lc-write-failed = { $path }：无法写入文件：{ $error }

## 日常变更。
lc-change-pool-remove = { $who } 出库
lc-change-pool-add = { $who } 入库
lc-change-declare = { $who } 对 { $unit } 的本人申报
lc-change-waive = 免除 { $who } 对 { $unit } 的回避
lc-change-leave = { $who } { $from } 至 { $to } 请假
lc-change-relation = 登记关系 { $a } { $kind } { $b }
lc-why-not-in-pool = { $who } 不在人员库中
lc-why-already-in-pool = { $who } 已在人员库中
lc-why-already-declared = { $who } 已就 { $unit } 本人申报过（{ $reason }）
lc-why-already-waived = { $who } 对 { $unit } 的回避已免除（{ $reason }）
lc-why-no-conflict = { $who } 在 { $date } 与 { $unit } 无回避关系，无需免除
lc-why-no-reason = 请用 --reason 写明理由
lc-why-backwards = --to { $to } 早于 --from { $from }
lc-why-already-on-leave = { $who } 在这些日期已登记为不可参加
lc-why-same-person = 不能登记一个人与自己的关系
lc-why-already-related = 两人已登记过这种关系
lc-why-invalid = 修改后文件将无法载入：{ $problems }
lc-reason = ，理由：{ $reason }
lc-done-pool-remove = { $who } 于 { $date } 出库{ $reason }
lc-done-pool-add = { $who } 于 { $date } 入库{ $reason }
lc-done-declare = { $who } 于 { $date } 本人申报与 { $unit } 有回避关系：{ $reason }
lc-done-waive = 自 { $date } 起免除 { $who } 对 { $unit } 的回避：{ $reason }
lc-done-leave = { $who } { $from } 至 { $to } 不可参加{ $reason }
lc-done-relation = 于 { $date } 登记 { $a } { $kind } { $b }
lc-done-where = { $change }（{ $file } 第 { $lines } 行）
lc-done-in-roster = 注意：{ $who } 在已提交轮次 { $round } 的第{ $group }组；`xuncha repair { $file } PLAN.json` 可以最少变动重新编组

## 提交与下一轮。
lc-commit-done = 已将轮次 { $round } 提交到 { $file }：{ $groups } 个组，{ $members } 人，history 第 { $entry } 条（第 { $from }-{ $to } 行）
lc-commit-replaced = 已替换 { $file } 中轮次 { $round } 的 history 记录：{ $groups } 个组，{ $members } 人（第 { $from }-{ $to } 行）
lc-commit-unchanged = 轮次 { $round } 已以此名单提交；{ $file } 未改动
lc-commit-next-hint = 下一步：`xuncha round next { $file }` 把本届下一轮设为待编组轮次；`repair`、`replace`、`why` 和 `commit --replace` 仍可用于轮次 { $round }
lc-commit-still = `repair`、`replace`、`why` 和 `commit --replace` 仍可用于轮次 { $round }
lc-next-head = { $file } 中轮次 { $after } 之后为轮次 { $round }（第 { $from }-{ $to } 行）
lc-next-shape = { $start } 至 { $end }，{ $groups } 个组，{ $units } 个被巡察单位，按 `xuncha simulate` 的方法选定：
lc-next-new = { $unit }：本届尚未巡察
lc-next-new-must = { $unit }：本届尚未巡察，有 { $must } 个必须延伸巡察的村(社区)（贫困户村、软弱涣散、民生热点）
lc-next-refill = { $unit }：再次巡察，使每个组都有被巡察单位（距上次巡察最久）
lc-next-last = ；上次为 { $round }（{ $date }）
lc-next-never = ；从未巡察
lc-next-after = 此后：本届还有 { $left } 个单位待巡察，剩余 { $rounds } 轮
lc-next-left-out = 容量不足：剩余各轮容纳不下 { $units }
lc-next-inherit = 注意：{ $rounds } 未写的字段取自 `round`，现在取本轮的值；如非本意，请为它们写明
lc-next-then = 编组前巡察办可修改 `round.units`；然后运行 `xuncha plan { $file }`

## 调整与变动。
lc-repair-head = 轮次 { $round } 的调整：变动 { $seats } 个席位（已证明最少），得分 { $before } → { $after }
lc-repair-head-unproven = 轮次 { $round } 的调整：变动 { $seats } 个席位（已找到的最少值；时限内未能证明），得分 { $before } → { $after }
lc-repair-none = 轮次 { $round } 的调整：在这些变化下没有满足全部规则的名单
lc-repair-dropped = 退出：{ $who }（原在第{ $group }组）
lc-repair-dropped-outside = 退出：{ $who }（原不在名单中）
lc-repair-conflict = 新增回避：{ $who } 与 { $unit }（R5）
lc-repair-changes = 变动：
lc-repair-unrecorded = --drop 和 --add-conflict 只改变本次调整对 { $file } 的看法；请用 --record 理由（或 `xuncha pool remove` / `xuncha declare`）记入场景，使 `commit` 和以后各轮都能看到
lc-diff-was = ，原第{ $groups }组
lc-diff-new = ，新组
lc-diff-unchanged = { $head }：不变
lc-diff-line = { $head }：{ $parts }
lc-diff-leaves-for = { $who } 调往第{ $group }组
lc-diff-leaves = { $who } 退出
lc-diff-joins-from = { $who } 从第{ $group }组调入
lc-diff-joins = { $who } 加入
lc-diff-leader = 组长 { $old } → { $new }
lc-diff-takes = 接手 { $unit }
lc-diff-hands-over = 移交 { $unit }
lc-diff-gone = 原第{ $group }组不复存在（其第一个被巡察单位不在新名单中）：{ $members } 退出

## 替补。
lc-replace-head = 替补 { $who }（{ $group } { $role }），轮次 { $round }；当前得分 { $score }
lc-replace-needs = 该组需要 { $needs }；{ $name } 具备 { $held }
lc-replace-needs-none = 该组需要 { $needs }；{ $name } 均不具备
lc-replace-already = 注意：名单现已违反规则（不计入候选人）：{ $briefs }
lc-replace-none = 名单之外无人适合此席位；`xuncha repair` 可调动他人腾出位置
lc-replace-fits = { $n } 人适合，按得分排序：均保有该组所需全部专业，与 { $units } 无回避关系，且不违反其他规则
lc-replace-takes-lead = 接任组长
lc-replace-misfits = 最接近但不适合的人员：
lc-replace-misfit = { $who }：{ $briefs }
lc-col-rank = 名次
lc-col-person = 编号
lc-col-name = 姓名
lc-col-score = 得分
lc-col-brings = 具备专业
lc-col-past = 以往轮次
lc-col-leader = 组长

## 简述违反的规则。
lc-brief-sep = ；
lc-brief-who = { $who }：
lc-brief-conflict = { $who }{ $conflict }，与 { $unit }
lc-brief-as-leader = { $text }（任组长时）
lc-brief-unavailable = { $who }{ $from } 至 { $to } 不可参加
lc-brief-training = { $who }学时不足（{ $hours }/{ $required } 学时）
lc-brief-course = { $who }{ $course }
lc-brief-missing-skill = 第{ $group }组将缺少{ $skill }专业
lc-brief-kin-of = 与组内 { $other } 是{ $kind }关系
lc-brief-kin = { $a } 与 { $b } 有{ $kind }关系
lc-brief-apart-from = 须与 { $other } 分开
lc-brief-apart = { $a } 与 { $b } 须分开
lc-brief-retired = 第{ $group }组将有 { $count } 名退职未退休人员（至多 { $max } 名）
lc-brief-too-small = 第{ $group }组将只有 { $size } 人（至少 { $min } 人）
lc-brief-too-big = 第{ $group }组将有 { $size } 人（至多 { $max } 人）
lc-brief-no-leader = 第{ $group }组将无人可任组长
lc-brief-may-not-lead = { $who }不可任组长（leader: false）
lc-brief-not-in-pool = { $who }不在人员库中（pool: false）

## 说明（why）。
why-head-leads = 为什么 { $who } 担任{ $group }组长，轮次 { $round }
why-head-serves = 为什么 { $who } 在{ $group }，轮次 { $round }
why-head-outside = 为什么 { $who } 不在轮次 { $round } 的名单中
why-conflict = { $conflict }，与 { $unit }
why-no-conflict = 与 { $units } 无回避关系
why-conflicts = 回避关系（名单违反 H6）：{ $conflicts }
why-lead-only = 仅可任成员：任组长将违反 { $conflicts }
why-waived = 已免除：{ $conflict }（{ $reason }）
why-available = 整轮均可参加
why-available-trained = 整轮均可参加，学时达标
why-brings = 具备 { $skills }
why-skill-alone = { $skill }（组内仅此一人）
why-skill-shared = { $skill }（{ $others } 也具备）
why-brings-none = 不具备该组所需专业（{ $needs }）
why-brings-nothing-needed = 该组无专业要求
why-only-leader = 组内唯一可任组长的成员
why-other-leaders = 其他可任组长的成员：{ $others }
why-retired = 退职未退休：组内共 { $n } 名
why-retired-max = 退职未退休：组内共 { $n } 名（至多 { $max } 名）
why-served-none = 以往未参加巡察
why-served = 以往参加 { $n } 轮（{ $rounds }）
why-score-nothing = 不增加得分
why-score = 其所占得分：{ $total } = { $parts }
why-part-workload = 工作量 { $weight }×{ $rounds }
why-part-repeat-unit = 重复巡察单位 { $weight }（再次巡察 { $unit }，曾在 { $rounds }）
why-part-repeat-pair = 重复搭档 { $weight }（曾与 { $who } 同组：{ $rounds }）
why-cannot-serve = 本轮不能参加：{ $reasons }
why-out-not-in-pool = 不在人员库中（pool: false）
why-outside-facts = 整轮均可参加；专业 { $skills }；{ $served }
why-already = 注意：名单现已违反规则：{ $briefs }
why-moving = 调动此人（当前得分 { $score }）：
why-bringing = 调入此人（当前得分 { $score }）：
why-prospect = { $group }：{ $how }，得分 { $score }（{ $delta }）
why-prospect-never = { $group }：不可行：{ $briefs }
why-prospect-closest = { $group }：各种方式均不可行；最接近的是{ $how }：{ $briefs }
why-move-there = 调过去
why-join = 加入
why-swap = 与 { $who } 对调
why-take-seat = 顶替 { $who }
lc-change-appraise = { $who } { $round } 的考核评价（{ $grade }）
lc-why-not-in-history = 历史轮次中没有 { $round }（已有：{ $known }）
lc-why-did-not-serve = { $who } 没有参加 { $round } 的巡察，不能对其考核评价
lc-why-already-appraised = { $who } { $round } 的考核评价已有记录：{ $grade }；要更正请直接编辑场景文件
lc-done-appraise = { $who } { $round } 考核等次：{ $grade }{ $note }
lc-note = ，备注：{ $note }
lc-why-in-workbook = { $who } 由数据来源工作簿（`sources`）登记，不在场景文件的人员列表中：请在工作簿的“人员”“不可参加”“入库出库”表中修改
