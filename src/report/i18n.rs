//! The message catalogue: every word xuncha prints for a person comes from
//! here, in Simplified Chinese (the default) or English.
//!
//! The catalogue is Project Fluent: `locales/<lang>/<area>.ftl`, one file per
//! area (plan, check, diagnosis, …), embedded in the binary at build time.
//! Both languages hold the same message ids with the same variables; a test
//! fails when they drift apart. This module is the only one that knows
//! Fluent; the rest of the renderer asks a [`Words`] for text with the
//! [`t!`](crate::t) macro:
//!
//! ```
//! use xuncha::report::i18n::{Lang, Words};
//! let w = Words::new(Lang::Zh);
//! assert_eq!(xuncha::t!(w, "role-leader"), "组长");
//! let en = Words::new(Lang::En);
//! assert_eq!(xuncha::t!(en, "plan-group-count", n = 2), "2 groups");
//! ```

use std::borrow::Cow;
use std::fmt;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

mod files {
    include!(concat!(env!("OUT_DIR"), "/catalogue_files.rs"));
}

/// A language xuncha speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub enum Lang {
    /// Simplified Chinese, the default.
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// The environment variable that picks the language when no `--lang`
    /// flag is given.
    pub const ENV: &'static str = "XUNCHA_LANG";

    /// Every language, in catalogue order.
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::En];

    /// The catalogue directory (a BCP 47 tag).
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// Read a language name as a person or a locale variable writes it:
    /// `zh`, `zh-CN`, `zh_CN.UTF-8`, `cn`, `中文`; `en`, `en-US`,
    /// `en_US.UTF-8`, `english`. Case does not matter.
    pub fn parse(text: &str) -> Option<Lang> {
        let t = text.trim();
        if t == "中文" || t == "简体中文" {
            return Some(Lang::Zh);
        }
        if t == "英文" || t == "英语" {
            return Some(Lang::En);
        }
        let base = t
            .split(['-', '_', '.', '@'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match base.as_str() {
            "zh" | "cn" | "chinese" | "zho" | "chi" => Some(Lang::Zh),
            "en" | "english" | "eng" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language named by [`Lang::ENV`], if it is set to one.
    pub fn from_env() -> Option<Lang> {
        std::env::var(Self::ENV).ok().and_then(|v| Lang::parse(&v))
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

/// A value for a message variable.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Text(String),
    Int(i64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_string())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg::Text(s.clone())
    }
}
impl From<Cow<'_, str>> for Arg {
    fn from(s: Cow<'_, str>) -> Self {
        Arg::Text(s.into_owned())
    }
}
macro_rules! int_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Self {
                Arg::Int(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
int_arg!(i32, i64, u8, u16, u32, u64, usize);

struct Catalogue {
    bundle: FluentBundle<FluentResource>,
}

impl Catalogue {
    fn build(lang: Lang) -> Catalogue {
        let id = lang.tag().parse().expect("a valid language tag");
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        // Isolation marks (U+2068/U+2069) around variables would leak into
        // terminals, CSV and tests; xuncha prints no right-to-left text.
        bundle.set_use_isolating(false);
        // `HANZI($n)`: a count in Chinese numerals (第二十一巡察组).
        bundle
            .add_function("HANZI", |args, _| match args.first() {
                Some(FluentValue::Number(n)) if n.value >= 0.0 && n.value.fract() == 0.0 => {
                    FluentValue::from(hanzi(n.value as u64))
                }
                Some(v) => v.clone(),
                None => FluentValue::None,
            })
            .expect("HANZI is defined once");
        for (l, area, text) in files::FILES {
            if *l != lang.tag() {
                continue;
            }
            let res = FluentResource::try_new(text.to_string()).unwrap_or_else(|(_, errs)| {
                panic!("locales/{l}/{area}.ftl does not parse: {errs:?}")
            });
            bundle
                .add_resource(res)
                .unwrap_or_else(|errs| panic!("locales/{l}/{area}.ftl: {errs:?}"));
        }
        Catalogue { bundle }
    }
}

/// `n` in Chinese numerals as a count is read: 1 → 一, 10 → 十, 21 → 二十一,
/// 105 → 一百零五, 1010 → 一千零一十; from 100 000 000 on, Arabic digits.
pub fn hanzi(n: u64) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    /// `n` below 10 000; `leading`: at the head of the number (十一, not 一十一).
    fn below_10k(n: u64, leading: bool) -> String {
        const UNITS: [&str; 4] = ["千", "百", "十", ""];
        let d = [n / 1000 % 10, n / 100 % 10, n / 10 % 10, n % 10];
        let mut out = String::new();
        let (mut started, mut zero) = (false, false);
        for (i, &x) in d.iter().enumerate() {
            if x == 0 {
                zero = started;
                continue;
            }
            if zero {
                out.push('零');
                zero = false;
            }
            if !(leading && !started && i == 2 && x == 1) {
                out.push_str(DIGITS[x as usize]);
            }
            out.push_str(UNITS[i]);
            started = true;
        }
        out
    }
    match n {
        0 => "零".to_string(),
        1..=9_999 => below_10k(n, true),
        10_000..=99_999_999 => {
            let mut out = below_10k(n / 10_000, true);
            out.push('万');
            let rest = n % 10_000;
            if rest > 0 {
                if rest < 1_000 {
                    out.push('零');
                }
                out.push_str(&below_10k(rest, false));
            }
            out
        }
        _ => n.to_string(),
    }
}

fn catalogue(lang: Lang) -> &'static Catalogue {
    static ZH: OnceLock<Catalogue> = OnceLock::new();
    static EN: OnceLock<Catalogue> = OnceLock::new();
    match lang {
        Lang::Zh => ZH.get_or_init(|| Catalogue::build(Lang::Zh)),
        Lang::En => EN.get_or_init(|| Catalogue::build(Lang::En)),
    }
}

/// Words in one language: the handle every renderer takes.
#[derive(Clone, Copy)]
pub struct Words {
    lang: Lang,
    cat: &'static Catalogue,
    /// Codes (skills, relation kinds, tags) stay codes: JSON's free text.
    codes: bool,
}

impl fmt::Debug for Words {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Words").field("lang", &self.lang).finish()
    }
}

impl Words {
    pub fn new(lang: Lang) -> Words {
        Words {
            lang,
            cat: catalogue(lang),
            codes: false,
        }
    }

    /// English with codes left as codes, the language of the free-text
    /// fields of JSON output (which never changes with `--lang`).
    pub fn json() -> Words {
        Words {
            codes: true,
            ..Words::new(Lang::En)
        }
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Whether the catalogue has a message `id`.
    pub fn has(&self, id: &str) -> bool {
        self.cat.bundle.has_message(id)
    }

    /// The message `id` with `args`. A missing id comes back as itself (a
    /// test keeps every id used in the source present in both languages).
    pub fn fmt(&self, id: &str, args: &[(&str, Arg)]) -> String {
        let Some(pattern) = self.cat.bundle.get_message(id).and_then(|m| m.value()) else {
            debug_assert!(false, "message `{id}` is missing from {}", self.lang);
            return id.to_string();
        };
        let mut fargs = FluentArgs::with_capacity(args.len());
        for (k, v) in args {
            match v {
                Arg::Text(s) => fargs.set(*k, FluentValue::from(s.as_str())),
                Arg::Int(n) => fargs.set(*k, FluentValue::from(*n)),
            }
        }
        let mut errors = Vec::new();
        let out = self
            .cat
            .bundle
            .format_pattern(pattern, Some(&fargs), &mut errors);
        debug_assert!(
            errors.is_empty(),
            "message `{id}` in {}: {errors:?}",
            self.lang
        );
        out.into_owned()
    }

    /// The message `id` without variables.
    pub fn get(&self, id: &str) -> String {
        self.fmt(id, &[])
    }

    /// The message `prefix-code` if the catalogue has one, else `code`
    /// itself: display names of codes (skills, relation kinds, tags).
    fn label<'c>(&self, prefix: &str, code: &'c str) -> Cow<'c, str> {
        if self.codes {
            return Cow::Borrowed(code);
        }
        let id = format!("{prefix}-{}", code.replace('_', "-"));
        if self.has(&id) {
            Cow::Owned(self.get(&id))
        } else {
            Cow::Borrowed(code)
        }
    }

    /// A skill's display name (`finance` → 财务); unknown codes as written.
    pub fn skill<'c>(&self, code: &'c str) -> Cow<'c, str> {
        self.label("skill", code)
    }

    /// A relation kind's display name (`spouse` → 配偶).
    pub fn relation<'c>(&self, code: &'c str) -> Cow<'c, str> {
        self.label("relation", code)
    }

    /// A village tag's display name (`poverty` → 贫困户村).
    pub fn tag<'c>(&self, code: &'c str) -> Cow<'c, str> {
        self.label("tag", code)
    }

    /// A unit kind's display name (`township` → 乡镇).
    pub fn unit_kind<'c>(&self, code: &'c str) -> Cow<'c, str> {
        self.label("unit-kind", code)
    }

    /// Items joined as a list (`、` in Chinese, `, ` in English).
    pub fn list<I, S>(&self, items: I) -> String
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let sep = self.get("list-sep");
        let mut out = String::new();
        for (i, s) in items.into_iter().enumerate() {
            if i > 0 {
                out.push_str(&sep);
            }
            out.push_str(s.as_ref());
        }
        out
    }
}

