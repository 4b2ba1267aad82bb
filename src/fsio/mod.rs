//! Files in and out: the one place xuncha touches the file system for the
//! files it reads and changes.

pub mod read;
pub mod write;

pub use read::{read, MAX_INPUT_BYTES};
pub use write::{create, update, write_atomic};
