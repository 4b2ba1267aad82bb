# `--help`: one line per command (`cmd-<path>`) and per flag or argument
# (`arg-<path>-<id>`, or the shared `arg-<id>`), the placeholders of values
# (`value-<name>`) and the page's headings. See src/cli/help.rs.
# Every id here must also be in ../en/help.ftl.

## Page layout (clap's own words).
help-usage = 用法：
help-commands = 命令：
help-arguments = 参数：
help-options = 选项：
help-examples = 示例：
help-usage-options = [选项]
help-usage-command = <命令>
help-default = {" "}[默认：{ $value }]
help-choices = {" "}[可选：{ $values }]

## Commands.
cmd-xuncha = 巡察 — 巡察人才库、回避审查、巡察组编排（县委巡察办用）
cmd-xuncha-note = 退出状态：0 成功；1 输入文件或读写有误；2 命令用法有误；3 没有满足全部规则的名单。
cmd-help = 显示帮助（或某个命令的帮助）
cmd-check = 检查场景文件，汇总人才库、被巡察单位、回避情形和不能参加的人员
cmd-conflicts = 列出回避情形及其依据
cmd-plan = 编排本轮巡察：各巡察组的组长、成员、被巡察单位和延伸巡察村(社区)
cmd-commit = 发布名单：把名单追加到场景的历史轮次中（原子写入，保留注释）
cmd-repair = 有人不能参加或发现新的回避情形时，以最少的调整重新编排名单
cmd-replace = 为某人的席位排出候选人，并说明各人合适或不合适的原因
cmd-why = 说明某人为什么在本组、为什么不在另一组，以及调动的代价
cmd-training = 培训记录：谁达到了学时要求
cmd-training-report = 每名人才库成员在要求期限内的学时、合计，以及下一轮前将不达标的人
cmd-training-add = 向场景的 CSV 培训台账追加一条记录（不改写场景文件）
cmd-training-import = 把 CSV 文件（UTF-8 或 GBK；中文或英文表头）的每一行追加到培训台账
cmd-training-import-note = 每一条有误的行都会报告其行号；只要有一行有误，就什么也不写入。
cmd-generate = 生成一个虚构的县级场景（不含任何真实人员信息）
cmd-simulate = 模拟本届剩余各轮：覆盖、工作量、重复、假设分析、蒙特卡洛

## Shared flags and arguments.
arg-help = 显示帮助
arg-version = 显示版本
arg-help-subcommand = 要查看帮助的命令
arg-lang = 输出语言：zh（中文，默认）或 en（英文）；也可用环境变量 XUNCHA_LANG 设置
arg-output = 把结果写入该文件（原子写入），而不是输出到屏幕
arg-scenario = 场景文件（YAML，FORMAT.md 第 1 版）
arg-csv-bom = CSV 是否以 UTF-8 BOM 开头：yes（默认，供 Excel 正确显示中文）或 no
arg-format = 输出格式：table 表格，json 供程序读取，csv 供 Excel/WPS 打开
arg-plan = 名单：`xuncha plan --format json` 输出的 JSON 文件
arg-time-limit = 求解时限（秒），到时给出找到的最好名单
arg-as-of = 计算所依据的日期（默认：本轮开始日期，没有本轮则为今天）
arg-pin = 名单必须保持的固定安排（YAML：leads、serves、sits_out、together；见 docs/lifecycle.md），可重复

## check, conflicts.
arg-conflicts-people = 只看这些人员（可重复，或用逗号分隔）
arg-conflicts-units = 只看这些单位（可重复，或用逗号分隔）
arg-conflicts-all-units = 对照所有单位检查，而不仅是本轮的被巡察单位

## plan.
arg-plan-pin-plan = 部分名单（plan JSON）：保留其中各组的单位、组长和成员

## commit, repair, replace, why.
arg-commit-scenario = 要把名单写入其历史轮次（history）的场景文件
arg-commit-plan = 要发布的名单：`xuncha plan --format json`（或 `repair --format json`）输出的 JSON
arg-commit-replace = 该轮已在历史中时，替换其记录（发布调整后的名单）
arg-repair-scenario = 场景文件（YAML，FORMAT.md 第 1 版）；本轮可以已经发布
arg-repair-plan = 要调整的名单：`xuncha plan --format json` 输出的 JSON
arg-repair-drop = 不能再参加的人员（可重复，或用逗号分隔）
arg-repair-add-conflict = 新发现的回避情形：人员,单位（可重复）
arg-repair-format = 输出格式：table 表格；json 为新名单，与 FORMAT.md“Plan output”完全一致；csv
arg-replace-scenario = 场景文件（YAML，FORMAT.md 第 1 版）；本轮可以已经发布
arg-replace-person = 要补位的人员
arg-replace-top = 每类候选人最多列出几人（0 表示全部）
arg-why-scenario = 场景文件（YAML，FORMAT.md 第 1 版）；本轮可以已经发布
arg-why-person = 要说明的人员
arg-why-unit = 只看负责该单位的组：为什么在（或不在）该组，以及调过去的代价

