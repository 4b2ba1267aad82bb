//! Seeded synthetic counties: townships with villages, departments, a pool
//! of inspectors, the officials and relatives recusal must know of, training
//! records, earlier rounds and the round to plan.
//!
//! Everything is drawn from one `ChaCha8Rng` seeded with [`CountySpec::seed`]
//! and nothing iterates a hash map, so one spec always gives byte-identical
//! YAML. Names are composed from syllable lists; no real person is meant.
//!
//! The presets leave plenty of slack: [`tests`] staff the round to plan with
//! a greedy roster under a conservative reading of the recusal rules (every
//! posting counts, waivers are ignored), so the round is known to be feasible.

use std::collections::HashSet;

use chrono::{Days, NaiveDate};
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::scenario::raw::{
    RawDeclared, RawGroup, RawHistoryRound, RawPerson, RawPosting, RawRange, RawRecord, RawRecusal,
    RawRelation, RawRequirement, RawRound, RawScenario, RawSize, RawTerm, RawTermRound,
    RawTraining, RawUnit, RawUnitKind, RawVillage, RawWeights, RoundKind, VillageTag,
};

/// What to generate. Start from a preset and change fields with
/// `CountySpec { seed: 9, ..CountySpec::county() }`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountySpec {
    pub seed: u64,
    pub townships: usize,
    /// Villages per township, min and max.
    pub villages_per_township: (usize, usize),
    pub departments: usize,
    /// Pool members (巡察人员库).
    pub pool: usize,
    /// How many pool members may lead a group.
    pub leaders: usize,
    /// Retired (退职未退休) pool members.
    pub retired: usize,
    /// Non-pool people: officials and relatives, nodes of the relation graph.
    pub officials: usize,
    /// Approximate number of relations.
    pub relations: usize,
    pub history_rounds: usize,
    pub groups_per_round: usize,
    /// Group size, min and max, leader included.
    pub group_size: (u32, u32),
    /// Groups in the round to plan.
    pub round_groups: usize,
    /// Future rounds of the term after the round to plan.
    pub term_rounds: usize,
    /// Write a training requirement and records.
    pub training: bool,
}

impl Default for CountySpec {
    fn default() -> Self {
        CountySpec::county()
    }
}

impl CountySpec {
    /// A realistic county: 16 townships, 50 departments, 120 pool members,
    /// 6 earlier rounds, 8 groups in the round, 7 more rounds in the term.
    pub fn county() -> Self {
        CountySpec {
            seed: 2027,
            townships: 16,
            villages_per_township: (6, 14),
            departments: 50,
            pool: 120,
            leaders: 24,
            retired: 10,
            officials: 560,
            relations: 720,
            history_rounds: 6,
            groups_per_round: 8,
            group_size: (4, 6),
            round_groups: 8,
            term_rounds: 7,
            training: true,
        }
    }

    /// The planning benchmarks' county (docs/performance.md): a smaller
    /// pool (80 members, 16 leaders, 6 retired) and relation graph (400
    /// officials, 480 relations) than [`CountySpec::county`], so the
    /// greedy roster often misses the counting floor.
    pub fn county_80() -> Self {
        CountySpec {
            pool: 80,
            leaders: 16,
            retired: 6,
            officials: 400,
            relations: 480,
            ..CountySpec::county()
        }
    }

    /// A city pooling its counties' inspectors: 640 pool members, 60 groups
    /// and 120 units in the round. For benchmarks.
    pub fn city() -> Self {
        CountySpec {
            seed: 2027,
            townships: 90,
            villages_per_township: (3, 6),
            departments: 110,
            pool: 640,
            leaders: 120,
            retired: 40,
            officials: 2_400,
            relations: 3_200,
            history_rounds: 4,
            groups_per_round: 40,
            group_size: (4, 6),
            round_groups: 60,
            term_rounds: 7,
            training: true,
        }
    }

    /// A handful of everything, for tests and examples.
    pub fn small() -> Self {
        CountySpec {
            seed: 7,
            townships: 4,
            villages_per_township: (3, 5),
            departments: 6,
            pool: 30,
            leaders: 8,
            retired: 3,
            officials: 60,
            relations: 80,
            history_rounds: 2,
            groups_per_round: 3,
            group_size: (3, 5),
            round_groups: 3,
            term_rounds: 2,
            training: true,
        }
    }

    /// The recusal benchmark: 10,000 people (2,400 in the pool), 1,000 units,
    /// about 15,000 relations.
    pub fn recusal_bench() -> Self {
        CountySpec {
            seed: 1,
            townships: 300,
            villages_per_township: (3, 5),
            departments: 700,
            pool: 2_400,
            leaders: 400,
            retired: 120,
            officials: 7_600,
            relations: 15_000,
            history_rounds: 2,
            groups_per_round: 100,
            group_size: (4, 6),
            round_groups: 150,
            term_rounds: 0,
            training: true,
        }
    }
}

/// Generate a scenario. The same spec gives the same scenario.
pub fn generate(spec: &CountySpec) -> RawScenario {
    World::build(spec).to_raw()
}

/// The scenario as YAML with a header saying it is synthetic.
pub fn to_yaml(s: &RawScenario) -> String {
    with_header(
        "# synthetic data generated by xuncha generate; no real person\n",
        s,
    )
}

/// As [`to_yaml`], with the seed named in the header so the file can be
/// regenerated.
pub fn to_yaml_seeded(s: &RawScenario, seed: u64) -> String {
    with_header(
        &format!("# synthetic data generated by xuncha generate --seed {seed}; no real person\n"),
        s,
    )
}

fn with_header(header: &str, s: &RawScenario) -> String {
    let body = serde_yaml::to_string(s).expect("a RawScenario always serialises");
    let mut out = String::with_capacity(header.len() + body.len());
    out.push_str(header);
    out.push_str(&body);
    out
}

// ---------------------------------------------------------------------------
// Vocabulary.

/// The skills every generated scenario declares, in this order.
pub const SKILLS: [&str; 7] = [
    "finance",
    "audit",
    "discipline",
    "organization",
    "agriculture",
    "law",
    "engineering",
];
const FINANCE: usize = 0;
const AUDIT: usize = 1;
const DISCIPLINE: usize = 2;
const ORGANIZATION: usize = 3;
const AGRICULTURE: usize = 4;
const LAW: usize = 5;
const ENGINEERING: usize = 6;
/// How common each skill is in the pool.
const SKILL_WEIGHTS: [u32; 7] = [25, 18, 28, 12, 9, 8, 6];

/// County departments; `{}` is 县 or 市.
const DEPARTMENTS: [&str; 55] = [
    "{}财政局",
    "{}审计局",
    "{}农业农村局",
    "{}教育局",
    "{}委办公室",
    "{}政府办公室",
    "{}委组织部",
    "{}委宣传部",
    "{}委统战部",
    "{}委政法委员会",
    "{}人大常委会办公室",
    "{}政协办公室",
    "{}发展和改革局",
    "{}科学技术局",
    "{}工业和信息化局",
    "{}公安局",
    "{}民政局",
    "{}司法局",
    "{}人力资源和社会保障局",
    "{}自然资源局",
    "{}生态环境局",
    "{}住房和城乡建设局",
    "{}交通运输局",
    "{}水利局",
    "{}商务局",
    "{}文化广电旅游体育局",
    "{}卫生健康局",
    "{}退役军人事务局",
    "{}应急管理局",
    "{}市场监督管理局",
    "{}统计局",
    "{}医疗保障局",
    "{}林业局",
    "{}乡村振兴局",
    "{}信访局",
    "{}行政审批服务局",
    "{}城市管理局",
    "{}机关事务服务中心",
    "{}融媒体中心",
    "{}供销合作社联合社",
    "{}总工会",
    "共青团{}委",
    "{}妇女联合会",
    "{}残疾人联合会",
    "{}工商业联合会",
    "{}科学技术协会",
    "{}人民医院",
    "{}中医院",
    "{}第一中学",
    "{}粮食和物资储备局",
    "{}档案馆",
    "{}国有资产投资经营有限公司",
    "{}农村商业银行",
    "{}住房公积金管理中心",
    "{}疾病预防控制中心",
];

