//! The one integration-test binary: helpers in `util`, one module per area.

mod malformed;
mod messages;
mod recusal;
mod recusal_prop;
mod roster_check;
mod util;
