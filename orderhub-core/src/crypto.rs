//! Encryption of personal data at rest: AES-256-GCM under keys the integrator supplies.
//!
//! A [`Keyring`] holds one key to write with and any number of keys to read with, each under an id. The id
//! of the key a value was sealed with is stored next to it, so keys can be rotated: add the new key as the
//! write key, keep the old one for reading, and orders are re-encrypted under the new key as they are saved.
//! Without the key, orders load with their personal data marked
//! [`AbsentReason::KeyUnavailable`](crate::domain::AbsentReason::KeyUnavailable).
//!
//! Ciphertext layout: one version byte (`1`), a 96-bit random nonce, then the AES-GCM ciphertext and tag.
//! The order id is the associated data, so a ciphertext moved to another row does not decrypt.

use std::fmt;
use std::sync::Arc;

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use base64::Engine as _;
use rand::RngCore;

const VERSION: u8 = 1;
const NONCE_LEN: usize = 12;
const TAG_LEN: usize = 16;

/// Why sealing or opening personal data failed. Never contains key material or plaintext.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CryptoError {
    /// The key material is not a 256-bit key, or the key id is unusable.
    #[error("invalid encryption key `{key_id}`: {message}")]
    InvalidKey {
        /// The key id.
        key_id: String,
        /// What is wrong.
        message: String,
    },
    /// Authentication failed: the key under this id is not the key the data was sealed with, or the
    /// ciphertext was changed. Check the keys you supply; restore the row from a backup if it was damaged.
    #[error("authentication failed under key `{key_id}`: wrong key for this id, or damaged ciphertext")]
    WrongKeyOrCorrupted {
        /// The key id used.
        key_id: String,
    },
    /// The ciphertext is too short or has an unknown layout version.
    #[error("malformed ciphertext: {detail}")]
    Malformed {
        /// What is wrong.
        detail: String,
    },
    /// Sealing failed.
    #[error("encryption failed under key `{key_id}`")]
    SealFailed {
        /// The key id.
        key_id: String,
    },
}

/// A 256-bit AES key under an id. `Debug` shows the id only.
#[derive(Clone)]
pub struct EncryptionKey {
    id: String,
    cipher: Aes256Gcm,
}

impl EncryptionKey {
    /// A key from 32 raw bytes.
    ///
    /// # Errors
    /// [`CryptoError::InvalidKey`] when the id is empty, longer than 64 characters or not printable ASCII.
    pub fn new(id: impl Into<String>, key: [u8; 32]) -> Result<Self, CryptoError> {
        let id = id.into();
        if id.is_empty() || id.len() > 64 || !id.bytes().all(|b| b.is_ascii_graphic()) {
            return Err(CryptoError::InvalidKey {
                key_id: id.chars().take(64).collect(),
                message: "a key id is 1 to 64 printable ASCII characters without spaces".into(),
            });
        }
        let cipher = Aes256Gcm::new(&key.into());
        Ok(EncryptionKey { id, cipher })
    }

    /// A key from its standard base64 form (44 characters for 32 bytes).
    ///
    /// # Errors
    /// [`CryptoError::InvalidKey`] when the text is not base64 of exactly 32 bytes, or the id is unusable.
    pub fn from_base64(id: impl Into<String>, key: &str) -> Result<Self, CryptoError> {
        let id = id.into();
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(key.trim())
            .map_err(|_| CryptoError::InvalidKey {
                key_id: id.clone(),
                message: "the key is not valid base64".into(),
            })?;
        let key: [u8; 32] = bytes.try_into().map_err(|b: Vec<u8>| CryptoError::InvalidKey {
            key_id: id.clone(),
            message: format!("the key has {} bytes; AES-256 needs 32", b.len()),
        })?;
        Self::new(id, key)
    }

