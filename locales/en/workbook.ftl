# Workbooks: `xuncha template`, `export`, `import lrmx` (docs/workbooks.md).

wb-xlsx-failed = could not build the workbook: { $reason }
usage-needs-output = { $command } writes an Excel workbook: give the file with -o, e.g. { $example }
