//! The SSH side of one connection: who may log in, which requests are
//! answered and how. One session channel; a shell with a pty starts the
//! reader, `exec` or a shell without a pty the plain view; everything else
//! (subsystems, forwarding, agent, X11, a second channel) is refused. The
//! handler never waits for the reader.

use std::sync::Arc;

use russh::keys::PublicKey;
use russh::server::{Auth, Msg, Session};
use russh::{Channel, ChannelId, MethodKind, MethodSet, Pty};

use super::Server;
use super::channel::ChannelOut;
use super::conn::{Conn, Phase};
use super::gate::Ticket;
use super::inbox::Inbox;
use super::log::End;
use super::offer::{self, Offer};
use super::session::{self, Reader, Shown};
use crate::app::Options;
use crate::content::Shared;
use crate::dirs::Dirs;
use crate::environ::Env;
use crate::keymap::Keymap;
use crate::labels::Lang;
use crate::pane::PaneId;
use crate::plain;
use crate::shelf::ShelfOptions;
use crate::theme::{ColourLevel, Colours};

/// Most environment variables taken from a client.
const MAX_ENV: usize = 8;
/// Longest variable name and value taken.
const MAX_ENV_NAME: usize = 32;
const MAX_ENV_VALUE: usize = 256;
/// Longest `TERM` taken.
const MAX_TERM: usize = 64;
/// Width of the plain view without a pty.
const PLAIN_WIDTH: u16 = 80;

/// The pty the client asked for.
#[derive(Debug, Clone)]
struct PtyRequest {
    term: String,
    size: (u32, u32),
}

/// One connection's handler.
pub struct Client {
    server: Arc<Server>,
    conn: Arc<Conn>,
    ticket: Ticket,
    channel: Option<ChannelId>,
    pty: Option<PtyRequest>,
    env: Vec<(String, String)>,
    started: bool,
}

impl Client {
    /// The handler of `conn`, holding its place at the gate.
    pub fn new(server: Arc<Server>, conn: Arc<Conn>, ticket: Ticket) -> Self {
        Self {
            server,
            conn,
            ticket,
            channel: None,
            pty: None,
            env: Vec::new(),
            started: false,
        }
    }

    fn ours(&self, channel: ChannelId) -> bool {
        self.channel == Some(channel)
    }

    fn refuse_unless_keys() -> Auth {
        Auth::Reject {
            proceed_with_methods: Some(MethodSet::from(&[MethodKind::PublicKey][..])),
            partial_success: false,
        }
    }

    fn key_auth(&mut self, key: &PublicKey) -> Auth {
        if self.server.access.allows(key.key_data()) {
            self.conn.info().record.method = Some("publickey");
            Auth::Accept
        } else {
            Self::refuse_unless_keys()
        }
    }

    /// The client's environment as the settings read it: `TERM` from the
    /// pty, the locale and colour wishes from what it sent.
    fn env(&self) -> Env {
        let get = |name: &str| {
            self.env
                .iter()
                .rev()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
                .filter(|v| !v.is_empty())
        };
        Env {
            no_color: get("NO_COLOR").is_some(),
            term: self.pty.as_ref().map(|p| p.term.clone()),
            colorterm: get("COLORTERM"),
            locale: get("LC_ALL")
                .or_else(|| get("LC_CTYPE"))
                .or_else(|| get("LANG")),
            columns: None,
        }
    }

    /// A shell or exec request: the first on our channel starts it, any
    /// other is refused.
    fn start_once(
        &mut self,
        channel: ChannelId,
        session: &mut Session,
        reader: bool,
    ) -> Result<(), russh::Error> {
        if !self.ours(channel) || self.started {
            session.channel_failure(channel)?;
            return Ok(());
        }
        session.channel_success(channel)?;
        self.start(channel, session, reader);
        Ok(())
    }

