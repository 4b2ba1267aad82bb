# `xuncha report`：可打印、可存档的 HTML 报告（docs/report.md）。

html-lang = zh-CN
html-title = { $round } 轮巡察组组成人员名单及审查材料
html-dates = 巡察时间：{ $start } 至 { $end }
html-roster = 一、巡察组组成人员名单
html-group = 第 { $n } 巡察组
html-units = 被巡察单位：{ $units }
html-villages = 延伸巡察村（社区）：{ $villages }
html-col-unit = 工作单位
html-score = 二、方案评价
html-score-total = 目标值 { $total }（越小越好），由以下各项构成：
html-recusal = 三、回避审查
html-recusal-intro = 以 { $date } 为准，逐一审查每名组员与本组被巡察单位及延伸村（社区）之间的回避关系；下列人员因回避规定未安排到该组。
html-recusal-private = 亲属关系属个人信息：本报告只列回避规则和人数，不列亲属姓名（需要时用 --evidence 生成附证据的版本）。
html-recusal-checked = 已审查 { $members } 名组员与 { $units } 个被巡察单位、{ $villages } 个延伸村（社区），均无回避情形。
html-recusal-none = 人员库中无人与本组被巡察单位存在回避关系。
html-col-rule = 回避规则
html-col-kept-out = 因此未安排到本组
html-people = { $n } 人
html-training = 四、培训情况
html-training-none = 本场景未设培训要求。
html-training-summary = 以 { $date } 为准，人员库 { $pool } 人中 { $short } 人培训学时不足，不能参加本轮巡察。
html-col-hours = 已有学时
html-col-required = 要求学时
html-col-short = 尚缺
html-missing-course = 缺组长培训“{ $course }”
html-term = 五、本届任期巡察推演
html-chart-coverage = 累计已巡察单位数（按轮次）
html-chart-units = 单位数
html-chart-served = 人员参加巡察轮数分布
html-chart-members = 人数（横轴：参加轮数）
html-term-repeats = 推演中同组搭档重复 { $pairs } 次，同一单位重复巡察 { $units } 次。
html-chart-grid = 单位 × 轮次（深色：该轮巡察）
html-footer = 场景文件 { $file }（SHA-256 { $sha }）；轮次 { $round }；求解结果：{ $status }；xuncha { $version }
html-invalid-roster = { $file }：该名单按当前场景已不符合规则，不能生成报告：
    { $violations }
html-status = 编排结果：{ $status }；共 { $groups } 个巡察组。
