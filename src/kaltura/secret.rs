//! Secrets that must never be printed: the partner's admin secret and a KS
//! (a KS is a bearer credential). `Debug` and `Display` show a redaction,
//! so a `{:?}` in a log line or an error cannot leak one.

use std::fmt;

macro_rules! redacted_string {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, PartialEq, Eq)]
        pub struct $name(String);

        impl $name {
            pub fn new(value: impl Into<String>) -> Self {
                $name(value.into())
            }

            /// The secret itself, for the wire only.
            pub fn expose(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!(stringify!($name), "(<redacted>)"))
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("<redacted>")
            }
        }
    };
}

redacted_string!(
    /// A partner's admin (or user) secret, used to sign KSs locally.
    AdminSecret
);
redacted_string!(
    /// A Kaltura Session token.
    Ks
);
redacted_string!(
    /// The server's own secret (`TOKEN_SECRET`), from which token keys are derived.
    ServerSecret
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_never_print() {
        let secret = AdminSecret::new("0123456789abcdef");
        let ks = Ks::new("djJ8MTIzNDU2N3xxx");
        let printed = format!("{secret:?} {secret} {ks:?} {ks}");
        assert!(!printed.contains("0123456789abcdef"), "{printed}");
        assert!(!printed.contains("djJ8"), "{printed}");
        assert_eq!(ks.expose(), "djJ8MTIzNDU2N3xxx");
    }
}
