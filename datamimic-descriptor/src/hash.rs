//! DATAMIMIC's `Hash(type, format[, salt])` converter: the digest of a value's UTF-8 text
//! (with `salt` appended when given) as lowercase hex or standard base64, as DATAMIMIC CE's
//! `HashConverter` computes it with Python's `hashlib`.

use base64::Engine as _;
use sha2::Digest;

/// The digests DATAMIMIC's `Hash` converter offers, by their `hashlib` names.
pub const ALGORITHMS: &[&str] = &["md5", "sha1", "sha256", "sha512", "sha3_512"];

/// A digest algorithm.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Algorithm {
    /// `md5`.
    Md5,
    /// `sha1`.
    Sha1,
    /// `sha256`.
    Sha256,
    /// `sha512`.
    Sha512,
    /// `sha3_512`.
    Sha3_512,
}

/// How the digest is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// `hex`: lowercase hexadecimal.
    Hex,
    /// `base64`: standard base64 with padding.
    Base64,
}

/// A checked `Hash(...)` converter.
#[derive(Debug, Clone, PartialEq)]
pub struct HashConverter {
    algorithm: Algorithm,
    encoding: Encoding,
    salt: Option<String>,
}

impl HashConverter {
    /// Checks the algorithm and output format names (either case, as DATAMIMIC accepts).
    pub fn new(algorithm: &str, encoding: &str, salt: Option<String>) -> Result<Self, String> {
        let algorithm = match algorithm.to_ascii_lowercase().as_str() {
            "md5" => Algorithm::Md5,
            "sha1" => Algorithm::Sha1,
            "sha256" => Algorithm::Sha256,
            "sha512" => Algorithm::Sha512,
            "sha3_512" => Algorithm::Sha3_512,
            _ => {
                return Err(format!(
                    "`{algorithm}` is not a hash type; known: {}",
                    ALGORITHMS.join(", ")
                ));
            }
        };
        let encoding = match encoding.to_ascii_lowercase().as_str() {
            "hex" => Encoding::Hex,
            "base64" => Encoding::Base64,
            _ => return Err(format!("`{encoding}` is neither `hex` nor `base64`")),
        };
        Ok(HashConverter {
            algorithm,
            encoding,
            salt,
        })
    }

    /// The digest of `text` (followed by the salt).
    pub fn hash(&self, text: &str) -> String {
        let mut input = text.to_owned();
        if let Some(salt) = &self.salt {
            input.push_str(salt);
        }
        let bytes = input.as_bytes();
        let digest: Vec<u8> = match self.algorithm {
            Algorithm::Md5 => md5::Md5::digest(bytes).to_vec(),
            Algorithm::Sha1 => sha1::Sha1::digest(bytes).to_vec(),
            Algorithm::Sha256 => sha2::Sha256::digest(bytes).to_vec(),
            Algorithm::Sha512 => sha2::Sha512::digest(bytes).to_vec(),
            Algorithm::Sha3_512 => sha3::Sha3_512::digest(bytes).to_vec(),
        };
        match self.encoding {
            Encoding::Hex => digest.iter().map(|b| format!("{b:02x}")).collect(),
            Encoding::Base64 => base64::engine::general_purpose::STANDARD.encode(digest),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hash(algorithm: &str, encoding: &str, text: &str) -> String {
        HashConverter::new(algorithm, encoding, None)
            .unwrap()
            .hash(text)
    }

    #[test]
    fn digests_match_the_published_test_vectors() {
        // RFC 1321, FIPS 180 and FIPS 202 vectors for "abc".
        assert_eq!(
            hash("md5", "hex", "abc"),
            "900150983cd24fb0d6963f7d28e17f72"
        );
        assert_eq!(
            hash("SHA1", "hex", "abc"),
            "a9993e364706816aba3e25717850c26c9cd0d89d"
        );
        assert_eq!(
            hash("sha256", "hex", "abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert!(hash("sha512", "hex", "abc").starts_with("ddaf35a193617aba"));
        assert!(hash("sha3_512", "hex", "abc").starts_with("b751850b1a57168a"));
        assert_eq!(hash("md5", "base64", "abc"), "kAFQmDzST7DWlj99KOF/cg==");
        let salted = HashConverter::new("md5", "hex", Some("c".into())).unwrap();
        assert_eq!(salted.hash("ab"), hash("md5", "hex", "abc"));
    }

    #[test]
    fn unknown_names_are_refused() {
        assert!(
            HashConverter::new("sha384", "hex", None)
                .unwrap_err()
                .contains("known: md5")
        );
        assert!(
            HashConverter::new("md5", "HEX64", None)
                .unwrap_err()
                .contains("neither")
        );
    }
}
