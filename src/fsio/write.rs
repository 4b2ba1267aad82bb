//! Files written: the one writer for every file xuncha changes or creates
//! (the scenario, training ledgers, `-o` outputs).
//!
//! - **Atomic**: the bytes go to a temporary file beside the target
//!   (`.NAME.xuncha-PID-N.tmp`), which is synced and renamed over it, and
//!   the directory is synced: a reader sees the old file or the new one,
//!   never a torn one, even after a power cut.
//! - **Symbolic links** are followed: the file they point to is replaced and
//!   the link stays a link.
//! - **Permissions and owner** of a replaced file are kept (the owner where
//!   the system allows it); a new file gets the permissions the user's
//!   umask gives any new file.
//! - **Read-only** files are refused, never replaced.
//! - **Read-modify-write** ([`update`]) happens under an advisory lock on a
//!   lock file beside the target (`.NAME.lock`, removed when the writer is
//!   done on Unix, left in place elsewhere). A second writer waits
//!   for the first ([`LOCK_WAIT`]), then reads the file again, so no update
//!   is ever lost; one that waits too long gives up with [`Refusal::Busy`].
//!
//! Errors are `io::Error`s (drop-in for `std::fs::write`); [`refusal`]
//! recovers the typed reason for rendering.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// How long [`update`] waits for another writer of the same file.
pub const LOCK_WAIT: Duration = Duration::from_secs(60);

/// Why a file was not written although the system might have allowed it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    /// The file is read-only: xuncha does not change it.
    #[error("the file is read-only; make it writable first if it should change")]
    ReadOnly,
    /// The file exists and the command creates files only with `--force`.
    #[error("the file already exists; give --force to overwrite it")]
    Exists,
    /// Another writer held the lock for longer than [`LOCK_WAIT`].
    #[error("another xuncha has been changing the file for {seconds} s (lock file {lock}); try again when it has finished")]
    Busy { lock: String, seconds: u64 },
    /// The path is not a regular file (a directory, say).
    #[error("not a regular file")]
    NotAFile,
}

fn refuse(r: Refusal) -> io::Error {
    let kind = match r {
        Refusal::ReadOnly => io::ErrorKind::PermissionDenied,
        Refusal::Exists => io::ErrorKind::AlreadyExists,
        Refusal::Busy { .. } => io::ErrorKind::WouldBlock,
        Refusal::NotAFile => io::ErrorKind::InvalidInput,
    };
    io::Error::new(kind, r)
}

/// The typed reason of an error [`write_atomic`], [`create`] or [`update`]
/// returned, when it was a refusal rather than a system error.
pub fn refusal(err: &io::Error) -> Option<&Refusal> {
    err.get_ref().and_then(|e| e.downcast_ref::<Refusal>())
}

/// The file a write to `path` changes: `path` itself, or the file a
/// symbolic link points to (resolved through every link).
pub fn target(path: &Path) -> io::Result<PathBuf> {
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => std::fs::canonicalize(path),
        _ => Ok(path.to_path_buf()),
    }
}

/// Replace (or create) `path` with `bytes`, atomically. An existing file
/// keeps its permissions and owner; a read-only file is refused.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let path = target(path)?;
    replace(&path, bytes)
}

/// Create `path` with `bytes`; an existing file is refused unless `force`
/// (then it is replaced as by [`write_atomic`]).
pub fn create(path: &Path, bytes: &[u8], force: bool) -> io::Result<()> {
    let path = target(path)?;
    if !force && std::fs::symlink_metadata(&path).is_ok() {
        return Err(refuse(Refusal::Exists));
    }
    replace(&path, bytes)
}

/// Read `path` (`None` if it does not exist), let `change` compute its new
/// content, and write that, all under the file's lock: no other
/// [`update`] of the same file runs in between. `change` returns the new
/// bytes (`None`: leave the file alone) and a value passed back; its error
/// leaves the file alone too.
pub fn update<T, E>(
    path: &Path,
    change: impl FnOnce(Option<Vec<u8>>) -> Result<(Option<Vec<u8>>, T), E>,
) -> io::Result<Result<T, E>> {
    let path = target(path)?;
    let _lock = Lock::acquire(&path)?;
    let old = match super::read(&path) {
        Ok(b) => Some(b),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(e),
    };
    if old.is_some() {
        check_writable(&path)?;
    }
    let (new, value) = match change(old.clone()) {
        Ok(x) => x,
        Err(e) => return Ok(Err(e)),
    };
    if let Some(new) = new {
        if old.as_deref() != Some(new.as_slice()) {
            replace(&path, &new)?;
        }
    }
    Ok(Ok(value))
}

/// An exclusive advisory lock on `.NAME.lock` beside a file. On Unix the
/// holder removes the lock file before it unlocks, and a writer that got
/// the lock checks that the path still names the file it locked (else it
/// starts over), so no lock file stays behind; elsewhere it is left in place.
struct Lock {
    file: File,
    path: PathBuf,
}

impl Lock {
    fn path_for(path: &Path) -> PathBuf {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        dir_of(path).join(format!(".{name}.lock"))
    }

