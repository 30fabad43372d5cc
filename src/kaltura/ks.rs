//! KS (Kaltura Session) v2: generated locally from partner id + admin
//! secret, byte-compatible with Kaltura's own `generateSessionV2`, and
//! parsed (v1 and v2) for the simulator and for describing a user-supplied
//! KS. See ../shared/reference/kaltura-api.md §2 for the format.

use aes::cipher::{BlockCipherDecrypt, BlockCipherEncrypt, KeyInit};
use aes::{Aes128, Block};
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use sha1::{Digest, Sha1};

use super::ids::PartnerId;
use super::secret::{AdminSecret, Ks};

const V2_PREFIX: &[u8] = b"v2|";
const SHA1_LEN: usize = 20;
const RANDOM_LEN: usize = 16;
const BLOCK_LEN: usize = 16;

/// `_t` in a KS: 0 user, 2 admin (any other non-zero value reads as admin).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionType {
    User,
    Admin,
}

impl SessionType {
    pub fn wire_value(self) -> u8 {
        match self {
            SessionType::User => 0,
            SessionType::Admin => 2,
        }
    }
}

/// What to put in a new KS.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KsSpec {
    pub partner_id: PartnerId,
    pub session_type: SessionType,
    /// `""` for none.
    pub user_id: String,
    /// Kaltura privilege string, e.g. `disableentitlement,sview:*`.
    pub privileges: String,
    /// Absolute expiry, unix seconds.
    pub expires_at: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KsVersion {
    V1,
    V2,
}

/// A KS's decoded content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KsInfo {
    pub version: KsVersion,
    pub partner_id: PartnerId,
    pub session_type: SessionType,
    pub user_id: String,
    pub expires_at: u64,
    /// Privileges in order, `(name, value)`; value `""` when absent.
    pub privileges: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KsError {
    #[error("the KS is not a valid Kaltura session string")]
    Malformed,
    #[error("the KS signature does not match the partner's secret")]
    BadSignature,
    #[error("the KS could not be generated: {0}")]
    Generate(String),
}

/// A new KS v2 with 16 fresh random bytes.
pub fn generate(spec: &KsSpec, secret: &AdminSecret) -> Result<Ks, KsError> {
    let mut random = [0u8; 16];
    getrandom::fill(&mut random).map_err(|error| KsError::Generate(error.to_string()))?;
    Ok(generate_with_random(spec, secret, random))
}

/// Deterministic KS v2 generation (test vectors).
pub fn generate_with_random(spec: &KsSpec, secret: &AdminSecret, random: [u8; 16]) -> Ks {
    let mut fields: Vec<(String, String)> = Vec::new();
    for (name, value) in parse_privileges(&spec.privileges) {
        // PHP arrays keep the first position of a key and the last value.
        match fields.iter_mut().find(|(known, _)| *known == name) {
            Some(slot) => slot.1 = value,
            None => fields.push((name, value)),
        }
    }
    fields.push(("_e".into(), spec.expires_at.to_string()));
    fields.push(("_t".into(), spec.session_type.wire_value().to_string()));
    fields.push(("_u".into(), spec.user_id.clone()));

    let mut signed = random.to_vec();
    signed.extend_from_slice(form_encode(&fields).as_bytes());
    let mut plaintext = Sha1::digest(&signed).to_vec();
    plaintext.extend_from_slice(&signed);

    let mut blob = format!("v2|{}|", spec.partner_id.get()).into_bytes();
    blob.extend_from_slice(&cbc_encrypt(&cipher_for(secret), plaintext));
    let text = STANDARD.encode(blob).replace('+', "-").replace('/', "_");
    Ks::new(text)
}

/// The partner a KS claims, read without any secret (to pick which secret
/// to verify with). Says nothing about validity.
pub fn claimed_partner(ks: &str) -> Result<PartnerId, KsError> {
    let raw = decode_base64(ks)?;
    let field = if let Some(rest) = raw.strip_prefix(V2_PREFIX) {
        rest.split(|&byte| byte == b'|').next()
    } else {
        let (_, info) = split_v1(&raw)?;
        info.split(';').next().map(str::as_bytes)
    };
    field
        .and_then(|bytes| std::str::from_utf8(bytes).ok())
        .and_then(|text| text.parse().ok())
        .ok_or(KsError::Malformed)
}

/// Decodes and verifies a v1 or v2 KS against any of the partner's
/// secrets. Expiry is *not* checked here: callers compare `expires_at`.
pub fn parse(ks: &str, secrets: &[AdminSecret]) -> Result<KsInfo, KsError> {
    let raw = decode_base64(ks)?;
    match raw.strip_prefix(V2_PREFIX) {
        Some(rest) => parse_v2(rest, secrets),
        None => parse_v1(&raw, secrets),
    }
}