/// Department name fragment → the skill its staff usually bring.
const DEPT_SKILL: [(&str, usize); 16] = [
    ("财政", FINANCE),
    ("审计", AUDIT),
    ("统计", FINANCE),
    ("医疗保障", FINANCE),
    ("国有资产", FINANCE),
    ("组织部", ORGANIZATION),
    ("农业农村", AGRICULTURE),
    ("林业", AGRICULTURE),
    ("乡村振兴", AGRICULTURE),
    ("水利", ENGINEERING),
    ("住房和城乡建设", ENGINEERING),
    ("交通运输", ENGINEERING),
    ("自然资源", ENGINEERING),
    ("司法", LAW),
    ("政法", LAW),
    ("信访", LAW),
];

const TOWN_FIRST: [&str; 30] = [
    "石", "白", "金", "龙", "凤", "桃", "柳", "梅", "松", "云", "清", "长", "永", "新", "安", "平",
    "高", "双", "三", "福", "兴", "太", "大", "小", "黄", "红", "黎", "横", "花", "青",
];
const TOWN_SECOND: [&str; 30] = [
    "桥", "沙", "溪", "源", "坪", "塘", "口", "田", "水", "林", "岗", "湾", "岭", "港", "坝", "市",
    "铺", "阳", "冲", "河", "江", "湖", "洲", "峰", "圩", "庄", "陂", "渡", "井", "山",
];
const VILLAGE_FIRST: [&str; 30] = [
    "东", "西", "南", "北", "上", "下", "中", "前", "后", "新", "老", "大", "小", "高", "黄", "杨",
    "李", "王", "刘", "陈", "马", "牛", "柏", "竹", "杉", "茶", "桂", "枫", "荷", "莲",
];
const VILLAGE_SECOND: [&str; 28] = [
    "坪", "湾", "岭", "塘", "桥", "坑", "溪", "庄", "冲", "垄", "田", "源", "口", "坝", "山", "洞",
    "铺", "家", "寨", "坳", "屋", "垅", "湖", "岗", "圳", "园", "林", "埠",
];

/// Common surnames, most common first.
const SURNAMES: [&str; 100] = [
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭",
    "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾",
    "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁",
    "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金", "石", "廖", "贾", "夏",
    "韦", "付", "方", "白", "邹", "孟", "熊", "秦", "邱", "江", "尹", "薛", "闫", "段", "雷", "侯",
    "龙", "史", "陶", "黎", "贺", "顾", "毛", "郝", "龚", "邵", "万", "钱", "严", "覃", "武", "戴",
    "莫", "孔", "向", "汤",
];
const GIVEN: [&str; 96] = [
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明",
    "超", "秀", "霞", "平", "刚", "桂", "英", "华", "文", "辉", "建", "国", "红", "玉", "兰", "志",
    "宏", "海", "斌", "晓", "俊", "鹏", "飞", "丹", "萍", "林", "慧", "云", "春", "燕", "梅", "琳",
    "宇", "浩", "凯", "鑫", "婷", "雪", "峰", "波", "荣", "新", "利", "清", "亮", "成", "忠", "德",
    "顺", "琴", "莉", "倩", "欣", "彬", "锋", "晨", "阳", "蕾", "颖", "佳", "瑞", "嘉", "昊", "睿",
    "泽", "子", "思", "雨", "诗", "梓", "涵", "博", "帆", "振", "良", "松", "冬", "兵", "友", "福",
];

/// Small courses: (name, hours).
const COURSES: [(&str, u32); 6] = [
    ("巡察工作条例专题学习", 8),
    ("财务审计实务培训", 16),
    ("乡村振兴政策解读", 8),
    ("信访问题线索处置培训", 12),
    ("政治巡察方法与技巧", 24),
    ("廉政教育专题讲座", 4),
];

const DECLARED_REASONS: [&str; 3] = [
    "本人申报：曾在该单位借调工作",
    "本人申报：与该单位主要负责人系同学",
    "本人申报：近亲属在该单位承接项目",
];

const KIN: [&str; 4] = ["spouse", "parent", "child", "sibling"];
const TIES: [&str; 3] = ["former_superior", "former_subordinate", "classmate"];

// ---------------------------------------------------------------------------
// The model the generator builds before writing the raw scenario.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    Unit(usize),
    Village(usize),
}

struct GUnit {
    id: String,
    name: String,
    township: bool,
    weight: i64,
    requires_agriculture: bool,
    villages: Vec<usize>,
}

struct GVillage {
    id: String,
    name: String,
    township: usize,
    tags: Vec<VillageTag>,
    complaints: i64,
}

struct GPerson {
    id: String,
    surname: &'static str,
    given: String,
    pool: bool,
    unit: Option<Place>,
    hometown: Option<Place>,
    /// Sorted skill indices.
    skills: Vec<usize>,
    leader: bool,
    retired: bool,
    unavailable: Vec<(NaiveDate, NaiveDate)>,
    postings: Vec<(Place, NaiveDate, Option<NaiveDate>)>,
}

impl GPerson {
    fn name(&self) -> String {
        format!("{}{}", self.surname, self.given)
    }
}

struct GRelation {
    a: usize,
    b: usize,
    kind: &'static str,
}

struct GRecord {
    person: usize,
    course: String,
    date: NaiveDate,
    hours: u32,
}

struct GGroup {
    leader: usize,
    members: Vec<usize>,
    units: Vec<usize>,
    villages: Vec<usize>,
}

struct GRound {
    id: String,
    start: NaiveDate,
    end: NaiveDate,
    groups: Vec<GGroup>,
}

struct World {
    spec: CountySpec,
    name: String,
    units: Vec<GUnit>,
    villages: Vec<GVillage>,
    people: Vec<GPerson>,
    /// Pool members are people `0..pool`.
    pool: usize,
    relations: Vec<GRelation>,
    declared: Vec<(usize, usize, &'static str)>,
    waived: Vec<(usize, usize, String)>,
    apart: Vec<(usize, usize)>,
    records: Vec<GRecord>,
    history: Vec<GRound>,
    round_start: NaiveDate,
    round_end: NaiveDate,
    round_units: Vec<usize>,
    term_rounds: Vec<(String, NaiveDate, NaiveDate)>,
    /// Per pool member: units they conflict with as a member (sorted),
    /// read conservatively: every posting counts, waivers do not.
    conflicts: Vec<Vec<u32>>,
    /// Per pool member: further units they conflict with as leader (sorted).
    leader_conflicts: Vec<Vec<u32>>,
    /// Unordered pairs that may not share a group: kin relations and `apart`.
    separate: HashSet<(usize, usize)>,
    /// Full names given so far (lookups only), so relatives renamed to a
    /// family surname do not clash.
    names_used: HashSet<String>,
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a valid calendar date")
}

fn random_date(rng: &mut ChaCha8Rng, from: NaiveDate, to: NaiveDate) -> NaiveDate {
    let span = (to - from).num_days().max(0) as u64;
    from + Days::new(rng.random_range(0..=span))
}

fn pick_weighted(rng: &mut ChaCha8Rng, weights: &[u32]) -> usize {
    let total: u32 = weights.iter().sum();
    let mut r = rng.random_range(0..total.max(1));
    for (i, &w) in weights.iter().enumerate() {
        if r < w {
            return i;
        }
        r -= w;
    }
    weights.len() - 1
}

fn width(n: usize, min: usize) -> usize {
    n.to_string().len().max(min)
}

fn pair(a: usize, b: usize) -> (usize, usize) {
    (a.min(b), a.max(b))
}

/// The rounds of a year: the spring round and the autumn round.
fn round_dates(year: i32, half: u32) -> (NaiveDate, NaiveDate) {
    if half == 1 {
        (date(year, 3, 1), date(year, 5, 15))
    } else {
        (date(year, 9, 1), date(year, 10, 31))
    }
}

/// The round `k` rounds before (negative) or after (positive) 2027-R1.
fn round_at(k: i64) -> (String, NaiveDate, NaiveDate) {
    let n = 2027 * 2 + k; // year * 2 + (half - 1)
    let year = n.div_euclid(2) as i32;
    let half = n.rem_euclid(2) as u32 + 1;
    let (start, end) = round_dates(year, half);
    (format!("{year}-R{half}"), start, end)
}

/// Unique full names across everyone generated.
struct Names {
    used: HashSet<String>,
}

impl Names {
    fn surname(rng: &mut ChaCha8Rng) -> &'static str {
        // Skewed towards the common surnames.
        let u: f64 = rng.random();
        SURNAMES[((u * u * 0.7 + u * 0.3) * SURNAMES.len() as f64) as usize % SURNAMES.len()]
    }
    fn given(rng: &mut ChaCha8Rng) -> String {
        let mut g = String::from(GIVEN[rng.random_range(0..GIVEN.len())]);
        if rng.random_bool(0.65) {
            g.push_str(GIVEN[rng.random_range(0..GIVEN.len())]);
        }
        g
    }
    /// A fresh name; after a few collisions a duplicate is accepted (it happens).
    fn fresh(
        &mut self,
        rng: &mut ChaCha8Rng,
        surname: Option<&'static str>,
    ) -> (&'static str, String) {
        let mut last = None;
        for _ in 0..12 {
            let s = surname.unwrap_or_else(|| Names::surname(rng));
            let g = Names::given(rng);
            let full = format!("{s}{g}");
            if !self.used.contains(&full) {
                self.used.insert(full);
                return (s, g);
            }
            last = Some((s, g));
        }
        last.expect("at least one try")
    }
}

