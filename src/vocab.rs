//! The office's words for the format's codes, as input: a clerk writes
//! 财务, 配偶, 乡镇, 贫困户村, 是 in a workbook or on the command line where
//! the YAML has `finance`, `spouse`, `township`, `poverty`, `true`.
//!
//! This is the reading side only. What xuncha prints comes from the message
//! catalogue (`report::i18n`); a test there keeps the two in step: every
//! Chinese display name the catalogue prints is read back here to its code.

use crate::scenario::{UnitKind, VillageTag};

/// The relation kinds FORMAT.md ("Relation kinds") builds in.
pub const BUILTIN_RELATION_KINDS: &[&str] = &[
    "spouse",
    "parent",
    "child",
    "sibling",
    "in_law",
    "grandparent",
    "grandchild",
    "former_superior",
    "former_subordinate",
    "classmate",
    "colleague",
];

/// Skill codes with the Chinese words offices use for them; the first word
/// is the display name.
const SKILLS: &[(&str, &[&str])] = &[
    ("finance", &["财务", "财会", "会计", "财经"]),
    ("audit", &["审计"]),
    ("discipline", &["纪检监察", "纪检", "监察", "纪律检查"]),
    ("organization", &["组织", "组织人事", "人事"]),
    ("agriculture", &["农业农村", "农业", "三农", "农村"]),
    ("law", &["法律", "法务", "政法"]),
    ("engineering", &["工程项目", "工程", "工程建设"]),
    ("party_building", &["党建", "党的建设"]),
];

const RELATIONS: &[(&str, &[&str])] = &[
    ("spouse", &["配偶", "夫妻"]),
    ("parent", &["父母", "父亲", "母亲"]),
    ("child", &["子女", "儿子", "女儿"]),
    ("sibling", &["兄弟姐妹", "兄弟", "姐妹", "兄妹", "姐弟"]),
    ("in_law", &["近姻亲", "姻亲"]),
    ("grandparent", &["祖父母、外祖父母", "祖父母", "外祖父母"]),
    ("grandchild", &["孙子女、外孙子女", "孙子女", "外孙子女"]),
    ("former_superior", &["原上级", "老上级", "上级"]),
    ("former_subordinate", &["原下级", "老下级", "下级"]),
    ("classmate", &["同学"]),
    ("colleague", &["同事"]),
];

const UNIT_KINDS: &[(UnitKind, &[&str])] = &[
    (
        UnitKind::Township,
        &["乡镇", "乡", "镇", "街道", "乡镇（街道）"],
    ),
    (
        UnitKind::Department,
        &["县级部门", "部门", "县直部门", "县直单位", "单位"],
    ),
];

const TAGS: &[(VillageTag, &[&str])] = &[
    (VillageTag::Poverty, &["贫困户村", "贫困村", "脱贫村"]),
    (
        VillageTag::WeakOrg,
        &["软弱涣散", "软弱涣散村", "软弱涣散党组织"],
    ),
    (VillageTag::Hotspot, &["民生热点", "信访热点", "热点"]),
];

/// Pool categories (docs/pool.md); the first word is the display name.
const CATEGORIES: &[(crate::pool::Category, &[&str])] = &[
    (crate::pool::Category::FullTime, &["专职", "专职巡察干部"]),
    (crate::pool::Category::PartTime, &["兼职"]),
    (crate::pool::Category::Talent, &["人才库"]),
];

/// A pool category from its code (`full_time`) or the office's word (专职).
pub fn category(text: &str) -> Option<crate::pool::Category> {
    let t = clean(text);
    crate::pool::Category::ALL
        .into_iter()
        .find(|c| c.code() == t)
        .or_else(|| lookup(CATEGORIES, t))
}

/// A pool change as the office writes it: 入库 (true) or 出库 (false).
pub fn join_leave(text: &str) -> Option<bool> {
    match clean(text) {
        "入库" | "join" | "joined" => Some(true),
        "出库" | "leave" | "left" => Some(false),
        _ => None,
    }
}

/// The office's word for a pool change.
pub fn join_leave_label(joined: bool) -> &'static str {
    if joined {
        "入库"
    } else {
        "出库"
    }
}

/// A category's display name (专职).
pub fn category_label(c: crate::pool::Category) -> &'static str {
    first_word(CATEGORIES, c)
}

