# `xuncha conflicts`: the table's and the CSV's own words (the evidence
# sentences are in the conflict renderer's file).

conflicts-heading = 回避情形（截至 { $date }）：{ $people } 人对照 { $units } 个单位
conflicts-unit-heading = { $name }（{ $id }，{ $kind }）— { $n } 个回避情形，涉及 { $people } 人
conflicts-col-rule = 规则
conflicts-col-evidence = 依据
conflicts-col-unit = 单位
conflicts-col-reason = 理由
conflicts-rule-leader = { $rule }（组长）
conflicts-none = 没有回避情形
conflicts-total = 共 { $n } 个回避情形
conflicts-waived = 已豁免（recusal.waived），不计入上表：{ $n } 个
conflicts-csv-person = 人员编号
conflicts-csv-name = 姓名
conflicts-csv-unit = 单位编号
conflicts-csv-unit-name = 单位名称
conflicts-csv-rule = 回避规则
conflicts-csv-leader-only = 仅限组长
conflicts-csv-path = 关系路径
conflicts-csv-detail = 依据