impl World {
    fn build(spec: &CountySpec) -> World {
        let mut rng = ChaCha8Rng::seed_from_u64(spec.seed);
        let spec = spec.clone();
        let city = spec.townships > 40 || spec.pool > 300;
        let level = if city { "市" } else { "县" };
        let name = format!("青山{level} 2027年第一轮巡察 (synthetic)");
        let (round_id, round_start, round_end) = round_at(0);
        debug_assert_eq!(round_id, "2027-R1");

        let mut w = World {
            spec,
            name,
            units: Vec::new(),
            villages: Vec::new(),
            people: Vec::new(),
            pool: 0,
            relations: Vec::new(),
            declared: Vec::new(),
            waived: Vec::new(),
            apart: Vec::new(),
            records: Vec::new(),
            history: Vec::new(),
            round_start,
            round_end,
            round_units: Vec::new(),
            term_rounds: Vec::new(),
            conflicts: Vec::new(),
            leader_conflicts: Vec::new(),
            separate: HashSet::new(),
            names_used: HashSet::new(),
        };
        w.gen_units(&mut rng, level);
        w.gen_people(&mut rng);
        w.gen_relations(&mut rng);
        w.gen_statements(&mut rng);
        if w.spec.training {
            w.gen_training(&mut rng);
        }
        w.compute_conflicts();
        w.gen_history(&mut rng);
        w.choose_round_units(&mut rng);
        for k in 1..=w.spec.term_rounds as i64 {
            let r = round_at(k);
            if r.1 > date(2030, 12, 31) {
                break;
            }
            w.term_rounds.push(r);
        }
        w
    }

