//! Files read: every input xuncha opens (scenario, ledger, workbook, plan,
//! pins, import files) goes through [`read`], which refuses what is not a
//! regular file (a FIFO would block forever, a device such as `/dev/zero`
//! would never end) and stops at a size far above any real office's data.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

/// The largest input xuncha reads: 256 MiB. A province-sized scenario
/// (10,000 people, 15,000 relations, 1,000 units) is about 2 MB as YAML.
pub const MAX_INPUT_BYTES: u64 = 256 * 1024 * 1024;

/// Why a path was not read although the operating system could open it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    /// A directory, FIFO, socket or device.
    #[error("not a regular file (it is a {0})")]
    NotAFile(FileKind),
    /// Larger than the limit.
    #[error("larger than {limit} bytes")]
    TooLarge { limit: u64 },
}

/// What a path that is not a regular file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Directory,
    Fifo,
    Socket,
    Device,
    Other,
}

impl FileKind {
    /// A stable code for renderers (`directory`, `fifo`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            FileKind::Directory => "directory",
            FileKind::Fifo => "fifo",
            FileKind::Socket => "socket",
            FileKind::Device => "device",
            FileKind::Other => "other",
        }
    }
}

impl std::fmt::Display for FileKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

fn kind_of(ft: std::fs::FileType) -> FileKind {
    if ft.is_dir() {
        return FileKind::Directory;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if ft.is_fifo() {
            return FileKind::Fifo;
        }
        if ft.is_socket() {
            return FileKind::Socket;
        }
        if ft.is_block_device() || ft.is_char_device() {
            return FileKind::Device;
        }
    }
    FileKind::Other
}

fn refused(r: Refusal) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidInput, r)
}

/// The refusal inside an error from [`read`], if that is what it was.
pub fn refusal(e: &io::Error) -> Option<&Refusal> {
    e.get_ref()
        .and_then(|inner| inner.downcast_ref::<Refusal>())
}

/// Every file this process has read through [`read`], as canonical paths:
/// so that `-o FILE` never overwrites one of a command's inputs (a ledger
/// the scenario names included).
static FILES_READ: std::sync::Mutex<Vec<std::path::PathBuf>> = std::sync::Mutex::new(Vec::new());

/// The files read so far (canonical paths, in order, without repeats).
pub fn files_read() -> Vec<std::path::PathBuf> {
    FILES_READ.lock().map(|v| v.clone()).unwrap_or_default()
}

/// The bytes of the regular file at `path` (symlinks followed), at most
/// [`MAX_INPUT_BYTES`].
pub fn read(path: &Path) -> io::Result<Vec<u8>> {
    read_limited(path, MAX_INPUT_BYTES)
}

/// [`read`] with another size limit.
pub fn read_limited(path: &Path, limit: u64) -> io::Result<Vec<u8>> {
    // Look before opening: opening a FIFO for reading blocks until a
    // writer appears.
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        return Err(refused(Refusal::NotAFile(kind_of(meta.file_type()))));
    }
    let file = File::open(path)?;
    // And again on what was opened, in case the path changed in between.
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(refused(Refusal::NotAFile(kind_of(meta.file_type()))));
    }
    if meta.len() > limit {
        return Err(refused(Refusal::TooLarge { limit }));
    }
    if let (Ok(canonical), Ok(mut seen)) = (path.canonicalize(), FILES_READ.lock()) {
        if !seen.contains(&canonical) {
            seen.push(canonical);
        }
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(refused(Refusal::TooLarge { limit }));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_regular_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.yaml");
        std::fs::write(&p, b"version: 1\n").unwrap();
        assert_eq!(read(&p).unwrap(), b"version: 1\n");
    }

    #[test]
    fn refuses_a_directory() {
        let dir = tempfile::tempdir().unwrap();
        let e = read(dir.path()).unwrap_err();
        assert_eq!(refusal(&e), Some(&Refusal::NotAFile(FileKind::Directory)));
    }

    #[cfg(unix)]
    #[test]
    fn refuses_a_device_without_reading_it() {
        let e = read(Path::new("/dev/zero")).unwrap_err();
        assert_eq!(refusal(&e), Some(&Refusal::NotAFile(FileKind::Device)));
    }

    #[cfg(unix)]
    #[test]
    fn refuses_a_fifo_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("pipe");
        let made = std::process::Command::new("mkfifo").arg(&p).status();
        if !made.is_ok_and(|s| s.success()) {
            return; // no mkfifo on this machine
        }
        let e = read(&p).unwrap_err();
        assert_eq!(refusal(&e), Some(&Refusal::NotAFile(FileKind::Fifo)));
    }

    #[test]
    fn refuses_a_file_over_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("big");
        std::fs::write(&p, vec![b'x'; 100]).unwrap();
        let e = read_limited(&p, 99).unwrap_err();
        assert_eq!(refusal(&e), Some(&Refusal::TooLarge { limit: 99 }));
        assert_eq!(read_limited(&p, 100).unwrap().len(), 100);
    }

    #[test]
    fn a_missing_file_is_an_ordinary_io_error() {
        let e = read(Path::new("/nonexistent/x.yaml")).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::NotFound);
        assert_eq!(refusal(&e), None);
    }
}
