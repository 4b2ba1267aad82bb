//! xuncha (巡察): staffing inspection rounds for a county inspection office.
//!
//! The library holds everything; the `xuncha` binary only parses flags and
//! prints. Start from [`scenario::load`], ask [`recusal::Recusal`] who may
//! serve where, plan a round with [`solver::plan`], and check any roster with
//! [`roster_check::check`].

pub mod error;
pub mod ids;
pub mod scenario;

pub use error::{LoadError, Problem};
pub use ids::{PersonIx, Place, SkillIx, Span, UnitIx, VillageIx};
pub use scenario::Scenario;
pub mod cli;
pub mod draw;
pub mod eligibility;
pub mod fsio;
pub mod generate;
pub mod lifecycle;
pub mod lrmx;
pub mod pool;
pub mod recusal;
pub mod report;
pub mod roster;
pub mod roster_check;
pub mod score;
pub mod simulate;
pub mod solver;
pub mod training;
pub mod vocab;
pub mod workbook;
