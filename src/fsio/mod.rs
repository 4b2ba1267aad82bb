//! Files in and out: the one place xuncha touches the file system for the
//! files it reads and changes.

mod write;

pub use write::write_atomic;