    fn township_ixs(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.units.len()).filter(|&u| self.units[u].township)
    }
    fn department_ixs(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.units.len()).filter(|&u| !self.units[u].township)
    }

    fn unit_of(&self, place: Place) -> usize {
        match place {
            Place::Unit(u) => u,
            Place::Village(v) => self.villages[v].township,
        }
    }

    fn place_id(&self, place: Place) -> String {
        match place {
            Place::Unit(u) => self.units[u].id.clone(),
            Place::Village(v) => self.villages[v].id.clone(),
        }
    }

    fn random_unit(&self, rng: &mut ChaCha8Rng, township: bool) -> Option<usize> {
        let (n_t, n_d) = (self.spec.townships, self.spec.departments);
        match (township, n_t, n_d) {
            (_, 0, 0) => None,
            (true, 0, _) | (false, _, 0) => self.random_unit(rng, !township),
            (true, _, _) => Some(rng.random_range(0..n_t)),
            (false, _, _) => Some(n_t + rng.random_range(0..n_d)),
        }
    }

    fn random_village(&self, rng: &mut ChaCha8Rng) -> Option<usize> {
        if self.villages.is_empty() {
            None
        } else {
            Some(rng.random_range(0..self.villages.len()))
        }
    }

    /// A place: a village with probability `pv`, else a township with
    /// probability `pt` of the rest, else a department.
    fn random_place(&self, rng: &mut ChaCha8Rng, pv: f64, pt: f64) -> Option<Place> {
        if rng.random_bool(pv) {
            if let Some(v) = self.random_village(rng) {
                return Some(Place::Village(v));
            }
        }
        let township = rng.random_bool(pt);
        self.random_unit(rng, township).map(Place::Unit)
    }

    fn gen_units(&mut self, rng: &mut ChaCha8Rng, level: &str) {
        let spec = &self.spec;
        let tw = width(spec.townships, 2);
        let dw = width(spec.departments, 2);
        let (vmin, vmax) = (
            spec.villages_per_township
                .0
                .min(spec.villages_per_township.1),
            spec.villages_per_township
                .0
                .max(spec.villages_per_township.1),
        );
        let vw = width(vmax, 2);

        // Township stems: 青山 first (the county seat), then unique random pairs.
        let mut stems: Vec<String> = Vec::with_capacity(spec.townships);
        let mut used: HashSet<String> = HashSet::new();
        let mut combos: Vec<String> = TOWN_FIRST
            .iter()
            .flat_map(|a| TOWN_SECOND.iter().map(move |b| format!("{a}{b}")))
            .filter(|s| s != "青山")
            .collect();
        combos.shuffle(rng);
        let mut combos = combos.into_iter();
        for i in 0..spec.townships {
            let stem = if i == 0 {
                "青山".to_string()
            } else {
                combos.next().unwrap_or_else(|| format!("青山{i}"))
            };
            used.insert(stem.clone());
            stems.push(stem);
        }

        for (i, stem) in stems.iter().enumerate() {
            let suffix = if i == 0 || rng.random_bool(0.06) {
                if i == 0 {
                    "镇"
                } else {
                    "街道"
                }
            } else if rng.random_bool(0.28) {
                "乡"
            } else {
                "镇"
            };
            let id = format!("T{:0tw$}", i + 1);
            let n_villages = rng.random_range(vmin..=vmax);
            let mut village_names: HashSet<String> = HashSet::new();
            let mut vix = Vec::with_capacity(n_villages);
            for j in 0..n_villages {
                let vname = if j == 0 && suffix != "乡" {
                    format!("{stem}社区")
                } else {
                    let mut tries = 0;
                    loop {
                        let a = VILLAGE_FIRST[rng.random_range(0..VILLAGE_FIRST.len())];
                        let b = VILLAGE_SECOND[rng.random_range(0..VILLAGE_SECOND.len())];
                        let kind = if rng.random_bool(0.06) {
                            "社区"
                        } else {
                            "村"
                        };
                        let n = if tries > 40 {
                            format!("{a}{b}{j}{kind}")
                        } else {
                            format!("{a}{b}{kind}")
                        };
                        tries += 1;
                        if !village_names.contains(&n) {
                            break n;
                        }
                    }
                };
                village_names.insert(vname.clone());
                let mut tags = Vec::new();
                if rng.random_bool(0.15) {
                    let all = [
                        VillageTag::Poverty,
                        VillageTag::WeakOrg,
                        VillageTag::Hotspot,
                    ];
                    tags.push(all[pick_weighted(rng, &[5, 3, 2])]);
                    if rng.random_bool(0.2) {
                        let t = all[rng.random_range(0..3)];
                        if !tags.contains(&t) {
                            tags.push(t);
                        }
                    }
                    tags.sort();
                }
                let u: f64 = rng.random();
                let complaints = (u * u * 9.0) as i64;
                vix.push(self.villages.len());
                self.villages.push(GVillage {
                    id: format!("{id}-V{:0vw$}", j + 1),
                    name: vname,
                    township: i,
                    tags,
                    complaints,
                });
            }
            self.units.push(GUnit {
                id,
                name: format!("{stem}{suffix}"),
                township: true,
                weight: rng.random_range(2..=4),
                requires_agriculture: rng.random_bool(0.2),
                villages: vix,
            });
        }

        for i in 0..spec.departments {
            let name = match DEPARTMENTS.get(i) {
                Some(t) => t.replace("{}", level),
                None => format!("{level}属事业单位{:03}", i + 1),
            };
            self.units.push(GUnit {
                id: format!("D{:0dw$}", i + 1),
                name,
                township: false,
                weight: rng.random_range(1..=2),
                requires_agriculture: false,
                villages: Vec::new(),
            });
        }
    }

    fn gen_people(&mut self, rng: &mut ChaCha8Rng) {
        let spec = self.spec.clone();
        let mut names = Names {
            used: HashSet::new(),
        };
        let pw = width(spec.pool, 4);
        let qw = width(spec.officials, 5);
        self.pool = spec.pool;

        let mut order: Vec<usize> = (0..spec.pool).collect();
        order.shuffle(rng);
        let mut is_leader = vec![false; spec.pool];
        for &p in order.iter().take(spec.leaders) {
            is_leader[p] = true;
        }
        order.shuffle(rng);
        let mut is_retired = vec![false; spec.pool];
        for &p in order.iter().take(spec.retired) {
            is_retired[p] = true;
        }
        // Retired cadres mostly sit in the people's congress or the CPPCC.
        let congress: Vec<usize> = self
            .department_ixs()
            .filter(|&u| self.units[u].name.contains("人大") || self.units[u].name.contains("政协"))
            .collect();

        for p in 0..spec.pool {
            let (surname, given) = names.fresh(rng, None);
            let retired = is_retired[p];
            let leader = is_leader[p];
            let unit = if retired && !congress.is_empty() && rng.random_bool(0.8) {
                Some(Place::Unit(congress[rng.random_range(0..congress.len())]))
            } else {
                let township = rng.random_bool(0.15);
                self.random_unit(rng, township).map(Place::Unit)
            };

            // Skills: one from the unit's trade where it has one, then by weight.
            let n_skills = 1 + pick_weighted(rng, &[30, 45, 25]);
            let mut skills: Vec<usize> = Vec::new();
            if let Some(Place::Unit(u)) = unit {
                let uname = &self.units[u].name;
                if self.units[u].township && rng.random_bool(0.4) {
                    skills.push(AGRICULTURE);
                } else if let Some(&(_, s)) = DEPT_SKILL.iter().find(|(k, _)| uname.contains(k)) {
                    if rng.random_bool(0.8) {
                        skills.push(s);
                    }
                }
            }
            if leader && !skills.contains(&DISCIPLINE) && rng.random_bool(0.5) {
                skills.push(DISCIPLINE);
            }
            while skills.len() < n_skills {
                let mut weights = SKILL_WEIGHTS;
                for &s in &skills {
                    weights[s] = 0;
                }
                skills.push(pick_weighted(rng, &weights));
            }
            skills.sort();
            skills.dedup();

            let hometown = if rng.random_bool(0.4) {
                self.random_place(rng, 0.7, 1.0)
            } else {
                None
            };

            let mut postings = Vec::new();
            if rng.random_bool(0.3) {
                let n = if rng.random_bool(0.7) { 1 } else { 2 };
                for _ in 0..n {
                    let Some(place) = self.random_place(rng, 0.2, 0.55) else {
                        break;
                    };
                    if Some(place) == unit {
                        continue;
                    }
                    if rng.random_bool(0.15) {
                        // Still there: a concurrent post (兼职/挂职).
                        let from = random_date(rng, date(2019, 1, 1), date(2025, 12, 31));
                        postings.push((place, from, None));
                    } else {
                        let from = random_date(rng, date(2006, 1, 1), date(2023, 6, 30));
                        let len = rng.random_range(365..=8 * 365);
                        let to = (from + Days::new(len)).min(date(2026, 12, 31));
                        postings.push((place, from, Some(to)));
                    }
                }
                postings.sort_by_key(|&(_, from, _)| from);
            }

            let mut unavailable = Vec::new();
            if rng.random_bool(0.05) {
                let (from, len) = if rng.random_bool(0.5) {
                    (
                        random_date(rng, date(2027, 2, 20), date(2027, 4, 30)),
                        rng.random_range(6..=40),
                    )
                } else {
                    (
                        random_date(rng, date(2026, 6, 1), date(2027, 12, 31)),
                        rng.random_range(6..=90),
                    )
                };
                let to = from + Days::new(len);
                // The round to plan is the one that matters; keep other ranges clear of it.
                unavailable.push((from, to));
            }

            self.people.push(GPerson {
                id: format!("P{:0pw$}", p + 1),
                surname,
                given,
                pool: true,
                unit,
                hometown,
                skills,
                leader,
                retired,
                unavailable,
                postings,
            });
        }

        for q in 0..spec.officials {
            let (surname, given) = names.fresh(rng, None);
            let unit = if rng.random_bool(0.55) {
                self.random_place(rng, 0.3, 0.4)
            } else {
                None
            };
            self.people.push(GPerson {
                id: format!("Q{:0qw$}", q + 1),
                surname,
                given,
                pool: false,
                unit,
                hometown: None,
                skills: Vec::new(),
                leader: false,
                retired: false,
                unavailable: Vec::new(),
                postings: Vec::new(),
            });
        }
        // Keep the name registry for renaming relatives.
        self.names_used = names.used;
    }
}

/// Bookkeeping while relations are drawn.
struct RelationDraw {
    seen: HashSet<(usize, usize)>,
    has_spouse: Vec<bool>,
    degree: Vec<u32>,
    relations: Vec<GRelation>,
}

impl RelationDraw {
    fn add(&mut self, a: usize, b: usize, kind: &'static str) -> bool {
        if a == b || self.seen.contains(&pair(a, b)) {
            return false;
        }
        if kind == "spouse" && (self.has_spouse[a] || self.has_spouse[b]) {
            return false;
        }
        if kind == "spouse" {
            self.has_spouse[a] = true;
            self.has_spouse[b] = true;
        }
        self.seen.insert(pair(a, b));
        self.degree[a] += 1;
        self.degree[b] += 1;
        self.relations.push(GRelation { a, b, kind });
        true
    }
}

