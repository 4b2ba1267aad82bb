# 载入错误（src/report/errors.rs）：场景、台账或方案文件无法读取或内容有误。
# 位置 `文件:行:列` 在各语言中写法相同，便于编辑器跳转。

load-at = { $at }: { $what }
load-about = { $subject }：{ $what }
load-hint = { $problem }（{ $hint }）
load-problems = { $file }：共 { $n } 个问题
load-known = 已有：{ $list }
load-known-more = 已有：{ $list } 等，共 { $n } 个
load-known-none = 尚未声明任何一项
load-unknown-skill = 未知的专业特长“{ $name }”
load-unknown-relation-kind = 未知的关系类型“{ $kind }”
load-relation-kind-near = 是不是 { $nearest }？{ $known }；自定义的关系类型请列入 recusal.other_kinds（只记录、不据此回避）或 recusal.kin
load-relation-kind-hint = { $known }；自定义的关系类型请列入 recusal.other_kinds（只记录、不据此回避）或 recusal.kin
load-date-out-of-range = 日期 { $date } 超出范围
load-date-range-hint = 日期应在 { $min }-01-01 到 { $max }-12-31 之间；年份是否写错？
load-hours-out-of-range = 学时 { $hours } 超出范围
load-hours-range-hint = 应为 0 到 { $max } 之间的数