/// A grade's display name (不称职).
pub fn grade_label(g: crate::pool::Grade) -> &'static str {
    first_word(GRADES, g)
}

fn first_word<T: PartialEq>(table: &[(T, &[&'static str])], x: T) -> &'static str {
    table
        .iter()
        .find(|(t, _)| *t == x)
        .map(|(_, words)| words[0])
        .expect("every value has words")
}

/// Appraisal grades (考核等次, docs/pool.md); the first word is the display name.
const GRADES: &[(crate::pool::Grade, &[&str])] = &[
    (crate::pool::Grade::Excellent, &["优秀"]),
    (crate::pool::Grade::Competent, &["称职", "合格"]),
    (crate::pool::Grade::Basic, &["基本称职", "基本合格"]),
    (crate::pool::Grade::Unfit, &["不称职", "不合格"]),
];

/// An appraisal grade from its code (`unfit`) or the office's word (不称职).
pub fn grade(text: &str) -> Option<crate::pool::Grade> {
    let t = clean(text);
    crate::pool::Grade::ALL
        .into_iter()
        .find(|g| g.code() == t)
        .or_else(|| lookup(GRADES, t))
}

fn clean(text: &str) -> &str {
    text.trim()
}

fn lookup<T: Copy>(table: &[(T, &[&str])], text: &str) -> Option<T> {
    let t = clean(text);
    table
        .iter()
        .find(|(_, words)| words.contains(&t))
        .map(|(code, _)| *code)
}

/// The skill code a clerk's word means: a built-in code as written, or one
/// of its Chinese words. Codes the scenario adds itself are not known here.
pub fn skill(text: &str) -> Option<&'static str> {
    let t = clean(text);
    SKILLS
        .iter()
        .find(|(code, _)| *code == t)
        .map(|(code, _)| *code)
        .or_else(|| lookup(SKILLS, t))
}

/// The relation kind a word means: a built-in code, or a Chinese word.
pub fn relation(text: &str) -> Option<&'static str> {
    let t = clean(text);
    BUILTIN_RELATION_KINDS
        .iter()
        .find(|k| **k == t)
        .copied()
        .or_else(|| lookup(RELATIONS, t))
}

/// A unit kind: `township` / `department` or 乡镇 / 县级部门 (and synonyms).
pub fn unit_kind(text: &str) -> Option<UnitKind> {
    match clean(text) {
        "township" => Some(UnitKind::Township),
        "department" => Some(UnitKind::Department),
        t => lookup(UNIT_KINDS, t),
    }
}

/// A village tag: `poverty` / `weak_org` / `hotspot` or the Chinese words.
pub fn tag(text: &str) -> Option<VillageTag> {
    match clean(text) {
        "poverty" => Some(VillageTag::Poverty),
        "weak_org" => Some(VillageTag::WeakOrg),
        "hotspot" => Some(VillageTag::Hotspot),
        t => lookup(TAGS, t),
    }
}

/// A yes/no cell: 是/否, 是的/不是, Y/N, yes/no, true/false, 1/0, √/×.
/// Empty is `None` (the caller decides what absent means).
pub fn yes_no(text: &str) -> Option<bool> {
    match clean(text).to_ascii_lowercase().as_str() {
        "是" | "是的" | "y" | "yes" | "true" | "1" | "√" | "✓" | "对" => Some(true),
        "否" | "不是" | "n" | "no" | "false" | "0" | "×" | "✗" | "x" | "无" => Some(false),
        _ => None,
    }
}

/// The office's word for a built-in skill code (财务 for `finance`);
/// `None` for a code the scenario made up. Written into workbooks, where
/// [`skill`] reads it back.
pub fn skill_label(code: &str) -> Option<&'static str> {
    SKILLS
        .iter()
        .find(|(c, _)| *c == code)
        .and_then(|(_, words)| words.first().copied())
}

/// The office's word for a built-in relation kind (配偶 for `spouse`).
pub fn relation_label(code: &str) -> Option<&'static str> {
    RELATIONS
        .iter()
        .find(|(c, _)| *c == code)
        .and_then(|(_, words)| words.first().copied())
}

