# Workbooks: `xuncha template`, `export`, `import lrmx` (docs/workbooks.md).

wb-xlsx-failed = could not build the workbook: { $reason }
usage-needs-output = { $command } writes an Excel workbook: give the file with -o, e.g. { $example }
wb-folder-failed = cannot list the folder of forms: { $reason }
wb-review-no-unit = names no unit or village of the scenario: write the unit's id, or add the name to `aliases:` (or the 别名 column of 单位)
wb-review-several-units = names several units or villages: write the right id
wb-review-line-no-period = résumé line without a period (YYYY.MM--YYYY.MM) and no line before it
wb-review-line-no-range = résumé line with a start but no “--” range
wb-review-line-reversed = résumé line whose end comes before its start
wb-review-empty-resume = the form has no résumé (简历): postings unknown
wb-review-unknown-title = a 称谓 xuncha does not know: enter the relation by hand
wb-review-already-in-scenario = the scenario has a person of this name under another id: same person?
wb-review-same-cadre-twice = the same cadre is in another file too (that one was imported)
wb-review-unreadable = the file cannot be read: { $reason }
wb-review-no-name = the form has no name (XingMing)
wb-review-encoding = the file is neither UTF-8 nor GBK text
wb-review-broken-xml = broken XML at line { $line }, column { $column }: { $reason }
wb-review-not-a-form = not an appointment form (root element { $root }, not Person)
wb-import-summary = { $forms } forms: { $cadres } cadres, { $relatives } relatives, { $postings } postings, { $relations } relations; { $review } items to check (sheet 待核对)
