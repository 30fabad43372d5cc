//! Opaque bearer tokens and the records they open, sealed so that the KV
//! store alone reveals nothing:
//!
//! - a token is 256 random bits, URL-safe base64, with a `kmcp_` prefix
//!   (so secret scanners can recognize a leaked one);
//! - its KV key is `{kind}:{hex SHA-256(token)}`: the store never holds
//!   the token itself;
//! - its value is AES-256-GCM over the record, under a key derived with
//!   HKDF-SHA256 from the token and the server secret, with the KV key as
//!   associated data and a random nonce in front. Without the token the
//!   value cannot be opened; without the server secret neither.

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use hkdf::Hkdf;
use sha2::{Digest, Sha256};

const TOKEN_PREFIX: &str = "kmcp_";
const NONCE_LEN: usize = 12;
const INFO: &[u8] = b"kaltura-mcp sealed record v1";

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SealError {
    #[error("no randomness available: {0}")]
    Random(String),
    #[error("the token does not open this record")]
    Open,
}

/// A fresh token.
pub fn new_token() -> Result<String, SealError> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| SealError::Random(e.to_string()))?;
    Ok(format!("{TOKEN_PREFIX}{}", URL_SAFE_NO_PAD.encode(bytes)))
}

/// Whether `text` has a token's shape (checked before any KV read).
pub fn looks_like_token(text: &str) -> bool {
    text.strip_prefix(TOKEN_PREFIX).is_some_and(|rest| {
        rest.len() == 43
            && rest
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    })
}

/// The KV key of a token's record of `kind` (`token`, `refresh`, `code`).
pub fn kv_key(kind: &str, token: &str) -> String {
    let digest = Sha256::digest(token.as_bytes());
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    format!("{kind}:{hex}")
}

fn cipher(token: &str, server_secret: &[u8]) -> Aes256Gcm {
    let hkdf = Hkdf::<Sha256>::new(Some(server_secret), token.as_bytes());
    let mut key = [0u8; 32];
    hkdf.expand(INFO, &mut key)
        .expect("32 bytes is a valid HKDF-SHA256 output length");
    Aes256Gcm::new(&key.into())
}

/// Seals `plaintext` for `token`, bound to its KV key.
pub fn seal(
    token: &str,
    key: &str,
    server_secret: &[u8],
    plaintext: &[u8],
) -> Result<Vec<u8>, SealError> {
    let mut nonce = [0u8; NONCE_LEN];
    getrandom::fill(&mut nonce).map_err(|e| SealError::Random(e.to_string()))?;
    let sealed = cipher(token, server_secret)
        .encrypt(
            &Nonce::from(nonce),
            Payload {
                msg: plaintext,
                aad: key.as_bytes(),
            },
        )
        .map_err(|_| SealError::Open)?;
    let mut out = nonce.to_vec();
    out.extend(sealed);
    Ok(out)
}

/// Opens what [`seal`] made; any other token, key, secret or a changed
/// byte fails.
pub fn open(
    token: &str,
    key: &str,
    server_secret: &[u8],
    sealed: &[u8],
) -> Result<Vec<u8>, SealError> {
    if sealed.len() < NONCE_LEN + 16 {
        return Err(SealError::Open);
    }
    let (nonce, body) = sealed.split_at(NONCE_LEN);
    let nonce: [u8; NONCE_LEN] = nonce.try_into().map_err(|_| SealError::Open)?;
    cipher(token, server_secret)
        .decrypt(
            &Nonce::from(nonce),
            Payload {
                msg: body,
                aad: key.as_bytes(),
            },
        )
        .map_err(|_| SealError::Open)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &[u8] = b"server secret for tests, 32 bytes!";

    #[test]
    fn tokens_are_random_url_safe_and_recognizable() {
        let a = new_token().unwrap();
        let b = new_token().unwrap();
        assert_ne!(a, b);
        assert!(looks_like_token(&a), "{a}");
        assert!(!looks_like_token("kmcp_short"));
        assert!(!looks_like_token(&a.replace("kmcp_", "xxxx_")));
        assert!(kv_key("token", &a).starts_with("token:"));
        assert!(!kv_key("token", &a).contains(&a[5..]));
    }

    #[test]
    fn a_record_opens_only_with_its_token_key_and_secret() {
        let token = new_token().unwrap();
        let key = kv_key("token", &token);
        let sealed = seal(&token, &key, SECRET, b"partner 4815162 secret abc").unwrap();
        assert!(
            !sealed.windows(7).any(|w| w == b"4815162"),
            "nothing in clear"
        );
        assert_eq!(
            open(&token, &key, SECRET, &sealed).unwrap(),
            b"partner 4815162 secret abc"
        );
        let other = new_token().unwrap();
        assert_eq!(open(&other, &key, SECRET, &sealed), Err(SealError::Open));
        assert_eq!(
            open(&token, "token:other", SECRET, &sealed),
            Err(SealError::Open)
        );
        assert_eq!(
            open(&token, &key, b"another secret", &sealed),
            Err(SealError::Open)
        );
        for index in 0..sealed.len() {
            let mut tampered = sealed.clone();
            tampered[index] ^= 1;
            assert_eq!(
                open(&token, &key, SECRET, &tampered),
                Err(SealError::Open),
                "byte {index}"
            );
        }
        assert_eq!(
            open(&token, &key, SECRET, &sealed[..10]),
            Err(SealError::Open)
        );
    }
}