    /// A fresh random key (for tests and first-time setup; store it safely, data sealed under it is lost
    /// without it).
    ///
    /// # Errors
    /// [`CryptoError::InvalidKey`] when the id is unusable.
    pub fn generate(id: impl Into<String>) -> Result<Self, CryptoError> {
        let mut key = [0u8; 32];
        rand::thread_rng().fill_bytes(&mut key);
        Self::new(id, key)
    }

    /// The key id.
    pub fn id(&self) -> &str {
        &self.id
    }

    fn seal(&self, aad: &[u8], plaintext: &[u8]) -> Result<Vec<u8>, CryptoError> {
        let mut nonce = [0u8; NONCE_LEN];
        rand::thread_rng().fill_bytes(&mut nonce);
        let sealed = self
            .cipher
            .encrypt(Nonce::from_slice(&nonce), Payload { msg: plaintext, aad })
            .map_err(|_| CryptoError::SealFailed {
                key_id: self.id.clone(),
            })?;
        let mut out = Vec::with_capacity(1 + NONCE_LEN + sealed.len());
        out.push(VERSION);
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&sealed);
        Ok(out)
    }

    fn open(&self, aad: &[u8], data: &[u8]) -> Result<Vec<u8>, CryptoError> {
        let Some((&version, rest)) = data.split_first() else {
            return Err(CryptoError::Malformed {
                detail: "empty ciphertext".into(),
            });
        };
        if version != VERSION {
            return Err(CryptoError::Malformed {
                detail: format!("unknown layout version {version}"),
            });
        }
        if rest.len() < NONCE_LEN + TAG_LEN {
            return Err(CryptoError::Malformed {
                detail: format!("{} bytes is too short", data.len()),
            });
        }
        let (nonce, sealed) = rest.split_at(NONCE_LEN);
        self.cipher
            .decrypt(Nonce::from_slice(nonce), Payload { msg: sealed, aad })
            .map_err(|_| CryptoError::WrongKeyOrCorrupted {
                key_id: self.id.clone(),
            })
    }
}

impl fmt::Debug for EncryptionKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EncryptionKey")
            .field("id", &self.id)
            .finish_non_exhaustive()
    }
}

/// The keys a store encrypts and decrypts personal data with: one to write, several to read.
#[derive(Clone, Default)]
pub struct Keyring {
    write: Option<Arc<EncryptionKey>>,
    read: Vec<Arc<EncryptionKey>>,
}

impl Keyring {
    /// A keyring that writes (and reads) with `key`.
    pub fn new(key: EncryptionKey) -> Self {
        let key = Arc::new(key);
        Keyring {
            write: Some(key.clone()),
            read: vec![key],
        }
    }

    /// A keyring without keys: personal data loads as unavailable and cannot be written.
    pub fn empty() -> Self {
        Self::default()
    }

    /// Adds a key that is only read with (an older key after rotation).
    #[must_use]
    pub fn with_read_key(mut self, key: EncryptionKey) -> Self {
        self.read.push(Arc::new(key));
        self
    }

    /// The id of the key new data is sealed with, if any.
    pub fn write_key_id(&self) -> Option<&str> {
        self.write.as_deref().map(EncryptionKey::id)
    }

    /// Whether the keyring can read data sealed under `key_id`.
    pub fn can_read(&self, key_id: &str) -> bool {
        self.read.iter().any(|k| k.id == key_id)
    }

    /// Seals `plaintext` bound to `aad` with the write key; `None` without a write key.
    ///
    /// # Errors
    /// [`CryptoError::SealFailed`].
    pub fn seal(&self, aad: &[u8], plaintext: &[u8]) -> Result<Option<(String, Vec<u8>)>, CryptoError> {
        match &self.write {
            Some(key) => Ok(Some((key.id.clone(), key.seal(aad, plaintext)?))),
            None => Ok(None),
        }
    }

    /// Opens data sealed under `key_id`; `None` when the keyring has no key with that id.
    ///
    /// # Errors
    /// [`CryptoError::WrongKeyOrCorrupted`] or [`CryptoError::Malformed`].
    pub fn open(&self, key_id: &str, aad: &[u8], data: &[u8]) -> Result<Option<Vec<u8>>, CryptoError> {
        match self.read.iter().find(|k| k.id == key_id) {
            Some(key) => key.open(aad, data).map(Some),
            None => Ok(None),
        }
    }
}

