//! The sheets and columns of the office's workbook: canonical Chinese
//! headers (what `template` and `export` write) and the synonyms read.
//! Sheet and header names are part of the format (FORMAT.md), not
//! messages: they read the same in every language.

/// Sheet names, in the order `template` and `export` write them.
pub const UNITS: &str = "单位";
pub const VILLAGES: &str = "村社区";
pub const PEOPLE: &str = "人员";
pub const POSTINGS: &str = "任职经历";
pub const UNAVAILABLE: &str = "不可参加";
pub const RELATIONS: &str = "社会关系";
pub const TRAINING: &str = "培训记录";
/// Extension (docs/pool.md): appraisals after history rounds.
pub const APPRAISALS: &str = "考核评价";
/// Extension (docs/pool.md): the 入库/出库 log (`people[].pool_changes`).
pub const POOL_CHANGES: &str = "入库出库";
/// Written by `import lrmx` only: what a person must confirm.
pub const REVIEW: &str = "待核对";

pub const SHEET_NAMES: [&str; 9] = [
    UNITS,
    VILLAGES,
    PEOPLE,
    POSTINGS,
    UNAVAILABLE,
    RELATIONS,
    TRAINING,
    APPRAISALS,
    POOL_CHANGES,
];

/// A column: its canonical header, the other headers that mean it, and
/// whether a sheet that has rows must have it.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub header: &'static str,
    pub synonyms: &'static [&'static str],
    pub required: bool,
}

const fn col(header: &'static str, synonyms: &'static [&'static str], required: bool) -> Column {
    Column {
        header,
        synonyms,
        required,
    }
}

pub const UNIT_COLUMNS: &[Column] = &[
    col("编号", &["单位编号", "id", "代码", "单位代码"], true),
    col("名称", &["单位名称", "单位", "name"], false),
    col("类型", &["单位类型", "类别", "kind"], true),
    col("权重", &["工作量权重", "工作量", "weight"], false),
    col(
        "必备专业",
        &["所需专业", "需要专业", "专业要求", "requires"],
        false,
    ),
    col("别名", &["其他名称", "简称", "aliases"], false),
];

pub const VILLAGE_COLUMNS: &[Column] = &[
    col("编号", &["村编号", "村社区编号", "id"], true),
    col("名称", &["村名", "村社区名称", "村（社区）", "name"], false),
    col(
        "所属乡镇",
        &["乡镇", "所属乡镇编号", "乡镇编号", "township"],
        true,
    ),
    col("标签", &["类别", "村类别", "tags"], false),
    col(
        "信访件数",
        &["信访", "信访量", "信访件", "complaints"],
        false,
    ),
];

pub const PEOPLE_COLUMNS: &[Column] = &[
    col("编号", &["人员编号", "id"], true),
    col("姓名", &["name"], false),
    col("入库", &["是否入库", "在库", "pool"], false),
    col("工作单位", &["单位", "现单位", "现工作单位", "unit"], false),
    col("籍贯", &["原籍", "hometown"], false),
    col("专业特长", &["专业", "特长", "专长", "skills"], false),
    col("可任组长", &["能否任组长", "组长人选", "leader"], false),
    col("退职未退休", &["退职", "retired"], false),
    col("入库日期", &["入库时间", "pool_since"], false),
    // Extensions (docs/pool.md).
    col(
        "出库日期",
        &["预计出库日期", "出库时间", "pool_until"],
        false,
    ),
    col("人员类别", &["类别", "category"], false),
    col("后备干部", &["是否后备干部", "以巡代训", "reserve"], false),
];

pub const POSTING_COLUMNS: &[Column] = &[
    col("编号", &["人员编号", "id", "person"], true),
    col("姓名", &["name"], false),
    col("单位", &["任职单位", "工作单位", "unit"], true),
    col("起", &["起始", "开始", "起始日期", "自", "from"], true),
    col("止", &["截止", "结束", "截止日期", "至", "to"], false),
];

pub const UNAVAILABLE_COLUMNS: &[Column] = &[
    col("编号", &["人员编号", "id", "person"], true),
    col("姓名", &["name"], false),
    col("起", &["起始", "开始", "起始日期", "自", "from"], true),
    col("止", &["截止", "结束", "截止日期", "至", "to"], true),
    col("原因", &["事由", "reason"], false),
];

pub const RELATION_COLUMNS: &[Column] = &[
    col("编号甲", &["甲", "人员甲", "a"], true),
    col("编号乙", &["乙", "人员乙", "b"], true),
    col("关系", &["关系类型", "称谓", "kind"], true),
    col("姓名甲", &[], false),
    col("姓名乙", &[], false),
    col("日期", &["登记日期", "date"], false),
    col("备注", &["来源", "note"], false),
];

pub const APPRAISAL_COLUMNS: &[Column] = &[
    col("编号", &["人员编号", "id", "person"], true),
    col("姓名", &["name"], false),
    col("轮次", &["巡察轮次", "round"], true),
    col("等次", &["考核等次", "评价等次", "grade"], true),
    col("备注", &["说明", "note"], false),
];

pub const POOL_CHANGE_COLUMNS: &[Column] = &[
    col("编号", &["人员编号", "id", "person"], true),
    col("姓名", &["name"], false),
    col("日期", &["变动日期", "date"], true),
    col("变动", &["入库或出库", "pool"], true),
    col("原因", &["事由", "reason"], false),
];

/// 培训记录 is read by the training ledger's own header rules
/// (`training::ledger::column_of`); these are what is written.
pub const TRAINING_HEADERS: &[&str] = &[
    "编号",
    "姓名",
    "课程",
    "日期",
    "学时",
    "类型",
    "结果",
    "是否通过",
];

pub const REVIEW_HEADERS: &[&str] = &["文件", "行", "姓名", "原文", "问题", "候选"];

/// The columns of a sheet (not 培训记录).
pub fn columns(sheet: &str) -> &'static [Column] {
    match sheet {
        UNITS => UNIT_COLUMNS,
        VILLAGES => VILLAGE_COLUMNS,
        PEOPLE => PEOPLE_COLUMNS,
        POSTINGS => POSTING_COLUMNS,
        UNAVAILABLE => UNAVAILABLE_COLUMNS,
        RELATIONS => RELATION_COLUMNS,
        APPRAISALS => APPRAISAL_COLUMNS,
        POOL_CHANGES => POOL_CHANGE_COLUMNS,
        _ => &[],
    }
}

/// Which of `columns` a header cell names.
pub fn column_index(columns: &[Column], header: &str) -> Option<usize> {
    let h = crate::vocab::normalise_header(header);
    columns
        .iter()
        .position(|c| c.header == h || c.synonyms.iter().any(|s| s.to_lowercase() == h))
}
