//! One reader as the load client drives it: a russh client that logs in
//! with `none`, asks for a pty and a shell, and times each key to the first
//! byte of its answer and to the end of its frame (the end of the
//! synchronized update, `ESC[?2026l`, which closes every frame).

use std::net::{IpAddr, SocketAddr};
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use memchr::memmem;
use russh::client;
use russh::keys::PublicKeyOrCertificate;
use russh::{Channel, ChannelMsg};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpSocket, TcpStream};

/// The end of a synchronized update: the last bytes of every frame.
pub const FRAME_END: &[u8] = b"\x1b[?2026l";

/// Where the readers connect, and as whom.
#[derive(Debug, Clone)]
pub struct Target {
    pub addr: SocketAddr,
    pub user: String,
}

/// Accepts any host key: loopback, a throw-away key.
pub struct Trusting;

impl client::Handler for Trusting {
    type Error = russh::Error;

    async fn check_server_key(
        &mut self,
        _key: &PublicKeyOrCertificate,
    ) -> Result<bool, Self::Error> {
        Ok(true)
    }
}

/// Bytes on the TCP connection, both ways (SSH packets, MACs and all).
#[derive(Debug, Default)]
pub struct Wire {
    pub read: AtomicU64,
    pub written: AtomicU64,
}

/// A TCP stream that counts its bytes into a [`Wire`].
struct Counted {
    inner: TcpStream,
    wire: Arc<Wire>,
}

impl AsyncRead for Counted {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        let this = self.get_mut();
        let before = buf.filled().len();
        let result = Pin::new(&mut this.inner).poll_read(cx, buf);
        let read = buf.filled().len() - before;
        this.wire.read.fetch_add(read as u64, Ordering::Relaxed);
        result
    }
}

impl AsyncWrite for Counted {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        let this = self.get_mut();
        let result = Pin::new(&mut this.inner).poll_write(cx, buf);
        if let Poll::Ready(Ok(n)) = result {
            this.wire.written.fetch_add(n as u64, Ordering::Relaxed);
        }
        result
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_shutdown(cx)
    }
}

/// One key's answer: when it was sent, how long to the first byte and to
/// the end of the frame, and the channel bytes of that frame.
#[derive(Debug, Clone, Copy)]
pub struct KeyTime {
    pub sent: Instant,
    pub first: Duration,
    pub end: Duration,
    pub bytes: u64,
}

/// What one key cost in bytes: channel data down, and TCP bytes both ways.
#[derive(Debug, Clone, Copy, Default)]
pub struct KeyBytes {
    pub data: u64,
    pub wire_down: u64,
    pub wire_up: u64,
}

/// A logged-in reader at its first frame.
pub struct Reader {
    handle: client::Handle<Trusting>,
    channel: Channel<client::Msg>,
    pub wire: Arc<Wire>,
    /// The last bytes seen, so an end marker split across two packets is
    /// found.
    carry: Vec<u8>,
}

impl Reader {
    /// Connects (from `source`, when given), logs in, opens a pty of
    /// `size` and a shell, and waits for the first frame's end; returns
    /// the reader and the time from starting to connect to that end.
    ///
    /// # Errors
    /// What failed, in a few words.
    pub async fn open(
        target: &Target,
        source: Option<IpAddr>,
        size: (u32, u32),
        within: Duration,
    ) -> Result<(Self, Duration), String> {
        let start = Instant::now();
        let opened = tokio::time::timeout(within, Self::login(target, source, size))
            .await
            .map_err(|_| "no first frame in time".to_string())?;
        let mut reader = opened?;
        let deadline = start + within;
        reader.frame(deadline).await?;
        Ok((reader, start.elapsed()))
    }

    async fn login(
        target: &Target,
        source: Option<IpAddr>,
        (cols, rows): (u32, u32),
    ) -> Result<Self, String> {
        let socket = if target.addr.is_ipv4() {
            TcpSocket::new_v4()
        } else {
            TcpSocket::new_v6()
        }
        .map_err(|e| format!("socket: {e}"))?;
        if let Some(ip) = source {
            socket
                .bind(SocketAddr::new(ip, 0))
                .map_err(|e| format!("bind: {e}"))?;
        }
        let stream = socket
            .connect(target.addr)
            .await
            .map_err(|e| format!("connect: {e}"))?;
        let _ = stream.set_nodelay(true);
        let wire = Arc::new(Wire::default());
        let config = Arc::new(client::Config {
            nodelay: true,
            ..client::Config::default()
        });
        let counted = Counted {
            inner: stream,
            wire: Arc::clone(&wire),
        };
        let mut handle = client::connect_stream(config, counted, Trusting)
            .await
            .map_err(|e| format!("handshake: {e}"))?;
        let auth = handle
            .authenticate_none(target.user.clone())
            .await
            .map_err(|e| format!("login: {e}"))?;
        if !auth.success() {
            return Err("login refused".into());
        }
        let channel = handle
            .channel_open_session()
            .await
            .map_err(|e| format!("session: {e}"))?;
        let failed = |e: russh::Error| format!("request: {e}");
        channel
            .set_env(false, "LANG", "C.UTF-8")
            .await
            .map_err(failed)?;
        channel
            .request_pty(false, "xterm-256color", cols, rows, 0, 0, &[])
            .await
            .map_err(failed)?;
        channel.request_shell(false).await.map_err(failed)?;
        Ok(Self {
            handle,
            channel,
            wire,
            carry: Vec::new(),
        })
    }

