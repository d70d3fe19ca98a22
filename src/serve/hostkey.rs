//! The server's Ed25519 host key: made once, kept in a file only its owner
//! can read (0600, in a 0700 folder), refused when anyone else could read
//! it. Its fingerprint is what readers check on first connect.

use std::fs::{DirBuilder, OpenOptions};
use std::io::{self, Read, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use russh::keys::ssh_key::LineEnding;
use russh::keys::{Algorithm, HashAlg, PrivateKey};

/// Largest key file read: an OpenSSH Ed25519 key is about 400 bytes.
const MAX_KEY_BYTES: u64 = 16 * 1024;

/// Why the host key cannot be had, in one line.
#[derive(Debug)]
pub struct KeyError(pub String);

/// The key at `path`, made there first if there is none.
///
/// # Errors
/// When the file cannot be read or written, is not a private key, or can
/// be read by anyone but its owner.
pub fn load_or_create(path: &Path) -> Result<PrivateKey, KeyError> {
    let shown = crate::briefing::sanitize::one_line(&path.display().to_string());
    match std::fs::symlink_metadata(path) {
        Ok(_) => load(path, &shown),
        Err(e) if e.kind() == io::ErrorKind::NotFound => create(path, &shown),
        Err(e) => Err(KeyError(format!("{shown}: {e}"))),
    }
}

fn load(path: &Path, shown: &str) -> Result<PrivateKey, KeyError> {
    let fail = |what: String| KeyError(format!("{shown}: {what}"));
    let file = OpenOptions::new()
        .read(true)
        .custom_flags(
            rustix::fs::OFlags::NOFOLLOW.bits().cast_signed()
                | rustix::fs::OFlags::NONBLOCK.bits().cast_signed(),
        )
        .open(path)
        .map_err(|e| fail(e.to_string()))?;
    let meta = file.metadata().map_err(|e| fail(e.to_string()))?;
    if !meta.is_file() {
        return Err(fail("not a regular file".into()));
    }
    let mode = meta.permissions().mode();
    if mode & 0o077 != 0 {
        return Err(fail(format!(
            "readable by others (mode {:o}): a host key must be 0600 (chmod 600)",
            mode & 0o777
        )));
    }
    let mut text = String::new();
    file.take(MAX_KEY_BYTES)
        .read_to_string(&mut text)
        .map_err(|e| fail(e.to_string()))?;
    let key = PrivateKey::from_openssh(&text)
        .map_err(|e| fail(format!("not an OpenSSH private key ({e})")))?;
    if key.is_encrypted() {
        return Err(fail(
            "the key has a passphrase: the server needs it unencrypted".into(),
        ));
    }
    Ok(key)
}

fn create(path: &Path, shown: &str) -> Result<PrivateKey, KeyError> {
    let fail = |what: String| KeyError(format!("{shown}: {what}"));
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
            .map_err(|e| fail(format!("cannot make its folder: {e}")))?;
    }
    let key = PrivateKey::random(&mut rand::rng(), Algorithm::Ed25519)
        .map_err(|e| fail(format!("cannot make a key: {e}")))?;
    let text = key
        .to_openssh(LineEnding::LF)
        .map_err(|e| fail(format!("cannot encode the key: {e}")))?;
    // Created with its final mode, never to be seen by others; never
    // following a link or replacing a file that appeared meanwhile.
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .map_err(|e| fail(format!("cannot write: {e}")))?;
    file.write_all(text.as_bytes())
        .and_then(|()| file.sync_all())
        .map_err(|e| fail(format!("cannot write: {e}")))?;
    Ok(key)
}

/// The key's SHA-256 fingerprint, as `ssh-keygen -l` shows it.
pub fn fingerprint(key: &PrivateKey) -> String {
    key.public_key().fingerprint(HashAlg::Sha256).to_string()
}

/// Where the key lives by default: `$XDG_STATE_HOME/briefing/`, else
/// `~/.local/state/briefing/`.
pub fn default_path() -> Option<PathBuf> {
    crate::dirs::Dirs::from_process()
        .state
        .map(|d| d.join("host_ed25519_key"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("briefing-hostkey-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    #[test]
    fn made_once_private_and_the_same_on_the_next_start() {
        let dir = temp("once");
        let path = dir.join("state").join("key");
        let first = load_or_create(&path).unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        let dir_mode = std::fs::metadata(path.parent().unwrap())
            .unwrap()
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(dir_mode, 0o700);
        let again = load_or_create(&path).unwrap();
        assert_eq!(fingerprint(&first), fingerprint(&again));
        assert!(fingerprint(&first).starts_with("SHA256:"));
        assert_eq!(first.algorithm(), Algorithm::Ed25519);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_key_others_can_read_is_refused() {
        let dir = temp("open");
        let path = dir.join("key");
        load_or_create(&path).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        let e = load_or_create(&path).unwrap_err();
        assert!(e.0.contains("chmod 600"), "{}", e.0);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn garbage_and_special_files_are_refused_with_one_line() {
        let dir = temp("junk");
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("key");
        std::fs::write(&path, "not a key\n").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        let e = load_or_create(&path).unwrap_err();
        assert!(
            e.0.contains("not an OpenSSH private key") && !e.0.contains('\n'),
            "{}",
            e.0
        );
        let e = load_or_create(&dir).unwrap_err();
        assert!(!e.0.contains('\n'), "{}", e.0);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
