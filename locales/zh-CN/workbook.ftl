# 工作簿：`xuncha template`、`export`、`import lrmx`（docs/workbooks.md）。

wb-xlsx-failed = 无法生成工作簿：{ $reason }
usage-needs-output = { $command } 生成 Excel 工作簿：请用 -o 指定文件，例如 { $example }
wb-folder-failed = 无法读取任免审批表所在文件夹：{ $reason }
wb-review-no-unit = 未对应到场景中的任何单位或村社区：请填写单位编号，或把该名称加入 `aliases:`（或“单位”表的“别名”列）
wb-review-several-units = 对应到多个单位或村社区：请填写正确的编号
wb-review-line-no-period = 简历行没有起止时间（YYYY.MM--YYYY.MM），且前面没有可接续的行
wb-review-line-no-range = 简历行只有起始时间，没有“--”止
wb-review-line-reversed = 简历行的截止时间早于起始时间
wb-review-empty-resume = 表中简历为空：任职经历不明
wb-review-unknown-title = 无法识别的称谓：请手工录入关系
wb-review-already-in-scenario = 场景中已有同名人员（编号不同）：是否同一人？
wb-review-same-cadre-twice = 另一文件中已有同一干部（已导入那一份）
wb-review-unreadable = 无法读取文件：{ $reason }
wb-review-no-name = 表中没有姓名（XingMing）
wb-review-encoding = 文件既不是 UTF-8 也不是 GBK 文本
wb-review-broken-xml = XML 格式损坏，第 { $line } 行第 { $column } 列：{ $reason }
wb-review-not-a-form = 不是任免审批表（根元素为 { $root }，不是 Person）
wb-import-summary = 共 { $forms } 份任免审批表：干部 { $cadres } 人，家庭成员 { $relatives } 人，任职经历 { $postings } 条，社会关系 { $relations } 条；待核对 { $review } 条（见“待核对”工作表）
