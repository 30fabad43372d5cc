//! The per-request context every tool, prompt and resource receives. It is
//! cheap to clone (shared pieces sit behind `Rc`); later issues add the
//! tenant's Kaltura client and cache here.

use crate::config::Config;
use std::rc::Rc;

#[derive(Debug, Clone)]
pub struct Context {
    pub config: Rc<Config>,
}

impl Context {
    pub fn new(config: Rc<Config>) -> Self {
        Context { config }
    }
}
