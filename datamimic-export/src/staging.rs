//! Output files are written under a short temporary name next to their final one
//! (`.datamimic.PID.HASH.tmp`, whatever the length of the final name) and renamed into place,
//! after an `fsync`, only when the whole run succeeded.
//!
//! A failed run drops its [`Staged`] files, which removes them. An interrupted one (SIGINT,
//! SIGTERM, SIGHUP) removes every file still staged and exits with 128 + the signal number,
//! see [`remove_on_interrupt`]. A killed one (SIGKILL, a crash, a power cut) leaves its file
//! behind; the next run in that directory removes it, see [`sweep`].

use std::collections::BTreeSet;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use anyhow::{Context as _, Result};

/// The temporary files of this process that are neither renamed nor removed yet.
static LIVE: Mutex<BTreeSet<PathBuf>> = Mutex::new(BTreeSet::new());

fn live() -> MutexGuard<'static, BTreeSet<PathBuf>> {
    LIVE.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Directories this run created for its output; an interrupt removes them if empty.
static CREATED_DIRS: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Notes that this run created `dir`, so an interrupt removes it again if nothing else was
/// put there.
pub fn created_dir(dir: &Path) {
    CREATED_DIRS
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
        .push(dir.to_owned());
}

const PREFIX: &str = ".datamimic.";
const SUFFIX: &str = ".tmp";

/// The temporary name of `path` for this process: short (a final name may be as long as the
/// file system allows), hidden, and naming the process so a later run can tell whether it is
/// still alive.
pub fn temp_path(path: &Path) -> PathBuf {
    let name = path.file_name().unwrap_or(path.as_os_str());
    // FNV-1a: two outputs of one process in one directory get different names.
    let hash = name
        .as_encoded_bytes()
        .iter()
        .fold(0xcbf2_9ce4_8422_2325_u64, |h, &b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
    path.with_file_name(format!(
        "{PREFIX}{}.{hash:016x}{SUFFIX}",
        std::process::id()
    ))
}

/// The process that staged the file called `name`, if it is one of ours.
fn staging_process(name: &str) -> Option<u32> {
    let rest = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
    let (pid, hash) = rest.split_once('.')?;
    let hash_ok = hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit());
    hash_ok.then(|| pid.parse().ok()).flatten()
}

/// An output file under its temporary name; removed when dropped uncommitted.
#[derive(Debug)]
pub struct Staged {
    tmp: PathBuf,
    path: PathBuf,
    done: bool,
}

impl Staged {
    /// Reserves the temporary name of `path`; the caller creates the file.
    pub fn new(path: &Path) -> Staged {
        let tmp = temp_path(path);
        live().insert(tmp.clone());
        Staged {
            tmp,
            path: path.to_owned(),
            done: false,
        }
    }

    /// The temporary file.
    pub fn tmp(&self) -> &Path {
        &self.tmp
    }

    /// Flushes the file to disk, renames it to its final name and flushes the directory, so
    /// a crash leaves either the old file or the whole new one.
    pub fn commit(mut self) -> Result<()> {
        let cannot = || format!("cannot write `{}`", self.path.display());
        File::options()
            .write(true)
            .open(&self.tmp)
            .and_then(|file| file.sync_all())
            .with_context(cannot)?;
        {
            // Under the lock: an interrupt either removes the file before or finds it renamed.
            let mut live = live();
            std::fs::rename(&self.tmp, &self.path).with_context(cannot)?;
            live.remove(&self.tmp);
        }
        self.done = true;
        sync_parent(&self.path);
        Ok(())
    }
}

/// Flushes the directory entry of a renamed file. Best effort: some file systems cannot sync
/// a directory, and the file's own data is already on disk.
fn sync_parent(path: &Path) {
    #[cfg(unix)]
    {
        let parent = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        if let Ok(dir) = File::open(parent) {
            let _ = dir.sync_all();
        }
    }
    #[cfg(not(unix))]
    let _ = path;
}

impl Drop for Staged {
    fn drop(&mut self) {
        if !self.done {
            let mut live = live();
            let _ = std::fs::remove_file(&self.tmp);
            live.remove(&self.tmp);
        }
    }
}

/// Removes the staged files of this process and exits with 128 + the signal number (130 for
/// SIGINT, 143 for SIGTERM) when the process is interrupted. Call once, before any output is
/// staged.
#[cfg(unix)]
pub fn remove_on_interrupt() -> Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP])
        .context("cannot install the interrupt handler")?;
    std::thread::Builder::new()
        .name("interrupt".into())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                // The lock is held until the process ends, so no file is renamed meanwhile.
                let live = live();
                for tmp in live.iter() {
                    let _ = std::fs::remove_file(tmp);
                }
                let dirs = CREATED_DIRS
                    .lock()
                    .unwrap_or_else(|poisoned| poisoned.into_inner());
                for dir in dirs.iter() {
                    // Fails, as it should, if the directory is not empty.
                    let _ = std::fs::remove_dir(dir);
                }
                std::process::exit(128 + signal);
            }
        })
        .context("cannot start the interrupt handler")?;
    Ok(())
}

/// Without Unix signals, a console interrupt ends the process as before.
#[cfg(not(unix))]
pub fn remove_on_interrupt() -> Result<()> {
    Ok(())
}

/// Removes the temporary files that processes no longer running left in `dir` (killed,
/// crashed), saying so on standard error.
pub fn sweep(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(staging_process) else {
            continue;
        };
        if pid == std::process::id() || alive(pid) {
            continue;
        }
        let path = entry.path();
        match std::fs::remove_file(&path) {
            Ok(()) => eprintln!(
                "datamimic: removed `{}`, left by an interrupted run (process {pid})",
                path.display()
            ),
            Err(err) => eprintln!(
                "datamimic: warning: cannot remove `{}`, left by an interrupted run (process {pid}): {err}",
                path.display()
            ),
        }
    }
}

/// Whether process `pid` exists (it may belong to someone else: then it is alive too).
#[cfg(unix)]
fn alive(pid: u32) -> bool {
    use nix::errno::Errno;
    let Ok(raw) = i32::try_from(pid) else {
        return true;
    };
    !matches!(
        nix::sys::signal::kill(nix::unistd::Pid::from_raw(raw), None),
        Err(Errno::ESRCH)
    )
}

/// Without a way to ask, every process counts as alive and nothing is swept.
#[cfg(not(unix))]
fn alive(_pid: u32) -> bool {
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporary_names_are_short_and_recognised() {
        let long = "a".repeat(250) + ".csv";
        let tmp = temp_path(&Path::new("out").join(&long));
        let name = tmp.file_name().unwrap().to_str().unwrap();
        assert!(name.len() < 48, "{name}");
        assert_eq!(tmp.parent(), Some(Path::new("out")));
        assert_eq!(staging_process(name), Some(std::process::id()));
        assert_ne!(temp_path(Path::new("a.csv")), temp_path(Path::new("b.csv")));
        for other in [
            ".x.123.tmp",
            ".datamimic.12.zz.tmp",
            "datamimic.1.0000000000000000.tmp",
        ] {
            assert_eq!(staging_process(other), None, "{other}");
        }
    }
}