/// The privilege list as Kaltura's `session.get` shows it (`all:*` as `*`).
pub fn privileges_string(privileges: &[(String, String)]) -> String {
    let shown: Vec<String> = privileges
        .iter()
        .map(|(name, value)| match (name.as_str(), value.as_str()) {
            ("all", "*") => "*".to_owned(),
            (_, "") => name.clone(),
            _ => format!("{name}:{value}"),
        })
        .collect();
    shown.join(",")
}

fn parse_v2(rest: &[u8], secrets: &[AdminSecret]) -> Result<KsInfo, KsError> {
    let mut parts = rest.splitn(2, |&byte| byte == b'|');
    let partner: PartnerId = parts
        .next()
        .and_then(|bytes| std::str::from_utf8(bytes).ok())
        .and_then(|text| text.parse().ok())
        .ok_or(KsError::Malformed)?;
    let ciphertext = parts.next().ok_or(KsError::Malformed)?;
    if ciphertext.is_empty() || ciphertext.len() % BLOCK_LEN != 0 {
        return Err(KsError::Malformed);
    }
    let fields = secrets
        .iter()
        .find_map(|secret| open_v2(&cipher_for(secret), ciphertext))
        .ok_or(KsError::BadSignature)?;

    let mut info = KsInfo {
        version: KsVersion::V2,
        partner_id: partner,
        session_type: SessionType::User,
        user_id: String::new(),
        expires_at: 0,
        privileges: Vec::new(),
    };
    let mut saw_expiry = false;
    for (name, value) in form_decode(&fields) {
        match name.as_str() {
            "_e" => {
                info.expires_at = value.parse().map_err(|_| KsError::Malformed)?;
                saw_expiry = true;
            }
            "_t" => info.session_type = session_type(&value)?,
            "_u" => info.user_id = value,
            "_m" | "_d" => {}
            _ => info.privileges.push((name, value)),
        }
    }
    if !saw_expiry {
        return Err(KsError::Malformed);
    }
    Ok(info)
}

/// Decrypts and checks the hash; `None` when this secret is not the one.
fn open_v2(cipher: &Aes128, ciphertext: &[u8]) -> Option<String> {
    let mut plaintext = cbc_decrypt(cipher, ciphertext);
    while plaintext.last() == Some(&0) {
        plaintext.pop();
    }
    if plaintext.len() < SHA1_LEN + RANDOM_LEN {
        return None;
    }
    let (hash, signed) = plaintext.split_at(SHA1_LEN);
    if Sha1::digest(signed).as_slice() != hash {
        return None;
    }
    String::from_utf8(signed[RANDOM_LEN..].to_vec()).ok()
}

fn parse_v1(raw: &[u8], secrets: &[AdminSecret]) -> Result<KsInfo, KsError> {
    let (signature, info) = split_v1(raw)?;
    let fields: Vec<&str> = info.split(';').collect();
    if fields.len() < 3 {
        return Err(KsError::Malformed);
    }
    let signed_by_one = secrets.iter().any(|secret| {
        let digest = Sha1::digest(format!("{}{info}", secret.expose()).as_bytes());
        hex(&digest).eq_ignore_ascii_case(signature)
    });
    if !signed_by_one {
        return Err(KsError::BadSignature);
    }
    let field = |index: usize| fields.get(index).copied().unwrap_or("");
    Ok(KsInfo {
        version: KsVersion::V1,
        partner_id: field(0).parse().map_err(|_| KsError::Malformed)?,
        session_type: session_type(field(3))?,
        user_id: field(5).to_owned(),
        expires_at: field(2).parse().map_err(|_| KsError::Malformed)?,
        privileges: parse_privileges(field(6)),
    })
}

/// `sig|info`, both text.
fn split_v1(raw: &[u8]) -> Result<(&str, &str), KsError> {
    let text = std::str::from_utf8(raw).map_err(|_| KsError::Malformed)?;
    text.split_once('|').ok_or(KsError::Malformed)
}

fn session_type(value: &str) -> Result<SessionType, KsError> {
    match value.parse::<i64>() {
        Ok(0) => Ok(SessionType::User),
        Ok(_) => Ok(SessionType::Admin),
        Err(_) => Err(KsError::Malformed),
    }
}

