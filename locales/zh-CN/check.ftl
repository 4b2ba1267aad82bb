# `xuncha check`: the scenario at a glance.

check-unnamed = （未命名场景）
check-pool = 人才库
check-pool-line = { $pool } 人：{ $leaders } 人可任组长，{ $retired } 人退职未退休；关系图中共 { $people } 人
check-units = 单位
check-units-line = { $townships } 个乡镇（{ $villages } 个村(社区)，其中 { $must } 个必须延伸巡察），{ $departments } 个县级部门
check-relations = 社会关系
check-relations-line = { $relations } 条（{ $depth } 层以内的亲属关系 { $kin } 条，组长须回避的关系 { $ties } 条）
check-conflicts = 回避
check-conflicts-line = { $scope ->
    [round] 本轮被巡察单位
   *[all] 全部单位
}共 { $conflicts } 个回避情形（涉及 { $people } 人）；已豁免 { $waived } 个
check-training = 培训
check-training-line = 要求 { $days } 天内不少于 { $hours } 学时（截至 { $date }）：{ $compliant } 人达标，{ $short } 人不足
check-training-none = 未设学时要求
check-history = 历史轮次
check-history-line = { $rounds } 轮，共 { $groups } 个巡察组
check-no-round = 没有要编排的轮次
check-round = 轮次 { $round }（{ $kind ->
    [regular] 常规巡察
    [special] 专项巡察
    [topic] 专题巡察
   *[other] { $kind }
}）{ $start } 至 { $end }：{ $groups } 个巡察组，每组 { $min }–{ $max } 人，{ $units } 个被巡察单位
check-available = 可参加：{ $pool } 名人才库成员中的 { $available } 人，其中 { $leaders } 人可任组长
check-warn-seats = 警告：{ $groups } 个组每组至少 { $min } 人，共需 { $seats } 人；可参加的只有 { $available } 人
check-warn-leaders = 警告：{ $groups } 个组需要 { $groups } 名组长；可参加的人才库成员中只有 { $leaders } 人可任组长
check-nobody-excluded = 没有人因故不能参加
check-excluded = 不能参加：{ $n } 人
check-col-why = 原因