    /// Starts what the channel shows: the reader with a pty (and a terminal
    /// that can show it), else the plain view.
    fn start(&mut self, channel: ChannelId, session: &mut Session, reader: bool) {
        self.started = true;
        let env = self.env();
        // A client that sends no locale gets UTF-8: what clients use today.
        let ascii = env.locale.is_some() && !env.utf8();
        let mut out = ChannelOut::new(
            session.handle(),
            channel,
            self.server.runtime.clone(),
            self.server.limits.stall,
        );
        let conn = Arc::clone(&self.conn);
        let done = move |end: End| {
            // Nothing more can reach these clients: drop them. The others
            // got their exit status and close the connection themselves.
            if matches!(end, End::Stall | End::Flood | End::Error) {
                conn.kill(end);
            } else {
                conn.session_done(end);
            }
        };
        let mut info = self.conn.info();
        if reader && self.pty.is_some() && !env.dumb() {
            let size = self.pty.as_ref().map_or((80, 24), |p| p.size);
            let limits = self.server.limits;
            let inbox = Arc::new(Inbox::new(
                size,
                limits.idle,
                limits.max_session,
                limits.max_pending_input,
            ));
            let reader = Reader {
                shown: self.shown(ascii, self.colours(&env)),
                panic_on_key: self.server.test_panic,
            };
            info.record.kind = Some("reader");
            info.phase = Phase::Running(Some(Arc::clone(&inbox)));
            drop(info);
            if session::spawn_reader(reader, inbox, out, done).is_err() {
                self.conn.kill(End::Error);
            }
            return;
        }
        let width = self.pty.as_ref().map_or(PLAIN_WIDTH, |p| {
            u16::try_from(p.size.0.clamp(8, 300)).unwrap_or(PLAIN_WIDTH)
        });
        // With a pty the client's terminal is raw: lines need CR LF.
        out.crlf(self.pty.is_some());
        info.record.kind = Some("plain");
        info.phase = Phase::Running(None);
        drop(info);
        let text: Box<dyn FnOnce() -> String + Send> = match &self.server.offer {
            Offer::Briefing(shared) => {
                let content = shared.content(self.lang(shared), ascii);
                Box::new(move || plain::render(&content, width))
            }
            Offer::Library(library) => {
                let rows = library.rows();
                Box::new(move || offer::plain_list(&rows))
            }
        };
        if session::spawn_plain(text, out, done).is_err() {
            self.conn.kill(End::Error);
        }
    }
}

impl Client {
    /// The interface language for `shared`: the server's, else its own.
    fn lang(&self, shared: &Shared) -> Lang {
        self.server
            .lang
            .unwrap_or_else(|| Lang::for_tag(&shared.briefing().lang))
    }

    /// The server's theme at the level the client's terminal shows:
    /// none when it sent `NO_COLOR`, else as its `TERM` (from the pty) and
    /// `COLORTERM` say.
    fn colours(&self, env: &Env) -> Colours {
        Colours {
            theme: self.server.theme,
            level: if env.no_color {
                ColourLevel::None
            } else {
                env.colour_level()
            },
        }
    }

    /// What a reader session shows.
    fn shown(&self, ascii: bool, colours: Colours) -> Shown {
        match &self.server.offer {
            Offer::Briefing(shared) => Shown::Briefing {
                content: shared.content(self.lang(shared), ascii),
                options: Options {
                    pane: PaneId::Overview,
                    colours,
                    hosted: false,
                    // The server user's keys are theirs, not the readers'.
                    keymap: Keymap::shared_default(),
                },
            },
            Offer::Library(library) => Shown::Library {
                options: ShelfOptions {
                    dir: library.dir.clone(),
                    lang: self.server.lang,
                    ascii,
                    colours,
                    keymap: Keymap::shared_default(),
                    // The index cache is shared; read marks are not kept.
                    dirs: Dirs {
                        cache: library.dirs.cache.clone(),
                        ..Dirs::default()
                    },
                    keep_marks: false,
                    search_slots: Some(Arc::clone(&library.slots)),
                },
                rows: library.rows(),
                opened: library.opened.clone(),
            },
        }
    }
}

/// A `TERM` worth keeping: short printable ASCII, else `dumb` is not
/// assumed (the reader still runs), the value is just not trusted.
fn clean_term(term: &str) -> String {
    let ok = !term.is_empty()
        && term.len() <= MAX_TERM
        && term
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.+".contains(&b));
    if ok {
        term.to_string()
    } else {
        "unknown".to_string()
    }
}

/// Whether a variable may come from a client: the locale and colour
/// wishes, short and printable.
fn allowed_env(name: &str, value: &str) -> bool {
    let named = matches!(name, "LANG" | "COLORTERM" | "NO_COLOR")
        || (name.starts_with("LC_")
            && name.len() > 3
            && name.bytes().all(|b| b.is_ascii_uppercase() || b == b'_'));
    named
        && name.len() <= MAX_ENV_NAME
        && value.len() <= MAX_ENV_VALUE
        && value.bytes().all(|b| (b' '..=b'~').contains(&b))
}

impl russh::server::Handler for Client {
    type Error = russh::Error;

    async fn auth_none(&mut self, _user: &str) -> Result<Auth, Self::Error> {
        if self.server.access.anonymous() {
            self.conn.info().record.method = Some("none");
            Ok(Auth::Accept)
        } else {
            Ok(Self::refuse_unless_keys())
        }
    }

