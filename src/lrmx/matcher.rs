//! Unit names in free text (`县财政局党组成员、副局长` → 县财政局): by the
//! scenario's unit and village names and the aliases it lists, never by a
//! guess. A text that names no unit, or several, goes to a person.

use std::collections::BTreeMap;

use crate::scenario::Scenario;

/// A place a text can name.
#[derive(Debug, Clone)]
struct Entry {
    /// A name or alias as it appears in text.
    name: String,
    /// The unit or village id.
    id: String,
    /// For a village: its township's id.
    township: Option<String>,
}

/// What a text names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Match {
    /// Exactly one unit or village (its id).
    One(String),
    /// None; the closest names (`id 名称`), best first, for the reviewer.
    None(Vec<String>),
    /// Several; each as `id 名称`.
    Many(Vec<String>),
}

/// Words of 工作单位及职务 that mean "at no unit": retired, farming,
/// studying, deceased …
const NO_UNIT_WORDS: &[&str] = &["退休", "已故", "去世", "病故", "逝世", "离休"];
const NO_UNIT_TEXTS: &[&str] = &[
    "务农",
    "农民",
    "学生",
    "在读",
    "无",
    "无业",
    "待业",
    "个体",
    "个体户",
    "家务",
    "自由职业",
    "退休",
    "已退休",
    "在家",
    "居民",
];

/// Whether a relative's 工作单位及职务 says they work at no unit.
pub fn at_no_unit(text: &str) -> bool {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    t.is_empty()
        || NO_UNIT_TEXTS.contains(&t.as_str())
        || t.starts_with("学生")
        || t.ends_with("学生")
        || NO_UNIT_WORDS.iter().any(|w| t.contains(w))
}

/// The names of a scenario's units and villages, and its aliases.
#[derive(Debug, Clone)]
pub struct Matcher {
    entries: Vec<Entry>,
    /// id → display name.
    labels: BTreeMap<String, String>,
}

impl Matcher {
    /// `aliases`: other names by unit/village id or name (`aliases:` in the
    /// scenario, 别名 in the 单位 sheet).
    pub fn new(s: &Scenario, aliases: &BTreeMap<String, Vec<String>>) -> Matcher {
        let mut entries = Vec::new();
        let mut labels = BTreeMap::new();
        for u in &s.units {
            labels.insert(u.id.clone(), u.name.clone());
            if !u.name.trim().is_empty() {
                entries.push(Entry {
                    name: u.name.trim().to_string(),
                    id: u.id.clone(),
                    township: None,
                });
            }
        }
        for v in &s.villages {
            let town = &s.units[v.township.ix()];
            labels.insert(v.id.clone(), format!("{}{}", town.name, v.name));
            if !v.name.trim().is_empty() {
                entries.push(Entry {
                    name: v.name.trim().to_string(),
                    id: v.id.clone(),
                    township: Some(town.id.clone()),
                });
            }
        }
        for (key, names) in aliases {
            // The key is an id, or the name of exactly one unit or village.
            let target: Option<(String, Option<String>)> = if labels.contains_key(key) {
                let town = entries
                    .iter()
                    .find(|e| e.id == *key)
                    .and_then(|e| e.township.clone());
                Some((key.clone(), town))
            } else {
                let found: Vec<&Entry> = entries.iter().filter(|e| e.name == *key).collect();
                match found.as_slice() {
                    [one] => Some((one.id.clone(), one.township.clone())),
                    _ => None,
                }
            };
            if let Some((id, township)) = target {
                for n in names {
                    let n = n.trim();
                    if !n.is_empty() {
                        entries.push(Entry {
                            name: n.to_string(),
                            id: id.clone(),
                            township: township.clone(),
                        });
                    }
                }
            }
        }
        Matcher { entries, labels }
    }

    fn label(&self, id: &str) -> String {
        match self.labels.get(id) {
            Some(name) if !name.is_empty() => format!("{id} {name}"),
            _ => id.to_string(),
        }
    }

    /// What `text` names. Names inside a longer name found at the same
    /// place are dropped (`县委` inside `县委组织部`); a village wins over
    /// its own township (`青山镇东坪村` is 东坪村).
    pub fn find(&self, text: &str) -> Match {
        let mut hits: Vec<(usize, usize, &Entry)> = Vec::new();
        for e in &self.entries {
            for (start, _) in text.match_indices(e.name.as_str()) {
                hits.push((start, start + e.name.len(), e));
            }
        }
        let kept: Vec<&Entry> = hits
            .iter()
            .filter(|(s, t, e)| {
                !hits
                    .iter()
                    .any(|(s2, t2, e2)| e2.id != e.id && s2 <= s && t <= t2 && (t2 - s2) > (t - s))
            })
            .map(|(_, _, e)| *e)
            .collect();
        let mut ids: Vec<&str> = Vec::new();
        for e in &kept {
            if !ids.contains(&e.id.as_str()) {
                ids.push(&e.id);
            }
        }
        // Villages of the same name in several townships: the one whose
        // township the text names too (青山镇东坪村).
        let towns_named: Vec<&str> = kept
            .iter()
            .filter(|e| e.township.is_none())
            .map(|e| e.id.as_str())
            .collect();
        let in_named_town = |e: &&Entry| {
            e.township
                .as_deref()
                .is_some_and(|t| towns_named.contains(&t))
        };
        if kept.iter().any(in_named_town) {
            let elsewhere: Vec<&str> = kept
                .iter()
                .filter(|e| e.township.is_some() && !in_named_town(e))
                .map(|e| e.id.as_str())
                .collect();
            ids.retain(|id| !elsewhere.contains(id));
        }
        // A township whose village is also named: the village.
        let villages_towns: Vec<&str> = kept
            .iter()
            .filter(|e| ids.contains(&e.id.as_str()))
            .filter_map(|e| e.township.as_deref())
            .collect();
        ids.retain(|id| !villages_towns.contains(id));
        ids.sort_unstable();
        match ids.as_slice() {
            [one] => Match::One(one.to_string()),
            [] => Match::None(self.closest(text)),
            many => Match::Many(many.iter().map(|id| self.label(id)).collect()),
        }
    }

    /// Up to three names sharing most characters with `text`, for the
    /// reviewer (never used as a match).
    fn closest(&self, text: &str) -> Vec<String> {
        let mut scored: Vec<(usize, &str)> = Vec::new();
        for e in &self.entries {
            let chars: Vec<char> = e.name.chars().collect();
            let bigrams = chars
                .windows(2)
                .filter(|w| text.contains(&w.iter().collect::<String>()))
                .count();
            let mut distinct = chars.clone();
            distinct.sort_unstable();
            distinct.dedup();
            let shared = distinct.iter().filter(|c| text.contains(**c)).count();
            let score = if shared >= 2 { 2 * bigrams + shared } else { 0 };
            if score > 0 {
                scored.push((score, &e.id));
            }
        }
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
        let mut out: Vec<String> = Vec::new();
        for (_, id) in scored {
            let l = self.label(id);
            if !out.contains(&l) {
                out.push(l);
            }
            if out.len() == 3 {
                break;
            }
        }
        out
    }
}
