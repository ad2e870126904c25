//! How the view's parts reach the state: Yew's reducer over
//! [`crate::state::State`], every action applied at the browser's instant.

use std::rc::Rc;

use yew::prelude::*;

use crate::state::{Action, State};

/// The state as Yew keeps it; every action goes through [`State::act`] at
/// the browser's instant.
#[derive(PartialEq)]
pub struct Shared(pub State);

impl Reducible for Shared {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(Shared(self.0.act(action, crate::now())))
    }
}

/// How the view's parts reach the state.
pub type Dispatch = UseReducerDispatcher<Shared>;
