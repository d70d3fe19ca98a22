//! Who may read: anyone (the `none` method, so an SSH user without keys
//! gets in at once), or only the public keys of an authorized-keys file.
//! Passwords and keyboard-interactive are never offered.

use std::collections::HashSet;
use std::io::Read;
use std::path::Path;

use russh::keys::ssh_key::AuthorizedKeys;
use russh::keys::ssh_key::public::KeyData;

/// Largest authorized-keys file read.
const MAX_FILE_BYTES: u64 = 1 << 20;

/// Who gets in.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Access {
    /// Anyone.
    #[default]
    Anonymous,
    /// Holders of these keys only.
    Keys(HashSet<KeyData>),
}

impl Access {
    /// The keys in an OpenSSH `authorized_keys` file.
    ///
    /// # Errors
    /// One line: the file cannot be read, or a line is not a key (with its
    /// line number), or it holds no key at all.
    pub fn from_file(path: &Path) -> Result<Self, String> {
        let shown = crate::briefing::sanitize::one_line(&path.display().to_string());
        let mut text = String::new();
        crate::briefing::open(path)
            .and_then(|f| f.take(MAX_FILE_BYTES).read_to_string(&mut text))
            .map_err(|e| format!("{shown}: {e}"))?;
        let mut keys = HashSet::new();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let entry = AuthorizedKeys::new(line)
                .next()
                .transpose()
                .map_err(|e| format!("{shown}:{}: not a public key ({e})", n + 1))?;
            if let Some(entry) = entry {
                keys.insert(entry.public_key().key_data().clone());
            }
        }
        if keys.is_empty() {
            return Err(format!("{shown}: holds no public key"));
        }
        Ok(Self::Keys(keys))
    }

    /// Whether the `none` method lets a client in.
    pub fn anonymous(&self) -> bool {
        matches!(self, Self::Anonymous)
    }

    /// Whether this key may log in.
    pub fn allows(&self, key: &KeyData) -> bool {
        match self {
            Self::Anonymous => true,
            Self::Keys(keys) => keys.contains(key),
        }
    }
}

#[cfg(test)]
mod tests {
    use russh::keys::{Algorithm, PrivateKey};

    use super::*;

    #[test]
    fn only_listed_keys_get_in() {
        let listed = PrivateKey::random(&mut rand::rng(), Algorithm::Ed25519).unwrap();
        let other = PrivateKey::random(&mut rand::rng(), Algorithm::Ed25519).unwrap();
        let dir = std::env::temp_dir().join(format!("briefing-access-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("authorized_keys");
        let line = listed.public_key().to_openssh().unwrap();
        std::fs::write(&path, format!("# readers\n\n{line} alice@example\n")).unwrap();
        let access = Access::from_file(&path).unwrap();
        assert!(!access.anonymous());
        assert!(access.allows(listed.public_key().key_data()));
        assert!(!access.allows(other.public_key().key_data()));
        std::fs::write(&path, "ssh-ed25519 AAAAnotbase64!!\n").unwrap();
        let e = Access::from_file(&path).unwrap_err();
        assert!(e.contains(":1: not a public key"), "{e}");
        std::fs::write(&path, "# nobody\n").unwrap();
        assert!(
            Access::from_file(&path)
                .unwrap_err()
                .contains("no public key")
        );
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(Access::Anonymous.allows(other.public_key().key_data()));
    }
}
