//! A served session's output: frames written to the SSH channel one at a
//! time. `flush` hands a frame to the SSH session and waits until it is
//! taken, at most the stall limit, so a client that takes nothing holds one
//! frame of ours, never a queue of them.

use std::io::{self, Write};
use std::time::Duration;

use russh::ChannelId;
use russh::server::Handle;

/// The SSH channel as a writer for frames.
pub struct ChannelOut {
    handle: Handle,
    channel: ChannelId,
    runtime: tokio::runtime::Handle,
    stall: Duration,
    buffer: Vec<u8>,
    /// Translate `\n` to `\r\n` (plain text on a client terminal in raw mode).
    crlf: bool,
}

impl ChannelOut {
    /// Writes to `channel` of the session behind `handle`, waiting for the
    /// client at most `stall` per frame.
    pub fn new(
        handle: Handle,
        channel: ChannelId,
        runtime: tokio::runtime::Handle,
        stall: Duration,
    ) -> Self {
        Self {
            handle,
            channel,
            runtime,
            stall,
            buffer: Vec::new(),
            crlf: false,
        }
    }

    /// From now on `\n` goes out as `\r\n`.
    pub fn crlf(&mut self, on: bool) {
        self.crlf = on;
    }

    /// Runs a request on the session, waiting at most the stall limit.
    fn send<F>(&self, request: F) -> io::Result<()>
    where
        F: std::future::Future<Output = Result<(), ()>>,
    {
        let stall = self.stall;
        // The timer is made inside the runtime, where timers live.
        let sent = self
            .runtime
            .block_on(async move { tokio::time::timeout(stall, request).await });
        match sent {
            Ok(Ok(())) => Ok(()),
            Ok(Err(())) => Err(io::Error::new(
                io::ErrorKind::BrokenPipe,
                "connection closed",
            )),
            Err(_) => Err(io::Error::new(
                io::ErrorKind::TimedOut,
                "the client takes no output",
            )),
        }
    }

    /// Ends the channel as a finished command: exit status, end of data,
    /// close.
    ///
    /// # Errors
    /// When the client is gone or takes nothing.
    pub fn finish(&mut self, status: u32) -> io::Result<()> {
        self.flush()?;
        let (handle, channel) = (self.handle.clone(), self.channel);
        self.send(async move { handle.exit_status_request(channel, status).await })?;
        let handle = self.handle.clone();
        self.send(async move { handle.eof(channel).await })?;
        let handle = self.handle.clone();
        self.send(async move { handle.close(channel).await })
    }
}

impl Write for ChannelOut {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.crlf {
            for &b in buf {
                if b == b'\n' {
                    self.buffer.push(b'\r');
                }
                self.buffer.push(b);
            }
        } else {
            self.buffer.extend_from_slice(buf);
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.buffer.is_empty() {
            return Ok(());
        }
        let data = bytes::Bytes::from(std::mem::take(&mut self.buffer));
        let (handle, channel) = (self.handle.clone(), self.channel);
        self.send(async move { handle.data(channel, data).await.map_err(|_| ()) })
    }
}