## training.
arg-training-report-scenario = 场景文件（YAML，FORMAT.md 第 1 版）；培训台账在其旁边读取
arg-training-report-as-of = 统计截止日期（不含当天；默认：本轮开始日期）
arg-training-report-year = 改为合计该自然年的记录
arg-training-add-scenario = 场景文件（YAML，FORMAT.md 第 1 版）；培训台账在其旁边读取
arg-training-add-person = 人员编号，或只有一人使用的姓名
arg-training-add-course = 课程名称
arg-training-add-date = 培训日期
arg-training-add-hours = 学时
arg-training-add-kind = 培训类别：annual 全脱产专训、pre_round 轮前培训、practice 实战历练、online 网络培训、other 其他（也可直接写中文）
arg-training-add-result = 考核结果（合格、优秀……）；不合格、未通过：该记录不计学时
arg-training-import-scenario = 场景文件（YAML，FORMAT.md 第 1 版）；培训台账在其旁边读取
arg-training-import-file = 从 Excel/WPS 另存的 CSV 文件：UTF-8（有无 BOM 均可）或 GBK
arg-planned = 允许今天以后的日期：尚未举办的培训
arg-ledger = 追加到 training.files 中的哪个 CSV 台账（默认：第一个）
arg-dry-run = 只检查，不写入

## generate.
arg-generate-preset = 规模：small 小、county 县、city 市、recusal-bench 回避测试用
arg-generate-seed = 随机种子（默认：该规模自带的种子，即随附样例所用的种子）

## simulate.
arg-simulate-round-time-limit = 每轮求解的时限（秒）
arg-simulate-without = 假设：这些人离开人才库（编号用逗号分隔，可重复）
arg-simulate-groups = 假设：每轮组建这么多个巡察组
arg-simulate-group-size = 假设：每组人数，如 4-5
arg-simulate-rounds = 假设：届内只保留这么多轮，或按原节奏补足到这么多轮
arg-simulate-shift-months = 假设：届内各轮整体推后这么多个月（负数为提前），不超出届期长度
arg-simulate-training = 档案未覆盖年份的培训：assumed 假定每人每年重复上一年的培训，recorded 只算已有记录（见 docs/term.md）
arg-simulate-lookahead = 选每轮名单时兼顾其后 K-1 轮（1 为逐轮编排）
arg-simulate-round-by-round = 逐轮编排，不再对整届做搜索（即改进前的做法）
arg-simulate-term-moves = 整届搜索最多尝试的交换步数（默认 40000；0 为不搜索）
arg-simulate-compare = 同时模拟这个方案，并把各方案的汇总并排列出（可重复），如 --compare "without=P0014,P0033" --compare "groups=6 group-size=4-5"；可用的键：without、groups、group-size、rounds、shift-months、training、lookahead
arg-simulate-samples = 蒙特卡洛：随机缺席下模拟这么多届（与 --absence 同用时默认 20）
arg-simulate-seed = 蒙特卡洛：随机种子；种子相同，结果相同
arg-simulate-absence = 蒙特卡洛：每名人才库成员每轮缺席的概率（与 --samples 同用时默认 0.1）
arg-simulate-rosters = 表格中同时列出每一轮的名单
arg-plan-quiet = 不在标准错误上显示求解进度
arg-simulate-quiet = 不在标准错误上显示进度条

## Placeholders of values.
value-lang = 语言
value-file = 文件
value-scenario = 场景文件
value-plan = 名单文件
value-round = 轮次
value-grade = 等次
value-yes-no = YES|NO
value-format = 格式
value-seconds = 秒数
value-yyyy-mm-dd = YYYY-MM-DD
value-yyyy = 年份
value-pins-yaml = 固定安排.yaml
value-partial-json = 部分名单.json
value-person = 人员
value-unit = 单位
value-person-unit = 人员,单位
value-n = 数量
value-ids = 编号
value-min-max = 最少-最多
value-training = 方式
value-k = K
value-variant = 方案
value-p = 概率
value-seed = 种子
value-preset = 规模
value-course = 课程
value-hours = 学时
value-kind = 类别
value-result = 结果
value-command = 命令

