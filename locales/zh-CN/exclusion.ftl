# Why a person cannot serve, and how their training stands
# (src/report/exclusion.rs): check, why, replace, repair, draw, training.

excl-sep = ；
excl-grace = 新入库，{ $until } 前免于学时要求
excl-short = 学时不足：{ $hours }/{ $required } 学时（缺 { $missing } 学时）
excl-course = 没有计入的组长培训课程“{ $course }”记录
excl-trained = 学时达标：{ $hours }/{ $required } 学时
excl-unavailable = { $from } 至 { $to } 不可参加
excl-not-yet-in-pool = { $since } 方入库，本轮开始时尚未入库
excl-leaves-pool = { $until } 出库，本轮结束前已出库
excl-unfit = { $round } 考核不称职，暂停参加巡察（第 { $nth }/{ $of } 轮）