/// Kaltura's privilege syntax: `name[:value]` items, comma-separated,
/// `*` alone meaning `all:*`.
fn parse_privileges(text: &str) -> Vec<(String, String)> {
    text.split(',')
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .map(|item| {
            let item = if item == "*" { "all:*" } else { item };
            match item.split_once(':') {
                Some((name, value)) => (name.to_owned(), value.to_owned()),
                None => (item.to_owned(), String::new()),
            }
        })
        .collect()
}

/// URL-safe or standard base64, padded or not (clients trim padding).
fn decode_base64(ks: &str) -> Result<Vec<u8>, KsError> {
    let mut text: String = ks
        .trim()
        .chars()
        .map(|c| match c {
            '-' => '+',
            '_' => '/',
            other => other,
        })
        .collect();
    while text.len() % 4 != 0 {
        text.push('=');
    }
    STANDARD.decode(text).map_err(|_| KsError::Malformed)
}

fn cipher_for(secret: &AdminSecret) -> Aes128 {
    let digest = Sha1::digest(secret.expose().as_bytes());
    let mut key = [0u8; 16];
    key.copy_from_slice(&digest[..16]);
    Aes128::new(&key.into())
}

/// AES-128-CBC, zero IV, zero-byte padding (not PKCS#7), as PHP's
/// `openssl_encrypt(..., OPENSSL_RAW_DATA | OPENSSL_ZERO_PADDING)` after
/// Kaltura pads by hand.
fn cbc_encrypt(cipher: &Aes128, mut plaintext: Vec<u8>) -> Vec<u8> {
    let padded = plaintext.len().div_ceil(BLOCK_LEN) * BLOCK_LEN;
    plaintext.resize(padded, 0);
    let mut previous = [0u8; BLOCK_LEN];
    for chunk in plaintext.chunks_mut(BLOCK_LEN) {
        let mut block = Block::default();
        for (out, (byte, chained)) in block.iter_mut().zip(chunk.iter().zip(previous)) {
            *out = byte ^ chained;
        }
        cipher.encrypt_block(&mut block);
        chunk.copy_from_slice(&block);
        previous.copy_from_slice(&block);
    }
    plaintext
}

fn cbc_decrypt(cipher: &Aes128, ciphertext: &[u8]) -> Vec<u8> {
    let mut plaintext = Vec::with_capacity(ciphertext.len());
    let mut previous = [0u8; BLOCK_LEN];
    for chunk in ciphertext.chunks_exact(BLOCK_LEN) {
        let mut block = Block::default();
        block.copy_from_slice(chunk);
        cipher.decrypt_block(&mut block);
        plaintext.extend(
            block
                .iter()
                .zip(previous)
                .map(|(byte, chained)| byte ^ chained),
        );
        previous.copy_from_slice(chunk);
    }
    plaintext
}

/// PHP `http_build_query`: `[A-Za-z0-9._-]` kept, space as `+`, every
/// other byte `%XX` in upper case.
fn form_encode(fields: &[(String, String)]) -> String {
    let encode = |text: &str| -> String {
        let mut out = String::with_capacity(text.len());
        for &byte in text.as_bytes() {
            match byte {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'.' | b'_' | b'-' => {
                    out.push(byte as char)
                }
                b' ' => out.push('+'),
                _ => out.push_str(&format!("%{byte:02X}")),
            }
        }
        out
    };
    let pairs: Vec<String> = fields
        .iter()
        .map(|(name, value)| format!("{}={}", encode(name), encode(value)))
        .collect();
    pairs.join("&")
}

/// PHP `parse_str` for flat keys: `+` is a space, `%XX` a byte.
fn form_decode(text: &str) -> Vec<(String, String)> {
    let decode = |part: &str| -> String {
        let bytes = part.as_bytes();
        let mut out = Vec::with_capacity(bytes.len());
        let mut index = 0;
        while index < bytes.len() {
            let escaped = bytes
                .get(index + 1..index + 3)
                .and_then(|pair| std::str::from_utf8(pair).ok())
                .and_then(|pair| u8::from_str_radix(pair, 16).ok());
            match (bytes[index], escaped) {
                (b'%', Some(byte)) => {
                    out.push(byte);
                    index += 3;
                    continue;
                }
                (b'+', _) => out.push(b' '),
                (other, _) => out.push(other),
            }
            index += 1;
        }
        String::from_utf8_lossy(&out).into_owned()
    };
    text.split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| match pair.split_once('=') {
            Some((name, value)) => (decode(name), decode(value)),
            None => (decode(pair), String::new()),
        })
        .collect()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

#[cfg(test)]
#[path = "ks_tests.rs"]
mod tests;