    async fn auth_publickey_offered(
        &mut self,
        _user: &str,
        offer: russh::server::PublicKeyOffer<'_>,
    ) -> Result<Auth, Self::Error> {
        // Only a check whether the key could do; the login is decided once
        // the signature is verified.
        if self.server.access.allows(offer.public_key.key_data()) {
            Ok(Auth::Accept)
        } else {
            Ok(Self::refuse_unless_keys())
        }
    }

    async fn auth_publickey(
        &mut self,
        _user: &str,
        key: russh::server::VerifiedPublicKey<'_>,
    ) -> Result<Auth, Self::Error> {
        Ok(self.key_auth(key.public_key))
    }

    async fn auth_succeeded(&mut self, session: &mut Session) -> Result<(), Self::Error> {
        self.ticket.authenticated();
        let mut info = self.conn.info();
        info.record.client = session.remote_sshid().to_vec();
        info.phase = Phase::Idle(std::time::Instant::now());
        Ok(())
    }

    async fn channel_open_session(
        &mut self,
        channel: Channel<Msg>,
        reply: russh::server::ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        if self.channel.is_some() {
            // One reader per connection; dropping the reply refuses.
            return Ok(());
        }
        self.channel = Some(channel.id());
        reply.accept().await;
        // Kept unread, the channel's queue would fill and stop the session:
        // everything it would carry reaches this handler anyway.
        drop(channel);
        Ok(())
    }

    async fn pty_request(
        &mut self,
        channel: ChannelId,
        term: &str,
        col_width: u32,
        row_height: u32,
        _pix_width: u32,
        _pix_height: u32,
        _modes: &[(Pty, u32)],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        if !self.ours(channel) || self.started {
            session.channel_failure(channel)?;
            return Ok(());
        }
        let term = clean_term(term);
        let mut info = self.conn.info();
        info.record.term = Some(term.clone());
        info.record.size = Some(super::inbox::capped_size((col_width, row_height)));
        drop(info);
        self.pty = Some(PtyRequest {
            term,
            size: (col_width, row_height),
        });
        session.channel_success(channel)?;
        Ok(())
    }

    async fn env_request(
        &mut self,
        channel: ChannelId,
        variable_name: &str,
        variable_value: &str,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        if self.ours(channel)
            && self.env.len() < MAX_ENV
            && allowed_env(variable_name, variable_value)
        {
            self.env
                .push((variable_name.to_string(), variable_value.to_string()));
            session.channel_success(channel)?;
        } else {
            session.channel_failure(channel)?;
        }
        Ok(())
    }

    async fn shell_request(
        &mut self,
        channel: ChannelId,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.start_once(channel, session, true)
    }

    async fn exec_request(
        &mut self,
        channel: ChannelId,
        _command: &[u8],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        // The command is never run, parsed or logged: any command gets the
        // briefing as plain text.
        self.start_once(channel, session, false)
    }

    async fn subsystem_request(
        &mut self,
        channel: ChannelId,
        _name: &str,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        session.channel_failure(channel)?;
        Ok(())
    }

    async fn x11_request(
        &mut self,
        channel: ChannelId,
        _single_connection: bool,
        _x11_auth_protocol: &str,
        _x11_auth_cookie: &str,
        _x11_screen_number: u32,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        session.channel_failure(channel)?;
        Ok(())
    }

    async fn window_change_request(
        &mut self,
        channel: ChannelId,
        col_width: u32,
        row_height: u32,
        _pix_width: u32,
        _pix_height: u32,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        if !self.ours(channel) {
            return Ok(());
        }
        if let Some(pty) = &mut self.pty {
            pty.size = (col_width, row_height);
        }
        let mut info = self.conn.info();
        info.record.size = Some(super::inbox::capped_size((col_width, row_height)));
        if let Phase::Running(Some(inbox)) = &info.phase {
            inbox.resize((col_width, row_height));
        }
        Ok(())
    }

    async fn data(
        &mut self,
        channel: ChannelId,
        data: &[u8],
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        if !self.ours(channel) {
            return Ok(());
        }
        let inbox = match &self.conn.info().phase {
            Phase::Running(Some(inbox)) => Arc::clone(inbox),
            _ => return Ok(()),
        };
        if inbox.push(data).is_err() {
            self.conn.kill(End::Flood);
        }
        Ok(())
    }

    async fn channel_eof(
        &mut self,
        channel: ChannelId,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        // No more keys will come: a reader has nothing left to do. The plain
        // view goes on (`ssh host cmd < /dev/null` sends EOF at once).
        if let (true, Phase::Running(Some(inbox))) = (self.ours(channel), &self.conn.info().phase) {
            inbox.end(End::Closed);
        }
        Ok(())
    }

    async fn channel_close(
        &mut self,
        channel: ChannelId,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        if self.ours(channel) {
            self.conn.end(End::Closed);
        }
        Ok(())
    }
}