    fn acquire(path: &Path) -> io::Result<Lock> {
        let lock = Self::path_for(path);
        let started = Instant::now();
        let mut pause = Duration::from_millis(5);
        loop {
            let file = OpenOptions::new()
                .create(true)
                .truncate(false)
                .write(true)
                .open(&lock)?;
            match fs4::FileExt::try_lock(&file) {
                Ok(()) if still_named(&file, &lock) => {
                    return Ok(Lock {
                        file,
                        path: lock.clone(),
                    })
                }
                // The holder removed the file we locked: try again.
                Ok(()) => continue,
                Err(fs4::TryLockError::WouldBlock) => {}
                Err(fs4::TryLockError::Error(e)) => return Err(e),
            }
            if started.elapsed() >= LOCK_WAIT {
                return Err(refuse(Refusal::Busy {
                    lock: lock.display().to_string(),
                    seconds: LOCK_WAIT.as_secs(),
                }));
            }
            std::thread::sleep(pause);
            pause = (pause * 2).min(Duration::from_millis(100));
        }
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        if cfg!(unix) {
            let _ = std::fs::remove_file(&self.path);
        }
        let _ = fs4::FileExt::unlock(&self.file);
    }
}

/// Whether `path` still names the file `file` has open.
#[cfg(unix)]
fn still_named(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), std::fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn still_named(_file: &File, _path: &Path) -> bool {
    true
}

fn dir_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Refuse a file that is read-only, or that this user may not write.
fn check_writable(path: &Path) -> io::Result<()> {
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        return Err(refuse(Refusal::NotAFile));
    }
    if meta.permissions().readonly() {
        return Err(refuse(Refusal::ReadOnly));
    }
    match OpenOptions::new().append(true).open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::PermissionDenied => Err(refuse(Refusal::ReadOnly)),
        Err(e) => Err(e),
    }
}

static COUNTER: AtomicUsize = AtomicUsize::new(0);

/// Write `bytes` to a temporary file beside `path` and rename it over
/// `path` (already resolved through links).
fn replace(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let existing = match std::fs::metadata(path) {
        Ok(m) => Some(m),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(e),
    };
    if existing.is_some() {
        check_writable(path)?;
    }
    let dir = dir_of(path);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (tmp_path, mut tmp) = loop {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let candidate = dir.join(format!(".{name}.xuncha-{}-{n}.tmp", std::process::id()));
        // `create_new` applies the umask, as for any new file.
        match OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&candidate)
        {
            Ok(f) => break (candidate, f),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    };
    let result = (|| {
        tmp.write_all(bytes)?;
        if let Some(meta) = &existing {
            std::fs::set_permissions(&tmp_path, meta.permissions())?;
            keep_owner(&tmp, meta);
        }
        tmp.sync_all()?;
        drop(tmp);
        std::fs::rename(&tmp_path, path)?;
        sync_dir(&dir);
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp_path);
    }
    result
}

#[cfg(unix)]
fn keep_owner(file: &File, meta: &std::fs::Metadata) {
    use std::os::unix::fs::MetadataExt;
    // Only a privileged user may give a file away; otherwise the file
    // stays the writer's, as any edit by that user would leave it.
    let _ = std::os::unix::fs::fchown(file, Some(meta.uid()), Some(meta.gid()));
}

#[cfg(not(unix))]
fn keep_owner(_file: &File, _meta: &std::fs::Metadata) {}

#[cfg(unix)]
fn sync_dir(dir: &Path) {
    // Best effort: the rename is durable once the directory is synced.
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    fn mode(p: &Path) -> u32 {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(p).unwrap().permissions().mode() & 0o777
    }

    #[cfg(unix)]
    #[test]
    fn a_replaced_file_keeps_its_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.yaml");
        std::fs::write(&p, "old").unwrap();
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o664)).unwrap();
        write_atomic(&p, b"new").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"new");
        assert_eq!(mode(&p), 0o664);
    }

    #[cfg(unix)]
    #[test]
    fn a_read_only_file_is_refused_and_left_alone() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.yaml");
        std::fs::write(&p, "old").unwrap();
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o444)).unwrap();
        let e = write_atomic(&p, b"new").unwrap_err();
        assert_eq!(refusal(&e), Some(&Refusal::ReadOnly));
        assert_eq!(std::fs::read(&p).unwrap(), b"old");
        let e = update(&p, |_| Ok::<_, ()>((Some(b"x".to_vec()), ()))).unwrap_err();
        assert_eq!(refusal(&e), Some(&Refusal::ReadOnly));
    }

    #[cfg(unix)]
    #[test]
    fn a_write_through_a_symlink_changes_the_target() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.yaml");
        let link = dir.path().join("link.yaml");
        std::fs::write(&real, "old").unwrap();
        std::os::unix::fs::symlink(&real, &link).unwrap();
        write_atomic(&link, b"new").unwrap();
        assert!(std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(std::fs::read(&real).unwrap(), b"new");
    }

    #[test]
    fn create_refuses_an_existing_file_without_force() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("out.json");
        create(&p, b"one", false).unwrap();
        let e = create(&p, b"two", false).unwrap_err();
        assert_eq!(refusal(&e), Some(&Refusal::Exists));
        assert_eq!(std::fs::read(&p).unwrap(), b"one");
        create(&p, b"two", true).unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
    }

    #[test]
    fn concurrent_updates_are_never_lost() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("count.txt");
        std::fs::write(&p, "0").unwrap();
        std::thread::scope(|s| {
            for _ in 0..8 {
                s.spawn(|| {
                    for _ in 0..10 {
                        update(&p, |old| {
                            let n: u32 = String::from_utf8(old.unwrap()).unwrap().parse().unwrap();
                            Ok::<_, ()>((Some((n + 1).to_string().into_bytes()), ()))
                        })
                        .unwrap()
                        .unwrap();
                    }
                });
            }
        });
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "80");
    }

    #[test]
    fn no_temporary_file_is_left_behind() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        write_atomic(&p, b"x").unwrap();
        let names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, vec!["a.txt".to_string()]);
    }
}