impl fmt::Debug for Keyring {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Keyring")
            .field("write", &self.write_key_id())
            .field(
                "read",
                &self.read.iter().map(|k| k.id.as_str()).collect::<Vec<_>>(),
            )
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seal_open_round_trip_and_binding() {
        let ring = Keyring::new(EncryptionKey::new("k1", [7u8; 32]).unwrap());
        let (id, sealed) = ring.seal(b"order-1", b"Jane Doe, 1 Main St").unwrap().unwrap();
        assert_eq!(id, "k1");
        assert!(!sealed.windows(4).any(|w| w == b"Jane"));
        assert_eq!(
            ring.open("k1", b"order-1", &sealed).unwrap().unwrap(),
            b"Jane Doe, 1 Main St"
        );
        // Bound to the order id.
        assert_eq!(
            ring.open("k1", b"order-2", &sealed).unwrap_err(),
            CryptoError::WrongKeyOrCorrupted { key_id: "k1".into() }
        );
        // Wrong key under the same id.
        let other = Keyring::new(EncryptionKey::new("k1", [8u8; 32]).unwrap());
        assert!(matches!(
            other.open("k1", b"order-1", &sealed),
            Err(CryptoError::WrongKeyOrCorrupted { .. })
        ));
        // Unknown id: unavailable, not an error.
        assert_eq!(other.open("k0", b"order-1", &sealed).unwrap(), None);
        // Damaged.
        let mut bad = sealed.clone();
        let last = bad.len() - 1;
        bad[last] ^= 1;
        assert!(ring.open("k1", b"order-1", &bad).is_err());
        assert!(matches!(
            ring.open("k1", b"order-1", &sealed[..10]),
            Err(CryptoError::Malformed { .. })
        ));
        assert!(matches!(
            ring.open("k1", b"order-1", &[]),
            Err(CryptoError::Malformed { .. })
        ));
        let mut v2 = sealed;
        v2[0] = 2;
        assert!(matches!(
            ring.open("k1", b"order-1", &v2),
            Err(CryptoError::Malformed { .. })
        ));
    }

    #[test]
    fn rotation_reads_old_writes_new() {
        let old = EncryptionKey::new("2025", [1u8; 32]).unwrap();
        let (_, sealed) = Keyring::new(old.clone()).seal(b"a", b"x").unwrap().unwrap();
        let ring = Keyring::new(EncryptionKey::new("2026", [2u8; 32]).unwrap()).with_read_key(old);
        assert_eq!(ring.write_key_id(), Some("2026"));
        assert_eq!(ring.open("2025", b"a", &sealed).unwrap().unwrap(), b"x");
        assert!(Keyring::empty().seal(b"a", b"x").unwrap().is_none());
    }

    #[test]
    fn keys_never_in_debug_and_validated() {
        let key = EncryptionKey::from_base64(
            "prod",
            &base64::engine::general_purpose::STANDARD.encode([0xAB; 32]),
        )
        .unwrap();
        let s = format!("{key:?} {:?}", Keyring::new(key.clone()));
        assert!(s.contains("prod"));
        assert!(!s.to_lowercase().contains("ab, ") && !s.contains("171"), "{s}");
        assert!(matches!(
            EncryptionKey::from_base64("x", "AAAA"),
            Err(CryptoError::InvalidKey { .. })
        ));
        assert!(matches!(
            EncryptionKey::from_base64("x", "!!"),
            Err(CryptoError::InvalidKey { .. })
        ));
        assert!(matches!(
            EncryptionKey::new("", [0; 32]),
            Err(CryptoError::InvalidKey { .. })
        ));
        assert!(matches!(
            EncryptionKey::new("a b", [0; 32]),
            Err(CryptoError::InvalidKey { .. })
        ));
    }
}
