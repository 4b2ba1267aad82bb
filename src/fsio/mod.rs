//! Files in and out: the one place xuncha touches the file system for the
//! files it reads and changes.

pub mod read;
mod write;

pub use read::{read, MAX_INPUT_BYTES};
pub use write::write_atomic;