    /// How many frame ends `data` completes.
    fn ends(&mut self, data: &[u8]) -> usize {
        let mut joined = std::mem::take(&mut self.carry);
        joined.extend_from_slice(data);
        let found = memmem::find_iter(&joined, FRAME_END).count();
        // Fewer bytes than a marker: a marker found is never counted twice.
        let keep = joined.len().saturating_sub(FRAME_END.len() - 1);
        self.carry = joined[keep..].to_vec();
        found
    }

    /// Reads until a frame ends; returns when its first and last bytes
    /// came, and its channel bytes.
    async fn frame(&mut self, deadline: Instant) -> Result<(Instant, Instant, u64), String> {
        let mut first = None;
        let mut bytes = 0;
        loop {
            let msg = tokio::time::timeout_at(deadline.into(), self.channel.wait())
                .await
                .map_err(|_| "no frame in time".to_string())?;
            match msg {
                Some(ChannelMsg::Data { data }) => {
                    let now = Instant::now();
                    let first = *first.get_or_insert(now);
                    bytes += data.len() as u64;
                    if self.ends(&data) > 0 {
                        return Ok((first, now, bytes));
                    }
                }
                Some(ChannelMsg::ExitStatus { exit_status }) => {
                    return Err(format!("the session ended (status {exit_status})"));
                }
                Some(ChannelMsg::Eof | ChannelMsg::Close) | None => {
                    return Err("the session ended".into());
                }
                Some(_) => {}
            }
        }
    }

    /// Types `key` and waits for its frame, at most `within`.
    ///
    /// # Errors
    /// No frame in time, or the session ended.
    pub async fn key(&mut self, key: &[u8], within: Duration) -> Result<KeyTime, String> {
        let sent = Instant::now();
        self.channel
            .data(key)
            .await
            .map_err(|e| format!("send: {e}"))?;
        let (first, end, bytes) = self.frame(sent + within).await?;
        Ok(KeyTime {
            sent,
            first: first - sent,
            end: end - sent,
            bytes,
        })
    }

    /// Types `key` and counts what comes back until a frame ends or
    /// nothing more comes for `quiet` (a key that changes nothing).
    ///
    /// # Errors
    /// The session ended.
    pub async fn key_bytes(&mut self, key: &[u8], quiet: Duration) -> Result<KeyBytes, String> {
        let (down, up) = (
            self.wire.read.load(Ordering::Relaxed),
            self.wire.written.load(Ordering::Relaxed),
        );
        self.channel
            .data(key)
            .await
            .map_err(|e| format!("send: {e}"))?;
        let mut data = 0;
        loop {
            match tokio::time::timeout(quiet, self.channel.wait()).await {
                Err(_) => break,
                Ok(Some(ChannelMsg::Data { data: bytes })) => {
                    data += bytes.len() as u64;
                    if self.ends(&bytes) > 0 {
                        break;
                    }
                }
                Ok(Some(ChannelMsg::Eof | ChannelMsg::Close) | None) => {
                    return Err("the session ended".into());
                }
                Ok(Some(_)) => {}
            }
        }
        // The TCP bytes of the answer may trail the decrypted data by a
        // moment (the client's own ack of window and the like): settle.
        tokio::time::sleep(Duration::from_millis(20)).await;
        Ok(KeyBytes {
            data,
            wire_down: self.wire.read.load(Ordering::Relaxed) - down,
            wire_up: self.wire.written.load(Ordering::Relaxed) - up,
        })
    }

    /// Waits until `until`, reading whatever comes (nothing should);
    /// returns the bytes that came unasked.
    ///
    /// # Errors
    /// The session ended.
    pub async fn idle_until(&mut self, until: Instant) -> Result<u64, String> {
        let mut bytes = 0;
        loop {
            match tokio::time::timeout_at(until.into(), self.channel.wait()).await {
                Err(_) => return Ok(bytes),
                Ok(Some(ChannelMsg::Data { data })) => {
                    bytes += data.len() as u64;
                    self.ends(&data);
                }
                Ok(Some(ChannelMsg::Eof | ChannelMsg::Close) | None) => {
                    return Err("the session ended while idle".into());
                }
                Ok(Some(_)) => {}
            }
        }
    }

    /// Types `q` and waits for the exit status and the channel's close.
    ///
    /// # Errors
    /// No exit status in time, or the connection broke.
    pub async fn quit(mut self, within: Duration) -> Result<u32, String> {
        self.channel
            .data(&b"q"[..])
            .await
            .map_err(|e| format!("send: {e}"))?;
        let deadline = Instant::now() + within;
        let mut status = None;
        loop {
            match tokio::time::timeout_at(deadline.into(), self.channel.wait()).await {
                Err(_) => return Err("no exit in time".into()),
                Ok(Some(ChannelMsg::ExitStatus { exit_status })) => status = Some(exit_status),
                Ok(Some(ChannelMsg::Close) | None) => break,
                Ok(Some(_)) => {}
            }
        }
        let _ = self
            .handle
            .disconnect(russh::Disconnect::ByApplication, "", "")
            .await;
        status.ok_or_else(|| "no exit status".to_string())
    }
}