impl World {
    fn gen_relations(&mut self, rng: &mut ChaCha8Rng) {
        let pool = self.pool;
        let n = self.people.len();
        let officials = n - pool;
        let target = self.spec.relations;
        let leaders: Vec<usize> = (0..pool).filter(|&p| self.people[p].leader).collect();
        let mut draw = RelationDraw {
            seen: HashSet::new(),
            has_spouse: vec![false; n],
            degree: vec![0; n],
            relations: Vec::with_capacity(target),
        };

        // A few couples and siblings inside the pool (they may not share a group).
        let pool_kin = if pool >= 10 {
            (pool / 100).max(1).min(target)
        } else {
            0
        };
        let ties = if pool == 0 {
            0
        } else {
            (target * 3 / 10).min(self.spec.leaders * 3 + pool / 4)
        };
        let kin = target.saturating_sub(ties + pool_kin);

        let mut made = 0;
        for _ in 0..pool_kin * 20 {
            if made == pool_kin {
                break;
            }
            let a = rng.random_range(0..pool);
            let b = rng.random_range(0..pool);
            let kind = if rng.random_bool(0.4) {
                "spouse"
            } else {
                "sibling"
            };
            if draw.add(a, b, kind) {
                made += 1;
            }
        }

        // Kin: pool members and officials to officials (relatives).
        if officials > 0 {
            let mut made = 0;
            for _ in 0..kin * 20 {
                if made == kin {
                    break;
                }
                let a = if pool > 0 && rng.random_bool(0.12) {
                    rng.random_range(0..pool)
                } else {
                    pool + rng.random_range(0..officials)
                };
                let b = pool + rng.random_range(0..officials);
                let kind = KIN[pick_weighted(rng, &[30, 25, 20, 25])];
                let fresh = draw.degree[b] == 0;
                if !draw.add(a, b, kind) {
                    continue;
                }
                made += 1;
                // Parents, children and siblings mostly share the family name.
                if kind != "spouse" && fresh && rng.random_bool(0.8) {
                    let surname = self.people[a].surname;
                    let renamed = format!("{surname}{}", self.people[b].given);
                    if !self.names_used.contains(&renamed) {
                        self.names_used.remove(&self.people[b].name());
                        self.names_used.insert(renamed);
                        self.people[b].surname = surname;
                    }
                }
            }
        }

        // Leader ties: former superiors, subordinates and classmates.
        let mut made = 0;
        for _ in 0..ties * 20 {
            if made == ties {
                break;
            }
            let a = if !leaders.is_empty() && rng.random_bool(0.7) {
                leaders[rng.random_range(0..leaders.len())]
            } else {
                rng.random_range(0..pool)
            };
            let b = if officials > 0 && rng.random_bool(0.85) {
                let mut b = pool + rng.random_range(0..officials);
                for _ in 0..10 {
                    if self.people[b].unit.is_some() {
                        break;
                    }
                    b = pool + rng.random_range(0..officials);
                }
                b
            } else {
                rng.random_range(0..pool)
            };
            let kind = TIES[pick_weighted(rng, &[35, 35, 30])];
            if draw.add(a, b, kind) {
                made += 1;
            }
        }

        let mut relations = draw.relations;
        relations.sort_by_key(|r| (r.a, r.b));
        self.relations = relations;
    }

    fn gen_statements(&mut self, rng: &mut ChaCha8Rng) {
        let pool = self.pool;
        if pool < 4 || self.units.is_empty() {
            return;
        }
        let mut order: Vec<usize> = (0..pool).collect();
        order.shuffle(rng);

        for (i, reason) in DECLARED_REASONS.iter().take(2).enumerate() {
            let p = order[i];
            let own = self.people[p].unit.map(|pl| self.unit_of(pl));
            let mut u = rng.random_range(0..self.units.len());
            if Some(u) == own {
                u = (u + 1) % self.units.len();
            }
            self.declared.push((p, u, reason));
        }

        // One waiver: a hometown long left behind, the only tie to the
        // township (no relations, no posting there), so the reason covers it.
        let related: HashSet<usize> = self.relations.iter().flat_map(|r| [r.a, r.b]).collect();
        for &p in order.iter().skip(2) {
            let person = &self.people[p];
            if related.contains(&p) {
                continue;
            }
            let Some(home) = person.hometown else {
                continue;
            };
            let u = self.unit_of(home);
            if person.unit.map(|pl| self.unit_of(pl)) == Some(u)
                || person
                    .postings
                    .iter()
                    .any(|&(pl, _, _)| self.unit_of(pl) == u)
            {
                continue;
            }
            let year = rng.random_range(1992..=2005);
            let reason = format!(
                "原籍{}，{year}年随父母迁出，经巡察办审核不需回避",
                self.units[u].name
            );
            self.waived.push((p, u, reason));
            break;
        }

        // One pair kept apart (they fell out over an earlier case).
        let kin_pairs: HashSet<(usize, usize)> =
            self.relations.iter().map(|r| pair(r.a, r.b)).collect();
        let waived: Vec<usize> = self.waived.iter().map(|w| w.0).collect();
        let rest: Vec<usize> = order[2..]
            .iter()
            .copied()
            .filter(|p| !waived.contains(p))
            .collect();
        for w in rest.windows(2) {
            let (a, b) = (w[0], w[1]);
            if !kin_pairs.contains(&pair(a, b)) {
                self.apart.push(pair(a, b));
                break;
            }
        }
    }

    fn gen_training(&mut self, rng: &mut ChaCha8Rng) {
        let window_from = date(2026, 3, 1);
        let window_to = date(2027, 2, 26);
        let sessions_2025 = [date(2025, 4, 14), date(2025, 7, 21), date(2025, 11, 17)];
        let sessions_2026 = [date(2026, 4, 13), date(2026, 7, 20), date(2026, 11, 16)];
        let mut edge_case_done = false;
        let mut records = Vec::new();
        for p in 0..self.pool {
            let mut mine = Vec::new();
            if rng.random_bool(0.85) {
                mine.push(GRecord {
                    person: p,
                    course: "2025年度巡察业务专训".into(),
                    date: sessions_2025[rng.random_range(0..3)],
                    hours: 40,
                });
            }
            let r: f64 = rng.random();
            if r < 0.86 {
                mine.push(GRecord {
                    person: p,
                    course: "2026年度巡察业务专训".into(),
                    date: sessions_2026[rng.random_range(0..3)],
                    hours: 40,
                });
                if rng.random_bool(0.3) {
                    let (course, hours) = COURSES[rng.random_range(0..COURSES.len())];
                    mine.push(GRecord {
                        person: p,
                        course: course.into(),
                        date: random_date(rng, window_from, window_to),
                        hours,
                    });
                }
            } else if r < 0.93 {
                // Compliant through smaller courses.
                let mut idx: Vec<usize> = (0..COURSES.len()).collect();
                idx.shuffle(rng);
                let mut sum = 0;
                for i in idx {
                    if sum >= 40 {
                        break;
                    }
                    let (course, hours) = COURSES[i];
                    sum += hours;
                    mine.push(GRecord {
                        person: p,
                        course: course.into(),
                        date: random_date(rng, window_from, window_to),
                        hours,
                    });
                }
            } else if !edge_case_done {
                // Took the annual course, but just before the window opened.
                edge_case_done = true;
                mine.push(GRecord {
                    person: p,
                    course: "2026年度巡察业务专训（第一期）".into(),
                    date: date(2026, 2, 26),
                    hours: 40,
                });
            } else {
                // Short: a course or two, under 40 hours.
                let mut sum = 0;
                for _ in 0..rng.random_range(0..=3) {
                    let (course, hours) = COURSES[rng.random_range(0..COURSES.len())];
                    if sum + hours >= 40 {
                        break;
                    }
                    sum += hours;
                    mine.push(GRecord {
                        person: p,
                        course: course.into(),
                        date: random_date(rng, window_from, window_to),
                        hours,
                    });
                }
            }
            mine.sort_by_key(|r| r.date);
            records.extend(mine);
        }
        self.records = records;
    }

    /// Whether each pool member holds the hours for the round to plan (H8).
    #[cfg(test)]
    fn trained(&self) -> Vec<bool> {
        let from = self.round_start - Days::new(365);
        let mut hours = vec![0u32; self.pool];
        for r in &self.records {
            if r.date >= from && r.date < self.round_start {
                hours[r.person] += r.hours;
            }
        }
        if self.spec.training {
            hours.iter().map(|&h| h >= 40).collect()
        } else {
            vec![true; self.pool]
        }
    }

