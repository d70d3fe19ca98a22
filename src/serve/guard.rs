//! A connection's socket with a kill switch and byte counters. Killing ends
//! every read and write at once, so a connection whose session loop waits
//! on a client that takes nothing (where even a close request would queue
//! behind the stuck data) is dropped all the same.

use std::io;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Mutex, PoisonError};
use std::task::{Context, Poll, Waker};

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};

/// Ends a connection from anywhere, once.
#[derive(Debug, Default)]
pub struct Switch {
    killed: AtomicBool,
    /// The tasks waiting to read and to write.
    wakers: Mutex<[Option<Waker>; 2]>,
    /// Bytes read from the client.
    pub bytes_in: AtomicU64,
    /// Bytes written to the client.
    pub bytes_out: AtomicU64,
}

impl Switch {
    /// Ends the connection: every read and write fails from now on.
    pub fn kill(&self) {
        self.killed.store(true, Ordering::SeqCst);
        let wakers =
            std::mem::take(&mut *self.wakers.lock().unwrap_or_else(PoisonError::into_inner));
        for waker in wakers.into_iter().flatten() {
            waker.wake();
        }
    }

    /// Whether the connection was ended.
    pub fn killed(&self) -> bool {
        self.killed.load(Ordering::SeqCst)
    }

    fn check(&self, slot: usize, cx: &Context<'_>) -> io::Result<()> {
        if let Some(w) = self
            .wakers
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get_mut(slot)
        {
            match w {
                Some(old) if old.will_wake(cx.waker()) => {}
                _ => *w = Some(cx.waker().clone()),
            }
        }
        // Checked after registering, so a kill in between is not missed.
        if self.killed() {
            Err(io::Error::new(
                io::ErrorKind::ConnectionAborted,
                "connection ended",
            ))
        } else {
            Ok(())
        }
    }
}

/// A stream that obeys a [`Switch`] and counts its bytes.
pub struct Guarded<S> {
    inner: S,
    switch: std::sync::Arc<Switch>,
}

impl<S> Guarded<S> {
    /// Wraps `inner`.
    pub fn new(inner: S, switch: std::sync::Arc<Switch>) -> Self {
        Self { inner, switch }
    }
}

const READ: usize = 0;
const WRITE: usize = 1;

impl<S: AsyncRead + Unpin> AsyncRead for Guarded<S> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        self.switch.check(READ, cx)?;
        let before = buf.filled().len();
        let result = Pin::new(&mut self.inner).poll_read(cx, buf);
        let read = buf.filled().len().saturating_sub(before);
        self.switch
            .bytes_in
            .fetch_add(read as u64, Ordering::Relaxed);
        result
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for Guarded<S> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        self.switch.check(WRITE, cx)?;
        let result = Pin::new(&mut self.inner).poll_write(cx, buf);
        if let Poll::Ready(Ok(n)) = result {
            self.switch.bytes_out.fetch_add(n as u64, Ordering::Relaxed);
        }
        result
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        self.switch.check(WRITE, cx)?;
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    use super::*;

    #[tokio::test]
    async fn a_kill_wakes_a_waiting_read_and_fails_writes() {
        let (ours, mut theirs) = tokio::io::duplex(64);
        let switch = Arc::new(Switch::default());
        let mut guarded = Guarded::new(ours, Arc::clone(&switch));
        theirs.write_all(b"hello").await.unwrap();
        let mut buf = [0u8; 5];
        guarded.read_exact(&mut buf).await.unwrap();
        guarded.write_all(b"hi").await.unwrap();
        assert_eq!(switch.bytes_in.load(Ordering::Relaxed), 5);
        assert_eq!(switch.bytes_out.load(Ordering::Relaxed), 2);
        // Nothing to read: the read waits until the kill.
        let reading = tokio::spawn(async move {
            let mut more = [0u8; 1];
            guarded.read(&mut more).await
        });
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        switch.kill();
        let result = tokio::time::timeout(std::time::Duration::from_secs(2), reading)
            .await
            .expect("the kill woke the read")
            .unwrap();
        assert_eq!(result.unwrap_err().kind(), io::ErrorKind::ConnectionAborted);
    }

    #[tokio::test]
    async fn a_kill_ends_a_write_stuck_on_a_full_pipe() {
        let (ours, _theirs) = tokio::io::duplex(16);
        let switch = Arc::new(Switch::default());
        let mut guarded = Guarded::new(ours, Arc::clone(&switch));
        let writing = tokio::spawn(async move { guarded.write_all(&[0u8; 1024]).await });
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        switch.kill();
        let result = tokio::time::timeout(std::time::Duration::from_secs(2), writing)
            .await
            .expect("the kill woke the write")
            .unwrap();
        assert!(result.is_err());
    }
}
