# 工作簿：`xuncha template`、`export`、`import lrmx`（docs/workbooks.md）。

wb-xlsx-failed = 无法生成工作簿：{ $reason }
usage-needs-output = { $command } 生成 Excel 工作簿：请用 -o 指定文件，例如 { $example }