    #[allow(clippy::needless_range_loop)]
    fn compute_conflicts(&mut self) {
        let n = self.people.len();
        let mut kin_adj: Vec<Vec<usize>> = vec![Vec::new(); n];
        let mut tie_adj: Vec<Vec<usize>> = vec![Vec::new(); n];
        for r in &self.relations {
            let adj = if KIN.contains(&r.kind) {
                &mut kin_adj
            } else {
                &mut tie_adj
            };
            adj[r.a].push(r.b);
            adj[r.b].push(r.a);
            if KIN.contains(&r.kind) && r.a < self.pool && r.b < self.pool {
                self.separate.insert(pair(r.a, r.b));
            }
        }
        for &(a, b) in &self.apart {
            self.separate.insert(pair(a, b));
        }
        let mut conflicts = Vec::with_capacity(self.pool);
        let mut leader_conflicts = Vec::with_capacity(self.pool);
        for p in 0..self.pool {
            let person = &self.people[p];
            let mut set: Vec<u32> = Vec::new();
            let add = |pl: Option<Place>, set: &mut Vec<u32>| {
                if let Some(pl) = pl {
                    set.push(self.unit_of(pl) as u32);
                }
            };
            add(person.unit, &mut set);
            add(person.hometown, &mut set);
            for &(pl, _, _) in &person.postings {
                add(Some(pl), &mut set);
            }
            for &(q, u, _) in &self.declared {
                if q == p {
                    set.push(u as u32);
                }
            }
            // Kin within two hops.
            let mut seen = vec![p];
            let mut frontier = vec![p];
            for _ in 0..2 {
                let mut next = Vec::new();
                for &q in &frontier {
                    for &r in &kin_adj[q] {
                        if !seen.contains(&r) {
                            seen.push(r);
                            next.push(r);
                            add(self.people[r].unit, &mut set);
                        }
                    }
                }
                frontier = next;
            }
            set.sort_unstable();
            set.dedup();
            let mut lset: Vec<u32> = Vec::new();
            for &r in &tie_adj[p] {
                add(self.people[r].unit, &mut lset);
            }
            lset.sort_unstable();
            lset.dedup();
            conflicts.push(set);
            leader_conflicts.push(lset);
        }
        self.conflicts = conflicts;
        self.leader_conflicts = leader_conflicts;
    }

    fn may_serve(&self, p: usize, units: &[usize], start: NaiveDate, end: NaiveDate) -> bool {
        let person = &self.people[p];
        !units
            .iter()
            .any(|&u| self.conflicts[p].binary_search(&(u as u32)).is_ok())
            && !person
                .unavailable
                .iter()
                .any(|&(from, to)| from <= end && start <= to)
    }

    fn may_lead(&self, p: usize, units: &[usize]) -> bool {
        self.people[p].leader
            && !units
                .iter()
                .any(|&u| self.leader_conflicts[p].binary_search(&(u as u32)).is_ok())
    }

    /// Staff one group for `units` from pool members not yet `used`: a
    /// leader, the required skills, then others up to a size in
    /// `group_size`; no kin or `apart` pair, at most one retired member.
    #[allow(clippy::too_many_arguments)]
    fn staff(
        &self,
        rng: &mut ChaCha8Rng,
        units: &[usize],
        start: NaiveDate,
        end: NaiveDate,
        used: &mut [bool],
        trained: Option<&[bool]>,
        smallest: bool,
    ) -> Option<GGroup> {
        let (min, max) = (
            self.spec.group_size.0.min(self.spec.group_size.1).max(1) as usize,
            self.spec.group_size.0.max(self.spec.group_size.1).max(1) as usize,
        );
        let mut required = vec![FINANCE, DISCIPLINE];
        if units.iter().any(|&u| self.units[u].requires_agriculture) {
            required.push(AGRICULTURE);
        }
        let mut order: Vec<usize> = (0..self.pool).collect();
        order.shuffle(rng);
        let eligible: Vec<usize> = order
            .into_iter()
            .filter(|&p| {
                !used[p] && trained.is_none_or(|t| t[p]) && self.may_serve(p, units, start, end)
            })
            .collect();
        let fits = |c: usize, members: &[usize]| {
            let retired = members.iter().filter(|&&m| self.people[m].retired).count();
            let too_many_retired = self.people[c].retired && retired >= 1;
            let kept_apart = members.iter().any(|&m| self.separate.contains(&pair(c, m)));
            !(members.contains(&c) || too_many_retired || kept_apart)
        };
        let target = if smallest {
            min
        } else {
            rng.random_range(min..=max)
        };
        for &leader in eligible
            .iter()
            .filter(|&&p| self.may_lead(p, units))
            .take(8)
        {
            let mut members = vec![leader];
            let mut ok = true;
            for &s in &required {
                if members.iter().any(|&m| self.people[m].skills.contains(&s)) {
                    continue;
                }
                match eligible
                    .iter()
                    .copied()
                    .find(|&c| self.people[c].skills.contains(&s) && fits(c, &members))
                {
                    Some(c) => members.push(c),
                    None => {
                        ok = false;
                        break;
                    }
                }
            }
            if !ok {
                continue;
            }
            for &c in &eligible {
                if members.len() >= target {
                    break;
                }
                if fits(c, &members) {
                    members.push(c);
                }
            }
            if members.len() < min || members.len() > max {
                continue;
            }
            for &m in &members {
                used[m] = true;
            }
            members[1..].sort_unstable();
            let mut units = units.to_vec();
            units.sort_by_key(|&u| (!self.units[u].township, u));
            let villages = units
                .iter()
                .flat_map(|&u| self.villages_for(u, 2))
                .collect();
            return Some(GGroup {
                leader,
                members,
                units,
                villages,
            });
        }
        None
    }

    /// H10: every must-inspect village, then the most complained-of, up to `n`.
    fn villages_for(&self, u: usize, n: usize) -> Vec<usize> {
        let all = &self.units[u].villages;
        let mut chosen: Vec<usize> = all
            .iter()
            .copied()
            .filter(|&v| !self.villages[v].tags.is_empty())
            .collect();
        let mut rest: Vec<usize> = all
            .iter()
            .copied()
            .filter(|&v| self.villages[v].tags.is_empty())
            .collect();
        rest.sort_by_key(|&v| std::cmp::Reverse(self.villages[v].complaints));
        for v in rest {
            if chosen.len() >= n {
                break;
            }
            chosen.push(v);
        }
        chosen
    }

    /// For each unit, the index of the latest history round holding it, or -1.
    fn last_inspected(&self) -> Vec<i64> {
        let mut last = vec![-1i64; self.units.len()];
        for (i, round) in self.history.iter().enumerate() {
            for g in &round.groups {
                for &u in &g.units {
                    last[u] = i as i64;
                }
            }
        }
        last
    }

    /// Townships and departments, least recently inspected first.
    fn by_staleness(&self, rng: &mut ChaCha8Rng) -> (Vec<usize>, Vec<usize>) {
        let last = self.last_inspected();
        let key: Vec<u32> = (0..self.units.len()).map(|_| rng.random()).collect();
        let mut towns: Vec<usize> = self.township_ixs().collect();
        let mut depts: Vec<usize> = self.department_ixs().collect();
        towns.sort_by_key(|&u| (last[u], key[u]));
        depts.sort_by_key(|&u| (last[u], key[u]));
        (towns, depts)
    }

    fn gen_history(&mut self, rng: &mut ChaCha8Rng) {
        let h = self.spec.history_rounds as i64;
        for i in 0..h {
            let (id, start, end) = round_at(i - h);
            let (towns, depts) = self.by_staleness(rng);
            let (mut towns, mut depts) = (towns.into_iter(), depts.into_iter());
            let mut used = vec![false; self.pool];
            let mut groups = Vec::new();
            for _ in 0..self.spec.groups_per_round {
                // Shapes: township + department, township, department, two townships.
                let (want_t, want_d) = match pick_weighted(rng, &[50, 25, 15, 10]) {
                    0 => (1, 1),
                    1 => (1, 0),
                    2 => (0, 1),
                    _ => (2, 0),
                };
                let mut units: Vec<usize> = towns.by_ref().take(want_t).collect();
                units.extend(depts.by_ref().take(want_d));
                if units.is_empty() {
                    units.extend(towns.next().or_else(|| depts.next()));
                }
                if units.is_empty() {
                    break;
                }
                if let Some(g) = self.staff(rng, &units, start, end, &mut used, None, false) {
                    groups.push(g);
                }
            }
            self.history.push(GRound {
                id,
                start,
                end,
                groups,
            });
        }
    }

    fn choose_round_units(&mut self, rng: &mut ChaCha8Rng) {
        let (towns, depts) = self.by_staleness(rng);
        let rg = self.spec.round_groups.max(1);
        let want = 2 * rg;
        let mut n_dept = (rg * 3 / 4).min(depts.len());
        let n_town = (want - n_dept).min(towns.len());
        if n_town + n_dept < want {
            n_dept = (want - n_town).min(rg).min(depts.len());
        }
        let mut units: Vec<usize> = towns[..n_town].to_vec();
        units.extend_from_slice(&depts[..n_dept]);
        units.sort_unstable();
        self.round_units = units;
    }

