//! The SSH server's settings: modern algorithms only (no finite-field
//! Diffie-Hellman, no compression, strict key exchange), logins by `none` or
//! public key only, small windows and queues, keepalives.

use std::borrow::Cow;
use std::sync::Arc;
use std::time::Duration;

use russh::keys::{Algorithm, PrivateKey};
use russh::server::Config;
use russh::{MethodKind, MethodSet, Preferred, SshId, compression, kex};

/// Key exchanges offered: post-quantum hybrid and X25519; the strict-kex and
/// extension markers (Terrapin mitigation). No Diffie-Hellman groups.
const KEX: &[kex::Name] = &[
    kex::MLKEM768X25519_SHA256,
    kex::CURVE25519,
    kex::CURVE25519_PRE_RFC_8731,
    kex::EXTENSION_SUPPORT_AS_SERVER,
    kex::EXTENSION_OPENSSH_STRICT_KEX_AS_SERVER,
];

/// The server's configuration with `key` as its host key.
pub fn config(key: PrivateKey, login: Duration) -> Arc<Config> {
    let preferred = Preferred {
        kex: Cow::Borrowed(KEX),
        key: Cow::Borrowed(&[Algorithm::Ed25519]),
        compression: Cow::Borrowed(&[compression::NONE]),
        ..Preferred::default()
    };
    Arc::new(Config {
        server_id: SshId::Standard(Cow::Borrowed("SSH-2.0-briefing")),
        methods: MethodSet::from(&[MethodKind::None, MethodKind::PublicKey][..]),
        auth_rejection_time: Duration::from_millis(500),
        // OpenSSH asks with `none` first: answer that at once.
        auth_rejection_time_initial: Some(Duration::ZERO),
        keys: vec![key],
        // A reader needs little input: a small window keeps a flood small.
        window_size: 64 * 1024,
        maximum_packet_size: 32 * 1024,
        channel_buffer_size: 16,
        event_buffer_size: 4,
        preferred,
        max_auth_attempts: 3,
        // Also bounds a socket write the client does not take.
        inactivity_timeout: Some(Duration::from_secs(120).max(login)),
        keepalive_interval: Some(Duration::from_secs(30)),
        keepalive_max: 3,
        nodelay: true,
        ..Config::default()
    })
}
