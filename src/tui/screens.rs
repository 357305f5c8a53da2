//! One module per screen. Each has `draw(app, body, buf)` for its part of the frame and
//! `update(app, action) -> effects` for the keys that reach it; list screens also have
//! `hit(app, body, pos)`, which maps a click through the same layout the screen draws with.

pub mod exported;
pub mod home;
pub mod log;
pub mod outcome;
pub mod preview;
pub mod priorities;
pub mod question;
pub mod record;
pub mod review;
pub mod revisit;
