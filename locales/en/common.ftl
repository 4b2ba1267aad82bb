# Words shared by every area: vocabulary of the office, list separators.
# Every id here must also be in ../zh-CN/common.ftl.

list-sep = {", "}
role-leader = leader
role-member = member
retired = retired from post

## Skills: `skill-<code>`, underscores written as hyphens.
skill-finance = finance
skill-audit = audit
skill-discipline = discipline
skill-organization = organization
skill-agriculture = agriculture
skill-law = law
skill-engineering = engineering
skill-party-building = party building

## Relation kinds.
relation-spouse = spouse
relation-parent = parent
relation-child = child
relation-sibling = sibling
relation-in-law = in-law
relation-grandparent = grandparent
relation-grandchild = grandchild
relation-former-superior = former superior
relation-former-subordinate = former subordinate
relation-classmate = classmate
relation-colleague = colleague

## Unit kinds.
unit-kind-township = township
unit-kind-department = department

## Village tags.
tag-poverty = poverty
tag-weak-org = weak_org
tag-hotspot = hotspot

## A name with its id, as tables and sentences show people, units and villages.
named = { $name } ({ $id })
## A value with its tags or codes in brackets.
tagged = { $what } [{ $tags }]
tags-sep = ,

## Column headers every table uses.
col-person = person
col-name = name
csv-true = true
csv-false = false
