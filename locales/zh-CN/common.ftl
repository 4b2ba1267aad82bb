# Words shared by every area: vocabulary of the office, list separators.
# Every id here must also be in ../en/common.ftl.

list-sep = 、
role-leader = 组长
role-member = 成员
retired = 退职未退休

## Skills (专业特长): `skill-<code>`, underscores written as hyphens.
skill-finance = 财务
skill-audit = 审计
skill-discipline = 纪检监察
skill-organization = 组织
skill-agriculture = 农业农村
skill-law = 法律
skill-engineering = 工程项目
skill-party-building = 党建

## Relation kinds (社会关系).
relation-spouse = 配偶
relation-parent = 父母
relation-child = 子女
relation-sibling = 兄弟姐妹
relation-in-law = 近姻亲
relation-grandparent = 祖父母、外祖父母
relation-grandchild = 孙子女、外孙子女
relation-former-superior = 原上级
relation-former-subordinate = 原下级
relation-classmate = 同学
relation-colleague = 同事

## Unit kinds.
unit-kind-township = 乡镇
unit-kind-department = 县级部门

## Village tags.
tag-poverty = 贫困户村
tag-weak-org = 软弱涣散
tag-hotspot = 民生热点

## A name with its id, as tables and sentences show people, units and villages.
named = { $name }（{ $id }）
## A value with its tags or codes in brackets.
tagged = { $what }【{ $tags }】
tags-sep = 、

## Column headers every table uses.
col-person = 编号
col-name = 姓名
csv-true = 是
csv-false = 否
