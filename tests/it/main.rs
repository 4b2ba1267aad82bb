//! The one integration-test binary: helpers in `util`, one module per area.

mod browser;
mod documents;
mod draw;
mod lifecycle;
mod loading;
mod lrmx;
mod malformed;
mod messages;
mod mutation;
mod office;
mod plan;
mod plan_prop;
mod pool;
mod recusal;
mod recusal_prop;
mod report;
mod roster_check;
mod simulate;
mod suggest;
mod training;
mod util;
mod words;
mod workbook;
