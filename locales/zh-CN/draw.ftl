# `xuncha draw`：按公开种子随机抽取名单（src/report/draw.rs）。
draw-headline = 抽签：种子 { $seed }；在最优值 { $optimum } 的 { $within }% 以内的名单中抽取（目标值不超过 { $cap }）；分布含 { $rosters } 份名单
draw-min-p = 可参加人员中最小的入选概率：{ $min }（同一批名单简单抽签时：{ $uniform }）
draw-budget = 名单搜索已达上限：概率为已找到名单所能达到的最公平分配。
draw-odds = 每名可参加人员的入选概率：
draw-cannot-serve = 本轮不能参加：
draw-col-person = 编号
draw-col-name = 姓名
draw-col-p = 入选概率
draw-col-why = 原因
draw-verify-match = { $file }：一致；种子 { $seed } 抽出相同的名单和相同的概率。
draw-verify-mismatch = { $file }：与种子 { $seed } 的抽签结果不一致，不同之处：{ $fields }。请用该种子重新运行 `xuncha draw` 查看真实结果。
draw-unreadable = 无法读取抽签结果 { $file }：{ $reason }
draw-not-a-draw = { $file } 不是 `xuncha draw --format json` 输出的抽签结果（{ $reason }）；请提供抽签时输出的 JSON
draw-error-oracle = 抽签的名单搜索失败：{ $error }
draw-status = 随机抽取（种子 { $seed }；最优值 { $optimum }）
