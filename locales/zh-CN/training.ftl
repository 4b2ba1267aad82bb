# `xuncha training`: the report (table and CSV) and what `add` and `import` say.

training-heading = 培训情况（截至 { $date }）：要求此前 { $days } 天内不少于 { $hours } 学时（{ $window }）
training-heading-none = 培训情况（截至 { $date }）：未设学时要求，列出全部记录的学时
training-valid-months = 培训记录自其日期起 { $months } 个月后不再计入
training-leader-course = 组长须有一条计入的、课程名称含“{ $course }”的记录
training-grace-days = 新入库人员自入库之日（pool_since）起 { $days } 天内免于要求
training-scope-window = 统计区间 { $from } 至 { $to }
training-scope-year = { $year } 年
training-scope-all = 全部记录
training-col-hours = 学时
training-col-status = 状态
training-col-last = 最近一次培训
training-col-expires = 到期日
training-col-year-hours = 当年学时
training-col-course = 课程
training-col-records = 记录数
training-col-people = 人数
training-col-failed = 不合格
training-col-kind = 类别
training-col-then = 届时
training-ok = 达标
training-ok-planned = 达标（另有 { $hours } 学时已安排）
training-last = { $course }（{ $date }）
training-short-count = 共 { $people } 人，{ $short } 人不足
training-by-course = 按课程合计（{ $scope }）：
training-by-kind = 按类别合计：
training-no-records = 没有记录
training-kind = { $kind ->
    [annual] 全脱产专训
    [pre_round] 轮前培训
    [practice] 实战历练
    [online] 网络培训
    [other] 其他
   *[unspecified] 未注明
}
training-next-round = { $n ->
    [0] 下一轮 { $round }（{ $start }）：现在达标的人届时都仍达标
   *[other] 下一轮 { $round }（{ $start }）：现在达标的人中，若不再参加培训，届时将有 { $n } 人不足
}
training-duplicates = 警告：有 { $n } 条记录重复登记（人员、课程、日期和学时都相同；都被计入）：
training-duplicate = { $person } { $course } { $date } { $hours } 学时：{ $first } 与 { $again }
training-csv-person = 人员编号
training-csv-name = 姓名
training-csv-hours = 学时
training-csv-required = 要求学时
training-csv-compliant = 是否达标
training-csv-short-by = 差额学时
training-csv-missing-course = 缺少的组长课程
training-csv-grace-until = 免于要求至
training-csv-last-course = 最近一次培训课程
training-csv-last-date = 最近一次培训日期
training-csv-expires = 到期日
training-csv-planned-hours = 已安排学时
training-csv-year-hours = 当年学时
training-added = { $dry_run ->
    [yes] （试运行，未写入）将追加到
   *[no] 已追加到
} { $ledger }:{ $line }{ $created ->
    [yes] （新建文件）
   *[no] {""}
}：{ $id } { $name }，{ $course }，{ $date }，{ $hours } 学时
training-added-kind = ，{ $kind }
training-standing = { $id } { $name } 截至 { $date }{ $when ->
    [round] （{ $round } 开始时）
   *[today] （今天）
}：{ $standing }
training-imported = { $dry_run ->
    [yes] （试运行，未写入）将从
   *[no] 已从
} { $file }（{ $encoding }）导入 { $n } 条记录到 { $ledger }（{ $many ->
    [yes] 第 { $lines } 行
   *[no] 第 { $lines } 行
}{ $created ->
    [yes] ，新建文件
   *[no] {""}
}）
training-nothing-imported = { $file } 中没有记录；未写入任何内容