/// 乡镇 / 县级部门.
pub fn unit_kind_label(kind: UnitKind) -> &'static str {
    UNIT_KINDS
        .iter()
        .find(|(k, _)| *k == kind)
        .and_then(|(_, words)| words.first().copied())
        .unwrap_or("")
}

/// 贫困户村 / 软弱涣散 / 民生热点.
pub fn tag_label(tag: VillageTag) -> &'static str {
    TAGS.iter()
        .find(|(t, _)| *t == tag)
        .and_then(|(_, words)| words.first().copied())
        .unwrap_or("")
}

/// The display word of every built-in skill, in order.
pub fn skill_labels() -> impl Iterator<Item = &'static str> {
    SKILLS
        .iter()
        .filter_map(|(_, words)| words.first().copied())
}

/// The display word of every built-in relation kind, in order.
pub fn relation_labels() -> impl Iterator<Item = &'static str> {
    RELATIONS
        .iter()
        .filter_map(|(_, words)| words.first().copied())
}

/// Every word (codes and Chinese) accepted for skills, for hints.
pub fn skill_words() -> impl Iterator<Item = &'static str> {
    SKILLS
        .iter()
        .flat_map(|(code, words)| std::iter::once(*code).chain(words.iter().copied()))
}

/// Every word accepted for relation kinds, for hints.
pub fn relation_words() -> impl Iterator<Item = &'static str> {
    RELATIONS
        .iter()
        .flat_map(|(code, words)| std::iter::once(*code).chain(words.iter().copied()))
}

/// A header cell as compared, in ledgers and workbooks alike: no byte-order
/// mark, no spaces, lower case, a trailing parenthesis (`学时(小时)`,
/// `类型（乡镇/县级部门）`) dropped.
pub fn normalise_header(h: &str) -> String {
    let mut h: String = h
        .trim_start_matches('\u{feff}')
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase();
    if let Some(i) = h.find(['(', '（']) {
        if i > 0 {
            h.truncate(i);
        }
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_read_as_themselves() {
        for code in ["finance", "audit", "law", "party_building"] {
            assert_eq!(skill(code), Some(code));
        }
        for code in BUILTIN_RELATION_KINDS {
            assert_eq!(relation(code), Some(*code));
        }
    }

    #[test]
    fn chinese_words_read_as_codes() {
        assert_eq!(skill("财务"), Some("finance"));
        assert_eq!(skill(" 纪检监察 "), Some("discipline"));
        assert_eq!(relation("配偶"), Some("spouse"));
        assert_eq!(relation("兄弟姐妹"), Some("sibling"));
        assert_eq!(unit_kind("乡镇"), Some(UnitKind::Township));
        assert_eq!(unit_kind("县级部门"), Some(UnitKind::Department));
        assert_eq!(tag("软弱涣散"), Some(VillageTag::WeakOrg));
        assert_eq!(yes_no("是"), Some(true));
        assert_eq!(yes_no("否"), Some(false));
        assert_eq!(yes_no("TRUE"), Some(true));
        assert_eq!(yes_no(""), None);
    }

    #[test]
    fn unknown_words_are_not_guessed() {
        assert_eq!(skill("杂技"), None);
        assert_eq!(relation("spouce"), None);
        assert_eq!(unit_kind("村"), None);
        assert_eq!(tag("poor"), None);
        assert_eq!(yes_no("maybe"), None);
    }

    #[test]
    fn labels_read_back_as_their_codes() {
        for (code, _) in SKILLS {
            assert_eq!(skill(skill_label(code).unwrap()), Some(*code));
        }
        for code in BUILTIN_RELATION_KINDS {
            assert_eq!(relation(relation_label(code).unwrap()), Some(*code));
        }
        for k in [UnitKind::Township, UnitKind::Department] {
            assert_eq!(unit_kind(unit_kind_label(k)), Some(k));
        }
        for t in [
            VillageTag::Poverty,
            VillageTag::WeakOrg,
            VillageTag::Hotspot,
        ] {
            assert_eq!(tag(tag_label(t)), Some(t));
        }
    }

    #[test]
    fn no_word_means_two_codes() {
        let mut seen = std::collections::HashMap::new();
        for (code, words) in SKILLS.iter().chain(RELATIONS) {
            for w in *words {
                if let Some(other) = seen.insert(*w, *code) {
                    panic!("`{w}` means both {other} and {code}");
                }
            }
        }
    }
}