    /// Groups in the round to plan: as asked, but no more than its units.
    fn round_groups(&self) -> usize {
        self.spec
            .round_groups
            .max(1)
            .min(self.round_units.len().max(1))
    }

    fn to_raw(&self) -> RawScenario {
        let ids = |v: &[usize]| {
            v.iter()
                .map(|&p| self.people[p].id.clone())
                .collect::<Vec<_>>()
        };
        let unit_ids = |v: &[usize]| {
            v.iter()
                .map(|&u| self.units[u].id.clone())
                .collect::<Vec<_>>()
        };
        let units = self
            .units
            .iter()
            .map(|u| RawUnit {
                id: u.id.clone(),
                name: u.name.clone(),
                kind: if u.township {
                    RawUnitKind::Township
                } else {
                    RawUnitKind::Department
                },
                weight: Some(u.weight),
                requires: if u.requires_agriculture {
                    vec![SKILLS[AGRICULTURE].to_string()]
                } else {
                    Vec::new()
                },
                villages: u
                    .villages
                    .iter()
                    .map(|&v| {
                        let v = &self.villages[v];
                        RawVillage {
                            id: v.id.clone(),
                            name: v.name.clone(),
                            tags: v.tags.clone(),
                            complaints: (v.complaints > 0).then_some(v.complaints),
                        }
                    })
                    .collect(),
            })
            .collect();
        let people = self
            .people
            .iter()
            .map(|p| RawPerson {
                id: p.id.clone(),
                name: p.name(),
                pool: p.pool,
                unit: p.unit.map(|pl| self.place_id(pl)),
                hometown: p.hometown.map(|pl| self.place_id(pl)),
                skills: p.skills.iter().map(|&s| SKILLS[s].to_string()).collect(),
                leader: p.leader,
                retired: p.retired,
                unavailable: p
                    .unavailable
                    .iter()
                    .map(|&(from, to)| RawRange {
                        from,
                        to,
                        reason: None,
                    })
                    .collect(),
                postings: p
                    .postings
                    .iter()
                    .map(|&(pl, from, to)| RawPosting {
                        unit: self.place_id(pl),
                        from,
                        to,
                    })
                    .collect(),
                ..Default::default()
            })
            .collect();
        let relations = self
            .relations
            .iter()
            .map(|r| RawRelation {
                a: self.people[r.a].id.clone(),
                b: self.people[r.b].id.clone(),
                kind: r.kind.to_string(),
                date: None,
                note: None,
            })
            .collect();
        let statement = |p: usize, u: usize, reason: &str| RawDeclared {
            person: self.people[p].id.clone(),
            unit: self.units[u].id.clone(),
            reason: Some(reason.to_string()),
            date: None,
        };
        let recusal = RawRecusal {
            kin: Some(KIN.iter().map(|s| s.to_string()).collect()),
            kin_depth: Some(2),
            leader_ties: Some(TIES.iter().map(|s| s.to_string()).collect()),
            other_kinds: None,
            former_posting_years: Some(3),
            long_posting_years: Some(3),
            hometown: Some(true),
            declared: self
                .declared
                .iter()
                .map(|&(p, u, r)| statement(p, u, r))
                .collect(),
            waived: self
                .waived
                .iter()
                .map(|(p, u, r)| statement(*p, *u, r))
                .collect(),
            apart: self.apart.iter().map(|&(a, b)| ids(&[a, b])).collect(),
        };
        let training = self.spec.training.then(|| RawTraining {
            requirement: Some(RawRequirement {
                hours: 40.0,
                within_days: 365,
                ..Default::default()
            }),
            records: self
                .records
                .iter()
                .map(|r| RawRecord {
                    person: self.people[r.person].id.clone(),
                    course: r.course.clone(),
                    date: r.date,
                    hours: r.hours as f64,
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        });
        let history = self
            .history
            .iter()
            .map(|h| RawHistoryRound {
                round: h.id.clone(),
                start: h.start,
                end: h.end,
                groups: h
                    .groups
                    .iter()
                    .map(|g| RawGroup {
                        leader: self.people[g.leader].id.clone(),
                        members: ids(&g.members),
                        units: unit_ids(&g.units),
                        villages: g
                            .villages
                            .iter()
                            .map(|&v| self.villages[v].id.clone())
                            .collect(),
                    })
                    .collect(),
            })
            .collect();
        let groups = self.round_groups() as i64;
        let size = RawSize {
            min: self.spec.group_size.0.min(self.spec.group_size.1).max(1) as i64,
            max: self.spec.group_size.0.max(self.spec.group_size.1).max(1) as i64,
        };
        let round = RawRound {
            id: round_at(0).0,
            kind: RoundKind::Regular,
            start: self.round_start,
            end: self.round_end,
            groups,
            group_size: size,
            max_units_per_group: Some(2),
            units: unit_ids(&self.round_units),
            villages_per_township: Some(2),
            required_skills: vec![SKILLS[FINANCE].to_string(), SKILLS[DISCIPLINE].to_string()],
            max_retired_per_group: Some(1),
        };
        let term = (!self.term_rounds.is_empty()).then(|| RawTerm {
            start: date(2026, 1, 1),
            end: date(2030, 12, 31),
            rounds: self
                .term_rounds
                .iter()
                .map(|(id, start, end)| RawTermRound {
                    id: id.clone(),
                    kind: Some(RoundKind::Regular),
                    start: Some(*start),
                    end: Some(*end),
                    groups: Some(groups),
                    group_size: None,
                    max_units_per_group: None,
                    villages_per_township: None,
                    required_skills: None,
                    max_retired_per_group: None,
                })
                .collect(),
        });
        RawScenario {
            version: 1,
            name: self.name.clone(),
            skills: SKILLS.iter().map(|s| s.to_string()).collect(),
            units,
            people,
            relations,
            recusal: Some(recusal),
            training,
            history,
            round: Some(round),
            term,
            weights: Some(RawWeights {
                repeat_unit: Some(10),
                repeat_pair: Some(2),
                workload: Some(1),
                balance: Some(1),
                reserve: None,
            }),
            sources: Vec::new(),
            aliases: Default::default(),
            appraisals: Vec::new(),
            pool_policy: None,
        }
    }

    /// A roster for the round to plan, found greedily under the conservative
    /// conflicts: proof that the round can be staffed.
    #[cfg(test)]
    fn witness(&self, rng: &mut ChaCha8Rng) -> Option<Vec<GGroup>> {
        let g = self.round_groups();
        let trained = self.trained();
        let depts: Vec<usize> = self
            .round_units
            .iter()
            .copied()
            .filter(|&u| !self.units[u].township)
            .collect();
        let towns: Vec<usize> = self
            .round_units
            .iter()
            .copied()
            .filter(|&u| self.units[u].township)
            .collect();
        if depts.len() > g {
            return None;
        }
        'attempt: for _ in 0..50 {
            let mut slots: Vec<Vec<usize>> = vec![Vec::new(); g];
            for (i, &d) in depts.iter().enumerate() {
                slots[i].push(d);
            }
            let mut towns = towns.clone();
            towns.shuffle(rng);
            let mut free: Vec<usize> = (0..g).filter(|&i| slots[i].is_empty()).collect();
            free.extend((0..g).filter(|&i| !slots[i].is_empty()));
            free.extend(0..g);
            let mut free = free.into_iter();
            for t in towns {
                loop {
                    let Some(i) = free.next() else {
                        continue 'attempt;
                    };
                    if slots[i].len() < 2 {
                        slots[i].push(t);
                        break;
                    }
                }
            }
            let mut used = vec![false; self.pool];
            let mut groups = Vec::new();
            for units in &slots {
                match self.staff(
                    rng,
                    units,
                    self.round_start,
                    self.round_end,
                    &mut used,
                    Some(&trained),
                    true,
                ) {
                    Some(gr) => groups.push(gr),
                    None => continue 'attempt,
                }
            }
            return Some(groups);
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;
    use std::time::Instant;

    fn yaml(spec: &CountySpec) -> String {
        to_yaml_seeded(&generate(spec), spec.seed)
    }

    #[test]
    fn same_seed_same_yaml() {
        let spec = CountySpec::small();
        assert_eq!(yaml(&spec), yaml(&spec));
        let county = CountySpec::county();
        assert_eq!(yaml(&county), yaml(&county));
    }

    #[test]
    fn different_seed_different_yaml() {
        let a = CountySpec::small();
        let b = CountySpec {
            seed: a.seed + 1,
            ..a.clone()
        };
        assert_ne!(yaml(&a), yaml(&b));
    }

    #[test]
    fn ids_are_unique() {
        for spec in [CountySpec::small(), CountySpec::county()] {
            let s = generate(&spec);
            let mut seen = HashSet::new();
            for u in &s.units {
                assert!(seen.insert(u.id.clone()), "{}", u.id);
                for v in &u.villages {
                    assert!(seen.insert(v.id.clone()), "{}", v.id);
                }
            }
            for p in &s.people {
                assert!(seen.insert(p.id.clone()), "{}", p.id);
            }
            assert_eq!(s.people.iter().filter(|p| p.pool).count(), spec.pool);
            assert_eq!(s.people.len(), spec.pool + spec.officials);
        }
    }

    fn loads(spec: &CountySpec) -> crate::Scenario {
        let y = yaml(spec);
        match crate::scenario::parse(&y, "gen.yaml") {
            Ok(s) => s,
            Err(e) => panic!("{e}"),
        }
    }

    #[test]
    fn small_loads() {
        let s = loads(&CountySpec::small());
        assert_eq!(s.round.as_ref().unwrap().units.len(), 6);
    }

    #[test]
    fn county_loads() {
        let spec = CountySpec::county();
        let s = loads(&spec);
        assert_eq!(s.units.len(), 66);
        assert_eq!(s.history.len(), 6);
        assert!(s.history.iter().all(|h| h.groups.len() == 8));
        assert_eq!(s.term.as_ref().unwrap().rounds.len(), 7);
        assert_eq!(s.round.as_ref().unwrap().units.len(), 16);
        assert_eq!(s.recusal.declared.len(), 2);
        assert_eq!(s.recusal.waived.len(), 1);
        assert_eq!(s.recusal.apart.len(), 1);
    }

    #[test]
    fn city_loads() {
        let s = loads(&CountySpec::city());
        assert_eq!(s.round.as_ref().unwrap().units.len(), 120);
        assert_eq!(s.round.as_ref().unwrap().rules.groups, 60);
    }

    /// History rosters obey the plan rules that do not depend on training.
    #[test]
    fn history_is_plausible() {
        for spec in [
            CountySpec::small(),
            CountySpec::county(),
            CountySpec::city(),
        ] {
            let s = loads(&spec);
            for h in &s.history {
                let mut units = HashSet::new();
                let mut people = HashSet::new();
                for g in &h.groups {
                    assert!(g.members.contains(&g.leader));
                    assert!(s.person(g.leader).leader);
                    let n = g.members.len() as u32;
                    assert!(n >= spec.group_size.0 && n <= spec.group_size.1);
                    assert!(!g.units.is_empty() && g.units.len() <= 2);
                    let depts = g
                        .units
                        .iter()
                        .filter(|&&u| s.unit(u).kind == crate::scenario::UnitKind::Department)
                        .count();
                    assert!(depts <= 1);
                    for &u in &g.units {
                        assert!(units.insert(u), "unit twice in {}", h.id);
                        for &m in &g.members {
                            let p = s.person(m);
                            assert!(p.unit.is_none_or(|pl| !s.is_at(pl, u)), "own unit");
                        }
                    }
                    let want: Vec<_> = g.units.iter().flat_map(|&u| s.villages_for(u, 2)).collect();
                    assert_eq!(g.villages, want);
                    for &m in &g.members {
                        assert!(people.insert(m), "person twice in {}", h.id);
                    }
                    assert!(g.members.iter().filter(|&&m| s.person(m).retired).count() <= 1);
                }
            }
        }
    }

    /// The round to plan can be staffed: a greedy roster exists even when
    /// every posting counts and waivers are ignored.
    #[test]
    fn round_is_feasible() {
        for spec in [
            CountySpec::small(),
            CountySpec::county(),
            CountySpec::city(),
        ] {
            let w = World::build(&spec);
            let mut rng = ChaCha8Rng::seed_from_u64(99);
            let roster = w.witness(&mut rng);
            assert!(roster.is_some(), "no roster for seed {}", spec.seed);
            assert_eq!(roster.unwrap().len(), w.round_groups());
        }
    }

    #[test]
    fn other_seeds_are_feasible_too() {
        for seed in 1..6 {
            let spec = CountySpec {
                seed,
                ..CountySpec::county()
            };
            let w = World::build(&spec);
            let mut rng = ChaCha8Rng::seed_from_u64(99);
            assert!(w.witness(&mut rng).is_some(), "seed {seed}");
            assert!(crate::scenario::parse(&yaml(&spec), "gen.yaml").is_ok());
        }
    }

    /// Statistics for tuning: conflict rate, training compliance.
    #[test]
    #[ignore]
    fn stats() {
        for spec in [
            CountySpec::small(),
            CountySpec::county(),
            CountySpec::city(),
            CountySpec::recusal_bench(),
        ] {
            let w = World::build(&spec);
            let mut pairs = 0usize;
            let mut hits = 0usize;
            let mut lhits = 0usize;
            for p in 0..w.pool {
                for &u in &w.round_units {
                    pairs += 1;
                    if w.conflicts[p].binary_search(&(u as u32)).is_ok() {
                        hits += 1;
                    } else if w.people[p].leader
                        && w.leader_conflicts[p].binary_search(&(u as u32)).is_ok()
                    {
                        lhits += 1;
                    }
                }
            }
            let trained = w.trained();
            let ok = trained.iter().filter(|&&t| t).count();
            let must: usize = w.villages.iter().filter(|v| !v.tags.is_empty()).count();
            println!(
                "{:>6} pool {:>5} people {:>6} relations: member conflicts {:.1}% of pool x round units, leader-only {:.1}%, trained {}/{} ({:.0}%), must-inspect villages {}/{}",
                w.pool,
                w.people.len(),
                w.relations.len(),
                100.0 * hits as f64 / pairs as f64,
                100.0 * lhits as f64 / pairs as f64,
                ok,
                w.pool,
                100.0 * ok as f64 / w.pool as f64,
                must,
                w.villages.len()
            );
        }
    }

    /// Generation and serialisation times; run in release:
    /// `cargo test --release --lib generate::tests::timings -- --ignored --nocapture`
    #[test]
    #[ignore]
    fn timings() {
        for (name, spec) in [
            ("county", CountySpec::county()),
            ("city", CountySpec::city()),
            ("recusal_bench", CountySpec::recusal_bench()),
        ] {
            let t = Instant::now();
            let raw = generate(&spec);
            let generated = t.elapsed();
            let t = Instant::now();
            let y = to_yaml_seeded(&raw, spec.seed);
            let written = t.elapsed();
            let t = Instant::now();
            let ok = crate::scenario::parse(&y, "gen.yaml").is_ok();
            let parsed = t.elapsed();
            println!(
                "{name}: generate {generated:?}, to_yaml {written:?}, parse {parsed:?} (ok {ok}), {} lines",
                y.lines().count()
            );
        }
    }

    /// Writes scenarios/qingshan.yaml and scenarios/city.yaml:
    /// `cargo test --lib generate::tests::write_samples -- --ignored`
    #[test]
    #[ignore]
    fn write_samples() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
        std::fs::create_dir_all(&dir).unwrap();
        for (file, spec) in [
            ("qingshan.yaml", CountySpec::county()),
            ("city.yaml", CountySpec::city()),
        ] {
            std::fs::write(dir.join(file), yaml(&spec)).unwrap();
        }
    }
}
