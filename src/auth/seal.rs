//! Bearer tokens that carry their own sealed record, and the KV copy of
//! that record, so that neither the KV store nor a token alone reveals
//! anything, and a token just issued validates in any location without
//! waiting for KV to replicate:
//!
//! - a token is `kmcp_` (so secret scanners can recognize a leaked one)
//!   and URL-safe base64 of: 256 random bits, a nonce, and AES-256-GCM of
//!   the record under a key derived with HKDF-SHA256 from those random
//!   bits and the server secret (`TOKEN_SECRET`), the token's kind as
//!   associated data. Changing any byte makes it fail to open.
//! - its KV key is `{kind}:{hex SHA-256(token)}`: the store never holds
//!   the token itself; the KV value is the record sealed again, under a
//!   key derived from the whole token and the server secret
//!   ([`seal`]/[`open`]).

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use hkdf::Hkdf;
use sha2::{Digest, Sha256};

const TOKEN_PREFIX: &str = "kmcp_";
const NONCE_LEN: usize = 12;
const SALT_LEN: usize = 32;
const TAG_LEN: usize = 16;
const INFO: &[u8] = b"kaltura-mcp sealed record v1";
const TOKEN_INFO: &[u8] = b"kaltura-mcp token v1";
/// Longest token accepted (a sealed grant is a few hundred bytes).
const MAX_TOKEN_LEN: usize = 4096;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SealError {
    #[error("no randomness available: {0}")]
    Random(String),
    #[error("the token does not open this record")]
    Open,
}

fn random<const N: usize>() -> Result<[u8; N], SealError> {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).map_err(|e| SealError::Random(e.to_string()))?;
    Ok(bytes)
}

fn token_cipher(salt: &[u8], server_secret: &[u8]) -> Aes256Gcm {
    let hkdf = Hkdf::<Sha256>::new(Some(salt), server_secret);
    let mut key = [0u8; 32];
    hkdf.expand(TOKEN_INFO, &mut key)
        .expect("32 bytes is a valid HKDF-SHA256 output length");
    Aes256Gcm::new(&key.into())
}

/// A fresh token of `kind` carrying `plaintext`, sealed.
pub fn new_token(kind: &str, server_secret: &[u8], plaintext: &[u8]) -> Result<String, SealError> {
    let salt: [u8; SALT_LEN] = random()?;
    let nonce: [u8; NONCE_LEN] = random()?;
    let sealed = token_cipher(&salt, server_secret)
        .encrypt(
            &Nonce::from(nonce),
            Payload {
                msg: plaintext,
                aad: kind.as_bytes(),
            },
        )
        .map_err(|_| SealError::Open)?;
    let mut bytes = salt.to_vec();
    bytes.extend(nonce);
    bytes.extend(sealed);
    Ok(format!("{TOKEN_PREFIX}{}", URL_SAFE_NO_PAD.encode(bytes)))
}

/// What a token of `kind` carries; any changed byte, another kind or
/// another server secret fails.
pub fn open_token(kind: &str, server_secret: &[u8], token: &str) -> Result<Vec<u8>, SealError> {
    if !looks_like_token(token) {
        return Err(SealError::Open);
    }
    let body = &token[TOKEN_PREFIX.len()..];
    let bytes = URL_SAFE_NO_PAD.decode(body).map_err(|_| SealError::Open)?;
    // Re-encoding must give the token back: no two spellings of one token.
    if URL_SAFE_NO_PAD.encode(&bytes) != body || bytes.len() < SALT_LEN + NONCE_LEN + TAG_LEN {
        return Err(SealError::Open);
    }
    let (salt, rest) = bytes.split_at(SALT_LEN);
    let (nonce, sealed) = rest.split_at(NONCE_LEN);
    let nonce: [u8; NONCE_LEN] = nonce.try_into().map_err(|_| SealError::Open)?;
    token_cipher(salt, server_secret)
        .decrypt(
            &Nonce::from(nonce),
            Payload {
                msg: sealed,
                aad: kind.as_bytes(),
            },
        )
        .map_err(|_| SealError::Open)
}

/// Whether `text` has a token's shape (checked before anything else).
pub fn looks_like_token(text: &str) -> bool {
    text.len() <= MAX_TOKEN_LEN
        && text.strip_prefix(TOKEN_PREFIX).is_some_and(|rest| {
            rest.len() >= 80
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
    let nonce: [u8; NONCE_LEN] = random()?;
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
    fn tokens_carry_their_record_sealed_and_open_only_as_issued() {
        let a = new_token("token", SECRET, b"grant for partner 4815162").unwrap();
        let b = new_token("token", SECRET, b"grant for partner 4815162").unwrap();
        assert_ne!(a, b);
        assert!(looks_like_token(&a), "{a}");
        assert!(!looks_like_token("kmcp_short"));
        assert!(!looks_like_token(&a.replace("kmcp_", "xxxx_")));
        assert_eq!(
            open_token("token", SECRET, &a).unwrap(),
            b"grant for partner 4815162"
        );
        assert_eq!(
            open_token("refresh", SECRET, &a),
            Err(SealError::Open),
            "another kind"
        );
        assert_eq!(
            open_token("token", b"another secret", &a),
            Err(SealError::Open)
        );
        let body = &a["kmcp_".len()..];
        for index in 0..body.len() {
            let mut chars: Vec<char> = body.chars().collect();
            chars[index] = if chars[index] == 'A' { 'B' } else { 'A' };
            let tampered = format!("kmcp_{}", chars.into_iter().collect::<String>());
            assert_eq!(
                open_token("token", SECRET, &tampered),
                Err(SealError::Open),
                "character {index}"
            );
        }
        assert!(kv_key("token", &a).starts_with("token:"));
        assert!(!kv_key("token", &a).contains(&a[5..40]));
    }

    #[test]
    fn a_record_opens_only_with_its_token_key_and_secret() {
        let token = new_token("token", SECRET, b"x").unwrap();
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
        let other = new_token("token", SECRET, b"x").unwrap();
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
