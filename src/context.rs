//! The per-request context every tool, prompt and resource receives: the
//! configuration, the platform's ports, and the Kaltura client for the
//! request's account. It is cheap to clone (shared pieces sit behind `Rc`).

use crate::cache::Cache;
use crate::config::Config;
use crate::kaltura::{Client, Credentials, Download, KalturaError, ServiceUrl, SessionCache};
use crate::mcp::exchange::{Exchange, LogLevel};
use crate::platform::{
    DynClock, DynHttp, ManualClock, MemoryKv, OutboundRequest, OutboundResponse, Ports,
    TransportError,
};
use std::rc::Rc;

/// The Kaltura client as tools see it, whatever the platform.
pub type KalturaClient = Client<Rc<dyn DynHttp>, Rc<dyn DynClock>>;

#[derive(Debug, Clone)]
pub struct Context {
    pub config: Rc<Config>,
    pub ports: Ports,
    /// KSs already generated for the request's account, reused until 80%
    /// of their lifetime.
    pub sessions: Rc<SessionCache>,
    /// The account this request acts for when it is not the configured
    /// one: from a bearer token or request headers ([`crate::auth::gate`]).
    pub account: Option<Rc<Account>>,
    /// The MCP request being served, for progress and log notifications.
    pub exchange: Option<Exchange>,
}

/// A Kaltura account a request acts for.
#[derive(Debug, Clone, PartialEq)]
pub struct Account {
    pub service_url: ServiceUrl,
    pub credentials: Credentials,
}

impl Context {
    /// This context serving the MCP request of `exchange`.
    pub fn with_exchange(mut self, exchange: &Exchange) -> Self {
        self.exchange = Some(exchange.clone());
        self
    }

    /// Reports progress, if the client asked for it.
    pub fn progress(&self, done: u32, total: u32, message: &str) {
        if let Some(exchange) = &self.exchange {
            exchange.progress(f64::from(done), Some(f64::from(total)), Some(message));
        }
    }

    /// Logs `message` to the client, at or above the level it asked for.
    pub async fn log(&self, level: LogLevel, message: &str) {
        if let Some(exchange) = &self.exchange {
            exchange.log(level, "kaltura-mcp", message.into()).await;
        }
    }

    /// The protocol's cross-request state over this request's KV.
    pub fn shared_state(&self) -> Rc<dyn crate::mcp::exchange::SharedState> {
        Rc::new(crate::protocol_state::KvSharedState::new(
            self.ports.kv.clone(),
            self.ports.clock.clone(),
        ))
    }

    /// A context without a network (protocol tests, static answers).
    pub fn new(config: Rc<Config>) -> Self {
        let ports = Ports::new(NoNetwork, ManualClock::default(), MemoryKv::default());
        Context::with_ports(config, ports, Rc::default())
    }

    pub fn with_ports(config: Rc<Config>, ports: Ports, sessions: Rc<SessionCache>) -> Self {
        Context {
            config,
            ports,
            sessions,
            account: None,
            exchange: None,
        }
    }

    /// This context acting for `account` (with its own KS cache).
    pub fn for_account(mut self, account: Account) -> Self {
        self.account = Some(Rc::new(account));
        self.sessions = Rc::default();
        self
    }

    fn service_url(&self) -> &ServiceUrl {
        match &self.account {
            Some(account) => &account.service_url,
            None => &self.config.kaltura.service_url,
        }
    }

    /// The credentials this request acts with, if any.
    pub fn credentials(&self) -> Option<&Credentials> {
        match &self.account {
            Some(account) => Some(&account.credentials),
            None => self.config.kaltura.account.as_ref(),
        }
    }

    /// A client for this request's account, or an error saying how to
    /// configure one.
    pub fn kaltura(&self) -> Result<KalturaClient, KalturaError> {
        let credentials = self.credentials().cloned().ok_or_else(no_account)?;
        Ok(Client::new(
            self.ports.http.clone(),
            self.ports.clock.clone(),
            self.service_url().clone(),
            credentials,
        )
        .with_sessions(self.sessions.clone()))
    }
}

impl Context {
    /// The response cache of this request's tenant.
    pub fn cache(&self) -> Result<Cache, KalturaError> {
        let credentials = self.credentials().ok_or_else(no_account)?;
        Ok(Cache::new(
            self.ports.kv.clone(),
            self.ports.clock.clone(),
            self.service_url().as_str(),
            credentials,
        ))
    }

    /// Fetches a file URL Kaltura handed out, after checking its host
    /// against the service URL and the allow-list.
    pub async fn download(
        &self,
        client: &KalturaClient,
        url: &str,
        max_bytes: usize,
    ) -> Result<Download, KalturaError> {
        client
            .service_url()
            .check_download(url, &self.config.kaltura.hosts)
            .map_err(|_| KalturaError::HostRefused(crate::kaltura::service_url::url_origin(url)))?;
        client.download(url, max_bytes).await
    }
}

fn no_account() -> KalturaError {
    KalturaError::Session(
        "no Kaltura account is configured for this server: set KALTURA_PARTNER_ID and KALTURA_ADMIN_SECRET (and KALTURA_SERVICE_URL for a non-SaaS deployment)"
            .into(),
    )
}

/// The [`Http`](crate::platform::Http) of a context built without a platform.
struct NoNetwork;

impl crate::platform::Http for NoNetwork {
    async fn send(&self, _: OutboundRequest) -> Result<OutboundResponse, TransportError> {
        Err(TransportError::Connect(
            "this context has no network access".into(),
        ))
    }
}