/// A message from the catalogue: `t!(w, "id")` or `t!(w, "id", n = 3, who = name)`.
#[macro_export]
macro_rules! t {
    ($w:expr, $id:literal) => {
        $w.get($id)
    };
    ($w:expr, $id:literal, $($k:ident = $v:expr),+ $(,)?) => {
        $w.fmt(
            $id,
            &[$((stringify!($k), $crate::report::i18n::Arg::from($v))),+],
        )
    };
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use fluent_syntax::ast;

    use super::*;
    use crate::scenario::{UnitKind, VillageTag};

    /// message id → the variables its value and attributes use.
    type Ids = BTreeMap<String, BTreeSet<String>>;

    fn vars_expr(e: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
        match e {
            ast::Expression::Select { selector, variants } => {
                vars_inline(selector, out);
                for v in variants {
                    vars_pattern(&v.value, out);
                }
            }
            ast::Expression::Inline(i) => vars_inline(i, out),
        }
    }

    fn vars_inline(e: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
        match e {
            ast::InlineExpression::VariableReference { id } => {
                out.insert(id.name.to_string());
            }
            ast::InlineExpression::FunctionReference { arguments, .. } => {
                for p in &arguments.positional {
                    vars_inline(p, out);
                }
            }
            ast::InlineExpression::Placeable { expression } => vars_expr(expression, out),
            _ => {}
        }
    }

    fn vars_pattern(p: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
        for el in &p.elements {
            if let ast::PatternElement::Placeable { expression } = el {
                vars_expr(expression, out);
            }
        }
    }

    /// Every (area → ids) of one language, parsed from the embedded files.
    fn catalogue_ids(lang: Lang) -> BTreeMap<String, Ids> {
        let mut out = BTreeMap::new();
        for (l, area, text) in files::FILES {
            if *l != lang.tag() {
                continue;
            }
            let res = FluentResource::try_new(text.to_string())
                .unwrap_or_else(|(_, e)| panic!("locales/{l}/{area}.ftl: {e:?}"));
            let mut ids = Ids::new();
            for entry in res.entries() {
                match entry {
                    ast::Entry::Message(m) => {
                        let mut vars = BTreeSet::new();
                        if let Some(v) = &m.value {
                            vars_pattern(v, &mut vars);
                        }
                        for a in &m.attributes {
                            vars_pattern(&a.value, &mut vars);
                        }
                        ids.insert(m.id.name.to_string(), vars);
                    }
                    ast::Entry::Term(t) => {
                        ids.insert(format!("-{}", t.id.name), BTreeSet::new());
                    }
                    ast::Entry::Junk { content } => {
                        panic!("locales/{l}/{area}.ftl has unparsable text: {content:?}")
                    }
                    _ => {}
                }
            }
            out.insert(area.to_string(), ids);
        }
        out
    }

    #[test]
    fn every_message_exists_in_both_languages_with_the_same_variables() {
        let zh = catalogue_ids(Lang::Zh);
        let en = catalogue_ids(Lang::En);
        let areas_zh: BTreeSet<_> = zh.keys().collect();
        let areas_en: BTreeSet<_> = en.keys().collect();
        assert_eq!(
            areas_zh, areas_en,
            "locales/zh-CN and locales/en must hold the same files"
        );
        let mut problems = Vec::new();
        for (area, ids) in &zh {
            let other = &en[area];
            for (id, vars) in ids {
                match other.get(id) {
                    None => problems.push(format!("{area}.ftl: `{id}` is missing in en")),
                    Some(v) if v != vars => problems.push(format!(
                        "{area}.ftl: `{id}` uses {vars:?} in zh-CN but {v:?} in en"
                    )),
                    _ => {}
                }
            }
            for id in other.keys() {
                if !ids.contains_key(id) {
                    problems.push(format!("{area}.ftl: `{id}` is missing in zh-CN"));
                }
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn no_message_id_is_defined_twice() {
        for lang in Lang::ALL {
            let mut seen = BTreeMap::new();
            for (area, ids) in catalogue_ids(lang) {
                for id in ids.keys() {
                    if let Some(first) = seen.insert(id.clone(), area.clone()) {
                        panic!("{lang}: `{id}` is in both {first}.ftl and {area}.ftl");
                    }
                }
            }
        }
    }

    /// The ids the source asks for with `t!(w, "id" …)`.
    fn ids_used_in_source() -> BTreeSet<(String, String)> {
        fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
            for e in std::fs::read_dir(dir).unwrap() {
                let p = e.unwrap().path();
                if p.is_dir() {
                    walk(&p, out);
                } else if p.extension().is_some_and(|x| x == "rs") {
                    out.push(p);
                }
            }
        }
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        walk(&root.join("src"), &mut files);
        let mut used = BTreeSet::new();
        for f in files {
            let text = std::fs::read_to_string(&f).unwrap();
            let mut from = 0;
            while let Some(i) = text[from..].find("t!(").map(|i| i + from) {
                from = i + 3;
                // `t!(` must not be the tail of another macro (`format!(`…),
                // and mentions in comments are not uses.
                let before = text[..i].chars().next_back();
                let line_start = text[..i].rfind('\n').map_or(0, |n| n + 1);
                let in_comment = text[line_start..i].trim_start().starts_with("//");
                if in_comment || before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                let rest = &text[from..];
                let Some(comma) = rest.find(',') else { break };
                let after = rest[comma + 1..].trim_start();
                if let Some(lit) = after.strip_prefix('"') {
                    if let Some(end) = lit.find('"') {
                        let rel = f.strip_prefix(root).unwrap().display().to_string();
                        used.insert((lit[..end].to_string(), rel));
                    }
                }
            }
        }
        used
    }

    #[test]
    fn every_message_the_source_uses_is_in_the_catalogue() {
        let used = ids_used_in_source();
        assert!(!used.is_empty(), "the scan found no t!(…) call at all");
        for lang in Lang::ALL {
            let w = Words::new(lang);
            let missing: Vec<String> = used
                .iter()
                .filter(|(id, _)| !w.has(id))
                .map(|(id, file)| format!("`{id}` (used in {file})"))
                .collect();
            assert!(
                missing.is_empty(),
                "missing from locales/{}: {}",
                lang.tag(),
                missing.join(", ")
            );
        }
    }

    #[test]
    fn languages_parse_as_people_and_locales_write_them() {
        for s in ["zh", "ZH", "zh-CN", "zh_CN.UTF-8", "cn", "中文", "Chinese"] {
            assert_eq!(Lang::parse(s), Some(Lang::Zh), "{s}");
        }
        for s in ["en", "EN", "en-US", "en_GB.UTF-8", "english", "英文"] {
            assert_eq!(Lang::parse(s), Some(Lang::En), "{s}");
        }
        for s in ["", "fr", "C", "POSIX", "z"] {
            assert_eq!(Lang::parse(s), None, "{s}");
        }
    }

    #[test]
    fn variables_are_not_wrapped_in_isolation_marks() {
        let w = Words::new(Lang::En);
        let s = t!(w, "plan-group-count", n = 3);
        assert_eq!(s, "3 groups");
        assert!(!s.contains('\u{2068}'));
    }

    #[test]
    fn codes_get_display_names_and_unknown_codes_stay_as_written() {
        let zh = Words::new(Lang::Zh);
        assert_eq!(zh.skill("finance"), "财务");
        assert_eq!(zh.skill("party_building"), "党建");
        assert_eq!(zh.relation("spouse"), "配偶");
        assert_eq!(zh.tag("weak_org"), "软弱涣散");
        assert_eq!(zh.unit_kind("township"), "乡镇");
        assert_eq!(zh.skill("juggling"), "juggling");
        let en = Words::new(Lang::En);
        assert_eq!(en.skill("finance"), "finance");
        assert_eq!(en.relation("in_law"), "in-law");
    }

    #[test]
    fn every_chinese_display_name_reads_back_to_its_code() {
        use crate::vocab;
        let zh = Words::new(Lang::Zh);
        for code in vocab::skill_words().filter(|w| w.is_ascii()) {
            assert_eq!(vocab::skill(&zh.skill(code)), Some(code), "skill {code}");
        }
        for code in vocab::BUILTIN_RELATION_KINDS {
            assert_eq!(vocab::relation(&zh.relation(code)), Some(*code), "{code}");
        }
        for kind in [UnitKind::Township, UnitKind::Department] {
            assert_eq!(vocab::unit_kind(&zh.unit_kind(kind.as_str())), Some(kind));
        }
        for tag in [
            VillageTag::Poverty,
            VillageTag::WeakOrg,
            VillageTag::Hotspot,
        ] {
            assert_eq!(vocab::tag(&zh.tag(tag.as_str())), Some(tag));
        }
    }

    #[test]
    fn counts_in_chinese_numerals() {
        for (n, s) in [
            (1, "一"),
            (10, "十"),
            (11, "十一"),
            (20, "二十"),
            (21, "二十一"),
            (60, "六十"),
            (100, "一百"),
            (105, "一百零五"),
            (110, "一百一十"),
            (999, "九百九十九"),
            (1010, "一千零一十"),
            (2001, "二千零一"),
            (10_000, "一万"),
            (10_500, "一万零五百"),
            (120_000, "十二万"),
        ] {
            assert_eq!(hanzi(n), s, "{n}");
        }
        assert!(t!(
            Words::new(Lang::Zh),
            "plan-group-heading",
            n = 21,
            units = "青山镇（T01）",
            weight = 3
        )
        .starts_with("第二十一巡察组："));
    }

    #[test]
    fn lists_use_each_languages_separator() {
        assert_eq!(Words::new(Lang::Zh).list(["财务", "审计"]), "财务、审计");
        assert_eq!(
            Words::new(Lang::En).list(["finance", "audit"]),
            "finance, audit"
        );
    }
}
