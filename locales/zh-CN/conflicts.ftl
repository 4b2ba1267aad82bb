# 回避依据（FORMAT.md `detail`）及其他说明引用的简述。

place-village = { $village }（{ $town }）

## 规则名称，附代码。
rule-name-r1 = 本人在该单位工作
rule-name-r2 = 近期在该单位任职
rule-name-r3 = 原籍在该单位
rule-name-r4 = 近亲属在该单位工作
rule-name-r5 = 本人申报回避
rule-name-l1 = 在该单位长期任职（组长）
rule-name-l2 = 关系人在该单位工作（组长）
rule-named = { $name }（{ $rule }）

## 依据（一句话）。
evidence-works-at = { $who }现在{ $place }工作
evidence-posted-long-ongoing = { $who }自 { $from } 起在{ $place }任职（满 { $years } 年）
evidence-posted-long = { $who }于 { $from } 至 { $to } 在{ $place }任职（满 { $years } 年）
evidence-posted-recent = { $who }于 { $from } 至 { $to } 在{ $place }任职（离任不满 { $years } 年）
evidence-posted-now = { $who }自 { $from } 起在{ $place }任职，至今在任
evidence-hometown = { $who }原籍为{ $place }
evidence-hop = { $from }与{ $to }为{ $kind }关系
evidence-path-sep = ，
evidence-path-end = { $who }在{ $place }工作
evidence-declared = { $who }本人申报回避
evidence-declared-reason = { $who }申报回避：{ $reason }

## 简述：`R4 经 配偶 李娜`。
brief-works-at = { $rule } 在{ $place }工作
brief-posted = { $rule } { $from } 至 { $to } 在{ $place }任职
brief-posted-since = { $rule } 自 { $from } 起在{ $place }任职
brief-hometown = { $rule } 原籍{ $place }
brief-hop = { $kind } { $who }
brief-via = { $rule } 经 { $hops }
brief-declared = { $rule } 本人申报
brief-declared-reason = { $rule } 本人申报：{ $reason }