## The office's year: round next, pool, declare, waive, leave, relation.
arg-commit-next = 发布后，把届内下一轮设为要编排的轮次（同 `xuncha round next`）
arg-repair-record = 同时把调整的原因记入场景：每个 --drop 出库，每个 --add-conflict 记为本人申报的回避情形，理由为此处所写
cmd-round = 轮次：发布本轮后转到下一轮
cmd-round-next = 本轮发布后，把届内下一轮设为要编排的轮次，其被巡察单位按 `simulate` 的方式选定
arg-round-next-scenario = 本轮已发布的场景文件
cmd-pool = 巡察人才库：出库、入库、考核评价、情况报告
cmd-pool-remove = 出库：设为 `pool: false`，并记下日期和原因
cmd-pool-add = 入库：设为 `pool: true`，并记下日期和原因
arg-person = 人员编号
arg-reason = 原因，记入场景文件（如 调离、退休、新选调）
arg-date = 日期（默认：今天）
cmd-declare = 记录本人申报的回避情形
arg-declare-unit = 单位（乡镇或县级部门，不是村(社区)）
arg-declare-reason = 申报的内容（记入 `recusal.declared`）
cmd-waive = 记录经审核不需回避的情形
arg-waive-unit = 回避情形所涉的单位
arg-waive-reason = 不需回避的理由（必填；记入 `recusal.waived`）
cmd-leave = 记录某人在一段时间内不能参加（请假、生病、培训）
arg-leave-from = 不能参加的第一天
arg-leave-to = 不能参加的最后一天（含当天）
arg-leave-reason = 原因（如 病假、产假），记入场景文件
cmd-relation = 社会关系
cmd-relation-add = 添加一条社会关系：A 与 B 的关系类别（spouse、parent…… 或 配偶、父母……）
arg-relation-add-a = 一方的人员编号
arg-relation-add-b = 另一方的人员编号
arg-relation-add-kind = 关系类别（见 FORMAT.md“Relation kinds”）
arg-relation-add-note = 信息来源，记入场景文件
arg-generate-force = 与 -o 同用：文件已存在时覆盖
value-reason = 原因
value-a = A
value-b = B
value-note = 说明

## draw.
cmd-draw = 按公开种子从合规名单中随机抽取，使每名人员的入选机会在规则允许下尽量均等
arg-draw-seed = 抽签前公布的种子（任意文字）；同一种子抽出同一名单
arg-draw-within = 在目标值不超过最优值此百分比的名单中抽取（默认 10；0 表示只在最优名单中抽取）
arg-draw-format = 输出格式：table；json，即 FORMAT.md 的计划加上抽签的种子和概率；csv
arg-draw-verify = 按此 JSON 文件中的种子重新抽签并核对是否一致（不一致时退出码为 1）
value-pct = 百分比
value-draw-json = 抽签结果.json
cmd-template = 生成空白的人员库 Excel 工作簿：各工作表、表头、示例行和下拉选项
cmd-template-note = 填好后在场景中写 sources: [人员库.xlsx]（见 docs/workbooks.md）。
arg-template-force = 与 -o 同用：文件已存在时覆盖
cmd-export = 把场景中的单位、人员、社会关系等列表导出为 Excel 工作簿
cmd-export-note = 场景改用 sources: [该工作簿] 代替这些列表后，回避冲突和编组方案不变。
arg-export-force = 与 -o 同用：文件已存在时覆盖
cmd-import = 从其他系统导入数据
cmd-import-lrmx = 读取干部任免审批表（.lrmx），生成工作簿：人员、任职经历、家庭成员，以及“待核对”表
cmd-import-lrmx-note = 不做任何猜测匹配：请先核对“待核对”表，再在 sources: 中引用该工作簿（见 docs/workbooks.md）。
arg-import-lrmx-files = .lrmx 文件，或存放这些文件的文件夹
arg-import-lrmx-force = 与 -o 同用：文件已存在时覆盖
value-files = 文件或文件夹
cmd-report = 生成可打印的 HTML 报告：巡察组名单、方案评价、回避审查、培训情况；加 --simulate 附本届任期推演图表
arg-report-plan = 要报告的名单（`xuncha plan --format json` 输出的 JSON）；不给则按 `plan` 的方式现行编排
arg-report-simulate = 附上本届任期其余轮次的推演图表
arg-report-evidence = 附上每条回避关系的证据，包括亲属关系路径和亲属姓名（属个人信息，默认不附）
value-plan-json = 名单.json
cmd-pool-report = 人才库情况：人员类别、专业、单位分布，多轮未参加的人，预计出库，后备干部，考核评价，本轮不在轮换之列的人
arg-pool-report-idle = 列出连续这么多轮及以上未参加巡察的人（0：不列）
arg-pool-report-format = 输出格式：table 表格；json 供程序读取；csv、xlsx 为每人一行的人才库名册
cmd-pool-appraise = 考核评价：记录某人在其参加过的一轮巡察中的考核等次
arg-pool-appraise-round = 被评价的历史轮次
arg-pool-appraise-grade = 考核等次：优秀、称职、基本称职、不称职
arg-pool-appraise-note = 备注，记入场景文件
