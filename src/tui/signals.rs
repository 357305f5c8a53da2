//! Ending well when the terminal or the system says so. Without this, SIGTERM, SIGHUP, SIGQUIT
//! and `kill -INT` killed the TUI with the terminal left raw, in the alternate screen, with
//! mouse reporting on, and the record form's text lost; and a closed terminal (a pty hang-up
//! without SIGHUP, when the program is not the session leader or SIGHUP is ignored) left
//! crossterm reading end-of-file in a loop at 100 % CPU.
//!
//! [`install`] sets handlers that only note the signal and write a byte to a self-pipe.
//! [`wait`] blocks in `poll(2)` on the terminal and that pipe before each crossterm read, so
//! the event loop learns of a signal or a hang-up (`POLLHUP`, `POLLERR`) and turns it into
//! [`super::update::Msg::Terminate`]: the form is stored, the session saved, the terminal
//! restored. SIGWINCH stays crossterm's: `poll` wakes at least every [`TICK`] to let crossterm
//! report a resize.

use std::time::Duration;

/// How often the wait gives crossterm a chance to report events it queued itself (a resize).
pub const TICK: Duration = Duration::from_millis(200);

/// What ended a wait.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wake {
    /// crossterm has (or may have) an event to read.
    Input,
    /// A terminating signal arrived (its number).
    Signal(i32),
    /// The terminal hung up.
    HangUp,
}

#[cfg(unix)]
mod imp {
    use std::sync::atomic::{AtomicI32, Ordering};

    use super::{TICK, Wake};

    static PIPE_WRITE: AtomicI32 = AtomicI32::new(-1);
    static PIPE_READ: AtomicI32 = AtomicI32::new(-1);
    static PENDING: AtomicI32 = AtomicI32::new(0);

    const SIGNALS: [libc::c_int; 4] = [libc::SIGTERM, libc::SIGHUP, libc::SIGINT, libc::SIGQUIT];

    extern "C" fn on_signal(sig: libc::c_int) {
        // Async-signal-safe only: an atomic store and write(2).
        let _ = PENDING.compare_exchange(0, sig, Ordering::SeqCst, Ordering::SeqCst);
        let fd = PIPE_WRITE.load(Ordering::SeqCst);
        if fd >= 0 {
            let byte = 1u8;
            // SAFETY: writing one byte from a valid buffer to a non-blocking pipe.
            unsafe {
                libc::write(fd, (&raw const byte).cast(), 1);
            }
        }
    }

    pub fn install() {
        if PIPE_READ.load(Ordering::SeqCst) >= 0 {
            return;
        }
        let mut fds = [0 as libc::c_int; 2];
        // SAFETY: pipe(2) fills the two-element array.
        if unsafe { libc::pipe(fds.as_mut_ptr()) } != 0 {
            return;
        }
        for fd in fds {
            // SAFETY: fcntl on descriptors we just created.
            unsafe {
                let fl = libc::fcntl(fd, libc::F_GETFL);
                libc::fcntl(fd, libc::F_SETFL, fl | libc::O_NONBLOCK);
                libc::fcntl(fd, libc::F_SETFD, libc::FD_CLOEXEC);
            }
        }
        PIPE_READ.store(fds[0], Ordering::SeqCst);
        PIPE_WRITE.store(fds[1], Ordering::SeqCst);
        for sig in SIGNALS {
            // SAFETY: a zeroed sigaction with our handler, no SA_RESTART (so poll returns).
            unsafe {
                let mut sa: libc::sigaction = std::mem::zeroed();
                sa.sa_sigaction = on_signal as extern "C" fn(libc::c_int) as libc::sighandler_t;
                libc::sigemptyset(&raw mut sa.sa_mask);
                libc::sigaction(sig, &raw const sa, std::ptr::null_mut());
            }
        }
    }

    /// A terminating signal that arrived, if any (taken once).
    fn pending() -> Option<i32> {
        match PENDING.swap(0, Ordering::SeqCst) {
            0 => None,
            s => Some(s),
        }
    }

    /// poll(2) on the terminal and the signal pipe for at most `timeout_ms`.
    fn poll_once(timeout_ms: i32) -> Option<Wake> {
        let pipe = PIPE_READ.load(Ordering::SeqCst);
        let mut fds = [
            libc::pollfd {
                fd: libc::STDIN_FILENO,
                events: libc::POLLIN,
                revents: 0,
            },
            libc::pollfd {
                fd: pipe,
                events: libc::POLLIN,
                revents: 0,
            },
        ];
        let n: libc::nfds_t = if pipe >= 0 { 2 } else { 1 };
        // SAFETY: poll(2) on a valid array of `n` pollfds.
        let r = unsafe { libc::poll(fds.as_mut_ptr(), n, timeout_ms) };
        if r <= 0 {
            // A timeout, or EINTR (a signal: the caller looks at it).
            return None;
        }
        if n == 2 && fds[1].revents != 0 {
            let mut buf = [0u8; 64];
            // SAFETY: reading into a valid buffer from our non-blocking pipe.
            while unsafe { libc::read(pipe, buf.as_mut_ptr().cast(), buf.len()) } > 0 {}
        }
        let tty = fds[0].revents;
        if tty & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
            return Some(Wake::HangUp);
        }
        (tty & libc::POLLIN != 0).then_some(Wake::Input)
    }

    pub fn wait() -> Wake {
        loop {
            if let Some(sig) = pending() {
                return Wake::Signal(sig);
            }
            if poll_once(0) == Some(Wake::HangUp) {
                return Wake::HangUp;
            }
            // Events crossterm already holds (the rest of a paste, a resize it caught).
            if crossterm::event::poll(std::time::Duration::ZERO).unwrap_or(false) {
                return Wake::Input;
            }
            let timeout = i32::try_from(TICK.as_millis()).unwrap_or(200);
            match poll_once(timeout) {
                Some(Wake::Input) => {
                    if let Some(sig) = pending() {
                        return Wake::Signal(sig);
                    }
                    return Wake::Input;
                }
                Some(w) => return w,
                None => {}
            }
        }
    }
}

#[cfg(not(unix))]
mod imp {
    use super::Wake;

    pub fn install() {}

    pub fn wait() -> Wake {
        Wake::Input
    }
}

pub use imp::{install, wait};
