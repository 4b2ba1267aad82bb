//! The scenario file exactly as written: serde mirrors of FORMAT.md v1.
//!
//! Nothing here is validated beyond types; [`super::validate`] turns a
//! [`RawScenario`] into a checked [`super::Scenario`]. Every struct rejects
//! unknown fields so a typo never silently drops data. The same types are
//! serialised by the synthetic-county generator, so what it writes is what
//! the loader reads.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawScenario {
    pub version: i64,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub skills: Vec<String>,
    #[serde(default)]
    pub units: Vec<RawUnit>,
    #[serde(default)]
    pub people: Vec<RawPerson>,
    #[serde(default)]
    pub relations: Vec<RawRelation>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recusal: Option<RawRecusal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub training: Option<RawTraining>,
    #[serde(default)]
    pub history: Vec<RawHistoryRound>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub round: Option<RawRound>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub term: Option<RawTerm>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weights: Option<RawWeights>,
    /// Extension (docs/pool.md): appraisals after history rounds (考核评价).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub appraisals: Vec<RawAppraisal>,
    /// Extension (docs/pool.md): the pool's rules over time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pool_policy: Option<RawPoolPolicy>,
    /// Workbooks (`.xlsx`) whose sheets add to the lists above, relative to
    /// the scenario file (FORMAT.md "Workbook sources", docs/workbooks.md).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    /// Extension (docs/workbooks.md, `xuncha import lrmx`): other names a
    /// unit or village goes by in appointment forms, keyed by its id or name.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub aliases: std::collections::BTreeMap<String, Vec<String>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RawUnitKind {
    Township,
    Department,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawUnit {
    pub id: String,
    #[serde(default)]
    pub name: String,
    pub kind: RawUnitKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<i64>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub requires: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub villages: Vec<RawVillage>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VillageTag {
    Poverty,
    WeakOrg,
    Hotspot,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawVillage {
    pub id: String,
    #[serde(default)]
    pub name: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<VillageTag>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub complaints: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRange {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Extension (docs/lifecycle.md, `xuncha leave`): why, e.g. 病假.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// Extension (docs/lifecycle.md, `xuncha pool`): one change of `pool`, kept
/// as a record of 出库 / 入库.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPoolChange {
    pub date: NaiveDate,
    pub pool: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPosting {
    pub unit: String,
    pub from: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<NaiveDate>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPerson {
    pub id: String,
    #[serde(default)]
    pub name: String,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub pool: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hometown: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skills: Vec<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub leader: bool,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub retired: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unavailable: Vec<RawRange>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub postings: Vec<RawPosting>,
    /// Extension (docs/training.md): when the person joined the pool, for
    /// the training requirement's `grace_days`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pool_since: Option<NaiveDate>,
    /// Extension (docs/lifecycle.md): when and why `pool` changed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pool_changes: Vec<RawPoolChange>,
    /// Extension (docs/pool.md): the date the member is due to leave the
    /// pool (到期出库); they serve only in rounds that end by then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pool_until: Option<NaiveDate>,
    /// Extension (docs/pool.md): 专职 / 兼职 / 人才库.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<RawCategory>,
    /// Extension (docs/pool.md): a reserve cadre or newly promoted official
    /// sent on inspections to train them (以巡代训).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub reserve: bool,
}

/// Extension (docs/pool.md): a pool member's category; the Chinese words
/// read as the codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RawCategory {
    #[serde(alias = "专职")]
    FullTime,
    #[serde(alias = "兼职")]
    PartTime,
    #[serde(alias = "人才库")]
    Talent,
}

/// Extension (docs/pool.md): an appraisal grade (考核等次); the Chinese
/// words read as the codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RawGrade {
    #[serde(alias = "优秀")]
    Excellent,
    #[serde(alias = "称职")]
    Competent,
    #[serde(alias = "基本称职")]
    Basic,
    #[serde(alias = "不称职")]
    Unfit,
}

/// Extension (docs/pool.md): one member's appraisal after a history round.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAppraisal {
    pub person: String,
    pub round: String,
    pub grade: RawGrade,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Extension (docs/pool.md): the office's rules for the pool over time.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPoolPolicy {
    /// Rounds a member appraised 不称职 sits out (default 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unfit_out_rounds: Option<i64>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRelation {
    pub a: String,
    pub b: String,
    pub kind: String,
    /// Extension (docs/lifecycle.md, `xuncha relation add`): when it was recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    /// Extension: where the office learnt of it, e.g. 个人有关事项报告.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDeclared {
    pub person: String,
    pub unit: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Extension (docs/lifecycle.md, `xuncha declare` / `waive`): when it was recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRecusal {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kin: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kin_depth: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leader_ties: Option<Vec<String>>,
    /// Relation kinds recorded but never walked (FORMAT.md "Relation kinds").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other_kinds: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub former_posting_years: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub long_posting_years: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hometown: Option<bool>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub declared: Vec<RawDeclared>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub waived: Vec<RawDeclared>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub apart: Vec<Vec<String>>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRequirement {
    pub hours: f64,
    pub within_days: i64,
    /// Extension: a record also stops counting `valid_months` after its date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_months: Option<i64>,
    /// Extension: pool members with `leader: true` need a counting record of
    /// a course whose name contains this text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leader_course: Option<String>,
    /// Extension: members who joined the pool (`pool_since`) less than this
    /// many days before the date are exempt.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grace_days: Option<i64>,
}

/// What kind of training a record is (extension, docs/training.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TrainingKind {
    /// 全脱产业务专训: the annual full-time course.
    Annual,
    /// Training before a round (轮前培训).
    PreRound,
    /// Provincial and city practice (实战、顶岗历练).
    Practice,
    Online,
    Other,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRecord {
    pub person: String,
    pub course: String,
    pub date: NaiveDate,
    pub hours: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<TrainingKind>,
    /// Appraisal text (合格, 优秀, 不合格 …); a failing word means the record does not count.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<String>,
    /// Whether the course was passed; overrides what `result` implies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub passed: Option<bool>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTraining {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requirement: Option<RawRequirement>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub records: Vec<RawRecord>,
    /// Extension: ledger files (CSV or YAML lists of records), relative to
    /// the scenario file, whose records are added after `records`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub files: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawGroup {
    pub leader: String,
    pub members: Vec<String>,
    pub units: Vec<String>,
    #[serde(default)]
    pub villages: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawHistoryRound {
    pub round: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    #[serde(default)]
    pub groups: Vec<RawGroup>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RoundKind {
    #[default]
    Regular,
    Special,
    Topic,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSize {
    pub min: i64,
    pub max: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRound {
    pub id: String,
    #[serde(default)]
    pub kind: RoundKind,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub groups: i64,
    pub group_size: RawSize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_units_per_group: Option<i64>,
    #[serde(default)]
    pub units: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub villages_per_township: Option<i64>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub required_skills: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_retired_per_group: Option<i64>,
}

/// A future round of the term: every field of `round` but `units`, all optional.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTermRound {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<RoundKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub groups: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_size: Option<RawSize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_units_per_group: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub villages_per_township: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required_skills: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_retired_per_group: Option<i64>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTerm {
    pub start: NaiveDate,
    pub end: NaiveDate,
    #[serde(default)]
    pub rounds: Vec<RawTermRound>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawWeights {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repeat_unit: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repeat_pair: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workload: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub balance: Option<i64>,
    /// Extension (docs/pool.md): per reserve cadre who has not served in
    /// the term and is left out of an available seat's round. Default 0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reserve: Option<i64>,
}
