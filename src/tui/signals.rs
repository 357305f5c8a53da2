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
        // The watchdog gets its own pipe, whose write end stays open: its read end never has
        // data and is never at end-of-file.
        let mut quiet = [0 as libc::c_int; 2];
        // SAFETY: pipe(2) fills the two-element array.
        if unsafe { libc::pipe(quiet.as_mut_ptr()) } == 0 {
            for fd in quiet {
                // SAFETY: fcntl on descriptors we just created.
                unsafe {
                    let fl = libc::fcntl(fd, libc::F_GETFL);
                    libc::fcntl(fd, libc::F_SETFL, fl | libc::O_NONBLOCK);
                    libc::fcntl(fd, libc::F_SETFD, libc::FD_CLOEXEC);
                }
            }
            let quiet_read = quiet[0];
            let _ = std::thread::Builder::new()
                .name("hang-up watchdog".into())
                .spawn(move || watch_for_hang_up(quiet_read));
        }
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

    /// How long the event loop gets to notice a hang-up by itself before the watchdog steps in.
    const GRACE: std::time::Duration = std::time::Duration::from_millis(300);

    /// Waits for the terminal to hang up, then makes sure the event loop learns of it.
    ///
    /// [`wait`] checks for a hang-up before every crossterm call, but the terminal can close in
    /// the instant between that check and crossterm's read. crossterm 0.29 then reads
    /// end-of-file in a loop that only a "would block" ends (its `UnixInternalEventSource`),
    /// at 100 % CPU, and never returns to the event loop (seen in the pty test of a closed
    /// terminal). So this thread, blocked in `poll(2)` for hang-up only, notes SIGHUP as
    /// pending and wakes the loop; if the loop has not ended the program after [`GRACE`], it
    /// puts an empty non-blocking pipe in place of the terminal on standard input and sends
    /// the program SIGWINCH, so crossterm returns, and the loop sees the pending hang-up,
    /// saves the session and the form, and ends.
    fn watch_for_hang_up(quiet_read: libc::c_int) {
        let mut fd = libc::pollfd {
            fd: libc::STDIN_FILENO,
            events: 0,
            revents: 0,
        };
        loop {
            // SAFETY: poll(2) on one valid pollfd; with no events asked, it returns only on
            // POLLHUP, POLLERR or POLLNVAL.
            let r = unsafe { libc::poll(&raw mut fd, 1, -1) };
            if r > 0 && fd.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
                break;
            }
            if r < 0 && std::io::Error::last_os_error().kind() != std::io::ErrorKind::Interrupted {
                return;
            }
        }
        on_signal(libc::SIGHUP);
        std::thread::sleep(GRACE);
        // Still running: the loop is stuck in crossterm. Its read loop ends on "would block";
        // then its own poll, which no longer watches standard input, wakes on SIGWINCH (it
        // reports a resize, or fails to measure the dead terminal: either returns to the loop).
        // SAFETY: dup2(2) of a descriptor we own onto standard input; kill(2) to ourselves.
        unsafe {
            libc::dup2(quiet_read, libc::STDIN_FILENO);
            libc::kill(libc::getpid(), libc::SIGWINCH);
        }
        on_signal(libc::SIGHUP);
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

    /// Fault injection for the pty test of the watchdog: with `TRADEOFFS_FAULT_LATE_HANGUP`
    /// set, [`wait`] leaves the terminal to crossterm at once, as if it had hung up just after
    /// the check, so a closed terminal reaches crossterm's read loop every time.
    fn late_hang_up() -> bool {
        static LATE: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
        *LATE.get_or_init(|| std::env::var_os("TRADEOFFS_FAULT_LATE_HANGUP").is_some())
    }

    pub fn wait() -> Wake {
        loop {
            if let Some(sig) = pending() {
                return Wake::Signal(sig);
            }
            if late_hang_up() {
                return Wake::Input;
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
